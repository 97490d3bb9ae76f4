"""Order use cases: place, pay, ship, cancel... each one transaction with a history row."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import orders as odom
from ..errors import InputError, NotFound
from ..money import from_minor, to_minor
from ..pricing import quote
from ..store import queries as Q
from ..store.models import Campaign, Order, OrderEvent, Payment, Product, StockMove
from .base import Part
from .campaigns import campaign_from_row, campaign_items, campaign_row
from .views import HistoryEntry, OrderView


def order_view(o: Order, now: datetime) -> OrderView:
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
        tracking_no=o.tracking_no)


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
