"""Report tallies: a transparency report's counts kept by Denver day, and the bookings to recount

A report over ten years read every request, decision and notice ever made (15 s over a million
requests). Its counts are now kept by day in `report_tally`, recounted for the days a change
touched (psepa.reports.tallies). What changed is found by triggers, not by the workflow: every
insert, update or delete of a booking or of anything hanging from one (requests, decisions,
duties, notices, advisements, outcomes) marks its booking in `report_dirty`, in the writer's own
transaction, whoever the writer is (the workflow, the importer, an administrator's SQL). The
trigger does no counting, so a write costs one small upsert; the recount waits for the next
report. `report_footprint` keeps the days each booking counted on at its last recount, so the
days it no longer touches are recounted too. `report_tally_state` is the one row a recount locks
on PostgreSQL so that two recounts take turns.

Existing bookings are all marked, so the first report after this migration recounts everything.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# table -> the SQL that names the booking a row belongs to, with {row} for NEW or OLD
BOOKING_OF = {
    "bookings": "{row}.id",
    "requests": "{row}.booking_id",
    "obligations": "{row}.booking_id",
    "advisements": "{row}.booking_id",
    "outcomes": "{row}.booking_id",
    "decisions": "(SELECT booking_id FROM requests WHERE id = {row}.request_id)",
    "notices": "(SELECT booking_id FROM requests WHERE id = {row}.request_id)",
}

_MARK = (
    "INSERT INTO report_dirty (booking_id, marks) SELECT {b}, 1 WHERE {b} IS NOT NULL "
    "ON CONFLICT (booking_id) DO UPDATE SET marks = report_dirty.marks + 1"
)


def _mark(table: str, row: str) -> str:
    return _MARK.format(b=BOOKING_OF[table].format(row=row))


def upgrade() -> None:
    op.create_table(
        "report_tally",
        sa.Column("family", sa.String(24), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),  # a Denver day, YYYY-MM-DD
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("family", "day", "key"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "report_footprint",
        sa.Column("booking_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("days", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("booking_id"),
    )
    op.create_table(
        "report_dirty",
        sa.Column("booking_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("marks", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("booking_id"),
    )
    op.create_table(
        "report_tally_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO report_tally_state (id) VALUES (1)")
    dialect = op.get_bind().dialect.name
    for table in BOOKING_OF:
        if dialect == "postgresql":
            _postgresql_trigger(table)
        else:
            _sqlite_triggers(table)
    op.execute("INSERT INTO report_dirty (booking_id, marks) SELECT id, 1 FROM bookings")


def _sqlite_triggers(table: str) -> None:
    for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
        body = "; ".join(_mark(table, row) for row in rows)
        op.execute(
            f"CREATE TRIGGER report_mark_{table}_{event.lower()} AFTER {event} ON {table} "
            f"FOR EACH ROW BEGIN {body}; END"
        )


def _postgresql_trigger(table: str) -> None:
    op.execute(
        f"CREATE FUNCTION report_mark_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {_mark(table, 'OLD')}; END IF; "
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {_mark(table, 'NEW')}; END IF; "
        "RETURN NULL; END $$"
    )
    op.execute(
        f"CREATE TRIGGER report_mark_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION report_mark_{table}()"
    )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in BOOKING_OF:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER report_mark_{table} ON {table}")
            op.execute(f"DROP FUNCTION report_mark_{table}()")
        else:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER report_mark_{table}_{event}")
    for name in ("report_tally_state", "report_dirty", "report_footprint", "report_tally"):
        op.drop_table(name)
