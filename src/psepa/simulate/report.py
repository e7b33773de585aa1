"""What a simulation shows a person: Rich tables, a chart, and the counts as CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from rich.console import Console
from rich.table import Table

from psepa.simulate.run import VERDICTS, Simulation


def counts_table(sim: Simulation) -> Table:
    """Per action, how many cases get each verdict under each version."""
    table = Table(title=f"Verdicts per action: {sim.rows:,} cases from {sim.source}")
    table.add_column("action")
    table.add_column("verdict")
    for version in sim.versions:
        table.add_column(version, justify="right")
    if len(sim.versions) > 1:
        table.add_column("change", justify="right")
    for action, per_version in sim.counts().items():
        first = True
        for verdict in VERDICTS:
            values = [per_version[v][verdict] for v in sim.versions]
            if not any(values):
                continue
            cells = [f"{n:,}" for n in values]
            if len(values) > 1:
                delta = values[-1] - values[0]
                cells.append(f"{delta:+,}" if delta else "")
            table.add_row(action if first else "", verdict, *cells)
            first = False
        table.add_section()
    return table


def changes_table(sim: Simulation, limit: int = 30) -> Table:
    """Which cases change, and why: the deciding rules on each side."""
    baseline = sim.versions[0]
    table = Table(title=f"Cases whose verdict changes from {baseline}")
    for name in ("version", "action", "from", f"rules ({baseline})", "to", "rules", "cases"):
        table.add_column(name, justify="right" if name == "cases" else "left")
    changes = sim.changes()
    for change in changes[:limit]:
        table.add_row(
            change.version,
            change.action,
            change.before.verdict.value,
            " ".join(change.before.rules) or "(none)",
            change.after.verdict.value,
            " ".join(change.after.rules) or "(none)",
            f"{change.cases:,}",
        )
    if len(changes) > limit:
        table.caption = f"{len(changes) - limit} more kinds of change in the differences file"
    if not changes:
        table.caption = "No case changes verdict."
    return table


def print_report(sim: Simulation, console: Console | None = None) -> None:
    console = console or Console()
    console.print(counts_table(sim))
    if len(sim.versions) > 1:
        console.print(changes_table(sim))
        for version, n in sim.changed().items():
            share = n / sim.rows if sim.rows else 0.0
            console.print(f"{version}: {n:,} of {sim.rows:,} cases change verdict ({share:.1%})")
    console.print(f"[dim]{sim.backend}, {sim.seconds:.2f} s[/dim]")


def write_counts(sim: Simulation, out: Path) -> None:
    """The counts table as CSV: action, verdict, one column per version."""
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["action", "verdict", *sim.versions])
        for action, per_version in sim.counts().items():
            for verdict in VERDICTS:
                writer.writerow([action, verdict, *(per_version[v][verdict] for v in sim.versions)])


_COLOURS = {
    "prohibited": "#b2182b",
    "permitted": "#4393c3",
    "required": "#1b7837",
    "not_regulated": "#bababa",
}


def write_chart(sim: Simulation, out: Path, max_actions: int = 8) -> None:
    """Stacked bars: for each action (the largest first), one bar per version by verdict."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if out.suffix.lower() not in (".png", ".svg"):
        raise ValueError(f"{out}: the chart is written as .png or .svg")
    counts = sim.counts()
    actions = sorted(counts, key=lambda a: -sum(counts[a][sim.versions[0]].values()))
    actions = actions[:max_actions]
    width = 0.8 / len(sim.versions)
    fig, ax = plt.subplots(figsize=(max(7.0, 1.2 * len(actions) * len(sim.versions)), 5.2))
    tallest = 0
    for i, version in enumerate(sim.versions):
        xs = [a + (i - (len(sim.versions) - 1) / 2) * width for a in range(len(actions))]
        bottom = [0] * len(actions)
        for verdict in VERDICTS:
            heights = [counts[a][version][verdict] for a in actions]
            ax.bar(xs, heights, width * 0.95, bottom=bottom, color=_COLOURS[verdict],
                   label=verdict if i == 0 else None, edgecolor="white", linewidth=0.5)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        tallest = max([tallest, *bottom])
        for x, total in zip(xs, bottom, strict=True):
            ax.annotate(version, (x, total), ha="center", va="bottom", fontsize=7, rotation=90,
                        xytext=(0, 2), textcoords="offset points")
    ax.set_xticks(range(len(actions)))
    ax.set_xticklabels([a.replace("_", " ") for a in actions], rotation=20, ha="right",
                       fontsize=8)
    ax.set_ylabel("cases")
    ax.set_title(f"Verdicts by version ({sim.rows:,} cases)")
    ax.set_ylim(0, max(tallest, 1) * 1.45)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
