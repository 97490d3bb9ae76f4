"""Products, stock ledger, supply batches and allocation use cases."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .. import inventory as inv
from ..errors import Conflict, InputError, NotFound
from ..money import from_minor, to_minor
from ..platforms import PLATFORMS, known_profiles
from ..store import order_query as OQ
from ..store import queries as Q
from ..store.models import Campaign, CampaignItem, Order, Product, StockMove, SupplyBatch
from . import stock_plan as SP
from .base import Part
from .order_desk import late_penalty
from .stock_plan import DelayResult
from .views import ProductView, StockRow, SupplyView


def product_view(p: Product, currency: str) -> ProductView:
    return ProductView(
        id=p.id, sku=p.sku, name=p.name, variant=p.variant, platform=p.platform,
        location=p.location, on_hand=p.on_hand,
        cost=from_minor(p.cost, currency) if p.cost is not None else None,
        list_price=from_minor(p.list_price, currency) if p.list_price is not None else None,
        sales_30d=p.sales_30d)


class StockPart(Part):
    def add_product(self, sku: str, name: str, *, variant: str = "",
                    platform: str | None = None, on_hand: int = 0, location: str = "",
                    sales_30d: int | None = None, cost: Decimal | None = None,
                    list_price: Decimal | None = None) -> ProductView:
        sku = sku.strip()
        if not sku:
            raise InputError("a product needs a SKU code")
        if not name.strip():
            raise InputError("a product needs a name")
        if platform is not None and platform not in PLATFORMS:
            raise InputError(f"unknown platform '{platform}'")
        if on_hand < 0:
            raise InputError("stock on hand cannot be negative")
        if sales_30d is not None and sales_30d < 0:
            raise InputError("sales in the last 30 days cannot be negative")
        now = self.now()
        with self.db.session() as s:
            shop = self._shop(s)
            if Q.products_by_sku(s, shop.id, [sku]):
                raise Conflict(f"SKU '{sku}' already exists")
            cur = shop.currency
            p = Product(shop_id=shop.id, sku=sku, name=name.strip(), variant=variant,
                        platform=platform, location=location, on_hand=on_hand,
                        cost=to_minor(cost, cur) if cost is not None else None,
                        list_price=to_minor(list_price, cur) if list_price is not None else None,
                        sales_30d=sales_30d, updated_at=now)
            s.add(p)
            s.flush()
            if on_hand:
                s.add(StockMove(product_id=p.id, delta=on_hand, reason="count",
                                ref="initial", at=now, actor=self.actor))
            # Campaigns set up before the product existed now see it.
            s.execute(update(CampaignItem).where(CampaignItem.sku == sku,
                                                 CampaignItem.product_id.is_(None))
                      .values(product_id=p.id))
            s.execute(update(Order).where(Order.sku == sku, Order.shop_id == shop.id,
                                          Order.product_id.is_(None))
                      .values(product_id=p.id))
            self._audit(s, "product.add", "product", p.id, {"sku": sku})
            return product_view(p, cur)

    def products(self) -> list[ProductView]:
        with self.db.session() as s:
            shop = self._shop(s)
            rows = s.execute(select(Product).where(Product.shop_id == shop.id)
                             .order_by(Product.sku)).scalars()
            return [product_view(p, shop.currency) for p in rows]

    def _product(self, sku: str) -> tuple[int, str]:
        with self.db.session() as s:
            p = Q.products_by_sku(s, self._shop(s).id, [sku]).get(sku)
            if p is None:
                raise NotFound(f"there is no product with SKU '{sku}'")
            return p.id, p.sku

    def adjust(self, sku: str, delta: int, *, reason: str = "adjust",
                     ref: str = "") -> int:
        """Change on-hand stock with a ledger entry; returns the new on-hand."""
        pid, _ = self._product(sku)
        with self.db.session() as s:
            p = s.get(Product, pid)
            assert p is not None
            if p.on_hand + delta < 0:
                raise InputError(f"SKU '{sku}' has {p.on_hand} on hand; cannot remove {-delta}")
            p.on_hand += delta
            p.updated_at = self.now()
            s.add(StockMove(product_id=pid, delta=delta, reason=reason, ref=ref,
                            at=self.now(), actor=self.actor))
            self._audit(s, "stock.adjust", "product", pid,
                        {"sku": sku, "delta": delta, "reason": reason, "ref": ref})
            return p.on_hand

    def moves(self, sku: str) -> list[tuple[datetime, int, str, str]]:
        pid, _ = self._product(sku)
        with self.db.session() as s:
            rows = s.execute(select(StockMove).where(StockMove.product_id == pid)
                             .order_by(StockMove.id)).scalars()
            return [(m.at, m.delta, m.reason, m.ref) for m in rows]

    def overview(self) -> list[StockRow]:
        """Per SKU: on hand, reserved, committed (sold, not holding stock), incoming, ATP."""
        with self.db.session() as s:
            shop = self._shop(s)
            demand = Q.demand_by_product(s)
            incoming = Q.incoming_by_product(s)
            out = []
            for p in s.execute(select(Product).where(Product.shop_id == shop.id)
                               .order_by(Product.sku)).scalars():
                units, held = demand.get(p.id, (0, 0))
                pos = inv.StockPosition(p.sku, p.on_hand, held, units - held,
                                        incoming.get(p.id, 0))
                out.append(StockRow(p.sku, p.name, p.location, p.on_hand, pos.reserved,
                                    pos.committed, pos.incoming, pos.available))
            return out

    def add_supply(self, sku: str, qty: int, expected: date, *, supplier: str = "",
                   note: str = "") -> SupplyView:
        if qty <= 0:
            raise InputError("a supply batch needs a quantity above zero")
        pid, _ = self._product(sku)
        with self.db.session() as s:
            b = SupplyBatch(product_id=pid, qty=qty, received=0, expected=expected,
                            supplier=supplier, note=note, created_at=self.now())
            s.add(b)
            s.flush()
            self._audit(s, "supply.add", "supply_batch", b.id,
                        {"sku": sku, "qty": qty, "expected": expected.isoformat()})
            return SupplyView(b.id, sku, qty, 0, expected, supplier, note)

    def supply(self) -> list[SupplyView]:
        with self.db.session() as s:
            rows = s.execute(select(SupplyBatch, Product.sku).join(
                Product, Product.id == SupplyBatch.product_id)
                .order_by(SupplyBatch.expected, SupplyBatch.id)).all()
            return [SupplyView(b.id, sku, b.qty, b.received, b.expected, b.supplier, b.note)
                    for b, sku in rows]

    def receive_supply(self, batch_id: int, qty: int | None = None) -> SupplyView:
        """Book arrived units of a batch into stock on hand."""
        with self.db.session() as s:
            b = s.get(SupplyBatch, batch_id)
            if b is None:
                raise NotFound(f"there is no supply batch #{batch_id}")
            left = b.qty - b.received
            take = left if qty is None else qty
            if take <= 0 or take > left:
                raise InputError(f"batch #{batch_id} has {left} units still to receive")
            b.received += take
            p = s.get(Product, b.product_id)
            assert p is not None
            p.on_hand += take
            s.add(StockMove(product_id=p.id, delta=take, reason="receive",
                            ref=f"batch:{b.id}", at=self.now(), actor=self.actor))
            self._audit(s, "supply.receive", "supply_batch", b.id,
                        {"sku": p.sku, "qty": take})
            return SupplyView(b.id, p.sku, b.qty, b.received, b.expected, b.supplier, b.note)

    def allocate(self, *, apply: bool = False) -> inv.AllocationResult:
        """Hand stock and incoming supply to open orders by priority; name the short ones.

        With ``apply``, orders fully covered by stock on hand hold it (reserved) and the
        others release what they held, so the reservations follow the priority order.
        """
        with self.db.session() as s:
            shop = self._shop(s)
            prods = {p.id: p for p in s.execute(
                select(Product).where(Product.shop_id == shop.id)).scalars()}
            batches = [inv.Batch(b.id, prods[b.product_id].sku, b.qty - b.received, b.expected)
                       for b in s.execute(select(SupplyBatch).where(
                           SupplyBatch.qty > SupplyBatch.received)).scalars()
                       if b.product_id in prods]
            rows = s.execute(select(Order.id, Order.product_id, Order.qty, Order.ship_deadline,
                                    Order.paid_at, Order.deposit_paid_at, Order.reserved)
                             .where(Order.status.in_(Q.OPEN_DEMAND_VALUES),
                                    Order.product_id.is_not(None))).all()
            demands = [inv.Demand(oid, prods[pid].sku, qty, dl, paid or dep, res > 0)
                       for oid, pid, qty, dl, paid, dep, res in rows if pid in prods]
            result = inv.allocate({p.sku: p.on_hand for p in prods.values()}, batches,
                                  demands)
            if apply:
                from_stock: dict[int, int] = {}
                for a in result.allocations:
                    if a.source == "stock":
                        from_stock[a.order_id] = from_stock.get(a.order_id, 0) + a.qty
                need = {d.order_id: d.qty for d in demands}
                for d in demands:
                    want = need[d.order_id] if from_stock.get(d.order_id) == need[
                        d.order_id] else 0
                    if (d.reserved and want == 0) or (not d.reserved and want):
                        s.execute(update(Order).where(Order.id == d.order_id)
                                  .values(reserved=want))
                self._audit(s, "stock.allocate", "shop", shop.id,
                            {"short": len(result.short)})
            return result

    # ------------------------------------------------------------------ planning (issue 10)
    def update_supply(self, batch_id: int, *, qty: int | None = None,
                      supplier: str | None = None, note: str | None = None,
                      expected: date | None = None) -> SupplyView:
        """Change a batch's quantity, supplier, note (or date: ``delay_supply`` first
        shows what a later date costs)."""
        with self.db.session() as s:
            b = self._batch(s, batch_id)
            changed: dict[str, Any] = {}
            if qty is not None:
                if qty <= 0:
                    raise InputError("a supply batch needs a quantity above zero")
                if qty < b.received:
                    raise InputError(f"batch #{batch_id} has already received {b.received} "
                                     "units; the quantity cannot be lower")
                if qty != b.qty:
                    changed["qty"] = [b.qty, qty]
                    b.qty = qty
            if supplier is not None and supplier != b.supplier:
                changed["supplier"] = [b.supplier, supplier]
                b.supplier = supplier
            if note is not None and note != b.note:
                changed["note"] = [b.note, note]
                b.note = note
            if expected is not None and expected != b.expected:
                changed["expected"] = [b.expected.isoformat(), expected.isoformat()]
                b.expected = expected
            p = s.get(Product, b.product_id)
            assert p is not None
            if changed:
                self._audit(s, "supply.update", "supply_batch", b.id,
                            {"sku": p.sku, "changes": changed})
            return SupplyView(b.id, p.sku, b.qty, b.received, b.expected, b.supplier, b.note)

    def _batch(self, s: Session, batch_id: int) -> SupplyBatch:
        b = s.get(SupplyBatch, batch_id)
        if b is None:
            raise NotFound(f"there is no supply batch #{batch_id}")
        return b

    def delay_supply(self, batch_id: int, to: date, *, dry_run: bool = False) -> DelayResult:
        """Move a batch to ``to``: the orders that become late (covered only after their
        deadline, or no longer at all) and their penalty, per currency; saved unless
        ``dry_run``."""
        with self.db.session() as s:
            b = self._batch(s, batch_id)
            if b.received >= b.qty:
                raise Conflict(f"batch #{batch_id} has arrived in full; nothing to delay")
            shop = self._shop(s)
            facts = SP.allocation_inputs(s, shop.id, [b.product_id])
            sku = facts.products[b.product_id].sku
            on_hand = {p.sku: p.on_hand for p in facts.products.values()}
            before = SP.late_ids(inv.allocate(on_hand, facts.batches, facts.demands))
            moved = [inv.Batch(x.id, x.sku, x.qty, to) if x.id == b.id else x
                     for x in facts.batches]
            after = inv.allocate(on_hand, moved, facts.demands)
            camps = {c.id: c for c in s.execute(select(Campaign)).scalars()}
            res = SP.DelayResult(b.id, sku, b.expected, to, dry_run, shop.currency)
            totals: dict[str, SP.PenaltyTotal] = {}
            profiles: dict[str, Any] = {}
            newly = [sh for sh in after.short if sh.order_id not in before]
            info = SP.order_info(s, [sh.order_id for sh in newly])
            for sh in newly:
                r = info[sh.order_id]
                camp = camps.get(r.campaign_id) if r.campaign_id is not None else None
                code = (camp.profile or camp.platform) if camp is not None else r.platform
                if code not in profiles:
                    profiles[code] = self.svc.shop.profile(
                        code if code in known_profiles() else "other", s)
                amount, cur = late_penalty(profiles[code], from_minor(SP.paid_minor(r),
                                                                      r.currency), r.currency)
                res.late.append(SP.LateOrder(r.id, r.order_no, r.platform,
                                             SP.aware(sh.deadline), sh.available_on, amount,
                                             cur))
                SP.add_penalty(totals, amount, cur)
            res.late.sort(key=lambda x: (x.deadline is None, x.deadline, x.id))
            res.totals = [totals[c] for c in sorted(totals, key=lambda c: (c != shop.currency,
                                                                           c))]
            if not dry_run and to != b.expected:
                self._audit(s, "supply.delay", "supply_batch", b.id, {
                    "sku": sku, "from": b.expected.isoformat(), "to": to.isoformat(),
                    "late_orders": res.late_orders,
                    "penalty": [{"currency": t.currency, "amount": str(t.penalty)}
                                for t in res.totals]})
                b.expected = to
            return res

    def allocation_plan(self, *, apply: bool = False) -> SP.AllocationPlan:
        """What allocation (earliest deadline first) would change: orders that start
        holding stock on hand and orders that let go of it, and the orders left short or
        late; with ``apply`` the reservations are changed (``allocate(apply=True)``)."""
        with self.db.session() as s:
            shop = self._shop(s)
            facts = SP.allocation_inputs(s, shop.id)
            result = inv.allocate({p.sku: p.on_hand for p in facts.products.values()},
                                  facts.batches, facts.demands)
            from_stock: dict[int, int] = {}
            units = {"stock": 0, "batch": 0}
            for a in result.allocations:
                units[a.source] += a.qty
                if a.source == "stock":
                    from_stock[a.order_id] = from_stock.get(a.order_id, 0) + a.qty
            moved = [d for d in facts.demands
                     if (from_stock.get(d.order_id) == d.qty) != d.reserved]
            nos = {r.id: r.order_no for r in OQ.rows_by_ids(
                s, [d.order_id for d in moved], (Order.id, Order.order_no))}
            changes = [SP.AllocationChange(d.order_id, nos.get(d.order_id, ""), d.sku, d.qty,
                                           not d.reserved) for d in moved]
            changes.sort(key=lambda c: (c.sku, not c.reserve, c.order_id))
            if apply:
                for c in changes:
                    s.execute(update(Order).where(Order.id == c.order_id)
                              .values(reserved=c.qty if c.reserve else 0,
                                      updated_at=self.now()))
                self._audit(s, "stock.allocate", "shop", shop.id,
                            {"short": len(result.short), "reserve": sum(
                                c.reserve for c in changes),
                             "release": sum(not c.reserve for c in changes)})
            short = [inv.Shortage(x.order_id, x.sku, x.qty_short, SP.aware(x.deadline),
                                  x.late, x.available_on) for x in result.short]
            return SP.AllocationPlan(apply, units["stock"], units["batch"], changes, short)

    def positions(self) -> list[SP.SkuPosition]:
        """Per SKU: the position (``overview``), incoming by date, and the orders that
        stock and supply will not cover in time, from which deadline."""
        with self.db.session() as s:
            shop = self._shop(s)
            facts = SP.allocation_inputs(s, shop.id)
            result = inv.allocate({p.sku: p.on_hand for p in facts.products.values()},
                                  facts.batches, facts.demands)
            incoming: dict[str, dict[date, int]] = {}
            for bt in facts.batches:
                by_day = incoming.setdefault(bt.sku, {})
                by_day[bt.expected] = by_day.get(bt.expected, 0) + bt.qty
            short: dict[str, list[inv.Shortage]] = {}
            for sh in result.short:
                short.setdefault(sh.sku, []).append(sh)
            held: dict[str, tuple[int, int]] = {}
            for d in facts.demands:
                u, r = held.get(d.sku, (0, 0))
                held[d.sku] = (u + d.qty, r + (d.qty if d.reserved else 0))
            boxes = SP.blind_box_demand(s)
            out = []
            for p in sorted(facts.products.values(), key=lambda p: p.sku):
                units, res = held.get(p.sku, (0, 0))
                inc = sorted(incoming.get(p.sku, {}).items())
                pos = inv.StockPosition(p.sku, p.on_hand, res, units - res,
                                        sum(q for _, q in inc))
                mine = short.get(p.sku, [])
                dls = [x.deadline for x in mine if x.deadline is not None]
                box = boxes.get(p.sku, 0)
                out.append(SP.SkuPosition(
                    p.sku, p.name, p.variant, p.location, p.on_hand, pos.reserved,
                    pos.committed, pos.incoming, pos.available - box, inc,
                    sum(1 for x in mine if not x.late), sum(1 for x in mine if x.late),
                    SP.aware(min(dls)) if dls else None, box))
            return out

    def flow(self, sku: str | None = None, *, start: date | None = None,
             days: int = 30, campaign_id: int | None = None,
             shortfall: bool = False) -> SP.Flow:
        """Units due to ship per local day against units arriving per day (all SKUs,
        one, or the SKUs of campaign ``campaign_id``), from ``start`` (today) for
        ``days`` days; what is already overdue and what has no deadline yet are counted
        apart. With ``shortfall`` each day also says how many of its units stock and
        supply will not cover by their deadline (the allocation, earliest deadline
        first: a coming shortfall)."""
        with self.db.session() as s:
            shop = self._shop(s)
            tz = ZoneInfo(shop.timezone)
            today = self.now().astimezone(tz).date()
            first = start or today
            pids: list[int] | None = None
            if sku is not None:
                p = Q.products_by_sku(s, shop.id, [sku]).get(sku)
                if p is None:
                    raise NotFound(f"there is no product with SKU '{sku}'")
                pids = [p.id]
            elif campaign_id is not None:
                pids = [pid for pid in s.execute(select(CampaignItem.product_id).where(
                    CampaignItem.campaign_id == campaign_id)).scalars() if pid is not None]
            due: dict[date, int] = {}
            undated = overdue = 0
            now = self.now()
            for hour, units in OQ.demand_due_by_hour(s, pids):
                if hour is None:
                    undated += units
                    continue
                if hour + timedelta(hours=1) <= now:
                    overdue += units
                    continue
                day = hour.astimezone(tz).date()
                due[day] = due.get(day, 0) + units
            arriving: dict[date, int] = {}
            stmt = select(SupplyBatch.expected, SupplyBatch.qty - SupplyBatch.received).where(
                SupplyBatch.qty > SupplyBatch.received)
            if pids is not None:
                stmt = stmt.where(SupplyBatch.product_id.in_(pids))
            for day, q in s.execute(stmt).all():
                d = max(day, first)  # a batch already late still arrives: from today on
                arriving[d] = arriving.get(d, 0) + int(q)
            short: dict[date, int] = {}
            if shortfall:
                facts = SP.allocation_inputs(s, shop.id, pids)
                result = inv.allocate({p.sku: p.on_hand for p in facts.products.values()},
                                      facts.batches, facts.demands)
                qty = {d.order_id: d.qty for d in facts.demands}
                for x in result.short:  # an order ships whole: all its units wait
                    dl = SP.aware(x.deadline)
                    if dl is not None and dl > now:
                        d = dl.astimezone(tz).date()
                        short[d] = short.get(d, 0) + qty.get(x.order_id, x.qty_short)
            span = [first + timedelta(days=i) for i in range(days)]
            return SP.Flow(sku, [SP.FlowDay(d, due.get(d, 0), arriving.get(d, 0),
                                            short.get(d, 0)) for d in span],
                           undated, overdue)

    def ledger(self, sku: str) -> list[SP.LedgerEntry]:
        """The stock moves of one SKU with the on-hand balance after each (oldest first)."""
        pid, _ = self._product(sku)
        with self.db.session() as s:
            moves = OQ.ledger(s, pid)
            p = s.get(Product, pid)
            assert p is not None
            start = p.on_hand - sum(m.delta for m in moves)
            out = []
            bal = start
            for m in moves:
                bal += m.delta
                out.append(SP.LedgerEntry(m.id, m.at, m.delta, m.reason, m.ref, m.actor, bal))
            return out
