"""The legal sources psepa encodes, with the dates each is in force.

Dates and source tags ([S1] ...) come from shared/reference/law-sources.md. Where a date is
not known exactly, the choice is written beside it and repeated in `psepa versions`.
"""

from __future__ import annotations

import datetime as dt

from psepa.engine.citations import Cite, Source, Window

D = dt.date

# Article VIII: passed 28 Aug 2017, signed 31 Aug 2017. Its effective date was not found;
# psepa reads it as in force from signature (law-rules.md H.7).
ARTICLE_VIII_IN_FORCE = Window(D(2017, 8, 31))

DRMC_28_250 = Source(
    id="drmc-28-250",
    name="DRMC 28-250",
    title="Use of city funds and resources limited; exceptions",
    kind="city ordinance",
    in_force=ARTICLE_VIII_IN_FORCE,
    url="http://denver-co.elaws.us/code/coor_ch28_artviii_sec28-250",
    references=("S1",),
    note="(a) to (a)(4) read in full; (a)(5) cut off; the exceptions subsection not recovered.",
)
DRMC_28_252 = Source(
    id="drmc-28-252",
    name="DRMC 28-252",
    title="Limitations on access to secure areas of city and county jails and related facilities",
    kind="city ordinance",
    in_force=ARTICLE_VIII_IN_FORCE,
    url="http://denver-co.elaws.us/code/coor_ch28_artviii_sec28-252",
    references=("S3",),
    note="Read in full.",
)
DRMC_28_253 = Source(
    id="drmc-28-253",
    name="DRMC 28-253",
    title="Civil immigration detainers and requests for voluntary notification",
    kind="city ordinance",
    in_force=ARTICLE_VIII_IN_FORCE,
    url="http://denver-co.elaws.us/code/coor_ch28_artviii_sec28-253",
    references=("S2", "S5", "S7", "S20", "S24", "S25", "S40", "S41", "S48"),
    note="(a), (b)(1) and (b)(2) read; (b)(3) cut off; the operative rules known from reporting.",
)
DRAFT_2017_07 = Source(
    id="draft-2017-07",
    name="July 2017 draft",
    title="Public Safety Enforcement Priorities Act, López-Kniech draft (summary of 14 Jul 2017)",
    kind="draft",
    in_force=Window(),
    url="http://www.9news.com/news/local/next/a-formal-proposal-to-keep-denver-out-of-immigration-enforcement/458031869",
    references=("S5", "S7"),
    note="Never law. Known only from the draft summary and news reports.",
)
COMMITTEE_2017_08_02 = Source(
    id="committee-2017-08-02",
    name="Committee bill of 2 Aug 2017",
    title="Council bill as forwarded by the Safety, Housing, Education & Homelessness Committee",
    kind="draft",
    in_force=Window(),
    url="http://www.9news.com/article/news/crime/denver-moves-to-shield-some-from-ice/73-461547097",
    references=("S18", "S22", "S53"),
    note="Never law. Reports disagree on whether ICE's attested categories survived.",
)
EO_142 = Source(
    id="eo-142",
    name="EO 142",
    title="Executive Order No. 142, Standing with Immigrants and Refugees",
    kind="executive order",
    in_force=Window(D(2017, 8, 31)),
    url="https://assets.documentcloud.org/documents/3984987/Executive-Order-142-Standing-With-Immigrants-amp.txt",
    references=("S26", "S33"),
    note="No rescission found.",
)
EO_152 = Source(
    id="eo-152",
    name="EO 152",
    title="Executive Order No. 152 (Mayor Johnston): city property and data",
    kind="executive order",
    in_force=Window(D(2026, 2, 26)),
    url="https://www.denver7.com/news/front-range/denver/denver-mayor-mike-johnston-signs-order-banning-ice-from-city-property-lays-out-measures-to-protect-protesters",
    references=("S55", "S56", "S112"),
    note="Known from news reports of the order.",
)
CRS_24_76_6 = Source(
    id="crs-24-76-6",
    name="C.R.S. 24-76.6",
    title="HB19-1124, Protect Colorado Residents From Federal Government Overreach",
    kind="state statute",
    in_force=Window(D(2019, 5, 28)),
    url="http://www.leg.colorado.gov/bills/hb19-1124",
    references=("S30", "S31", "S32"),
)
CRS_24_76_6_SB25_276 = Source(
    id="crs-24-76-6-sb25-276",
    name="SB25-276",
    title="SB25-276, Protect Civil Rights Immigration Status (amending C.R.S. 24-76.6 and 24-74)",
    kind="state statute",
    # Signed 23 May 2025; provision-level effective dates were not verified, so psepa reads
    # every provision as in force from signature (law-rules.md H.7).
    in_force=Window(D(2025, 5, 23)),
    url="https://leg.colorado.gov/bills/sb25-276",
    references=("S78", "S79", "S80", "S81", "S82", "S83", "S84"),
)
CRS_13_1_403 = Source(
    id="crs-13-1-403",
    name="C.R.S. 13-1-403",
    title="SB20-083, Protect Court Access: no civil arrest at or near a courthouse",
    kind="state statute",
    in_force=Window(D(2020, 3, 23)),
    url="https://getpocketlaw.com/law/state_colorado/section-13-1-403-prohibition-of-civil-arrest-writ-of-protection-procedure_54733acf3f42",
    references=("S70", "S71", "S72"),
)
CRS_24_74 = Source(
    id="crs-24-74",
    name="C.R.S. 24-74",
    title="SB21-131, Protecting Personal Identifying Information Maintained by the State",
    kind="state statute",
    in_force=Window(D(2021, 6, 25)),
    url="https://leg.colorado.gov/bills/SB21-131",
    references=("S73", "S74", "S75"),
    note="Binds state agencies; collection limits from 1 Jan 2022; extended to cities and "
    "counties by SB25-276 (23 May 2025).",
)
CRS_24_76_7 = Source(
    id="crs-24-76-7",
    name="C.R.S. 24-76.7",
    title="HB23-1100, no state or local immigration detention agreements",
    kind="state statute",
    in_force=Window(D(2023, 8, 7)),
    url="https://colorado.public.law/statutes/crs_24-76.7-101",
    references=("S76", "S77"),
    note="Ban on dealings with private immigration detention facilities from 1 Jan 2024.",
)
USC_1373 = Source(
    id="usc-8-1373",
    name="8 U.S.C. 1373",
    title="Communication between government agencies and the Immigration and Naturalization "
    "Service",
    kind="federal law",
    in_force=Window(),
    url="https://instalawyer.io/laws/us-code/1373",
    references=("S92", "S93"),
    note="Its reach against localities is contested in litigation; applied as the city reads it.",
)
CFR_287_7 = Source(
    id="cfr-8-287-7",
    name="8 C.F.R. 287.7",
    title="Detainer provisions under section 287(d)(3) of the Act",
    kind="federal law",
    in_force=Window(),
    url="https://www.usborderpatrol.com/usbp/laws/border_patrol608_11",
    references=("S94", "S95", "S96"),
)
FEDERAL_COURT_ORDERS = Source(
    id="federal-court-orders",
    name="Federal court orders",
    title="Orders of a federal court (for example the April 2020 order enforcing ICE subpoenas)",
    kind="federal law",
    in_force=Window(),
    url="https://denver.cbslocal.com/2020/04/21/denver-sheriff-ice-federal-judge-subpoenas/",
    references=("S40", "S41", "S103", "S104"),
)
VCCR_36 = Source(
    id="vccr-36",
    name="VCCR art. 36",
    title="Vienna Convention on Consular Relations, article 36 (consular notification)",
    kind="federal law",
    in_force=Window(),
    references=("S106", "S107"),
    note="The treaty the ordinance's treaty exceptions point to (law-rules.md F-4).",
)


def cite(source: Source, pinpoint: str = "") -> Cite:
    """`cite(DRMC_28_252, "(b)")` is the citation `DRMC 28-252(b)`."""
    return Cite(f"{source.name}{pinpoint}", source)


def cite_as(source: Source, text: str) -> Cite:
    """A citation whose words differ from the source's name (e.g. `C.R.S. 24-76.6-102`)."""
    return Cite(text, source)
