"""How long a notice and the explainer take to render, against their own building blocks.

Run: `.venv/bin/python bench/notices.py [--quick]`.

1. Explainer HTML. The web app renders `/explainer?on=&lang=` per request from the rules in
   force; psepa's target is a median of 20 ms or less, so no cache is needed in front of it. The
   peer is the Jinja2 template alone with a context built beforehand: the difference is the cost
   of generating the page from the engine's segment and the catalogue.
2. Notice HTML and PDF. The release desk prints an advisement while the person waits; the PDF
   target is a median of 1 s. The peer is WeasyPrint on a one-paragraph page, the fixed cost of
   starting a PDF, so the ratio shows what the notice itself adds.
3. Explainer PDF, for the record (a 20-page document; no target).

Every rendered PDF is read back with pypdf and must hold the person's name or the page's title,
or the run fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import time
from collections.abc import Callable

import pypdf

from _report import Metric, Report, heading
from psepa.notices import NoticeKind, render_explainer, render_notice
from psepa.notices.catalogue import wording
from psepa.notices.explainer import law_on
from psepa.notices.render import _environment, _pdf, explainer_context

DENVER = dt.timezone(dt.timedelta(hours=-6))
ISSUED = dt.datetime(2025, 6, 2, 13, 20, tzinfo=DENVER)
DATES = [dt.date(2016, 5, 1), dt.date(2018, 3, 1), dt.date(2020, 7, 4), dt.date(2025, 6, 2)]


def median_ms(call: Callable[[], object], runs: int) -> float:
    call()  # warm: templates, catalogues and fonts load once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def pdf_text(pdf: bytes) -> str:
    text = " ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    many, few = (30, 3) if args.quick else (200, 15)
    report = Report()

    heading("explainer HTML (generated per request) vs the template alone")
    cycle = iter(range(10**9))

    def explainer_html() -> bytes:
        return render_explainer(DATES[next(cycle) % len(DATES)], "es")

    t = wording("es")
    contexts = [explainer_context(law_on(day), t, "es") for day in DATES]
    template = _environment().get_template("explainer.html")

    def template_only() -> str:
        return template.render(**contexts[next(cycle) % len(contexts)])

    ours = median_ms(explainer_html, many)
    peer = median_ms(template_only, many)
    report.add(Metric("explainer HTML, median", ours, "ms", target=20))
    report.add(Metric("  Jinja2 template alone (peer)", peer, "ms"))
    report.add(Metric("  ratio explainer / template", ours / peer, "x"))

    heading("advisement: HTML, PDF, and WeasyPrint's fixed cost")

    def notice(fmt: str) -> bytes:
        return render_notice(
            NoticeKind.INTERVIEW_ADVISEMENT,
            "es",
            name="Ana Example",
            booking_number="B-101",
            issued_at=ISSUED,
            fmt=fmt,  # type: ignore[arg-type]
        )

    report.check("Ana Example" in pdf_text(notice("pdf")), "the notice PDF holds the name")
    html_ms = median_ms(lambda: notice("html"), many)
    pdf_ms = median_ms(lambda: notice("pdf"), few)
    minimal = "<!DOCTYPE html><html lang='es'><body><p>Aviso.</p></body></html>"
    floor_ms = median_ms(lambda: _pdf(minimal), few)
    report.add(Metric("notice HTML, median", html_ms, "ms"))
    report.add(Metric("notice PDF, median", pdf_ms, "ms", target=1000))
    report.add(Metric("  WeasyPrint one-paragraph page (peer)", floor_ms, "ms"))
    report.add(Metric("  ratio notice PDF / one paragraph", pdf_ms / floor_ms, "x"))

    heading("explainer PDF")
    pdf = render_explainer(DATES[-1], "es", "pdf")
    report.check(t("explainer.title") in pdf_text(pdf), "the explainer PDF holds its title")
    report.add(
        Metric(
            "explainer PDF, median",
            median_ms(lambda: render_explainer(DATES[-1], "es", "pdf"), max(3, few // 5)),
            "ms",
        )
    )
    report.add(Metric("  pages", len(pypdf.PdfReader(io.BytesIO(pdf)).pages), "pages"))
    return report.finish()


if __name__ == "__main__":
    raise SystemExit(main())
