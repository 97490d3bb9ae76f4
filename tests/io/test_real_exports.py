"""Platform exports as sellers' own tools meet them (issue 13, "Real export files").

Every file here is written by the test itself, in the layouts of Douyin's order export
and Taobao/Tmall's two reports (order report + item report), as GBK CSV and .xlsx.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from export_layouts import (
    DOUYIN_STATES,
    NO,
    TB_LINES,
    douyin,
    douyin_rows,
    taobao_reports,
    tb_item,
    tb_order,
    write,
    write_pair,
)

from presale_engine.io import read_orders


@pytest.mark.parametrize(("suffix", "wrap"), [(".csv", "tab"), (".xlsx", "tab"),
                                              (".csv", "formula")])
def test_douyin_tabs_dashes_masks_and_after_sales(tmp_path: Path, suffix: str,
                                                  wrap: str) -> None:
    path = write(tmp_path / f"抖店订单{suffix}", douyin_rows(wrap))
    result = read_orders(path)
    assert result.preset == "douyin"
    assert result.errors == []
    assert result.unknown_statuses == []
    got = {r.order_no: r for r in result.rows}
    assert {k: r.status for k, r in got.items()} == DOUYIN_STATES
    first = got["6917926768823643751"]
    # Tabs gone, 19 digits whole; masked recipient fields kept as they are.
    assert first.sub_order_no == "69179267688236437511"
    assert (first.recipient, first.phone, first.address) == ("##B7F2A9", "$$9C1E44", "##55AA0F")
    assert first.sku == "YRF-001-BLK-L"
    assert first.qty == 1
    assert str(first.total) == "779.00"
    # "-" is empty in any column: no ship time for a closed order never shipped.
    assert got["6917926768823643753"].shipped_at is None
    assert got["6917926768823643760"].shipped_at is None


def test_douyin_row_errors_name_file_row_and_column(tmp_path: Path) -> None:
    rows = douyin_rows()
    rows[3] = douyin("6917926768823643753", 商品数量="两件")
    rows[5] = douyin("6917926768823643755", 商家编码="-")  # a dash is no SKU
    path = write(tmp_path / "抖店订单.csv", rows)
    result = read_orders(path)
    assert [(e.file, e.row, e.column, e.code) for e in result.errors] == [
        ("抖店订单.csv", 4, "商品数量", "not_whole"),
        ("抖店订单.csv", 6, "商家编码", "missing_value"),
    ]


def test_douyin_import_stores_the_states_all_or_nothing(svc: Any, tmp_path: Path) -> None:
    from presale_engine.service import ImportRefused

    rows = douyin_rows()
    bad = [*rows, douyin("6917926768823643799", 订单提交时间="2026-02-30 10:00:00")]
    with pytest.raises(ImportRefused) as refused:
        svc.imports.orders(write(tmp_path / "bad.xlsx", bad))
    assert [(e.row, e.column) for e in refused.value.errors] == [(len(bad), "订单提交时间")]
    assert svc.orders.count() == 0
    rep = svc.imports.orders(write(tmp_path / "抖店订单.csv", rows))
    assert rep.created == len(DOUYIN_STATES)
    assert rep.platform == "douyin"
    assert {o.order_no: o.status for o in svc.orders.find()} == DOUYIN_STATES


def pair_lines(rows: Sequence[Any]) -> dict[tuple[str, str], tuple[str, str, int, str]]:
    return {(r.order_no, r.sku): (r.status, r.kind, r.qty,
                                  str(r.deposit if r.kind == "deposit" else r.total))
            for r in rows}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_taobao_order_and_item_reports_join_one_line_per_item(tmp_path: Path,
                                                              suffix: str) -> None:
    from presale_engine.io import OrderMapper, get_preset
    from presale_engine.io.mapping.taobao_pair import open_pair

    orders, items = write_pair(tmp_path, suffix)
    preset = get_preset("taobao")
    with open_pair(orders, items, preset) as table:
        assert table.errors == []
        mapper = OrderMapper(table.headers, table.file, preset)
        got = [r for chunk in table.chunks() for r in mapper.feed(chunk)]
    result = mapper.finish()
    assert result.errors == []
    assert result.unknown_statuses == []
    from presale_engine.io import OrderRow

    rows = [OrderRow(*t) for t in got]
    assert pair_lines(rows) == TB_LINES
    by_sku = {(r.order_no, r.sku): r for r in rows}
    line = by_sku[(NO["two"], "ICE-TRAY-2")]
    # The item's own title, attributes and price, the order's buyer and times.
    assert (line.product_name, line.variant, str(line.unit_price)) == ("冰格 两只装",
                                                                       "颜色分类:白色", "50.00")
    assert line.buyer == "月亮7404"
    assert line.tracking_no == "SF1234567890"
    assert line.excel_row == 4  # the item report's row


def test_taobao_pair_from_the_service_and_either_order(svc: Any, tmp_path: Path) -> None:
    orders, items = write_pair(tmp_path, ".csv")
    pv = svc.imports.preview(orders, items)
    assert pv.can_import
    assert pv.preset == "taobao"
    assert pv.errors == []
    assert pv.file == "ExportOrderList.csv + ExportOrderDetailList.csv"
    rep = svc.imports.orders(items, orders, dry_run=True)  # the item report first: fine
    assert rep.created == len(TB_LINES)
    assert svc.orders.count() == 0
    rep = svc.imports.orders(orders, items)
    assert rep.created == len(TB_LINES)
    assert rep.platform == "taobao"
    stored = {(o.order_no, o.sku): (o.status, o.qty) for o in svc.orders.find()}
    assert stored == {k: (v[0], v[2]) for k, v in TB_LINES.items()}
    again = svc.imports.orders(orders, items)
    assert again.created == 0
    assert again.unchanged == len(TB_LINES)


def test_an_order_report_alone_asks_for_the_item_report(svc: Any, tmp_path: Path) -> None:
    from presale_engine import messages
    from presale_engine.errors import InputError

    orders, items = write_pair(tmp_path, ".xlsx")
    with pytest.raises(InputError) as refused:
        svc.imports.orders(orders)
    err = refused.value
    assert err.code == "taobao_items_needed"
    assert "宝贝报表" in err.text("zh")
    assert "item report" in err.text("en")
    assert "ExportOrderList.xlsx" in err.text("zh")
    assert messages.has_text("taobao_items_needed", "zh")
    assert svc.orders.count() == 0
    assert svc.imports.preview(orders).needs == "items"
    assert not svc.imports.preview(orders).can_import
    assert svc.imports.preview(items).needs == "orders"
    with pytest.raises(InputError) as wrong:
        svc.imports.orders(orders, orders)
    assert wrong.value.code == "taobao_pair_files"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_taobao_pair_errors_name_the_file_row_and_column(svc: Any, tmp_path: Path,
                                                          suffix: str) -> None:
    from presale_engine.service import ImportRefused

    o, i = taobao_reports()
    o[2] = tb_order(NO["two"], "199.99", "交易成功", qty=3, kinds=2,
                    订单创建时间="2026-02-30 10:00:00")  # an order of two lines
    o.append(tb_order("3712450084159525699", "10.00", "交易成功"))  # no item row
    i[4] = tb_item(NO["alt"], "雪峰 碎冰机 蓝色", "299.00", 0, "", alt="ICE-200-BLU")
    i.append(tb_item("3712450084159525698", "冰格", "10.00", 1, "ICE-TRAY-2"))  # no order
    i.append(tb_item(NO["shipped"], "冰格", "10.00", 1, "", alt=""))  # no SKU at all
    orders, items = write_pair(tmp_path, suffix, o, i)
    with pytest.raises(ImportRefused) as refused:
        svc.imports.orders(orders, items)
    got = sorted((e.file, e.row, e.column, e.code) for e in refused.value.errors)
    of, itf = orders.name, items.name
    assert got == sorted([
        (of, 3, "订单创建时间", "impossible_date"),  # once, though on two lines
        (of, 7, "订单编号", "order_without_items"),
        (itf, 5, "购买数量", "qty_not_positive"),
        (itf, 8, "订单编号", "order_not_in_report"),
        (itf, 9, "商家编码", "missing_value"),
    ])
    assert svc.orders.count() == 0  # all or nothing


def test_taobao_pair_valid_rows_only(svc: Any, tmp_path: Path) -> None:
    import openpyxl

    o, i = taobao_reports()
    i[4] = tb_item(NO["alt"], "雪峰 碎冰机 蓝色", "299.00", 0, "", alt="ICE-200-BLU")
    orders, items = write_pair(tmp_path, ".csv", o, i)
    rejects = tmp_path / "rejects.xlsx"
    rep = svc.imports.orders(orders, items, valid_only=rejects)
    assert (rep.created, rep.rejected) == (len(TB_LINES) - 1, 1)
    rows = list(openpyxl.load_workbook(rejects).worksheets[0].iter_rows(values_only=True))
    assert [(r[0], r[1].split(":")[0]) for r in rows[1:]] == [(5, "购买数量")]
