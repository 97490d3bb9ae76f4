"""Order use cases: place, pay, ship, cancel... each one transaction with a history row."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import orders as odom
from ..errors import InputError, NotFound
from ..money import ZERO, from_minor, to_minor
from ..platforms import known_profiles
from ..pricing import quote
from ..store import order_query as OQ
from ..store import queries as Q
from ..store.models import (
    Campaign,
    CampaignItem,
    Order,
    OrderEvent,
    Payment,
    Product,
    StockMove,
)
from ..store.models import SavedView as SavedViewRow
from ..store.order_query import Cursor
from . import order_bulk as OB
from .base import Part
from .campaigns import campaign_from_row, campaign_items, campaign_row
from .order_bulk import BulkResult
from .order_desk import (
    BUILTIN_VIEWS,
    DEFAULT_SORT,
    OrderDetail,
    OrderLine,
    OrderPage,
    PaymentLine,
    PriceBreakdown,
    SavedView,
    check_spec,
    join_tags,
    late_penalty,
    spec_filter,
    split_tags,
)
from .views import HistoryEntry, OrderView


def _paid_minor(o: Any) -> int:
    """Paid so far as the payment times say (the desk's "Paid" column)."""
    if o.kind == odom.Kind.DEPOSIT.value:
        return ((o.deposit if o.deposit_paid_at is not None else 0)
                + (o.balance if o.paid_at is not None else 0))
    return o.total if o.paid_at is not None else 0


def order_view(o: Any, now: datetime) -> OrderView:
    """The view of an order row (an ORM ``Order`` or a row of ``DESK_COLUMNS``)."""
    c = o.currency
    return OrderView(
        id=o.id, platform=o.platform, order_no=o.order_no, campaign_id=o.campaign_id,
        sku=o.sku, kind=o.kind, status=o.status, qty=o.qty, currency=c,
        unit_price=from_minor(o.unit_price, c), deposit=from_minor(o.deposit, c),
        balance=from_minor(o.balance, c), total=from_minor(o.total, c), buyer=o.buyer,
        ordered_at=o.ordered_at, deposit_paid_at=o.deposit_paid_at, paid_at=o.paid_at,
        ship_deadline=o.ship_deadline, shipped_at=o.shipped_at,
        overdue=odom.is_overdue(o.status, o.ship_deadline, now), reserved=o.reserved,
        flags=[f for f in o.flags.split(",") if f], carrier=o.carrier,
        tracking_no=o.tracking_no, recipient=o.recipient, note=o.note,
        tags=split_tags(o.tags), sub_order_no=o.sub_order_no,
        paid=from_minor(_paid_minor(o), c))


# What a table row needs (no ORM objects: a page of the desk is read as plain rows).
DESK_COLUMNS = tuple(Order.__table__.c[n] for n in (
    "id", "platform", "order_no", "sub_order_no", "campaign_id", "sku", "kind", "status",
    "qty", "currency", "unit_price", "deposit", "balance", "total", "buyer", "ordered_at",
    "deposit_paid_at", "paid_at", "ship_deadline", "shipped_at", "reserved", "flags",
    "carrier", "tracking_no", "recipient", "note", "tags", "updated_at"))


class OrdersPart(Part):
    def _order(self, s: Session, order_id: int) -> Order:
        o = s.get(Order, order_id)
        if o is None:
            raise NotFound(f"there is no order #{order_id}")
        return o

    def _free_stock(self, s: Session, product_id: int) -> int:
        on_hand = s.execute(select(Product.on_hand).where(Product.id == product_id)
                            ).scalar_one()
        held = s.execute(select(func.coalesce(func.sum(Order.reserved), 0)).where(
            Order.product_id == product_id,
            Order.status.in_(Q.OPEN_DEMAND_VALUES))).scalar_one()
        return int(on_hand) - int(held)

    def place(self, campaign_id: int, sku: str, qty: int = 1, *, buyer: str = "",
                    order_no: str | None = None, at: datetime | None = None) -> int:
        """Record a new presale order at the campaign's current price (awaiting payment).

        Orders are facts from the platform: a breach of the cap, the per-buyer limit or
        the window is flagged for the risk view, never refused.
        """
        if qty < 1:
            raise InputError("quantity must be at least 1")
        at = at or self.now()
        with self.db.session() as s:
            row = campaign_row(s, campaign_id)
            dom = campaign_from_row(row, campaign_items(s, campaign_id))
            try:
                item = dom.item(sku)
            except KeyError:
                raise NotFound(f"SKU '{sku}' is not in campaign #{campaign_id}") from None
            sold = Q.units_deposited(s, campaign_id)
            qt = quote(item.pricing, units_sold=sold, qty=qty)
            flags = []
            if item.cap is not None and Q.units_deposited(s, campaign_id, sku) + qty > item.cap:
                flags.append("over_cap")
            if dom.per_buyer_limit is not None and buyer:
                bought = s.execute(select(func.coalesce(func.sum(Order.qty), 0)).where(
                    Order.campaign_id == campaign_id, Order.buyer == buyer)).scalar_one()
                if int(bought) + qty > dom.per_buyer_limit:
                    flags.append("over_limit")
            win = dom.deposit_window if dom.type == "deposit" else dom.sale_window
            if win is not None and not win.start <= at <= win.end:
                flags.append("outside_window")
            if dom.audience == "members" and not Q.is_member(s, row.shop_id, row.platform,
                                                             buyer):
                flags.append("not_a_member")
            product = Q.products_by_sku(s, row.shop_id, [sku]).get(sku)
            kind = odom.Kind(dom.type)
            cur = dom.currency
            o = Order(
                shop_id=row.shop_id, platform=row.platform, campaign_id=campaign_id,
                order_no=order_no or "", product_id=product.id if product else None, sku=sku,
                kind=kind.value, status=odom.INITIAL[kind].value, qty=qty, currency=cur,
                unit_price=to_minor(qt.unit_price, cur),
                deposit=to_minor(qt.order_deposit, cur),
                balance=to_minor(qt.order_balance, cur), total=to_minor(qt.order_total, cur),
                buyer=buyer, ordered_at=at, flags=",".join(flags), updated_at=at,
            )
            s.add(o)
            s.flush()
            if not o.order_no:
                o.order_no = f"M{o.id:010d}"
            s.add(OrderEvent(order_id=o.id, event="create", from_status=None,
                             to_status=o.status, at=at, actor=self.actor, reason=""))
            return o.id

    def transition(self, order_id: int, event: str, *, reason: str = "",
                         at: datetime | None = None, carrier: str = "",
                         tracking_no: str = "", seller_fault: bool = False) -> OrderView:
        """Apply ``event`` to an order; an illegal event raises ``IllegalTransition``."""
        at = at or self.now()
        with self.db.session() as s:
            o = self._order(s, order_id)
            new = odom.next_status(o.kind, o.status, event)
            ev = odom.Event(event)
            before = o.status
            self._apply_effects(s, o, ev, new, at, carrier, tracking_no, seller_fault)
            o.status = new.value
            o.updated_at = at
            s.add(OrderEvent(order_id=o.id, event=ev.value, from_status=before,
                             to_status=new.value, at=at, actor=self.actor, reason=reason))
            s.flush()
            return order_view(o, self.now())

    def _apply_effects(self, s: Session, o: Order, ev: odom.Event, new: odom.Status,
                       at: datetime, carrier: str, tracking_no: str,
                       seller_fault: bool) -> None:
        E = odom.Event
        camp = s.get(Campaign, o.campaign_id) if o.campaign_id is not None else None
        if ev is E.PAY_DEPOSIT:
            o.deposit_paid_at = at
            s.add(Payment(order_id=o.id, kind="deposit", amount=o.deposit, at=at))
            self._maybe_reserve(s, o, camp)
        elif ev in (E.PAY_BALANCE, E.PAY):
            if ev is E.PAY_BALANCE and camp is not None:
                self._fix_tier_price(s, o, camp)
            amount = o.balance if ev is E.PAY_BALANCE else o.total
            s.add(Payment(order_id=o.id, kind="balance" if ev is E.PAY_BALANCE else "full",
                          amount=amount, at=at))
            o.paid_at = at
            if camp is not None:
                dom = campaign_from_row(camp, [])
                o.ship_deadline = odom.ship_deadline(
                    mode=dom.ship.mode, days=dom.ship.days, fixed=dom.ship.date, paid_at=at,
                    presale_end=dom.presale_end, tz=dom.tz)
            if ev is E.PAY:
                self._maybe_reserve(s, o, camp)
        elif ev is E.SHIP:
            o.shipped_at = at
            o.carrier = carrier or o.carrier
            o.tracking_no = tracking_no or o.tracking_no
            o.reserved = 0
            self._move_stock(s, o, -o.qty, "ship", at)
        elif new in odom.CLOSED:
            o.reserved = 0
            if ev is E.RETURN:
                self._move_stock(s, o, o.qty, "return", at)
            self._settle(s, o, new, at, seller_fault)

    def _maybe_reserve(self, s: Session, o: Order, camp: Campaign | None) -> None:
        if camp is None or camp.reservation != "reserve_stock" or o.product_id is None:
            return
        if o.reserved == 0 and self._free_stock(s, o.product_id) >= o.qty:
            o.reserved = o.qty

    def _fix_tier_price(self, s: Session, o: Order, camp: Campaign) -> None:
        """Volume tiers: P is fixed at the close of the deposit window for every order."""
        dom = campaign_from_row(camp, campaign_items(s, camp.id))
        try:
            item = dom.item(o.sku)
        except KeyError:
            return
        if not item.pricing.tiers:
            return
        qt = quote(item.pricing, units_sold=Q.units_deposited(s, camp.id), qty=o.qty)
        cur = o.currency
        o.unit_price = to_minor(qt.unit_price, cur)
        o.balance = to_minor(qt.order_balance, cur)
        o.total = to_minor(qt.order_total, cur)

    def _paid(self, s: Session, o: Order) -> tuple[Decimal, Decimal]:
        """(deposit paid, balance or full payment paid) from the payment records."""
        cur = o.currency
        paid = dict(s.execute(select(Payment.kind, func.sum(Payment.amount)).where(
            Payment.order_id == o.id, Payment.amount > 0).group_by(Payment.kind)).all())
        rest = int(paid.get("balance", 0)) + int(paid.get("full", 0))
        return from_minor(int(paid.get("deposit", 0)), cur), from_minor(rest, cur)

    def _outcome(self, s: Session, o: Order, status: odom.Status | str,
                 seller_fault: bool = False) -> odom.Outcome:
        deposit_paid, rest_paid = self._paid(s, o)
        return odom.outcome(kind=o.kind, status=status,
                            unit_price=from_minor(o.unit_price, o.currency), qty=o.qty,
                            deposit_paid=deposit_paid, balance_paid=rest_paid,
                            seller_fault=seller_fault, currency=o.currency)

    def _settle(self, s: Session, o: Order, new: odom.Status, at: datetime,
                seller_fault: bool) -> None:
        """Write the refund (and the double-deposit penalty) the closing state implies."""
        cur = o.currency
        out = self._outcome(s, o, new, seller_fault)
        refund = out.refund_to_buyer - out.double_refund_extra
        if refund > 0:
            s.add(Payment(order_id=o.id, kind="refund", amount=-to_minor(refund, cur), at=at))
        if out.double_refund_extra > 0:
            s.add(Payment(order_id=o.id, kind="penalty",
                          amount=-to_minor(out.double_refund_extra, cur), at=at))

    def _move_stock(self, s: Session, o: Order, delta: int, reason: str,
                    at: datetime) -> None:
        if o.product_id is None:
            return
        p = s.get(Product, o.product_id)
        assert p is not None
        p.on_hand += delta
        p.updated_at = at
        s.add(StockMove(product_id=p.id, delta=delta, reason=reason,
                        ref=f"{o.platform}:{o.order_no}", at=at, actor=self.actor))

    # ------------------------------------------------------------------ reading
    def find(self, f: Q.OrderFilter | None = None, *, limit: int | None = 200,
                    offset: int = 0) -> list[OrderView]:
        now = self.now()
        with self.db.session() as s:
            rows = Q.list_orders(s, f or Q.OrderFilter(), now, limit=limit, offset=offset)
            return [order_view(o, now) for o in rows]

    def count(self, f: Q.OrderFilter | None = None) -> int:
        with self.db.session() as s:
            return Q.count_orders(s, f or Q.OrderFilter(), self.now())

    def get(self, order_id: int) -> OrderView:
        with self.db.session() as s:
            return order_view(self._order(s, order_id), self.now())

    def history(self, order_id: int) -> list[HistoryEntry]:
        with self.db.session() as s:
            self._order(s, order_id)
            rows = s.execute(select(OrderEvent).where(OrderEvent.order_id == order_id)
                             .order_by(OrderEvent.id)).scalars()
            return [HistoryEntry(e.at, e.event, e.from_status, e.to_status, e.actor, e.reason)
                    for e in rows]

    def payments(self, order_id: int) -> list[dict[str, Any]]:
        with self.db.session() as s:
            o = self._order(s, order_id)
            rows = s.execute(select(Payment).where(Payment.order_id == order_id)
                             .order_by(Payment.id)).scalars()
            return [{"kind": p.kind, "amount": from_minor(p.amount, o.currency), "at": p.at}
                    for p in rows]

    def outcome(self, order_id: int) -> odom.Outcome:
        """What the seller keeps and refunds for this order in its current state."""
        with self.db.session() as s:
            o = self._order(s, order_id)
            return self._outcome(s, o, o.status)

    # ------------------------------------------------------------------ the order desk
    def page(self, f: Q.OrderFilter | None = None, *, sort: str = DEFAULT_SORT,
             desc: bool = False, after: Cursor | None = None, limit: int = 200,
             reverse: bool = False) -> OrderPage:
        """One keyset page of the orders ``f`` matches, sorted by ``sort`` in SQL.

        ``after`` is the cursor of the previous page; ``reverse`` reads from the end
        (the last ``limit`` rows, in display order). Empty values sort last.
        """
        now = self.now()
        with self.db.session() as s:
            rows, cur = OQ.page(s, f or Q.OrderFilter(), now, sort, desc=desc, after=after,
                                limit=limit, reverse=reverse, columns=DESK_COLUMNS)
            return OrderPage([order_view(r, now) for r in rows], cur)

    def ids(self, f: Q.OrderFilter | None = None, *, sort: str = DEFAULT_SORT,
            desc: bool = False, cancel: Callable[[], bool] | None = None,
            batch: int = 50_000) -> array[int]:
        """Every matching order id in sort order (8 bytes an order: 8 MB for a million).

        ``cancel()`` is asked between batches; when it says yes the ids read so far are
        returned (the caller has moved on and drops them).
        """
        out: array[int] = array("q")
        with self.db.session() as s:
            for part in OQ.ordered_ids(s, f or Q.OrderFilter(), self.now(), sort, desc=desc,
                                       batch=batch):
                out.extend(part)
                if cancel is not None and cancel():
                    break
        return out

    def rows(self, ids: Sequence[int]) -> list[OrderView]:
        """The table rows of these orders, in the order given (gone ones left out)."""
        now = self.now()
        with self.db.session() as s:
            return [order_view(r, now) for r in OQ.rows_by_ids(s, ids, DESK_COLUMNS)]

    def change_token(self) -> tuple[Any, ...]:
        """Changes whenever orders, their history, stock or supply change, whoever wrote
        (this process, an import, another program on the file, a teammate on the server):
        poll it and reload only when it moves."""
        with self.db.session() as s:
            return OQ.change_token(s)

    def detail(self, order_id: int) -> OrderDetail:
        """One order as the detail panel shows it: lines, price, payments, timeline."""
        now = self.now()
        with self.db.session() as s:
            o = self._order(s, order_id)
            cur = o.currency
            view = order_view(o, now)
            camp = s.get(Campaign, o.campaign_id) if o.campaign_id is not None else None
            item = None
            if camp is not None:
                item = s.execute(select(CampaignItem).where(
                    CampaignItem.campaign_id == camp.id, CampaignItem.sku == o.sku)
                ).scalar_one_or_none()
            products = {p.id: p for p in s.execute(select(Product).where(
                Product.shop_id == o.shop_id)).scalars()}
            prod = products.get(o.product_id) if o.product_id is not None else None
            siblings = s.execute(select(Order).where(
                Order.shop_id == o.shop_id, Order.platform == o.platform,
                Order.order_no == o.order_no).order_by(Order.id)).scalars().all()
            lines = [OrderLine(x.id, x.sub_order_no, x.sku,
                               products[x.product_id].name if x.product_id in products else "",
                               products[x.product_id].variant
                               if x.product_id in products else "",
                               x.qty, x.status, from_minor(x.total, cur)) for x in siblings]
            pays = [PaymentLine(p.kind, from_minor(p.amount, cur), p.at)
                    for p in s.execute(select(Payment).where(Payment.order_id == o.id)
                                       .order_by(Payment.at, Payment.id)).scalars()]
            paid = sum((p.amount for p in pays if p.amount > 0), ZERO)
            refunded = -sum((p.amount for p in pays if p.amount < 0), ZERO)
            out = self._outcome(s, o, o.status)

            def per_order(v: int | None) -> Decimal | None:
                return from_minor(v * o.qty, cur) if v is not None else None

            list_price = per_order(item.list_price) if item is not None else None
            if list_price is None and prod is not None and prod.list_price is not None:
                list_price = from_minor(prod.list_price * o.qty, cur)
            price = PriceBreakdown(
                currency=cur, qty=o.qty, unit_price=from_minor(o.unit_price, cur),
                list_price=list_price, deposit=from_minor(o.deposit, cur),
                deposit_value=(per_order(item.deposit_value)
                               if item is not None and o.kind == odom.Kind.DEPOSIT.value
                               else None),
                balance_discount=(per_order(item.balance_discount) or ZERO
                                  if item is not None and o.kind == odom.Kind.DEPOSIT.value
                                  else ZERO),
                balance=from_minor(o.balance, cur), total=from_minor(o.total, cur))
            hist = [HistoryEntry(e.at, e.event, e.from_status, e.to_status, e.actor, e.reason)
                    for e in s.execute(select(OrderEvent).where(OrderEvent.order_id == o.id)
                                       .order_by(OrderEvent.at, OrderEvent.id)).scalars()]
            code = camp.profile or camp.platform if camp is not None else o.platform
            penalty, pcur = late_penalty(self.svc.shop.profile(
                code if code in known_profiles() else "other", s), paid, cur)
            return OrderDetail(
                order=view, campaign=camp.name if camp is not None else None,
                product=prod.name if prod is not None else "",
                variant=prod.variant if prod is not None else "", lines=lines, price=price,
                payments=pays, paid=paid, refunded=refunded, seller_keeps=out.seller_keeps,
                forfeited_deposit=out.forfeited_deposit, recipient=o.recipient,
                phone=o.phone, address=o.address, timeline=hist, note=o.note,
                tags=split_tags(o.tags),
                next_events=[e.value for e in odom.allowed_events(odom.Kind(o.kind),
                                                                  odom.Status(o.status))],
                late_penalty=penalty, penalty_currency=pcur)

    def annotate(self, order_id: int, *, note: str | None = None,
                 tags: Sequence[str] | None = None) -> OrderView:
        """Replace an order's note and/or tags (the detail panel's edit); history row."""
        now = self.now()
        with self.db.session() as s:
            o = self._order(s, order_id)
            parts = []
            if note is not None and note != o.note:
                o.note = note
                parts.append("note")
            if tags is not None:
                joined = join_tags(list(tags))
                if joined != o.tags:
                    o.tags = joined
                    parts.append("tags")
            if parts:
                o.updated_at = now
                s.add(OrderEvent(order_id=o.id, event="note" if parts == ["note"] else "tag",
                                 from_status=o.status, to_status=o.status, at=now,
                                 actor=self.actor, reason=(o.note if parts == ["note"]
                                                           else o.tags)))
            return order_view(o, now)

    def bulk(self, event: str, *, ids: Sequence[int] | None = None,
             filter: Q.OrderFilter | None = None, carrier: str = "",
             tracking: Mapping[str, str] | None = None, note: str = "", tag: str = "",
             seller_fault: bool = False, dry_run: bool = False) -> BulkResult:
        """Apply ``event`` to many orders in ONE transaction (``order_bulk``).

        ``ids`` and/or ``filter`` say which orders ("all N matching" is the filter alone).
        ``tracking`` maps order numbers to tracking numbers (a sheet); with it, an order
        it does not list is refused (``no_tracking_number``). ``dry_run`` computes the
        same result and writes nothing. The orders the state machine refuses are listed
        with a reason code; the others go through.
        """
        now = self.now()
        with self.db.session() as s:
            shop = self._shop(s)
            targets = OB.target_ids(s, now, ids, filter)
            res = OB.run(s, event=event, ids=targets, now=now, actor=self.actor,
                         shop_currency=shop.currency, carrier=carrier.strip(),
                         tracking=tracking, note=note, tag=tag, seller_fault=seller_fault,
                         dry_run=dry_run)
            if not dry_run:
                self._audit(s, "orders.bulk", "shop", shop.id, {
                    "event": event, "applied": res.applied, "refused": len(res.refused),
                    "totals": [t.as_contract() | {"refused": len(t.refused)}
                               for t in res.totals]})
            return res

    # ------------------------------------------------------------------ saved views
    def views(self) -> list[SavedView]:
        """The built-in views, then the seller's own (by name)."""
        with self.db.session() as s:
            own = s.execute(select(SavedViewRow).order_by(SavedViewRow.name)).scalars()
            return [*BUILTIN_VIEWS, *(SavedView(v.id, "", v.name, dict(v.spec)) for v in own)]

    def save_view(self, name: str, spec: Mapping[str, Any]) -> SavedView:
        """Save (or replace) a named view: filter settings and sort (``check_spec``)."""
        name = name.strip()
        if not name:
            raise InputError("a view needs a name")
        if len(name) > 100:
            raise InputError("a view name has 100 characters at most")
        clean = check_spec(spec)
        with self.db.session() as s:
            row = s.execute(select(SavedViewRow).where(SavedViewRow.name == name)
                            ).scalar_one_or_none()
            if row is None:
                row = SavedViewRow(name=name, spec=clean, created_at=self.now())
                s.add(row)
            else:
                row.spec = clean
            s.flush()
            self._audit(s, "view.save", "saved_view", row.id, {"name": name, "spec": clean})
            return SavedView(row.id, "", name, clean)

    def delete_view(self, view_id: int) -> None:
        with self.db.session() as s:
            row = s.get(SavedViewRow, view_id)
            if row is None:
                raise NotFound(f"there is no saved view #{view_id}")
            s.delete(row)
            self._audit(s, "view.delete", "saved_view", view_id, {"name": row.name})

    def view_filter(self, spec: Mapping[str, Any]) -> tuple[Q.OrderFilter, str, bool]:
        """(filter, sort, descending) of a view spec, "today" in the shop's time zone."""
        return spec_filter(spec, self.now(), self.svc.shop.tz())
