"""Tables. Money is integer minor units; times are UTC (naive in the column, aware in code).

Indexes are chosen for what the order table and the risk checks ask (see
docs/BENCHMARKS.md for the measurements behind each one).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores an aware datetime as naive UTC; hands back aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(),
                                                     dict[str, Any]: JSON}


class Shop(Base):
    __tablename__ = "shop"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    # per-platform rule overrides: {"douyin": {"ship_days_max": 25}, ...}
    rule_overrides: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # shop-wide settings: {"require_approval": false, ...} (service.shop.SETTINGS)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
    created_at: Mapped[datetime]


class Product(Base):
    __tablename__ = "product"
    __table_args__ = (UniqueConstraint("shop_id", "sku"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"))
    sku: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(300))
    variant: Mapped[str] = mapped_column(String(200), default="")
    platform: Mapped[str | None] = mapped_column(String(20))
    location: Mapped[str] = mapped_column(String(50), default="")
    on_hand: Mapped[int] = mapped_column(default=0)
    cost: Mapped[int | None] = mapped_column(BigInteger)
    list_price: Mapped[int | None] = mapped_column(BigInteger)
    sales_30d: Mapped[int | None]
    updated_at: Mapped[datetime]


class StockMove(Base):
    """The stock ledger: every change of on-hand with its reason."""

    __tablename__ = "stock_move"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    delta: Mapped[int]
    reason: Mapped[str] = mapped_column(String(40))  # count, receive, ship, adjust, return
    ref: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100), default="")


class SupplyBatch(Base):
    __tablename__ = "supply_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    qty: Mapped[int]
    received: Mapped[int] = mapped_column(default=0)
    expected: Mapped[date] = mapped_column(Date)
    supplier: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class Campaign(Base):
    __tablename__ = "campaign"
    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"))
    name: Mapped[str] = mapped_column(String(300))
    platform: Mapped[str] = mapped_column(String(20))
    profile: Mapped[str | None] = mapped_column(String(30))
    type: Mapped[str] = mapped_column(String(10))
    currency: Mapped[str] = mapped_column(String(3))
    timezone: Mapped[str] = mapped_column(String(64))
    deposit_start: Mapped[datetime | None]
    deposit_end: Mapped[datetime | None]
    balance_start: Mapped[datetime | None]
    balance_end: Mapped[datetime | None]
    sale_start: Mapped[datetime | None]
    sale_end: Mapped[datetime | None]
    ship_mode: Mapped[str] = mapped_column(String(20))
    ship_days: Mapped[int | None]
    ship_date: Mapped[date | None] = mapped_column(Date)
    reservation: Mapped[str] = mapped_column(String(20))
    per_buyer_limit: Mapped[int | None]
    audience: Mapped[str] = mapped_column(String(20))
    purpose: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), index=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CampaignItem(Base):
    __tablename__ = "campaign_item"
    __table_args__ = (UniqueConstraint("campaign_id", "sku"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"), index=True)
    sku: Mapped[str] = mapped_column(String(100))
    price: Mapped[int | None] = mapped_column(BigInteger)
    deposit: Mapped[int | None] = mapped_column(BigInteger)
    deposit_value: Mapped[int | None] = mapped_column(BigInteger)
    balance_discount: Mapped[int] = mapped_column(BigInteger, default=0)
    list_price: Mapped[int | None] = mapped_column(BigInteger)
    min_balance: Mapped[int] = mapped_column(BigInteger, default=1)
    cap: Mapped[int | None]
    # [{"min_units": 100, "price": 27900}, ...] in minor units
    tiers: Mapped[list[dict[str, int]]] = mapped_column(JSON, default=list)
    # a blind box: [{"sku": "A", "weight": "3"}, ...] (presale_engine.blind_box)
    pool: Mapped[list[dict[str, str]] | None] = mapped_column(JSON, nullable=True)


# Sortable order columns with an index of their own, and the sparse search columns
# indexed only where they hold something (migration 0003).
_DESK_SORT_INDEXES = ("order_no", "buyer", "sku", "ordered_at", "ship_deadline", "total",
                      "status", "campaign_id", "platform", "updated_at")
_DESK_PARTIAL_INDEXES = ("tracking_no", "recipient", "flags")


class Order(Base):
    """One presale (or normal) order line: the parent of its payment records."""

    __tablename__ = "orders"
    __table_args__ = (
        # One row per platform order line: a Douyin order with two SKUs has two sub-orders.
        UniqueConstraint("shop_id", "platform", "order_no", "sub_order_no"),
        # Order pages by status in deadline order, counts per status, and the due-in-48 h
        # and overdue checks (status IN open states AND deadline in a range). A
        # (ship_deadline, status) index was measured too: the planner never chose it.
        Index("ix_orders_status_deadline", "status", "ship_deadline"),
        # Per-SKU committed/reserved units: covering (status, product, qty).
        Index("ix_orders_status_product_qty", "status", "product_id", "qty", "reserved"),
        # Campaign figures (orders, units, deposits, next deadline) in one covering scan.
        Index("ix_orders_campaign_status", "campaign_id", "status", "qty", "deposit",
              "ship_deadline", "deposit_paid_at"),
        # The order desk (issue 10): one index per sortable column, so the first page of
        # any header sort is an index walk (SQLite and PostgreSQL keep the row id in the
        # entry, which is the tie-break); the search fields; the change token. Measured
        # in docs/BENCHMARKS.md ("Order desk").
        *(Index(f"ix_orders_{c}", c) for c in _DESK_SORT_INDEXES),
        # A campaign's orders by deadline (0004): its deadlines may all come late.
        Index("ix_orders_campaign_deadline", "campaign_id", "ship_deadline"),
        *(Index(f"ix_orders_{c}", c, sqlite_where=text(f"{c} != ''"),
                postgresql_where=text(f"{c} != ''")) for c in _DESK_PARTIAL_INDEXES),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"))
    platform: Mapped[str] = mapped_column(String(20))
    order_no: Mapped[str] = mapped_column(String(64))
    sub_order_no: Mapped[str] = mapped_column(String(64), default="")
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))
    sku: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(24))
    qty: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    unit_price: Mapped[int] = mapped_column(BigInteger)
    deposit: Mapped[int] = mapped_column(BigInteger, default=0)  # order deposit due
    balance: Mapped[int] = mapped_column(BigInteger, default=0)  # order balance due
    total: Mapped[int] = mapped_column(BigInteger)
    buyer: Mapped[str] = mapped_column(String(100), default="")
    ordered_at: Mapped[datetime]
    deposit_paid_at: Mapped[datetime | None]
    paid_at: Mapped[datetime | None]  # the completing payment (balance or full)
    ship_deadline: Mapped[datetime | None]
    shipped_at: Mapped[datetime | None]
    carrier: Mapped[str] = mapped_column(String(50), default="")
    tracking_no: Mapped[str] = mapped_column(String(64), default="")
    reserved: Mapped[int] = mapped_column(default=0)  # units holding real stock
    flags: Mapped[str] = mapped_column(String(200), default="")  # e.g. "over_cap,over_limit"
    updated_at: Mapped[datetime]
    # Where it goes and what the seller wrote on it (migration 0003).
    recipient: Mapped[str] = mapped_column(String(100), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    address: Mapped[str] = mapped_column(String(500), default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    tags: Mapped[str] = mapped_column(String(200), default="", server_default="")  # "a,b"
    # a blind box line: the pool SKUs drawn for its units at packing, "A,B,A"
    drawn: Mapped[str] = mapped_column(String(400), default="", server_default="")


class Payment(Base):
    """Child payment records of an order (定金单, 尾款单, full payment, refunds)."""

    __tablename__ = "payment"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"),
                                          index=True)
    kind: Mapped[str] = mapped_column(String(12))  # deposit, balance, full, refund, penalty
    amount: Mapped[int] = mapped_column(BigInteger)  # minor units; refunds are negative
    at: Mapped[datetime]


class OrderEvent(Base):
    """The history of one order: every transition with time, actor and reason."""

    __tablename__ = "order_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"),
                                          index=True)
    event: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text, default="")


class Audit(Base):
    """Every state change of anything (campaigns, stock, settings, bulk actions)."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class SavedView(Base):
    """A named order-table view a seller saved: filter and sort as JSON (service side)."""

    __tablename__ = "saved_view"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    spec: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime]


class Alert(Base):
    """A risk alert: one per code and subject, kept across evaluations (its lifecycle).

    ``subject`` is the key the rule speaks of: ``shop``, ``platform:tiktok``,
    ``campaign:3`` or ``campaign:3/sku:EAR-STAR-01``. Money in minor units of ``currency``.
    """

    __tablename__ = "alert"
    __table_args__ = (UniqueConstraint("code", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(200))
    campaign_id: Mapped[int | None] = mapped_column(Integer)
    platform: Mapped[str | None] = mapped_column(String(20))
    sku: Mapped[str | None] = mapped_column(String(100))
    severity: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(15), index=True)  # new acknowledged snoozed resolved
    snoozed_until: Mapped[datetime | None]
    order_count: Mapped[int] = mapped_column(Integer, default=0)
    money_minor: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    order_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # capped (show orders)
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]


class ShopHealth(Base):
    """Shop health the platforms do not export, typed in by the seller, with its history."""

    __tablename__ = "shop_health"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    rating: Mapped[str | None] = mapped_column(String(10))  # decimal text, e.g. "4.6"
    bad_review_rate: Mapped[str | None] = mapped_column(String(12))  # decimal share "0.025"
    entered_at: Mapped[datetime]


class Member(Base):
    """A buyer on the shop's member list (member-only presales flag the others)."""

    __tablename__ = "member"
    __table_args__ = (UniqueConstraint("shop_id", "platform", "buyer"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"))
    platform: Mapped[str] = mapped_column(String(20), default="")  # "": any platform
    buyer: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime]


class StockVersion(Base):
    """A product's stock version, moved by triggers (store/tallies.py) whenever its stock,
    its supply or the orders claiming it change."""

    __tablename__ = "stock_version"
    product_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


class AllocationCache(Base):
    """The shortfall of one product's allocation at a stock version (risk evaluation):
    per (campaign, platform, currency) the short or late orders, what their buyers paid,
    the earliest deadline and the first order ids."""

    __tablename__ = "allocation_cache"
    product_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)
    groups: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # the priority key of the last order covered from stock alone, and the short orders
    # before it: a shipped order at or before it changes nobody's allocation
    boundary: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class StockLog(Base):
    """Shipments of orders and on-hand changes since the allocation cache last looked
    (written by triggers, store/tallies.py; emptied by the evaluation)."""

    __tablename__ = "stock_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # ship | on_hand
    order_id: Mapped[int | None] = mapped_column(Integer)
    qty: Mapped[int] = mapped_column(Integer)


class Wave(Base):
    """A batch of paid orders picked, packed and handed to the carrier together (issue 11).

    ``filters`` keeps how the orders were chosen; ``status`` is open until the wave is
    shipped (or cancelled, which gives its orders back to the next wave).
    """

    __tablename__ = "wave"
    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"))
    status: Mapped[str] = mapped_column(String(12), index=True)  # open, shipped, cancelled
    carrier: Mapped[str] = mapped_column(String(50), default="")
    filters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100), default="")
    shipped_at: Mapped[datetime | None]


class WaveOrder(Base):
    """One order line of a wave, in picking order; ``packed_at`` once its slip was scanned.

    An order line is in at most one open wave (the service checks; a wave that ships or
    is cancelled lets go of its lines).
    """

    __tablename__ = "wave_order"
    wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"),
                                         primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"),
                                          primary_key=True, index=True)
    seq: Mapped[int]  # the parcel's place in the wave (lines of one order share it)
    packed_at: Mapped[datetime | None]
    packed_by: Mapped[str] = mapped_column(String(100), default="")


class WavePrint(Base):
    """What was printed for a wave, and when (pick list, slips, manifest)."""

    __tablename__ = "wave_print"
    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"),
                                         index=True)
    sheet: Mapped[str] = mapped_column(String(20))  # picklist, slips, manifest
    size: Mapped[str] = mapped_column(String(10))  # a4, label
    lang: Mapped[str] = mapped_column(String(5))
    pages: Mapped[int]
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100), default="")
