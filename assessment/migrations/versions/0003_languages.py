"""Languages: a workshop's default language (its phones, projector and group report) and the language
an assessment's pages, report and downloads are in.

Revision ID: 0003
Revises: 0002

Both columns are added with a server default, so existing rows read as English on SQLite and
PostgreSQL alike, and no table is rewritten on PostgreSQL (a constant default is metadata only).
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=False, server_default="en"))
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=False, server_default="en"))


def downgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("language")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("language")
