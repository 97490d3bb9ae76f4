"""Exports through the service, on SQLite and PostgreSQL: orders, the campaign summary,
ship sheets and balance reminders, checked cell by cell against a hand-built campaign."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from presale_engine.errors import InputError, NotFound
from presale_engine.io import read_table
from presale_engine.io.export import ExportCancelled
from presale_engine.io.order_exports import SHIP_FIELDS, ship_layout
from presale_engine.service import OrderFilter
from presale_engine.store import queries as Q
from presale_engine.store.models import Order

D = Decimal
SH = ZoneInfo("Asia/Shanghai")
LONG_NO = "6912345678901234567"


def sh(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SH)


CAMPAIGN = {
    "name": "测试 定金预售", "platform": "douyin", "type": "deposit", "currency": "CNY",
    "timezone": "Asia/Shanghai",
    "deposit_window": {"start": "2026-11-01T00:00:00", "end": "2026-11-09T23:59:59"},
    "balance_window": {"start": "2026-11-10T00:00:00", "end": "2026-11-23T23:59:59"},
    "ship": {"mode": "after_payment", "days": 7},
    "items": [
        {"sku": "A-1", "price": "100.00", "deposit": "10.00", "deposit_value": "30.00",
         "cap": 5},
        {"sku": "B-2", "price": "50.00", "deposit": "5.00"},
    ],
}


@pytest.fixture
def xsvc(svc: Any) -> Any:
    """The test service (the export use cases are ``svc.exports``)."""
    return svc


@pytest.fixture
def scenario(xsvc: Any) -> dict[str, Any]:
    """Eight orders of a deposit campaign, one per situation the summary must count.

    NOW is 2026-11-22 12:00 in Shanghai. A-1: unit 100, deposit 10 worth 30, so the
    balance is 70 and the total 80; B-2: 50 with a deposit of 5 (balance 45).
    """
    svc = xsvc
    svc.stock.add_product("A-1", "星河 羽绒服", variant="黑色 M")
    cid = svc.campaigns.create(CAMPAIGN)
    o: dict[str, int] = {}

    def place(key: str, sku: str, qty: int, buyer: str, at: str, **kw: Any) -> int:
        o[key] = svc.orders.place(cid, sku, qty, buyer=buyer, at=sh(at), **kw)
        return o[key]

    def ev(key: str, event: str, at: str, **kw: Any) -> None:
        svc.orders.transition(o[key], event, at=sh(at), **kw)

    # o1: balance paid, due within 48 h (deadline 11-23 10:00); a 19-digit order number.
    place("o1", "A-1", 1, "=1+1", "2026-11-02T10:00", order_no=LONG_NO)
    ev("o1", "pay_deposit", "2026-11-02T10:05")
    ev("o1", "pay_balance", "2026-11-16T10:00")
    # o2: shipped on time, completed.
    place("o2", "A-1", 2, "+86 138", "2026-11-02T11:00")
    ev("o2", "pay_deposit", "2026-11-02T11:01")
    ev("o2", "pay_balance", "2026-11-16T12:00")
    ev("o2", "ship", "2026-11-18T12:00", carrier="中通快递", tracking_no="7312345678901")
    ev("o2", "complete", "2026-11-20T12:00")
    # o3: balance paid, overdue (deadline 11-19 08:00).
    place("o3", "B-2", 1, "-x", "2026-11-03T09:00")
    ev("o3", "pay_deposit", "2026-11-03T09:01")
    ev("o3", "pay_balance", "2026-11-12T08:00")
    # o4: shipped a day late, then returned.
    place("o4", "B-2", 1, "@SUM(A1)", "2026-11-03T10:00")
    ev("o4", "pay_deposit", "2026-11-03T10:01")
    ev("o4", "pay_balance", "2026-11-11T09:00")
    ev("o4", "ship", "2026-11-19T09:00", carrier="顺丰速运", tracking_no="SF1234567890")
    ev("o4", "return", "2026-11-20T09:00")
    # o5, o6: deposit paid, balance open (one of them told the window opened).
    place("o5", "A-1", 1, "\tfoo", "2026-11-04T10:00")
    ev("o5", "pay_deposit", "2026-11-04T10:01")
    place("o6", "A-1", 1, "\rbar", "2026-11-04T11:00")
    ev("o6", "pay_deposit", "2026-11-04T11:01")
    ev("o6", "open_balance", "2026-11-10T00:00")
    # o7: cancelled before paying anything, 23:30 local (15:30 UTC) on 11-05.
    place("o7", "B-2", 1, "普通买家", "2026-11-05T23:30")
    ev("o7", "buyer_cancel", "2026-11-06T08:00")
    # o8: 00:30 local on 11-06 (still 11-05 in UTC), over the A-1 cap; balance lapsed.
    place("o8", "A-1", 3, "李四", "2026-11-06T00:30")
    ev("o8", "pay_deposit", "2026-11-06T00:31")
    ev("o8", "balance_lapse", "2026-11-21T00:00")
    return {"cid": cid, "o": o, "svc": svc}


def _sheet(path: Path, name: str | None = None) -> list[list[Any]]:
    wb = load_workbook(path)
    ws = wb[name] if name else wb.worksheets[0]
    return [list(r) for r in ws.iter_rows()]


def _by_header(rows: list[list[Any]]) -> list[dict[str, Any]]:
    head = [c.value for c in rows[0]]
    return [dict(zip(head, r, strict=True)) for r in rows[1:]]


# --------------------------------------------------------------------------- orders

def test_export_orders_xlsx(scenario: dict[str, Any], tmp_path: Path) -> None:
    svc, o = scenario["svc"], scenario["o"]
    seen: list[tuple[int, int]] = []
    report = svc.exports.orders(tmp_path / "orders.xlsx",
                               progress=lambda d, t: seen.append((d, t)))
    assert (report.rows, report.format, report.sheets) == (8, "xlsx", ("订单",))
    assert seen[-1] == (8, 8)
    rows = _by_header(_sheet(tmp_path / "orders.xlsx"))
    by_no = {r["订单号"].value: r for r in rows}
    o1 = by_no[LONG_NO]
    assert o1["订单号"].data_type == "s"
    assert o1["平台"].value == "抖音"
    assert o1["预售活动"].value == "测试 定金预售"
    assert (o1["商品"].value, o1["规格"].value) == ("星河 羽绒服", "黑色 M")
    assert (o1["状态"].value, o1["类型"].value, o1["币种"].value) == (
        "已付尾款", "定金预售", "CNY")
    for col, amount in (("单价", "100.00"), ("定金", "10.00"), ("尾款", "70.00"),
                        ("订单金额", "80.00")):
        assert (f"{o1[col].value:.2f}", o1[col].number_format) == (amount, "0.00")
    # Times in the shop's zone (Asia/Shanghai), as the seller saw them.
    assert o1["下单时间"].value == datetime(2026, 11, 2, 10, 0)
    assert o1["付款/尾款支付时间"].value == datetime(2026, 11, 16, 10, 0)
    assert o1["最晚发货时间"].value == datetime(2026, 11, 23, 10, 0)
    assert o1["超时未发货"].value == "否"
    o3 = by_no[f"M{o['o3']:010d}"]
    assert o3["超时未发货"].value == "是"
    o2 = by_no[f"M{o['o2']:010d}"]
    assert (o2["物流公司"].value, o2["运单号"].value) == ("中通快递", "7312345678901")
    assert o2["运单号"].data_type == "s"
    assert by_no[f"M{o['o8']:010d}"]["异常标记"].value == "超出预售上限"
    buyers = {r["买家"].value: r["买家"].data_type for r in rows}
    for b in ("=1+1", "+86 138", "-x", "@SUM(A1)", "\tfoo"):
        assert buyers[b] == "s"  # text, never a formula
    # The importer's reader gets the exact buyer texts back (\r included).
    table = read_table(tmp_path / "orders.xlsx")
    assert {r[1][15] for r in table.rows} >= {"=1+1", "\rbar", "\tfoo", "@SUM(A1)"}


def test_export_orders_filtered_csv_en(scenario: dict[str, Any], tmp_path: Path) -> None:
    svc, cid = scenario["svc"], scenario["cid"]
    out = tmp_path / "overdue.csv"
    report = svc.exports.orders(out, OrderFilter(campaign_id=cid, overdue=True), lang="en")
    assert report.rows == 1
    with out.open(encoding="utf-8-sig", newline="") as f:
        head, *lines = list(csv.reader(f))
    assert head[:4] == ["Platform", "Order no.", "Sub-order no.", "Campaign"]
    assert len(lines) == 1
    row = dict(zip(head, lines[0], strict=True))
    assert row["Buyer"] == '="-x"'
    assert (row["Status"], row["Overdue"], row["Total"]) == ("Balance paid", "yes", "50.00")
    assert row["Ship by"] == "2026-11-19 08:00:00"

    out = tmp_path / "all.csv"
    svc.exports.orders(out, OrderFilter(campaign_id=cid))
    table = read_table(out)
    col = table.headers.index("买家")
    assert sorted(r[1][col] for r in table.rows) == sorted(
        ["=1+1", "+86 138", "-x", "@SUM(A1)", "foo", "bar", "普通买家", "李四"])
    nos = [r[1][table.headers.index("订单号")] for r in table.rows]
    assert LONG_NO in nos
    raw = out.read_text("utf-8-sig")
    assert f'"=""{LONG_NO}"""' in raw  # ="…" so Excel keeps all 19 digits


def test_export_orders_cancel(scenario: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportCancelled):
        scenario["svc"].exports.orders(out / "x.xlsx", cancel=lambda: True)
    assert list(out.iterdir()) == []


def test_iter_orders_pages_by_id(scenario: dict[str, Any]) -> None:
    svc, cid = scenario["svc"], scenario["cid"]
    now = svc.now()
    with svc.db.session() as s:
        all_ids = [r[0] for r in Q.iter_orders(s, OrderFilter(), now, ["sku"], batch=3)]
        a1 = [tuple(r) for r in Q.iter_orders(s, OrderFilter(campaign_id=cid, sku="A-1"),
                                              now, ["sku", "qty"], batch=2)]
        with pytest.raises(ValueError, match="no column"):
            list(Q.iter_orders(s, OrderFilter(), now, ["nope"]))
    assert all_ids == sorted(all_ids)
    assert len(all_ids) == 8
    assert [q for _, _, q in a1] == [1, 2, 1, 1, 3]
    assert {sku for _, sku, _ in a1} == {"A-1"}


def test_demo_orders_export_matches_the_list(xsvc: Any, tmp_path: Path) -> None:
    from presale_engine.demo import generate_demo

    generate_demo(xsvc, orders=300)
    report = xsvc.exports.orders(tmp_path / "demo.xlsx")
    assert report.rows == xsvc.orders.count() == 300
    rows = _by_header(_sheet(tmp_path / "demo.xlsx"))
    views = {v.order_no: v for v in xsvc.orders.find(limit=None)}
    assert len(rows) == len(views) == 300
    for r in rows[:50]:
        v = views[r["订单号"].value]
        assert f"{r['订单金额'].value:.2f}" == str(v.total)
        assert r["数量"].value == v.qty
        assert (r["超时未发货"].value == "是") == v.overdue


# --------------------------------------------------------------------------- summary

def test_campaign_summary_numbers(scenario: dict[str, Any], tmp_path: Path) -> None:
    svc, cid = scenario["svc"], scenario["cid"]
    out = tmp_path / "summary.xlsx"
    report = svc.exports.campaign_summary(cid, out, lang="en")
    assert report.sheets == ("Summary", "By SKU", "By day", "By status", "Alerts")
    wb = load_workbook(out)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
    summary = {r[0].value: r[1] for r in _sheet(out, "Summary")[1:]}

    def v(name: str) -> Any:
        return summary[name].value

    assert v("Campaign") == f"测试 定金预售 (#{cid})"
    assert (v("Platform"), v("Type"), v("Currency")) == ("Douyin", "Deposit presale", "CNY")
    assert v("Deposit window") == "2026-11-01 00:00 – 2026-11-09 23:59"
    assert v("Exported at") == datetime(2026, 11, 22, 12, 0)
    assert (v("Orders"), v("Paid orders"), v("Units")) == (8, 7, 10)
    assert (v("GMV"), summary["GMV"].number_format) == (340, "0.00")
    assert v("Average order value") == 85
    assert v("Deposits collected") == 90
    assert (v("Balance conversion"), summary["Balance conversion"].number_format) == (
        pytest.approx(0.5714), "0.00%")
    assert v("Forfeited deposits") == 30
    assert (v("Balances unpaid"), v("Balance outstanding")) == (2, 140)
    assert (v("Orders shipped"), v("On-time rate")) == (2, 0.5)
    assert (v("Cancel rate"), v("Return rate")) == (0.125, 0.5)
    assert (v("Overdue orders"), v("Due within 48 h"), v("Flagged orders")) == (1, 1, 1)

    skus = {r["SKU"].value: {k: c.value for k, c in r.items()}
            for r in _by_header(_sheet(out, "By SKU"))}
    assert skus["A-1"] == {"SKU": "A-1", "Product": "星河 羽绒服 黑色 M", "Orders": 5,
                           "Units": 8, "GMV": 240, "Deposits": 80, "Shipped": 1,
                           "On-time rate": 1, "Overdue": 0, "Cancelled": 0, "Returned": 0}
    assert skus["B-2"] == {"SKU": "B-2", "Product": None, "Orders": 3, "Units": 2,
                           "GMV": 100, "Deposits": 10, "Shipped": 1, "On-time rate": 0,
                           "Overdue": 1, "Cancelled": 1, "Returned": 1}

    days = [(r[0].value.date().isoformat(), r[1].value, r[2].value)
            for r in _sheet(out, "By day")[1:]]
    # o7 and o8 share a UTC day but not a Shanghai one.
    assert days == [("2026-11-02", 2, 3), ("2026-11-03", 2, 2), ("2026-11-04", 2, 2),
                    ("2026-11-05", 1, 1), ("2026-11-06", 1, 3)]

    statuses = {r[1].value: (r[2].value, r[3].value, r[4].value)
                for r in _sheet(out, "By status")[1:]}
    assert statuses == {"balance_paid": (2, 2, 130), "completed": (1, 2, 160),
                        "returned": (1, 1, 50), "deposit_paid": (1, 1, 80),
                        "awaiting_balance": (1, 1, 80), "cancelled_by_buyer": (1, 1, 50),
                        "balance_unpaid": (1, 3, 240)}

    alerts = [(r[0].value, r[1].value, r[6].value) for r in _sheet(out, "Alerts")[1:]]
    o = scenario["o"]
    assert alerts == [
        ("Balance window closing", None,
         "the balance window closes 2026-11-23 23:59; 2 balances unpaid: export the "
         "reminder list"),
        ("Overdue", f"M{o['o3']:010d}", "76.0 h overdue"),
        ("Due within 48 h", LONG_NO, "22.0 h left"),
        ("Flagged order", f"M{o['o8']:010d}", "Over the presale cap"),
    ]


def test_summary_of_a_quiet_full_payment_campaign(xsvc: Any, tmp_path: Path) -> None:
    cid = xsvc.campaigns.create({
        "name": "Quiet", "platform": "jd", "type": "full",
        "sale_window": {"start": "2026-11-10T00:00:00", "end": "2026-11-20T23:59:59"},
        "ship": {"mode": "fixed_date", "date": "2026-11-25"},
        "items": [{"sku": "Q-1", "price": "19.90"}]})
    out = tmp_path / "quiet.xlsx"
    report = xsvc.exports.campaign_summary(cid, out)
    assert report.sheets == ("概览", "按SKU", "按日", "按状态")  # no alerts, no sheet
    summary = {r[0].value: r[1].value for r in _sheet(out)[1:]}
    assert summary["订单数"] == 0
    assert summary["准时发货率"] == "—（暂无数据）"
    assert "尾款转化率" not in summary
    assert summary["发货承诺"] == "预售商品，2026年11月25日前发货"
    with pytest.raises(NotFound):
        xsvc.exports.campaign_summary(cid + 99, out)
    with pytest.raises(InputError):
        xsvc.exports.campaign_summary(cid, tmp_path / "quiet.csv")


# --------------------------------------------------------------------------- reminders

def test_reminders_list_only_unpaid_balances(scenario: dict[str, Any], tmp_path: Path) -> None:
    svc, cid, o = scenario["svc"], scenario["cid"], scenario["o"]
    out = tmp_path / "remind.xlsx"
    report = svc.exports.reminders(cid, out, lang="en")
    assert report.rows == 2
    rows = _by_header(_sheet(out))
    got = {r["Order no."].value: r for r in rows}
    assert set(got) == {f"M{o['o5']:010d}", f"M{o['o6']:010d}"}
    r5 = got[f"M{o['o5']:010d}"]
    assert (r5["Buyer"].value, r5["SKU"].value, r5["Qty"].value) == ("\tfoo", "A-1", 1)
    assert r5["Product"].value == "星河 羽绒服 黑色 M"
    assert (r5["Deposit paid"].value, r5["Balance due"].value) == (10, 70)
    assert r5["Balance due by"].value == datetime(2026, 11, 23, 23, 59, 59)
    assert (r5["Hours left"].value, r5["Hours left"].number_format) == (36, "0.0")
    assert r5["Status"].value == "Deposit paid"
    assert got[f"M{o['o6']:010d}"]["Status"].value == "Awaiting balance"

    full = svc.campaigns.create({
        "name": "Full", "platform": "jd", "type": "full",
        "sale_window": {"start": "2026-11-10T00:00:00", "end": "2026-11-20T23:59:59"},
        "ship": {"mode": "fixed_date", "date": "2026-11-25"},
        "items": [{"sku": "F-1", "price": "19.90"}]})
    with pytest.raises(InputError, match="full-payment"):
        svc.exports.reminders(full, tmp_path / "full.xlsx")
    svc.exports.reminders(cid, tmp_path / "remind.csv")
    with (tmp_path / "remind.csv").open(encoding="utf-8-sig", newline="") as f:
        head, *lines = list(csv.reader(f))
    assert head[:3] == ["平台", "订单号", "买家"]
    assert sorted(line[7] for line in lines) == ["70.00", "70.00"]


# --------------------------------------------------------------------------- ship sheets

@pytest.mark.parametrize(("platform", "headers"), [
    ("douyin", ["订单号", "物流公司", "运单号"]),
    ("taobao", ["订单编号", "物流公司", "运单号"]),
    ("jd", ["订单号", "物流公司", "运单号"]),
    ("tiktok", ["Order ID", "SKU ID(optional)", "Quantity(optional)", "Tracking ID",
                "Shipping Provider Name", "Shipping Service(optional)",
                "Auto Combine Group ID"]),
])
def test_ship_sheet_layouts(xsvc: Any, tmp_path: Path, platform: str,
                            headers: list[str]) -> None:
    out = tmp_path / f"{platform}.xlsx"
    report = xsvc.exports.ship_sheet(platform, out)
    assert report.rows == 0
    assert [c.value for c in _sheet(out)[0]] == headers
    assert ship_layout(platform).source  # every layout says where it comes from
    for _, field, _ in ship_layout(platform).columns:
        assert field in ("", *SHIP_FIELDS)


def test_ship_sheet_rows(scenario: dict[str, Any], tmp_path: Path) -> None:
    svc, o, cid = scenario["svc"], scenario["o"], scenario["cid"]
    # Packed, not yet shipped on the platform: tracking numbers arrive with an import.
    # o1 and a second line of the same platform order share one parcel.
    extra = svc.orders.place(cid, "B-2", 1, buyer="=1+1", at=sh("2026-11-02T10:01"))
    svc.orders.transition(extra, "pay_deposit", at=sh("2026-11-02T10:02"))
    svc.orders.transition(extra, "pay_balance", at=sh("2026-11-16T10:01"))
    with svc.db.session() as s:
        s.execute(update(Order).where(Order.id == extra).values(sub_order_no="2"))
        s.execute(update(Order).where(Order.id.in_([o["o1"], extra])).values(
            order_no="4900000000000000001", carrier="=中通", tracking_no="7300000000001"))
    out = tmp_path / "douyin.xlsx"
    report = svc.exports.ship_sheet("douyin", out)
    rows = [[c.value for c in r] for r in _sheet(out)[1:]]
    assert rows == [["4900000000000000001", "=中通", "7300000000001"]]
    assert report.rows == 1
    cells = _sheet(out)[1]
    assert [c.data_type for c in cells] == ["s", "s", "s"]

    # Orders marked shipped in the app since a time: o4 shipped 11-19 but was returned,
    # o2 is completed; ship one more now and ask for today's shipments.
    svc.orders.transition(o["o3"], "ship", at=sh("2026-11-22T09:00"), carrier="韵达快递",
                         tracking_no="YD0001")
    report = svc.exports.ship_sheet("douyin", out, shipped_since=sh("2026-11-22T00:00"))
    rows = [[c.value for c in r] for r in _sheet(out)[1:]]
    assert rows == [["4900000000000000001", "=中通", "7300000000001"],
                    [f"M{o['o3']:010d}", "韵达快递", "YD0001"]]

    # A filter picks other orders (here: everything of the campaign with a tracking no.).
    report = svc.exports.ship_sheet("douyin", tmp_path / "all.csv",
                                   OrderFilter(campaign_id=cid))
    assert report.rows == 4
    text = (tmp_path / "all.csv").read_text("utf-8-sig").splitlines()
    assert text[0] == "订单号,物流公司,运单号"
    # Plain ids in the upload file; the carrier that looks like a formula is guarded.
    assert text[1] == '4900000000000000001,"=""=中通""",7300000000001'
    assert svc.exports.ship_sheet("tiktok", tmp_path / "tt.xlsx").rows == 0
    with pytest.raises(InputError):
        svc.exports.ship_sheet("other", tmp_path / "x.xlsx")


def test_ship_layout_refuses_a_broken_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    res = tmp_path / "res"
    (res / "ship_sheets").mkdir(parents=True)
    (res / "ship_sheets" / "douyin.json").write_text(
        '{"columns": [{"header": "X", "field": "price"}]}', "utf-8")
    monkeypatch.setenv("PRESALE_RESOURCES", str(res))
    with pytest.raises(InputError, match="price"):
        ship_layout("douyin")
    with pytest.raises(NotFound):
        ship_layout("jd")


def test_alerts_due_window_is_48_hours(scenario: dict[str, Any]) -> None:
    svc, cid = scenario["svc"], scenario["cid"]
    with svc.db.session() as s:
        groups = Q.campaign_groups(s, cid, svc.now() + timedelta(hours=30))
    # 30 h later o1 (deadline 11-23 10:00) is overdue too; nothing else is due.
    assert sum(g.overdue for g in groups) == 2
    assert sum(g.due_48h for g in groups) == 0
