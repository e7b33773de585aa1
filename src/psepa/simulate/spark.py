"""The same compiled rules on Apache Spark, for national multi-year data on a cluster.

Each version compiles to the same SQL as on one machine (`psepa.engine.sql`, Spark dialect);
Spark evaluates it per row and groups by action and answer. The input is Parquet or CSV with
the contract's columns, typed as the adapters and the generator write them; the single-machine
loader (`dataset.open_dataset`) is the place that checks a file value by value.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from psepa.domain import BOOL_FACTS
from psepa.engine.sql import SPARK
from psepa.simulate.dataset import (
    CONTRACT_COLUMNS,
    EXTRA_COLUMNS,
    BadDataset,
    period_boundaries,
    period_start_sql,
)
from psepa.simulate.run import Group, Simulation, plans_for
from psepa.simulate.versions import all_rulebooks


def session(master: str = "local[2]") -> Any:
    """A Spark session for simulation (the UI off; few shuffle partitions on one machine)."""
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(master)
        .appName("psepa-simulate")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        # The compiled rules are one large CASE expression per version: more than Java's
        # 64 KB method limit for whole-stage code generation, so Spark interprets them.
        .config("spark.sql.codegen.wholeStage", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def load(spark: Any, path: Path) -> Any:
    """The file as a DataFrame with every contract column (absent ones as NULL)."""
    from pyspark.sql import functions as F

    if not path.exists():
        raise BadDataset(str(path), "no such file")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        frame = spark.read.parquet(str(path))
    elif suffix == ".csv":
        frame = spark.read.option("header", "true").csv(str(path))
    else:
        raise BadDataset(str(path), "give a .csv or .parquet file")
    for column in frame.columns:
        if column not in CONTRACT_COLUMNS and column not in EXTRA_COLUMNS:
            raise BadDataset(str(path), "is not a field of the decision contract",
                             column=column)
    if "action" not in frame.columns:
        raise BadDataset(str(path), "missing: every case needs its action", column="action")
    kinds = dict(frame.dtypes)
    for column in CONTRACT_COLUMNS:
        if column == "on":
            value = F.col("`on`").cast("date") if "on" in kinds else F.current_date()
            frame = frame.withColumn("on", value)
        elif column in BOOL_FACTS:
            value = (F.col(f"`{column}`").cast("boolean") if column in kinds
                     else F.lit(None).cast("boolean"))
            frame = frame.withColumn(column, value)
        elif column not in kinds:
            frame = frame.withColumn(column, F.lit(None).cast("string"))
        elif kinds[column].startswith("array"):
            frame = frame.withColumn(column, F.array_join(F.col(f"`{column}`"), ";"))
    return frame


def simulate_spark(path: Path, versions: list[str], *, master: str = "local[2]",
                   spark: Any = None) -> Simulation:
    """Answer every case of the file under each version on Spark."""
    from pyspark.sql import functions as F

    if len(versions) < 2 or len(set(versions)) != len(versions):
        raise ValueError("give two or more different versions to compare")
    start = time.perf_counter()
    plans = plans_for(versions, SPARK)
    spark = spark or session(master)
    frame = load(spark, path)
    # As on one machine: group the cases by their distinct facts first (a date standing for
    # the first day of its period of law), then evaluate the compiled rules once per group.
    period = period_start_sql("`on`", period_boundaries(all_rulebooks()))
    facts = [f"`{c}`" for c in CONTRACT_COLUMNS if c != "on"]
    grouped = frame.selectExpr(*facts, f"{period} AS `on`").groupBy(
        *(c.strip("`") for c in facts), "on").count()
    keyed = grouped.selectExpr(
        "`action`", "`count`", *(f"{p.expression} AS k{i}" for i, p in enumerate(plans))
    )
    keys = [f"k{i}" for i in range(len(plans))]
    rows = keyed.groupBy("action", *keys).agg(F.sum("count").alias("cases")).collect()
    groups = [
        Group(str(r["action"]), tuple(int(r[k]) for k in keys), int(r["cases"])) for r in rows
    ]
    total = sum(g.cases for g in groups)
    sim = Simulation(str(path), total, list(versions), plans, groups,
                     time.perf_counter() - start, backend="spark")
    return sim
