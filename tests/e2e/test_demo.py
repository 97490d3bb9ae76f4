"""`presale demo --orders 2000`: a shop with every state, price form and risk to show."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from presale_engine.cli import main
from presale_engine.orders import Status
from presale_engine.service import OrderFilter, Service, fixed_clock
from presale_engine.store import open_database
from presale_engine.store.models import Order, Payment

NOW = datetime(2026, 11, 22, 4, 0, tzinfo=UTC)
ORDERS = 2000

# What the demo claims (presale_engine/demo.py): orders in every state a seller meets.
EXPECTED_STATUSES = {
    "awaiting_deposit", "deposit_paid", "balance_paid", "paid", "shipped", "completed",
    "cancelled_by_buyer", "cancelled_by_seller", "refunded", "returned",
}


@pytest.fixture
def demo(db_url: str, capsys: pytest.CaptureFixture[str]) -> Iterator[tuple[Service, Any]]:
    code = main(["--db", db_url, "--now", NOW.isoformat(), "demo", "--orders", str(ORDERS),
                 "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    db = open_database(db_url)
    try:
        yield Service(db, clock=fixed_clock(NOW), actor="test"), json.loads(out)
    finally:
        db.dispose()


def test_demo_fills_every_state_price_form_and_risk(demo: tuple[Service, Any]) -> None:
    svc, report = demo
    assert report["orders"] == ORDERS
    assert (report["campaigns"], report["products"]) == (7, 11)
    assert svc.orders.count() == ORDERS

    with svc.db.session() as s:
        by_status = dict(s.execute(select(Order.status, func.count())
                                   .group_by(Order.status)).all())
        by_kind = dict(s.execute(select(Order.kind, func.count()).group_by(Order.kind)).all())
        payments = s.execute(select(func.count()).select_from(Payment)).scalar_one()
    assert set(by_status) <= {st.value for st in Status}
    assert set(by_status) >= EXPECTED_STATUSES, EXPECTED_STATUSES - set(by_status)
    assert by_status.get("awaiting_balance", 0) + by_status.get("balance_unpaid", 0) > 0
    assert set(by_kind) == {"deposit", "full", "normal"}
    assert by_kind["normal"] > 0
    assert payments == report["payments"] > ORDERS // 2

    overdue = svc.orders.count(OrderFilter(overdue=True))
    assert 0 < overdue < ORDERS
    assert all(o.overdue for o in svc.orders.find(OrderFilter(overdue=True), limit=50))
    assert svc.orders.count(OrderFilter(due_within_hours=48)) > 0

    batches = svc.stock.supply()
    assert len(batches) == report["supply_batches"] > 0
    alloc = svc.stock.allocate()
    assert any(s.late for s in alloc.short)  # the white jacket's run is behind

    # every price form is on some campaign
    camps = [svc.campaigns.get(r.id) for r in svc.campaigns.all()]
    items = [it.pricing for c in camps for it in c.campaign.items]
    assert any(p.tiers for p in items), "volume tiers"
    assert any(p.deposit is not None and p.deposit_value is not None
               and p.deposit_value > p.deposit for p in items), "deposit expansion"
    assert any(p.balance_discount > 0 for p in items), "balance discount"
    assert any(c.campaign.type == "full" for c in camps), "full payment"
    assert any(c.campaign.ship.mode == "fixed_date" for c in camps), "fixed date"
    assert {c.campaign.ship.mode for c in camps} == {"after_payment", "after_presale_end",
                                                     "fixed_date"}
    assert {c.campaign.platform for c in camps} >= {"taobao", "jd", "douyin", "tiktok"}
    assert {c.status for c in camps} == {"approved", "draft"}
    # the figures per campaign agree with the orders
    for r in svc.campaigns.all():
        assert r.orders == svc.orders.count(OrderFilter(campaign_id=r.id))


def test_demo_orders_are_consistent(demo: tuple[Service, Any]) -> None:
    svc, _ = demo
    for o in svc.orders.find(limit=None):
        if o.kind != "normal":  # full payment: deposit 0, balance = total
            assert o.total == o.deposit + o.balance
        if o.kind != "deposit":
            assert o.deposit == 0
        if o.status in ("paid", "balance_paid", "shipped", "completed", "returned"):
            assert o.paid_at is not None
            assert o.ship_deadline is not None
        if o.status in ("shipped", "completed", "returned"):
            assert o.shipped_at is not None
            assert o.shipped_at <= NOW
        if o.reserved:
            assert o.reserved == o.qty
            assert o.status in ("deposit_paid", "awaiting_balance", "balance_paid", "paid")
    # reservations never exceed the stock on hand
    for row in svc.stock.overview():
        assert row.reserved <= row.on_hand


def test_a_second_demo_into_the_same_database_is_refused(
        demo: tuple[Service, Any], db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    svc, _ = demo
    code = main(["--db", db_url, "demo", "--orders", "10"])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("presale: error: ")
    assert "already holds orders" in err
    assert "use a new database file" in err
    assert len(err.splitlines()) == 1
    assert svc.orders.count() == ORDERS
