"""How fast psepa decides, and how that compares with Cedar on the same rule.

Run: `.venv/bin/python bench/decide.py [--quick] [--rows N] [--audit-dir DIR]`.

Each measurement is here for a reason:

1. Single decision. A city system asks one question at a time (may the jail hold this person on
   this detainer today?). COMPASS wants a median of 5 µs or less; psepa's own target is 2 µs.
   Validation is done once at the door and is not timed; the timed call is `book.decide(facts)`
   plus reading the decision's reasons and citations, since an answer without them is not the
   product. About 50 situations over 11 actions and dates 2016-2026 are cycled, so the figure
   is not one hot path. The loop and the read of reasons and citations are inside the figure,
   and the garbage collector stays on, as it would in a service.
2. Batch. The simulator and the back-casts run whole booking histories (a million rows), so
   `decide_columns` must clear 10 M decisions a second; once with dates spread over ten years
   and two actions (many segments of law, so rows are grouped), once with one action on one date
   (one compiled function over every row). A sample of rows is decided one by one as well, and
   the verdicts must be equal: the batch is only fast if it is also the same law.
3. Decision with audit record. Every answer a city system acts on is logged in a hash chain.
   The log is where the cost moves once deciding is cheap (the engines study measured 27 µs for
   a naive log line), so the buffered case has its own 20 µs target. The fsync-per-record case
   is reported apart: it measures the disk, not psepa. The chain is verified at the end.
4. The peer. Cedar (cedarpy) is the closest off-the-shelf engine: forbid beats permit, typed
   context, a proven core. The same rule (DRMC 28-253 A-15 with C.R.S. 24-76.6 E-1, holding on a
   detainer) is written as Cedar policies and timed one call per decision on the same
   situations as psepa. The ratio that counts uses cedarpy at its fastest (pre-parsed policy and
   entity handles, structured entity ids); the way the engines study called it (policy text
   parsed on each call) is shown too, since a ratio against a badly used peer flatters psepa.
   Cedar must give the same answer as psepa (prohibited == Deny, with the same forbid rules
   determining) on 10,000 random situations, or the script fails.
5. A summary with targets. Figures are always printed; a missed target is marked MISSED and
   does not fail the run. Only a correctness mismatch makes the exit status non-zero.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import string
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cedarpy
import numpy as np
import numpy.typing as npt

import psepa
import psepa.audit.log
from _report import Metric, Report, heading
from psepa.audit.log import AuditLog, situation_of
from psepa.domain import SET_BITS
from psepa.engine.batch import (
    ACTION_CODES,
    VERDICTS,
    BatchResult,
    Column,
    decide_columns,
    empty_columns,
)
from psepa.engine.conditions import ENUM_CODES, UNKNOWN
from psepa.engine.rulebook import Rulebook
from psepa.law import crs_24_76_6, drmc_28_253
from psepa.law.vocabulary import CITY_ACTORS  # the same actors as rule A-15's scope
from psepa.situation import Facts

Columns = dict[str, Column]
NS_PER_US = 1000.0

# --- the situations ---------------------------------------------------------------------------

DATES = (
    "2016-06-01",
    "2017-09-15",
    "2018-03-01",
    "2019-06-01",
    "2020-01-01",
    "2021-07-04",
    "2022-10-10",
    "2023-09-01",
    "2024-11-05",
    "2025-06-01",
    "2026-03-01",
)
FED = "federal_immigration"

# (action, actor, requester, facts): the questions city systems actually ask, each asked on
# two dates, so the mix crosses every segment of the law from before article VIII to 2026.
BASES: tuple[tuple[str, str | None, str | None, dict[str, Any]], ...] = (
    (
        "hold_on_detainer",
        "sheriff",
        FED,
        {"eligible_for_release": True, "release_basis": "bond_posted", "documents": ["i_247a"]},
    ),
    (
        "hold_on_detainer",
        "sheriff",
        FED,
        {"eligible_for_release": True, "documents": ["i_247a", "federal_judicial_warrant"]},
    ),
    (
        "hold_on_detainer",
        "sheriff",
        FED,
        {"eligible_for_release": True, "other_lawful_hold": True, "documents": ["i_247a"]},
    ),
    (
        "hold_on_detainer",
        "state_agency",
        FED,
        {"release_basis": "sentence_served", "documents": ["i_247d", "i_200"]},
    ),
    ("hold_on_detainer", "probation", FED, {"eligible_for_release": True, "documents": ["i_247a"]}),
    ("hold_on_detainer", "sheriff", FED, {"eligible_for_release": False, "documents": ["i_247a"]}),
    ("hold_on_detainer", None, None, {"documents": ["i_247a"]}),
    (
        "answer_notification_request",
        "sheriff",
        FED,
        {"request_in_writing": True, "custody_event": "release", "documents": ["i_247n"]},
    ),
    ("answer_notification_request", "sheriff", FED, {"request_in_writing": False}),
    (
        "answer_notification_request",
        "sheriff",
        FED,
        {"custody_event": "transfer", "documents": ["i_247a"]},
    ),
    ("answer_notification_request", "police", FED, {"purpose": "criminal"}),
    ("grant_secure_area_access", "sheriff", FED, {"area": "secure"}),
    (
        "grant_secure_area_access",
        "sheriff",
        FED,
        {"area": "secure", "documents": ["federal_judicial_warrant"]},
    ),
    (
        "coordinate_remote_interview",
        "sheriff",
        FED,
        {"advised_in_writing": True, "advised_in_own_language": True},
    ),
    ("coordinate_remote_interview", "police", FED, {"person_declined": True}),
    ("share_status", "police", FED, {"information": "immigration_status", "already_held": True}),
    ("share_status", "city_department", "public", {"information": "citizenship"}),
    ("share_personal_information", "probation", FED, {"information": "address"}),
    ("comply_with_subpoena", "city_department", FED, {"documents": ["administrative_subpoena"]}),
    ("comply_with_subpoena", "city_department", FED, {"documents": ["court_order"]}),
    ("delay_release", "sheriff", FED, {}),
    ("arrest_on_immigration_ground", "police", FED, {"documents": ["i_200"]}),
    ("assist_courthouse_civil_arrest", "sheriff", FED, {"at_courthouse": True}),
    ("application_status_question", "human_services", None, {"purpose": "program_eligibility"}),
)


def situation_mix() -> list[dict[str, Any]]:
    """48 situations: every base on two dates, the dates rotating through 2016-2026."""
    found: list[dict[str, Any]] = []
    for i, (action, actor, requester, facts) in enumerate(BASES):
        for j in range(2):
            situation: dict[str, Any] = {
                "action": action,
                "on": DATES[(i + 4 * j) % len(DATES)],
                "facts": facts,
            }
            if actor is not None:
                situation["actor"] = actor
            if requester is not None:
                situation["requester"] = requester
            found.append(situation)
    return found


# --- small timing helpers ---------------------------------------------------------------------


def pct(values: Sequence[float] | npt.NDArray[np.float64], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))


def cycle(items: Sequence[Facts], n: int) -> list[Facts]:
    return [items[i % len(items)] for i in range(n)]


def decide_loop(book: Rulebook, seq: list[Facts], repeats: int) -> list[float]:
    """Per-decision µs of each timed pass over `seq` (decide, then read reasons and cites)."""
    decide = book.decide
    results: list[float] = []
    for _ in range(repeats):
        touched = 0
        start = time.perf_counter_ns()
        for facts in seq:
            decision = decide(facts)
            touched += len(decision.reasons) + len(decision.cites)
        elapsed = time.perf_counter_ns() - start
        assert touched > 0
        results.append(elapsed / len(seq) / NS_PER_US)
    return results


def per_call_ns(call: Callable[[Any], object], items: Sequence[Any]) -> npt.NDArray[np.float64]:
    """Each call timed on its own (includes one perf_counter_ns pair; see `timer_overhead_ns`)."""
    clock = time.perf_counter_ns
    out = np.empty(len(items), dtype=np.float64)
    for i, item in enumerate(items):
        start = clock()
        call(item)
        out[i] = clock() - start
    return out


def timer_overhead_ns() -> float:
    clock = time.perf_counter_ns
    samples = []
    for _ in range(100_000):
        start = clock()
        samples.append(clock() - start)
    return float(statistics.median(samples))


# --- the report -------------------------------------------------------------------------------


# --- sizes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    repeats: int
    calls: int
    per_call: int
    rows: int
    batch_runs: int
    sample_check: int
    audit: int
    durable: int
    peer_calls: int
    agreement: int

    @classmethod
    def of(cls, quick: bool, rows: int) -> Sizes:
        cut = 10 if quick else 1
        return cls(
            repeats=21,
            calls=20_000 // cut,
            per_call=200_000 // cut,
            rows=rows // cut,
            batch_runs=5,
            sample_check=2_000 // cut,
            audit=100_000 // cut,
            durable=2_000 // cut,
            peer_calls=20_000 // cut,
            agreement=10_000 // cut,
        )


# --- 1. single decisions ----------------------------------------------------------------------


def bench_single(book: Rulebook, mix: list[Facts], sizes: Sizes, report: Report) -> Metric:
    heading("1. single decision: book.decide(facts), reading .reasons and .cites")
    firsts = per_call_ns(book.decide, mix) / NS_PER_US
    print(
        f"  first pass over the {len(mix)} situations (each segment and action compiles on "
        f"first use): {firsts.sum() / 1000:,.0f} ms in all, slowest call "
        f"{firsts.max() / 1000:,.1f} ms"
    )
    counts: dict[str, int] = {}
    for facts in mix:
        verdict = book.decide(facts).verdict.value
        counts[verdict] = counts.get(verdict, 0) + 1
    actions = len({f.action for f in mix})
    print(
        f"  mix: {len(mix)} situations, {actions} actions, dates "
        f"{min(f.on for f in mix)}..{max(f.on for f in mix)}; verdicts {counts}"
    )

    seq = cycle(mix, sizes.calls)
    decide_loop(book, seq, 2)  # warm-up
    batches = decide_loop(book, seq, sizes.repeats)
    median = statistics.median(batches)
    print(
        f"  {sizes.repeats} passes of {sizes.calls:,} calls: median {median:.3f} µs/decision; "
        f"p99 of pass medians {pct(batches, 99):.3f}; best {min(batches):.3f}, "
        f"worst {max(batches):.3f}"
    )

    overhead = timer_overhead_ns()
    decide = book.decide

    def one(facts: Facts) -> object:
        decision = decide(facts)
        return (decision.reasons, decision.cites)

    calls = per_call_ns(one, cycle(mix, sizes.per_call)) / NS_PER_US
    print(
        f"  {sizes.per_call:,} calls timed one by one: median {pct(calls, 50):.3f} µs, "
        f"p99 {pct(calls, 99):.3f} µs, p99.9 {pct(calls, 99.9):.3f} µs "
        f"(each includes ~{overhead:.0f} ns of timer)"
    )
    report.add(Metric("single decision, median (mixed)", median, "µs", 2.0))
    report.add(Metric("single decision, p99 one by one", pct(calls, 99), "µs"))
    return report.metrics[-2]


# --- 2. batch ---------------------------------------------------------------------------------


def pick(rng: np.random.Generator, n: int, shares: dict[int, float]) -> npt.NDArray[np.int8]:
    codes = np.fromiter(shares, dtype=np.int8)
    p = np.fromiter(shares.values(), dtype=np.float64)
    return rng.choice(codes, size=n, p=p / p.sum())


def enum_shares(fact: str, shares: dict[str, float], unknown: float) -> dict[int, float]:
    found = {ENUM_CODES[fact][value]: share for value, share in shares.items()}
    found[UNKNOWN] = unknown
    return found


DOCUMENT_SHARES = {
    "i_247a": 0.40,
    "i_247d": 0.05,
    "i_247n": 0.20,
    "i_200": 0.20,
    "i_205": 0.05,
    "federal_judicial_warrant": 0.03,
    "state_judicial_warrant": 0.07,
    "judicial_writ": 0.01,
    "court_order": 0.02,
}


def random_columns(n: int, actions: Sequence[str], first: dt.date, last: dt.date) -> Columns:
    """`n` encoded situations drawn with numpy default_rng(42); every row is a valid situation."""
    rng = np.random.default_rng(42)
    cols = empty_columns(n)
    cols["action"][:] = rng.choice(np.array([ACTION_CODES[a] for a in actions], dtype=np.int8), n)
    cols["on"][:] = rng.integers(first.toordinal(), last.toordinal() + 1, n, dtype=np.int32)
    cols["actor"][:] = pick(
        rng,
        n,
        enum_shares(
            "actor",
            {
                "sheriff": 0.70,
                "police": 0.10,
                "state_agency": 0.05,
                "probation": 0.05,
                "pretrial_services": 0.03,
                "city_department": 0.02,
            },
            unknown=0.05,
        ),
    )
    cols["requester"][:] = pick(
        rng,
        n,
        enum_shares(
            "requester",
            {FED: 0.80, "federal_criminal": 0.05, "other_law_enforcement": 0.05},
            unknown=0.10,
        ),
    )
    eligible = pick(rng, n, {1: 0.60, 0: 0.25, UNKNOWN: 0.15})
    cols["eligible_for_release"][:] = eligible
    basis = pick(
        rng,
        n,
        enum_shares(
            "release_basis",
            {
                "bond_posted": 0.20,
                "sentence_served": 0.15,
                "charges_dismissed": 0.10,
                "own_recognizance": 0.05,
            },
            unknown=0.50,
        ),
    )
    basis[eligible == 0] = UNKNOWN  # the contract rejects a release basis with "not eligible"
    cols["release_basis"][:] = basis
    cols["other_lawful_hold"][:] = pick(rng, n, {1: 0.15, 0: 0.70, UNKNOWN: 0.15})
    cols["request_in_writing"][:] = pick(rng, n, {1: 0.50, 0: 0.30, UNKNOWN: 0.20})
    cols["custody_event"][:] = pick(
        rng,
        n,
        enum_shares(
            "custody_event",
            {"release": 0.70, "transfer": 0.10, "hospitalization": 0.05},
            unknown=0.15,
        ),
    )
    cols["purpose"][:] = pick(
        rng, n, enum_shares("purpose", {"civil_immigration": 0.60, "criminal": 0.10}, unknown=0.30)
    )
    documents = np.zeros(n, dtype=np.int32)
    for name, share in DOCUMENT_SHARES.items():
        documents |= np.where(rng.random(n) < share, SET_BITS["documents"][name], 0).astype(
            np.int32
        )
    cols["documents"][:] = documents
    return cols


ACTION_NAMES = {code: name for name, code in ACTION_CODES.items()}
ENUM_NAMES = {fact: {c: v for v, c in codes.items()} for fact, codes in ENUM_CODES.items()}


def row_situation(cols: Columns, i: int) -> dict[str, Any]:
    """Decode one row back into the contract's JSON form."""
    facts: dict[str, Any] = {}
    situation: dict[str, Any] = {
        "action": ACTION_NAMES[int(cols["action"][i])],
        "on": dt.date.fromordinal(int(cols["on"][i])).isoformat(),
        "facts": facts,
    }
    for name, col in cols.items():
        code = int(col[i])
        if name in ("action", "on"):
            continue
        if name in ENUM_NAMES:
            if code != UNKNOWN:
                target = situation if name in ("actor", "requester") else facts
                target[name] = ENUM_NAMES[name][code]
        elif name in SET_BITS:
            if code:
                facts[name] = [m for m, bit in SET_BITS[name].items() if code & bit]
        elif code != UNKNOWN:
            facts[name] = bool(code)
    return situation


def time_columns(book: Rulebook, cols: Columns, runs: int) -> tuple[float, BatchResult]:
    result = decide_columns(book, cols)  # warm-up: compiles, builds slot templates
    times = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        result = decide_columns(book, cols)
        times.append((time.perf_counter_ns() - start) / 1e9)
    return statistics.median(times), result


def check_rows(
    book: Rulebook, cols: Columns, result: BatchResult, k: int, report: Report, label: str
) -> None:
    """Decide a sample of rows one by one; the verdicts must equal the batch's."""
    n = len(cols["action"])
    rows = np.random.default_rng(7).choice(n, size=min(k, n), replace=False)
    verdicts = result.verdicts
    wrong = 0
    for i in rows:
        scalar = book.decide(psepa.validate(row_situation(cols, int(i)))).verdict
        if scalar is not VERDICTS[verdicts[i]]:
            wrong += 1
            if wrong <= 3:
                report.fail(
                    f"batch {label} row {i}: batch {VERDICTS[verdicts[i]].value}, "
                    f"one by one {scalar.value}: {row_situation(cols, int(i))}"
                )
    print(
        f"  check: {len(rows) - wrong:,}/{len(rows):,} sampled rows decided one by one agree "
        "with the batch"
    )
    if wrong:
        report.fail(f"batch {label}: {wrong} of {len(rows)} sampled rows disagree")


def bench_batch(book: Rulebook, sizes: Sizes, report: Report) -> float:
    n = sizes.rows
    heading(f"2. batch: decide_columns over {n:,} rows")
    cases = (
        (
            "(a) hold + notification, 2016-01-01..2026-11-01",
            ("hold_on_detainer", "answer_notification_request"),
            dt.date(2016, 1, 1),
            dt.date(2026, 11, 1),
        ),
        (
            "(b) hold_on_detainer on 2020-01-01",
            ("hold_on_detainer",),
            dt.date(2020, 1, 1),
            dt.date(2020, 1, 1),
        ),
    )
    per_decision_us = 0.0
    for label, actions, first, last in cases:
        start = time.perf_counter()
        cols = random_columns(n, actions, first, last)
        built = time.perf_counter() - start
        seconds, result = time_columns(book, cols, sizes.batch_runs)
        rate = n / seconds
        print(f"  {label}")
        print(
            f"    columns built in {built:.2f} s (not timed); decide_columns median of "
            f"{sizes.batch_runs}: {seconds * 1e3:.1f} ms = {rate / 1e6:.1f} M decisions/s; "
            f"{len(result.templates)} distinct answers, {len(result.rule_sets)} rule sets"
        )
        print(f"    verdict_counts(): {result.verdict_counts()}")
        check_rows(book, cols, result, sizes.sample_check, report, label[:3])
        report.add(Metric(f"batch {label[:3]} decisions/s", rate, "/s", 10e6, at_least=True))
        if label.startswith("(b)"):
            per_decision_us = seconds / n * 1e6
    return per_decision_us


# --- 3. decisions with an audit record --------------------------------------------------------


AUDIT_WARM_UP = 1000


def audit_calls(
    book: Rulebook, seq: list[Facts], path: Path, *, durable: bool
) -> npt.NDArray[np.float64]:
    """µs per decide-and-record, each timed on its own, after a warm-up of up to 1,000."""
    with AuditLog(path, durable=durable) as log:

        def one(facts: Facts) -> object:
            return log.record(book.decide(facts), situation_of(facts))

        per_call_ns(one, seq[:AUDIT_WARM_UP])
        return per_call_ns(one, seq) / NS_PER_US


def bench_audit(
    book: Rulebook, mix: list[Facts], sizes: Sizes, report: Report, directory: Path
) -> None:
    heading("3. decision + audit record: log.record(book.decide(f), situation_of(f))")
    print(f"  log directory: {directory}")
    expected: dict[Path, int] = {}
    for durable, count in ((False, sizes.audit), (True, sizes.durable)):
        path = directory / ("audit-durable.log" if durable else "audit.log")
        path.unlink(missing_ok=True)
        calls = audit_calls(book, cycle(mix, count), path, durable=durable)
        expected[path] = min(AUDIT_WARM_UP, count) + count
        kind = "durable=True (fsync each)" if durable else "durable=False (buffered)"
        size = path.stat().st_size
        print(
            f"  {kind}: {count:,} records timed one by one: median {pct(calls, 50):.2f} µs, "
            f"p99 {pct(calls, 99):.2f} µs, mean {float(calls.mean()):.2f} µs; "
            f"{size / expected[path]:.0f} bytes a record"
        )
        if durable:
            report.add(Metric("decision + audit, fsync each, median", pct(calls, 50), "µs"))
        else:
            report.add(Metric("decision + audit, buffered, median", pct(calls, 50), "µs", 20.0))
            report.add(Metric("decision + audit, buffered, p99", pct(calls, 99), "µs"))
    for path, count in expected.items():
        start = time.perf_counter()
        try:
            verified = psepa.audit.log.verify(path)
        except psepa.AuditBroken as exc:
            report.fail(f"audit chain {path.name}: {exc}")
            continue
        took = time.perf_counter() - start
        print(f"  verify({path.name}) = {verified:,} entries ({took:.2f} s)")
        if verified != count:
            report.fail(f"audit chain {path.name}: {verified} entries, {count} written")


# --- 4. the peer: Cedar -----------------------------------------------------------------------

A15_FROM = dt.date(2017, 8, 31)  # article VIII in force (psepa's reading)
E1_FROM = dt.date(2019, 5, 28)  # HB19-1124 in force
PEACE_OFFICERS = ("sheriff", "police", "state_agency")

FORBID = string.Template("""\
// $title
@id("$rule")
forbid (principal, action == Action::"hold_on_detainer", resource)
when {
  context.day >= $from_day &&  // in force from $from_date
  (!(context has actor) || $actors.contains(context.actor)) &&
  (!(context has requester) || context.requester == "federal_immigration") &&
  // eligible for release: said so, not denied, or a release basis was given
  (!(context has eligible_for_release) || context.eligible_for_release ||
   context has release_basis) &&
  // no independent hold keeps the person
  !((context has other_lawful_hold && context.other_lawful_hold) ||
    context.documents.contains("state_judicial_warrant"))
}
unless { context.documents.containsAny(["federal_judicial_warrant", "judicial_writ"]) };
""")


def cedar_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


CEDAR_POLICIES = "\n".join(
    (
        "// Anything no forbid reaches is allowed (psepa: permitted or not_regulated).\n"
        '@id("allow-otherwise")\npermit (principal, action, resource);\n',
        FORBID.substitute(
            title="DRMC 28-253: no hold on a detainer without a federal warrant or writ",
            rule="A-15",
            from_day=A15_FROM.toordinal(),
            from_date=A15_FROM,
            actors=cedar_list(CITY_ACTORS),
        ),
        FORBID.substitute(
            title="C.R.S. 24-76.6-102: no peace officer holds on a detainer",
            rule="E-1",
            from_day=E1_FROM.toordinal(),
            from_date=E1_FROM,
            actors=cedar_list(PEACE_OFFICERS),
        ),
    )
)


def cedar_request(facts: Facts, *, surface_ids: bool = False) -> dict[str, Any]:
    """The situation as a Cedar request, every given fact in the context (built untimed).

    Entity ids go in cedarpy's structured form unless `surface_ids`: the Cedar-syntax string
    form (`City::"denver"`) is parsed on every call and costs the peer about 20 µs more.
    """
    situation = situation_of(facts)
    context: dict[str, Any] = {"day": facts.on_ordinal, "documents": [], **situation["facts"]}
    for name in ("actor", "requester"):
        if name in situation:
            context[name] = situation[name]
    if surface_ids:
        return {
            "principal": 'City::"denver"',
            "action": f'Action::"{facts.action}"',
            "resource": 'Person::"booked"',
            "context": context,
        }
    return {
        "principal": {"type": "City", "id": "denver"},
        "action": {"type": "Action", "id": facts.action},
        "resource": {"type": "Person", "id": "booked"},
        "context": context,
    }


def random_holds(n: int, day: dt.date, seed: int) -> list[dict[str, Any]]:
    """Random hold_on_detainer situations; every fact may be absent, every value may occur."""
    rng = random.Random(seed)

    def draw(values: Sequence[Any], common: Any, share: float) -> Any:
        return common if rng.random() < share else rng.choice(values)

    actors = [None, *ENUM_CODES["actor"]]
    requesters = [None, *ENUM_CODES["requester"]]
    bases = [None, *ENUM_CODES["release_basis"]]
    found = []
    for _ in range(n):
        facts: dict[str, Any] = {}
        eligible = draw((True, False, None), True, 0.4)
        basis = draw(bases, None, 0.5) if eligible is not False else None
        hold = draw((True, False, None), False, 0.5)
        for name, value in (
            ("eligible_for_release", eligible),
            ("release_basis", basis),
            ("other_lawful_hold", hold),
        ):
            if value is not None:
                facts[name] = value
        if rng.random() < 0.9:
            docs = [d for d, share in DOCUMENT_SHARES.items() if rng.random() < share]
            facts["documents"] = docs + [
                d for d in SET_BITS["documents"] if d not in DOCUMENT_SHARES and rng.random() < 0.05
            ]
        situation: dict[str, Any] = {
            "action": "hold_on_detainer",
            "on": day.isoformat(),
            "facts": facts,
        }
        for name, value in (
            ("actor", draw(actors, "sheriff", 0.5)),
            ("requester", draw(requesters, FED, 0.6)),
        ):
            if value is not None:
                situation[name] = value
        found.append(situation)
    return found


def agree(
    book: Rulebook,
    situations: list[Facts],
    policies: cedarpy.PolicySet,
    entities: cedarpy.Entities,
    report: Report,
    label: str,
) -> int:
    """Cedar and psepa must agree: prohibited == Deny, with the same rules determining."""
    results = cedarpy.is_authorized_batch(
        [cedar_request(f) for f in situations], policies, entities
    )
    agreed = wrong = 0
    for facts, result in zip(situations, results, strict=True):
        decision = book.decide(facts)
        denied = result.decision is cedarpy.Decision.Deny
        prohibited = decision.verdict is psepa.Verdict.PROHIBITED
        cedar_rules = set(result.diagnostics.id_annotations_by_reason.values())
        same_rules = not denied or cedar_rules == set(decision.rules)
        if denied == prohibited and same_rules and not result.diagnostics.errors:
            agreed += 1
            continue
        wrong += 1
        if wrong <= 3:
            report.fail(
                f"{label}: Cedar {result.decision.name} {sorted(cedar_rules)}, "
                f"psepa {decision.verdict.value} {list(decision.rules)}: {facts!r}"
            )
    print(f"  agreement, {label}: {agreed:,}/{len(situations):,}")
    if agreed != len(situations):
        report.fail(
            f"{label}: Cedar and psepa disagree on {len(situations) - agreed} situations"
        )
    return agreed


def check_cedar_dates(report: Report) -> None:
    for rule, start in (
        (drmc_28_253.DETAINER_HOLD, A15_FROM),
        (crs_24_76_6.DETAINER_HOLD, E1_FROM),
    ):
        if rule.window.start != start or rule.window.end is not None:
            report.fail(f"Cedar encodes {rule.id} from {start}, psepa has {rule.window}")


def cedar_calls(
    requests: list[dict[str, Any]],
    policies: str | cedarpy.PolicySet,
    entities: str | cedarpy.Entities,
) -> npt.NDArray[np.float64]:
    """µs per `cedarpy.is_authorized` call, reading the decision and the determining @ids."""

    def one(request: dict[str, Any]) -> object:
        result = cedarpy.is_authorized(request, policies, entities)
        return (result.decision, result.diagnostics.id_annotations_by_reason)

    per_call_ns(one, requests[:500])  # warm-up
    return per_call_ns(one, requests) / NS_PER_US


def bench_peer(
    book: Rulebook, mix: list[Facts], sizes: Sizes, report: Report, batch_us: float
) -> None:
    heading("4. the peer: Cedar (cedarpy) on hold_on_detainer, A-15 + E-1")
    check_cedar_dates(report)
    policies = cedarpy.PolicySet.from_str(CEDAR_POLICIES)
    entities = cedarpy.Entities.from_json_str("[]")
    holds = [f for f in mix if f.action == "hold_on_detainer"]
    print(
        f"  cedarpy {_version('cedarpy')}; {len(holds)} hold_on_detainer situations of the "
        f"mix, dates {min(f.on for f in holds)}..{max(f.on for f in holds)}"
    )

    seq = cycle(holds, sizes.calls)
    decide_loop(book, seq, 2)
    psepa_us = statistics.median(decide_loop(book, seq, sizes.repeats))
    print(f"  psepa on the same situations: median {psepa_us:.3f} µs/decision")

    facts_seq = cycle(holds, sizes.peer_calls)
    requests = [cedar_request(f) for f in facts_seq]
    as_text = [dict(r, context=json.dumps(r["context"])) for r in requests]
    surface = [cedar_request(f, surface_ids=True) for f in facts_seq]
    variants: tuple[
        tuple[str, list[dict[str, Any]], str | cedarpy.PolicySet, str | cedarpy.Entities], ...
    ] = (
        ("handles, structured ids, context dict", requests, policies, entities),
        ("handles, context as JSON text (serialised untimed)", as_text, policies, entities),
        ("handles, Cedar-syntax ids", surface, policies, entities),
        ("policy text parsed each call, Cedar-syntax ids", surface, CEDAR_POLICIES, "[]"),
    )
    medians: list[float] = []
    for name, reqs, pols, ents in variants:
        calls = cedar_calls(reqs, pols, ents)
        medians.append(pct(calls, 50))
        print(
            f"  is_authorized, {name}: median {pct(calls, 50):.1f} µs, p99 "
            f"{pct(calls, 99):.1f} µs = {pct(calls, 50) / psepa_us:.0f}× psepa"
        )
    own = [cedarpy.is_authorized(r, policies, entities).metrics for r in requests[:200]]
    keys = ("build_request_duration_micros", "authz_duration_micros")
    print(
        "  cedarpy's own metrics, median over 200 calls (first variant): "
        + ", ".join(f"{k} {statistics.median(m.get(k, 0) for m in own)}" for k in keys)
    )

    batch_requests = requests[: min(len(requests), 10_000)]
    cedarpy.is_authorized_batch(batch_requests[:100], policies, entities)
    start = time.perf_counter_ns()
    cedarpy.is_authorized_batch(batch_requests, policies, entities)
    cedar_batch_us = (time.perf_counter_ns() - start) / len(batch_requests) / NS_PER_US
    print(
        f"  is_authorized_batch of {len(batch_requests):,}: {cedar_batch_us:.1f} µs a "
        f"decision; psepa decide_columns, case (b): {batch_us * 1000:.1f} ns a decision "
        f"({cedar_batch_us / batch_us:,.0f}×)"
    )

    best, engines_study = min(medians), medians[-1]
    print(f"  fastest cedarpy call form: {variants[medians.index(best)][0]}")
    report.add(Metric("peer cedarpy, fastest call form, median", best, "µs"))
    report.add(Metric("psepa on the same holds, median", psepa_us, "µs"))
    report.add(Metric("ratio peer/psepa, fastest cedarpy", best / psepa_us, "×", 50, at_least=True))
    report.add(Metric("ratio peer/psepa, engines-study use", engines_study / psepa_us, "×"))

    day = dt.date(2020, 1, 1)
    randoms = [psepa.validate(s) for s in random_holds(sizes.agreement, day, seed=42)]
    verdicts: dict[str, int] = {}
    for facts in randoms:
        verdict = book.decide(facts).verdict.value
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
    print(f"  {len(randoms):,} random hold_on_detainer situations on {day}: psepa {verdicts}")
    agreed = agree(book, randoms, policies, entities, report, f"random holds on {day}")
    agree(book, holds, policies, entities, report, "the mix's holds, 2016-2026")
    report.add(
        Metric(f"Cedar agrees, random holds on {day}", agreed, "cases", len(randoms), at_least=True)
    )


# --- main -------------------------------------------------------------------------------------


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="cut every size 10x (CI smoke run)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in each batch")
    parser.add_argument(
        "--audit-dir",
        type=Path,
        default=None,
        help="where to write the audit logs (default: a temporary folder)",
    )
    args = parser.parse_args(argv)
    sizes = Sizes.of(args.quick, args.rows)
    report = Report()

    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    print(
        f"psepa {_version('psepa')} bench/decide.py{' --quick' if args.quick else ''}: "
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"numpy {np.__version__}, {platform.machine()} {platform.system()} "
        f"{platform.release()}, CPUs: {os.cpu_count()} (usable {affinity})"
    )
    book = psepa.rulebook()
    print(f"rulebook revision {book.revision}")
    mix = [psepa.validate(s) for s in situation_mix()]

    single = bench_single(book, mix, sizes, report)
    batch_us = bench_batch(book, sizes, report)
    with tempfile.TemporaryDirectory(prefix="psepa-bench-") as tmp:
        directory = args.audit_dir or Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        bench_audit(book, mix, sizes, report, directory)
    bench_peer(book, mix, sizes, report, batch_us)

    print(
        f"\n  single decision {single.measured:.3f} µs median; CPUs {os.cpu_count()}; "
        f"Python {platform.python_version()}"
    )
    return report.finish()

if __name__ == "__main__":
    sys.exit(main())
