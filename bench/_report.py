"""What every benchmark prints: figures against targets, and correctness failures apart.

A missed target is reported as MISSED and does not fail a run (machines here are shared and
noisy); a correctness failure (a wrong answer, a broken chain) does, through `Report.failures`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def fmt(value: float) -> str:
    if value >= 1e6:
        return f"{value / 1e6:,.1f} M"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


@dataclass
class Metric:
    name: str
    measured: float
    unit: str
    target: float | None = None
    at_least: bool = False  # True: the target is a floor; False: a ceiling

    @property
    def status(self) -> str:
        if self.target is None:
            return "info"
        met = self.measured >= self.target if self.at_least else self.measured <= self.target
        return "PASS" if met else "MISSED"

    def cells(self) -> tuple[str, str, str, str]:
        target = (
            "—"
            if self.target is None
            else f"{'≥' if self.at_least else '≤'} {fmt(self.target)} {self.unit}"
        )
        return self.name, f"{fmt(self.measured)} {self.unit}", target, self.status


@dataclass
class Report:
    metrics: list[Metric] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, metric: Metric) -> Metric:
        self.metrics.append(metric)
        return metric

    def fail(self, what: str) -> None:
        self.failures.append(what)
        print(f"  FAILED: {what}", flush=True)

    def check(self, ok: bool, what: str) -> None:
        if not ok:
            self.fail(what)

    def table(self) -> None:
        rows = [("metric", "measured", "target", "result"), *(m.cells() for m in self.metrics)]
        widths = [max(len(row[k]) for row in rows) for k in range(4)]
        for i, row in enumerate(rows):
            print("  " + "  ".join(cell.ljust(widths[k]) for k, cell in enumerate(row)))
            if i == 0:
                print("  " + "  ".join("-" * w for w in widths))

    def finish(self) -> int:
        """Print the summary; the exit status is 1 only for a correctness failure."""
        heading("summary")
        self.table()
        if self.failures:
            print(f"\nFAILED: {len(self.failures)} correctness failure(s):")
            for what in self.failures:
                print(f"  - {what}")
            return 1
        missed = [m.name for m in self.metrics if m.status == "MISSED"]
        print(
            "\nno correctness failure"
            + (f"; targets MISSED: {', '.join(missed)}" if missed else "; every target met")
        )
        return 0


def heading(text: str) -> None:
    print(f"\n== {text} " + "=" * max(0, 92 - len(text)), flush=True)
