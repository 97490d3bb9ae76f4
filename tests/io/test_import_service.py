"""The import use cases end to end, on SQLite and PostgreSQL (the ``svc`` fixture).

Every shared sample export imports with exact counts and values; re-imports change
nothing; later exports update, older ones never move an order back; a bad row refuses
the whole file (or, asked, goes to a rejects workbook); hostile files, unknown states and
cancelling leave the database untouched.
"""

from __future__ import annotations

import csv
import json
import struct
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from io_xlsx_parts import XlsxBuilder, sheet_xml
from sqlalchemy import func, select

from presale_engine.errors import InputError
from presale_engine.io import Cancelled, FileRejected, MissingColumns, UnknownLayout
from presale_engine.service import ImportRefused, OrderFilter, OrderView
from presale_engine.store.models import (
    Audit,
    Order,
    OrderEvent,
    Payment,
    Product,
    StockMove,
    SupplyBatch,
)

ORDER_FILES = {
    "douyin_orders.xlsx": "douyin",
    "jd_orders.xlsx": "jd",
    "taobao_orders.csv": "taobao",
    "tiktok_orders.csv": "tiktok",
}
TABLES = (Order, Payment, OrderEvent, Product, StockMove, SupplyBatch, Audit)


def utc(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=UTC)


def count(svc: Any, model: type) -> int:
    with svc.db.session() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def counts(svc: Any) -> dict[str, int]:
    return {m.__name__: count(svc, m) for m in TABLES}


def order(svc: Any, order_no: str, sku: str | None = None) -> OrderView:
    found = [o for o in svc.orders.find(OrderFilter(search=order_no), limit=None)
             if o.order_no == order_no and (sku is None or o.sku == sku)]  # fmt: skip
    assert len(found) == 1, found
    return found[0]


def all_orders(svc: Any, platform: str | None = None) -> list[OrderView]:
    return list(svc.orders.find(OrderFilter(platform=platform), limit=None))


@pytest.fixture
def campaigns(svc: Any, shared_data: Path) -> dict[str, int]:
    """The four sample campaigns, created before any import: platform -> campaign id."""
    ids = {}
    for path in sorted((shared_data / "campaigns").glob("*.json")):
        definition = json.loads(path.read_text("utf-8"))
        ids[definition["platform"]] = svc.campaigns.create(definition)
    return ids


# ------------------------------------------------------------------ file builders


def edit_xlsx(src: Path, dst: Path, edit: Callable[[Any, dict[str, int]], None]) -> Path:
    """Copy an .xlsx with openpyxl, letting ``edit(ws, column_by_header)`` change it."""
    wb = openpyxl.load_workbook(src)
    ws = wb.worksheets[0]
    cols = {c.value: c.column for c in ws[1] if c.value}
    edit(ws, cols)
    wb.save(dst)
    return dst


def find_row(ws: Any, col: int, value: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col).value == value)


def read_csv(path: Path, encoding: str) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding=encoding, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write_csv(path: Path, headers: list[str], rows: list[list[str]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(headers)
        w.writerows(rows)
    return path


TEMPLATE = ["order_no", "sku", "qty", "unit_price", "total", "kind", "status", "ordered_at",
            "paid_at", "buyer", "tracking_no"]


def template_csv(path: Path, rows: list[list[str]]) -> Path:
    return write_csv(path, TEMPLATE, rows, "utf-8-sig")


def good_row(n: int, **over: str) -> list[str]:
    row = {"order_no": f"W{1000 + n}", "sku": "MUG-01", "qty": "1", "unit_price": "25.00",
           "total": "25.00", "kind": "normal", "status": "paid",
           "ordered_at": f"2026-11-{10 + n % 10:02d} 10:{n % 60:02d}:00",
           "paid_at": f"2026-11-{10 + n % 10:02d} 10:{n % 60:02d}:30", "buyer": f"buyer{n}",
           "tracking_no": ""}  # fmt: skip
    row.update(over)
    return [row[c] for c in TEMPLATE]


# ------------------------------------------------------------------ samples


@pytest.mark.parametrize(("file", "platform"), list(ORDER_FILES.items()))
def test_each_sample_imports_with_exact_counts(svc: Any, shared_data: Path, file: str,
                                               platform: str) -> None:
    rep = svc.imports.orders(shared_data / file)
    assert (rep.created, rep.updated, rep.unchanged, rep.rejected, rep.skipped_rows) == (
        40, 0, 0, 0, 0)
    assert (rep.platform, rep.kind, rep.file, rep.dry_run) == (platform, "orders", file, False)
    assert rep.extra_columns  # every sample has columns we do not use; they are listed
    assert (rep.warnings, rep.not_moved_back) == ([], [])
    assert count(svc, Order) == 40
    assert {o.platform for o in all_orders(svc)} == {platform}
    # Autodetection and an explicit platform give the same result.
    again = svc.imports.orders(shared_data / file, platform=platform)
    assert (again.created, again.unchanged) == (0, 40)


def test_douyin_values_exact(svc: Any, shared_data: Path, campaigns: dict[str, int]) -> None:
    svc.imports.orders(shared_data / "douyin_orders.xlsx")
    o = order(svc, "6934512094788948184")  # 19 digits, exactly as the export wrote them
    assert (o.sku, o.kind, o.status, o.qty, o.currency) == (
        "YRF-001-BLK-L", "deposit", "shipped", 1, "CNY")
    assert (o.unit_price, o.deposit, o.balance, o.total) == (
        Decimal("899.00"), Decimal("50.00"), Decimal("729.00"), Decimal("779.00"))
    assert o.money("total") == "779.00"
    assert o.campaign_id == campaigns["douyin"]
    # 2026-10-24 21:48 in Beijing is 13:48 UTC; the promised ship time is the export's.
    assert o.ordered_at == utc(2026, 10, 24, 13, 48)
    assert o.deposit_paid_at == utc(2026, 10, 24, 13, 51)
    assert o.paid_at == utc(2026, 11, 1, 4, 51)
    assert o.ship_deadline == utc(2026, 11, 11, 4, 51)
    assert o.shipped_at == utc(2026, 11, 7, 4, 51)
    assert (o.carrier, o.tracking_no, o.flags) == ("顺丰速运", "SF362293031823", [])
    assert [(p["kind"], p["amount"], p["at"]) for p in svc.orders.payments(o.id)] == [
        ("deposit", Decimal("50.00"), utc(2026, 10, 24, 13, 51)),
        ("balance", Decimal("729.00"), utc(2026, 11, 1, 4, 51)),
    ]
    two = [x for x in all_orders(svc) if x.qty == 2]
    assert two
    assert all(x.total == Decimal("1558.00") for x in two)
    assert Counter(x.status for x in all_orders(svc)) == {
        "balance_paid": 12, "awaiting_balance": 12, "shipped": 6, "balance_unpaid": 4,
        "completed": 3, "awaiting_deposit": 3,
    }  # fmt: skip
    waiting = [x for x in all_orders(svc) if x.status == "awaiting_deposit"]
    assert all(svc.orders.payments(x.id) == [] for x in waiting)


def test_taobao_gbk_text_ids_and_campaign_prices(svc: Any, shared_data: Path,
                                                  campaigns: dict[str, int]) -> None:
    rep = svc.imports.orders(shared_data / "taobao_orders.csv")
    assert rep.created == 40
    o = order(svc, "3712450084159525624")  # written ="3712450084159525624" in the file
    assert o.buyer == "月亮7404"  # GBK Chinese, read right
    assert (o.kind, o.status, o.qty) == ("deposit", "balance_paid", 2)
    # The report only carries the deposit stage; price, balance and total come from the
    # campaign (first tier 299 below 100 units; deposit 30 worth 60).
    assert (o.unit_price, o.deposit, o.balance, o.total) == (
        Decimal("299.00"), Decimal("60.00"), Decimal("478.00"), Decimal("538.00"))
    assert o.deposit_paid_at == utc(2026, 11, 4, 22, 57)
    assert [(p["kind"], p["amount"]) for p in svc.orders.payments(o.id)] == [
        ("deposit", Decimal("60.00"))]
    assert all(x.campaign_id == campaigns["taobao"] for x in all_orders(svc))
    # One buyer bought 3 units against a limit of 2: the order that went over is flagged.
    flagged = [x for x in all_orders(svc) if x.flags]
    assert [(x.buyer, x.flags) for x in flagged] == [("晴天2708", ["over_limit"])]
    assert rep.flagged == 1


def test_tiktok_usd_and_normal_orders_stay_normal(svc: Any, shared_data: Path,
                                                   campaigns: dict[str, int]) -> None:
    svc.imports.orders(shared_data / "tiktok_orders.csv")
    orders = all_orders(svc)
    assert {o.currency for o in orders} == {"USD"}
    normal = [o for o in orders if o.kind == "normal"]
    assert len(normal) == 3
    assert all(o.campaign_id is None and o.flags == [] for o in normal)
    # A normal order ships within the platform's normal 48 h.
    assert all(o.ship_deadline == o.paid_at + timedelta(hours=48) for o in normal if o.paid_at)
    pre = [o for o in orders if o.kind == "full"]
    assert len(pre) == 37
    assert all(o.campaign_id == campaigns["tiktok"] for o in pre)
    first = order(svc, "576409279981919699")
    assert (first.status, first.total, first.ordered_at) == (
        "cancelled_by_buyer", Decimal("39.90"), utc(2026, 11, 20, 7, 29))
    # 15 days after payment, as the campaign promises.
    paid = next(o for o in pre if o.paid_at is not None)
    assert paid.ship_deadline == paid.paid_at + timedelta(days=15)
    shipped = order(svc, "576439872119596385")
    assert (shipped.status, shipped.carrier, shipped.tracking_no) == (
        "shipped", "USPS", "94001015177076774583")


def test_jd_fixed_ship_date(svc: Any, shared_data: Path, campaigns: dict[str, int]) -> None:
    svc.imports.orders(shared_data / "jd_orders.xlsx")
    o = order(svc, "368349032755")
    assert (o.kind, o.status, o.qty, o.unit_price, o.total) == (
        "full", "paid", 3, Decimal("19.90"), Decimal("59.70"))
    assert o.buyer == "jd_糖糖8858"
    # "ships by 2026-11-25" is the end of that day in Beijing.
    assert o.ship_deadline == utc(2026, 11, 25, 15, 59, 59)
    assert [(p["kind"], p["amount"]) for p in svc.orders.payments(o.id)] == [
        ("full", Decimal("59.70"))]


def test_presale_orders_without_a_campaign_are_flagged(svc: Any, shared_data: Path) -> None:
    for file in ORDER_FILES:
        svc.imports.orders(shared_data / file)
    orders = all_orders(svc)
    assert len(orders) == 160
    for o in orders:
        assert o.campaign_id is None
        assert o.flags == ([] if o.kind == "normal" else ["no_campaign"])


# ------------------------------------------------------------------ idempotence


def test_reimport_changes_nothing(svc: Any, shared_data: Path,
                                  campaigns: dict[str, int]) -> None:
    for file in ORDER_FILES:
        svc.imports.orders(shared_data / file)
    before = counts(svc)
    snapshot = {o.id: o for o in all_orders(svc)}
    for file in ORDER_FILES:
        rep = svc.imports.orders(shared_data / file)
        assert (rep.created, rep.updated, rep.unchanged, rep.flagged) == (0, 0, 40, 0)
    after = counts(svc)
    assert after == {**before, "Audit": before["Audit"] + 4}  # one audit row per import
    assert {o.id: o for o in all_orders(svc)} == snapshot


def test_later_douyin_export_updates_status_payment_and_history(
        svc: Any, shared_data: Path, campaigns: dict[str, int], tmp_path: Path) -> None:
    svc.imports.orders(shared_data / "douyin_orders.xlsx")
    o = order(svc, "6934582409537253136")
    assert (o.status, o.paid_at, o.ship_deadline) == ("awaiting_balance", None, None)

    def pay_balance(ws: Any, col: dict[str, int]) -> None:
        r = find_row(ws, col["主订单编号"], "6934582409537253136")
        ws.cell(r, col["订单状态"]).value = "备货中"
        ws.cell(r, col["尾款支付时间"]).value = "2026-11-02 10:00:00"

    later = edit_xlsx(shared_data / "douyin_orders.xlsx", tmp_path / "later.xlsx", pay_balance)
    rep = svc.imports.orders(later)
    assert (rep.created, rep.updated, rep.unchanged) == (0, 1, 39)
    o = order(svc, "6934582409537253136")
    assert o.status == "balance_paid"
    assert o.paid_at == utc(2026, 11, 2, 2, 0)
    # No promised time in the file: 10 days after the balance, as the campaign says.
    assert o.ship_deadline == utc(2026, 11, 12, 2, 0)
    assert [(p["kind"], p["amount"]) for p in svc.orders.payments(o.id)] == [
        ("deposit", Decimal("50.00")), ("balance", Decimal("729.00"))]
    history = svc.orders.history(o.id)
    assert [(h.event, h.from_status, h.to_status) for h in history] == [
        ("import", "awaiting_balance", "balance_paid")]
    assert "later.xlsx" in history[0].reason
    # The same later export again: nothing more.
    again = svc.imports.orders(later)
    assert (again.updated, again.unchanged) == (0, 40)
    assert len(svc.orders.payments(o.id)) == 2


def test_later_tiktok_export_adds_tracking(svc: Any, shared_data: Path, tmp_path: Path,
                                           campaigns: dict[str, int]) -> None:
    svc.imports.orders(shared_data / "tiktok_orders.csv")
    headers, rows = read_csv(shared_data / "tiktok_orders.csv", "utf-8-sig")
    col = {h: i for i, h in enumerate(headers)}
    row = next(r for r in rows if r[col["Order ID"]] == "576406813031860126")
    assert row[col["Order Status"]] == "Awaiting collection"
    row[col["Order Status"]] = row[col["Order Substatus"]] = "In transit"
    row[col["Tracking ID"]] = "9400111899560000000001"
    row[col["Shipping Provider Name"]] = "USPS"
    row[col["Shipped Time"]] = "11/21/2026 09:15:00 AM"
    later = write_csv(tmp_path / "tiktok_later.csv", headers, rows, "utf-8-sig")
    rep = svc.imports.orders(later)
    assert (rep.created, rep.updated, rep.unchanged) == (0, 1, 39)
    o = order(svc, "576406813031860126")
    assert (o.status, o.carrier, o.tracking_no) == ("shipped", "USPS", "9400111899560000000001")
    assert o.shipped_at == utc(2026, 11, 21, 17, 15)  # 09:15 Pacific
    assert [(h.from_status, h.to_status) for h in svc.orders.history(o.id)] == [
        ("paid", "shipped")]


def test_older_export_never_moves_an_order_back(svc: Any, shared_data: Path, tmp_path: Path,
                                                campaigns: dict[str, int]) -> None:
    def ship(ws: Any, col: dict[str, int]) -> None:
        r = find_row(ws, col["主订单编号"], "6934520299815629378")
        assert ws.cell(r, col["订单状态"]).value == "备货中"
        ws.cell(r, col["订单状态"]).value = "已发货"
        ws.cell(r, col["发货时间"]).value = "2026-11-05 09:00:00"
        ws.cell(r, col["快递单号"]).value = "SF100000000001"
        ws.cell(r, col["快递公司"]).value = "顺丰速运"

    later = edit_xlsx(shared_data / "douyin_orders.xlsx", tmp_path / "later.xlsx", ship)
    svc.imports.orders(later)
    assert order(svc, "6934520299815629378").status == "shipped"
    before = counts(svc)
    rep = svc.imports.orders(shared_data / "douyin_orders.xlsx")  # the older export
    assert (rep.created, rep.updated, rep.unchanged) == (0, 0, 39)
    assert rep.not_moved_back == [{"row": 3, "order_no": "6934520299815629378",
                                   "file_status": "balance_paid", "stored_status": "shipped"}]
    o = order(svc, "6934520299815629378")
    assert (o.status, o.tracking_no, o.shipped_at) == (
        "shipped", "SF100000000001", utc(2026, 11, 5, 1, 0))
    assert counts(svc) == {**before, "Audit": before["Audit"] + 1}


def test_order_lines_without_sub_order_numbers_are_kept_apart(svc: Any, tmp_path: Path) -> None:
    # A TikTok order of two SKUs is two rows with the same Order ID and no line id.
    rows = [good_row(1, order_no="A-77", sku="MUG-01"), good_row(2, order_no="A-77", sku="MUG-02"),
            good_row(3)]  # fmt: skip
    path = template_csv(tmp_path / "two_lines.csv", rows)
    rep = svc.imports.orders(path)
    assert (rep.created, rep.platform) == (3, "other")
    assert sorted(o.sku for o in all_orders(svc) if o.order_no == "A-77") == ["MUG-01", "MUG-02"]
    again = svc.imports.orders(path)
    assert (again.created, again.unchanged) == (0, 3)


# ------------------------------------------------------------------ bad rows


def bad_douyin(shared_data: Path, tmp_path: Path) -> Path:
    def spoil(ws: Any, col: dict[str, int]) -> None:
        ws.cell(5, col["商品数量"]).value = "两件"
        ws.cell(9, col["商品单价"]).value = "-899.00"
        ws.cell(13, col["订单提交时间"]).value = "2026-02-30 10:00:00"

    return edit_xlsx(shared_data / "douyin_orders.xlsx", tmp_path / "bad.xlsx", spoil)


def test_bad_rows_refuse_the_whole_file(svc: Any, shared_data: Path, tmp_path: Path) -> None:
    path = bad_douyin(shared_data, tmp_path)
    before = counts(svc)
    with pytest.raises(ImportRefused) as exc:
        svc.imports.orders(path)
    errors = [(e.file, e.row, e.column, e.value, e.reason, e.code) for e in exc.value.errors]
    assert errors == [
        ("bad.xlsx", 5, "商品数量", "两件", "not a whole number of items", "not_whole"),
        ("bad.xlsx", 9, "商品单价", "-899.00", "negative amount", "negative_amount"),
        ("bad.xlsx", 13, "订单提交时间", "2026-02-30 10:00:00", "impossible date",
         "impossible_date"),
    ]
    assert "bad.xlsx, row 5, 商品数量: '两件' not a whole number of items" in exc.value.message
    assert "nothing was imported" in exc.value.message
    assert exc.value.as_dict()["errors"][0] == {
        "file": "bad.xlsx", "row": 5, "column": "商品数量", "value": "两件",
        "reason": "not a whole number of items", "code": "not_whole"}
    assert counts(svc) == before


def test_a_number_cell_among_text_order_numbers_is_refused(svc: Any, shared_data: Path,
                                                           tmp_path: Path) -> None:
    # Someone typed one order number back in Excel, which stored it as a number and kept
    # 15 significant digits. The reader must hand the mapper that cell as a number (a
    # columnar reader that types the column as text would turn it into a plausible but
    # wrong 19-digit string, and the order would be imported under a number that never
    # existed): the file is refused at that cell, with numbers in a quantity column
    # still read as the whole numbers they are.
    def retype(ws: Any, col: dict[str, int]) -> None:
        ws.cell(4, col["主订单编号"]).value = int(ws.cell(4, col["主订单编号"]).value)
        ws.cell(6, col["商品数量"]).value = 2.0

    path = edit_xlsx(shared_data / "douyin_orders.xlsx", tmp_path / "typed.xlsx", retype)
    before = counts(svc)
    with pytest.raises(ImportRefused) as exc:
        svc.imports.orders(path)
    assert [(e.row, e.column, e.code) for e in exc.value.errors] == [
        (4, "主订单编号", "id_lost_digits")]
    assert counts(svc) == before


def test_valid_only_imports_the_rest_and_writes_the_rejects(svc: Any, shared_data: Path,
                                                            tmp_path: Path) -> None:
    path = bad_douyin(shared_data, tmp_path)
    rejects = tmp_path / "rejects.xlsx"
    rep = svc.imports.orders(path, valid_only=rejects)
    assert (rep.created, rep.rejected, rep.rejects_file) == (37, 3, str(rejects))
    assert count(svc, Order) == 37
    ws = openpyxl.load_workbook(rejects).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("row", "reasons", "主订单编号", "子订单编号")
    assert [r[0] for r in rows[1:]] == [5, 9, 13]
    assert rows[1][1] == "商品数量: not a whole number of items ('两件')"
    assert "商品单价: negative amount ('-899.00')" in rows[2][1]
    headers = list(rows[0])
    assert rows[1][headers.index("商品数量")] == "两件"  # the row as the file had it
    assert rows[3][headers.index("订单提交时间")] == "2026-02-30 10:00:00"
    assert not list(tmp_path.glob("*.part"))
    # Fixing the three rows later imports just them.
    fixed = svc.imports.orders(shared_data / "douyin_orders.xlsx")
    assert (fixed.created, fixed.unchanged) == (3, 37)


def test_dry_run_reports_and_changes_nothing(svc: Any, shared_data: Path,
                                             campaigns: dict[str, int]) -> None:
    before = counts(svc)
    rep = svc.imports.orders(shared_data / "taobao_orders.csv", dry_run=True)
    assert (rep.created, rep.flagged, rep.dry_run) == (40, 1, True)
    assert counts(svc) == before
    svc.imports.orders(shared_data / "taobao_orders.csv")
    dry = svc.imports.orders(shared_data / "taobao_orders.csv", dry_run=True)
    assert (dry.created, dry.unchanged) == (0, 40)


def test_unknown_status_stops_with_the_list(svc: Any, shared_data: Path, tmp_path: Path) -> None:
    def odd(ws: Any, col: dict[str, int]) -> None:
        ws.cell(3, col["订单状态"]).value = "已锁定"
        ws.cell(7, col["订单状态"]).value = "风控中"
        ws.cell(8, col["订单状态"]).value = "已锁定"

    path = edit_xlsx(shared_data / "douyin_orders.xlsx", tmp_path / "odd.xlsx", odd)
    with pytest.raises(ImportRefused) as exc:
        svc.imports.orders(path)
    assert exc.value.unknown_statuses == ["已锁定", "风控中"]
    assert "unknown status values: 已锁定, 风控中" in exc.value.message
    assert [(e.row, e.column, e.code) for e in exc.value.errors] == [
        (3, "订单状态", "unknown_status"), (7, "订单状态", "unknown_status"),
        (8, "订单状态", "unknown_status")]
    assert count(svc, Order) == 0
    # Even with --valid-only: unknown states are a mapping to fix, not bad rows.
    with pytest.raises(ImportRefused):
        svc.imports.orders(path, valid_only=tmp_path / "r.xlsx")
    assert count(svc, Order) == 0


def test_layout_errors_are_one_clear_error(svc: Any, shared_data: Path, tmp_path: Path) -> None:
    headers, rows = read_csv(shared_data / "tiktok_orders.csv", "utf-8-sig")
    cut = [h for h in headers if h != "Created Time"]
    idx = headers.index("Created Time")
    path = write_csv(tmp_path / "no_time.csv", cut, [r[:idx] + r[idx + 1:] for r in rows],
                     "utf-8-sig")  # fmt: skip
    with pytest.raises(MissingColumns) as exc:
        svc.imports.orders(path)
    assert "ordered_at (Created Time" in exc.value.message
    with pytest.raises(MissingColumns):  # the JD layout forced on a Douyin file
        svc.imports.orders(shared_data / "douyin_orders.xlsx", platform="jd")
    stranger = write_csv(tmp_path / "other.csv", ["名字", "年龄"], [["a", "1"]], "utf-8")
    with pytest.raises(UnknownLayout):
        svc.imports.orders(stranger)
    with pytest.raises(InputError, match="no order layout named 'ebay'"):
        svc.imports.orders(stranger, platform="ebay")
    assert count(svc, Order) == 0


# ------------------------------------------------------------------ hostile files


def _declared_size_bomb(shared_data: Path, path: Path) -> Path:
    """The sample with its sheet's uncompressed size claimed as 2 GB (a zip bomb's
    signature) in the central directory."""
    data = bytearray((shared_data / "douyin_orders.xlsx").read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack("<H", data[pos + 28:pos + 30])[0]
        if data[pos + 46:pos + 46 + name_len] == b"xl/worksheets/sheet1.xml":
            data[pos + 24:pos + 28] = struct.pack("<I", 2_000_000_000)
        pos = data.find(b"PK\x01\x02", pos + 1)
    path.write_bytes(bytes(data))
    return path


HOSTILE: dict[str, Callable[[Path, Path, XlsxBuilder], Path]] = {
    "pdf": lambda d, t, mk: _write(t / "orders.xlsx", b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"),
    "truncated": lambda d, t, mk: _write(t / "half.xlsx", (d / "douyin_orders.xlsx")
                                         .read_bytes()[:6000]),
    "billion_laughs": lambda d, t, mk: mk(sheet_xml(
        [["主订单编号", "商家编码", "商品数量", "订单状态", "订单提交时间"], ["1", "&lol3;"]],
        prolog='<!DOCTYPE l [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
               '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>'), name="lol.xlsx"),
    "far_away_cell": lambda d, t, mk: mk(sheet_xml([["a"]]).replace(
        "</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
        name="far.xlsx"),
    "zip_bomb": lambda d, t, mk: _declared_size_bomb(d, t / "bomb.xlsx"),
    "old_xls": lambda d, t, mk: _write(t / "old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
                                       + b"\x00" * 504),
    "binary_csv": lambda d, t, mk: _write(t / "img.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "cell_too_long": lambda d, t, mk: _write(t / "long.csv", ("Order ID,Seller SKU,Quantity\n"
                                             "1,A," + "9" * 40_000 + "\n").encode()),
    "empty": lambda d, t, mk: _write(t / "empty.xlsx", b""),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_files_get_a_clear_error_and_write_nothing(
        svc: Any, shared_data: Path, tmp_path: Path, make_xlsx: XlsxBuilder, kind: str) -> None:
    path = HOSTILE[kind](shared_data, tmp_path, make_xlsx)
    before = counts(svc)
    with pytest.raises(FileRejected) as exc:
        svc.imports.orders(path)
    assert isinstance(exc.value, InputError)
    assert exc.value.file == path.name
    assert path.name in exc.value.message
    assert exc.value.reason
    assert counts(svc) == before


# ------------------------------------------------------------------ progress, cancel


def test_progress_grows_to_the_end(svc: Any, shared_data: Path) -> None:
    seen: list[tuple[int, int]] = []
    svc.imports.orders(shared_data / "douyin_orders.xlsx",
                      progress=lambda done, total: seen.append((done, total)))
    assert seen
    assert {t for _, t in seen} == {1000}
    done = [d for d, _ in seen]
    assert done == sorted(done)
    assert done[-1] == 1000
    assert any(d < 700 for d in done)  # reading
    assert any(d > 700 for d in done)  # writing


@pytest.mark.parametrize("after", [1, 700])
def test_cancel_leaves_the_database_untouched(svc: Any, shared_data: Path, after: int) -> None:
    svc.imports.orders(shared_data / "tiktok_orders.csv")
    before = counts(svc)
    state = {"progressed": 0}

    def progress(done: int, total: int) -> None:
        if done >= after:
            state["progressed"] += 1

    def cancel() -> bool:
        return state["progressed"] > 0

    with pytest.raises(Cancelled):
        svc.imports.orders(shared_data / "douyin_orders.xlsx", progress=progress, cancel=cancel)
    assert counts(svc) == before


# ------------------------------------------------------------------ cells


FORMULA_LIKE = ['=HYPERLINK("http://x.example","click")', "+8613800000000", "@SUM(A1)",
                "-2+3", '=1+1']  # fmt: skip


def test_formula_like_cells_are_stored_as_text(svc: Any, tmp_path: Path) -> None:
    rows = [good_row(i, buyer=text) for i, text in enumerate(FORMULA_LIKE)]
    rep = svc.imports.orders(template_csv(tmp_path / "formulas.csv", rows))
    assert rep.created == len(FORMULA_LIKE)
    assert sorted(o.buyer for o in all_orders(svc)) == sorted(FORMULA_LIKE)


def test_formula_like_cells_round_trip_through_xlsx_and_the_rejects(svc: Any,
                                                                     tmp_path: Path) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    path = tmp_path / "formulas.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    rows = [good_row(i, buyer=text) for i, text in enumerate(FORMULA_LIKE)]
    rows.append(good_row(9, buyer='=HYPERLINK("http://evil.example")', qty="两件"))
    for c, h in enumerate(TEMPLATE):
        ws.write_string(0, c, h)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            ws.write_string(r, c, v)  # text cells, never formulas
    wb.close()
    rejects = tmp_path / "rejects.xlsx"
    rep = svc.imports.orders(path, valid_only=rejects)
    assert (rep.created, rep.rejected) == (len(FORMULA_LIKE), 1)
    assert sorted(o.buyer for o in all_orders(svc)) == sorted(FORMULA_LIKE)
    ws2 = openpyxl.load_workbook(rejects).worksheets[0]
    cell = ws2.cell(2, 2 + TEMPLATE.index("buyer") + 1)
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://evil.example")', "s")


def test_excel_text_ids_and_tabs_are_unwrapped(svc: Any, tmp_path: Path) -> None:
    rows = [good_row(1, order_no='="0012345678901234567890"'),
            good_row(2, order_no="\t0099", tracking_no='="000123"')]  # fmt: skip
    svc.imports.orders(template_csv(tmp_path / "ids.csv", rows))
    assert order(svc, "0012345678901234567890").sku == "MUG-01"
    assert order(svc, "0099").tracking_no == "000123"


def test_title_rows_blank_rows_and_totals_row(svc: Any, shared_data: Path,
                                              tmp_path: Path) -> None:
    def decorate(ws: Any, col: dict[str, int]) -> None:
        ws.insert_rows(1, amount=2)
        ws.cell(1, 1).value = "抖店 订单导出"
        ws.cell(2, 1).value = "导出时间：2026-11-21 18:00"
        last = ws.max_row
        ws.cell(last + 2, 1).value = "合计"  # a blank row, then the totals row
        ws.cell(last + 2, col["商品数量"]).value = 46

    path = edit_xlsx(shared_data / "douyin_orders.xlsx", tmp_path / "titled.xlsx", decorate)
    rep = svc.imports.orders(path)
    assert (rep.created, rep.skipped_rows) == (40, 2)
    assert order(svc, "6934512094788948184").total == Decimal("779.00")
    # Errors name the rows as Excel shows them, below the title rows.
    def spoil(ws: Any, col: dict[str, int]) -> None:
        ws.cell(4, 7).value = "两件"  # the first data row is now row 4

    bad = edit_xlsx(path, tmp_path / "titled_bad.xlsx", spoil)
    with pytest.raises(ImportRefused) as exc:
        svc.imports.orders(bad)
    assert [(e.row, e.column) for e in exc.value.errors] == [(4, "商品数量")]


def test_gbk_csv_with_title_and_totals_rows(svc: Any, shared_data: Path, tmp_path: Path) -> None:
    headers, rows = read_csv(shared_data / "taobao_orders.csv", "gb18030")
    path = tmp_path / "taobao_titled.csv"
    with path.open("w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(["淘宝订单报表"])
        w.writerow([])
        w.writerow(headers)
        w.writerows(rows)
        w.writerow(["总计:", "", "", "2400.00"])
    rep = svc.imports.orders(path)
    assert (rep.created, rep.skipped_rows, rep.platform) == (40, 1, "taobao")
    assert order(svc, "3712450084159525624").buyer == "月亮7404"


# ------------------------------------------------------------------ flags


def test_flags_over_cap_over_limit_and_outside_window(svc: Any, shared_data: Path,
                                                      tmp_path: Path) -> None:
    definition = json.loads((shared_data / "campaigns" / "tiktok_gift_box.json").read_text())
    definition["items"][0]["cap"] = 3  # XMAS-BOX-01
    definition["per_buyer_limit"] = 1
    # The sale window starts on Nov 12: earlier orders fall outside it (within 30 days).
    definition["sale_window"]["start"] = "2026-11-12T00:00:00"
    cid = svc.campaigns.create(definition)
    svc.imports.orders(shared_data / "tiktok_orders.csv")
    pre = sorted((o for o in all_orders(svc) if o.kind == "full"), key=lambda o: o.ordered_at)
    assert all(o.campaign_id == cid for o in pre)
    start = datetime(2026, 11, 12, 8, 0, tzinfo=UTC)  # midnight in Los Angeles
    for o in pre:
        assert ("outside_window" in o.flags) == (o.ordered_at < start)
        assert ("over_limit" in o.flags) == (o.qty > 1)  # every buyer differs; limit 1
    # Units paid on XMAS-BOX-01, oldest first: the orders past 3 units are over the cap.
    running = 0
    for o in (o for o in pre if o.sku == "XMAS-BOX-01"):
        paid = o.status not in ("awaiting_payment",) and not (
            o.status.startswith("cancelled") and o.paid_at is None)
        running += o.qty if paid else 0
        assert ("over_cap" in o.flags) == (paid and running > 3), o
    assert any("over_cap" in o.flags for o in pre)
    assert not any(o.flags for o in all_orders(svc) if o.kind == "normal")


# ------------------------------------------------------------------ products, supply


def test_products_import_with_the_stock_ledger(svc: Any, shared_data: Path,
                                               tmp_path: Path) -> None:
    rep = svc.imports.products(shared_data / "products.xlsx")
    assert (rep.created, rep.updated, rep.unchanged, rep.kind) == (7, 0, 0, "products")
    products = {p.sku: p for p in svc.stock.products()}
    ice = products["ICE-200-WHT"]
    assert (ice.name, ice.platform, ice.location, ice.on_hand, ice.cost, ice.list_price) == (
        "雪峰 家用碎冰机", "taobao", "B-02-01", 40, Decimal("95.00"), Decimal("349.00"))
    assert [(d, r) for _, d, r, _ in svc.stock.moves("ICE-200-WHT")] == [(40, "count")]
    assert svc.stock.moves("YRF-001-BLK-M") == []  # nothing on hand: no ledger row
    before = counts(svc)
    again = svc.imports.products(shared_data / "products.xlsx")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 7)
    assert counts(svc) == {**before, "Audit": before["Audit"] + 1}

    def recount(ws: Any, col: dict[str, int]) -> None:
        r = find_row(ws, col["商家编码"], "ICE-200-WHT")
        ws.cell(r, col["现货库存"]).value = 55
        ws.cell(r, col["库位"]).value = "B-03-02"

    changed = svc.imports.products(edit_xlsx(shared_data / "products.xlsx",
                                            tmp_path / "p2.xlsx", recount))  # fmt: skip
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 6)
    ice = {p.sku: p for p in svc.stock.products()}["ICE-200-WHT"]
    assert (ice.on_hand, ice.location) == (55, "B-03-02")
    assert [d for _, d, _, _ in svc.stock.moves("ICE-200-WHT")] == [40, 15]


def test_products_link_orders_imported_before_them(svc: Any, shared_data: Path) -> None:
    svc.imports.orders(shared_data / "jd_orders.xlsx")
    with svc.db.session() as s:
        assert s.execute(select(func.count()).select_from(Order)
                         .where(Order.product_id.is_not(None))).scalar_one() == 0
    svc.imports.products(shared_data / "products.xlsx")
    with svc.db.session() as s:
        assert s.execute(select(func.count()).select_from(Order)
                         .where(Order.product_id.is_(None))).scalar_one() == 0


def test_supply_import_is_idempotent(svc: Any, shared_data: Path) -> None:
    svc.imports.products(shared_data / "products.xlsx")
    rep = svc.imports.supply(shared_data / "supply.xlsx")
    assert (rep.created, rep.unchanged, rep.kind) == (7, 0, "supply")
    batches = svc.stock.supply()
    assert sum(b.qty for b in batches if b.sku == "ICE-200-WHT") == 300
    again = svc.imports.supply(shared_data / "supply.xlsx")
    assert (again.created, again.unchanged) == (0, 7)
    assert count(svc, SupplyBatch) == 7


def test_supply_with_an_unknown_sku_is_a_row_error(svc: Any, shared_data: Path,
                                                   tmp_path: Path) -> None:
    svc.imports.products(shared_data / "products.xlsx")

    def typo(ws: Any, col: dict[str, int]) -> None:
        ws.cell(4, col["商家编码"]).value = "YRF-001-BLK-XL"

    with pytest.raises(ImportRefused) as exc:
        svc.imports.supply(edit_xlsx(shared_data / "supply.xlsx", tmp_path / "s.xlsx", typo))
    assert [(e.row, e.column, e.value, e.code) for e in exc.value.errors] == [
        (4, "商家编码", "YRF-001-BLK-XL", "unknown_sku")]
    assert count(svc, SupplyBatch) == 0


def test_products_sheet_bad_rows_and_conflicting_codes(svc: Any, shared_data: Path,
                                                       tmp_path: Path) -> None:
    def spoil(ws: Any, col: dict[str, int]) -> None:
        ws.cell(3, col["现货库存"]).value = -4
        ws.cell(ws.max_row + 1, col["商家编码"]).value = "ICE-200-WHT"  # same code, other data
        ws.cell(ws.max_row, col["平台"]).value = "抖音"

    with pytest.raises(ImportRefused) as exc:
        svc.imports.products(edit_xlsx(shared_data / "products.xlsx", tmp_path / "p.xlsx", spoil))
    assert [(e.row, e.column, e.code) for e in exc.value.errors] == [
        (3, "现货库存", "negative_count"), (9, "商家编码", "duplicate_conflict")]
    assert count(svc, Product) == 0


def test_a_saved_custom_mapping_is_used(svc: Any, shared_data: Path, tmp_path: Path) -> None:
    from presale_engine.io import save_custom_preset

    def rename(ws: Any, col: dict[str, int]) -> None:
        ws.cell(1, col["主订单编号"]).value = "订单号码"  # this shop's export calls it so

    path = edit_xlsx(shared_data / "douyin_orders.xlsx", tmp_path / "shop2.xlsx", rename)
    with pytest.raises(MissingColumns):
        svc.imports.orders(path)
    presets = tmp_path / "presets"
    save_custom_preset({"name": "douyin_shop2", "extends": "douyin",
                        "columns": {"order_no": ["订单号码"]}}, presets)
    rep = svc.imports.orders(path, presets_dir=presets)
    assert (rep.created, rep.platform) == (40, "douyin")
    assert order(svc, "6934512094788948184").total == Decimal("779.00")


def test_garbage_collection_resumes_after_an_import(svc: Any, shared_data: Path,
                                                    tmp_path: Path) -> None:
    import gc

    assert gc.isenabled()
    svc.imports.orders(shared_data / "jd_orders.xlsx")
    assert gc.isenabled()
    with pytest.raises(ImportRefused):
        svc.imports.orders(bad_douyin(shared_data, tmp_path))
    assert gc.isenabled()
    gc.disable()
    try:  # an application that runs without it keeps it off
        svc.imports.orders(shared_data / "jd_orders.xlsx")
        assert not gc.isenabled()
    finally:
        gc.enable()


# ------------------------------------------------------------------ what the report tells


def test_orders_for_a_draft_campaign_are_reported_with_the_campaign(
        svc: Any, shared_data: Path) -> None:
    definition = json.loads((shared_data / "campaigns" / "douyin_down_jacket.json")
                            .read_text("utf-8"))
    cid = svc.campaigns.save_draft(definition)
    rep = svc.imports.orders(shared_data / "douyin_orders.xlsx")
    matched = [o for o in all_orders(svc) if o.campaign_id == cid]
    assert matched
    assert rep.inactive_campaigns == [{"id": cid, "name": definition["name"],
                                       "status": "draft", "orders": len(matched)}]
    # an active campaign is not reported, and neither is a re-import
    svc.campaigns.submit(cid)
    assert svc.imports.orders(shared_data / "douyin_orders.xlsx").inactive_campaigns == []


def test_flagged_orders_are_counted_by_reason(svc: Any, shared_data: Path) -> None:
    rep = svc.imports.orders(shared_data / "douyin_orders.xlsx")
    presale = [o for o in all_orders(svc) if o.kind != "normal"]
    assert rep.flagged == len(presale) > 0
    assert rep.flagged_by_reason == {"no_campaign": len(presale)}
    assert rep.as_dict()["flagged_by_reason"] == {"no_campaign": len(presale)}


def test_flagged_orders_are_listed_with_their_reasons(svc: Any, shared_data: Path) -> None:
    rep = svc.imports.orders(shared_data / "douyin_orders.xlsx")
    flagged = {o.id: o for o in all_orders(svc) if o.flags}
    assert len(rep.flagged_orders) == rep.flagged == len(flagged) > 0
    for entry in rep.flagged_orders:
        o = flagged[entry["id"]]
        assert (entry["order_no"], entry["sku"]) == (o.order_no, o.sku)
        assert entry["flags"] == list(o.flags) == ["no_campaign"]
    assert "flagged_orders" not in rep.as_dict()  # the JSON contract is unchanged
