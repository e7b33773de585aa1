"""Import a jail system's CSV export of bookings that carried an ICE request.

`import_bookings_csv(cases, path, mapping)` reads one CSV file in which each row is a booking
with one request from federal immigration authorities (for Travis County: one ICE detainer,
charge code 4200) and, where known, that request's disposition. A `Mapping` says which column
holds what and what each disposition code means; `TRAVIS_MAPPING` is the one for
`travis_bookings_2000_2016.csv`, documented code by code in docs/import-mapping.md.

For each row the importer writes what the workflow's public methods write, so every imported
record carries the same decisions, duties and audit entries as if a clerk had entered it:

1. `Cases.book`: the booking, under its booking number; the name and language columns if the
   mapping names them, otherwise a placeholder name ("(not imported)") and the language `und`
   (BCP 47 "undetermined").
2. `Cases.intake`: one request, with the request key `<prefix><booking number>`, the mapping's
   kind, documents, channel and writtenness, decided under the law of its day.
3. `Cases.release`: only for the codes the mapping marks as a release from local custody, at
   the disposition date, on the code's release basis (decided again, as at any release).
4. `Cases.record_outcome`: what the disposition code means (for example `released_to_ice`),
   with the code itself verbatim in the note. A blank code (still pending) records nothing.

New rows are written in bulk, a batch at a time, with every audit entry appended by
`psepa.cases.audit.append` in the same transaction as the records it covers: calling the four
methods one transaction at a time costs about 9 ms a row in ORM work, a minute and a half for
the Travis file; in bulk it takes about 25 s on SQLite, nearly all of it the audit chain.
Rows that find part of their records already in the database go through the four public
methods themselves (see "Idempotent" below). tests/test_importer.py checks that both paths
write the same records and audit entries.

**Times.** The files give dates, not times. Every date is read as noon on that day in the
jail's time zone (`Mapping.time_of_day`, `Mapping.timezone`; for Travis, America/Chicago).
Noon keeps the day the same in every US time zone, so the day that chooses the law in
psepa (the day in Denver, see `workflow.local_day`) is the day the jail wrote down; and it
never falls in a daylight-saving gap. The booking and the request get the same moment (the
detainer's lodge date is not in the file); the outcome and the release get the disposition
date's noon. None of these moments is a real clock time; the audit entries carry them as given.

**Validation first.** Every row is checked before anything is written: a missing booking
number, an unparsable date, a disposition date before the booking date, an unknown disposition
code, a repeated booking number or a row with the wrong number of fields is reported as
`<file> line <n>, column <column>: <problem>`, with n the 1-based line of the CSV file (the
header is line 1). Rows can also fail while being written (for example when a booking number
is already in the database with another booking date); those are reported the same way.

**All or nothing (the default) or keep the good rows.** With `all_or_nothing=True` any bad
row means nothing is written, and the report lists every bad row, not just the first. The
whole import is then one transaction, so even a failure while writing (or a crash) leaves the
database as it was. This is the default because an import is a statement about a whole
file's history: a partly imported file looks complete, and every count taken from it later
(how many people were released to ICE, how many detainers were withdrawn) is silently wrong.
A bad row is usually one typo; fix it and run again. With `all_or_nothing=False`
(`--keep-good-rows`) the good rows commit, in batches of `batch_size` rows, and the bad rows
are listed: for when they are known, cannot be fixed, and their absence is accepted. (A row
that fails while going through the public methods is rolled back alone, in its savepoint. A
failure of the database itself is not a bad row: it stops the import with its exception, the
batches before it stay committed, and running the import again finishes it.)
On SQLite the all-or-nothing import holds the database's write lock for its whole run (about
half a minute for the 9,533 Travis rows); other writers wait, and give up after the busy
timeout (30 s): import a large file when the jail's clerks are not writing, or keep good rows
(each batch then holds the lock for about a second).

**Idempotent.** Running the same import again adds nothing: a booking number already booked
with the same booking time is the same booking, a request key already taken in is the same
request, an outcome of the same kind at the same time for the same booking is the same
outcome, and a booking already released is not released again. The report counts only what
was newly written, and counts the rows that were already fully present as `unchanged`. A
later export in which a pending request has been disposed of adds its release and outcome.

**Privacy.** The importer reads only the columns the mapping names; a mapping that names a
column about birthplace, citizenship, nationality or immigration status (or race, sex or age)
is refused. The Travis file's `place_of_birth`, `race`, `sex` and `age` are never read.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

import psepa
from psepa.audit.log import decision_record, situation_of
from psepa.cases import audit
from psepa.cases.models import Booking, DecisionRecord, ObligationRecord, Outcome, Request
from psepa.cases.store import Store
from psepa.cases.workflow import CHANNELS, HOLD_DOCUMENTS, KINDS, CaseError, Cases, local_day
from psepa.domain import Document, ReleaseBasis, Requester
from psepa.engine.decision import Decision
from psepa.errors import PsepaError

REPO_ROOT = Path(__file__).resolve().parents[3]

# Column names the importer refuses to read: psepa stores no immigration or citizenship
# status, national origin or place of birth, and has no use for race, sex or age.
FORBIDDEN_COLUMNS = re.compile(
    r"birth|citizen|nationalit|national_?origin|immigration_?status|alien|^race$|^sex$|^age$",
    re.IGNORECASE,
)


def shared_data_dir() -> Path:
    """Where the shared data sets live: $PSEPA_SHARED_DATA, else ../shared/data beside the repo.

    Data are read from there in place and never copied into the repository."""
    env = os.environ.get("PSEPA_SHARED_DATA")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "data"


@dataclass(frozen=True)
class Disposition:
    """What one disposition code means in psepa."""

    outcome: str | None  # the Outcome.kind to record; None: nothing is known yet
    release: bool = False  # True: the person left local custody on the disposition date
    basis: str = ReleaseBasis.OTHER_LAW.value  # the release basis, if a release
    meaning: str = ""  # what the code says, for the documentation and the reader


@dataclass(frozen=True)
class Mapping:
    """Which CSV column gives what, and what each disposition code means."""

    name: str  # a short name of the source, written into each outcome's note
    booking_number: str  # column: the booking number (kept as text: leading zeros matter)
    booking_date: str  # column: the date (or date and time) of booking
    disposition: str  # column: the request's disposition code; blank means still pending
    disposition_date: str  # column: the date of that disposition
    dispositions: dict[str, Disposition]  # every code that may appear (use "" for pending)
    timezone: str = "UTC"  # the jail's time zone, for dates without one
    time_of_day: dt.time = dt.time(12)  # the time given to a bare date (see module docstring)
    date_format: str = "%Y-%m-%d"
    request_key_prefix: str = ""  # request key = prefix + booking number
    request_kind: str = "detainer"
    documents: tuple[str, ...] = ("i_247a",)
    documents_column: str | None = None  # a column listing the documents, if the file has one
    documents_separator: str = ";"
    channel: str = "electronic"
    in_writing: bool = True
    requester: str = Requester.FEDERAL_IMMIGRATION.value
    name_column: str | None = None
    placeholder_name: str = "(not imported)"
    language_column: str | None = None
    default_language: str = "und"  # BCP 47: undetermined
    released_by: str = "import"  # the `by` of each release
    dropped: tuple[str, ...] = ()  # columns of the file deliberately not imported (documented)
    default_file: str | None = None  # the file under shared_data_dir(), if it is a known set

    def __post_init__(self) -> None:
        for column in self.columns():
            if FORBIDDEN_COLUMNS.search(column):
                raise ValueError(
                    f"mapping {self.name!r} names column {column!r}: psepa stores no place of "
                    "birth, citizenship, nationality or immigration status (nor race, sex, age)"
                )
        if self.request_kind not in KINDS:
            raise ValueError(f"mapping {self.name!r}: unknown request kind {self.request_kind!r}")
        if self.channel not in CHANNELS:
            raise ValueError(f"mapping {self.name!r}: unknown channel {self.channel!r}")
        known_documents = {d.value for d in Document}
        for document in self.documents:
            if document not in known_documents:
                raise ValueError(f"mapping {self.name!r}: unknown document {document!r}")
        bases = {b.value for b in ReleaseBasis}
        for code, d in self.dispositions.items():
            if d.release and d.basis not in bases:
                raise ValueError(f"mapping {self.name!r}: code {code!r} has basis {d.basis!r}")
            if d.release and d.outcome is None:
                raise ValueError(f"mapping {self.name!r}: release code {code!r} has no outcome")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"mapping {self.name!r}: unknown time zone {self.timezone!r}"
            ) from None

    def columns(self) -> list[str]:
        """Every column the importer reads: the file must have each of them."""
        optional = (self.documents_column, self.name_column, self.language_column)
        return [
            self.booking_number,
            self.booking_date,
            self.disposition,
            self.disposition_date,
            *(c for c in optional if c is not None),
        ]

    def default_path(self) -> Path | None:
        return None if self.default_file is None else shared_data_dir() / self.default_file


_TO_ICE = "The jail handed the person to ICE: local custody ended."
_TRANSFER = "Transferred to another agency's custody: local custody ended."

# Every disposition code of the 4200 (ICE DETAINER) line in travis_bookings_2000_2016.csv.
TRAVIS_DISPOSITIONS: dict[str, Disposition] = {
    "RELEASED TO ICE": Disposition("released_to_ice", True, meaning=_TO_ICE),
    "WARRANT WITHDRAWN": Disposition(
        "detainer_withdrawn",
        meaning="ICE withdrew the detainer (TCSO files a detainer as a 'warrant'); the person "
        "stayed on the local charges, so the date is not a release.",
    ),
    "RELEASED TO TDCJ-ID": Disposition(
        "released_to_state_prison",
        True,
        meaning="Transferred to the Texas Department of Criminal Justice, Institutional "
        "Division (state prison). " + _TRANSFER,
    ),
    "RELEASED TO OTHER AGENCY": Disposition("released_to_other_agency", True, meaning=_TRANSFER),
    "RELEASED TO FEDS": Disposition(
        "released_to_federal_custody",
        True,
        meaning="Transferred to a federal agency other than ICE (e.g. US Marshals). " + _TRANSFER,
    ),
    "RELEASED TO TDCJ-STATE JAIL": Disposition(
        "released_to_state_jail", True, meaning="Transferred to a TDCJ state jail. " + _TRANSFER
    ),
    "ERROR IN ENTRY": Disposition(
        "error_in_entry", meaning="The detainer line was entered in error; not a release."
    ),
    "ICE DETAINER RELEASED": Disposition(
        "detainer_released",
        meaning="The detainer was lifted. The code does not say the person left (7 of 23 "
        "bookings still had local charges disposed later), so it is not a release.",
    ),
    "EXTRADITION": Disposition(
        "extradited", True, meaning="Extradited to another jurisdiction. " + _TRANSFER
    ),
    "WRONG PERSON IN CUSTODY": Disposition(
        "wrong_person",
        meaning="The detainer named someone else; it was cleared. Not a release.",
    ),
    "NO HOLD PER TDCJ": Disposition(
        "no_hold_per_tdcj",
        meaning="TDCJ said it placed no hold; a hold ended, the code does not say the person "
        "left. Not a release.",
    ),
    "RELEASED TO TDC": Disposition(
        "released_to_state_prison",
        True,
        meaning="Transferred to the Texas Department of Corrections (TDCJ's former name). "
        + _TRANSFER,
    ),
    "ICE DETAINER TIME LIMIT REACHED": Disposition(
        "detainer_time_limit_reached",
        True,
        meaning="The detainer's time limit (48 hours after the person would have been released) "
        "ran out and ICE had not come: the person was let go. A release, dated the day the "
        "limit ran out, which may be up to two days after the person was eligible.",
    ),
    "OVERNIGHT STAY ONLY": Disposition(
        "released_overnight_stay", True, meaning="Released after an overnight stay."
    ),
    "ESCAPE": Disposition(
        "escaped",
        meaning="The person escaped. Custody ended, but not by a release: release() would "
        "record the person as eligible for release and open the release duties.",
    ),
    "MANUAL LABOR CREDIT RELEASE": Disposition(
        "released_labor_credit",
        True,
        ReleaseBasis.SENTENCE_SERVED.value,
        "Released with the sentence served through labour credit.",
    ),
    "SENTENCE COMPLETE": Disposition(
        "released_sentence_complete",
        True,
        ReleaseBasis.SENTENCE_SERVED.value,
        "Released at the end of the sentence.",
    ),
    "NO EXTRADITION": Disposition(
        "extradition_declined",
        meaning="The requesting jurisdiction declined to extradite; a hold ended, the code does "
        "not say the person left. Not a release.",
    ),
    "BOND-PERSONAL RECOGNIZANCE": Disposition(
        "released_personal_bond",
        True,
        ReleaseBasis.OWN_RECOGNIZANCE.value,
        "Released on a personal-recognizance bond.",
    ),
    "NO CHARGES FILED": Disposition(
        "released_no_charges_filed", True, meaning="Released: no charges were filed."
    ),
    "COMMUNITY COURT": Disposition(
        "released_community_court",
        True,
        meaning="Released to (the case sent to) the Austin Community Court.",
    ),
    "RELEASED TO ISF": Disposition(
        "released_to_state_facility",
        True,
        meaning="Transferred to a TDCJ Intermediate Sanction Facility. " + _TRANSFER,
    ),
    "": Disposition(
        None,
        meaning="No disposition yet: the detainer was still open when the report was run "
        "(2016-10-04). Nothing is recorded beyond the booking and the request.",
    ),
}

TRAVIS_MAPPING = Mapping(
    name="travis",
    booking_number="booking_no",
    booking_date="booking_date",
    disposition="ice_detainer_disposition",
    disposition_date="ice_detainer_disposition_date",
    dispositions=TRAVIS_DISPOSITIONS,
    timezone="America/Chicago",
    request_key_prefix="travis-",
    request_kind="detainer",
    documents=("i_247a",),
    channel="electronic",
    in_writing=True,
    released_by="travis-import",
    dropped=(
        "race",
        "sex",
        "age",
        "place_of_birth",
        "n_charges",
        "n_ice_detainer_lines",
        "source_row",
    ),
    default_file="travis-county-ice-detainers/travis_bookings_2000_2016.csv",
)

FORMATS: dict[str, Mapping] = {"travis": TRAVIS_MAPPING}


@dataclass
class ImportReport:
    """What an import read, wrote and refused."""

    source: str
    mapping: str
    all_or_nothing: bool
    rows_read: int = 0
    bookings: int = 0  # newly written, like the four counts below
    requests: int = 0
    releases: int = 0
    outcomes: int = 0
    unchanged: int = 0  # rows whose records were all in the database already
    bad_rows: int = 0  # rows with at least one error (each error is one message)
    outcome_kinds: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def written(self) -> bool:
        return bool(self.bookings or self.requests or self.releases or self.outcomes)

    def summary(self) -> str:
        mode = "all or nothing" if self.all_or_nothing else "keep good rows"
        lines = [
            f"{self.source} ({self.mapping}, {mode}): {self.rows_read} rows read in "
            f"{self.seconds:.1f} s",
            f"  new bookings {self.bookings}, requests {self.requests}, "
            f"releases {self.releases}, outcomes {self.outcomes}; "
            f"rows already imported {self.unchanged}",
        ]
        lines += [f"    {kind}: {n}" for kind, n in sorted(self.outcome_kinds.items())]
        if self.errors:
            lines.append(
                f"  {self.bad_rows} bad row(s), {len(self.errors)} problem(s); "
                + ("nothing was written" if self.all_or_nothing else "the good rows were written")
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class _Decided:
    """One decision the workflow will take for a row, taken ahead (the engine is pure)."""

    stage: str  # intake or release
    at: dt.datetime
    situation: dict[str, Any]
    decision: Decision


@dataclass(frozen=True)
class _Row:
    line: int
    booking_number: str
    name: str
    language: str
    booked_at: dt.datetime
    request_key: str
    documents: list[str]
    code: str
    disposition: Disposition
    disposed_at: dt.datetime | None
    decided: tuple[_Decided, ...] = ()

    @property
    def released_at(self) -> dt.datetime | None:
        return self.disposed_at if self.disposition.release else None


def _decided(stage: str, at: dt.datetime, situation: dict[str, Any]) -> _Decided:
    facts = psepa.validate(situation)  # raises InvalidSituation, naming the field
    return _Decided(stage, at, situation_of(facts), psepa.rulebook().decide(facts))


def _decide_row(row: _Row, mapping: Mapping) -> tuple[_Decided, ...]:
    """The decisions Cases.intake and Cases.release take for this row, built the same way."""
    intake = _decided(
        "intake",
        row.booked_at,
        {
            "action": KINDS[mapping.request_kind],
            "on": local_day(row.booked_at),
            "actor": "sheriff",
            "requester": mapping.requester,
            "facts": {"documents": row.documents, "request_in_writing": mapping.in_writing},
        },
    )
    released = row.released_at
    if released is None or not HOLD_DOCUMENTS & set(row.documents):
        return (intake,)
    hold = _decided(
        "release",
        released,
        {
            "action": "hold_on_detainer",
            "on": local_day(released),
            "actor": "sheriff",
            "requester": mapping.requester,
            "facts": {"release_basis": row.disposition.basis, "documents": row.documents},
        },
    )
    return (intake, hold)


def _where(source: str, line: int, column: str) -> str:
    return f"{source} line {line}, column {column}"


def _readable(date_format: str) -> str:
    """%Y-%m-%d as YYYY-MM-DD, for people."""
    for code, shown in (("%Y", "YYYY"), ("%m", "MM"), ("%d", "DD"), ("%H", "hh"), ("%M", "mm")):
        date_format = date_format.replace(code, shown)
    return date_format


def _moment(value: str, mapping: Mapping, zone: ZoneInfo) -> dt.datetime:
    moment = dt.datetime.strptime(value, mapping.date_format)
    if "%H" not in mapping.date_format:  # a bare date: give it the mapping's time of day
        moment = dt.datetime.combine(moment.date(), mapping.time_of_day)
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment


def _check(
    raw: dict[str | None, str | None],
    line: int,
    mapping: Mapping,
    source: str,
    seen: dict[str, int],
) -> _Row | list[str]:
    """One row, parsed; or every problem with it."""
    zone = ZoneInfo(mapping.timezone)
    problems: list[str] = []
    if None in raw:
        return [f"{source} line {line}: more fields than the header has columns"]
    values = {k: v for k, v in raw.items() if k is not None}
    short = [c for c in mapping.columns() if values.get(c) is None]
    if short:
        return [f"{_where(source, line, short[0])}: the row ends before this column"]

    def text(column: str) -> str:
        return (values[column] or "").strip()

    number = text(mapping.booking_number)
    if not number:
        problems.append(f"{_where(source, line, mapping.booking_number)}: no booking number")
    elif len(number) > 40 or len(mapping.request_key_prefix + number) > 80:
        problems.append(
            f"{_where(source, line, mapping.booking_number)}: booking number {number!r} is too "
            "long (at most 40 characters)"
        )
    elif number in seen:
        problems.append(
            f"{_where(source, line, mapping.booking_number)}: booking {number!r} already "
            f"appears on line {seen[number]}"
        )
    else:
        seen[number] = line

    def date(column: str) -> dt.datetime | None:
        value = text(column)
        try:
            return _moment(value, mapping, zone)
        except ValueError:
            shown = "nothing" if not value else repr(value)
            problems.append(
                f"{_where(source, line, column)}: {shown} is not a date in the form "
                f"{_readable(mapping.date_format)}"
            )
            return None

    booked_at = date(mapping.booking_date)
    code = text(mapping.disposition)
    disposition = mapping.dispositions.get(code)
    disposed_at: dt.datetime | None = None
    if disposition is None:
        problems.append(
            f"{_where(source, line, mapping.disposition)}: unknown disposition code {code!r} "
            f"(not in the {mapping.name} mapping; add it there and to docs/import-mapping.md)"
        )
    elif disposition.outcome is None:
        if text(mapping.disposition_date):
            problems.append(
                f"{_where(source, line, mapping.disposition_date)}: a disposition date "
                f"{text(mapping.disposition_date)!r} but no disposition code"
            )
    else:
        disposed_at = date(mapping.disposition_date)
        if disposed_at is not None and booked_at is not None and disposed_at < booked_at:
            problems.append(
                f"{_where(source, line, mapping.disposition_date)}: disposition date "
                f"{text(mapping.disposition_date)} is before the booking date "
                f"{text(mapping.booking_date)}"
            )

    name = text(mapping.name_column) if mapping.name_column else ""
    language = text(mapping.language_column) if mapping.language_column else ""
    if len(language) > 35:
        problems.append(
            f"{_where(source, line, mapping.language_column or '')}: language {language!r} is "
            "too long for a language tag (at most 35 characters)"
        )
    documents = list(mapping.documents)
    if mapping.documents_column:
        listed = text(mapping.documents_column)
        documents = [d.strip() for d in listed.split(mapping.documents_separator) if d.strip()]
        unknown = sorted(set(documents) - {d.value for d in Document})
        if unknown:
            problems.append(
                f"{_where(source, line, mapping.documents_column)}: unknown document(s) "
                f"{', '.join(unknown)}"
            )
    if problems or booked_at is None or disposition is None:
        return problems
    row = _Row(
        line=line,
        booking_number=number,
        name=(name or mapping.placeholder_name)[:200],
        language=language or mapping.default_language,
        booked_at=booked_at,
        request_key=mapping.request_key_prefix + number,
        documents=documents,
        code=code,
        disposition=disposition,
        disposed_at=disposed_at,
    )
    try:
        return replace(row, decided=_decide_row(row, mapping))
    except PsepaError as exc:
        return [f"{source} line {line}: the request cannot be decided: {exc}"]


def _read(path: Path, mapping: Mapping, report: ImportReport) -> list[_Row]:
    """Read and check every row; bad rows go to report.errors."""
    source = path.name
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        report.errors.append(f"{path}: cannot read it: {exc.strerror}")
        return rows
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
            missing = [c for c in mapping.columns() if c not in header]
            if missing:
                report.errors.append(
                    f"{source} line 1 (header): no column {', '.join(map(repr, missing))} "
                    f"(the {mapping.name} mapping reads {', '.join(mapping.columns())})"
                )
                return rows
            last = reader.line_num
            for raw in reader:
                line, last = last + 1, reader.line_num
                report.rows_read += 1
                checked = _check(raw, line, mapping, source, seen)
                if isinstance(checked, list):
                    report.bad_rows += 1
                    report.errors.extend(checked)
                else:
                    rows.append(checked)
        except (csv.Error, UnicodeDecodeError) as exc:
            report.bad_rows += 1
            report.errors.append(
                f"{source} line {reader.line_num}: not readable as CSV ({exc}); "
                "reading stopped here"
            )
    return rows


# --- writing ---------------------------------------------------------------------------------
#
# A row whose booking number and request key are new is written in bulk (`_insert_new`): the
# same records, decisions, duties and audit entries that Cases.book, .intake, .release and
# .record_outcome would write, inserted a batch at a time, with every audit entry appended by
# psepa.cases.audit.append in the same transaction. (Through the public methods, the ORM work
# of one row takes about 9 ms: a minute and a half for the Travis file.) A row that finds some
# of its records already in the database goes through the public methods themselves
# (`_write_row`), which know how to add to a booking that exists; a row that finds all of them
# is left alone. tests/test_importer.py checks that the bulk path and the public methods write
# the same thing.


class _SessionStore(Store):
    """The importer's store: every workflow transaction becomes a savepoint of one session.

    `Cases` opens one transaction per call; here each call runs in a savepoint of the
    importer's session instead, so a whole batch commits together while each call still
    succeeds or fails whole, with its audit entries appended by the workflow itself."""

    def __init__(self, store: Store, session: Session) -> None:  # shares store's engine
        self.url, self.engine, self.sessions = store.url, store.engine, store.sessions
        self.readers = store.readers
        self.session = session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.session.begin_nested():
            yield self.session


@dataclass
class _Written:
    bookings: int = 0
    requests: int = 0
    releases: int = 0
    outcomes: int = 0
    kind: str | None = None


def _write_row(cases: Cases, s: Session, row: _Row, mapping: Mapping) -> _Written:
    """One row through the workflow's public methods, adding only what is missing."""
    w = _Written()
    booking = s.execute(
        select(Booking).where(Booking.booking_number == row.booking_number)
    ).scalar_one_or_none()
    if booking is None:
        cases.book(row.booking_number, row.name, row.language, row.booked_at)
        w.bookings = 1
        booking = s.execute(
            select(Booking).where(Booking.booking_number == row.booking_number)
        ).scalar_one()
    elif booking.booked_at != row.booked_at:
        raise CaseError(
            f"booking {row.booking_number!r} is already in the database, booked at "
            f"{booking.booked_at.isoformat()}, not {row.booked_at.isoformat()}: another "
            "booking with the same number"
        )
    result = cases.intake(
        row.request_key,
        row.booking_number,
        mapping.request_kind,
        row.booked_at,
        mapping.channel,
        mapping.in_writing,
        row.documents,
        requester=mapping.requester,
    )
    w.requests = 0 if result.duplicate else 1
    d, at = row.disposition, row.disposed_at
    if d.outcome is None or at is None:
        return w
    if row.released_at is not None and booking.released_at is None:
        cases.release(row.booking_number, row.released_at, d.basis, mapping.released_by)
        w.releases = 1
    known = s.execute(
        select(Outcome.id).where(
            Outcome.booking_id == booking.id, Outcome.kind == d.outcome, Outcome.known_at == at
        )
    ).first()
    if known is None:
        cases.record_outcome(row.booking_number, d.outcome, at, f"{mapping.name}: {row.code}")
        w.outcomes, w.kind = 1, d.outcome
    return w


def _insert_new(s: Session, rows: Sequence[_Row], mapping: Mapping) -> list[_Written]:
    """Rows with a new booking and a new request, in bulk: what the public methods would write."""
    by = mapping.released_by
    booking_ids = list(
        s.scalars(
            insert(Booking).returning(Booking.id, sort_by_parameter_order=True),
            [
                {
                    "booking_number": r.booking_number,
                    "name": r.name,
                    "language": r.language,
                    "booked_at": r.booked_at,
                    "released_at": r.released_at,
                    "release_basis": r.disposition.basis if r.released_at else None,
                }
                for r in rows
            ],
        )
    )
    request_ids = list(
        s.scalars(
            insert(Request).returning(Request.id, sort_by_parameter_order=True),
            [
                {
                    "request_key": r.request_key,
                    "booking_id": booking_id,
                    "kind": mapping.request_kind,
                    "requester": mapping.requester,
                    "documents": r.documents,
                    "received_at": r.booked_at,
                    "channel": mapping.channel,
                    "in_writing": mapping.in_writing,
                }
                for r, booking_id in zip(rows, booking_ids, strict=True)
            ],
        )
    )
    decided = [(i, d) for i, r in enumerate(rows) for d in r.decided]
    decision_ids = list(
        s.scalars(
            insert(DecisionRecord).returning(DecisionRecord.id, sort_by_parameter_order=True),
            [
                {
                    "request_id": request_ids[i],
                    "stage": d.stage,
                    "situation": d.situation,
                    "version": d.decision.version,
                    "rulebook": d.decision.rulebook,
                    "verdict": d.decision.verdict.value,
                    "rules": list(d.decision.rules),
                    "cites": list(d.decision.cites),
                    "decided_at": d.at,
                }
                for i, d in decided
            ],
        )
    )
    duties: list[dict[str, Any]] = []
    for (i, d), decision_id in zip(decided, decision_ids, strict=True):
        released = rows[i].released_at
        for o in d.decision.obligations:
            done = o.id == "record_request"  # as Cases._decide: the record is the tracking
            due_at = d.at if o.due.value == "now" else None
            done_at, done_by = (d.at, "psepa") if done else (None, None)
            if released is not None and done_at is None:  # as Cases.release dates open duties
                due_at = due_at or released
                if o.id == "release_without_delay":
                    done_at, done_by = released, by
            duties.append(
                {
                    "decision_id": decision_id,
                    "booking_id": booking_ids[i],
                    "kind": o.id,
                    "text": o.text,
                    "due": o.due.value,
                    "due_at": due_at,
                    "done_at": done_at,
                    "done_by": done_by,
                }
            )
    if duties:
        s.execute(insert(ObligationRecord), duties)
    outcomes = [
        {
            "booking_id": booking_id,
            "kind": r.disposition.outcome,
            "known_at": r.disposed_at,
            "note": f"{mapping.name}: {r.code}",
        }
        for r, booking_id in zip(rows, booking_ids, strict=True)
        if r.disposition.outcome is not None and r.disposed_at is not None
    ]
    if outcomes:
        s.execute(insert(Outcome), outcomes)

    written: list[_Written] = []
    for n, r in enumerate(rows, 1):
        audit.append(
            s,
            "booked",
            r.booked_at,
            {"booking": r.booking_number, "language": r.language, "masked": {"name": "***"}},
        )
        audit.append(
            s,
            "request_received",
            r.booked_at,
            {
                "request": r.request_key,
                "request_kind": mapping.request_kind,
                "channel": mapping.channel,
                "in_writing": mapping.in_writing,
                "documents": r.documents,
            },
        )
        intake, *hold = r.decided
        _append_decision(s, r, intake)
        if r.released_at is not None:
            audit.append(
                s,
                "released",
                r.released_at,
                {"booking": r.booking_number, "basis": r.disposition.basis, "by": by},
            )
            for d in hold:
                _append_decision(s, r, d)
        outcome = r.disposition.outcome
        if outcome is not None and r.disposed_at is not None:
            audit.append(
                s, "outcome", r.disposed_at, {"booking": r.booking_number, "outcome": outcome}
            )
        written.append(
            _Written(1, 1, int(r.released_at is not None), int(outcome is not None), outcome)
        )
        if n % 200 == 0:
            s.expunge_all()  # everything is flushed: keep the identity map small
    return written


def _append_decision(s: Session, row: _Row, d: _Decided) -> None:
    audit.append(
        s,
        "decision",
        d.at,
        {"request": row.request_key, "stage": d.stage, **decision_record(d.decision, d.situation)},
    )


def _write_chunk(
    cases: Cases,
    s: Session,
    rows: Sequence[_Row],
    mapping: Mapping,
    report: ImportReport,
    via_workflow: bool,
) -> list[_Written]:
    new: list[_Row] = []
    partial: list[_Row] = list(rows) if via_workflow else []
    written: list[_Written] = []
    if not via_workflow:
        bookings = {
            b.booking_number: b
            for b in s.scalars(
                select(Booking).where(Booking.booking_number.in_([r.booking_number for r in rows]))
            )
        }
        keys = set(
            s.scalars(
                select(Request.request_key).where(
                    Request.request_key.in_([r.request_key for r in rows])
                )
            )
        )
        known = {
            (booking_id, kind, known_at)
            for booking_id, kind, known_at in s.execute(
                select(Outcome.booking_id, Outcome.kind, Outcome.known_at).where(
                    Outcome.booking_id.in_([b.id for b in bookings.values()])
                )
            )
        }
        for r in rows:
            b = bookings.get(r.booking_number)
            if b is None and r.request_key not in keys:
                new.append(r)
            elif (
                b is not None
                and b.booked_at == r.booked_at
                and r.request_key in keys
                and (r.released_at is None or b.released_at is not None)
                and (
                    r.disposition.outcome is None
                    or (b.id, r.disposition.outcome, r.disposed_at) in known
                )
            ):
                written.append(_Written())  # all there already
            else:
                partial.append(r)
    for r in partial:
        try:
            with s.begin_nested():
                written.append(_write_row(cases, s, r, mapping))
        except PsepaError as exc:
            report.bad_rows += 1
            report.errors.append(f"{Path(report.source).name} line {r.line}: {exc}")
    if new:
        written += _insert_new(s, new, mapping)
    s.expunge_all()
    return written


class _Rollback(Exception):
    pass


def _write(
    cases: Cases,
    rows: Sequence[_Row],
    mapping: Mapping,
    report: ImportReport,
    batch_size: int,
    via_workflow: bool,
) -> None:
    chunks = [rows[i : i + batch_size] for i in range(0, len(rows), batch_size)]
    # All or nothing: one transaction. Otherwise: one transaction per chunk.
    groups = [chunks] if report.all_or_nothing else [[chunk] for chunk in chunks]
    written: list[_Written] = []
    try:
        for group in groups:
            with cases.store.transaction() as s:
                inner = Cases(_SessionStore(cases.store, s))
                done: list[_Written] = []
                for chunk in group:
                    done += _write_chunk(inner, s, chunk, mapping, report, via_workflow)
                if report.all_or_nothing and report.errors:
                    raise _Rollback  # a row failed while being written: undo them all
            written += done
    except _Rollback:
        return
    for w in written:
        report.bookings += w.bookings
        report.requests += w.requests
        report.releases += w.releases
        report.outcomes += w.outcomes
        if w.kind is not None:
            report.outcome_kinds[w.kind] += 1
        if not (w.bookings or w.requests or w.releases or w.outcomes):
            report.unchanged += 1


def import_bookings_csv(
    cases: Cases,
    path: Path,
    mapping: Mapping,
    *,
    all_or_nothing: bool = True,
    batch_size: int = 500,
    via_workflow: bool = False,
) -> ImportReport:
    """Import a CSV of bookings with one request each; see the module docstring.

    `batch_size` rows are written (and, keeping good rows, committed) together.
    `via_workflow=True` sends every row through the public methods of `Cases` one call at a
    time: about four times slower, and the reference the bulk path is tested against."""
    started = time.perf_counter()
    report = ImportReport(str(path), mapping.name, all_or_nothing)
    rows = _read(Path(path), mapping, report)
    if rows and not (all_or_nothing and report.errors):
        _write(cases, rows, mapping, report, max(1, batch_size), via_workflow)
    report.seconds = time.perf_counter() - started
    return report
