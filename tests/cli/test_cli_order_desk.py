"""`presale order bulk`, `supply delay|update` and the sorted `order list`: the JSON
contract of issue 10, the money of a seller cancel, refusals, a tracking sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .helpers import ok

NOW = ["--now", "2026-11-22T12:00"]
BULK_KEYS = {"applied", "refused", "refund_total", "forfeited_total", "currency"}


@pytest.fixture
def demo(cli: Any) -> Any:
    assert cli("demo", "--orders", "2000", *NOW).code == 0
    return cli


def _jacket_order(cli: Any, campaigns: Path) -> None:
    """A Douyin deposit order: deposit 50 (worth 150), 20 off the balance, price 899."""
    cli("product", "add", "--sku", "YRF-001-BLK-M", "--name", "羽绒服")
    cli("campaign", "create", "--file", str(campaigns / "douyin_down_jacket.json"))
    cli("order", "create", "--campaign", "1", "--sku", "YRF-001-BLK-M", "--order-no",
        "6917926768823643751", "--now", "2026-10-25T10:00")
    cli("order", "transition", "1", "pay_deposit", "--now", "2026-10-25T10:01")
    cli("order", "transition", "1", "pay_balance", "--now", "2026-11-02T10:00")


def test_bulk_seller_cancel_refunds_the_balance_and_twice_the_deposit(
        cli: Any, shared_data: Path) -> None:
    _jacket_order(cli, shared_data / "campaigns")
    dry = ok(cli("order", "bulk", "seller_cancel", "--ids", "1", "--dry-run", "--json", *NOW))
    assert set(dry) == BULK_KEYS
    # balance paid 729.00 (899 - 150 - 20) + 2 x 50.00 deposit (Civil Code art. 587)
    assert dry == {"applied": 1, "refused": [], "refund_total": "829.00",
                   "forfeited_total": "0.00", "currency": "CNY"}
    assert ok(cli("order", "show", "1", "--json"))["order"]["status"] == "balance_paid"
    done = ok(cli("order", "bulk", "seller_cancel", "--ids", "1", "--json", *NOW))
    assert done == dry
    shown = ok(cli("order", "show", "1", "--json"))
    assert shown["order"]["status"] == "cancelled_by_seller"
    assert sorted((p["kind"], p["amount"]) for p in shown["payments"]) == [
        ("balance", "729.00"), ("deposit", "50.00"), ("penalty", "-50.00"),
        ("refund", "-779.00")]
    again = ok(cli("order", "bulk", "seller_cancel", "--ids", "1,99", "--json", *NOW))
    assert again["applied"] == 0
    assert again["refused"] == [
        {"id": 1, "order_no": "6917926768823643751", "reason": "already_closed"},
        {"id": 99, "order_no": "", "reason": "order_not_found"}]


def test_bulk_ship_by_filter_mixed_currencies_and_refusals(demo: Any) -> None:
    before = ok(demo("order", "list", "--status", "balance_paid,paid", "--json"))["total"]
    res = ok(demo("order", "bulk", "ship", "--status", "balance_paid,paid,shipped",
                  "--carrier", "顺丰速运", "--dry-run", "--json", *NOW))
    assert isinstance(res, list)  # CNY and USD orders: one object per currency
    assert [r["currency"] for r in res] == ["CNY", "USD"]
    assert all(set(r) == BULK_KEYS for r in res)
    assert sum(r["applied"] for r in res) == before
    refused = [x for r in res for x in r["refused"]]
    assert refused
    assert {x["reason"] for x in refused} == {"already_shipped"}
    assert ok(demo("order", "list", "--status", "balance_paid,paid", "--json"))["total"] \
        == before  # the dry run changed nothing
    done = ok(demo("order", "bulk", "ship", "--status", "balance_paid,paid", "--carrier",
                   "顺丰速运", "--json", *NOW))
    assert sum(r["applied"] for r in done) == before
    assert ok(demo("order", "list", "--status", "balance_paid,paid", "--json"))["total"] == 0


def test_bulk_needs_orders_and_a_carrier(demo: Any) -> None:
    r = demo("order", "bulk", "ship", "--carrier", "SF", *NOW)
    assert r.code == 2
    assert "--ids or a filter" in r.err
    r = demo("order", "bulk", "ship", "--status", "paid", *NOW)
    assert r.code == 2
    assert "--carrier" in r.err
    with pytest.raises(SystemExit):
        demo("order", "bulk", "fly", "--status", "paid")


def test_bulk_ship_with_a_tracking_sheet(demo: Any, tmp_path: Path) -> None:
    import openpyxl

    owed = ok(demo("order", "list", "--status", "balance_paid", "--limit", "3", "--json",
                   *NOW))["orders"]
    ids = [o["id"] for o in owed]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["订单号", "运单号"])
    ws.append([owed[0]["order_no"], "SF1001"])
    ws.append([owed[1]["order_no"], "SF1002"])
    ws.append(["000000000000000000", "SF9999"])  # for no selected order
    sheet = tmp_path / "运单.xlsx"
    wb.save(sheet)
    res = ok(demo("order", "bulk", "ship", "--ids", ",".join(map(str, ids)), "--carrier",
                  "顺丰速运", "--tracking-file", str(sheet), "--json", *NOW))
    assert res["applied"] == 2
    assert res["refused"] == [{"id": ids[2], "order_no": owed[2]["order_no"],
                               "reason": "no_tracking_number"}]
    shown = ok(demo("order", "show", str(ids[0]), "--json"))["order"]
    assert (shown["status"], shown["carrier"], shown["tracking_no"]) == (
        "shipped", "顺丰速运", "SF1001")
    text = demo("order", "bulk", "ship", "--ids", str(ids[2]), "--carrier", "SF",
                "--tracking-file", str(sheet), "--lang", "zh", *NOW).out
    assert "运单表里没有这个订单" in text
    assert "match no selected order" in text


def test_bulk_note_and_tag(demo: Any) -> None:
    res = ok(demo("order", "bulk", "note", "--ids", "1,2", "--note", "call the buyer",
                  "--json", *NOW))
    assert res["applied"] == 2
    ok(demo("order", "bulk", "tag", "--ids", "2", "--tag", "vip, gift", "--json", *NOW))
    shown = ok(demo("order", "show", "2", "--json"))
    assert shown["order"]["note"] == "call the buyer"
    assert shown["order"]["tags"] == ["vip", "gift"]
    assert [h["event"] for h in shown["history"]][-2:] == ["note", "tag"]


def test_order_list_sorts_in_sql_and_searches(demo: Any) -> None:
    by_buyer = ok(demo("order", "list", "--sort", "buyer", "--limit", "20", "--json",
                       *NOW))["orders"]
    buyers = [o["buyer"] for o in by_buyer]
    assert buyers == sorted(buyers)
    desc = ok(demo("order", "list", "--sort", "total", "--desc", "--limit", "20", "--json",
                   *NOW))["orders"]
    totals = [float(o["total"]) for o in desc]
    assert totals == sorted(totals, reverse=True)
    second = ok(demo("order", "list", "--sort", "buyer", "--limit", "5", "--offset", "5",
                     "--json", *NOW))["orders"]
    assert [o["id"] for o in second] == [o["id"] for o in by_buyer[5:10]]
    one = by_buyer[0]
    found = ok(demo("order", "list", "--search", one["order_no"], "--json", *NOW))
    assert [o["id"] for o in found["orders"]] == [one["id"]]
    r = demo("order", "list", "--sort", "colour")
    assert r.code == 1
    assert "cannot be sorted by 'colour'" in r.err


def test_supply_delay_and_update(demo: Any) -> None:
    # TikTok gift boxes: half the stock goes, a batch is to bring the rest on 11-24
    demo("stock", "adjust", "--sku", "XMAS-BOX-02", "--delta", "-30", "--reason", "damaged")
    gift = ok(demo("supply", "add", "--sku", "XMAS-BOX-02", "--qty", "30", "--expected",
                   "2026-11-24", "--json"))
    dry = ok(demo("supply", "delay", str(gift["id"]), "--to", "2026-12-20", "--dry-run",
                  "--json", *NOW))
    assert set(dry) == {"batch", "new_date", "late_orders", "penalty", "currency"}
    assert dry["batch"] == gift["id"]
    assert dry["new_date"] == "2026-12-20"
    assert dry["currency"] == "USD"
    assert dry["late_orders"] > 0
    assert dry["penalty"] == f"{8 * dry['late_orders']}.00"  # TikTok: USD 8.00 per order
    same = next(b for b in ok(demo("supply", "list", "--json")) if b["id"] == gift["id"])
    assert same["expected"] == gift["expected"]
    done = ok(demo("supply", "delay", str(gift["id"]), "--to", "2026-12-20", "--json",
                   *NOW))
    assert done == dry
    moved = next(b for b in ok(demo("supply", "list", "--json")) if b["id"] == gift["id"])
    assert moved["expected"] == "2026-12-20"
    text = demo("supply", "delay", str(gift["id"]), "--to", "2026-12-01", "--dry-run",
                *NOW).out
    assert text.startswith(f"Would move batch #{gift['id']} (XMAS-BOX-02)")

    upd = ok(demo("supply", "update", str(gift["id"]), "--qty", "50", "--supplier", "义乌厂",
                  "--note", "加急", "--json"))
    assert (upd["qty"], upd["supplier"], upd["note"]) == (50, "义乌厂", "加急")
    r = demo("supply", "delay", "999", "--to", "2026-12-20")
    assert r.code == 1
    assert "no supply batch #999" in r.err
