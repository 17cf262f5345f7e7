"""Live workshops: sessions, anonymous participants and their answers.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("code", sa.String(6), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("instrument_id", sa.String(80), nullable=False),
        sa.Column("sections", sa.JSON, nullable=False),
        sa.Column("groups", sa.JSON, nullable=False),
        sa.Column("threshold", sa.Integer, nullable=False, server_default="3"),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("assessment_id", sa.String(36), sa.ForeignKey("assessments.id", ondelete="SET NULL")),
        sa.Column("status", sa.String(10), nullable=False, server_default="open"),
        sa.Column("pace", sa.String(10), nullable=False, server_default="self"),
        sa.Column("current_section", sa.Integer, nullable=False, server_default="0"),
        sa.Column("revealed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "participants",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("workshop_id", sa.String(36), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("group", sa.String(100)),
        sa.Column("section", sa.Integer, nullable=False, server_default="0"),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_participants_workshop_id", "participants", ["workshop_id"])
    op.create_table(
        "participant_answers",
        sa.Column("participant_id", sa.String(36), sa.ForeignKey("participants.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("item_id", sa.String(80), primary_key=True),
        sa.Column("workshop_id", sa.String(36), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_participant_answers_workshop_id", "participant_answers", ["workshop_id"])


def downgrade() -> None:
    op.drop_table("participant_answers")
    op.drop_index("ix_participants_workshop_id", "participants")
    op.drop_table("participants")
    op.drop_table("workshops")
