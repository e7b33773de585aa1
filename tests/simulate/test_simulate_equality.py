"""One source of truth: the simulator's compiled SQL gives, case by case, the verdict and the
deciding rules that the scalar `decide` gives, for every version of the law (named, by each
case's date, and the law in force on many fixed dates) and for the Travis County pack."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from helpers import as_row, scalar, write_parquet
from hypothesis import given, settings
from hypothesis import strategies as st

from psepa.domain import BOOL_FACTS, ENUM_FACTS, SET_FACTS, Action
from psepa.engine.api import rulebook
from psepa.simulate.dataset import open_dataset
from psepa.simulate.run import decide_rows
from psepa.simulate.versions import resolve
from strategies import situations

FIXED_DAYS = [
    "2016-06-30", "2017-08-30", "2017-08-31", "2019-05-28", "2020-03-23", "2021-06-25",
    "2022-01-01", "2023-08-07", "2025-05-22", "2025-05-23", "2026-02-26", "2026-11-25",
]
VERSIONS = [
    *rulebook().version_ids,
    *(f"law-in-force-{day}" for day in FIXED_DAYS),
    "travis-law-in-force",
    "tcso-2017-02-01",
]


def random_situation(rng: random.Random) -> dict[str, Any]:
    """A seeded random situation: every fact absent or any value of the contract."""
    facts: dict[str, Any] = {}
    for name, enum in ENUM_FACTS.items():
        if name not in ("actor", "requester") and rng.random() < 0.6:
            facts[name] = rng.choice([m.value for m in enum])
    for name in BOOL_FACTS:
        if rng.random() < 0.6:
            facts[name] = rng.random() < 0.5
    for name, enum in SET_FACTS.items():
        if rng.random() < 0.7:
            facts[name] = rng.sample([m.value for m in enum], rng.randint(0, 3))
    if "release_basis" in facts and facts.get("eligible_for_release") is False:
        del facts["eligible_for_release"]
    situation: dict[str, Any] = {
        "action": rng.choice([a.value for a in Action]),
        "on": (dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 4400))).isoformat(),
        "facts": facts,
    }
    for name in ("actor", "requester"):
        if rng.random() < 0.8:
            situation[name] = rng.choice([m.value for m in ENUM_FACTS[name]])
    return situation


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], Path]:
    rng = random.Random(20170828)
    cases = [random_situation(rng) for _ in range(6000)]
    path = tmp_path_factory.mktemp("equality") / "sample.parquet"
    return cases, write_parquet([as_row(c) for c in cases], path)


@pytest.mark.parametrize("version", VERSIONS)
def test_columnar_verdicts_equal_scalar_decide_on_a_large_seeded_sample(
    sample: tuple[list[dict[str, Any]], Path], version: str
) -> None:
    cases, path = sample
    book = resolve(version)
    answers = decide_rows(open_dataset(path), version)
    assert len(answers) == len(cases)
    wrong = [
        (case, (t.verdict.value, t.rules), scalar(book, case, version))
        for case, t in zip(cases, answers, strict=True)
        if (t.verdict.value, t.rules) != scalar(book, case, version)
    ]
    assert wrong == []


def test_the_sample_reaches_every_verdict_and_many_rules(
    sample: tuple[list[dict[str, Any]], Path],
) -> None:
    _, path = sample
    answers = decide_rows(open_dataset(path), "law-in-force")
    assert {t.verdict.value for t in answers} == {
        "prohibited", "permitted", "required", "not_regulated"
    }
    assert len({rule for t in answers for rule in t.rules}) >= 20


@settings(max_examples=25, deadline=None)
@given(st.lists(situations(), min_size=1, max_size=40), st.sampled_from(VERSIONS))
def test_columnar_equals_scalar_on_hypothesis_situations(
    tmp_path_factory: pytest.TempPathFactory, cases: list[dict[str, Any]], version: str
) -> None:
    path = write_parquet([as_row(c) for c in cases],
                         tmp_path_factory.mktemp("hyp") / "cases.parquet")
    book = resolve(version)
    answers = decide_rows(open_dataset(path), version)
    for case, template in zip(cases, answers, strict=True):
        assert (template.verdict.value, template.rules) == scalar(book, case, version), case


def test_grouped_counts_equal_scalar_counts_for_every_version(
    sample: tuple[list[dict[str, Any]], Path],
) -> None:
    """The simulator groups cases by distinct facts (a date by its period of law) before
    deciding; the counts must be those of deciding every case alone."""
    from collections import Counter

    from psepa.simulate.run import simulate

    cases, path = sample
    sim = simulate(open_dataset(path), VERSIONS)
    for version in sim.versions:
        book = resolve(version)
        expected = Counter((c["action"], scalar(book, c, version)[0]) for c in cases)
        found = Counter({(action, verdict): n
                         for action, per in sim.counts().items()
                         for verdict, n in per[version].items() if n})
        assert found == expected, version
