"""The facts of the risk rules, by aggregate queries (never a list of all orders).

Each function returns small grouped rows: per campaign and platform, per SKU, per
platform. The order ids a finding stands on are not loaded here: an alert's orders are
found again by a filter (``service.risk.alert_filter``), except for a supply shortfall,
whose orders come out of the allocation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from ..orders import Status
from . import tallies as T
from .models import Campaign, CampaignItem, Order, Product, ShopHealth
from .queries import BALANCE_UNPAID_VALUES, CANCELLED_VALUES, DEPOSITED_VALUES, TO_SHIP_VALUES

ACTIVE = "approved"
_GONE_BEFORE_DEADLINE = sorted([*CANCELLED_VALUES, Status.REFUNDED.value,
                                Status.BALANCE_UNPAID.value])
_NOT_COUNTED = sorted([*CANCELLED_VALUES, Status.REFUNDED.value])


def _n(expr: Any) -> Any:
    return func.coalesce(func.sum(case((expr, 1), else_=0)), 0)


def _sum_if(expr: Any, value: Any) -> Any:
    return func.coalesce(func.sum(case((expr, value), else_=0)), 0)


def due_groups(s: Session, now: datetime, hours: int = 48, urgent: int = 24) -> list[Any]:
    """Orders owed a shipment with a deadline before ``now + hours``, per campaign,
    platform and currency: overdue, due within ``urgent`` h, due within ``hours`` h
    (not overdue), and what their buyers paid (minor units)."""
    dl = Order.ship_deadline
    overdue = dl < now
    soon = dl >= now
    urgent_soon = and_(dl >= now, dl < now + timedelta(hours=urgent))
    q = (select(Order.campaign_id, Order.platform, Order.currency,
                _n(overdue).label("overdue"), _n(urgent_soon).label("due_24h"),
                _n(soon).label("due_48h"),
                _sum_if(overdue, Order.total).label("paid_overdue"),
                _sum_if(soon, Order.total).label("paid_48h"))
         .where(Order.status.in_(TO_SHIP_VALUES), dl.is_not(None),
                dl < now + timedelta(hours=hours))
         .group_by(Order.campaign_id, Order.platform, Order.currency))
    return list(s.execute(q).all())


def campaign_profiles(s: Session) -> dict[int, tuple[str, str, str, str | None]]:
    """campaign id -> (platform, profile code, status, name)."""
    return {r.id: (r.platform, r.profile or r.platform, r.status, r.name)
            for r in s.execute(select(Campaign.id, Campaign.platform, Campaign.profile,
                                      Campaign.status, Campaign.name)).all()}


def balance_closing(s: Session, now: datetime, hours: int = 24) -> list[Any]:
    """Active deposit campaigns whose balance window closes within ``hours``, with the
    orders whose balance is still unpaid and how much."""
    q = (select(Campaign.id, Campaign.platform, Campaign.currency, Campaign.balance_end,
                func.count(Order.id).label("orders"),
                func.coalesce(func.sum(Order.balance), 0).label("balance"))
         .join(Order, and_(Order.campaign_id == Campaign.id,
                           Order.status.in_(BALANCE_UNPAID_VALUES)))
         .where(Campaign.status == ACTIVE, Campaign.balance_end.is_not(None),
                Campaign.balance_end > now,
                Campaign.balance_end <= now + timedelta(hours=hours))
         .group_by(Campaign.id, Campaign.platform, Campaign.currency, Campaign.balance_end))
    return list(s.execute(q).all())


def units_by_campaign_sku(s: Session, campaign_ids: Sequence[int], *,
                          deposit_paid: bool = False) -> dict[tuple[int, str], int]:
    """Units sold per (campaign, SKU) counting against a cap (paid at least the
    deposit), or with ``deposit_paid`` the deposit units paid and not refunded."""
    if not campaign_ids:
        return {}
    t = T.ITEMS_T.c
    cond = (and_(t.deposit_paid == 1, t.status.not_in(_NOT_COUNTED))
            if deposit_paid else t.status.in_(DEPOSITED_VALUES))
    q = (select(t.campaign_id, t.sku, func.coalesce(func.sum(t.units), 0))
         .where(t.campaign_id.in_(list(campaign_ids)), cond)
         .group_by(t.campaign_id, t.sku))
    return {(int(c), str(sku)): int(n) for c, sku, n in s.execute(q).all() if int(n)}


def campaign_items(s: Session, campaign_ids: Sequence[int]) -> list[CampaignItem]:
    if not campaign_ids:
        return []
    return list(s.execute(select(CampaignItem).where(
        CampaignItem.campaign_id.in_(list(campaign_ids)))).scalars())


def presale_units_by_sku(s: Session, campaign_ids: Sequence[int]) -> list[Any]:
    """Per SKU: presale units sold in the active campaigns, and its 30-day sales."""
    if not campaign_ids:
        return []
    t = T.ITEMS_T.c
    q = (select(Product.sku, func.coalesce(func.sum(t.units), 0), Product.sales_30d)
         .join(Product, t.product_id == Product.id)
         .where(t.campaign_id.in_(list(campaign_ids)),
                t.status.in_(DEPOSITED_VALUES), t.status.not_in(_NOT_COUNTED),
                Product.sales_30d.is_not(None))
         .group_by(Product.sku, Product.sales_30d)
         .having(func.sum(t.orders) > 0))
    return list(s.execute(q).all())


def platform_rates(s: Session, now: datetime, days: int = 30) -> tuple[list[Any], list[Any]]:
    """Per platform, the orders ordered in the last ``days`` (all, presale, cancelled),
    and the orders due in them (deadline in the period; cancelled or refunded before it
    left out) with the late ones among them (shipped after it, or not shipped).

    Whole UTC hours come from the tallies (store/tallies.py); the part-hours at both
    ends of the window from the orders themselves, by the time indexes."""
    start = now - timedelta(days=days)
    ordered: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    due: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    first, last = _whole_hours(start, now)
    ranges = [(start, now)]
    if first <= last:
        lo_h, hi_h = f"{first:%Y-%m-%d %H}", f"{last:%Y-%m-%d %H}"
        o, d = T.ORDERED_T.c, T.DUE_T.c
        cancelled = o.status.in_(CANCELLED_VALUES)
        for p, n, pre, canc in s.execute(
                select(o.platform, func.sum(o.orders), func.sum(o.orders * o.presale),
                       _sum_if(cancelled, o.orders))
                .where(o.hour >= lo_h, o.hour <= hi_h)
                .group_by(o.platform)).all():
            _add(ordered[p], int(n), int(pre), int(canc))
        for p, n, late in s.execute(
                select(d.platform, func.sum(d.orders), func.sum(d.orders * d.late))
                .where(d.hour >= lo_h, d.hour <= hi_h, d.gone == 0)
                .group_by(d.platform)).all():
            _add(due[p], int(n), int(late))
        ranges = [(start, first.astimezone(now.tzinfo)),
                  ((last + timedelta(hours=1)).astimezone(now.tzinfo), now)]
    for lo, hi in ranges:
        if lo >= hi:
            continue
        for p, n, pre, canc in _ordered_between(s, lo, hi):
            _add(ordered[p], int(n), int(pre), int(canc))
        for p, n, late in _due_between(s, lo, hi):
            _add(due[p], int(n), int(late))
    return ([(p, *v) for p, v in sorted(ordered.items()) if v[0]],
            [(p, *v) for p, v in sorted(due.items()) if v[0]])


def _add(acc: list[int], *values: int) -> None:
    for i, v in enumerate(values):
        acc[i] += v


def _whole_hours(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """The starts of the first and last UTC hours lying wholly in [start, end) (first >
    last: none)."""
    s_utc, e_utc = start.astimezone(UTC), end.astimezone(UTC)
    floor = s_utc.replace(minute=0, second=0, microsecond=0)
    first = floor if floor == s_utc else floor + timedelta(hours=1)
    last = e_utc.replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    return first, last


def _ordered_between(s: Session, lo: datetime, hi: datetime) -> list[Any]:
    return list(s.execute(
        select(Order.platform, func.count(Order.id), _n(Order.kind != "normal"),
               _n(Order.status.in_(CANCELLED_VALUES)))
        .where(Order.ordered_at >= lo, Order.ordered_at < hi)
        .group_by(Order.platform)).all())


def _due_between(s: Session, lo: datetime, hi: datetime) -> list[Any]:
    dl = Order.ship_deadline
    gone = and_(Order.status.in_(_GONE_BEFORE_DEADLINE), Order.shipped_at.is_(None),
                Order.updated_at < dl)
    late = or_(Order.shipped_at > dl, Order.shipped_at.is_(None))
    return list(s.execute(select(Order.platform, func.count(Order.id), _n(late))
                          .where(dl >= lo, dl < hi, ~gone)
                          .group_by(Order.platform)).all())


def returns_by_campaign(s: Session, campaign_ids: Sequence[int]) -> list[Any]:
    if not campaign_ids:
        return []
    t = T.ITEMS_T.c
    q = (select(t.campaign_id, t.platform, func.sum(t.orders * t.shipped),
                _sum_if(t.status == Status.RETURNED.value, t.orders))
         .where(t.campaign_id.in_(list(campaign_ids)))
         .group_by(t.campaign_id, t.platform)
         .having(func.sum(t.orders) > 0))
    return list(s.execute(q).all())


def latest_health(s: Session) -> ShopHealth | None:
    return s.execute(select(ShopHealth).order_by(ShopHealth.day.desc(), ShopHealth.id.desc())
                     .limit(1)).scalar_one_or_none()


def metric_sums(s: Session, now: datetime, *, campaign_id: int | None = None,
                platform: str | None = None, sku: str | None = None,
                by_day: bool = False, since: datetime | None = None,
                until: datetime | None = None) -> list[Any]:
    """The figures of ``service.risk.metrics`` per currency (and day of ordering), as
    counts and minor-unit sums: one grouped query over the orders.

    With a period (``since``/``until``, either may be open) the orders counted are
    those ordered in it, and the on-time figures those whose ship deadline fell in it
    (before ``now``): the period's own late rate, as the 30-day rate is defined."""
    sold = Order.status.in_(sorted([Status.DEPOSIT_PAID.value, Status.AWAITING_BALANCE.value,
                                    Status.BALANCE_PAID.value, Status.PAID.value,
                                    Status.SHIPPED.value, Status.COMPLETED.value]))
    deposit_kind = Order.kind == "deposit"
    dl = Order.ship_deadline
    gone = and_(Order.status.in_(_GONE_BEFORE_DEADLINE), Order.shipped_at.is_(None),
                Order.updated_at < dl)
    due = and_(dl.is_not(None), dl < now, ~gone)
    period = since is not None or until is not None
    in_since = [Order.ordered_at >= since] if since is not None else []
    in_until = [Order.ordered_at < until] if until is not None else []
    dl_span = [*([dl >= since] if since is not None else []),
               *([dl < until] if until is not None else [])]
    ordered_in: Any = and_(true(), *in_since, *in_until)
    if period:
        due = and_(due, *dl_span)

    def o(cond: Any) -> Any:  # a figure of the orders ordered in the period
        return and_(ordered_in, cond) if period else cond

    late = and_(due, or_(Order.shipped_at > dl, Order.shipped_at.is_(None)))
    open_deposit = and_(deposit_kind, Order.status.in_(sorted([
        Status.DEPOSIT_PAID.value, Status.AWAITING_BALANCE.value, Status.BALANCE_PAID.value])))
    balance_paid = and_(deposit_kind, Order.paid_at.is_not(None))
    cols: list[Any] = [
        Order.currency,
        (_n(ordered_in) if period else func.count(Order.id)).label("orders"),
        (_sum_if(ordered_in, Order.qty) if period
         else func.coalesce(func.sum(Order.qty), 0)).label("units"),
        _sum_if(o(sold), Order.total).label("gmv"),
        _sum_if(o(and_(deposit_kind, Order.deposit_paid_at.is_not(None))),
                Order.deposit).label("deposits"),
        _n(o(and_(deposit_kind, Order.deposit_paid_at.is_not(None)))).label("deposit_orders"),
        _n(o(balance_paid)).label("balance_orders"),
        _sum_if(o(balance_paid), Order.balance).label("balances"),
        _sum_if(o(Order.status == Status.BALANCE_UNPAID.value),
                Order.deposit).label("forfeited"),
        _n(o(Order.status.in_(CANCELLED_VALUES))).label("cancelled"),
        _n(o(Order.shipped_at.is_not(None))).label("shipped"),
        _n(o(Order.status == Status.RETURNED.value)).label("returned"),
        _n(o(Order.kind != "normal")).label("presale"),
        _n(due).label("due"), _n(late).label("late"),
        _sum_if(o(open_deposit), 2 * Order.deposit
                + case((Order.paid_at.is_not(None), Order.balance), else_=0)
                ).label("liability"),
    ]
    group: list[Any] = [Order.currency]
    if by_day:
        day = func.date(Order.ordered_at).label("day")
        cols.insert(0, day)
        group.insert(0, day)
    q = select(*cols)
    if campaign_id is not None:
        q = q.where(Order.campaign_id == campaign_id)
    if platform is not None:
        q = q.where(Order.platform == platform)
    if sku is not None:
        q = q.where(Order.sku == sku)
    if period:  # the orders ordered in the period and those due in it
        q = q.where(or_(ordered_in, and_(dl.is_not(None), *dl_span)))
    return list(s.execute(q.group_by(*group).order_by(*group)).all())


def explain_statements(now: datetime) -> list[tuple[str, str]]:
    """The SQL of the main aggregate queries, literal, for EXPLAIN (bench/bench_risk.py)."""
    from sqlalchemy.dialects import sqlite

    dl = Order.ship_deadline
    due = (select(Order.campaign_id, func.count(Order.id))
           .where(Order.status.in_(TO_SHIP_VALUES), dl.is_not(None),
                  dl < now + timedelta(hours=48))
           .group_by(Order.campaign_id, Order.platform, Order.currency))
    start = now - timedelta(days=30)
    ordered = (select(Order.platform, func.count(Order.id))
               .where(Order.ordered_at >= start, Order.ordered_at < now)
               .group_by(Order.platform))
    rates_due = (select(Order.platform, func.count(Order.id))
                 .where(dl >= start, dl < now).group_by(Order.platform))
    out = []
    for label, q in (("due and overdue", due), ("orders of 30 days", ordered),
                     ("due in 30 days", rates_due)):
        out.append((label, str(q.compile(dialect=sqlite.dialect(),
                                         compile_kwargs={"literal_binds": True}))))
    return out


def _hour(s: Session, col: Any) -> Any:
    """The UTC hour of ``col`` as text, the same on SQLite and PostgreSQL (folded into
    local days by the caller, as ``queries.campaign_orders_by_time`` does)."""
    if s.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m-%d %H", col)
    return func.to_char(col, "YYYY-MM-DD HH24")


def hourly_sums(s: Session, since: datetime, until: datetime, *,
                campaign_id: int | None = None) -> list[tuple[str, str, str, int, int]]:
    """(what, UTC hour, currency, count, minor-unit sum) per hour in [since, until):
    ``orders`` placed (sum: their totals), ``deposits`` paid (deposit orders, by the
    deposit's payment time) and ``balances`` paid: a deposit order's balance, any other
    order's full payment, by the time it was paid (a full-payment shop's money in).
    Three grouped queries; at most hours × currencies rows each."""
    out: list[tuple[str, str, str, int, int]] = []
    deposit_kind = Order.kind == "deposit"
    for what, col, amount, extra in (
            ("orders", Order.ordered_at, Order.total, None),
            ("deposits", Order.deposit_paid_at, Order.deposit, deposit_kind),
            ("balances", Order.paid_at,
             case((deposit_kind, Order.balance), else_=Order.total), None)):
        bucket = _hour(s, col)
        q = (select(bucket, Order.currency, func.count(Order.id),
                    func.coalesce(func.sum(amount), 0))
             .where(col >= since, col < until))
        if extra is not None:
            q = q.where(extra)
        if campaign_id is not None:
            q = q.where(Order.campaign_id == campaign_id)
        out += [(what, str(b), str(cur), int(n), int(total))
                for b, cur, n, total in s.execute(q.group_by(bucket, Order.currency)).all()]
    return out
