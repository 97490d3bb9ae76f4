"""Risk alerts: scenarios built through the service, with the clock moved forward.

Each scenario checks that a code fires at the right moment with the right severity,
order count and money, clears when the cause is fixed, and does not fire on a healthy
shop. Thresholds and definitions: docs/RISK.md.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from presale_engine.errors import InputError, NotFound

from .conftest import DOUYIN, TIKTOK, la, sh

D = Decimal


def at(svc: Any, when: datetime) -> None:
    svc.clock = lambda: when


def by_code(svc: Any, **kw: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for a in svc.risk.evaluate(**kw):
        out.setdefault(a.code, []).append(a)
    return out


def tiktok_orders(svc: Any, sample: Any, n: int, paid: datetime, sku: str = "XMAS-BOX-01"
                  ) -> tuple[int, list[int]]:
    """A TikTok full-payment campaign (ship 15 days after payment) and n paid orders."""
    at(svc, paid)
    cid = svc.campaigns.create(sample(TIKTOK))
    ids = []
    for i in range(n):
        oid = svc.orders.place(cid, sku, buyer=f"b{i}", at=paid)
        svc.orders.transition(oid, "pay", at=paid)
        ids.append(oid)
    return cid, ids


def test_a_healthy_shop_has_no_alerts(svc: Any, sample: Any) -> None:
    at(svc, la("2026-11-05T10:00"))
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=100)
    svc.stock.add_product("XMAS-BOX-02", "Gift box gold", on_hand=100)
    svc.campaigns.create(sample(TIKTOK))
    svc.risk.record_health(rating=D("4.8"), bad_review_rate=D("0.01"))
    assert svc.risk.evaluate() == []
    assert svc.risk.alerts(include_resolved=True) == []


def test_a_supplier_delay_makes_40_tiktok_orders_late_320_usd(svc: Any, sample: Any) -> None:
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=0)
    svc.stock.add_product("XMAS-BOX-02", "Gift box gold", on_hand=0)
    cid, ids = tiktok_orders(svc, sample, 40, la("2026-11-10T10:00"))  # due 11-25
    batch = svc.stock.add_supply("XMAS-BOX-01", 40, date(2026, 11, 20), supplier="Factory")
    at(svc, la("2026-11-12T09:00"))
    assert "supply_shortfall" not in by_code(svc)  # the batch arrives in time
    delay = svc.stock.delay_supply(batch.id, date(2026, 12, 1))
    assert delay.late_orders == 40
    found = by_code(svc)["supply_shortfall"]
    assert len(found) == 1  # one alert per campaign, not one per order
    a = found[0]
    assert (a.severity, a.campaign_id, a.platform, a.order_count) == (
        "critical", cid, "tiktok", 40)
    assert (a.money_at_stake, a.currency) == (D("320.00"), "USD")
    assert "40" in a.message
    assert a.action
    shown = svc.orders.find(svc.risk.alert_filter(a.id), limit=None)
    assert {o.id for o in shown} == set(ids)
    # the supplier keeps the first date after all: the alert resolves by itself
    svc.stock.delay_supply(batch.id, date(2026, 11, 20))
    assert "supply_shortfall" not in by_code(svc)
    old = next(x for x in svc.risk.alerts(include_resolved=True)
               if x.code == "supply_shortfall")
    assert (old.state, old.resolved_at) == ("resolved", svc.now())


def test_due_soon_then_overdue_with_the_tiktok_penalty(svc: Any, sample: Any) -> None:
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=100)
    svc.stock.add_product("XMAS-BOX-02", "Gift box gold", on_hand=100)
    paid = la("2026-11-10T10:00")
    cid, ids = tiktok_orders(svc, sample, 5, paid)
    deadline = svc.orders.get(ids[0]).ship_deadline
    at(svc, deadline - timedelta(hours=60))
    assert "ship_due_soon" not in by_code(svc)
    at(svc, deadline - timedelta(hours=40))
    soon = by_code(svc)["ship_due_soon"][0]
    assert (soon.severity, soon.order_count, soon.money_at_stake, soon.currency) == (
        "warning", 5, D("40.00"), "USD")
    at(svc, deadline - timedelta(hours=20))
    assert by_code(svc)["ship_due_soon"][0].severity == "critical"
    at(svc, deadline + timedelta(hours=1))
    alerts = by_code(svc)
    assert "ship_due_soon" not in alerts
    over = alerts["ship_overdue"][0]
    assert (over.severity, over.campaign_id, over.order_count, over.money_at_stake) == (
        "critical", cid, 5, D("40.00"))
    assert len(svc.orders.find(svc.risk.alert_filter(over.id), limit=None)) == 5
    for oid in ids:
        svc.orders.transition(oid, "ship", carrier="UPS", tracking_no=f"T{oid}")
    assert "ship_overdue" not in by_code(svc)


def test_a_balance_window_closing_with_unpaid_balances(svc: Any, sample: Any) -> None:
    at(svc, sh("2026-10-25T10:00"))
    cid = svc.campaigns.create(sample(DOUYIN))
    ids = []
    for i in range(4):
        oid = svc.orders.place(cid, "YRF-001-BLK-M", buyer=f"b{i}", at=sh("2026-10-25T10:00"))
        svc.orders.transition(oid, "pay_deposit", at=sh("2026-10-25T10:05"))
        ids.append(oid)
    for oid in ids:
        svc.orders.transition(oid, "open_balance", at=sh("2026-11-01T00:00"))
    svc.orders.transition(ids[0], "pay_balance", at=sh("2026-11-01T10:00"))
    at(svc, sh("2026-11-02T12:00"))  # closes in 36 h: not yet
    assert "balance_unpaid_closing" not in by_code(svc)
    at(svc, sh("2026-11-03T12:00"))  # closes in 12 h
    a = by_code(svc)["balance_unpaid_closing"][0]
    assert (a.severity, a.campaign_id, a.order_count) == ("warning", cid, 3)
    assert (a.money_at_stake, a.currency) == (D("2187.00"), "CNY")  # 3 × (899-150-20)
    assert "2026-11-03 23:59" in a.message
    zh = svc.risk.alerts(lang="zh")
    assert "催付" in next(x for x in zh if x.code == "balance_unpaid_closing").action
    for oid in ids[1:]:
        svc.orders.transition(oid, "pay_balance", at=sh("2026-11-03T12:00"))
    assert "balance_unpaid_closing" not in by_code(svc)


def test_deposit_over_the_legal_cap_puts_the_refundable_excess_at_stake(
        svc: Any, sample: Any) -> None:
    defn = sample(DOUYIN)
    for it in defn["items"]:
        it["deposit"], it["deposit_value"] = "250.00", "300.00"
    at(svc, sh("2026-10-25T10:00"))
    cid = svc.campaigns.create(defn)
    for i in range(3):
        oid = svc.orders.place(cid, "YRF-001-BLK-M", buyer=f"b{i}")
        svc.orders.transition(oid, "pay_deposit")
    found = {a.sku: a for a in by_code(svc)["deposit_over_legal_cap"]}
    a = found["YRF-001-BLK-M"]
    # cap 20 % of 899.00 = 179.80; excess 70.20 per unit × 3 deposits paid
    assert (a.severity, a.money_at_stake, a.currency) == ("warning", D("210.60"), "CNY")
    assert found["YRF-001-BLK-L"].money_at_stake == D("0.00")
    assert "179.80" in a.message


def test_ship_window_codes_and_the_cap(svc: Any, sample: Any) -> None:
    svc.shop.set_rule_override("tiktok", {"ship_days_max": 10})  # tightened after saving
    at(svc, la("2026-11-05T10:00"))
    defn = sample(TIKTOK)
    defn["items"][0]["cap"] = 2
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=100)
    svc.shop.set_rule_override("tiktok", {})
    cid = svc.campaigns.create(defn)
    svc.shop.set_rule_override("tiktok", {"ship_days_max": 10})
    for i in range(3):
        oid = svc.orders.place(cid, "XMAS-BOX-01", buyer=f"b{i}")
        svc.orders.transition(oid, "pay")
    alerts = by_code(svc)
    assert alerts["ship_window_out_of_range"][0].severity == "critical"
    cap = alerts["cap_exceeded"][0]
    assert (cap.severity, cap.sku, cap.params["units"], cap.params["cap"]) == (
        "warning", "XMAS-BOX-01", 3, 2)


def test_shop_health_rating_and_bad_reviews(svc: Any, sample: Any) -> None:
    at(svc, la("2026-11-05T10:00"))
    svc.campaigns.create(sample(TIKTOK))
    svc.risk.record_health(rating=D("4.4"), bad_review_rate=D("0.025"))
    alerts = by_code(svc)
    assert (alerts["rating_low"][0].severity, alerts["rating_low"][0].platform) == (
        "critical", "tiktok")
    assert alerts["bad_review_rate_high"][0].severity == "warning"
    svc.risk.record_health(bad_review_rate=D("0.04"))
    alerts = by_code(svc)
    assert "rating_low" not in alerts  # the latest entry has no rating
    assert alerts["bad_review_rate_high"][0].severity == "critical"
    assert [h.rating for h in svc.risk.health_history()] == [D("4.4"), None]
    with pytest.raises(InputError):
        svc.risk.record_health(rating=D("7"))


def test_platform_rates_late_presale_share_and_cancels(svc: Any, sample: Any) -> None:
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=500)
    paid = la("2026-11-02T10:00")
    cid, ids = tiktok_orders(svc, sample, 30, paid)  # due 11-17 10:00
    for oid in ids[:27]:
        svc.orders.transition(oid, "ship", at=la("2026-11-05T10:00"))
    for i in range(3):  # three cancelled by the buyers
        oid = svc.orders.place(cid, "XMAS-BOX-01", buyer=f"c{i}", at=paid)
        svc.orders.transition(oid, "buyer_cancel", at=paid)
    at(svc, la("2026-11-20T10:00"))
    alerts = by_code(svc)
    late = alerts["late_rate_high"][0]  # 3 of 30 still unshipped past the deadline
    assert (late.severity, late.platform, late.params["late"], late.params["due"]) == (
        "critical", "tiktok", 3, 30)
    assert alerts["on_time_rate_low"][0].severity == "critical"  # 90 %
    share = alerts["presale_share_high"][0]
    assert share.severity == "critical"  # every order is a presale
    cancel = alerts["cancel_rate_high"][0]  # 3 of 33 > 2 %
    assert (cancel.severity, cancel.params["cancelled"], cancel.params["orders"]) == (
        "warning", 3, 33)


def test_lifecycle_ack_snooze_resolve_and_come_back(svc: Any, sample: Any) -> None:
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=100)
    _cid, ids = tiktok_orders(svc, sample, 2, la("2026-11-10T10:00"))
    deadline = svc.orders.get(ids[0]).ship_deadline
    at(svc, deadline + timedelta(hours=1))
    a = by_code(svc)["ship_overdue"][0]
    assert a.state == "new"
    assert svc.risk.ack(a.id) == "acknowledged"
    assert by_code(svc)["ship_overdue"][0].state == "acknowledged"  # still there, still seen
    until = svc.now() + timedelta(hours=2)
    assert svc.risk.snooze(a.id, until) == "snoozed"
    assert by_code(svc)["ship_overdue"][0].state == "snoozed"
    at(svc, until + timedelta(minutes=1))
    assert by_code(svc)["ship_overdue"][0].state == "new"  # the snooze ran out
    svc.orders.transition(ids[0], "ship")
    svc.orders.transition(ids[1], "ship")
    assert by_code(svc) == {}
    assert svc.risk.alerts(include_resolved=True)[0].state == "resolved"
    with pytest.raises(NotFound):
        svc.risk.ack(999)
    with pytest.raises(InputError):
        svc.risk.snooze(a.id, svc.now() - timedelta(hours=1))


def test_thresholds_are_data_per_profile(svc: Any, sample: Any) -> None:
    assert svc.risk.thresholds("tiktok").late_penalty == D("8.00")
    assert svc.risk.thresholds("douyin").late_penalty is None
    th = svc.risk.set_thresholds("tiktok", {"due_warning_hours": "72"})
    assert th.due_warning_hours == 72
    with pytest.raises(InputError, match="unknown risk threshold"):
        svc.risk.set_thresholds("tiktok", {"nope": 1})
    svc.risk.set_thresholds("tiktok", {})
    assert svc.risk.thresholds("tiktok").due_warning_hours == 48


def test_metrics_worked_example(svc: Any, sample: Any) -> None:
    """Douyin deposit campaign: 4 orders, deposit 50 (worth 150, 20 off) on 899."""
    at(svc, sh("2026-10-25T10:00"))
    cid = svc.campaigns.create(sample(DOUYIN))
    ids = [svc.orders.place(cid, "YRF-001-BLK-M", buyer=f"b{i}") for i in range(4)]
    for oid in ids:
        svc.orders.transition(oid, "pay_deposit")
    for oid in ids[:3]:
        svc.orders.transition(oid, "open_balance", at=sh("2026-11-01T00:00"))
    svc.orders.transition(ids[0], "pay_balance", at=sh("2026-11-01T10:00"))  # due 11-11
    svc.orders.transition(ids[1], "pay_balance", at=sh("2026-11-01T10:00"))
    svc.orders.transition(ids[2], "balance_lapse", at=sh("2026-11-04T00:00"))  # forfeited
    svc.orders.transition(ids[3], "buyer_cancel", at=sh("2026-10-26T00:00"))
    svc.orders.transition(ids[0], "ship", at=sh("2026-11-05T00:00"))
    at(svc, sh("2026-11-12T12:00"))  # ids[1] is overdue now
    [m] = svc.risk.metrics(campaign_id=cid)
    assert (m.currency, m.orders, m.units) == ("CNY", 4, 4)
    assert m.gmv == D("779.00") * 2  # two orders paid in full: 50 + 729 each
    assert m.deposits_collected == D("200.00")  # four deposits of 50
    assert m.balance_conversion == D("0.5000")  # 2 balances of 4 deposits
    assert m.forfeited_deposits == D("50.00")
    assert m.cancel_rate == D("0.2500")
    assert m.presale_share == D("1.0000")
    assert (m.late_rate, m.on_time_rate) == (D("0.5000"), D("0.5000"))  # 1 of 2 due
    assert (m.penalty_exposure, m.penalty_currency) == (D("779.00"), "CNY")  # what it paid
    # open deposit order ids[1]: balance paid + 2 × deposit if the seller cancelled
    assert m.deposit_liability == D("829.00")
    assert svc.risk.metrics(campaign_id=cid + 1) == []
