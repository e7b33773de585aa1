"""Text as the lexicon sees it: one case, no accents, identifiers split into words.

Column names (`CountryOfBirth`, `CTZN_STS_CD`), form labels ("¿Es usted ciudadano?") and note
sentences all reach the matcher in the same shape, so one lexicon serves every format and both
languages. Only abbreviations with a single meaning in records are expanded: `cit` (citation in
police data) and `lpr` (licence-plate reader) are deliberately left alone.

Identifiers get a second, larger table (`IDENTIFIER_ABBREVIATIONS`): the words government data
dictionaries shorten (`exp`, `cd`, `ind`, `flg`, `natz`, `natlty`, `psprt`, `empl`...). They are
expanded only in column and field names, where `exp_dt` is an expiry date; in a sentence
"exp" or "ind" could be anything, so prose keeps them as written.
"""

from __future__ import annotations

import re
import unicodedata

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_NOT_WORD = re.compile(r"[^a-z0-9#]+")
_US = re.compile(r" u s (?:a )?")
_EEUU = re.compile(r" ee uu ")
_CONTRACTED = re.compile(r"\b(nat|int)['’]l\b")

# Abbreviations seen in jail, court and benefits exports, each with one meaning there.
ABBREVIATIONS: dict[str, str] = {
    "ctzn": "citizenship",
    "ctznshp": "citizenship",
    "citz": "citizenship",
    "citzn": "citizenship",
    "ctz": "citizenship",
    "citizenshp": "citizenship",
    "immig": "immigration",
    # misspellings seen on intake forms ("Are you a U.S. Citzen?", imigration_stat_desc)
    "imigration": "immigration",
    "citzen": "citizen",
    "citzens": "citizens",
    "immigr": "immigration",
    "imm": "immigration",
    "immg": "immigration",
    "sts": "status",
    "stat": "status",
    "stts": "status",
    "pob": "place of birth",
    "cob": "country of birth",
    "dob": "date of birth",
    "ctry": "country",
    "cntry": "country",
    "brth": "birth",
    "birthpl": "birth place",
    "birthplace": "birth place",
    "bplace": "birth place",
    "bplc": "birth place",
    "birthcountry": "birth country",
    "nbr": "number",
    "num": "number",
    "anum": "a number",
    "anbr": "a number",
    "anumber": "a number",
    "natl": "national",
    "perm": "permanent",
    "doc": "document",
    "docs": "documents",
    "dt": "date",
    "typ": "type",
    "natzn": "naturalization",
    "ntrlzn": "naturalization",
    "undoc": "undocumented",
    "auth": "authorization",
    "orig": "origin",
    "nacionalid": "nacionalidad",
    "pspt": "passport",
    "greencard": "green card",
    "workpermit": "work permit",
    "everify": "e verify",
    "i94": "i 94",
    "i9": "i 9",
    "i551": "i 551",
    "i766": "i 766",
    "eeuu": "estados unidos",
    "eua": "estados unidos",  # Estados Unidos de América, as Mexican forms write it
    "usa": "united states",
}


# Expanded in identifiers only, one token at a time, so the lexicon's full words match
# `ppt_exp_dt`, `NATLTY_CD` or `emplAuthExpDate` without a pattern per spelling. Left out on
# purpose: `ppt` (parts per thousand in water data; the lexicon asks for a passport word
# after it), `res` and `resid` (residence, residual), `pmt` (payment), `cit` and `lpr`.
# Not `aln`: in federal grant data, which every city department files, ALN is the Assistance
# Listing Number (the former CFDA number), so `ALN_NBR` is left alone though a jail system
# may mean an alien number by it.
IDENTIFIER_ABBREVIATIONS: dict[str, str] = {
    "cd": "code",
    "ind": "indicator",
    "indr": "indicator",
    "flg": "flag",
    "exp": "expiry",
    "expir": "expiry",
    "expr": "expiry",
    "cert": "certificate",
    "certif": "certificate",
    "verif": "verification",
    "cls": "class",
    "clss": "class",
    "catg": "category",
    "cat": "category",
    "natz": "naturalization",
    "natzd": "naturalized",
    "natrlzn": "naturalization",
    "ntrlzd": "naturalized",
    "natlty": "nationality",
    "natnlty": "nationality",
    "ntnlty": "nationality",
    "nationalty": "nationality",
    "citizshp": "citizenship",
    "psprt": "passport",
    "pssprt": "passport",
    "passprt": "passport",
    "pasprt": "passport",
    "pasprte": "pasaporte",
    "pasapte": "pasaporte",
    "pasap": "pasaporte",  # pais_expedicion_pasap
    "empl": "employment",
    "emplmt": "employment",
    "emplymt": "employment",
    "wrk": "work",
    "authzn": "authorization",
    "authz": "authorization",
    "athrzn": "authorization",
    "prmt": "permit",
    "immgrtn": "immigration",
    "immi": "immigration",
    "migr": "migratorio",  # cond_migr_cod: condición migratoria
    "undocu": "undocumented",
    "lgl": "legal",
    "prmnt": "permanent",
    "rsdnt": "resident",
    "rsdt": "resident",
    "ancstry": "ancestry",
    "orgn": "origin",
    "bth": "birth",
    "plc": "place",
    "birthctry": "birth country",
    "birthcntry": "birth country",
    "asyl": "asylum",
    "rmvl": "removal",
    "remvl": "removal",
    "deport": "deportation",
    "greencrd": "green card",
    "natorig": "national origin",
    "natlorig": "national origin",
    "tarj": "tarjeta",
    "autoriz": "autorizacion",  # autoriz_empleo_eeuu
    # eight-letter survey variable names (SAS): CITZNSHP, CNTRYBIR, BIRTHSTATE
    "citznshp": "citizenship",
    "cntrybir": "country of birth",
    "birthstate": "birth state",
    "immstatu": "immigration status",
    "passprtn": "passport number",
    "nonimm": "nonimmigrant",
    "nonimmig": "nonimmigrant",
    "hist": "history",
    "frgn": "foreign",
    "fgn": "foreign",
    "frgnborn": "foreign born",
    "notif": "notification",
    "notifn": "notification",
    "consl": "consular",
    # IPUMS and census extracts: BPL, BPLD (birthplace); Spanish dictionaries: LUG_NAC_MUNIC
    "bpl": "birth place",
    "bpld": "birth place",
    "lug": "lugar",
    "munic": "municipio",
    "nacim": "nacimiento",
    "elig": "eligible",
    "cmplnt": "complaint",
    # issuing country and expiry in passport and visa fields: PPT_ISS_CTRY, FECHA_VENC_VISA
    "iss": "issue",
    "issu": "issue",
    "venc": "vencimiento",
    "vcto": "vencimiento",
    "vto": "vencimiento",
    "fec": "fecha",
    "emis": "emisor",
}


def split_identifier(text: str) -> str:
    """`CountryOfBirth` and `country_of_birth` both become `country Of Birth`-like words."""
    text = _CAMEL.sub(" ", text)
    return _LETTER_DIGIT.sub(" ", text)


def fold(text: str) -> str:
    """Lower case without accents: `Situación` reads as `situacion`."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def normalise(text: str, *, identifier: bool = False) -> str:
    """The matcher's form of `text`: folded words, one space apart, with a space at each end.

    `identifier` splits camel case and letter-digit runs first, for column and field names.
    """
    if identifier:
        text = split_identifier(text)
    folded = fold(text)
    if "'" in folded or "’" in folded:
        folded = _CONTRACTED.sub(r"\1l", folded)  # "Nat'l", "int'l": one word
    words = _NOT_WORD.sub(" ", folded).split()
    if identifier:
        words = [IDENTIFIER_ABBREVIATIONS.get(w, w) for w in words]
    padded = " " + " ".join(ABBREVIATIONS.get(w, w) for w in words) + " "
    # "U.S.", "U. S." and "US" all read as "us"; "EE. UU." as "estados unidos".
    padded = _US.sub(" us ", padded)
    return _EEUU.sub(" estados unidos ", padded)
