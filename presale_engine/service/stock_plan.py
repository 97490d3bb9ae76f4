"""Plain views of the inventory page's planning: positions with their short orders, the
demand-due and arriving-stock series, a supply delay's consequences, an allocation's
changes, the ledger with its running balance.

The reading helpers take an open session and return facts for ``inventory`` (pure) to
work on; ``StockPart`` (``stock.py``) holds the use cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import inventory as inv
from ..money import ZERO, fmt
from ..store import order_query as OQ
from ..store.models import Order, Product, SupplyBatch


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
