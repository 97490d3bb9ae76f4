"""The facts of the forecast, the production plan and the P&L, by aggregate queries.

Units count an order once its buyer has paid something (the deposit, or the full price),
whatever became of it later: a forecast predicts the deposits (or sales) a campaign ends
with, and its history is counted the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from ..orders import Status
from .models import Campaign, Order, Product, SupplyBatch
from .queries import OPEN_DEMAND_VALUES

_GONE = sorted([Status.CANCELLED_BY_BUYER.value, Status.CANCELLED_BY_SELLER.value,
                Status.REFUNDED.value])


def _paid_time() -> Any:
    return func.coalesce(Order.deposit_paid_at, Order.paid_at)


def _hour(s: Session, col: Any) -> Any:
    if s.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m-%d %H", col)
    return func.to_char(col, "YYYY-MM-DD HH24")


def units_by_hour(s: Session, campaign_ids: Sequence[int], until: datetime
                  ) -> dict[int, dict[str, list[tuple[datetime, int]]]]:
    """campaign -> SKU -> [(UTC hour, units paid in that hour)], hours ascending, of
    the payments made before ``until``."""
    if not campaign_ids:
        return {}
    hour = _hour(s, _paid_time()).label("hour")
    q = (select(Order.campaign_id, Order.sku, hour, func.sum(Order.qty))
         .where(Order.campaign_id.in_(list(campaign_ids)), _paid_time().is_not(None),
                _paid_time() < until)
         .group_by(Order.campaign_id, Order.sku, hour).order_by(hour))
    out: dict[int, dict[str, list[tuple[datetime, int]]]] = defaultdict(
        lambda: defaultdict(list))
    for cid, sku, h, n in s.execute(q).all():
        when = datetime.strptime(str(h), "%Y-%m-%d %H").replace(tzinfo=UTC)
        out[int(cid)][str(sku)].append((when, int(n)))
    return out


def item_counts(s: Session, campaign_id: int) -> dict[str, dict[str, int]]:
    """Per SKU of a campaign: units paid something (``units``), fully paid and not
    cancelled or refunded (``certain``), shipped (``shipped``), still owed stock
    (``open``)."""
    paid_any = _paid_time().is_not(None)
    certain = and_(Order.paid_at.is_not(None), Order.status.not_in(_GONE))

    def units(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, Order.qty), else_=0)), 0)

    q = (select(Order.sku, units(paid_any), units(certain),
                units(Order.shipped_at.is_not(None)),
                units(Order.status.in_(OPEN_DEMAND_VALUES)))
         .where(Order.campaign_id == campaign_id).group_by(Order.sku))
    return {str(sku): {"units": int(a), "certain": int(b), "shipped": int(c), "open": int(d)}
            for sku, a, b, c, d in s.execute(q).all()}


def deposit_conversion(s: Session, campaign_ids: Sequence[int]) -> tuple[int, int]:
    """(deposit orders, of which the balance was paid) over these deposit campaigns."""
    if not campaign_ids:
        return 0, 0
    q = (select(func.count(Order.id),
                func.coalesce(func.sum(case((Order.paid_at.is_not(None), 1), else_=0)), 0))
         .where(Order.campaign_id.in_(list(campaign_ids)), Order.kind == "deposit",
                Order.deposit_paid_at.is_not(None)))
    n, paid = s.execute(q).one()
    return int(n or 0), int(paid or 0)


def stock_facts(s: Session, shop_id: int, skus: Sequence[str], campaign_id: int
                ) -> dict[str, dict[str, Any]]:
    """Per SKU: the product (id, on hand, cost in minor units), units incoming from
    open supply batches, and units other campaigns' open orders claim."""
    out: dict[str, dict[str, Any]] = {
        sku: {"product_id": None, "on_hand": 0, "cost": None, "incoming": 0, "other": 0}
        for sku in skus}
    for pid, sku, on_hand, cost in s.execute(
            select(Product.id, Product.sku, Product.on_hand, Product.cost)
            .where(Product.shop_id == shop_id, Product.sku.in_(list(skus)))).all():
        out[sku].update(product_id=pid, on_hand=int(on_hand), cost=cost)
    pids = {f["product_id"]: sku for sku, f in out.items() if f["product_id"] is not None}
    if pids:
        for pid, left in s.execute(
                select(SupplyBatch.product_id,
                       func.sum(SupplyBatch.qty - SupplyBatch.received))
                .where(SupplyBatch.product_id.in_(list(pids)),
                       SupplyBatch.qty > SupplyBatch.received)
                .group_by(SupplyBatch.product_id)).all():
            out[pids[pid]]["incoming"] = int(left or 0)
    for sku, n in s.execute(
            select(Order.sku, func.sum(Order.qty))
            .where(Order.sku.in_(list(skus)), Order.status.in_(OPEN_DEMAND_VALUES),
                   func.coalesce(Order.campaign_id, 0) != campaign_id)
            .group_by(Order.sku)).all():
        out[str(sku)]["other"] = int(n or 0)
    return out


def open_deadlines(s: Session, campaign_id: int, sku: str) -> list[tuple[Any, int]]:
    """(ship deadline, qty) of the campaign's open orders of a SKU, earliest first
    (none last), as the allocation would serve them."""
    q = (select(Order.ship_deadline, Order.qty)
         .where(Order.campaign_id == campaign_id, Order.sku == sku,
                Order.status.in_(OPEN_DEMAND_VALUES))
         .order_by(Order.ship_deadline.is_(None), Order.ship_deadline, Order.id))
    return [(dl, int(n)) for dl, n in s.execute(q).all()]


def closed_campaigns(s: Session, shop_id: int, platform: str, before: datetime,
                     exclude: int) -> list[Campaign]:
    """The shop's earlier campaigns on a platform whose selling window had ended."""
    end = func.coalesce(Campaign.deposit_end, Campaign.sale_end)
    return list(s.execute(
        select(Campaign).where(Campaign.shop_id == shop_id, Campaign.platform == platform,
                               Campaign.id != exclude, end.is_not(None), end <= before,
                               Campaign.status == "approved")
        .order_by(Campaign.id)).scalars())

