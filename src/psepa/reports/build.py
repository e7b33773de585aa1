"""From grouped counts to the report's tables: what the council and the public read.

The contents answer three sources. DRMC 28-253 and Executive Order 142 (the Sheriff tracks
every ICE request and what followed; Public Safety gave the council the figures each quarter,
the first for Q2 2018); New York City's four detainer counts (Admin. Code 14-154 and 9-131);
and California's TRUTH Act forum figures (Gov. Code 7283.1(d)). Each column's source is in
the data dictionary (`dictionary.py`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from sqlalchemy import inspect

from psepa.cases.intake import KINDS
from psepa.cases.store import Store
from psepa.errors import PsepaError
from psepa.reports import tallies
from psepa.reports.cache import cached_facts
from psepa.reports.model import Column, Finding, Report, Table, Value
from psepa.reports.period import Period
from psepa.reports.privacy import DEFAULT_THRESHOLD, check_threshold, suppress
from psepa.reports.queries import ICE_CUSTODY, Facts, gather

TRACKING = "DRMC 28-253; psepa rule A-21 (each request counted for the council)"
NYC = "New York City Admin. Code 14-154 (NYPD) and 9-131 (DOC), annual detainer report"
TRUTH = "Cal. Gov. Code 7283.1(d) (TRUTH Act community forum)"

KIND_NAMES = {
    "detainer": "Detainers (ICE Form I-247A or I-247D)",
    "notification": "Requests to be notified of a release (I-247N)",
    "interview": "Requests to interview a person in the jail",
    "access": "Requests for access to the jail's secure areas",
    "subpoena": "Subpoenas",
    "information": "Requests for personal information",
}

# The document a request carried that weighs most under the ordinance, most decisive first:
# only a judge's warrant or writ lets the jail hold (DRMC 28-250(a)(1), C.R.S. 24-76.6-102);
# an ICE warrant or order is administrative. psepa's decisions record the rules and sections
# that decided them, not which document was decisive, so the report names the strongest one.
DOCUMENT_RANK = (
    ("federal_judicial_warrant", "Federal judge's warrant"),
    ("judicial_writ", "Judicial writ"),
    ("state_judicial_warrant", "State judge's warrant"),
    ("court_order", "Court order"),
    ("judicial_subpoena", "Judicial subpoena"),
    ("immigration_judge_order", "Immigration judge's order (administrative)"),
    ("i_205", "ICE warrant of removal, I-205 (administrative)"),
    ("i_200", "ICE warrant of arrest, I-200 (administrative)"),
    ("i_203", "ICE order to detain, I-203 (administrative)"),
    ("administrative_subpoena", "Administrative subpoena"),
    ("i_247d", "Detainer form I-247D"),
    ("i_247a", "Detainer form I-247A"),
    ("i_247n", "Notification request form I-247N"),
)

LEAD_BUCKETS: tuple[tuple[str, Callable[[int], bool]], ...] = (
    ("sent after the release", lambda m: m < 0),
    ("less than 1 hour before", lambda m: 0 <= m < 60),
    ("1 to 4 hours before", lambda m: 60 <= m < 240),
    ("4 to 24 hours before", lambda m: 240 <= m < 1440),
    ("more than 24 hours before", lambda m: m >= 1440),
)


def _c(name: str, kind: str, meaning: str, source: str, suppressible: bool = True) -> Column:
    return Column(name, kind, meaning, source, suppressible)  # type: ignore[arg-type]


THIS = _c("this_period", "integer", "the count in the report's period", TRACKING)
BEFORE = _c("previous_period", "integer", "the same count in the period before", TRACKING)
CHANGE = _c(
    "change",
    "integer",
    "this period minus the previous one; empty when either is hidden",
    "derived",
    suppressible=False,
)


class NoCaseRecords(PsepaError, LookupError):
    """The database holds no case records to report on (wrong address, or never set up)."""


def build_report(
    store: Store,
    period: Period,
    *,
    public: bool = True,
    threshold: int = DEFAULT_THRESHOLD,
    now: dt.datetime | None = None,
) -> Report:
    """Compute the report for `period` from one snapshot of the case records.

    A public report hides small counts (`privacy.suppress`) and holds no name, booking number
    or request id; the internal one (`public=False`) shows every count and lists the bookings
    behind any hold beyond release, for the Sheriff to look into."""
    check_threshold(threshold)
    previous = period.previous()
    _check_records(store)
    facts = cached_facts(store, period, previous, partial(_read, store, period, previous))
    tables = [
        summary(facts, period, previous),
        requests_by_kind(facts, period, previous),
        decisions(facts),
        lead_times(facts),
        advisements(facts),
        outcomes(facts),
        monthly(facts, period),
        nyc_counts(facts),
        california_table(facts),
    ]
    if not public:
        tables.append(hold_cases(facts))
    if public:
        for table in tables:
            suppress(table, threshold)
        _hide_small_medians(tables[0])
    for table in tables:
        _fill_change(table)
    found = findings(facts, public, threshold)
    report = Report(
        period=period,
        previous=previous,
        public=public,
        threshold=threshold,
        generated_at=(now or dt.datetime.now(dt.UTC)).replace(microsecond=0),
        database=store.engine.dialect.name,
        tables={t.id: t for t in tables},
        findings=found,
    )
    return report


def _check_records(store: Store) -> None:
    # The address is shown without its password: the message may reach a web page.
    where = store.engine.url.render_as_string(hide_password=True)
    if store.url.startswith("sqlite:///"):
        path = store.url.removeprefix("sqlite:///")
        if path not in ("", ":memory:") and not Path(path).is_file():
            raise NoCaseRecords(
                f"no database at {path}: give the case records' address with --db "
                "(or $PSEPA_DATABASE_URL)"
            )
    try:
        present = inspect(store.engine).has_table("requests")
    except Exception as exc:  # unreachable server, bad credentials
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise NoCaseRecords(f"cannot read the case records at {where}: {problem}") from None
    if not present:
        raise NoCaseRecords(
            f"the database {where} has no case records: it was never migrated "
            "(any `psepa case` command sets it up)"
        )


def _read(store: Store, period: Period, previous: Period) -> Facts:
    """The counts from the day tallies, recounted first if anything changed since; from the
    records themselves on a database migrated before the tallies (0005)."""
    if not tallies.present(store):
        with store.reading() as s:
            return gather(s, period, previous)
    with store.reading() as s:
        if not tallies.pending(s):
            return tallies.gather_tallied(s, period, previous)
    return tallies.current(store, partial(tallies.gather_tallied, period=period, previous=previous))


def _in(period: Period, day: dt.date) -> bool:
    return period.first <= day <= period.last


def _split(counts: Iterable[tuple[bool, int]]) -> tuple[int, int]:
    cur = prev = 0
    for is_cur, n in counts:
        if is_cur:
            cur += n
        else:
            prev += n
    return cur, prev


def _day_split(by_day: dict[dt.date, int], period: Period, previous: Period) -> tuple[int, int]:
    return (
        sum(n for d, n in by_day.items() if _in(period, d)),
        sum(n for d, n in by_day.items() if _in(previous, d)),
    )


MEDIAN = "Median notice lead time before release, minutes"
NOTICES = "Notices of release sent to ICE"


def _hide_small_medians(summary: Table) -> None:
    """A median of a few notices is nearly their lead times themselves: it is hidden whenever
    the count of notices it is taken over is hidden."""
    rows = {str(r["measure"]): i for i, r in enumerate(summary.rows)}
    for column in ("this_period", "previous_period"):
        if (rows[NOTICES], column) in summary.suppressed:
            summary.rows[rows[MEDIAN]][column] = None
            summary.suppressed.add((rows[MEDIAN], column))


def _fill_change(table: Table) -> None:
    names = {c.name for c in table.columns}
    if "change" not in names:
        return
    for i, row in enumerate(table.rows):
        a, b = row.get("this_period"), row.get("previous_period")
        if isinstance(a, int | float) and isinstance(b, int | float):
            row["change"] = round(a - b, 1) if isinstance(a, float) else int(a - b)
        else:
            row["change"] = None
            if (i, "this_period") in table.suppressed or (i, "previous_period") in table.suppressed:
                table.suppressed.add((i, "change"))


def _median_lead(facts: Facts, cur: bool) -> float | None:
    """The median of the lead times, from their counts by minute (the middle one, or the mean
    of the two middle ones)."""
    counts = sorted(
        (minutes, n)
        for (is_cur, minutes), n in facts.lead_minutes.items()
        if is_cur == cur and minutes is not None
    )
    total = sum(n for _m, n in counts)
    if not total:
        return None
    wanted = [(total - 1) // 2, total // 2]  # 0-based ranks of the middle value(s)
    found: list[int] = []
    seen = 0
    for minutes, n in counts:
        while wanted and wanted[0] < seen + n:
            found.append(minutes)
            wanted.pop(0)
        seen += n
    return (found[0] + found[1]) / 2


def summary(facts: Facts, period: Period, previous: Period) -> Table:
    requests = {
        cur: sum(n for (d, _k), n in facts.requests.items() if _in(p, d))
        for cur, p in ((True, period), (False, previous))
    }

    def decided(verdicts: set[str]) -> tuple[int, int]:
        return _split(
            (k[0], n) for k, n in facts.decisions.items() if k[2] == "intake" and k[3] in verdicts
        )

    holds = [h for h in facts.holds if not h.on_judicial_warrant]
    rows: list[tuple[str, tuple[int, int], str]] = [
        ("Requests received (all kinds)", (requests[True], requests[False]), TRACKING),
        ("People with a request received", _people(facts, "with_request"), TRACKING),
        ("Requests answered as permitted", decided({"permitted", "required"}), TRACKING),
        ("Requests answered as prohibited", decided({"prohibited"}), "DRMC 28-250, 28-252"),
        (
            "Requests outside the city's rules (not regulated)",
            decided({"not_regulated"}),
            "decision contract: verdict not_regulated",
        ),
        (
            NOTICES,
            _day_split(facts.notices_by_day, period, previous),
            "DRMC 28-253(a)",
        ),
        (
            "Written advisements given",
            _day_split(facts.advisements_by_day, period, previous),
            "DRMC 28-252(b)",
        ),
        (
            "Releases of people with a request",
            _day_split(facts.releases_by_day, period, previous),
            "DRMC 28-253(b)(1)",
        ),
        (
            "People taken into ICE custody",
            _people(facts, "to_ice"),
            "outcomes recorded (see data dictionary)",
        ),
        (
            "Holds beyond release without a judge's warrant (must be zero)",
            (
                sum(1 for h in holds if _in(period, _local(h.released_at))),
                sum(1 for h in holds if _in(previous, _local(h.released_at))),
            ),
            "DRMC 28-250(a)(1); C.R.S. 24-76.6-102",
        ),
    ]
    table = Table(
        "summary",
        "Summary, against the previous period",
        (
            _c("measure", "text", "what is counted", "see the row's source"),
            THIS,
            BEFORE,
            CHANGE,
            _c("source", "text", "the section of law the row answers to", "see each row"),
        ),
        notes=[f"Previous period: {previous.label}."],
    )
    for name, (cur, prev), source in rows:
        table.rows.append(
            {
                "measure": name,
                "this_period": cur,
                "previous_period": prev,
                "change": None,
                "source": source,
            }
        )
    table.rows.append(
        {
            "measure": MEDIAN,
            "this_period": _median_lead(facts, True),
            "previous_period": _median_lead(facts, False),
            "change": None,
            "source": "DRMC 28-253(a)",
        }
    )
    return table


def _people(facts: Facts, name: str) -> tuple[int, int]:
    return facts.people.get((True, name), 0), facts.people.get((False, name), 0)


def _local(moment: dt.datetime) -> dt.date:
    from psepa.reports.period import DENVER

    return moment.astimezone(DENVER).date()


def requests_by_kind(facts: Facts, period: Period, previous: Period) -> Table:
    table = Table(
        "requests_by_kind",
        "Requests received, by kind",
        (
            _c("kind", "text", "the kind of request, as psepa records it", TRACKING),
            _c("description", "text", "what the kind means", TRACKING),
            THIS,
            BEFORE,
            CHANGE,
        ),
    )
    for kind in KINDS:
        cur = sum(n for (d, k), n in facts.requests.items() if k == kind and _in(period, d))
        prev = sum(n for (d, k), n in facts.requests.items() if k == kind and _in(previous, d))
        table.rows.append(
            {
                "kind": kind,
                "description": KIND_NAMES.get(kind, kind),
                "this_period": cur,
                "previous_period": prev,
                "change": None,
            }
        )
    return table


def deciding_document(documents: list[str]) -> str:
    given = set(documents)
    for key, name in DOCUMENT_RANK:
        if key in given:
            return name
    return "No document (oral or unsigned request)"


def decisions(facts: Facts) -> Table:
    table = Table(
        "decisions",
        "How each request was decided",
        (
            _c("request_kind", "text", "the kind of request", TRACKING),
            _c("stage", "text", "intake (on arrival) or release (the hold question)", TRACKING),
            _c("action", "text", "the action decided, in the decision contract's terms", TRACKING),
            _c("verdict", "text", "permitted, prohibited, required or not_regulated", TRACKING),
            _c("rules", "text", "the psepa rules that decided it (psepa explain)", "rulebook"),
            _c(
                "deciding_document",
                "text",
                "the weightiest document the request carried (a judge's warrant first)",
                "DRMC 28-250(a)(1); C.R.S. 24-76.6-102",
            ),
            _c("sections", "text", "the sections the decision rests on", "the decision's cites"),
            _c("decisions", "integer", "decisions made in the period", TRACKING),
        ),
    )
    grouped: dict[tuple[str, str, str, str, str, str, str], int] = {}
    for (cur, kind, stage, verdict, rules, cites, documents), n in facts.decisions.items():
        if not cur:
            continue
        action = "hold_on_detainer" if stage == "release" else KINDS.get(kind, kind)
        key = (
            kind,
            stage,
            action,
            verdict,
            " ".join(json.loads(rules)),
            deciding_document(json.loads(documents)),
            "; ".join(json.loads(cites)),
        )
        grouped[key] = grouped.get(key, 0) + n
    for key in sorted(grouped):
        kind, stage, action, verdict, rules, document, sections = key
        table.rows.append(
            {
                "request_kind": kind,
                "stage": stage,
                "action": action,
                "verdict": verdict,
                "rules": rules,
                "deciding_document": document,
                "sections": sections,
                "decisions": grouped[key],
            }
        )
    return table


def lead_times(facts: Facts) -> Table:
    table = Table(
        "notice_lead_times",
        "Notices of release sent to ICE, by lead time before the release",
        (
            _c(
                "lead_time",
                "text",
                "time from the notice to the release it announced",
                "DRMC 28-253(a)",
            ),
            THIS,
            BEFORE,
            CHANGE,
        ),
        notes=["Lead time is the booking's release moment minus the notice's sending moment."],
    )
    for name, test in LEAD_BUCKETS:
        cur, prev = _split(
            (c, n) for (c, m), n in facts.lead_minutes.items() if m is not None and test(m)
        )
        table.rows.append(
            {"lead_time": name, "this_period": cur, "previous_period": prev, "change": None}
        )
    cur, prev = _split((c, n) for (c, m), n in facts.lead_minutes.items() if m is None)
    table.rows.append(
        {
            "lead_time": "release not yet recorded",
            "this_period": cur,
            "previous_period": prev,
            "change": None,
        }
    )
    for channel in sorted({ch for _c2, ch in facts.notice_channels}):
        cur, prev = _split((c, n) for (c, ch), n in facts.notice_channels.items() if ch == channel)
        table.notes.append(f"Sent by {channel}: {cur} this period, {prev} the period before.")
    return table


def advisements(facts: Facts) -> Table:
    table = Table(
        "advisements",
        "Written advisements of rights, by language",
        (
            _c("advisement", "text", "which advisement was given", "DRMC 28-252(b)"),
            _c("language", "text", "the language it was given in (a BCP 47 tag)", "DRMC 28-252(b)"),
            _c(
                "in_language_of_choice",
                "text",
                "yes if it was the person's recorded language of choice",
                "DRMC 28-252(b)",
            ),
            _c("advisements", "integer", "advisements given in the period", "DRMC 28-252(b)"),
        ),
        notes=["An advisement discharges the duty only in the person's language of choice."],
    )
    for (cur, kind, language, own), n in sorted(facts.advisements.items()):
        if cur:
            table.rows.append(
                {
                    "advisement": kind,
                    "language": language,
                    "in_language_of_choice": "yes" if own else "no",
                    "advisements": n,
                }
            )
    return table


def outcomes(facts: Facts) -> Table:
    table = Table(
        "outcomes",
        "Outcomes that became known",
        (
            _c("outcome", "text", "what became known after the request (as recorded)", TRACKING),
            THIS,
            BEFORE,
            CHANGE,
        ),
    )
    for kind in sorted({k for _c2, k in facts.outcomes}):
        cur, prev = _split((c, n) for (c, k), n in facts.outcomes.items() if k == kind)
        table.rows.append(
            {"outcome": kind, "this_period": cur, "previous_period": prev, "change": None}
        )
    return table


MONTHLY_COLUMNS = (
    *(_c(kind, "integer", f"{KIND_NAMES[kind].lower()} received", TRACKING) for kind in KINDS),
    _c("requests", "integer", "all requests received", TRACKING),
    _c("notices", "integer", "notices of release sent to ICE", "DRMC 28-253(a)"),
    _c("advisements", "integer", "written advisements given", "DRMC 28-252(b)"),
    _c("releases", "integer", "releases of people with a request", "DRMC 28-253(b)(1)"),
    _c("to_ice", "integer", "outcomes recording that ICE took custody", "outcomes recorded"),
)


def monthly(facts: Facts, period: Period) -> Table:
    table = Table(
        "monthly",
        "Month by month",
        (
            _c("month", "month", "the calendar month in Denver (YYYY-MM)", TRACKING),
            *MONTHLY_COLUMNS,
        ),
        notes=[
            "A month only partly inside the period counts only the period's days."
            if period.kind == "days"
            else "Every month of the period is listed, with zeros."
        ],
    )
    index = {ym: i for i, ym in enumerate(period.months())}
    for y, m in period.months():
        row: dict[str, Value] = {"month": f"{y:04d}-{m:02d}"}
        row.update({c.name: 0 for c in MONTHLY_COLUMNS})
        table.rows.append(row)

    def add(day: dt.date, name: str, n: int) -> None:
        if _in(period, day):
            row = table.rows[index[(day.year, day.month)]]
            row[name] = int(row[name] or 0) + n

    for (day, kind), n in facts.requests.items():
        add(day, kind, n)
        add(day, "requests", n)
    for name, by_day in (
        ("notices", facts.notices_by_day),
        ("advisements", facts.advisements_by_day),
        ("releases", facts.releases_by_day),
        ("to_ice", facts.ice_custody_by_day),
    ):
        for day, n in by_day.items():
            add(day, name, n)
    return table


def _holds_split(facts: Facts, *, on_warrant: bool) -> tuple[int, int]:
    days = [_local(h.released_at) for h in facts.holds if h.on_judicial_warrant == on_warrant]
    return (
        sum(1 for d in days if _in(facts.period, d)),
        sum(1 for d in days if _in(facts.previous, d)),
    )


def _kind_split(facts: Facts, kinds: set[str]) -> tuple[int, int]:
    return (
        sum(n for (d, k), n in facts.requests.items() if k in kinds and _in(facts.period, d)),
        sum(n for (d, k), n in facts.requests.items() if k in kinds and _in(facts.previous, d)),
    )


def _rows(
    table: Table, rows: Iterable[tuple[str, tuple[int, int], str]], label: str, note: str
) -> Table:
    for name, (cur, prev), how in rows:
        table.rows.append(
            {label: name, "this_period": cur, "previous_period": prev, "change": None, note: how}
        )
    return table


def nyc_counts(facts: Facts) -> Table:
    table = Table(
        "nyc_detainer_counts",
        "New York City's four detainer counts",
        (
            _c("count", "text", "the count as New York City's report words it", NYC),
            THIS,
            BEFORE,
            CHANGE,
            _c("how_psepa_counts_it", "text", "the records the count is taken from", "derived"),
        ),
        notes=[
            "A hold on a judge's warrant or writ is lawful and counted here; holds without one "
            "are the summary's must-be-zero row."
        ],
    )
    held = tuple(
        a + b
        for a, b in zip(
            _holds_split(facts, on_warrant=True),
            _holds_split(facts, on_warrant=False),
            strict=True,
        )
    )
    rows = (
        (
            "Civil immigration detainers received",
            _kind_split(facts, {"detainer"}),
            "requests of kind detainer received in the period",
        ),
        (
            "Individuals held pursuant to detainers beyond the time they would otherwise be "
            "released",
            (held[0], held[1]),
            "releases after which ICE took custody at a later moment (see data dictionary)",
        ),
        (
            "Individuals transferred to ICE custody pursuant to detainers",
            _people(facts, "to_ice"),
            f"bookings with an outcome of kind {', '.join(ICE_CUSTODY)} known in the period",
        ),
        (
            "Individuals for whom detainers were not honored",
            _people(facts, "detainer_not_honored"),
            "bookings whose hold question at release was answered as not permitted",
        ),
    )
    return _rows(table, rows, "count", "how_psepa_counts_it")


def california_table(facts: Facts) -> Table:
    table = Table(
        "california_truth_act",
        "California TRUTH Act forum figures",
        (
            _c("measure", "text", "the figure a TRUTH Act forum presents", TRUTH),
            THIS,
            BEFORE,
            CHANGE,
            _c("how_psepa_counts_it", "text", "the records the figure is taken from", "derived"),
        ),
        notes=[
            "The Act also asks for the demographic characteristics of the people ICE was given "
            "access to. psepa records no race, sex, age, national origin, citizenship or "
            "immigration status, so this report cannot give them (by design)."
        ],
    )
    permitted = _split(
        (k[0], n)
        for k, n in facts.decisions.items()
        if k[2] == "intake" and k[3] in ("permitted", "required")
    )
    refused = _split(
        (k[0], n) for k, n in facts.decisions.items() if k[2] == "intake" and k[3] == "prohibited"
    )
    access = _split(
        (k[0], n)
        for k, n in facts.decisions.items()
        if k[1] in ("interview", "access") and k[3] in ("permitted", "required")
    )
    held = _holds_split(facts, on_warrant=True)
    unlawful = _holds_split(facts, on_warrant=False)
    rows = (
        ("People booked", _people(facts, "booked"), "bookings recorded in psepa in the period"),
        (
            "ICE detainer and notification requests received",
            _kind_split(facts, {"detainer", "notification"}),
            "requests of kind detainer or notification",
        ),
        (
            "Requests that met the law's criteria",
            permitted,
            "intake decisions answered permitted or required",
        ),
        ("Requests that did not", refused, "intake decisions answered prohibited"),
        (
            "People ICE was given access to by a hold",
            (held[0] + unlawful[0], held[1] + unlawful[1]),
            "holds beyond release, with or without a judge's warrant",
        ),
        (
            "People ICE was given access to by a transfer",
            _people(facts, "to_ice"),
            "bookings with an ICE-custody outcome",
        ),
        (
            "People ICE was given access to by a notification",
            _people(facts, "notified"),
            "bookings on whose requests a notice of release was sent",
        ),
        (
            "Interviews and access granted (other means)",
            access,
            "interview and access requests answered permitted",
        ),
        (
            "People with a request released",
            _people(facts, "released"),
            "bookings with a request whose release fell in the period",
        ),
        (
            "People with a request still in custody at the end",
            _people(facts, "in_custody_at_end"),
            "bookings with a request, booked and not released by the period's end",
        ),
    )
    return _rows(table, rows, "measure", "how_psepa_counts_it")


def hold_cases(facts: Facts) -> Table:
    """The bookings behind the holds beyond release: internal reports only."""
    table = Table(
        "holds_beyond_release",
        "Holds beyond release, case by case (internal: never published)",
        (
            _c("booking_number", "text", "the booking (internal report only)", TRACKING),
            _c(
                "released_at",
                "text",
                "when the person was eligible for release (UTC)",
                "DRMC 28-253(b)(1)",
            ),
            _c("custody_at", "text", "when ICE custody was recorded (UTC)", "outcomes recorded"),
            _c("minutes_held", "number", "minutes between the two", "derived"),
            _c(
                "on_judicial_warrant",
                "text",
                "yes if the release decision permitted custody on a judge's warrant or writ",
                "DRMC 28-250(a)(1)",
            ),
        ),
    )
    for h in facts.holds:
        if _in(facts.period, _local(h.released_at)):
            table.rows.append(
                {
                    "booking_number": h.booking_number,
                    "released_at": h.released_at.isoformat(),
                    "custody_at": h.custody_at.isoformat(),
                    "minutes_held": round((h.custody_at - h.released_at).total_seconds() / 60, 1),
                    "on_judicial_warrant": "yes" if h.on_judicial_warrant else "no",
                }
            )
    return table


def findings(facts: Facts, public: bool, threshold: int) -> list[Finding]:
    """What the report states outright, each checked against the records."""
    unlawful = _holds_split(facts, on_warrant=False)[0]
    lawful = _holds_split(facts, on_warrant=True)[0]

    def shown(n: int) -> int | None:
        return None if public and 0 < n < threshold else n

    def words(n: int) -> str:
        return f"fewer than {threshold}" if shown(n) is None else f"{n:,}"

    out = [
        Finding(
            "holds_beyond_release",
            "No one was held beyond the time of release on an immigration request without a "
            "judge's warrant (DRMC 28-250(a)(1), C.R.S. 24-76.6-102): the count is zero, as "
            "the law requires."
            if unlawful == 0
            else f"{words(unlawful)} {_people_word(shown(unlawful))} handed to ICE later than the "
            "moment they were eligible for release, without a judge's warrant. The law requires "
            "zero; the internal report lists the bookings to look into.",
            shown(unlawful),
            unlawful == 0,
        ),
        Finding(
            "holds_on_judicial_warrant",
            f"{words(lawful)} {_people_word(shown(lawful), 'stayed')} in custody past release on a "
            "judge's warrant or writ, which the law allows.",
            shown(lawful),
            True,
        ),
    ]
    late = facts.late_release_duties
    out.append(
        Finding(
            "release_without_delay",
            "Every release due in the period was carried out without delay."
            if late == 0
            else f"{words(late)} release duties due in the period were done late or are "
            "still open.",
            shown(late),
            late == 0,
        )
    )
    return out


def _people_word(n: int | None, verb: str = "were") -> str:
    if verb == "were":
        return "person was" if n == 1 else "people were"
    return ("person " if n == 1 else "people ") + verb
