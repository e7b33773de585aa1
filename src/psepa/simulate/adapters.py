"""Real histories turned into situations the simulator reads (docs/simulate-mapping.md).

- Travis County, 2000-2016 (`travis_bookings_2000_2016.csv` and its charges): each booking with
  an ICE detainer becomes two situations, both dated on the detainer's disposition (the day the
  hold question arose; the booking day if there is none): whether to hold on the detainer at
  release, and whether to answer the detainer's request to be told of the release. Detainer
  dispositions map exactly as the case importer maps them (`TRAVIS_DISPOSITIONS`).
- Travis County, 1 Feb 2017 (`travis_feb2017_policy_bookings.csv` and its charges): each
  booking in custody with a detainer becomes the hold question on 1 Feb 2017; with
  `warrants=True`, an ICE warrant entered later is added as an administrative warrant.
- Pennsylvania, 2007-2015 (`pa_detainers_2007_2015.csv`): each ICE detainer becomes a hold
  question (I-247, I-247D) or a notification request (I-247N) on its prepare date.

Only what the decision needs is read: no place of birth, race, sex or age enters a situation
(the importer's FORBIDDEN_COLUMNS rule is applied to the columns read).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psepa.cases.importer import FORBIDDEN_COLUMNS, TRAVIS_DISPOSITIONS, shared_data_dir
from psepa.domain import BOOL_FACTS
from psepa.errors import PsepaError

TRAVIS = "travis-county-ice-detainers"
NPR = "ice-detainers-2007-2015-npr"
ICE_AUTHORITIES = {"INS", "ICEW", "ICED", "PEPR", "ICER"}
DETAINER_CODE = "4200"

Row = dict[str, Any]


class AdapterError(PsepaError, ValueError):
    """A source file does not look as its mapping expects; names the file and line."""


def _read(path: Path, columns: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    wanted = list(columns)
    for column in wanted:
        if FORBIDDEN_COLUMNS.search(column):
            raise AdapterError(f"{path}: the adapter may not read column {column!r}")
    if not path.is_file():
        raise AdapterError(f"{path}: no such file (set $PSEPA_SHARED_DATA to the data folder)")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in wanted if c not in (reader.fieldnames or [])]
        if missing:
            raise AdapterError(f"{path}: missing column {missing[0]!r}")
        for line, record in enumerate(reader, start=2):
            yield line, {c: (record[c] or "").strip() for c in wanted}


# Charge words to the offence categories a policy names (domain.Offence). Order matters: the
# first pattern that matches wins. An attempt, conspiracy or solicitation is its own offence
# (Tex. Penal Code ch. 15), so it is not the listed crime.
_INCHOATE = re.compile(r"\b(ATT|ATTEMPT|CONSP|CONSPIRACY|SOLICIT)\b")
_OFFENCE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("murder", re.compile(r"\bMURDER\b")),
    ("aggravated_sexual_assault", re.compile(r"\bAGG(RAVATED)? SEX(UAL)? ASS(AU)?LT\b")),
    ("continuous_sexual_abuse_of_child", re.compile(r"SEX(UAL)? ABUSE OF (YOUNG )?CHILD")),
    ("trafficking_of_persons", re.compile(r"TRAFFICKING (OF )?(A )?PERS|HUMAN TRAFFICK")),
    ("smuggling_of_persons", re.compile(r"SMUGGL\w* (OF )?PERS|HUMAN SMUGGL")),
)


def offence_of(description: str, level: str) -> str | None:
    """The offence category of one charge line, or None for a line that is not a charge."""
    text = description.upper()
    if not _INCHOATE.search(text):
        for name, pattern in _OFFENCE_PATTERNS:
            if pattern.search(text):
                return name
    grade = level.upper()
    if grade.startswith("F") and grade != "F*" and grade != "F":
        return "other_felony"
    if (grade.startswith("M") and grade != "M*") or grade in ("A", "B", "C"):
        return "misdemeanor"
    return None


def _join(values: Iterable[str]) -> str:
    return ";".join(sorted(set(values)))


def travis_history(data: Path | None = None) -> list[Row]:
    """Travis County bookings 2000-2016 with their charges, as situations."""
    folder = (data or shared_data_dir()) / TRAVIS
    offences: dict[str, set[str]] = defaultdict(set)
    for _, r in _read(folder / "travis_charges_2000_2016.csv",
                      ("booking_no", "charge_code", "charge_literal", "level")):
        if r["charge_code"] == DETAINER_CODE:
            continue
        found = offence_of(r["charge_literal"], r["level"])
        if found:
            offences[r["booking_no"]].add(found)
    rows: list[Row] = []
    columns = ("booking_no", "booking_date", "ice_detainer_disposition",
               "ice_detainer_disposition_date")
    for line, r in _read(folder / "travis_bookings_2000_2016.csv", columns):
        code = r["ice_detainer_disposition"]
        disposition = TRAVIS_DISPOSITIONS.get(code)
        if disposition is None:
            raise AdapterError(
                f"{folder / 'travis_bookings_2000_2016.csv'} line {line}: unknown disposition "
                f"code {code!r} (add it to TRAVIS_DISPOSITIONS and docs/import-mapping.md)"
            )
        on = r["ice_detainer_disposition_date"] or r["booking_date"]
        base: Row = {
            "id": f"travis-{r['booking_no']}",
            "on": on,
            "actor": "sheriff",
            "requester": "federal_immigration",
            "documents": "i_247a",
            "request_in_writing": True,
            "offences": _join(offences.get(r["booking_no"], ())) or None,
        }
        hold = dict(base, action="hold_on_detainer")
        if disposition.release:
            hold["release_basis"] = disposition.basis
        rows.append(hold)
        rows.append(dict(base, action="answer_notification_request", custody_event="release"))
    return rows


@dataclass(frozen=True)
class PolicyBooking:
    """One booking of the 1 Feb 2017 lists: its situation and what the jail actually did."""

    booking_no: str
    list_name: str
    situation: Row
    ice_lines: tuple[str, ...]  # the ICE authorities on the booking's charge lines
    charges: tuple[str, ...]  # the criminal charges, as written

    @property
    def accepted(self) -> bool:
        return self.list_name == "accepted_01feb2017"


POLICY_DAY = dt.date(2017, 2, 1)


def travis_policy_bookings(data: Path | None = None, *, warrants: bool = False
                           ) -> list[PolicyBooking]:
    """The bookings in custody on 1 Feb 2017 with a detainer, as hold questions that day."""
    folder = (data or shared_data_dir()) / TRAVIS
    lines: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for _, r in _read(folder / "travis_feb2017_policy_charges.csv",
                      ("list_name", "booking_no", "authority", "charge_code", "charge_desc",
                       "level")):
        lines[(r["list_name"], r["booking_no"])].append(r)
    found: list[PolicyBooking] = []
    for _, r in _read(folder / "travis_feb2017_policy_bookings.csv",
                      ("list_name", "booking_no")):
        charges = lines.get((r["list_name"], r["booking_no"]), [])
        ice = tuple(c["authority"] for c in charges if c["authority"] in ICE_AUTHORITIES)
        criminal = [c for c in charges if c["authority"] not in ICE_AUTHORITIES
                    and c["charge_code"] != DETAINER_CODE]
        offences = {o for c in criminal if (o := offence_of(c["charge_desc"], c["level"]))}
        documents = ["i_247a"]  # every booking on the lists had a detainer on 1 Feb 2017
        if warrants and "ICEW" in ice:
            documents.append("i_200")  # an ICE warrant of unknown kind: read as administrative
        situation: Row = {
            "id": f"travis-{r['booking_no']}",
            "action": "hold_on_detainer",
            "on": POLICY_DAY.isoformat(),
            "actor": "sheriff",
            "requester": "federal_immigration",
            "documents": _join(documents),
            "request_in_writing": True,
            "eligible_for_release": True,
            "offences": _join(offences) or None,
        }
        found.append(PolicyBooking(r["booking_no"], r["list_name"], situation, ice,
                                   tuple(c["charge_desc"] for c in criminal)))
    return found


_PA_TYPES = {
    "": ("hold_on_detainer", "i_247a"),
    "I247 - Immigration Detainer - Notice of Action (prior to March 2013)":
        ("hold_on_detainer", "i_247a"),
    "I247 - Immigration Detainer - Notice of Action (as of March 2013)":
        ("hold_on_detainer", "i_247a"),
    "I247D - Immigration Detainer - Request for Action": ("hold_on_detainer", "i_247d"),
    "I247N - Immigration Advisal - Request for Notification":
        ("answer_notification_request", "i_247n"),
}


def _pa_actor(facility: str) -> str | None:
    name = facility.upper()
    if re.search(r"\bCO(UNTY|NTY)?\b|\bCNTY\b|COUNTY|PRISON|DETENTION CENTER|JAIL", name) and \
            not re.search(r"\bSCI\b|STATE CORR|\bFCI\b|\bUSP\b|FEDERAL|MOSHANNON", name):
        return "sheriff"
    if re.search(r"\bSCI\b|STATE CORR|STATE POLICE", name):
        return "state_agency"
    return None  # federal or private facilities: no city or county actor; left unknown


def pennsylvania_detainers(data: Path | None = None) -> list[Row]:
    """ICE detainers sent to Pennsylvania facilities, Oct 2007 - Jul 2015, as situations."""
    path = (data or shared_data_dir()) / NPR / "pa_detainers_2007_2015.csv"
    rows: list[Row] = []
    for line, r in _read(path, ("date", "det_facility", "detainer_type")):
        kind = _PA_TYPES.get(r["detainer_type"])
        if kind is None:
            raise AdapterError(f"{path} line {line}: unknown detainer type {r['detainer_type']!r}")
        action, document = kind
        rows.append({
            "id": f"pa-{line}",
            "action": action,
            "on": r["date"][:10],
            "actor": _pa_actor(r["det_facility"]),
            "requester": "federal_immigration",
            "documents": document,
            "request_in_writing": True,
        })
    return rows


def travis_policy_day(data: Path | None = None) -> list[Row]:
    return [b.situation for b in travis_policy_bookings(data)]


ADAPTERS: dict[str, Callable[[], list[Row]]] = {
    "travis": travis_history,
    "pennsylvania": pennsylvania_detainers,
    "travis-2017": travis_policy_day,
}

COLUMN_ORDER = ("id", "action", "on", "actor", "requester", "release_basis", "custody_event",
                "documents", "request_in_writing", "eligible_for_release", "offences")


def write_situations(rows: list[Row], out: Path) -> int:
    """Write situations as CSV or Parquet with the contract's columns; returns the count."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    columns = [c for c in COLUMN_ORDER if any(c in r for r in rows)]
    if out.suffix.lower() == ".csv":
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for r in rows:
                writer.writerow(["" if r.get(c) is None else
                                 str(r[c]).lower() if isinstance(r.get(c), bool) else r[c]
                                 for c in columns])
    elif out.suffix.lower() == ".parquet":
        table = situations_table(rows, columns)
        pq.write_table(table, out)
    else:
        raise AdapterError(f"{out}: write situations as .csv or .parquet")
    return len(rows)


def situations_table(rows: list[Row], columns: list[str] | None = None) -> Any:
    """Situations as an Arrow table: text columns dictionary-encoded, `on` a date."""
    import pyarrow as pa

    columns = columns or [c for c in COLUMN_ORDER if any(c in r for r in rows)]
    arrays = {}
    for c in columns:
        values = [r.get(c) for r in rows]
        if c == "on":
            arrays[c] = pa.array([dt.date.fromisoformat(str(v)) for v in values], pa.date32())
        elif c in BOOL_FACTS:
            arrays[c] = pa.array(values, pa.bool_())
        else:
            text = pa.array(values, pa.string())
            arrays[c] = text if c == "id" else text.dictionary_encode()
    return pa.table(arrays)
