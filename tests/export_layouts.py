"""Export files in the layouts of the platforms' real exports, written by the tests.

Douyin's order export (every cell tab-padded or ``="..."``, ``-`` for empty, masked
recipient fields, 售后状态 / 取消原因) and Taobao/Tmall's two reports (订单报表 without SKUs
+ 宝贝报表, one row per item), as GBK CSV or .xlsx. Used by tests/io, tests/cli and
tests/app (issue 13, "Real export files").
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter  # type: ignore[import-untyped]

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


# ------------------------------------------------------------------ Taobao/Tmall two reports

TB_ORDERS = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "总金额",
    "买家实际支付金额", "订单状态", "买家留言", "收货人姓名", "收货地址", "运送方式", "联系手机",
    "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "物流单号", "物流公司", "订单备注",
    "宝贝总数量", "店铺名称", "订单关闭原因", "分阶段订单信息", "定金排名",
]  # fmt: skip
TB_ITEMS = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注",
            "订单状态", "商家编码"]  # fmt: skip

NO = {k: f"37124500841595256{n}" for k, n in
      (("deposit", 24), ("two", 25), ("alt", 26), ("unpaid", 27), ("shipped", 28))}


def tb_order(no: str, amount: str, status: str, *, stage: str = "", reason: str = "订单未关闭",
             tracking: str = "", qty: int = 1, kinds: int = 1, **over: object) -> list[object]:
    row: dict[str, object] = {
        "订单编号": f'="{no}"', "买家会员名": "月亮7404", "买家支付宝账号": "m***@163.com",
        "买家应付货款": amount, "买家应付邮费": "0.00", "总金额": amount,
        "买家实际支付金额": amount, "订单状态": status, "买家留言": "", "收货人姓名": "朱艳",
        "收货地址": "浙江省 杭州市 西湖区 科技园南路278号", "运送方式": "快递",
        "联系手机": "132****1528", "订单创建时间": "2026-11-05 06:55:00",
        "订单付款时间": "2026-11-05 06:57:00", "宝贝标题": "雪峰 家用碎冰机 双十一预售",
        "宝贝种类": kinds, "物流单号": tracking, "物流公司": "顺丰速运" if tracking else "",
        "订单备注": "", "宝贝总数量": qty, "店铺名称": "星河家居旗舰店", "订单关闭原因": reason,
        "分阶段订单信息": stage, "定金排名": "218" if stage else "",
    }  # fmt: skip
    row.update(over)
    return [row[h] for h in TB_ORDERS]


def tb_item(no: str, title: str, price: str, qty: int, sku: str, *, alt: str = "",
            attrs: str = "颜色分类:白色", status: str = "") -> list[object]:
    row: dict[str, object] = {
        "订单编号": f'="{no}"', "标题": title, "价格": price, "购买数量": qty,
        "外部系统编号": alt, "商品属性": attrs, "套餐信息": "", "备注": "", "订单状态": status,
        "商家编码": sku,
    }  # fmt: skip
    return [row[h] for h in TB_ITEMS]


def taobao_reports() -> tuple[list[list[object]], list[list[object]]]:
    orders = [
        TB_ORDERS,
        tb_order(NO["deposit"], "60.00", "买家已付款，等待卖家发货", stage="定金已付,尾款已付",
                 qty=2),
        tb_order(NO["two"], "199.99", "交易成功", qty=3, kinds=2, tracking="SF1234567890"),
        tb_order(NO["alt"], "30.00", "等待买家付款", stage="定金未付,尾款未付"),
        tb_order(NO["unpaid"], "30.00", "交易关闭", stage="定金已付,尾款未付",
                 reason="买家未付尾款"),
        tb_order(NO["shipped"], "89.00", "卖家已发货，等待买家确认", tracking="SF99887766"),
    ]
    items = [
        TB_ITEMS,
        tb_item(NO["deposit"], "雪峰 碎冰机 白色", "299.00", 2, "ICE-200-WHT"),
        tb_item(NO["two"], "雪峰 碎冰机 白色", "100.00", 1, "ICE-200-WHT"),
        tb_item(NO["two"], "冰格 两只装", "50.00", 2, "ICE-TRAY-2"),
        tb_item(NO["alt"], "雪峰 碎冰机 蓝色", "299.00", 1, "", alt="ICE-200-BLU",
                attrs="颜色分类:蓝色"),
        tb_item(NO["unpaid"], "雪峰 碎冰机 白色", "299.00", 1, "ICE-200-WHT"),
        tb_item(NO["shipped"], "冰格 两只装", "89.00", 1, "ICE-TRAY-2"),
    ]
    return orders, items


TB_LINES = {  # (order, sku) -> (status, kind, qty, total or deposit)
    (NO["deposit"], "ICE-200-WHT"): ("balance_paid", "deposit", 2, "60.00"),
    (NO["two"], "ICE-200-WHT"): ("completed", "normal", 1, "99.99"),
    (NO["two"], "ICE-TRAY-2"): ("completed", "normal", 2, "100.00"),
    (NO["alt"], "ICE-200-BLU"): ("awaiting_deposit", "deposit", 1, "30.00"),
    (NO["unpaid"], "ICE-200-WHT"): ("balance_unpaid", "deposit", 1, "30.00"),
    (NO["shipped"], "ICE-TRAY-2"): ("shipped", "normal", 1, "89.00"),
}


def write_pair(tmp_path: Path, suffix: str, orders: list[list[object]] | None = None,
               items: list[list[object]] | None = None) -> tuple[Path, Path]:
    o, i = taobao_reports()
    if suffix == ".xlsx":  # Excel keeps the order number as text: no ="..." wrapper
        unwrap = lambda rows: [[c[2:-1] if isinstance(c, str) and c.startswith('="')  # noqa: E731
                                else c for c in r] for r in rows]
        o, i = unwrap(orders or o), unwrap(items or i)
    return (write(tmp_path / f"ExportOrderList{suffix}", orders or o),
            write(tmp_path / f"ExportOrderDetailList{suffix}", items or i))
