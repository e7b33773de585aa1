"""Every format, written by its own tools into a real file, then scanned."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from guard_helpers import LAW_2025, categories_at, write_docx, write_pdf, write_xlsx
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine

from psepa.guard import UnknownFormat, UnreadableInput, scan


def _scan(*paths: Path, dbs: tuple[str, ...] = ()) -> object:
    return scan(list(paths), list(dbs), on=LAW_2025, root=paths[0].parent if paths else None)


def test_csv_columns_and_values(tmp_path: Path) -> None:
    f = tmp_path / "export.csv"
    f.write_text(
        "booking,name,country_of_birth,notes,release_date\n"
        'B-1,Ana,MX,"released on bond",2025-06-02\n'
        'B-2,Bo,GT,"says he is undocumented",2025-06-03\n'
        'B-3,Cy,SV,"Undocumented",2025-06-04\n',
        encoding="utf-8",
    )
    report = scan([f], on=LAW_2025, root=tmp_path)
    assert categories_at(report, "export.csv:country_of_birth") == {"place_of_birth"}
    values = [x for x in report.findings if "values of notes" in x.location.where]
    assert [(v.category.value, v.count, v.location.line) for v in values] == [
        ("immigration_status", 2, 3)
    ]
    assert "MX" not in {x.text for x in report.findings}  # cells are not copied out
    assert all(x.blocking for x in report.findings)


def test_tsv_and_parquet(tmp_path: Path) -> None:
    tsv = tmp_path / "people.tsv"
    tsv.write_text("id\tvisa_type\n1\tH-1B visa\n", encoding="utf-8")
    parquet = tmp_path / "people.parquet"
    table = pa.table({"id": [1, 2], "alien_number": ["x", "y"], "status": ["Asylee", "ok"]})
    pq.write_table(table, parquet)
    report = scan([tsv, parquet], on=LAW_2025, root=tmp_path)
    assert categories_at(report, "people.tsv:visa_type") == {"visa"}
    assert categories_at(report, "people.tsv:line 2:values of visa_type") == {"visa"}
    assert categories_at(report, "people.parquet:alien_number") == {"a_number"}
    assert categories_at(report, "values of status") == {"immigration_status"}


def test_excel_header_and_cells(tmp_path: Path) -> None:
    f = write_xlsx(
        tmp_path / "intake.xlsx",
        [["Name", "Nacionalidad", "Notes"], ["Ana", "x", "Residente permanente"], ["Bo", 3, None]],
    )
    report = scan([f], on=LAW_2025, root=tmp_path)
    assert categories_at(report, "Intake!B1 Nacionalidad") == {"citizenship"}
    assert categories_at(report, "Intake!C2 values of Notes") == {"green_card"}


def test_json_data_and_lines(tmp_path: Path) -> None:
    data = tmp_path / "cases.json"
    data.write_text(json.dumps([{"person": {"name": "A", "birthPlace": "x"}, "note": "DACA"}]))
    lines = tmp_path / "cases.jsonl"
    lines.write_text('{"id": 1, "passport_no": "x"}\n\n{"id": 2}\n')
    report = scan([data, lines], on=LAW_2025, root=tmp_path)
    assert categories_at(report, "$[].person.birthPlace") == {"place_of_birth"}
    assert categories_at(report, "values of $[].note") == {"immigration_status"}
    assert categories_at(report, "cases.jsonl:$.passport_no") == {"passport"}


def test_json_schema_and_openapi(tmp_path: Path) -> None:
    schema = tmp_path / "applicant.schema.json"
    schema.write_text(
        json.dumps(
            {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "status": {"type": "string", "enum": ["citizen", "Lawful permanent resident"]},
                    "origin": {"type": "string", "title": "Country of origin"},
                },
            }
        )
    )
    api = tmp_path / "api.yaml"
    api.write_text(
        "openapi: 3.1.0\ninfo: {title: Benefits, version: '1'}\npaths:\n  /apply:\n"
        "    post:\n      parameters:\n        - {name: citizenship, in: query}\n"
        "      description: Submit an application regardless of immigration status.\n"
    )
    report = scan([schema, api], on=LAW_2025, root=tmp_path)
    assert categories_at(report, "#/properties/status/enum/1") == {"green_card"}
    assert categories_at(report, "#/properties/origin/title") == {"national_origin"}
    assert categories_at(report, "api.yaml") == {"citizenship"}
    assert {f.context.value for f in report.findings if f.location.format == "openapi"} == {"form"}


def test_html_reads_the_form_not_the_prose(tmp_path: Path) -> None:
    f = tmp_path / "apply.html"
    f.write_text(
        "<html><body><p>Denver does not help federal immigration authorities, and never asks "
        "your immigration status? No.</p>\n<form>\n"
        "<label for=c>Country of citizenship</label><input id=c name=citizenship>\n"
        "<label>Date of birth <input name=dob></label>\n"
        "<select name=status><option>Permanent resident</option><option>Other</option></select>"
        "\n<p>Where were you born?</p>\n"
        "<script>var immigrationStatus = 1;</script></form></body></html>\n",
        encoding="utf-8",
    )
    report = scan([f], on=LAW_2025, root=tmp_path)
    labels = {(x.location.where, x.category.value, x.location.line) for x in report.findings}
    assert labels == {
        ("<label>", "citizenship", 3),
        ("<input> name", "citizenship", 3),
        ("<option>", "green_card", 5),
        ("form text", "place_of_birth", 6),
    }


def test_pdf_text_and_fields_and_docx(tmp_path: Path) -> None:
    pdf = write_pdf(
        tmp_path / "form.pdf",
        "<p>Benefit application</p><p>Lugar de nacimiento: ________</p>"
        "<p>Name: <input name='immigration_status'></p>",
    )
    doc = write_docx(
        tmp_path / "form.docx",
        ["Applicant name", "Are you a U.S. citizen?"],
        ["Green card number", "Date of birth"],
    )
    report = scan([pdf, doc], on=LAW_2025, root=tmp_path)
    assert categories_at(report, "form.pdf:page 1") == {"place_of_birth"}
    assert categories_at(report, "form.pdf:field immigration_status") == {"immigration_status"}
    assert categories_at(report, "form.docx:paragraph 2") == {"citizenship"}
    assert categories_at(report, "form.docx:table 1 row 1 cell 1") == {"green_card"}
    assert categories_at(report, "cell 2") == set()


def test_notes_are_records(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text("Client was born in Juarez.\n\nOfficer did not ask about status.\nICE faxed.\n")
    report = scan([f], on=LAW_2025, root=tmp_path)
    assert [(x.location.line, x.category.value, x.context.value) for x in report.findings] == [
        (1, "place_of_birth", "record")
    ]
    # A note is about a person: where and what, not the words, unless asked for.
    (finding,) = report.findings
    assert "Juarez" not in finding.text and "juarez" not in finding.message().lower()
    (shown,) = scan([f], on=LAW_2025, root=tmp_path, show_text=True).findings
    assert shown.text == "Client was born in Juarez." and shown.fingerprint != finding.fingerprint


def test_database_schema_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'records.db'}"
    engine = create_engine(url)
    meta = MetaData()
    Table(
        "clients",
        meta,
        Column("id", Integer, primary_key=True),
        Column("ctzn_status", String),
        Column("dob", String),
        Column("notes", String, comment="Alien registration number"),
    )
    meta.create_all(engine)
    engine.dispose()
    report = scan([], [url], on=LAW_2025)
    assert {(f.location.where, f.category.value) for f in report.findings} == {
        ("clients.ctzn_status", "citizenship")
    }  # SQLite keeps no column comments; PostgreSQL does (test_cli)


def test_folders_skip_unknown_formats_and_excluded_paths(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("passport\n1\n")
    (tmp_path / "b.py").write_text("citizenship = 1\n")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "c.csv").write_text("visa_type\n1\n")
    report = scan([tmp_path], on=LAW_2025, root=tmp_path, exclude=["old/*"])
    assert report.scanned == ["a.csv"]
    assert report.skipped == ["b.py"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", "{nope", "not valid JSON"),
        ("bad.csv", "", "empty"),
        ("bad.csv", "a,b\n1,2,3\n", "malformed CSV"),
        ("bad.xlsx", "not a zip", "not an Excel"),
        ("bad.pdf", "not a pdf", "not a readable PDF"),
        ("bad.docx", "not a zip", "not a Word"),
        ("bad.parquet", "nope", "not a Parquet"),
    ],
)
def test_bad_files_are_named_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    f = tmp_path / name
    f.write_text(content)
    with pytest.raises(UnreadableInput, match=message) as err:
        scan([f], on=LAW_2025, root=tmp_path)
    assert name in str(err.value)


def test_unknown_format_and_missing_database(tmp_path: Path) -> None:
    f = tmp_path / "notes.rtf"
    f.write_text("x")
    with pytest.raises(UnknownFormat, match="--as"):
        scan([f], on=LAW_2025)
    missing = tmp_path / "none.db"
    with pytest.raises(UnreadableInput, match="no SQLite database"):
        scan([], [f"sqlite:///{missing}"], on=LAW_2025)
    assert not missing.exists()  # nothing was created by looking


def test_value_counts_and_first_rows_add_up_over_batches() -> None:
    from psepa.guard.scanners.values import ValueScan

    scan_ = ValueScan("x.csv", "csv")
    notes = ["ok", "he is undocumented", "ICE detainer received", "he is undocumented"]
    for _ in range(3):
        scan_.add(pa.record_batch({"note": notes, "n": [1, 2, 3, 4]}))
    (item,) = list(scan_.items())
    assert item.count == 6
    assert item.location.line == 3  # row 1 of the first batch, after the header line
    assert item.text == "undocumented"  # the phrase, not the person's cell


def test_repetitive_and_unique_columns_count_the_same() -> None:
    from psepa.guard.scanners.values import ValueScan

    notes = ["Released.", "Client is undocumented."] * 50  # 2 distinct values in 100 rows
    ids = [f"B-{i}" if i % 10 else "LPR status noted" for i in range(100)]  # unique
    scan_ = ValueScan("x.csv", "csv")
    for _ in range(2):
        scan_.add(pa.record_batch({"note": notes, "id": ids}))
    assert scan_.repetitive == {"note": True, "id": False}
    counts = {(i.location.where, i.hits[0].category.value): i.count for i in scan_.items()}
    assert counts == {
        ("values of note", "immigration_status"): 100,
        ("values of id", "green_card"): 20,
    }


def test_the_same_table_gives_the_same_findings_in_every_format(tmp_path: Path) -> None:
    rows = [
        {"booking": f"B-{i}", "country_of_birth": "x", "note": note}
        for i, note in enumerate(
            [
                "Released.",
                "Says he is undocumented.",
                "ICE detainer faxed.",
                "Es residente permanente.",
                "Says he is undocumented.",
            ]
            * 20
        )
    ]
    names = list(rows[0])
    (tmp_path / "t.csv").write_text(
        "\n".join([",".join(names)] + [",".join(r.values()) for r in rows]) + "\n"
    )
    (tmp_path / "t.tsv").write_text(
        "\n".join(["\t".join(names)] + ["\t".join(r.values()) for r in rows]) + "\n"
    )
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "t.parquet")
    write_xlsx(tmp_path / "t.xlsx", [names] + [list(r.values()) for r in rows])
    (tmp_path / "t.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")

    def summary(name: str) -> set[tuple[str, str, str, int]]:
        report = scan([tmp_path / name], on=LAW_2025, root=tmp_path)
        out = set()
        for f in report.findings:
            where = f.location.where  # "note", "$.note", "Intake!C3 values of note", ...
            column = next(n for n in names if where.endswith(n))
            kind = "value" if "values of" in where else "name"
            out.add((kind, column, f.category.value, f.count))
        return out

    expected = summary("t.csv")
    assert expected == {
        ("name", "country_of_birth", "place_of_birth", 1),
        ("value", "note", "immigration_status", 40),
        ("value", "note", "green_card", 20),
    }
    for name in ("t.tsv", "t.parquet", "t.xlsx", "t.jsonl"):
        assert summary(name) == expected, name
