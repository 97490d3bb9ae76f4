"""The tallies the triggers keep (store/tallies.py) equal a count of the orders as they
are, after every kind of write; the risk queries read the same figures from them as a
scan of the orders gives; a product's cached allocation is redone when it changes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, func, select, text, update

from presale_engine.service import OrderFilter
from presale_engine.store import risk_queries as RQ
from presale_engine.store import tallies as T
from presale_engine.store.models import AllocationCache, Order, Product, StockLog, SupplyBatch

NOW = datetime(2026, 11, 22, 4, 0, tzinfo=UTC)


def _rows(s: Any, sql: str) -> set[tuple[Any, ...]]:
    return {tuple(r) for r in s.execute(text(sql)).all()}


def assert_tallies_exact(svc: Any) -> None:
    dialect = svc.db.engine.dialect.name
    with svc.db.session() as s:
        for t in T.TALLIES:
            _delete, insert = t.rebuild(dialect)
            select_sql = insert[insert.index("SELECT"):]
            nkeys = len(t.keys)
            want = {r for r in _rows(s, select_sql) if any(r[nkeys:])}
            have = {r for r in _rows(s, f"SELECT * FROM {t.table}") if any(r[nkeys:])}
            assert have == want, t.table


def short_orders(svc: Any) -> int:
    return sum(a.order_count for a in svc.risk.evaluate() if a.code == "supply_shortfall")


@pytest.fixture
def demo(svc: Any) -> Any:
    from presale_engine.service.setup import generate_demo_shop

    generate_demo_shop(svc, orders=1500, seed=7)
    return svc


def test_the_tallies_follow_every_kind_of_write(demo: Any) -> None:
    svc = demo
    assert_tallies_exact(svc)  # filled by the demo's bulk inserts
    paid = [o.id for o in svc.orders.find(OrderFilter(statuses=["paid", "balance_paid"]),
                                          limit=40)]
    svc.orders.bulk("ship", ids=paid, carrier="SF")  # a bulk action
    assert_tallies_exact(svc)
    open_ = [o.id for o in svc.orders.find(OrderFilter(statuses=["deposit_paid"]), limit=5)]
    for oid in open_:  # single transitions
        svc.orders.transition(oid, "seller_cancel")
    assert_tallies_exact(svc)
    with svc.db.session() as s:  # raw SQL, moving orders between every key
        s.execute(update(Order).where(Order.id.in_(paid[:10])).values(
            sku="OTHER", platform="jd", campaign_id=None, product_id=None, qty=3,
            ordered_at=NOW - timedelta(days=3), ship_deadline=None))
        s.execute(update(Order).where(Order.id.in_(paid[10:20])).values(note="a note"))
        s.execute(delete(Order).where(Order.id.in_(paid[20:25])))
    assert_tallies_exact(svc)


def test_the_risk_figures_from_the_tallies_equal_a_scan_of_the_orders(demo: Any) -> None:
    svc = demo
    with svc.db.session() as s:
        for now in (NOW, NOW.replace(hour=0), NOW - timedelta(days=9, hours=7),
                    NOW + timedelta(days=20, minutes=1)):
            for days in (30, 1, 2):
                ordered, due = RQ.platform_rates(s, now, days)
                start = now - timedelta(days=days)
                assert ordered == [(r[0], *map(int, r[1:]))
                                   for r in sorted(RQ._ordered_between(s, start, now))]
                assert due == [(r[0], *map(int, r[1:]))
                               for r in sorted(RQ._due_between(s, start, now))]
        active = [cid for cid, v in RQ.campaign_profiles(s).items() if v[2] == RQ.ACTIVE]
        sold = RQ.units_by_campaign_sku(s, active)
        scan = {(int(c), str(k)): int(n) for c, k, n in s.execute(text(
            "SELECT campaign_id, sku, SUM(qty) FROM orders WHERE status NOT IN "
            "('awaiting_deposit', 'awaiting_payment') AND campaign_id IS NOT NULL "
            "GROUP BY campaign_id, sku")).all() if c in active}
        assert sold == scan
        assert sum(sold.values()) > 0


def test_a_products_allocation_is_redone_when_its_stock_changes(demo: Any) -> None:
    svc = demo
    svc.risk.evaluate()
    with svc.db.session() as s:
        cached = {c.product_id: (c.version, c.groups)
                  for c in s.execute(select(AllocationCache)).scalars()}
        pid = s.execute(select(Order.product_id).where(
            Order.status.in_(["paid", "balance_paid", "deposit_paid"]),
            Order.product_id.is_not(None)).group_by(Order.product_id)
            .order_by(func.count().desc(), Order.product_id).limit(1)).scalar_one()
        sku = s.get(Product, pid).sku
    assert cached, "every product's allocation is cached"
    before = short_orders(svc)
    with svc.db.session() as s:  # a write no service call made: the trigger still sees it
        s.execute(update(Product).where(Product.id == pid).values(on_hand=0))
        s.execute(update(SupplyBatch).where(SupplyBatch.product_id == pid).values(
            expected=(NOW + timedelta(days=90)).date()))
    after = short_orders(svc)
    with svc.db.session() as s:
        again = {c.product_id: (c.version, c.groups)
                 for c in s.execute(select(AllocationCache)).scalars()}
        s.execute(delete(AllocationCache))
    # its stock moved (a logged on-hand change, or a version moved by its supply)
    assert again[pid] != cached[pid]
    assert {p: v for p, v in again.items() if p != pid} == \
        {p: v for p, v in cached.items() if p != pid}
    assert sum(g["orders"] for g in again[pid][1]) > \
        sum(g["orders"] for g in cached[pid][1]), sku
    assert short_orders(svc) == after  # without the cache: the same
    assert after > before


def _fresh_shortfalls(svc: Any) -> int:
    with svc.db.session() as s:
        s.execute(delete(AllocationCache))
    return short_orders(svc)


def test_shipping_orders_stock_covered_keeps_the_cached_allocation(demo: Any) -> None:
    """Shipping orders that stock alone covered changes nobody's allocation: the cache
    stays (no product allocated again) and still equals a fresh allocation; any other
    change (a stock count) makes the product allocate again."""
    svc = demo
    short_orders(svc)
    with svc.db.session() as s:
        before = {c.product_id: (c.version, c.groups, c.boundary)
                  for c in s.execute(select(AllocationCache)).scalars()}
    assert any(b[2] is not None for b in before.values())
    # the earliest-deadline paid orders: covered from stock first
    ready = svc.orders.find(OrderFilter(statuses=["paid", "balance_paid"]), limit=30)
    svc.orders.bulk("ship", ids=[o.id for o in ready], carrier="SF")
    calls: list[list[int]] = []
    import presale_engine.service.stock_plan as SP

    real = SP._shortfall_groups

    def spy(s: Any, shop_id: int, pids: list[int]) -> Any:
        calls.append(list(pids))
        return real(s, shop_id, pids)

    SP._shortfall_groups = spy  # type: ignore[assignment]
    try:
        after = short_orders(svc)
    finally:
        SP._shortfall_groups = real  # type: ignore[assignment]
    with svc.db.session() as s:
        kept = {c.product_id: (c.version, c.groups, c.boundary)
                for c in s.execute(select(AllocationCache)).scalars()}
        assert s.execute(select(func.count()).select_from(StockLog)).scalar_one() == 0
    redone = set(calls[0]) if calls else set()
    assert {p for p in kept if kept[p] == before[p]} | redone == set(kept)
    assert len(redone) < len(kept)  # some products kept their cached allocation
    assert after == _fresh_shortfalls(svc)
    # a stock count is not a shipment: that product allocates again, and agrees
    pid, sku = next((p.id, p.sku) for p in svc.stock.products() if p.id in kept)
    svc.stock.adjust(sku, -5, reason="count")
    calls.clear()
    SP._shortfall_groups = spy  # type: ignore[assignment]
    try:
        again = short_orders(svc)
    finally:
        SP._shortfall_groups = real  # type: ignore[assignment]
    assert pid in calls[0]
    assert again == _fresh_shortfalls(svc)
