"""Products, stock ledger, supply batches and allocation use cases."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select, update

from .. import inventory as inv
from ..errors import Conflict, InputError, NotFound
from ..money import from_minor, to_minor
from ..platforms import PLATFORMS
from ..store import queries as Q
from ..store.models import CampaignItem, Order, Product, StockMove, SupplyBatch
from .base import Part
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
