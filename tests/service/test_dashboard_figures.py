"""The dashboard's engine figures: metrics of a period, money per day, the coming
shortfall per day (docs/RISK.md "Dashboard figures")."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from .conftest import DOUYIN, TIKTOK, la, sh

D = Decimal


def at(svc: Any, when: Any) -> None:
    svc.clock = lambda: when


def douyin_shop(svc: Any, sample: Any) -> tuple[int, list[int]]:
    """4 Douyin deposit orders (deposit 50, balance 729): 2 placed 10-25, 2 placed 11-05;
    three balances paid 11-10 (one ships late), one open."""
    at(svc, sh("2026-10-25T10:00"))
    cid = svc.campaigns.create(sample(DOUYIN))
    ids = [svc.orders.place(cid, "YRF-001-BLK-M", buyer=f"a{i}", at=sh("2026-10-25T10:00"))
           for i in range(2)]
    ids += [svc.orders.place(cid, "YRF-001-BLK-M", buyer=f"b{i}", at=sh("2026-11-05T10:00"))
            for i in range(2)]
    for i, oid in enumerate(ids):
        svc.orders.transition(oid, "pay_deposit", at=sh("2026-10-25T10:05") if i < 2
                              else sh("2026-11-05T10:05"))
        svc.orders.transition(oid, "open_balance", at=sh("2026-11-10T00:00"))
    for oid in ids[:3]:
        svc.orders.transition(oid, "pay_balance", at=sh("2026-11-10T09:00"))  # due 11-20
    svc.orders.transition(ids[0], "ship", at=sh("2026-11-12T10:00"))
    svc.orders.transition(ids[1], "ship", at=sh("2026-11-21T10:00"))  # late
    return cid, ids


def test_metrics_of_a_period_and_the_one_before(svc: Any, sample: Any) -> None:
    cid, _ids = douyin_shop(svc, sample)
    at(svc, sh("2026-11-22T12:00"))
    now = svc.now()
    [cur] = svc.risk.metrics(since=now - timedelta(days=20), until=now)
    [prev] = svc.risk.metrics(since=now - timedelta(days=40), until=now - timedelta(days=20))
    # ordered 11-05: two orders, their deposits, one balance
    assert (cur.orders, cur.units) == (2, 2)
    assert cur.deposits_collected == D("100.00")
    assert cur.balances_collected == D("729.00")
    assert cur.balance_conversion == D("0.5000")
    # due 11-20 (in the period): ids[1] shipped late, ids[2] not shipped -> 2 of 3 late
    assert (cur.late_rate, cur.on_time_rate) == (D("0.6667"), D("0.3333"))
    # ordered 10-25: two orders, both balances paid; none due in that period
    assert (prev.orders, prev.deposits_collected, prev.balances_collected) == (
        2, D("100.00"), D("1458.00"))
    assert prev.on_time_rate is None
    [whole] = svc.risk.metrics(campaign_id=cid)
    assert whole.orders == 4
    assert whole.balances_collected == D("729.00") * 3


def test_money_per_local_day_per_currency(svc: Any, sample: Any) -> None:
    douyin_shop(svc, sample)
    at(svc, la("2026-11-10T10:00"))
    tid = svc.campaigns.create(sample(TIKTOK))
    oid = svc.orders.place(tid, "XMAS-BOX-01", buyer="t", at=la("2026-11-10T10:00"))
    svc.orders.transition(oid, "pay", at=la("2026-11-10T10:00"))
    at(svc, sh("2026-11-22T12:00"))
    cny, usd = svc.risk.daily(days=30)
    assert (cny.currency, usd.currency) == ("CNY", "USD")
    assert cny.start == date(2026, 10, 24)
    assert len(cny.days) == 30
    day = {d: i for i, d in enumerate(cny.days)}
    assert cny.orders[day[date(2026, 11, 5)]] == 2
    assert cny.deposits[day[date(2026, 10, 25)]] == D("100.00")
    assert cny.balances[day[date(2026, 11, 10)]] == D("729.00") * 3
    assert sum(cny.orders) == 4
    # 10:00 in Los Angeles on 11-10 is 11-11 in Shanghai, the shop's day
    assert usd.orders[day[date(2026, 11, 11)]] == 1
    assert sum(usd.deposits) == 0  # a full-payment order has no deposit
    assert svc.risk.daily(days=5) == []  # nothing in the last five days


def test_the_flow_shows_the_coming_shortfall_per_day(svc: Any, sample: Any) -> None:
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=10)
    svc.stock.add_product("XMAS-BOX-02", "Gift box green", on_hand=0)
    at(svc, la("2026-11-10T10:00"))
    tid = svc.campaigns.create(sample(TIKTOK))
    for i in range(25):  # due 11-25 (15 days after payment)
        oid = svc.orders.place(tid, "XMAS-BOX-01", buyer=f"b{i}")
        svc.orders.transition(oid, "pay")
    svc.stock.add_supply("XMAS-BOX-01", 10, date(2026, 11, 20))
    at(svc, la("2026-11-12T09:00"))
    flow = svc.stock.flow(days=20, shortfall=True, campaign_id=tid)
    due = {d.day: d for d in flow.days if d.demand_due}
    [(day, fd)] = due.items()
    assert day == date(2026, 11, 26)  # 11-25 10:00 in Los Angeles: the shop's 11-26
    assert (fd.demand_due, fd.short) == (25, 5)  # 10 on hand + 10 arriving
    assert sum(d.arriving for d in flow.days) == 10
    plain = svc.stock.flow(days=20)  # the inventory page's: no allocation
    assert all(d.short == 0 for d in plain.days)
    # another campaign's SKUs are not in this campaign's picture
    assert svc.stock.flow(days=20, campaign_id=tid + 99).days[0].demand_due == 0
    assert sum(d.demand_due for d in svc.stock.flow(days=20, campaign_id=tid + 99).days) == 0


def test_threshold_defaults_and_overrides_for_the_settings_dialog(svc: Any) -> None:
    svc.risk.set_thresholds("tiktok", {"due_warning_hours": 72})
    assert svc.risk.thresholds("tiktok").due_warning_hours == 72
    assert svc.risk.default_thresholds("tiktok").due_warning_hours == 48
    assert svc.risk.default_thresholds("tiktok").rating_min == D("4.5")
    assert svc.risk.threshold_overrides() == {"tiktok": {"due_warning_hours": "72"}}


def test_each_profile_has_its_own_due_soon_window(svc: Any, sample: Any) -> None:
    """A TikTok window of 400 h finds orders a Douyin campaign's 48 h would not."""
    douyin_shop(svc, sample)  # the first campaign: Douyin
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=100)
    svc.stock.add_product("XMAS-BOX-02", "Gift box green", on_hand=100)
    at(svc, la("2026-11-20T10:00"))
    tid = svc.campaigns.create(sample(TIKTOK))
    for i in range(3):  # due 12-05
        oid = svc.orders.place(tid, "XMAS-BOX-01", buyer=f"t{i}")
        svc.orders.transition(oid, "pay")
    at(svc, sh("2026-11-22T12:00"))
    assert not [a for a in svc.risk.evaluate() if a.code == "ship_due_soon"]
    svc.risk.set_thresholds("tiktok", {"due_warning_hours": 400})
    due = [a for a in svc.risk.evaluate() if a.code == "ship_due_soon"]
    assert [(a.campaign_id, a.order_count) for a in due] == [(tid, 3)]
