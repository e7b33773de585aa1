"""Seed the audit chain's head row, so that the first two writers queue on it.

Without a row, `SELECT ... FOR UPDATE` on an empty chain locks nothing and two concurrent
first entries both take sequence number 1.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    head = sa.table(
        "audit_head",
        sa.column("id", sa.Integer),
        sa.column("seq", sa.Integer),
        sa.column("hash", sa.String),
    )
    connection = op.get_bind()
    if connection.execute(sa.select(sa.func.count()).select_from(head)).scalar_one() == 0:
        op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": GENESIS}])


def downgrade() -> None:
    op.execute("DELETE FROM audit_head WHERE id = 1 AND seq = 0")
