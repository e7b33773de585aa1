"""Indexes on the event times a transparency report reads by range

A report of a quarter reads only the decisions, notices, advisements, outcomes, releases and
bookings of that quarter and the one before; without these indexes each of those tables was
read whole. Each index is one more entry to write per row the workflow adds (see
docs/reports.md for what it costs intake).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = (
    ("decisions", "decided_at"),
    ("notices", "sent_at"),
    ("advisements", "given_at"),
    ("outcomes", "known_at"),
    ("bookings", "released_at"),
    ("bookings", "booked_at"),
)


def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
