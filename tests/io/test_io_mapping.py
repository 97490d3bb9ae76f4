"""Layout quirks (title/totals/blank rows) and row-level validation of order files."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter  # type: ignore[import-untyped]

from presale_engine.io import (
    MissingColumns,
    RowError,
    get_preset,
    map_orders,
    read_orders,
    read_table,
)

DOUYIN_HEADERS = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商家编码", "商品数量", "商品单价",
    "定金金额", "尾款金额", "订单应付金额", "订单提交时间", "定金支付时间", "尾款支付时间",
    "承诺发货时间", "发货时间", "订单状态", "订单类型",
]  # fmt: skip


def douyin_row(order: str, **over: object) -> list[object]:
    row: dict[str, object] = {
        "主订单编号": order, "子订单编号": order + "1", "选购商品": "羽绒服",
        "商品规格": "黑色 L", "商家编码": "YRF-001-BLK-L", "商品数量": 1, "商品单价": "899.00",
        "定金金额": "50.00", "尾款金额": "729.00", "订单应付金额": "779.00",
        "订单提交时间": "2026-10-24 21:48:00", "定金支付时间": "2026-10-24 21:51:00",
        "尾款支付时间": "2026-11-01 12:51:00", "承诺发货时间": "2026-11-11 12:51:00",
        "发货时间": "", "订单状态": "备货中", "订单类型": "定金预售",
    }  # fmt: skip
    row.update(over)
    return [row[h] for h in DOUYIN_HEADERS]


def write_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("订单")
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            if value is None or value == "":
                continue
            ws.write(r, c, value)
    wb.close()
    return path


def test_title_row_blank_rows_and_totals_row_are_skipped(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["抖店订单导出 2026-11-20"],  # title row (row 1)
        [],  # blank (row 2)
        DOUYIN_HEADERS,  # header (row 3)
        douyin_row("6934512094788948184"),  # row 4
        douyin_row("6934512094788948186", 商品数量=2),  # row 5
        [],  # blank (row 6)
        douyin_row("6934512094788948188"),  # row 7
        ["合计", "", "", "", "", 4],  # totals (row 8)
    ]
    path = write_xlsx(tmp_path / "titled.xlsx", rows)
    result = read_orders(path)
    assert result.preset == "douyin"
    assert result.header_row == 3
    assert result.errors == []
    assert [r.excel_row for r in result.rows] == [4, 5, 7]
    assert [r.qty for r in result.rows] == [1, 2, 1]
    assert result.skipped_rows == 2  # the blank row 6 and the totals row 8

    table = read_table(path)
    assert table.skipped_totals == [8]


def test_csv_title_and_totals_gbk_with_text_tricks(tmp_path: Path) -> None:
    path = tmp_path / "taobao.csv"
    header = ["订单编号", "买家会员名", "总金额", "订单状态", "收货人姓名", "订单创建时间",
              "订单付款时间", "宝贝标题", "宝贝总数量", "订单关闭原因", "分阶段订单信息",
              "商家编码"]  # fmt: skip
    with path.open("w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(["淘宝订单报表"])
        w.writerow(header)
        w.writerow(['="3712450084159525624"', "月亮", "60.00", "买家已付款", "朱艳",
                    "2026-11-05 06:55:00", "2026-11-05 06:57:00", "碎冰机", "2", "",
                    "定金已付,尾款已付", "\tICE-200-WHT"])  # fmt: skip
        w.writerow(["总计", "", "60.00"])
    result = read_orders(path)
    assert result.preset == "taobao"
    assert result.header_row == 2
    assert result.errors == []
    (row,) = result.rows
    assert row.order_no == "3712450084159525624"
    assert row.sku == "ICE-200-WHT"  # leading tab stripped
    assert (row.buyer, row.recipient) == ("月亮", "朱艳")
    assert row.status == "balance_paid"
    assert result.skipped_rows == 1


def test_bad_cells_give_row_errors_with_excel_row_and_header(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        DOUYIN_HEADERS,
        douyin_row("6934512094788948184"),  # row 2 fine
        douyin_row("6934512094788948186", 商品数量="两件"),  # row 3
        douyin_row("6934512094788948188", 商品单价="-899.00"),  # row 4
        douyin_row("6934512094788948190", 订单提交时间="2026-02-30 10:00:00"),  # row 5
        douyin_row("6934512094788948192", 商品数量=0, 定金支付时间="yesterday"),  # row 6
        douyin_row("6934512094788948194", 商品单价="8.999"),  # row 7
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    result = read_orders(path)
    assert [r.excel_row for r in result.rows] == [2]
    assert not result.ok
    by_row = {(e.row, e.column): e for e in result.errors}
    assert by_row[(3, "商品数量")] == RowError(
        "bad.xlsx", 3, "商品数量", "两件", "not a whole number of items", "not_whole"
    )
    assert by_row[(4, "商品单价")].reason == "negative amount"
    assert by_row[(4, "商品单价")].value == "-899.00"
    assert by_row[(5, "订单提交时间")].reason == "impossible date"
    assert by_row[(5, "订单提交时间")].value == "2026-02-30 10:00:00"
    assert by_row[(6, "商品数量")].reason == "quantity must be at least 1"
    assert by_row[(6, "定金支付时间")].code == "not_a_date"
    assert by_row[(7, "商品单价")].code == "too_many_decimals"
    assert str(by_row[(3, "商品数量")]) == (
        "bad.xlsx, row 3, 商品数量: '两件' not a whole number of items"
    )


def test_long_values_are_truncated_in_errors(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "long.xlsx",
        [DOUYIN_HEADERS, douyin_row("6934512094788948184", 商品数量="九" * 500)],
    )
    (err,) = read_orders(path).errors
    assert len(err.value) == 100


def test_missing_required_columns_is_one_error_listing_them(tmp_path: Path) -> None:
    headers = [h for h in DOUYIN_HEADERS if h not in ("商家编码", "商品数量")]
    path = write_xlsx(tmp_path / "missing.xlsx", [headers, ["1", "2"]])
    with pytest.raises(MissingColumns) as exc:
        map_orders(read_table(path), get_preset("douyin"))
    assert exc.value.missing[0].startswith("sku")
    assert exc.value.missing[1].startswith("qty")
    assert "missing.xlsx" in str(exc.value)
    assert "商家编码" in str(exc.value)


def test_unknown_statuses_are_collected_once_each(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        DOUYIN_HEADERS,
        douyin_row("6934512094788948184", 订单状态="已冻结"),
        douyin_row("6934512094788948186", 订单状态="已冻结"),
        douyin_row("6934512094788948188", 订单状态="风控审核中"),
        douyin_row("6934512094788948190"),
    ]
    result = read_orders(write_xlsx(tmp_path / "status.xlsx", rows))
    assert result.unknown_statuses == ["已冻结", "风控审核中"]
    assert not result.ok
    assert len(result.rows) == 1
    assert {(e.row, e.reason) for e in result.errors} == {
        (2, "unknown status"), (3, "unknown status"), (4, "unknown status"),
    }  # fmt: skip


def test_known_status_in_unknown_combination_names_the_context(tmp_path: Path) -> None:
    path = tmp_path / "tb.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["订单编号", "订单状态", "分阶段订单信息", "订单创建时间", "宝贝总数量",
                    "商家编码", "宝贝标题"])  # fmt: skip
        w.writerow(["1", "买家已付款", "尾款处理中", "2026-11-05 06:55:00", "1", "A", "x"])
    result = read_orders(path, platform="taobao")
    assert result.unknown_statuses == ["买家已付款 (分阶段订单信息=尾款处理中)"]


def test_float_ids_are_refused_unless_exact(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        DOUYIN_HEADERS,
        douyin_row("1", 主订单编号=6934512094788948184),  # a number cell: digits already lost
        douyin_row("1", 子订单编号=368349032755, 商家编码=100087654321),
    ]
    result = read_orders(write_xlsx(tmp_path / "floats.xlsx", rows))
    (err,) = result.errors
    assert (err.row, err.column, err.code) == (2, "主订单编号", "id_lost_digits")
    (row,) = result.rows
    assert (row.sub_order_no, row.sku) == ("368349032755", "100087654321")


def test_scientific_notation_ids_in_csv_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "sci.csv"
    path.write_text(
        "order_no,sku,qty,status,ordered_at\n6.93451E+18,A,1,paid,2026-11-05 10:00\n",
        encoding="utf-8",
    )
    (err,) = read_orders(path).errors
    assert (err.row, err.column, err.code) == (2, "order_no", "id_lost_digits")


def test_duplicates_identical_warned_conflicting_refused(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        DOUYIN_HEADERS,
        douyin_row("6934512094788948184"),
        douyin_row("6934512094788948184"),
        douyin_row("6934512094788948184", 商品数量=3),
    ]
    result = read_orders(write_xlsx(tmp_path / "dups.xlsx", rows))
    assert [r.excel_row for r in result.rows] == [2]
    (warn,) = result.warnings
    assert (warn.row, warn.code) == (3, "duplicate_row")
    (err,) = result.errors
    assert (err.row, err.code) == (4, "duplicate_conflict")


def test_timezone_override_and_default(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "tz.xlsx", [DOUYIN_HEADERS, douyin_row("1")])
    table = read_table(path)
    shanghai = map_orders(table, get_preset("douyin")).rows[0]
    as_utc = map_orders(table, get_preset("douyin"), "UTC").rows[0]
    assert shanghai.ordered_at == datetime(2026, 10, 24, 13, 48, tzinfo=UTC)
    assert as_utc.ordered_at == datetime(2026, 10, 24, 21, 48, tzinfo=UTC)


def test_excel_date_cells_are_local_times(tmp_path: Path) -> None:
    path = tmp_path / "dates.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    fmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    ws.write_row(0, 0, DOUYIN_HEADERS)
    ws.write_row(1, 0, douyin_row("1"))
    ws.write_datetime(1, 10, datetime(2026, 10, 24, 21, 48), fmt)
    ws.write_number(1, 11, 46319.5)  # a bare serial number: refused, not guessed
    wb.close()
    result = read_orders(path)
    (err,) = result.errors
    assert (err.column, err.code) == ("定金支付时间", "not_a_date")
    ok = map_orders(read_table(path), get_preset("douyin"))
    assert ok.errors == result.errors


def test_template_with_iso_offsets_and_kind_checks(tmp_path: Path) -> None:
    template = Path(__file__).resolve().parents[2] / "resources" / "templates"
    header = (template / "orders_template.csv").read_text(encoding="utf-8").strip()
    path = tmp_path / "wechat.csv"
    path.write_text(
        header + "\n"
        "W1,,MUG-1,Mug,,2,10.00,,,20.00,full,已付款,2026-11-05T10:00:00+08:00,,,,"
        "2026-11-20,,,,,,,\n"
        "W2,,MUG-1,Mug,,1,10.00,,,10.00,normal,balance_paid,2026-11-05 10:00,,,,,,,,,,,\n",
        encoding="utf-8",
    )
    result = read_orders(path)
    assert result.preset == "template"
    assert result.rows[0].ordered_at == datetime(2026, 11, 5, 2, 0, tzinfo=UTC)
    assert (result.rows[0].kind, result.rows[0].status) == ("full", "paid")
    assert result.rows[0].total == Decimal("20.00")
    # A ship-by date alone means the end of that day (Shanghai).
    assert result.rows[0].promised_ship_at == datetime(2026, 11, 20, 15, 59, 59, tzinfo=UTC)
    (err,) = result.errors
    assert (err.row, err.code) == (3, "status_kind_mismatch")


def test_tiktok_dst_gap_time_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "tt.csv"
    path.write_text(
        "Order ID,Order Status,Normal or Pre-order,Seller SKU,Quantity,Created Time\n"
        "576,Awaiting shipment,Pre-order,XMAS-BOX-01,1,03/08/2026 02:30:00 AM\n"
        "577,Awaiting shipment,Pre-order,XMAS-BOX-01,1,13/08/2026 02:30:00 AM\n",
        encoding="utf-8-sig",
    )
    result = read_orders(path, platform="tiktok")
    assert [(e.row, e.code) for e in result.errors] == [
        (2, "nonexistent_time"), (3, "impossible_date"),
    ]  # fmt: skip


def test_cancel_stops_mapping(tmp_path: Path) -> None:
    from presale_engine.io import Cancelled

    path = write_xlsx(tmp_path / "c.xlsx", [DOUYIN_HEADERS, douyin_row("1")])
    with pytest.raises(Cancelled):
        map_orders(read_table(path), get_preset("douyin"), cancel=lambda: True)


def test_notes_sheet_first_and_hidden_sheet_are_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "multi.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    notes = wb.add_worksheet("说明")
    notes.write_row(0, 0, ["本表由系统导出", "请勿修改"])
    hidden = wb.add_worksheet("字典")
    hidden.write_row(0, 0, DOUYIN_HEADERS)
    hidden.hide()
    orders = wb.add_worksheet("订单")
    orders.write_row(0, 0, DOUYIN_HEADERS)
    orders.write_row(1, 0, douyin_row("6934512094788948184"))
    wb.close()
    result = read_orders(path)
    assert [r.order_no for r in result.rows] == ["6934512094788948184"]
    assert read_table(path, sheet="订单").sheet == "订单"


def test_missing_file_is_a_clear_rejection(tmp_path: Path) -> None:
    from presale_engine.io import FileRejected

    with pytest.raises(FileRejected) as exc:
        read_table(tmp_path / "nope.xlsx")
    assert exc.value.reason_code == "unreadable"
    assert "nope.xlsx" in str(exc.value)
