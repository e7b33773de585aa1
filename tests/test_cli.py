"""The command-line door, run as a real process: output, exit codes and error messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HOLD = {
    "action": "hold_on_detainer",
    "on": "2017-09-15",
    "actor": "sheriff",
    "requester": "federal_immigration",
    "facts": {"eligible_for_release": True, "documents": ["i_247a", "i_200"]},
}


def psepa(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "psepa", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_decide_prints_the_decision_as_json(tmp_path: Path) -> None:
    path = tmp_path / "hold.json"
    path.write_text(json.dumps(HOLD))
    result = psepa("decide", str(path))
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["verdict"] == "prohibited"
    assert body["version"] == "law-in-force-2017-09-15"
    assert "DRMC 28-253" in body["cites"]


def test_decide_reads_stdin_and_answers_a_list_with_a_list() -> None:
    result = psepa("decide", "-", stdin=json.dumps([HOLD, {**HOLD, "on": "2016-05-01"}]))
    assert result.returncode == 0, result.stderr
    verdicts = [d["verdict"] for d in json.loads(result.stdout)]
    assert verdicts == ["prohibited", "permitted"]


def test_version_option_answers_under_a_named_version() -> None:
    notice = {
        "action": "answer_notification_request",
        "on": "2017-08-01",
        "actor": "sheriff",
        "requester": "federal_immigration",
        "facts": {"documents": ["i_247a"]},
    }
    enacted = json.loads(
        psepa("decide", "--version", "enacted-2017", "-", stdin=json.dumps(notice)).stdout
    )
    draft = json.loads(
        psepa("decide", "--version", "draft-2017-07", "-", stdin=json.dumps(notice)).stdout
    )
    in_force = json.loads(psepa("decide", "-", stdin=json.dumps(notice)).stdout)
    assert (in_force["verdict"], enacted["verdict"], draft["verdict"]) == (
        "not_regulated",
        "permitted",
        "prohibited",
    )
    assert draft["version"] == "draft-2017-07"


@pytest.mark.parametrize(
    ("situation", "field"),
    [
        ({"action": "hold_on_detainer", "facts": {"documentz": []}}, "facts.documentz"),
        ({"action": "hold_the_person"}, "action"),
        ({"action": "hold_on_detainer", "on": "15/09/2017"}, "on"),
        ({"action": "hold_on_detainer", "facts": {"documents": ["i_999"]}}, "facts.documents[0]"),
        (
            {"action": "hold_on_detainer", "facts": {"eligible_for_release": "yes"}},
            "facts.eligible_for_release",
        ),
        ({"facts": {}}, "action"),
    ],
)
def test_invalid_input_names_the_field_on_one_line_and_prints_nothing(
    situation: dict[str, object], field: str
) -> None:
    result = psepa("decide", "-", stdin=json.dumps(situation))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert field in result.stderr


def test_one_bad_situation_in_a_list_fails_the_whole_list_and_says_which() -> None:
    result = psepa("decide", "-", stdin=json.dumps([HOLD, {"action": "nope"}]))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "situation 1" in result.stderr


def test_unknown_version_lists_the_known_ones() -> None:
    result = psepa("decide", "--version", "draft-2099", "-", stdin=json.dumps(HOLD))
    assert result.returncode == 2
    assert "enacted-2017" in result.stderr and result.stdout == ""


def test_malformed_json_and_missing_file_are_clear_errors(tmp_path: Path) -> None:
    assert "not valid JSON" in psepa("decide", "-", stdin="{oops").stderr
    missing = psepa("decide", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_explain_speaks_plain_english_with_the_exception_that_did_not_apply() -> None:
    result = psepa("explain", "-", stdin=json.dumps(HOLD))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "PROHIBITED" in text
    assert "Exceptions that did not apply: no warrant signed by a federal judge" in text
    assert "What follows:" in text and "Release the person on the normal schedule" in text
    assert "Sources:" in text and "DRMC 28-253" in text


def test_versions_lists_the_contract_versions() -> None:
    result = psepa("versions", "--json")
    ids = {v["id"] for v in json.loads(result.stdout)}
    assert {"draft-2017-07", "committee-2017-08-02", "enacted-2017", "law-in-force"} <= ids


def test_check_passes_on_the_rulebook() -> None:
    result = psepa("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: no conflict" in result.stdout
