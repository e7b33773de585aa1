"""The allow-list excuses a lawful field only when the engine agrees, keeping the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from guard_helpers import LAW_2025

from psepa.guard import AllowList, AllowListError, scan


def _files(tmp_path: Path) -> list[Path]:
    (tmp_path / "hr").mkdir()
    (tmp_path / "hr" / "i9.csv").write_text("employee,citizenship,work_authorization\n1,x,y\n")
    (tmp_path / "apply.html").write_text("<form><label>Nationality</label></form>")
    return [tmp_path]


def _allow(tmp_path: Path, text: str) -> AllowList:
    f = tmp_path / "allow.yaml"
    f.write_text(text)
    return AllowList.load(f)


def test_an_entry_with_a_requiring_law_excuses_and_keeps_its_citation(tmp_path: Path) -> None:
    allow = _allow(
        tmp_path,
        """
- path: "hr/*.csv"
  where: "citizenship"
  required_by: federal_law
  citation: "8 U.S.C. 1324a; 8 CFR 274a.2 (Form I-9)"
  reason: "Employment eligibility of new hires"
""",
    )
    report = scan(_files(tmp_path), on=LAW_2025, allow=allow, root=tmp_path, exclude=["allow.yaml"])
    by_where = {f.location.where: f for f in report.findings}
    excused = by_where["citizenship"]
    assert excused.excuse is not None and not excused.blocking
    assert excused.excuse.citation.startswith("8 U.S.C. 1324a")
    assert not excused.excuse.ruling.forbidden
    assert by_where["work_authorization"].blocking  # not covered by the entry
    assert by_where["<label>"].blocking
    assert report.warnings == []


def test_a_treaty_does_not_excuse_an_application_question(tmp_path: Path) -> None:
    allow = _allow(
        tmp_path,
        """
entries:
  - where: "Nationality"
    required_by: treaty
    citation: "Vienna Convention on Consular Relations art. 36"
    reason: "Consular notification"
""",
    )
    report = scan(_files(tmp_path), on=LAW_2025, allow=allow, root=tmp_path, exclude=["allow.yaml"])
    label = next(f for f in report.findings if f.location.where == "<label>")
    assert label.blocking
    assert label.refused and "28-250(a)(3)" in label.refused[0]


def test_an_entry_that_matches_nothing_is_reported(tmp_path: Path) -> None:
    allow = _allow(
        tmp_path,
        """
- where: "place_of_birth"
  required_by: state_law
  citation: "C.R.S. 25-2-112"
  reason: "Birth certificates"
""",
    )
    report = scan(_files(tmp_path), on=LAW_2025, allow=allow, root=tmp_path, exclude=["allow.yaml"])
    assert len(report.warnings) == 1 and "matched nothing" in report.warnings[0]


def test_a_look_alike_is_dismissed_with_a_reason_and_no_law(tmp_path: Path) -> None:
    # In a business-licence export, legal_status is LLC or corporation, not a person's.
    (tmp_path / "licences.csv").write_text("licence,legal_status\n1,LLC\n")
    allow = _allow(
        tmp_path,
        """
- path: licences.csv
  where: legal_status
  not_about_status: true
  reason: "The licensee's form of business (LLC, corporation), not anyone's status."
""",
    )
    report = scan([tmp_path / "licences.csv"], on=LAW_2025, allow=allow, root=tmp_path)
    (finding,) = report.findings
    assert finding.status == "dismissed" and not finding.blocking
    assert finding.excuse is not None and finding.excuse.citation == ""
    assert finding.excuse.ruling.forbidden  # the law is unchanged; the finding was wrong


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("- where: x\n  required_by: federal_law\n  reason: because\n", "citation"),
        (
            "- where: x\n  required_by: custom\n  citation: a law\n  reason: because\n",
            "required_by",
        ),
        ("- where: x\n  purpose: fun\n  citation: a law\n  reason: because\n", "purpose"),
        ("- where: x\n  citation: a law\n  reason: '   '\n", "reason"),
        ("- where: x\n  colour: red\n  citation: a law\n  reason: because\n", "colour"),
        ("- where: x\n  citation: a law\n  reason: because\n", "required_by"),
        (
            "- where: x\n  not_about_status: true\n  required_by: treaty\n  reason: because\n",
            "not_about_status",
        ),
        ("- where: x\n  not_about_status: true\n", "reason"),
        ("just text", "file"),
        ("- [unclosed", "file"),
    ],
)
def test_a_malformed_entry_is_named(tmp_path: Path, text: str, field: str) -> None:
    with pytest.raises(AllowListError) as err:
        _allow(tmp_path, text)
    assert err.value.field == field
    assert "allow.yaml" in str(err.value)
