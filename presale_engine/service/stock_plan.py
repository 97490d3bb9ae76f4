"""Plain views of the inventory page's planning: positions with their short orders, the
demand-due and arriving-stock series, a supply delay's consequences, an allocation's
changes, the ledger with its running balance.

The reading helpers take an open session and return facts for ``inventory`` (pure) to
work on; ``StockPart`` (``stock.py``) holds the use cases.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from .. import inventory as inv
from ..money import ZERO, fmt
from ..store import order_query as OQ
from ..store.models import (
    AllocationCache,
    Order,
    Product,
    StockLog,
    StockVersion,
    SupplyBatch,
)


@dataclass(frozen=True)
class SkuPosition:
    """One SKU on the inventory page: the position, and the orders stock will not cover
    in time (short: nothing covers them; late: covered only after their deadline)."""

    sku: str
    name: str
    variant: str
    location: str
    on_hand: int
    reserved: int
    committed: int
    incoming: int
    available: int
    incoming_by_date: list[tuple[date, int]]
    short_orders: int
    late_orders: int
    short_from: datetime | None  # the earliest deadline among them
    # units blind boxes still to ship are expected to take (pool weight shares; the
    # units drawn already count exactly); ``available`` has them taken off
    blind_box_expected: int = 0


@dataclass(frozen=True)
class FlowDay:
    """Units due to ship (open orders by their deadline's local day) and units arriving
    (supply still expected) on one day."""

    day: date
    demand_due: int
    arriving: int
    short: int = 0  # of demand_due: units stock and supply will not cover by the deadline


@dataclass(frozen=True)
class Flow:
    sku: str | None  # None: every SKU
    days: list[FlowDay]
    undated_demand: int  # open orders with no deadline yet (balance not paid)
    overdue_demand: int  # open orders whose deadline is already past


@dataclass(frozen=True)
class LateOrder:
    id: int
    order_no: str
    platform: str
    deadline: datetime | None
    available_on: date | None  # when its last unit arrives (None: not covered at all)
    penalty: Decimal
    currency: str


@dataclass(frozen=True)
class PenaltyTotal:
    currency: str
    late_orders: int
    penalty: Decimal


@dataclass
class DelayResult:
    """What moving a supply batch to ``new_date`` does: the orders it makes late (not
    late or short before) and what that costs (``order_desk.late_penalty``)."""

    batch: int
    sku: str
    old_date: date
    new_date: date
    dry_run: bool
    currency: str  # the shop's: what "penalty" is in when no order becomes late
    late: list[LateOrder] = field(default_factory=list)
    totals: list[PenaltyTotal] = field(default_factory=list)  # per currency

    @property
    def late_orders(self) -> int:
        return len(self.late)

    def as_contract(self) -> dict[str, Any] | list[dict[str, Any]]:
        """``presale supply delay --json``: one object, a list when currencies mix."""
        base = {"batch": self.batch, "new_date": self.new_date.isoformat()}
        if len(self.totals) <= 1:
            t = self.totals[0] if self.totals else None
            return base | {"late_orders": self.late_orders,
                           "penalty": fmt(t.penalty, t.currency) if t else "0.00",
                           "currency": t.currency if t else self.currency}
        return [base | {"late_orders": t.late_orders, "penalty": fmt(t.penalty, t.currency),
                        "currency": t.currency} for t in self.totals]


@dataclass(frozen=True)
class AllocationChange:
    order_id: int
    order_no: str
    sku: str
    qty: int
    reserve: bool  # True: starts holding stock; False: lets go of it


@dataclass(frozen=True)
class AllocationPlan:
    """What running allocation would change (or changed, ``applied``)."""

    applied: bool
    from_stock: int  # units covered by stock on hand
    from_supply: int  # units covered by supply batches
    changes: list[AllocationChange]
    short: list[inv.Shortage]

    @property
    def reserve(self) -> list[AllocationChange]:
        return [c for c in self.changes if c.reserve]

    @property
    def release(self) -> list[AllocationChange]:
        return [c for c in self.changes if not c.reserve]


@dataclass(frozen=True)
class LedgerEntry:
    id: int
    at: datetime
    delta: int
    reason: str
    ref: str
    actor: str
    balance: int  # on hand after this move


@dataclass(frozen=True)
class AllocationInputs:
    products: dict[int, Product]
    batches: list[inv.Batch]
    demands: list[inv.Demand]  # times naive UTC (inventory's fast path)


def allocation_inputs(s: Session, shop_id: int, product_ids: Iterable[int] | None = None
                      ) -> AllocationInputs:
    """Stock, open supply and open demand (optionally of some products) for ``allocate``."""
    stmt = select(Product).where(Product.shop_id == shop_id)
    if product_ids is not None:
        stmt = stmt.where(Product.id.in_(list(product_ids)))
    prods = {p.id: p for p in s.execute(stmt).scalars()}
    batches = [inv.Batch(b.id, prods[b.product_id].sku, b.qty - b.received, b.expected)
               for b in s.execute(select(SupplyBatch).where(
                   SupplyBatch.qty > SupplyBatch.received,
                   SupplyBatch.product_id.in_(list(prods)))).scalars()]
    sku = {pid: p.sku for pid, p in prods.items()}
    demands = [inv.Demand(i, sku[pid], qty, dl, paid, reserved > 0)
               for i, pid, qty, dl, paid, reserved in OQ.open_demand(s, list(prods))]
    return AllocationInputs(prods, batches, demands)


_INFO = (Order.id, Order.order_no, Order.platform, Order.campaign_id, Order.currency,
         Order.kind, Order.deposit, Order.balance, Order.total, Order.deposit_paid_at,
         Order.paid_at)


def cached_shortfalls(s: Session, shop_id: int) -> list[dict[str, Any]]:
    """Every product's shortfall groups (see ``AllocationCache``), allocating anew only
    the products whose stock version moved since their cached result, or whose logged
    shipments (``stock_log``) were not all of orders stock alone covered."""
    versions = dict(s.execute(select(StockVersion.product_id, StockVersion.version)).all())
    cache = {c.product_id: c for c in s.execute(select(AllocationCache)).scalars()}
    pids = list(s.execute(select(Product.id).where(Product.shop_id == shop_id)).scalars())
    logs = s.execute(select(StockLog.id, StockLog.product_id, StockLog.kind,
                            StockLog.order_id, StockLog.qty)).all()
    stale = {pid for pid in pids
             if pid not in cache or cache[pid].version != versions.get(pid, 0)}
    stale |= _shipments_that_matter(s, list(logs), cache, stale)
    if stale:
        fresh = _shortfall_groups(s, shop_id, sorted(stale))
        for pid in stale:
            row = cache.get(pid)
            if row is None:
                row = AllocationCache(product_id=pid)
                s.add(row)
                cache[pid] = row
            groups, boundary = fresh.get(pid, ([], None))
            row.version, row.groups, row.boundary = versions.get(pid, 0), groups, boundary
    if logs:
        s.execute(delete(StockLog).where(StockLog.id <= max(r.id for r in logs)))
    if stale or logs:
        s.flush()
    return [g for pid in pids if pid in cache for g in cache[pid].groups]


def _shipments_that_matter(s: Session, logs: list[Any], cache: dict[int, Any],
                           stale: set[int]) -> set[int]:
    """Products whose logged changes may move an allocation: anything but shipments of
    orders at or before the cached stock boundary (not short), with on hand down by
    exactly their units. Shipping such an order leaves every other order's outcome as
    it was (``inventory.shortfalls``: stock is spent in priority order before any
    batch), so the cached result still holds."""
    by_pid: dict[int, list[Any]] = defaultdict(list)
    for r in logs:
        if r.product_id not in stale:
            by_pid[r.product_id].append(r)
    out: set[int] = set()
    keys: dict[int, tuple[Any, ...]] = {}
    shipped = [r.order_id for rows in by_pid.values() for r in rows if r.kind == "ship"]
    if shipped:
        keys = {row[2]: tuple(row[:3]) for row in OQ.demand_keys(s, shipped)}
    for pid, rows in by_pid.items():
        c = cache.get(pid)
        b = c.boundary if c is not None else None
        ships = [r for r in rows if r.kind == "ship"]
        delta = sum(r.qty for r in rows if r.kind == "on_hand")
        if b is None or delta != -sum(r.qty for r in ships):
            out.add(pid)
            continue
        limit = tuple(b["key"])
        short = set(b.get("short", ()))
        for r in ships:
            key = keys.get(r.order_id)
            if key is None or r.order_id in short or _later(key, limit):
                out.add(pid)
                break
    return out


def _later(key: tuple[Any, ...], limit: tuple[Any, ...]) -> bool:
    """Is a demand's priority key after the boundary's? (times as ISO text)"""
    return (_text(key[0]), _text(key[1]), int(key[2])) > \
        (_text(limit[0]), _text(limit[1]), int(limit[2]))


def _text(t: Any) -> str:
    """A sort key's time as text that sorts as the time (no time: after every time)."""
    if t is None or t == OQ.NO_TIME_TEXT or t == datetime.max:  # noqa: DTZ901
        return "~"
    return t.isoformat(" ") if isinstance(t, datetime) else str(t)


def _shortfall_groups(s: Session, shop_id: int, product_ids: list[int]
                      ) -> dict[int, tuple[list[dict[str, Any]], dict[str, Any] | None]]:
    """Per product, its short or late orders grouped by (campaign, platform, currency):
    ``allocate``'s answer by its fast path (``inventory.shortfalls``)."""
    on_hand = dict(s.execute(select(Product.id, Product.on_hand).where(
        Product.shop_id == shop_id, Product.id.in_(product_ids))).all())
    arrivals: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for pid, expected, left in s.execute(
            select(SupplyBatch.product_id, SupplyBatch.expected,
                   SupplyBatch.qty - SupplyBatch.received)
            .where(SupplyBatch.qty > SupplyBatch.received,
                   SupplyBatch.product_id.in_(product_ids))
            .order_by(SupplyBatch.expected, SupplyBatch.id)).all():
        arrivals[pid].append((expected, int(left)))
    demand: dict[int, list[Any]] = defaultdict(list)
    for r in OQ.open_demand_facts(s, product_ids):
        demand[r[3]].append(r)
    out: dict[int, tuple[list[dict[str, Any]], dict[str, Any] | None]] = {}
    for pid, rows in demand.items():
        acc: dict[tuple[int | None, str, str], list[Any]] = {}
        prefix: list[int] = []
        found = inv.shortfalls(int(on_hand.get(pid, 0)), arrivals[pid],
                               [(no_time(r[0]), None, r[4]) for r in rows], prefix)
        last = prefix[0] if prefix else -1
        boundary = None if last < 0 else {
            "key": [_text(rows[last][0]), _text(rows[last][1]), rows[last][2]],
            "short": [rows[i][2] for i, _l in found if i < last]}
        for i, _late in found:
            r = rows[i]
            g = acc.setdefault((r[5], r[6], r[7]), [0, 0, None, []])
            g[0] += 1
            g[1] += int(r[8])
            dl = no_time(r[0])
            if dl is not None and (g[2] is None or dl < g[2]):
                g[2] = dl
            g[3].append(r[2])
        out[pid] = ([{"campaign_id": cid, "platform": platform, "currency": cur,
                      "orders": n, "paid": paid, "deadline": _iso(dl),
                      "ids": sorted(ids)[:1000]}
                     for (cid, platform, cur), (n, paid, dl, ids) in acc.items()], boundary)
    return out


def no_time(t: Any) -> Any:
    """None for the sort key that stands for "no time"."""
    return None if t == OQ.NO_TIME_TEXT or t == datetime.max else t  # noqa: DTZ901


def _iso(t: datetime | str | None) -> str | None:
    """A naive UTC time (datetime or SQLite text) as ISO text with its zone."""
    if t is None:
        return None
    when = t if isinstance(t, datetime) else datetime.fromisoformat(t)
    return when.replace(tzinfo=UTC).isoformat()


def blind_box_demand(s: Session) -> dict[str, int]:
    """Per pool SKU: the units the open blind-box orders will take — each drawn unit
    exactly, each box not drawn yet by its pool's weight shares (rounded up per SKU)."""
    import math

    from ..blind_box import PoolEntry, expected_units
    from ..store.models import CampaignItem
    from ..store.queries import OPEN_DEMAND_VALUES

    exact: dict[str, int] = {}
    expected: dict[str, Decimal] = {}
    pools = dict(s.execute(select(CampaignItem.id, CampaignItem.pool)
                           .where(CampaignItem.pool.is_not(None))).all())
    if not pools:
        return {}
    rows = s.execute(
        select(Order.drawn, func.sum(Order.qty), func.count(Order.id), CampaignItem.id)
        .join(CampaignItem, (CampaignItem.campaign_id == Order.campaign_id)
              & (CampaignItem.sku == Order.sku))
        .where(CampaignItem.id.in_(list(pools)), Order.status.in_(OPEN_DEMAND_VALUES))
        .group_by(Order.drawn, CampaignItem.id)).all()
    for drawn, qty, lines, item_id in rows:
        pool = pools[item_id]
        if drawn:  # the same draw on ``lines`` order lines
            for sku in drawn.split(","):
                exact[sku] = exact.get(sku, 0) + int(lines)
            continue
        entries = [PoolEntry(e["sku"], Decimal(str(e["weight"]))) for e in pool or ()]
        for sku, units in expected_units(entries, int(qty)).items():
            expected[sku] = expected.get(sku, Decimal(0)) + units
    out = dict(exact)
    for sku, units in expected.items():
        out[sku] = out.get(sku, 0) + math.ceil(units)
    return out


def order_info(s: Session, ids: Iterable[int]) -> dict[int, Any]:
    """What the planning views say about a few orders (by id)."""
    return {r.id: r for r in OQ.rows_by_ids(s, list(ids), _INFO)}


def aware(t: datetime | None) -> datetime | None:
    return t.replace(tzinfo=UTC) if t is not None and t.tzinfo is None else t


def late_ids(result: inv.AllocationResult) -> dict[int, inv.Shortage]:
    return {sh.order_id: sh for sh in result.short}


def paid_minor(r: Any) -> int:
    """What an open order's buyer has paid, from its payment times (minor units)."""
    if r.kind == "deposit":
        return ((r.deposit if r.deposit_paid_at is not None else 0)
                + (r.balance if r.paid_at is not None else 0))
    return int(r.total) if r.paid_at is not None else 0


def add_penalty(totals: dict[str, PenaltyTotal], amount: Decimal, currency: str
                ) -> None:
    t = totals.get(currency)
    totals[currency] = PenaltyTotal(currency, (t.late_orders if t else 0) + 1,
                                    (t.penalty if t else ZERO) + amount)
