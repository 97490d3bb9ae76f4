"""Every write leaves a trace (audit, order history or stock ledger); a failing use case
leaves nothing half-written."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from presale_engine.errors import CampaignInvalid
from presale_engine.store.models import (
    Audit,
    Campaign,
    CampaignItem,
    Order,
    OrderEvent,
    Payment,
    Product,
    Shop,
    StockMove,
)

from .conftest import DOUYIN, JD, TIKTOK, count, sh


def test_audit_log_has_an_entry_for_each_write(svc: Any, sample: Any) -> None:
    svc.shop.update(name="星河优品", timezone="Asia/Shanghai", currency="cny")
    svc.shop.set_rule_override("douyin", {"ship_days_max": 25})
    svc.shop.update_settings(require_approval=True)
    svc.stock.add_product("EAR-STAR-01", "Earrings", on_hand=5)
    svc.stock.adjust("EAR-STAR-01", 2, reason="found", ref="count 7")
    cid = svc.campaigns.create(sample(JD))
    svc.campaigns.update(cid, sample(JD) | {"name": "Earrings v2"})
    svc.campaigns.submit(cid)
    svc.campaigns.reject(cid, "too long a wait")
    svc.campaigns.submit(cid)
    svc.campaigns.approve(cid)
    other = svc.campaigns.create(sample(TIKTOK))
    svc.campaigns.cancel(other, "no stock")
    copy = svc.campaigns.duplicate(cid, shift_days=365)
    batch = svc.stock.add_supply("EAR-STAR-01", 10, date(2026, 12, 1))
    svc.stock.receive_supply(batch.id, 4)
    svc.stock.allocate(apply=True)

    log = list(reversed(svc.shop.audit_log()))  # oldest first
    assert [(a["action"], a["entity"], a["entity_id"]) for a in log] == [
        ("shop.update", "shop", svc.shop.get().id),
        ("shop.rules", "shop", svc.shop.get().id),
        ("shop.settings", "shop", svc.shop.get().id),
        ("product.add", "product", svc.stock.products()[0].id),
        ("stock.adjust", "product", svc.stock.products()[0].id),
        ("campaign.create", "campaign", cid),
        ("campaign.update", "campaign", cid),
        ("campaign.submit", "campaign", cid),
        ("campaign.reject", "campaign", cid),
        ("campaign.submit", "campaign", cid),
        ("campaign.approve", "campaign", cid),
        ("campaign.create", "campaign", other),
        ("campaign.cancel", "campaign", other),
        ("campaign.create", "campaign", copy),
        ("supply.add", "supply_batch", batch.id),
        ("supply.receive", "supply_batch", batch.id),
        ("stock.allocate", "shop", svc.shop.get().id),
    ]
    assert {a["actor"] for a in log} == {"test"}
    assert {a["at"] for a in log} == {svc.now().isoformat()}
    assert log[0]["detail"]["before"]["name"] == "My shop"
    assert log[1]["detail"] == {"profile": "douyin", "overrides": {"ship_days_max": 25}}
    assert log[2]["detail"] == {"before": {}, "after": {"require_approval": True}}
    assert log[4]["detail"] == {"sku": "EAR-STAR-01", "delta": 2, "reason": "found",
                                "ref": "count 7"}
    assert log[5]["detail"]["warnings"] == ["ship_window_not_recommended", "cap_over_supply"]
    assert log[8]["detail"]["reason"] == "too long a wait"
    assert svc.shop.get().currency == "CNY"
    assert svc.shop.audit_log(limit=2) == list(reversed(log[-2:]))


def test_order_writes_are_kept_in_the_order_history(svc: Any, sample: Any) -> None:
    """Orders are traced per order (history with actor and reason), not in the audit."""
    cid = svc.campaigns.create(sample(DOUYIN))
    audit_before = count(svc, Audit)
    oid = svc.orders.place(cid, "YRF-001-BLK-M", at=sh("2026-10-21T10:00"))
    svc.orders.transition(oid, "pay_deposit", reason="paid on platform")
    assert [(h.event, h.actor, h.reason) for h in svc.orders.history(oid)] == [
        ("create", "test", ""), ("pay_deposit", "test", "paid on platform")]
    assert count(svc, Audit) == audit_before


def test_failed_validation_on_a_new_database_writes_nothing(svc: Any, sample: Any) -> None:
    bad = sample(DOUYIN)
    bad["items"][0]["deposit_value"] = "10.00"  # below the 50 paid: parses, fails checks
    with pytest.raises(CampaignInvalid):
        svc.campaigns.create(bad)
    # not even the shop row the use case makes on first use
    for model in (Shop, Campaign, CampaignItem, Audit):
        assert count(svc, model) == 0, model.__name__


def test_failure_after_rows_were_flushed_rolls_everything_back(
        svc: Any, sample: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    svc.campaigns.create(sample(TIKTOK))
    before = {m: count(svc, m) for m in (Campaign, CampaignItem, Audit)}

    def broken_audit(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    # the campaign row has been flushed (it has an id) and its items added when this runs
    monkeypatch.setattr(svc.campaigns, "_audit", broken_audit)
    with pytest.raises(RuntimeError, match="disk full"):
        svc.campaigns.create(sample(DOUYIN))
    monkeypatch.undo()
    assert {m: count(svc, m) for m in before} == before
    assert [r.platform for r in svc.campaigns.all()] == ["tiktok"]


def test_failed_shipment_leaves_order_stock_and_ledger_unchanged(
        svc: Any, sample: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    svc.stock.add_product("EAR-STAR-01", "Earrings", on_hand=5)
    cid = svc.campaigns.create(sample(JD))
    oid = svc.orders.place(cid, "EAR-STAR-01", 2, at=sh("2026-11-06T12:00"))
    svc.orders.transition(oid, "pay")
    snapshot = (svc.orders.get(oid), svc.orders.history(oid), svc.orders.payments(oid),
                svc.stock.moves("EAR-STAR-01"), svc.stock.overview())

    real_move = type(svc.orders)._move_stock

    def move_then_fail(self: Any, *args: Any, **kwargs: Any) -> None:
        real_move(self, *args, **kwargs)  # on hand changed, ledger row added...
        raise RuntimeError("printer on fire")  # ...then the use case fails

    monkeypatch.setattr(type(svc.orders), "_move_stock", move_then_fail)
    with pytest.raises(RuntimeError, match="printer on fire"):
        svc.orders.transition(oid, "ship", carrier="SF", tracking_no="SF1")
    monkeypatch.undo()
    assert (svc.orders.get(oid), svc.orders.history(oid), svc.orders.payments(oid),
            svc.stock.moves("EAR-STAR-01"), svc.stock.overview()) == snapshot
    assert svc.orders.get(oid).status == "paid"
    # and the same shipment works once the failure is gone
    assert svc.orders.transition(oid, "ship").status == "shipped"
    assert svc.stock.products()[0].on_hand == 3


def test_failed_settlement_writes_no_payment(svc: Any, sample: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    oid = svc.orders.place(cid, "YRF-001-BLK-M", at=sh("2026-10-21T10:00"))
    svc.orders.transition(oid, "pay_deposit")
    real_settle = type(svc.orders)._settle

    def settle_then_fail(self: Any, s: Any, *args: Any, **kwargs: Any) -> None:
        real_settle(self, s, *args, **kwargs)
        s.flush()  # the refund and penalty rows are in the database now
        raise RuntimeError("bank down")

    monkeypatch.setattr(type(svc.orders), "_settle", settle_then_fail)
    with pytest.raises(RuntimeError):
        svc.orders.transition(oid, "seller_cancel")
    monkeypatch.undo()
    assert svc.orders.get(oid).status == "deposit_paid"
    assert [p["kind"] for p in svc.orders.payments(oid)] == ["deposit"]
    assert count(svc, Payment) == 1
    assert count(svc, OrderEvent) == 2
    assert (count(svc, Order), count(svc, Product), count(svc, StockMove)) == (1, 0, 0)
