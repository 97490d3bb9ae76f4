"""Aggregate and list queries shared by the service (the only place they are written).

Each takes an open session and returns plain tuples or ORM rows; counts and sums are
done in SQL with the indexes in ``models`` so they stay fast on a million orders.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from ..orders import OPEN_DEMAND, TO_SHIP, Status
from .models import Campaign, CampaignItem, Order, Product, SupplyBatch

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
    search: str | None = None  # order number or buyer, prefix match


def order_select(f: OrderFilter, now: datetime) -> Select[Order]:
    stmt = select(Order)
    conds = []
    if f.campaign_id is not None:
        conds.append(Order.campaign_id == f.campaign_id)
    statuses = list(f.statuses)
    if f.overdue or f.due_within_hours is not None:
        # Only orders owed a shipment can be overdue or due.
        statuses = [s for s in (statuses or TO_SHIP_VALUES) if s in TO_SHIP_VALUES] or ["-"]
    if statuses:
        conds.append(Order.status.in_(statuses))
    if f.overdue:
        conds.append(Order.ship_deadline < now)
    if f.due_within_hours is not None:
        from datetime import timedelta

        conds.append(Order.ship_deadline >= now)
        conds.append(Order.ship_deadline <= now + timedelta(hours=f.due_within_hours))
    if f.sku:
        conds.append(Order.sku == f.sku)
    if f.platform:
        conds.append(Order.platform == f.platform)
    if f.kind:
        conds.append(Order.kind == f.kind)
    if f.search:
        like = f.search.replace("%", r"\%").replace("_", r"\_") + "%"
        conds.append(or_(Order.order_no.like(like, escape="\\"),
                         Order.buyer.like(like, escape="\\")))
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


def campaign_stats(s: Session) -> dict[int, CampaignStats]:
    """Figures per campaign from one grouped scan of the covering campaign index."""
    rows = s.execute(
        select(Order.campaign_id, Order.status, func.count(), func.sum(Order.qty),
               func.sum(Order.deposit), func.min(Order.ship_deadline))
        .where(Order.campaign_id.is_not(None))
        .group_by(Order.campaign_id, Order.status)
    ).all()
    acc: dict[int, list[Any]] = {}
    deposited = set(DEPOSITED_VALUES)
    to_ship = set(TO_SHIP_VALUES)
    for cid, status, n, units, deposits, first_due in rows:
        assert cid is not None
        a = acc.setdefault(int(cid), [0, 0, 0, None])
        a[0] += int(n)
        a[1] += int(units or 0)
        if status in deposited:
            a[2] += int(deposits or 0)
        if status in to_ship and first_due is not None and (a[3] is None or first_due < a[3]):
            a[3] = first_due
    return {cid: CampaignStats(a[0], a[1], a[2], _aware(a[3])) for cid, a in acc.items()}


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
