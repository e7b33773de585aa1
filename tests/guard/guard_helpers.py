"""Real files of every format the guard reads, written the way their own tools write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from psepa.guard import Report

CORPUS = Path(__file__).parents[2] / "src" / "psepa" / "guard" / "data" / "corpus"
LAW_2025 = dt.date(2025, 6, 1)  # Denver's ordinance and C.R.S. 24-74 (SB25-276) in force
BEFORE_ARTICLE_VIII = dt.date(2016, 6, 1)


def categories_at(report: Report, where: str) -> set[str]:
    return {f.category.value for f in report.findings if where in f.location.label()}


def write_docx(path: Path, paragraphs: list[str], cells: list[str] = ()) -> Path:  # type: ignore[assignment]
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if cells:
        table = document.add_table(rows=1, cols=len(cells))
        for cell, text in zip(table.rows[0].cells, cells, strict=True):
            cell.text = text
    document.save(str(path))
    return path


def write_pdf(path: Path, html: str) -> Path:
    from weasyprint import HTML

    HTML(string=html).write_pdf(str(path), pdf_forms=True)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Intake"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
