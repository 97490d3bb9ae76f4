"""Bulk actions on orders: one event applied to many orders in ONE transaction.

Each order goes through the same state machine as a single transition
(``orders.next_status``): the orders it refuses are listed with a reason code (the GUI
and the CLI render it from the message catalogue, ``orders.po``) and the rest go
through. The effects are those of ``OrdersPart.transition`` (shipment time, carrier and
tracking number, stock leaving the ledger, reservations released, the refund and the
double-deposit penalty a closing state implies), written with a handful of
``executemany`` statements so 10,000 orders take well under the 5 s goal
(docs/BENCHMARKS.md). ``dry_run`` computes exactly the same and writes nothing.

Money: ``refund_total`` is what goes back to buyers (a seller cancel of a deposit order:
everything paid plus the deposit once more, Civil Code art. 587, within the 20 % cap of
art. 586); ``forfeited_total`` is the deposits the seller keeps. Totals are per currency.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from .. import orders as odom
from ..errors import InputError, PresaleError
from ..money import ZERO, fmt, from_minor, to_minor
from ..store.models import Order, OrderEvent, Payment, Product, StockMove
from ..store.queries import OrderFilter, order_select
from .order_desk import join_tags, paid_amounts, split_tags

E, S = odom.Event, odom.Status

# State-machine events a seller may apply to many orders at once, and the two
# annotations (they change no state).
BULK_EVENTS: tuple[str, ...] = ("ship", "complete", "seller_cancel", "buyer_cancel",
                                "balance_lapse", "refund", "note", "tag")
ANNOTATIONS = frozenset({"note", "tag"})
_CHUNK = 500


@dataclass(frozen=True)
class BulkRefusal:
    id: int
    order_no: str
    reason: str  # a code: orders.po holds its zh/en text
    status: str = ""
    currency: str = ""
    event: str = ""

    def params(self) -> dict[str, Any]:
        """The params of the reason's text (``messages.render(reason, params, lang)``)."""
        from ..messages import Term

        return {"status": Term("order_status", self.status),
                "event": Term("order_event", self.event)}

    def text(self, lang: str = "en") -> str:
        from ..messages import render

        return render(self.reason, self.params(), lang)


@dataclass
class BulkTotals:
    """The money of one currency's orders in a bulk action."""

    currency: str
    applied: int = 0
    refund_total: Decimal = ZERO
    forfeited_total: Decimal = ZERO
    refused: list[BulkRefusal] = field(default_factory=list)

    def as_contract(self) -> dict[str, Any]:
        """The ``presale order bulk --json`` object of this currency."""
        return {"applied": self.applied,
                "refused": [{"id": r.id, "order_no": r.order_no, "reason": r.reason}
                            for r in self.refused],
                "refund_total": fmt(self.refund_total, self.currency),
                "forfeited_total": fmt(self.forfeited_total, self.currency),
                "currency": self.currency}


@dataclass
class BulkResult:
    event: str
    dry_run: bool
    totals: list[BulkTotals]  # one per currency, the shop's first
    applied_ids: list[int] = field(default_factory=list)
    unmatched_tracking: list[str] = field(default_factory=list)  # sheet rows for no order

    @property
    def applied(self) -> int:
        return sum(t.applied for t in self.totals)

    @property
    def refused(self) -> list[BulkRefusal]:
        return [r for t in self.totals for r in t.refused]

    def as_contract(self) -> dict[str, Any] | list[dict[str, Any]]:
        """One object, or a list of them when the orders are in several currencies."""
        if len(self.totals) == 1:
            return self.totals[0].as_contract()
        return [t.as_contract() for t in self.totals]


def refusal_reason(kind: str, status: str, event: str) -> str:
    """Why the state machine refuses ``event`` for an order in ``status`` (a code)."""
    st = odom.Status(status)
    if st in (S.SHIPPED, S.COMPLETED) and event != "complete":
        return "already_shipped"
    if st in odom.CLOSED:
        return "already_closed"
    if event == "ship":
        return "not_paid_yet"
    if event == "complete":
        return "not_shipped_yet"
    if event == "refund":
        return "not_paid_yet"
    if event == "balance_lapse":
        if kind != odom.Kind.DEPOSIT.value:
            return "not_a_deposit_order"
        if st is S.BALANCE_PAID:
            return "balance_already_paid"
        return "deposit_not_paid"
    return "not_allowed_now"


def target_ids(s: Session, now: datetime, ids: Collection[int] | None,
               flt: OrderFilter | None) -> list[int]:
    """The orders a bulk action is about: ``ids`` (restricted by ``flt`` when given both),
    or every order ``flt`` matches, in id order."""
    if ids is None and flt is None:
        raise InputError("a bulk action needs orders: ids or a filter")
    if ids is None:
        stmt = order_select(flt or OrderFilter(), now).with_only_columns(Order.id)
        return [int(i) for i in s.execute(stmt.order_by(Order.id)).scalars()]
    wanted = list(dict.fromkeys(int(i) for i in ids))
    if flt is None:
        return wanted
    keep: set[int] = set()
    base = order_select(flt, now).with_only_columns(Order.id)
    for i in range(0, len(wanted), _CHUNK):
        keep.update(s.execute(base.where(Order.id.in_(wanted[i:i + _CHUNK]))).scalars())
    return [i for i in wanted if i in keep]


_COLS = (Order.id, Order.order_no, Order.platform, Order.kind, Order.status, Order.currency,
         Order.qty, Order.unit_price, Order.product_id, Order.reserved, Order.note,
         Order.tags, Order.carrier, Order.tracking_no)


def _load(s: Session, ids: Sequence[int]) -> dict[int, Any]:
    out: dict[int, Any] = {}
    for i in range(0, len(ids), _CHUNK):
        for r in s.execute(select(*_COLS).where(Order.id.in_(ids[i:i + _CHUNK]))).all():
            out[r.id] = r
    return out


def _payments(s: Session, ids: Sequence[int]) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {}
    for i in range(0, len(ids), _CHUNK):
        rows = s.execute(select(Payment.order_id, Payment.kind, func.sum(Payment.amount))
                         .where(Payment.order_id.in_(ids[i:i + _CHUNK]), Payment.amount > 0)
                         .group_by(Payment.order_id, Payment.kind)).all()
        for oid, kind, amount in rows:
            out.setdefault(int(oid), {})[kind] = int(amount or 0)
    return out


class _Writes:
    """What a bulk action will write, gathered first and written in a few statements."""

    def __init__(self) -> None:
        self.orders: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.payments: list[dict[str, Any]] = []
        self.moves: list[dict[str, Any]] = []
        self.stock: dict[int, int] = {}

    def flush(self, s: Session, now: datetime) -> None:
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in self.orders:
            groups.setdefault(tuple(sorted(k for k in row if k != "b_id")), []).append(row)
        for cols, rows in groups.items():
            stmt = (update(Order).where(Order.id == bindparam("b_id"))
                    .values({c[2:]: bindparam(c) for c in cols}))
            s.connection().execute(stmt, rows)
        for table, rows in ((OrderEvent, self.events), (Payment, self.payments),
                            (StockMove, self.moves)):
            if rows:
                s.execute(insert(table), rows)
        for pid, delta in sorted(self.stock.items()):
            s.execute(update(Product).where(Product.id == pid)
                      .values(on_hand=Product.on_hand + delta, updated_at=now))


def run(s: Session, *, event: str, ids: Sequence[int], now: datetime, actor: str,
        shop_currency: str, carrier: str = "", tracking: Mapping[str, str] | None = None,
        note: str = "", tag: str = "", seller_fault: bool = False,
        dry_run: bool = False) -> BulkResult:
    """Apply ``event`` to the orders ``ids`` inside the caller's transaction."""
    if event not in BULK_EVENTS:
        raise InputError(f"'{event}' is not a bulk action (one of {', '.join(BULK_EVENTS)})")
    if event == "note" and not note.strip():
        raise InputError("a note needs some text")
    if event == "tag" and not split_tags(tag):
        raise InputError("a tag needs a name")
    rows = _load(s, ids)
    closing = event not in ANNOTATIONS and event not in ("ship", "complete")
    paid = _payments(s, list(rows)) if closing else {}
    totals: dict[str, BulkTotals] = {shop_currency: BulkTotals(shop_currency)}
    w = _Writes()
    out = BulkResult(event, dry_run, [])
    track = {k.strip(): v.strip() for k, v in (tracking or {}).items() if v.strip()}
    seen_nos: set[str] = set()

    def refuse(oid: int, order_no: str, reason: str, status: str, cur: str) -> None:
        t = totals.setdefault(cur, BulkTotals(cur))
        t.refused.append(BulkRefusal(oid, order_no, reason, status, cur, event))

    for oid in ids:
        r = rows.get(oid)
        if r is None:
            refuse(oid, "", "order_not_found", "", shop_currency)
            continue
        cur = r.currency
        seen_nos.add(r.order_no)
        if event in ANNOTATIONS:
            text = note.strip() if event == "note" else ",".join(split_tags(tag))
            upd: dict[str, Any] = {"b_id": oid, "b_updated_at": now}
            if event == "note":
                upd["b_note"] = f"{r.note}\n{text}" if r.note else text
            else:
                upd["b_tags"] = join_tags([*split_tags(r.tags), *split_tags(tag)])
            w.orders.append(upd)
            w.events.append({"order_id": oid, "event": event, "from_status": r.status,
                             "to_status": r.status, "at": now, "actor": actor,
                             "reason": text})
            totals.setdefault(cur, BulkTotals(cur)).applied += 1
            out.applied_ids.append(oid)
            continue
        try:
            new = odom.next_status(r.kind, r.status, event)
        except PresaleError:
            refuse(oid, r.order_no, refusal_reason(r.kind, r.status, event), r.status, cur)
            continue
        upd = {"b_id": oid, "b_status": new.value, "b_updated_at": now}
        t = totals.setdefault(cur, BulkTotals(cur))
        if event == "ship":
            tn = track.get(r.order_no) if tracking is not None else None
            if tracking is not None and not tn:
                refuse(oid, r.order_no, "no_tracking_number", r.status, cur)
                continue
            upd.update(b_shipped_at=now, b_reserved=0, b_carrier=carrier or r.carrier,
                       b_tracking_no=tn or r.tracking_no)
            if r.product_id is not None:
                w.stock[r.product_id] = w.stock.get(r.product_id, 0) - r.qty
                w.moves.append({"product_id": r.product_id, "delta": -r.qty,
                                "reason": "ship", "ref": f"{r.platform}:{r.order_no}",
                                "at": now, "actor": actor})
        elif new in odom.CLOSED:
            upd["b_reserved"] = 0
            dep, rest = paid_amounts(r.kind, paid.get(oid, {}))
            o = odom.outcome(kind=r.kind, status=new,
                             unit_price=from_minor(r.unit_price, cur), qty=r.qty,
                             deposit_paid=from_minor(dep, cur),
                             balance_paid=from_minor(rest, cur), seller_fault=seller_fault,
                             currency=cur)
            refund = o.refund_to_buyer - o.double_refund_extra
            if refund > 0:
                w.payments.append({"order_id": oid, "kind": "refund",
                                   "amount": -to_minor(refund, cur), "at": now})
            if o.double_refund_extra > 0:
                w.payments.append({"order_id": oid, "kind": "penalty",
                                   "amount": -to_minor(o.double_refund_extra, cur), "at": now})
            t.refund_total += o.refund_to_buyer
            t.forfeited_total += o.forfeited_deposit
        w.orders.append(upd)
        w.events.append({"order_id": oid, "event": event, "from_status": r.status,
                         "to_status": new.value, "at": now, "actor": actor,
                         "reason": note.strip()})
        t.applied += 1
        out.applied_ids.append(oid)
    if tracking is not None:
        out.unmatched_tracking = sorted(set(track) - seen_nos)
    out.totals = [totals[shop_currency], *(totals[c] for c in sorted(totals)
                                           if c != shop_currency)]
    if len(out.totals) > 1 and not out.totals[0].applied and not out.totals[0].refused:
        out.totals = out.totals[1:]  # no order in the shop's currency: leave it out
    if not dry_run:
        w.flush(s, now)
    return out


def chunks(values: Iterable[int], size: int = _CHUNK) -> Iterable[list[int]]:
    batch: list[int] = []
    for v in values:
        batch.append(v)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
