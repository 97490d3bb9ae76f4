"""Planning a presale through the service (issue 12): the forecast from a campaign's own
curve, the plan and its one-click supply batch, the P&L with a late supply, and buyer
messages recorded on each order's timeline. Numbers worked by hand in the comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from presale_engine.errors import InputError

from .conftest import DOUYIN, TIKTOK, la, sh

D = Decimal


def at(svc: Any, when: Any) -> None:
    svc.clock = lambda: when


def douyin_shop(svc: Any, sample: Any, deposits: int) -> int:
    """The Douyin down-jacket deposit presale (deposits 10-20 00:00 → 10-31 23:59:59,
    balances 11-01 → 11-03, ship 10 days after payment; Shanghai) with ``deposits``
    deposits paid on its second day."""
    at(svc, sh("2026-10-19T10:00"))
    for sku in ("YRF-001-BLK-M", "YRF-001-BLK-L", "YRF-001-WHT-M"):
        svc.stock.add_product(sku, "羽绒服", on_hand=10, cost=D("300"))
    cid = svc.campaigns.create(sample(DOUYIN))
    day1 = sh("2026-10-21T12:00")
    at(svc, day1)
    for i in range(deposits):
        oid = svc.orders.place(cid, "YRF-001-BLK-M", buyer=f"买家{i}", at=day1)
        svc.orders.transition(oid, "pay_deposit", at=day1)
    return cid


def test_the_forecast_reads_the_curve_so_far(svc: Any, sample: Any) -> None:
    cid = douyin_shop(svc, sample, 30)
    # 10-22 12:00 Shanghai: 60 h of the 288 h window
    at(svc, sh("2026-10-22T12:00"))
    fc = svc.planning.forecast(cid)
    assert fc.model == "default_shape"
    assert fc.history_campaigns == 0
    assert fc.fraction == pytest.approx(60 / 288, abs=0.001)
    item = next(i for i in fc.items if i.sku == "YRF-001-BLK-M")
    # S(0.2083) = 0.25 + 0.40 x (0.1083 / 0.75) = 0.3078 -> 30 / 0.3078 = 97
    assert (item.units_so_far, item.forecast_units) == (30, 97)
    assert item.low < item.forecast_units < item.high
    # payments after "now" are not seen: before day 1 nothing was in
    at(svc, sh("2026-10-21T06:00"))
    assert next(i for i in svc.planning.forecast(cid).items
                if i.sku == "YRF-001-BLK-M").units_so_far == 0
    # after the window closed the forecast is the actual
    at(svc, sh("2026-11-02T12:00"))
    closed = svc.planning.forecast(cid)
    assert closed.model == "actual"
    assert next(i for i in closed.items if i.sku == "YRF-001-BLK-M").forecast_units == 30


def test_the_forecast_stops_at_the_campaign_cap(svc: Any, sample: Any) -> None:
    cid = douyin_shop(svc, sample, 50)  # 50 / 0.3078 = 162, above the cap of 120
    at(svc, sh("2026-10-22T12:00"))
    item = next(i for i in svc.planning.forecast(cid).items if i.sku == "YRF-001-BLK-M")
    assert (item.forecast_units, item.high) == (120, 120)


def test_the_plan_and_its_supply_batch(svc: Any, sample: Any) -> None:
    cid = douyin_shop(svc, sample, 30)
    at(svc, sh("2026-10-22T12:00"))
    plan = svc.planning.plan(cid, safety=5)
    item = next(i for i in plan.items if i.sku == "YRF-001-BLK-M")
    # no closed deposit campaign: conversion 0.85; nothing paid in full yet:
    # ceil(97 x 0.85) = 83 to ship; + 5 safety - 10 on hand = 78 to make
    assert (plan.conversion, plan.conversion_source) == (D("0.85"), "default")
    assert (item.forecast_units, item.needed, item.to_make) == (97, 83, 78)
    # the first balance can be paid 11-01 00:00 and ships within 10 days (11-11 00:00):
    # the batch must arrive the day before
    assert item.arrive_by == date(2026, 11, 10)
    batch = svc.planning.add_plan_as_supply(cid, "YRF-001-BLK-M", safety=5)
    assert (batch.sku, batch.qty, batch.expected) == ("YRF-001-BLK-M", 78, item.arrive_by)
    again = next(i for i in svc.planning.plan(cid, safety=5).items
                 if i.sku == "YRF-001-BLK-M")
    assert (again.incoming, again.to_make, again.arrive_by) == (78, 0, None)
    with pytest.raises(InputError) as e:
        svc.planning.add_plan_as_supply(cid, "YRF-001-BLK-M", safety=5)
    assert e.value.code == "plan_nothing_to_make"
    with pytest.raises(InputError):
        svc.planning.plan(cid, safety=-1)


def test_the_pnl_of_a_deposit_campaign(svc: Any, sample: Any) -> None:
    cid = douyin_shop(svc, sample, 50)
    at(svc, sh("2026-10-22T12:00"))
    r = svc.planning.pnl(cid, units={"YRF-001-BLK-M": 100})
    line = next(i for i in r.items if i.sku == "YRF-001-BLK-M")
    # 899 with 50 worth 150 and 20 off: 779 a buyer; 85 of 100 pay: 66,215; 15 x 50
    # forfeited; cost 85 x 300 = 25,500; margin 41,465
    assert (line.revenue, line.forfeits, line.cost, line.margin) == (
        D("66215.00"), D("750.00"), D("25500.00"), D("41465.00"))
    assert r.currency == "CNY"
    assert r.total["margin"] == D("41465.00")  # the other SKUs sell nothing here


def test_a_late_supply_in_the_pnl_of_a_tiktok_campaign(svc: Any, sample: Any) -> None:
    """40 paid TikTok orders due 11-25; the only stock arrives 11-20 — 10 days late it
    comes after their deadline: 40 late orders, 8.00 USD each = 320.00 USD."""
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=0, cost=D("12"))
    svc.stock.add_product("XMAS-BOX-02", "Gift box gold", on_hand=0)
    paid = la("2026-11-10T10:00")
    at(svc, paid)
    cid = svc.campaigns.create(sample(TIKTOK))
    for i in range(40):
        oid = svc.orders.place(cid, "XMAS-BOX-01", buyer=f"b{i}", at=paid)
        svc.orders.transition(oid, "pay", at=paid)
    svc.stock.add_supply("XMAS-BOX-01", 40, date(2026, 11, 20))
    on_time = svc.planning.pnl(cid, late_days=0)
    assert on_time.late is not None
    assert on_time.late.late_orders == 0
    late = svc.planning.pnl(cid, late_days=10)
    assert late.late is not None
    assert (late.late.late_orders, late.late.penalty, late.late.penalty_currency) == (
        40, D("320.00"), "USD")
    assert late.late.refunds == D("1596.00")  # 40 x 39.90 refunded by the auto-cancel
    data = late.as_contract()
    assert set(data) >= {"currency", "items", "total", "late"}
    assert data["late"] == {"days": 10, "late_orders": 40, "penalty": "320.00",
                            "penalty_currency": "USD", "refunds": "1596.00"}
    assert set(data["items"][0]) >= {"sku", "units", "revenue", "cost", "fees", "forfeits",
                                     "margin"}


def test_buyer_messages_are_written_and_recorded_on_each_timeline(
        svc: Any, sample: Any, tmp_path: Path) -> None:
    cid = douyin_shop(svc, sample, 3)
    at(svc, sh("2026-10-22T12:00"))
    out = tmp_path / "delay.xlsx"
    b = svc.messages.export(cid, "delay", out, lang="zh", new_date=date(2026, 12, 10),
                            compensation=D("10"))
    assert (len(b.lines), b.compensation_total, b.recorded) == (3, D("30.00"), 3)
    assert "2026-12-10" in b.lines[0].text
    assert "¥10.00" in b.lines[0].text
    assert b.lines[0].text.startswith("亲爱的买家")
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows[0][:4] == ("订单号", "买家", "SKU", "消息内容")
    assert len(rows) == 4
    hist = svc.orders.history(b.lines[0].order_id)
    assert hist[-1].event == "message"
    assert "2026-12-10" in hist[-1].reason
    with pytest.raises(InputError) as e:
        svc.messages.build(cid, "delay")
    assert e.value.code == "message_delay_needs_date"


def test_a_template_of_the_shops_own(svc: Any, sample: Any) -> None:
    cid = douyin_shop(svc, sample, 2)
    at(svc, sh("2026-10-22T12:00"))
    assert "{balance}" in svc.messages.template("reminders", "en")
    svc.messages.set_template("reminders", "en", "Hi {buyer}, pay {balance} by {balance_end}")
    b = svc.messages.build(cid, "reminders", lang="en")
    assert b.lines[0].text == "Hi 买家0, pay CN¥729.00 by 2026-11-03 23:59"
    with pytest.raises(InputError) as e:
        svc.messages.set_template("reminders", "en", "Hi {nickname}")
    assert e.value.code == "message_unknown_placeholder"
    svc.messages.set_template("reminders", "en", None)
    assert "{balance}" in svc.messages.template("reminders", "en")
