"""Stock, supply and demand per SKU: available-to-promise and allocation.

Pure functions over plain facts. ATP = on hand + incoming (by a date) - reserved -
committed. Allocation hands stock to orders in priority order (earliest ship deadline,
then earliest payment), first from stock on hand, then from supply batches as they
arrive, and names the orders that would ship late or not at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

_FAR_FUTURE = datetime.max  # noqa: DTZ901 - a sort key only, compared naive


@dataclass(frozen=True)
class Batch:
    """A supply batch (production run or purchase order) still to arrive."""

    id: int
    sku: str
    qty: int  # units still expected (ordered minus received)
    expected: date


@dataclass(frozen=True)
class Demand:
    """Units an order needs, with what decides its priority."""

    order_id: int
    sku: str
    qty: int
    deadline: datetime | None
    paid_at: datetime | None
    reserved: bool = False  # already holds stock (reserve_stock campaigns)


@dataclass(frozen=True)
class StockPosition:
    sku: str
    on_hand: int
    reserved: int
    committed: int
    incoming: int

    @property
    def available(self) -> int:
        """Available to promise with all known supply counted."""
        return self.on_hand + self.incoming - self.reserved - self.committed

    @property
    def free_on_hand(self) -> int:
        return self.on_hand - self.reserved


def atp_by_date(position: StockPosition, batches: Iterable[Batch],
                dates: Sequence[date]) -> list[tuple[date, int]]:
    """Available to promise on each date: stock plus supply expected by that date.

    Each batch counts once, from its expected date on; a date before any batch sees only
    the stock on hand.
    """
    mine = sorted((b for b in batches if b.sku == position.sku and b.qty > 0),
                  key=lambda b: b.expected)
    base = position.on_hand - position.reserved - position.committed
    out = []
    for d in sorted(dates):
        arrived = sum(b.qty for b in mine if b.expected <= d)
        out.append((d, base + arrived))
    return out


@dataclass(frozen=True)
class Allocation:
    order_id: int
    sku: str
    qty: int
    source: str  # "stock" or "batch"
    batch_id: int | None
    available_on: date | None  # when the last unit is there (None: on hand now)


@dataclass(frozen=True)
class Shortage:
    order_id: int
    sku: str
    qty_short: int  # units no known stock or supply covers
    deadline: datetime | None
    late: bool  # covered, but only by supply that arrives after the deadline
    available_on: date | None


@dataclass
class AllocationResult:
    allocations: list[Allocation] = field(default_factory=list)
    short: list[Shortage] = field(default_factory=list)

    @property
    def short_order_ids(self) -> list[int]:
        return [s.order_id for s in self.short]


def _instant(t: datetime | None) -> datetime:
    """A naive UTC time to sort by: aware times in different zones compare as instants."""
    if t is None:
        return _FAR_FUTURE
    if t.tzinfo is None:
        return t  # naive UTC already (the fast path a 300k-order allocation takes)
    if t.utcoffset() is not None:
        t = t.astimezone(UTC)
    return t.replace(tzinfo=None)


def priority(d: Demand) -> tuple[datetime, datetime, int]:
    """Earliest ship deadline first, then earliest payment, then order id (stable)."""
    return (_instant(d.deadline), _instant(d.paid_at), d.order_id)


@dataclass
class _Left:
    """What is still unallocated of one batch during an allocation run."""

    batch_id: int
    left: int
    expected: date


def allocate(on_hand: dict[str, int], batches: Iterable[Batch],
             demands: Iterable[Demand]) -> AllocationResult:
    """Assign stock on hand, then supply in arrival order, to demands by priority.

    A demand either gets all its units (possibly from several sources) or none and is
    reported short by what it lacks; a demand covered only by a batch arriving after its
    deadline is reported as late. ``deadline`` and ``paid_at`` must all be aware or all
    naive (UTC in practice).
    """
    stock = dict(on_hand)
    queues: dict[str, list[_Left]] = defaultdict(list)
    for b in sorted(batches, key=lambda b: (b.expected, b.id)):
        if b.qty > 0:
            queues[b.sku].append(_Left(b.id, b.qty, b.expected))
    res = AllocationResult()
    for d in sorted(demands, key=priority):
        queue = queues.get(d.sku, [])
        can_have = max(stock.get(d.sku, 0), 0) + sum(b.left for b in queue)
        if can_have < d.qty:
            # An order ships whole: units handed to an order that cannot be completed
            # would be stuck, so it takes nothing and later orders may still be covered.
            res.short.append(Shortage(d.order_id, d.sku, d.qty - can_have, d.deadline,
                                      False, None))
            continue
        need = d.qty
        from_stock = min(need, max(stock.get(d.sku, 0), 0))
        if from_stock:
            stock[d.sku] = stock.get(d.sku, 0) - from_stock
            need -= from_stock
            res.allocations.append(Allocation(d.order_id, d.sku, from_stock, "stock", None, None))
        last_day: date | None = None
        while need > 0:
            head = queue[0]
            take = min(need, head.left)
            need -= take
            head.left -= take
            last_day = head.expected
            res.allocations.append(
                Allocation(d.order_id, d.sku, take, "batch", head.batch_id, head.expected))
            if head.left == 0:
                queue.pop(0)
        if last_day is not None and d.deadline is not None and last_day > d.deadline.date():
            res.short.append(Shortage(d.order_id, d.sku, 0, d.deadline, True, last_day))
    return res


def day_of(t: datetime | str) -> date:
    """The date of a naive UTC time, given as a datetime or as SQLite's text."""
    return t.date() if isinstance(t, datetime) else date.fromisoformat(t[:10])


def shortfalls(on_hand: int, arrivals: Sequence[tuple[date, int]],
               demands: Sequence[tuple[Any, Any, int]],
               stock_prefix: list[int] | None = None) -> list[tuple[int, bool]]:
    """``allocate`` of one SKU, saying only which demands are short or late.

    ``arrivals``: (expected date, units) of its batches, in arrival order (ties by
    batch id); ``demands``: (deadline or None, payment or None, qty), already sorted by
    ``priority`` (times as naive UTC datetimes or text of one format). Returns (index in
    ``demands``, late) of each demand that is short (late False) or covered only by a
    batch arriving after its deadline (late True), exactly as ``allocate`` names them,
    without building an allocation per order: the risk evaluation asks this of hundreds
    of thousands of orders.

    ``stock_prefix`` (a list) receives the index of the last demand covered from stock
    alone: stock is spent before any batch, so those demands form a prefix (short ones
    among them excepted), and shipping one of them changes no other demand's outcome.
    """
    stock = max(on_hand, 0)
    batch_left = sum(q for _d, q in arrivals if q > 0)
    days = [d for d, q in arrivals if q > 0]
    ends: list[int] = []  # cumulative units of the batches, in arrival order
    run = 0
    for _d, q in arrivals:
        if q > 0:
            run += q
            ends.append(run)
    used = 0  # units taken from batches so far
    last_pure = -1
    k = 0  # the batch the next unit comes from
    out: list[tuple[int, bool]] = []
    for i, (deadline, _paid, qty) in enumerate(demands):
        if stock + batch_left < qty:
            out.append((i, False))
            continue
        from_stock = min(qty, stock)
        stock -= from_stock
        need = qty - from_stock
        if not need and not used and stock_prefix is not None:
            last_pure = i
        if need:
            used += need
            batch_left -= need
            while ends[k] < used:
                k += 1
            if deadline is not None and days[k] > day_of(deadline):
                out.append((i, True))
    if stock_prefix is not None:
        stock_prefix.append(last_pure)
    return out
