"""Every format carries the same report; public ones never carry a name or booking number."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pypdf
import pytest
from report_history import NAME, history, unlawful_hold

from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.reports import FORMATS, Report, UnknownFormat, build_report, parse_period, render

SECRETS = ("BKX-", "ICEX-", NAME, "Zelda", "deputy-")


@pytest.fixture
def reports(sqlite_store: Store) -> tuple[Report, Report]:
    cases = Cases(sqlite_store)
    history(cases)
    unlawful_hold(cases)  # the internal report then names BKX-6
    period = parse_period("2025Q2")
    return build_report(sqlite_store, period), build_report(sqlite_store, period, public=False)


def text_of(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    if fmt == "csv":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "\n".join(z.read(n).decode() for n in z.namelist())
    return data.decode()


@pytest.mark.parametrize("fmt", FORMATS)
def test_public_versions_hold_no_name_booking_number_or_request_id(
    reports: tuple[Report, Report], fmt: str
) -> None:
    public, internal = reports
    shown = text_of(fmt, render(public, fmt))  # type: ignore[arg-type]
    for secret in SECRETS:
        assert secret not in shown
    inside = text_of(fmt, render(internal, fmt))  # type: ignore[arg-type]
    assert "BKX-6" in inside  # the check can fail: the internal list does name the booking
    assert NAME not in inside  # no report holds a name, not even the internal one


def test_json_is_the_report_with_its_dictionary(reports: tuple[Report, Report]) -> None:
    public, _ = reports
    body = json.loads(render(public, "json"))
    assert body["period"]["label"] == "2025Q2" and body["previous_period"]["label"] == "2025Q1"
    assert body["suppression_threshold"] == 5
    described = {(c["table"], c["column"]) for c in body["data_dictionary"]["columns"]}
    for name, table in body["tables"].items():
        assert {(name, c) for c in table["columns"]} <= described
        for row_index, column in table["suppressed"]:
            assert table["rows"][row_index][column] is None
    assert not next(f for f in body["findings"] if f["id"] == "holds_beyond_release")["ok"]


def test_csv_is_a_zip_of_tables_with_a_data_dictionary(reports: tuple[Report, Report]) -> None:
    public, _ = reports
    with zipfile.ZipFile(io.BytesIO(render(public, "csv"))) as z:
        names = set(z.namelist())
        assert {f"{t}.csv" for t in public.tables} | {"data_dictionary.csv"} <= names
        dictionary = list(csv.DictReader(io.StringIO(z.read("data_dictionary.csv").decode())))
        for t in public.tables.values():
            header = next(csv.reader(io.StringIO(z.read(f"{t.id}.csv").decode())))
            assert header == [c.name for c in t.columns]
            for c in header:
                entry = next(d for d in dictionary if (d["table"], d["column"]) == (t.id, c))
                assert entry["type"] and entry["meaning"] and entry["source"]
        monthly = list(csv.DictReader(io.StringIO(z.read("monthly.csv").decode())))
        assert [r["month"] for r in monthly] == ["2025-04", "2025-05", "2025-06"]
    assert render(public, "csv") == render(public, "csv")  # same report, same bytes


def test_html_and_pdf_carry_the_charts_and_the_findings(reports: tuple[Report, Report]) -> None:
    public, _ = reports
    html = render(public, "html").decode()
    assert html.count('src="data:image/svg+xml;base64,') == 3
    assert "fewer than 5" in html and "must be zero" in html
    assert "http://" not in html.replace("http://www.w3.org", "")  # nothing to fetch
    pdf = render(public, "pdf")
    assert pdf.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "New York City's four detainer counts" in text and "TRUTH Act" in text
    assert any("/XObject" in str(p.get("/Resources", {})) for p in reader.pages)  # the charts


def test_an_unknown_format_is_named(reports: tuple[Report, Report]) -> None:
    with pytest.raises(UnknownFormat, match="json, csv, html, pdf"):
        render(reports[0], "docx")  # type: ignore[arg-type]
