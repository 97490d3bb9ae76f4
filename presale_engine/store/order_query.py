"""The order desk's reads: any column sorted in SQL, keyset pages, ordered ids, a change token.

A sort is a list of *segments*, each one index walk: a plain column is one segment
ordered by ``(column, id)``; a column that may be empty is two (the rows that have a
value, then the empty ones by id: empty sorts last either way); an order state is one
segment per state in lifecycle order, each ``status = s`` by id. A keyset cursor is
(segment, value, id), so the page after row 900,000 costs what the first page costs
(no OFFSET), and the last page is the first page of the reversed sort.

``ordered_ids`` streams the whole result's ids in order (the GUI's scroll bar is the
whole result; a row anywhere is then one primary-key lookup away).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    func,
    literal,
    literal_column,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.orm import Session

from ..errors import InputError
from ..orders import PROGRESS, Kind, Status
from .models import Audit, Order, OrderEvent, StockMove, SupplyBatch
from .queries import OrderFilter, effective_statuses, order_select

# Order states in lifecycle order (then the closed ones), for the state column's sort.
STATUS_ORDER: tuple[str, ...] = tuple(
    s.value for s in sorted(Status, key=lambda s: (PROGRESS[s], list(Status).index(s))))
KIND_ORDER: tuple[str, ...] = (Kind.DEPOSIT.value, Kind.FULL.value, Kind.NORMAL.value)


@dataclass(frozen=True)
class SortKey:
    """How one sortable column sorts: a column, whether it may be empty, or a fixed
    order of values (states, kinds)."""

    column: Any
    nullable: bool = False
    values: tuple[str, ...] | None = None
    # "" counts as empty too (carrier, tracking number, recipient are "" until known)
    blank_is_empty: bool = False


SORT_KEYS: dict[str, SortKey] = {
    "id": SortKey(Order.id),
    "order_no": SortKey(Order.order_no),
    "platform": SortKey(Order.platform),
    "campaign": SortKey(Order.campaign_id, nullable=True),
    "sku": SortKey(Order.sku),
    "kind": SortKey(Order.kind, values=KIND_ORDER),
    "status": SortKey(Order.status, values=STATUS_ORDER),
    "qty": SortKey(Order.qty),
    "unit_price": SortKey(Order.unit_price),
    "total": SortKey(Order.total),
    "deposit": SortKey(Order.deposit),
    "balance": SortKey(Order.balance),
    "buyer": SortKey(Order.buyer),
    "recipient": SortKey(Order.recipient, blank_is_empty=True),
    "ordered_at": SortKey(Order.ordered_at),
    "deposit_paid_at": SortKey(Order.deposit_paid_at, nullable=True),
    "paid_at": SortKey(Order.paid_at, nullable=True),
    "ship_deadline": SortKey(Order.ship_deadline, nullable=True),
    "shipped_at": SortKey(Order.shipped_at, nullable=True),
    "carrier": SortKey(Order.carrier, blank_is_empty=True),
    "tracking_no": SortKey(Order.tracking_no, blank_is_empty=True),
    "flags": SortKey(Order.flags, blank_is_empty=True),
    "tags": SortKey(Order.tags, blank_is_empty=True),
    "updated_at": SortKey(Order.updated_at),
}


SORT_COLUMN_TYPES = {k.column.key: k.column.type for k in SORT_KEYS.values()}


@dataclass(frozen=True)
class Segment:
    """One index walk of a sort: rows matching ``where``, by ``(column, id)`` or by id."""

    where: ColumnElement[bool] | None
    column: Any | None
    desc: bool
    name: str = ""  # the column's attribute (the cursor's value is read from it)
    plain: bool = False  # ``+column``: see ``segments``


@dataclass(frozen=True)
class Cursor:
    """Where a keyset page ends: segment number, the sort value and the id of its last row."""

    segment: int
    value: Any
    id: int


def segments(key: str, desc: bool = False, *, plain: bool = False) -> list[Segment]:
    """The segments of sorting by ``key``; empty values last in both directions.

    ``plain`` (SQLite, a selective filter): the sort column is written ``+column``, the
    same value hidden from the planner, so SQLite sorts the few rows the filter's own
    indexes find instead of walking the sort column's index and filtering a million
    entries through (a search's first page: 1.2 s → a few ms).
    """
    try:
        k = SORT_KEYS[key]
    except KeyError:
        raise InputError(f"orders cannot be sorted by '{key}' "
                         f"(one of {', '.join(SORT_KEYS)})") from None
    name = k.column.key
    col = _plus(k.column) if plain else k.column

    def seg(where: Any, column: Any) -> Segment:
        return Segment(where, column, desc, name, plain)

    if k.values is not None:
        vals = reversed(k.values) if desc else k.values
        return [seg(col == v, None) for v in vals]
    if k.nullable:
        return [seg(col.is_not(None), col), seg(col.is_(None), None)]
    if k.blank_is_empty:
        return [seg(col != "", col), seg(col == "", None)]
    if k.column is Order.id:
        return [seg(None, None)]
    return [seg(None, col)]


def _plus(col: Any) -> Any:
    return literal_column(f"+{col.table.name}.{col.name}", type_=col.type)


def _reversed(segs: Sequence[Segment]) -> list[Segment]:
    return [Segment(s.where, s.column, not s.desc, s.name, s.plain) for s in reversed(segs)]


def _order_by(seg: Segment) -> list[Any]:
    oid = _plus(Order.__table__.c.id) if seg.plain else Order.id
    cols = [seg.column, oid] if seg.column is not None else [oid]
    return [c.desc() if seg.desc else c.asc() for c in cols]


def _selective(s: Session, f: OrderFilter) -> bool:
    """A filter that matches few orders through indexes of its own (search, ids, import
    flags: a partial index of the few flagged orders)."""
    return s.get_bind().dialect.name == "sqlite" and bool(
        (f.search or "").strip() or f.ids or f.flags or f.flagged)


# Sorts with a (status, column) index: with several states, each state's rows come in
# order from that index and the pages are merged here (SQLite walks one range of an
# index at a time; over an IN list it would walk the whole column index instead, 1.1 s
# for "deposit paid or awaiting balance" by deadline on a million orders).
_BY_STATE = frozenset({"ship_deadline"})


def _merge(parts: list[list[Any]], seg: Segment, limit: int) -> list[Any]:
    import heapq

    if seg.column is None:
        def key(r: Any) -> Any:
            return r.id
    else:
        def key(r: Any) -> Any:
            return (getattr(r, seg.name), r.id)
    return list(heapq.merge(*parts, key=key, reverse=seg.desc))[:limit]


def _after(seg: Segment, cur: Cursor) -> ColumnElement[bool]:
    if seg.column is None:
        return Order.id < cur.id if seg.desc else Order.id > cur.id
    left = tuple_(seg.column, Order.id)
    right = tuple_(literal(cur.value, type_=SORT_COLUMN_TYPES[seg.name]), literal(cur.id))
    return left < right if seg.desc else left > right


def _value(seg: Segment, row: Any) -> Any:
    return getattr(row, seg.name) if seg.column is not None else None


def page(s: Session, f: OrderFilter, now: datetime, key: str, *, desc: bool = False,
         after: Cursor | None = None, limit: int = 200, reverse: bool = False,
         columns: Sequence[Any] | None = None) -> tuple[list[Any], Cursor | None]:
    """Up to ``limit`` orders after ``after`` in the sort (ORM rows, or ``columns``).

    ``reverse`` walks from the end (the rows come back in display order, last row last;
    its cursor continues towards the start). Returns the rows and the cursor after the
    last one (None when the result is exhausted).
    """
    segs = segments(key, desc, plain=_selective(s, f))
    if reverse:
        segs = _reversed(segs)
    base = order_select(f, now)
    if columns is not None:
        base = base.with_only_columns(*columns)
    out: list[Any] = []
    cursor: Cursor | None = None
    eff = effective_statuses(f)
    states = eff if key in _BY_STATE and len(eff) > 1 and not _selective(s, f) else None
    start = after.segment if after is not None else 0
    for n in range(start, len(segs)):
        seg = segs[n]
        stmt: Select[Any] = base
        if seg.where is not None:
            stmt = stmt.where(seg.where)
        if after is not None and n == after.segment:
            stmt = stmt.where(_after(seg, after))
        want = limit - len(out)
        if states is not None:
            parts = []
            for st in states:
                one = stmt.where(Order.status == st).order_by(*_order_by(seg)).limit(want)
                r1 = s.execute(one)
                parts.append(list(r1.scalars() if columns is None else r1.all()))
            rows = _merge(parts, seg, want)
        else:
            res = s.execute(stmt.order_by(*_order_by(seg)).limit(want))
            rows = list(res.scalars() if columns is None else res.all())
        out.extend(rows)
        if rows:
            last = rows[-1]
            cursor = Cursor(n, _value(seg, last), last.id)
        if len(out) >= limit:
            break
    else:
        cursor = None
    if reverse:
        out.reverse()
    return out, cursor


def ordered_ids(s: Session, f: OrderFilter, now: datetime, key: str, *, desc: bool = False,
                batch: int = 50_000) -> Iterator[list[int]]:
    """Every matching order id in sort order, ``batch`` at a time (one cursor per segment,
    streamed: memory holds one batch)."""
    base = order_select(f, now).with_only_columns(Order.id)
    sqlite = s.get_bind().dialect.name == "sqlite"
    for seg in segments(key, desc, plain=_selective(s, f)):
        stmt = base if seg.where is None else base.where(seg.where)
        stmt = stmt.order_by(*_order_by(seg))
        if sqlite:
            # Straight from the driver: plain ints need no processing, and skipping
            # SQLAlchemy's row objects makes a million ids 3x faster.
            cur = s.connection().execute(stmt).cursor
            while rows := cur.fetchmany(batch):
                yield [r[0] for r in rows]
            continue
        res = s.execute(stmt, execution_options={"yield_per": batch})
        for part in res.partitions(batch):
            yield [r[0] for r in part]


def rows_by_ids(s: Session, ids: Sequence[int], columns: Sequence[Any] | None = None
                ) -> list[Any]:
    """The orders with these ids, in the order given (missing ones are left out)."""
    if not ids:
        return []
    stmt = select(Order) if columns is None else select(*columns)
    found: dict[int, Any] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        res = s.execute(stmt.where(Order.id.in_(chunk)))
        for r in (res.scalars() if columns is None else res.all()):
            found[r.id] = r
    return [found[i] for i in ids if i in found]


def change_token(s: Session) -> tuple[Any, ...]:
    """A cheap fingerprint of what the order desk shows: it changes when any order,
    its history, stock or a supply batch changes (each term one index lookup)."""
    # One max() per query: SQLite answers a lone max() from the index end, two at once
    # by a scan (65 ms on a million orders).
    return tuple(str(s.execute(select(func.max(c))).scalar_one())
                 for c in (Order.id, Order.updated_at, OrderEvent.id, StockMove.id,
                           SupplyBatch.id, Audit.id))


def demand_due_by_hour(s: Session, product_ids: Sequence[int] | None = None
                       ) -> list[tuple[datetime | None, int]]:
    """(UTC hour of the ship deadline or None, units) of the open demand (paid orders
    not shipped), optionally of some products. Grouped by UTC hour in SQL, folded into
    local days by the caller (``queries.campaign_orders_by_time`` does the same)."""
    from datetime import UTC

    from .queries import OPEN_DEMAND_VALUES

    col = Order.ship_deadline
    if s.get_bind().dialect.name == "sqlite":
        bucket: Any = func.strftime("%Y-%m-%d %H", col)
    else:
        bucket = func.to_char(col, "YYYY-MM-DD HH24")
    stmt = (select(bucket, func.coalesce(func.sum(Order.qty), 0))
            .where(Order.status.in_(OPEN_DEMAND_VALUES), Order.product_id.is_not(None)))
    if product_ids is not None:
        stmt = stmt.where(Order.product_id.in_(list(product_ids)))
    out: list[tuple[datetime | None, int]] = []
    for b, q in s.execute(stmt.group_by(bucket)).all():
        when = None if b is None else datetime.strptime(b, "%Y-%m-%d %H").replace(tzinfo=UTC)
        out.append((when, int(q)))
    return out


def ledger(s: Session, product_id: int) -> list[Any]:
    """The stock moves of one product, oldest first."""
    return list(s.execute(select(StockMove).where(StockMove.product_id == product_id)
                          .order_by(StockMove.at, StockMove.id)).scalars())


def open_demand(s: Session, product_ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """(id, product_id, qty, ship_deadline, paid, reserved) of every order owed stock
    (paid, not shipped) of these products; ``paid`` is the completing payment or else
    the deposit's time; times naive UTC.

    The allocation reads hundreds of thousands of these: SQLite's text times are parsed
    with ``datetime.fromisoformat`` (C) rather than per-row SQLAlchemy processing, and
    the rows come straight from the driver (about 3x faster on 320k orders).
    """
    from .queries import OPEN_DEMAND_VALUES

    paid = func.coalesce(Order.paid_at, Order.deposit_paid_at)
    sqlite = s.get_bind().dialect.name == "sqlite"
    if sqlite:
        times: list[Any] = [type_coerce(Order.ship_deadline, String), type_coerce(paid, String)]
    else:
        times = [Order.ship_deadline, type_coerce(paid, Order.paid_at.type)]
    stmt = (select(Order.id, Order.product_id, Order.qty, *times, Order.reserved)
            .where(Order.status.in_(OPEN_DEMAND_VALUES),
                   Order.product_id.in_(list(product_ids))))
    res = s.connection().execute(stmt)
    if sqlite:
        parse = datetime.fromisoformat
        return [(i, pid, qty, parse(dl) if dl is not None else None,
                 parse(pd) if pd is not None else None, reserved)
                for i, pid, qty, dl, pd, reserved in res.cursor.fetchall()]
    return [(i, pid, qty, dl.replace(tzinfo=None) if dl is not None else None,
             pd.replace(tzinfo=None) if pd is not None else None, reserved)
            for i, pid, qty, dl, pd, reserved in res.all()]


def demand_keys(s: Session, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """(ship_deadline, paid, id) of these orders as ``open_demand_facts`` gives them:
    their allocation priority keys."""
    from sqlalchemy import DateTime

    sqlite = s.get_bind().dialect.name == "sqlite"
    as_raw: Any = String if sqlite else DateTime()
    paid = func.coalesce(Order.paid_at, Order.deposit_paid_at)
    out: list[tuple[Any, ...]] = []
    for i in range(0, len(ids), 500):
        res = s.connection().execute(
            select(type_coerce(Order.ship_deadline, as_raw), type_coerce(paid, as_raw),
                   Order.id).where(Order.id.in_(list(ids[i:i + 500]))))
        out += [tuple(r) for r in res.all()]
    return out


def open_demand_facts(s: Session, product_ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """(ship_deadline, paid, id, product_id, qty, campaign_id, platform, currency, paid
    minor units) of every order owed stock of these products, sorted by allocation
    priority (earliest deadline, then payment, then id; none last: a time missing is
    given as the greatest one, ``NO_TIME_TEXT`` or ``datetime.max``).

    Times stay as the driver gives them, naive UTC (SQLite's text sorts as its times
    do), and the rows come straight from the driver, sorted as plain tuples: the risk
    evaluation reads hundreds of thousands of these per product change.
    """
    from sqlalchemy import DateTime, case, literal

    from .queries import OPEN_DEMAND_VALUES

    sqlite = s.get_bind().dialect.name == "sqlite"
    as_raw: Any = String if sqlite else DateTime()
    last: Any = literal(NO_TIME_TEXT) if sqlite else literal(datetime.max, DateTime())  # noqa: DTZ901
    paid = func.coalesce(Order.paid_at, Order.deposit_paid_at)
    got = case((Order.paid_at.is_not(None), 1), else_=0)
    paid_minor = case(
        (Order.kind == "deposit",
         case((Order.deposit_paid_at.is_not(None), Order.deposit), else_=0)
         + got * Order.balance),
        else_=got * Order.total)
    stmt = (select(type_coerce(func.coalesce(Order.ship_deadline, last), as_raw),
                   type_coerce(func.coalesce(paid, last), as_raw),
                   Order.id, Order.product_id, Order.qty, Order.campaign_id, Order.platform,
                   Order.currency, paid_minor)
            .where(Order.status.in_(OPEN_DEMAND_VALUES),
                   Order.product_id.in_(list(product_ids))))
    res = s.connection().execute(stmt)
    rows: list[tuple[Any, ...]] = list(res.cursor.fetchall()) if sqlite else \
        [tuple(r) for r in res.all()]
    rows.sort()
    return rows


NO_TIME_TEXT = "~"  # sorts after every SQLite time text
