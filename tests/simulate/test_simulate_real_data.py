"""Real histories as situations, the generator, and Travis County checked against reality."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from psepa.cases.importer import TRAVIS_DISPOSITIONS, shared_data_dir
from psepa.simulate.adapters import (
    offence_of,
    pennsylvania_detainers,
    travis_history,
    travis_policy_bookings,
    write_situations,
)
from psepa.simulate.dataset import open_dataset
from psepa.simulate.generate import generate
from psepa.simulate.run import simulate
from psepa.simulate.travis import compare

TRAVIS = shared_data_dir() / "travis-county-ice-detainers"


def test_travis_history_gives_two_questions_per_booking_and_maps_releases_as_the_importer():
    rows = travis_history()
    with (TRAVIS / "travis_bookings_2000_2016.csv").open(encoding="utf-8") as handle:
        bookings = list(csv.DictReader(handle))
    assert len(rows) == 2 * len(bookings) == 19_066
    holds = {r["id"]: r for r in rows if r["action"] == "hold_on_detainer"}
    for b in bookings:
        disposition = TRAVIS_DISPOSITIONS[b["ice_detainer_disposition"]]
        hold = holds[f"travis-{b['booking_no']}"]
        assert hold.get("release_basis") == (disposition.basis if disposition.release else None)
    assert not any(k in r for r in rows for k in ("place_of_birth", "race", "sex", "age"))


def test_offences_are_read_from_charge_words_and_grades():
    assert offence_of("AGG SEXUAL ASSLT CHILD", "F1") == "aggravated_sexual_assault"
    assert offence_of("MURDER", "F1") == "murder"
    assert offence_of("CRIMINAL ATTEMPT MURDER", "F2") == "other_felony"
    assert offence_of("SEX ABUSE OF CHILD CONTINUOUS:VICT <14 (F1", "F1") == (
        "continuous_sexual_abuse_of_child")
    assert offence_of("TRAFFIC OFFENSE MULTIPLE", "MC") == "misdemeanor"  # not trafficking
    assert offence_of("DRIVING WHILE INTOXICATED", "MB") == "misdemeanor"
    assert offence_of("ICE DETAINER", "F*") is None


def test_pennsylvania_detainers_become_holds_and_notification_requests():
    rows = pennsylvania_detainers()
    assert len(rows) == 32_757
    kinds = Counter((r["action"], r["documents"]) for r in rows)
    assert kinds[("answer_notification_request", "i_247n")] == 10
    assert kinds[("hold_on_detainer", "i_247d")] == 38


def test_real_histories_simulate_under_denver_and_the_july_draft(tmp_path: Path):
    path = tmp_path / "travis.parquet"
    write_situations(travis_history(), path)
    sim = simulate(open_dataset(path), ["enacted-2017", "draft-2017-07"])
    counts = sim.counts()
    # Every detainer hold is refused under article VIII (no judicial warrant in the data) ...
    assert counts["hold_on_detainer"]["enacted-2017"]["prohibited"] == 9_533
    # ... and the draft would have refused every release notice: no ICE attestation is
    # recorded, while the enacted compromise allows them with an advisement.
    assert counts["answer_notification_request"]["enacted-2017"]["permitted"] == 9_533
    assert counts["answer_notification_request"]["draft-2017-07"]["prohibited"] == 9_533
    assert sim.changed() == {"draft-2017-07": 9_533}


def test_travis_policy_agrees_with_the_jail_on_203_of_230_and_explains_every_mismatch():
    result = compare()
    matrix = result.matrix()
    assert matrix[("accepted_01feb2017", "accept")] == 23
    assert matrix[("accepted_01feb2017", "decline")] == 27
    assert matrix[("released_by_policy_R217_no_warrant", "decline")] == 149
    assert matrix[("released_by_policy_then_reinstated_with_ice_warrant", "decline")] == 31
    assert sum(o.agrees for o in result.outcomes) == 203
    for outcome in result.mismatches():
        assert outcome.explanation(), outcome.booking.booking_no
    for outcome in result.outcomes:
        if outcome.predicted_accepted:  # every honoured detainer rests on a listed felony
            assert outcome.booking.accepted
            assert outcome.rules == ("TX-1",)


def test_with_later_warrants_the_reinstated_bookings_are_explained_by_the_warrant_kind():
    result = compare(warrants=True)
    reinstated = [o for o in result.mismatches()
                  if o.booking.list_name.endswith("reinstated_with_ice_warrant")]
    assert len(reinstated) == 31
    assert all("judicial" in o.explanation() for o in reinstated)
    assert all("i_200" in o.booking.situation["documents"] for o in reinstated)


def test_policy_day_situations_read_no_personal_columns():
    for booking in travis_policy_bookings():
        assert set(booking.situation) <= {
            "id", "action", "on", "actor", "requester", "documents", "request_in_writing",
            "eligible_for_release", "offences"}


def test_generator_resamples_real_combinations_reproducibly(tmp_path: Path):
    first, second = tmp_path / "a.parquet", tmp_path / "b.parquet"
    assert generate(first, 30_000, seed=7) == 30_000
    generate(second, 30_000, seed=7)
    query = "SELECT * EXCLUDE (id) FROM '{}' ORDER BY id"
    assert duckdb.sql(query.format(first)).fetchall() == duckdb.sql(
        query.format(second)).fetchall()
    years = duckdb.sql(f"SELECT min(year(\"on\")), max(year(\"on\")) FROM '{first}'").fetchall()
    assert years == [(2015, 2026)]
    # Every resampled combination of facts is a real one.
    real = tmp_path / "real.parquet"
    write_situations(travis_history() + pennsylvania_detainers(), real)
    facts = "action, actor, requester, release_basis, custody_event, documents, offences"
    unseen = duckdb.sql(
        f"SELECT {facts} FROM '{first}' EXCEPT SELECT {facts} FROM '{real}'").fetchall()
    assert unseen == []
    # The share of each action follows the real mix (Travis: 2 questions per booking;
    # Pennsylvania: 10 notification requests among 32,757 detainers).
    share = dict(duckdb.sql(
        f"SELECT action, count(*) / 30000 FROM '{first}' GROUP BY ALL").fetchall())
    assert share["answer_notification_request"] == pytest.approx(9_543 / 51_823, abs=0.01)


def test_generated_file_is_never_left_half_written(tmp_path: Path):
    with pytest.raises(ValueError):
        generate(tmp_path / "x.csv", 10)
    assert list(tmp_path.iterdir()) == []


def test_long_runs_report_progress_up_to_done(tmp_path: Path):
    path = tmp_path / "cases.parquet"
    generate(path, 200_000, seed=3)
    seen: list[float] = []
    dataset = open_dataset(path, progress=seen.append)
    sim = simulate(dataset, ["enacted-2017", "draft-2017-07"], progress=seen.append)
    assert seen and seen[-1] == 100.0
    assert all(0 <= p <= 100 for p in seen)
    assert sim.rows == 200_000


def test_csv_and_parquet_of_the_same_cases_give_the_same_answers(tmp_path: Path):
    rows = travis_history() + pennsylvania_detainers()
    as_csv, as_parquet = tmp_path / "cases.csv", tmp_path / "cases.parquet"
    write_situations(rows, as_csv)
    write_situations(rows, as_parquet)
    versions = ["law-in-force", "enacted-2017", "committee-2017-08-02"]
    from_csv = simulate(open_dataset(as_csv), versions)
    from_parquet = simulate(open_dataset(as_parquet), versions)
    assert from_csv.rows == from_parquet.rows == 51_823
    assert sorted((g.action, g.keys, g.cases) for g in from_csv.groups) == sorted(
        (g.action, g.keys, g.cases) for g in from_parquet.groups)


def test_a_data_set_without_dates_is_read_as_today(tmp_path: Path):
    import datetime as dt

    path = tmp_path / "undated.csv"
    path.write_text("action,actor\nask_status,police\n", encoding="utf-8")
    undated = simulate(open_dataset(path), ["law-in-force", "enacted-2017"])
    dated = tmp_path / "dated.csv"
    dated.write_text(f"action,on,actor\nask_status,{dt.date.today()},police\n", encoding="utf-8")
    today = simulate(open_dataset(dated), ["law-in-force", "enacted-2017"])
    assert undated.counts() == today.counts()
