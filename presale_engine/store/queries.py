"""Aggregate and list queries shared by the service (the only place they are written).

Each takes an open session and returns plain tuples or ORM rows; counts and sums are
done in SQL with the indexes in ``models`` so they stay fast on a million orders.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    case,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from ..orders import OPEN_DEMAND, TO_SHIP, Status
from .models import Campaign, CampaignItem, Order, Payment, Product, SupplyBatch, UTCDateTime

OPEN_DEMAND_VALUES = sorted(s.value for s in OPEN_DEMAND)
TO_SHIP_VALUES = sorted(s.value for s in TO_SHIP)
DEPOSITED_VALUES = sorted(s.value for s in Status
                          if s not in (Status.AWAITING_DEPOSIT, Status.AWAITING_PAYMENT))
CANCELLED_VALUES = sorted([Status.CANCELLED_BY_BUYER.value, Status.CANCELLED_BY_SELLER.value])


@dataclass(frozen=True)
class OrderFilter:
    campaign_id: int | None = None
    statuses: Collection[str] = ()
    overdue: bool = False
    due_within_hours: float | None = None
    sku: str | None = None
    platform: str | None = None
    kind: str | None = None
    # the start of an order number, buyer, recipient, tracking number or SKU
    search: str | None = None
    flagged: bool = False  # only orders with a flag (over_cap, over_limit, outside_window)
    due_by: datetime | None = None  # owed a shipment, deadline at or before this (overdue too)
    balance_unpaid: bool = False  # deposit paid, balance not paid (yet)
    flags: Collection[str] = ()  # any of these import flags (no_campaign, over_cap...)
    ids: Collection[int] = ()  # only these orders (an alert's, an import's)


BALANCE_UNPAID_VALUES = sorted([Status.DEPOSIT_PAID.value, Status.AWAITING_BALANCE.value])
# An order of 19 digits and a 64-character tracking number sort below this: the upper
# end of a prefix range (``col >= text AND col < text || TOP``), which uses the index
# where ``LIKE 'text%'`` would not (SQLite's LIKE is case-insensitive).
_TOP = "\U0010ffff"
# '' inline (not a bound value), so SQLite sees the partial indexes' own term
_EMPTY: ColumnElement[str] = literal_column("''")


def _prefix(col: Any, text: str) -> ColumnElement[bool]:
    return and_(col >= text, col < text + _TOP)


def search_condition(text: str) -> ColumnElement[bool]:
    """Orders whose order number, buyer, recipient, tracking number or SKU starts with
    ``text`` (each an index range; SQLite unions them with its multi-index OR)."""
    return or_(_prefix(Order.order_no, text), _prefix(Order.buyer, text),
               and_(Order.recipient != _EMPTY, _prefix(Order.recipient, text)),
               and_(Order.tracking_no != _EMPTY, _prefix(Order.tracking_no, text)),
               _prefix(Order.sku, text))


def effective_statuses(f: OrderFilter) -> list[str]:
    """The states ``f`` allows (empty: any); ``["-"]`` when none can match."""
    statuses = list(f.statuses)
    if f.overdue or f.due_within_hours is not None or f.due_by is not None:
        # Only orders owed a shipment can be overdue or due.
        statuses = [s for s in (statuses or TO_SHIP_VALUES) if s in TO_SHIP_VALUES] or ["-"]
    if f.balance_unpaid:
        statuses = [s for s in (statuses or BALANCE_UNPAID_VALUES)
                    if s in BALANCE_UNPAID_VALUES] or ["-"]
    return statuses


def order_select(f: OrderFilter, now: datetime) -> Select[Order]:
    stmt = select(Order)
    conds = []
    if f.campaign_id is not None:
        conds.append(Order.campaign_id == f.campaign_id)
    statuses = effective_statuses(f)
    if statuses:
        conds.append(Order.status.in_(statuses))
    if f.overdue:
        conds.append(Order.ship_deadline < now)
    if f.due_within_hours is not None:
        conds.append(Order.ship_deadline >= now)
        conds.append(Order.ship_deadline <= now + timedelta(hours=f.due_within_hours))
    if f.due_by is not None:
        conds.append(Order.ship_deadline <= f.due_by)
    if f.flags:
        conds.append(and_(Order.flags != _EMPTY,
                          or_(*(Order.flags.contains(flag, autoescape=True)
                                for flag in f.flags))))
    if f.ids:
        conds.append(Order.id.in_(list(f.ids)))
    if f.sku:
        conds.append(Order.sku == f.sku)
    if f.platform:
        conds.append(Order.platform == f.platform)
    if f.kind:
        conds.append(Order.kind == f.kind)
    if f.flagged:
        conds.append(Order.flags != _EMPTY)
    text = (f.search or "").strip()
    if text:
        conds.append(search_condition(text))
    if conds:
        stmt = stmt.where(and_(*conds))
    return stmt


def count_orders(s: Session, f: OrderFilter, now: datetime) -> int:
    # select_from: with no filter the statement would otherwise lose its FROM (count = 1).
    stmt = order_select(f, now).with_only_columns(func.count()).select_from(Order).order_by(
        None)
    return int(s.execute(stmt).scalar_one())


def list_orders(s: Session, f: OrderFilter, now: datetime, *, limit: int | None = 200,
                offset: int = 0, order_by: str = "deadline") -> Sequence[Order]:
    stmt = order_select(f, now)
    if order_by == "deadline":
        # NULLS LAST keeps the (status, ship_deadline) index usable for the order.
        stmt = stmt.order_by(Order.ship_deadline.asc().nulls_last(), Order.id)
    else:
        stmt = stmt.order_by(Order.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return s.execute(stmt).scalars().all()


def counts_by_status(s: Session) -> dict[str, int]:
    rows = s.execute(select(Order.status, func.count()).group_by(Order.status)).all()
    return {st: int(n) for st, n in rows}


def demand_by_product(s: Session) -> dict[int, tuple[int, int]]:
    """product_id -> (units in open demand, units of those holding real stock)."""
    rows = s.execute(
        select(Order.product_id, func.sum(Order.qty), func.sum(Order.reserved))
        .where(Order.status.in_(OPEN_DEMAND_VALUES))
        .group_by(Order.product_id)
    ).all()
    return {int(pid): (int(q or 0), int(r or 0)) for pid, q, r in rows if pid is not None}


def incoming_by_product(s: Session) -> dict[int, int]:
    rows = s.execute(
        select(SupplyBatch.product_id, func.sum(SupplyBatch.qty - SupplyBatch.received))
        .where(SupplyBatch.qty > SupplyBatch.received)
        .group_by(SupplyBatch.product_id)
    ).all()
    return {int(pid): int(q or 0) for pid, q in rows}


def units_deposited(s: Session, campaign_id: int, sku: str | None = None) -> int:
    """Units for which a buyer has paid (deposit or full): drives volume tiers and caps."""
    stmt = select(func.coalesce(func.sum(Order.qty), 0)).where(
        Order.campaign_id == campaign_id, Order.status.in_(DEPOSITED_VALUES),
        # A cancelled order counts only if it was paid before it was cancelled.
        or_(Order.status.not_in(CANCELLED_VALUES), Order.deposit_paid_at.is_not(None),
            Order.paid_at.is_not(None)))
    if sku is not None:
        stmt = stmt.where(Order.sku == sku)
    return int(s.execute(stmt).scalar_one())


@dataclass(frozen=True)
class CampaignStats:
    orders: int
    units: int
    deposits: int  # minor units collected as deposits
    next_deadline: datetime | None  # earliest ship deadline of an order owed a shipment
    paid: int = 0  # minor units paid, as the payment times say (deposits included)


def campaign_stats(s: Session) -> dict[int, CampaignStats]:
    """Figures per campaign from one grouped scan of the covering campaign index."""
    rows = s.execute(
        select(Order.campaign_id, Order.status, func.count(), func.sum(Order.qty),
               # a deposit counts once it was paid (a cancelled order may never have paid)
               func.sum(case((Order.deposit_paid_at.is_not(None), Order.deposit), else_=0)),
               func.min(Order.ship_deadline),
               # the completing payment: a deposit order's balance, a full order's total
               func.sum(case((Order.paid_at.is_(None), 0),
                             (Order.kind == "deposit", Order.balance), else_=Order.total)))
        .where(Order.campaign_id.is_not(None))
        .group_by(Order.campaign_id, Order.status)
    ).all()
    acc: dict[int, list[Any]] = {}
    to_ship = set(TO_SHIP_VALUES)
    for cid, status, n, units, deposits, first_due, rest in rows:
        assert cid is not None
        a = acc.setdefault(int(cid), [0, 0, 0, None, 0])
        a[4] += int(deposits or 0) + int(rest or 0)
        a[0] += int(n)
        a[1] += int(units or 0)
        a[2] += int(deposits or 0)
        if status in to_ship and first_due is not None and (a[3] is None or first_due < a[3]):
            a[3] = first_due
    return {cid: CampaignStats(a[0], a[1], a[2], _aware(a[3]), a[4]) for cid, a in acc.items()}


def _aware(value: Any) -> datetime | None:
    """Aggregates skip the column type: read back the UTC text/naive value as aware."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def campaign_skus(s: Session) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for cid, sku in s.execute(select(CampaignItem.campaign_id, CampaignItem.sku)).all():
        out.setdefault(int(cid), []).append(sku)
    return out


def products_by_sku(s: Session, shop_id: int, skus: Sequence[str] | None = None
                    ) -> dict[str, Product]:
    stmt = select(Product).where(Product.shop_id == shop_id)
    if skus is not None:
        stmt = stmt.where(Product.sku.in_(list(skus)))
    return {p.sku: p for p in s.execute(stmt).scalars()}


def active_campaigns(s: Session, shop_id: int, exclude_id: int | None = None
                     ) -> Sequence[Campaign]:
    stmt = select(Campaign).where(Campaign.shop_id == shop_id,
                                  Campaign.status.not_in(["cancelled", "rejected"]))
    if exclude_id is not None:
        stmt = stmt.where(Campaign.id != exclude_id)
    return s.execute(stmt).scalars().all()


# --------------------------------------------------------------------------- exports

def _order_columns(fields: Sequence[str]) -> list[Any]:
    cols = Order.__table__.c
    try:
        return [cols[name] for name in fields]
    except KeyError as e:
        raise ValueError(f"orders has no column {e}") from None


def _utc_from_text(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _export_columns(s: Session, fields: Sequence[str]) -> tuple[list[Any], tuple[int, ...]]:
    """Columns to select, and the positions (id first) of times to convert ourselves.

    SQLite hands times back as text, which SQLAlchemy parses with a regular expression:
    most of the cost of reading a million rows. Reading the text and parsing it with
    ``datetime.fromisoformat`` (C) is about ten times faster and gives the same aware
    UTC value. Other databases return datetimes from their driver already.
    """
    cols = _order_columns(fields)
    if s.get_bind().dialect.name != "sqlite":
        return cols, ()
    out: list[Any] = []
    times: list[int] = []
    for i, c in enumerate(cols, start=1):
        if isinstance(c.type, UTCDateTime):
            out.append(type_coerce(c, String).label(c.name))
            times.append(i)
        else:
            out.append(c)
    return out, tuple(times)


def _keyset(s: Session, stmt: Select[Any], batch: int, times: tuple[int, ...] = ()
            ) -> Iterator[Sequence[Any]]:
    """Rows of ``stmt`` (whose first column is ``orders.id``) in id order, page by page.

    Each page is one ``id > last`` query, so memory holds one page and a page costs the
    same at the end of a million rows as at the start (no OFFSET). ``times`` are the
    positions of time columns selected as text (see ``_export_columns``).
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    last = 0
    parse = _utc_from_text
    while True:
        rows = s.execute(stmt.where(Order.id > last).order_by(Order.id).limit(batch)).all()
        if times:
            for r in rows:
                out = list(r)
                for i in times:
                    v = out[i]
                    if v is not None:
                        out[i] = parse(v)
                yield out
        else:
            yield from rows
        if len(rows) < batch:
            return
        last = rows[-1][0]


def iter_orders(s: Session, f: OrderFilter, now: datetime, fields: Sequence[str], *,
                batch: int = 5000) -> Iterator[Sequence[Any]]:
    """Orders matching ``f`` as tuples ``(id, *fields)``, streamed in id order.

    Only the named columns are read (an export needs no ORM objects); times come back
    aware UTC as everywhere else.
    """
    cols, times = _export_columns(s, fields)
    stmt = order_select(f, now).with_only_columns(Order.id, *cols)
    return _keyset(s, stmt, batch, times)


def iter_ship_orders(s: Session, platform: str, f: OrderFilter | None, now: datetime,
                     fields: Sequence[str], *, shipped_since: datetime | None = None,
                     batch: int = 5000) -> Iterator[Sequence[Any]]:
    """Orders of ``platform`` that have a tracking number, for a bulk-shipping upload.

    Without ``f``: orders owed a shipment (balance paid / paid) that were packed, i.e.
    carry a tracking number, plus, with ``shipped_since``, orders marked shipped in the
    app since then (the platform still has to be told). With ``f``: its orders that
    carry a tracking number.
    """
    picked, times = _export_columns(s, fields)
    cols = (Order.id, *picked)
    if f is not None:
        stmt = order_select(f, now).with_only_columns(*cols)
        stmt = stmt.where(Order.platform == platform)
    else:
        owed: ColumnElement[bool] = Order.status.in_(TO_SHIP_VALUES)
        if shipped_since is not None:
            owed = or_(owed, and_(Order.status == Status.SHIPPED.value,
                                  Order.shipped_at >= shipped_since))
        stmt = select(*cols).where(Order.platform == platform, owed)
    return _keyset(s, stmt.where(Order.tracking_no != ""), batch, times)


def order_labels(s: Session) -> tuple[dict[int, str], dict[int, tuple[str, str]]]:
    """(campaign id → name, product id → (name, variant)): small lookups for exports."""
    camps = {int(i): n for i, n in s.execute(select(Campaign.id, Campaign.name)).all()}
    prods = {int(i): (n, v) for i, n, v in
             s.execute(select(Product.id, Product.name, Product.variant)).all()}
    return camps, prods


@dataclass(frozen=True)
class OrderGroup:
    """Figures of one (SKU, status) group of a campaign's orders (minor units)."""

    sku: str
    status: str
    orders: int
    units: int  # all units ordered
    value: int  # sum of order totals
    deposit_orders: int  # deposit paid
    paid_orders: int  # fully paid (balance or full payment)
    converted: int  # deposit paid and then the balance
    paid_value: int  # totals of fully paid orders (GMV)
    paid_units: int  # units of orders with any payment
    shipped: int  # orders shipped (at any time, including later returned)
    shipped_units: int
    shipped_timed: int  # shipped orders that had a deadline
    on_time: int  # ... shipped by it
    overdue: int
    due_48h: int
    flagged: int


def campaign_groups(s: Session, campaign_id: int, now: datetime) -> list[OrderGroup]:
    """A campaign's orders grouped by (SKU, status) with every summary figure summed in
    SQL: the exports combine these few groups, never the orders themselves."""
    paid = Order.paid_at.is_not(None)
    any_paid = or_(Order.deposit_paid_at.is_not(None), paid)
    shipped = Order.shipped_at.is_not(None)
    timed = and_(shipped, Order.ship_deadline.is_not(None))
    owed = Order.status.in_(TO_SHIP_VALUES)

    def n(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    def total(cond: Any, col: Any) -> Any:
        return func.coalesce(func.sum(case((cond, col), else_=0)), 0)

    rows = s.execute(
        select(Order.sku, Order.status, func.count(), func.coalesce(func.sum(Order.qty), 0),
               func.coalesce(func.sum(Order.total), 0),
               n(Order.deposit_paid_at.is_not(None)), n(paid),
               n(and_(Order.deposit_paid_at.is_not(None), paid)),
               total(paid, Order.total), total(any_paid, Order.qty), n(shipped),
               total(shipped, Order.qty), n(timed),
               n(and_(timed, Order.shipped_at <= Order.ship_deadline)),
               n(and_(owed, Order.ship_deadline < now)),
               n(and_(owed, Order.ship_deadline >= now,
                      Order.ship_deadline <= now + timedelta(hours=48))),
               n(Order.flags != ""))
        .where(Order.campaign_id == campaign_id)
        .group_by(Order.sku, Order.status)
        .order_by(Order.sku, Order.status)
    ).all()
    return [OrderGroup(r[0], r[1], *(int(v) for v in r[2:])) for r in rows]


def campaign_payment_sums(s: Session, campaign_id: int) -> list[tuple[str, str, str, int]]:
    """(SKU, order status, payment kind, sum of amounts) over a campaign's payments."""
    rows = s.execute(
        select(Order.sku, Order.status, Payment.kind, func.sum(Payment.amount))
        .join(Order, Payment.order_id == Order.id)
        .where(Order.campaign_id == campaign_id)
        .group_by(Order.sku, Order.status, Payment.kind)
    ).all()
    return [(sku, st, kind, int(v or 0)) for sku, st, kind, v in rows]


def campaign_orders_by_time(s: Session, campaign_id: int, *, minutes: bool = False
                            ) -> list[tuple[datetime, int, int]]:
    """(UTC hour, orders placed, units ordered) per hour of ``ordered_at`` (or per minute).

    Grouping by the UTC hour in SQL and folding hours into local days in Python keeps
    the SQL the same on every database and right across daylight-saving changes; zones
    with half-hour offsets ask for ``minutes``.
    """
    col = Order.ordered_at
    if s.get_bind().dialect.name == "sqlite":
        bucket = func.strftime("%Y-%m-%d %H:%M" if minutes else "%Y-%m-%d %H", col)
    else:
        bucket = func.to_char(col, "YYYY-MM-DD HH24:MI" if minutes else "YYYY-MM-DD HH24")
    rows = s.execute(
        select(bucket, func.count(), func.coalesce(func.sum(Order.qty), 0))
        .where(Order.campaign_id == campaign_id)
        .group_by(bucket).order_by(bucket)
    ).all()
    fmt = "%Y-%m-%d %H:%M" if minutes else "%Y-%m-%d %H"
    return [(datetime.strptime(b, fmt).replace(tzinfo=UTC), int(c), int(q))
            for b, c, q in rows]


def is_member(s: Session, shop_id: int, platform: str, buyer: str) -> bool:
    """Is ``buyer`` on the shop's member list (for this platform, or any)?"""
    from .models import Member

    if not buyer:
        return False
    return s.execute(select(Member.id).where(
        Member.shop_id == shop_id, Member.platform.in_(["", platform]),
        Member.buyer == buyer).limit(1)).first() is not None
