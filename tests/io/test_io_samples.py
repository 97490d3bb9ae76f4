"""The shared sample exports read cleanly, with exact ids, money, texts and instants."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from presale_engine.io import (
    detect_platform,
    load_presets,
    read_orders,
    read_products,
    read_supply,
    read_table,
)


def utc(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=UTC)


@pytest.mark.parametrize(
    ("file", "platform"),
    [
        ("douyin_orders.xlsx", "douyin"),
        ("jd_orders.xlsx", "jd"),
        ("taobao_orders.csv", "taobao"),
        ("tiktok_orders.csv", "tiktok"),
    ],
)
def test_each_order_export_reads_with_zero_errors(
    shared_data: Path, file: str, platform: str
) -> None:
    table = read_table(shared_data / file)
    assert table.header_row == 1
    assert len(table.rows) == 40
    assert [r for r, _ in table.rows] == list(range(2, 42))
    assert detect_platform(table.headers, load_presets()) == platform

    result = read_orders(shared_data / file)
    assert result.preset == platform
    assert result.errors == []
    assert result.unknown_statuses == []
    assert result.warnings == []
    assert len(result.rows) == 40
    assert result.ok
    for row in result.rows:
        assert row.ordered_at.tzinfo is UTC
        assert row.qty >= 1


def test_douyin_ids_money_dates_and_states(shared_data: Path) -> None:
    result = read_orders(shared_data / "douyin_orders.xlsx")
    first = result.rows[0]
    # 19-digit ids survive exactly (a float would give ...948200).
    assert first.order_no == "6934512094788948184"
    assert first.sub_order_no == "6934512094788948185"
    assert first.sku == "YRF-001-BLK-L"
    assert first.variant == "颜色:黑色;尺码:L"
    assert (first.unit_price, first.deposit, first.balance, first.total) == (
        Decimal("899.00"), Decimal("50.00"), Decimal("729.00"), Decimal("779.00"),
    )  # fmt: skip
    # 2026-10-24 21:48 Beijing time is 13:48 UTC.
    assert first.ordered_at == utc(2026, 10, 24, 13, 48)
    assert first.deposit_paid_at == utc(2026, 10, 24, 13, 51)
    assert first.balance_paid_at == utc(2026, 11, 1, 4, 51)
    assert first.promised_ship_at == utc(2026, 11, 11, 4, 51)
    assert first.shipped_at == utc(2026, 11, 7, 4, 51)
    assert first.tracking_no == "SF362293031823"
    assert first.address == "四川省 成都市 武侯区 科技园南路932号17栋980室"
    assert (first.kind, first.status, first.platform_status) == ("deposit", "shipped", "已发货")
    two = next(r for r in result.rows if r.qty == 2)
    assert (two.deposit, two.balance, two.total) == (
        Decimal("100.00"), Decimal("1458.00"), Decimal("1558.00"),
    )  # fmt: skip
    assert Counter(r.status for r in result.rows) == {
        "balance_paid": 12, "awaiting_balance": 12, "shipped": 6, "balance_unpaid": 4,
        "completed": 3, "awaiting_deposit": 3,
    }  # fmt: skip
    assert {r.kind for r in result.rows} == {"deposit"}
    raw_qty = [c[6] for _, c in read_table(shared_data / "douyin_orders.xlsx").rows]
    assert sum(r.qty for r in result.rows) == sum(int(float(str(q))) for q in raw_qty)
    assert "达人ID" in result.extra_columns


def test_jd_full_payment_presale(shared_data: Path) -> None:
    result = read_orders(shared_data / "jd_orders.xlsx")
    first = result.rows[0]
    assert first.order_no == "368349032755"
    assert first.sku == "EAR-STAR-01"
    assert (first.qty, first.unit_price, first.total) == (3, Decimal("19.90"), Decimal("59.70"))
    assert first.paid_at == utc(2026, 11, 14, 11, 34)
    assert first.buyer == "jd_糖糖8858"
    assert {r.kind for r in result.rows} == {"full"}
    assert Counter(r.status for r in result.rows) == {
        "paid": 26, "shipped": 7, "awaiting_payment": 3, "completed": 3, "cancelled_by_buyer": 1,
    }  # fmt: skip


def test_taobao_gbk_and_excel_text_ids(shared_data: Path) -> None:
    table = read_table(shared_data / "taobao_orders.csv")
    assert table.encoding == "gb18030"
    assert table.headers[0] == "订单编号"
    assert table.rows[0][1][0] == "3712450084159525624"  # ="..." wrapper removed

    result = read_orders(shared_data / "taobao_orders.csv")
    first = result.rows[0]
    assert first.order_no == "3712450084159525624"
    assert first.recipient == "朱艳"
    assert first.product_name == "雪峰 家用碎冰机 小型刨冰机 双十一预售"
    assert first.address == "浙江省 杭州市 西湖区 科技园南路278号29栋1118室"
    # Deposit presale: the report's amount is the deposit (2 x 30.00), paid at deposit time.
    assert (first.kind, first.qty, first.deposit, first.total) == (
        "deposit", 2, Decimal("60.00"), None,
    )  # fmt: skip
    assert first.deposit_paid_at == utc(2026, 11, 4, 22, 57)
    assert first.paid_at is None
    assert Counter(r.status for r in result.rows) == {
        "awaiting_balance": 17, "balance_paid": 10, "balance_unpaid": 5, "completed": 4,
        "shipped": 2, "awaiting_deposit": 2,
    }  # fmt: skip


def test_tiktok_bom_us_dates_and_kinds(shared_data: Path) -> None:
    table = read_table(shared_data / "tiktok_orders.csv")
    assert table.encoding == "utf-8-sig"
    assert table.headers[0] == "Order ID"  # no BOM left on the first header

    result = read_orders(shared_data / "tiktok_orders.csv")
    assert (result.currency, result.timezone) == ("USD", "America/Los_Angeles")
    first = result.rows[0]
    assert first.order_no == "576409279981919699"
    # "11/19/2026 11:29:00 PM" Pacific (UTC-8 in November) is 07:29 UTC next day.
    assert first.ordered_at == utc(2026, 11, 20, 7, 29)
    assert first.paid_at == utc(2026, 11, 20, 7, 30)
    assert (first.total, first.unit_price, first.currency) == (
        Decimal("39.90"), Decimal("39.90"), "USD",
    )  # fmt: skip
    assert first.address == "1835 Oak St, Austin, California, 36628, United States"
    assert Counter(r.kind for r in result.rows) == {"full": 37, "normal": 3}
    shipped = next(r for r in result.rows if r.order_no == "576439872119596385")
    assert (shipped.status, shipped.carrier) == ("shipped", "USPS")
    assert shipped.tracking_no == "94001015177076774583"  # 20 digits, kept as text
    assert shipped.shipped_at == utc(2026, 11, 21, 12, 33)
    assert Counter(r.status for r in result.rows)["cancelled_by_buyer"] == 4


def test_products_master(shared_data: Path) -> None:
    result = read_products(shared_data / "products.xlsx")
    assert result.errors == []
    assert len(result.rows) == 7
    by_code = {r.code: r for r in result.rows}
    ice = by_code["ICE-200-WHT"]
    assert (ice.name, ice.variant, ice.platform, ice.location) == (
        "雪峰 家用碎冰机", "白色", "taobao", "B-02-01",
    )  # fmt: skip
    assert (ice.on_hand, ice.cost, ice.list_price, ice.sales_30d) == (
        40, Decimal("95.00"), Decimal("349.00"), 260,
    )  # fmt: skip
    assert {r.platform for r in result.rows} == {"douyin", "taobao", "tiktok", "jd"}
    assert by_code["EAR-STAR-01"].cost == Decimal("2.80")


def test_supply_batches(shared_data: Path) -> None:
    result = read_supply(shared_data / "supply.xlsx")
    assert result.errors == []
    assert len(result.rows) == 7
    first = result.rows[0]
    assert (first.sku, first.qty, first.expected_on, first.supplier, first.note) == (
        "YRF-001-BLK-M", 60, date(2026, 11, 6), "嘉兴服装厂", "首批",
    )  # fmt: skip
    assert sum(r.qty for r in result.rows if r.sku == "ICE-200-WHT") == 300
    assert result.rows[3].note == "面料延迟"
