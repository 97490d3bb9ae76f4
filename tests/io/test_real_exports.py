"""Platform exports as sellers' own tools meet them (issue 13, "Real export files").

Every file here is written by the test itself, in the layouts of Douyin's order export
and Taobao/Tmall's two reports (order report + item report), as GBK CSV and .xlsx.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter  # type: ignore[import-untyped]

from presale_engine.io import read_orders

# ------------------------------------------------------------------ writing files


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str = "gbk") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False,
                                         "strings_to_formulas": False})
    ws = wb.add_worksheet("Sheet1")
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write(r, c, value)
    wb.close()
    return path


def write(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    return write_xlsx(path, rows) if path.suffix == ".xlsx" else write_csv(path, rows)


# ------------------------------------------------------------------ Douyin

DOUYIN = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商家编码", "订单应付金额",
    "运费", "收件人", "收件人手机号", "详细地址", "订单提交时间", "商家备注", "订单完成时间",
    "订单状态", "售后状态", "取消原因", "发货时间", "平台实际承担优惠金额",
    "商家实际承担优惠金额", "达人实际承担优惠金额",
]  # fmt: skip


def douyin(order: str, *, wrap: str = "tab", **over: object) -> list[object]:
    """One Douyin line; every cell starts with a tab (``wrap="tab"``) or is written
    ``="..."`` (``wrap="formula"``), as the export does; ``-`` is its empty cell."""
    row: dict[str, object] = {
        "主订单编号": order, "子订单编号": order + "1", "选购商品": "羽绒服 双十一预售",
        "商品规格": "黑色 L", "商品数量": "1", "商家编码": "YRF-001-BLK-L",
        "订单应付金额": "779.00", "运费": "0.00", "收件人": "##B7F2A9", "收件人手机号": "$$9C1E44",
        "详细地址": "##55AA0F", "订单提交时间": "2026-10-24 21:48:00", "商家备注": "-",
        "订单完成时间": "-", "订单状态": "已完成", "售后状态": "-", "取消原因": "-",
        "发货时间": "2026-11-02 10:00:00", "平台实际承担优惠金额": "0.00",
        "商家实际承担优惠金额": "20.00", "达人实际承担优惠金额": "-",
    }  # fmt: skip
    row.update(over)
    if wrap == "tab":
        return ["\t" + str(row[h]) for h in DOUYIN]
    return [f'="{row[h]}"' for h in DOUYIN]


def douyin_rows(wrap: str = "tab") -> list[list[object]]:
    d = lambda n, **kw: douyin(f"69179267688236437{n:02d}", wrap=wrap, **kw)  # noqa: E731
    return [
        DOUYIN,
        d(51),  # completed, shipped
        d(52, 订单状态="已关闭", 发货时间="-", 取消原因="超时未支付"),
        d(53, 订单状态="已关闭", 发货时间="-"),  # closed, never shipped: not returned
        d(54, 售后状态="退款成功"),  # completed, money back after shipping
        d(55, 订单状态="已关闭", 发货时间="-", 售后状态="退款成功"),  # refunded, never shipped
        d(56, 订单状态="已发货", 售后状态="退货退款成功"),
        d(57, 售后状态="售后完成"),
        d(58, 订单状态="已发货", 售后状态="售后中"),  # not (yet) money back
        d(59, 订单状态="已关闭", 发货时间="2026-11-02 10:00:00"),  # closed after shipping
        d(60, 订单状态="备货中", 发货时间="-", 订单完成时间="-"),
    ]


DOUYIN_STATES = {
    "6917926768823643751": "completed",
    "6917926768823643752": "cancelled_by_buyer",
    "6917926768823643753": "cancelled_by_buyer",
    "6917926768823643754": "returned",
    "6917926768823643755": "refunded",
    "6917926768823643756": "returned",
    "6917926768823643757": "returned",
    "6917926768823643758": "shipped",
    "6917926768823643759": "returned",
    "6917926768823643760": "paid",
}


@pytest.mark.parametrize(("suffix", "wrap"), [(".csv", "tab"), (".xlsx", "tab"),
                                              (".csv", "formula")])
def test_douyin_tabs_dashes_masks_and_after_sales(tmp_path: Path, suffix: str,
                                                  wrap: str) -> None:
    path = write(tmp_path / f"抖店订单{suffix}", douyin_rows(wrap))
    result = read_orders(path)
    assert result.preset == "douyin"
    assert result.errors == [] and result.unknown_statuses == []
    got = {r.order_no: r for r in result.rows}
    assert {k: r.status for k, r in got.items()} == DOUYIN_STATES
    first = got["6917926768823643751"]
    # Tabs gone, 19 digits whole; masked recipient fields kept as they are.
    assert first.sub_order_no == "69179267688236437511"
    assert (first.recipient, first.phone, first.address) == ("##B7F2A9", "$$9C1E44", "##55AA0F")
    assert first.sku == "YRF-001-BLK-L" and first.qty == 1 and str(first.total) == "779.00"
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
    assert rep.created == len(DOUYIN_STATES) and rep.platform == "douyin"
    assert {o.order_no: o.status for o in svc.orders.find()} == DOUYIN_STATES
