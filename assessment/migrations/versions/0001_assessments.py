"""Coalitions, their saved assessments and answers.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coalitions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, server_default=""),
        sa.Column("type", sa.String(40)),
        sa.Column("issue_area", sa.String(200), nullable=False, server_default=""),
        sa.Column("scope", sa.String(40)),
        sa.Column("founded", sa.Integer),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("coalition_id", sa.String(36), sa.ForeignKey("coalitions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("instrument_id", sa.String(80), nullable=False),
        sa.Column("instrument_version", sa.Integer, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("section", sa.Integer, nullable=False, server_default="0"),
        sa.Column("stakeholders", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_assessments_coalition_id", "assessments", ["coalition_id"])
    op.create_table(
        "answers",
        sa.Column("assessment_id", sa.String(36), sa.ForeignKey("assessments.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("item_id", sa.String(80), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("answers")
    op.drop_index("ix_assessments_coalition_id", "assessments")
    op.drop_table("assessments")
    op.drop_table("coalitions")
