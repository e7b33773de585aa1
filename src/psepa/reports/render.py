"""A report as bytes: JSON and CSV open data, an HTML page, a PDF.

CSV is a zip archive: one file per table (`<table id>.csv`, header row first), plus
`data_dictionary.csv` (every column of every table) and `report.json`'s findings as
`findings.csv`. One file per table keeps each file rectangular and typed, which a spreadsheet
or an open-data portal reads as it is. Archive entries carry a fixed date, so the same report
gives the same bytes.
"""

from __future__ import annotations

import base64
import csv
import io
import zipfile
from typing import Literal, get_args

import orjson
from jinja2 import Environment, select_autoescape

from psepa.errors import PsepaError
from psepa.reports.charts import CAPTIONS
from psepa.reports.dictionary import DICTIONARY_COLUMNS, GENERAL, dictionary_rows
from psepa.reports.model import Report, Value
from psepa.reports.template import REPORT_HTML

Format = Literal["json", "csv", "html", "pdf"]
FORMATS: tuple[str, ...] = get_args(Format)
_ZIP_DATE = (2017, 8, 31, 0, 0, 0)  # the day Article VIII was signed: any fixed date would do

_env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
_template = _env.from_string(REPORT_HTML)


class UnknownFormat(PsepaError, ValueError):
    """A report format psepa cannot write; the message lists the ones it can."""


def render(report: Report, fmt: Format) -> bytes:
    """The report in one format: `json`, `csv` (a zip of tables), `html` or `pdf`."""
    if fmt == "json":
        return to_json(report)
    if fmt == "csv":
        return to_csv_zip(report)
    if fmt == "html":
        return to_html(report).encode()
    if fmt == "pdf":
        return to_pdf(report)
    raise UnknownFormat(f"no report format {fmt!r}; use one of {', '.join(FORMATS)}")


def to_json(report: Report) -> bytes:
    body = report.to_dict()
    body["data_dictionary"] = {"general": GENERAL, "columns": dictionary_rows(report)}
    return orjson.dumps(body, option=orjson.OPT_INDENT_2)


def _csv(columns: tuple[str, ...], rows: list[dict[str, Value]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in columns])
    return out.getvalue().encode()


def to_csv_zip(report: Report) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:

        def put(name: str, data: bytes) -> None:
            z.writestr(zipfile.ZipInfo(name, _ZIP_DATE), data, zipfile.ZIP_DEFLATED)

        for table in report.tables.values():
            put(f"{table.id}.csv", _csv(tuple(c.name for c in table.columns), table.rows))
        put("data_dictionary.csv", _csv(DICTIONARY_COLUMNS, dictionary_rows(report)))
        findings: list[dict[str, Value]] = [
            {"id": f.id, "ok": "yes" if f.ok else "no", "count": f.count, "text": f.text}
            for f in report.findings
        ]
        put("findings.csv", _csv(("id", "ok", "count", "text"), findings))
        put("README.txt", _readme(report).encode())
    return out.getvalue()


def _readme(report: Report) -> str:
    return (
        f"{report.title}\n"
        f"Period {report.period.first} to {report.period.last} (America/Denver); "
        f"previous period {report.previous.label}.\n"
        f"Generated {report.generated_at.isoformat()} by psepa from its case records.\n\n"
        f"{GENERAL}\n"
        + (
            f"Suppression threshold: {report.threshold}.\n"
            if report.public
            else "INTERNAL: not suppressed; may name bookings. Do not publish.\n"
        )
    )


def to_html(report: Report) -> str:
    charts = [(name, base64.b64encode(svg).decode()) for name, svg in report.charts.items()]
    return _template.render(
        r=report,
        tables=list(report.tables.values()),
        charts=charts,
        captions=CAPTIONS,
        dictionary=dictionary_rows(report),
        general=GENERAL,
    )


def to_pdf(report: Report) -> bytes:
    """The HTML page, printed by WeasyPrint (no network: every image is inline)."""
    import weasyprint  # type: ignore[import-untyped]  # loads Pango; only PDF needs it
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

    # Only inline data: a report refers to nothing outside itself, so nothing is fetched.
    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    pdf = weasyprint.HTML(string=to_html(report), url_fetcher=fetcher).write_pdf()
    assert pdf is not None
    return bytes(pdf)
