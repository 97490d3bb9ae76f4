"""members: the shop's member list, for member-only presales

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04

Issue 12 (seed 000): a campaign with ``audience: members`` flags imported orders from
buyers not on this list (``not_a_member``). ``platform`` "" means any platform.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("buyer", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["shop_id"], ["shop.id"], name=op.f("fk_member_shop_id_shop")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint("shop_id", "platform", "buyer", name=op.f("uq_member_shop_id")),
    )


def downgrade() -> None:
    op.drop_table("member")
