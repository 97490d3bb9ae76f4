"""The exports a seller asks for: orders, a campaign summary, ship sheets, reminders.

Each is an ``Exporter`` (``io.export``): columns plus a row generator over plain tuples
the service reads from the database page by page (``store.queries.iter_orders``). This
module knows the column layouts, the labels in Chinese and English and how a database
row becomes a sheet row; it never touches the database itself. ``*_FIELDS`` name the
order columns each export needs, in the order its rows unpack them.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError, NotFound
from ..money import exponent, from_minor
from ..orders import TO_SHIP, Status
from ..paths import resources_dir
from .export import CancelCheck, Column, ColumnKind, Exporter, Progress, Sheet, Value

# ------------------------------------------------------------------------ labels
# The GUI translates codes through Qt (app/labels.py); files written by the engine
# carry their own two languages, with the same English wording.

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "awaiting_deposit": ("待付定金", "Awaiting deposit"),
    "deposit_paid": ("已付定金", "Deposit paid"),
    "awaiting_balance": ("待付尾款", "Awaiting balance"),
    "balance_paid": ("已付尾款", "Balance paid"),
    "awaiting_payment": ("待付款", "Awaiting payment"),
    "paid": ("已付款", "Paid"),
    "shipped": ("已发货", "Shipped"),
    "completed": ("已完成", "Completed"),
    "balance_unpaid": ("尾款未付（定金不退）", "Balance unpaid (deposit kept)"),
    "cancelled_by_buyer": ("买家取消", "Cancelled by buyer"),
    "cancelled_by_seller": ("商家取消", "Cancelled by seller"),
    "refunded": ("已退款", "Refunded"),
    "returned": ("已退货", "Returned"),
}
KIND_LABELS: dict[str, tuple[str, str]] = {
    "deposit": ("定金预售", "Deposit presale"),
    "full": ("全款预售", "Full-payment presale"),
    "normal": ("普通订单", "Normal order"),
}
PLATFORM_LABELS: dict[str, tuple[str, str]] = {
    "taobao": ("淘宝/天猫", "Taobao/Tmall"),
    "jd": ("京东", "JD"),
    "douyin": ("抖音", "Douyin"),
    "tiktok": ("TikTok Shop", "TikTok Shop"),
    "other": ("其他渠道", "Other channel"),
}
FLAG_LABELS: dict[str, tuple[str, str]] = {
    "over_cap": ("超出预售上限", "Over the presale cap"),
    "over_limit": ("超出限购", "Over the per-buyer limit"),
    "outside_window": ("不在活动时间内", "Outside the sale window"),
}
CAMPAIGN_STATUS_LABELS: dict[str, tuple[str, str]] = {
    "draft": ("草稿", "Draft"),
    "submitted": ("已提交", "Submitted"),
    "approved": ("已通过", "Approved"),
    "rejected": ("已驳回", "Rejected"),
    "cancelled": ("已取消", "Cancelled"),
}


def _label(table: Mapping[str, tuple[str, str]], code: str, lang: str) -> str:
    pair = table.get(code)
    if pair is None:
        return code
    return pair[0] if lang == "zh" else pair[1]


# ------------------------------------------------------------------------ orders

ORDER_FIELDS = ("platform", "order_no", "sub_order_no", "campaign_id", "product_id", "sku",
                "kind", "status", "qty", "currency", "unit_price", "deposit", "balance",
                "total", "buyer", "ordered_at", "deposit_paid_at", "paid_at",
                "ship_deadline", "shipped_at", "carrier", "tracking_no", "flags")
"""Order columns ``OrdersExport`` reads; its rows are ``(id, *ORDER_FIELDS)``."""

ORDER_COLUMNS: tuple[Column, ...] = (
    Column("platform", "平台", "Platform", "text", 11),
    Column("order_no", "订单号", "Order no.", "id", 22),
    Column("sub_order_no", "子订单号", "Sub-order no.", "id", 20),
    Column("campaign", "预售活动", "Campaign", "text", 26),
    Column("sku", "SKU", "SKU", "id", 16),
    Column("product", "商品", "Product", "text", 28),
    Column("variant", "规格", "Variant", "text", 12),
    Column("qty", "数量", "Qty", "int", 6),
    Column("status", "状态", "Status", "text", 14),
    Column("kind", "类型", "Type", "text", 12),
    Column("currency", "币种", "Currency", "text", 7),
    Column("unit_price", "单价", "Unit price", "money", 11),
    Column("deposit", "定金", "Deposit", "money", 10),
    Column("balance", "尾款", "Balance", "money", 10),
    Column("total", "订单金额", "Total", "money", 11),
    Column("buyer", "买家", "Buyer", "text", 16),
    Column("ordered_at", "下单时间", "Ordered", "datetime", 17),
    Column("deposit_paid_at", "定金支付时间", "Deposit paid", "datetime", 17),
    Column("paid_at", "付款/尾款支付时间", "Paid in full", "datetime", 17),
    Column("ship_deadline", "最晚发货时间", "Ship by", "datetime", 17),
    Column("shipped_at", "发货时间", "Shipped", "datetime", 17),
    Column("overdue", "超时未发货", "Overdue", "text", 9),
    Column("carrier", "物流公司", "Carrier", "text", 12),
    Column("tracking_no", "运单号", "Tracking no.", "id", 20),
    Column("flags", "异常标记", "Flags", "text", 18),
)


class _Labels:
    """Per-export caches: a code becomes its label once, not once per row."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.status = {k: _label(STATUS_LABELS, k, lang) for k in STATUS_LABELS}
        self.kind = {k: _label(KIND_LABELS, k, lang) for k in KIND_LABELS}
        self.platform = {k: _label(PLATFORM_LABELS, k, lang) for k in PLATFORM_LABELS}
        self._flags: dict[str, str] = {}
        self._scale: dict[str, int] = {}

    def flags(self, raw: str) -> str:
        if not raw:
            return ""
        out = self._flags.get(raw)
        if out is None:
            sep = "、" if self.lang == "zh" else ", "
            out = sep.join(_label(FLAG_LABELS, f, self.lang) for f in raw.split(",") if f)
            self._flags[raw] = out
        return out

    def money(self, units: int, currency: str) -> Decimal:
        """``money.from_minor`` without its rounding step (an integer needs none): the
        same Decimal, with the currency's decimals, five times faster."""
        scale = self._scale.get(currency)
        if scale is None:
            scale = self._scale[currency] = -exponent(currency)
        return Decimal(units).scaleb(scale)


class OrdersExport(Exporter):
    """Every order field a seller needs, one row per order line, times in the shop zone."""

    columns = ORDER_COLUMNS
    title = ("订单", "Orders")

    def __init__(self, records: Iterable[Sequence[Any]], total: int | None, *,
                 campaigns: Mapping[int, str], products: Mapping[int, tuple[str, str]],
                 now: datetime, lang: str = "zh", tz: tzinfo | None = None,
                 progress: Progress | None = None, cancel: CancelCheck | None = None) -> None:
        super().__init__(lang=lang, tz=tz, progress=progress, cancel=cancel)
        self.records = records
        self._count = total
        self.campaigns = campaigns
        self.products = products
        self.now = now

    def total(self) -> int | None:
        return self._count

    def rows(self) -> Iterator[Sequence[object]]:
        lb = _Labels(self.lang)
        yes, no = self.yes_no(True), self.yes_no(False)
        camps, prods, now = self.campaigns, self.products, self.now
        to_ship = {s.value for s in TO_SHIP}
        money = lb.money
        for rec in self.records:
            (_, platform, order_no, sub_no, cid, pid, sku, kind, status, qty, cur, unit,
             dep, bal, tot, buyer, ordered, dep_at, paid_at, deadline, shipped, carrier,
             tracking, flags) = rec
            name, variant = prods.get(pid, ("", "")) if pid is not None else ("", "")
            overdue = status in to_ship and deadline is not None and now > deadline
            yield (lb.platform.get(platform, platform), order_no, sub_no,
                   camps.get(cid, "") if cid is not None else "", sku, name, variant, qty,
                   lb.status.get(status, status), lb.kind.get(kind, kind), cur,
                   money(unit, cur), money(dep, cur), money(bal, cur), money(tot, cur),
                   buyer, ordered, dep_at, paid_at, deadline, shipped,
                   yes if overdue else no, carrier, tracking, lb.flags(flags))


# ------------------------------------------------------------------------ reminders

REMINDER_FIELDS = ("platform", "order_no", "buyer", "sku", "product_id", "qty", "currency",
                   "deposit", "balance", "status", "deposit_paid_at")
REMINDER_STATUSES = (Status.DEPOSIT_PAID.value, Status.AWAITING_BALANCE.value)


class RemindersExport(Exporter):
    """催付: deposit orders whose balance is unpaid, with what is due and by when."""

    columns = (
        Column("platform", "平台", "Platform", "text", 11),
        Column("order_no", "订单号", "Order no.", "id", 22),
        Column("buyer", "买家", "Buyer", "text", 18),
        Column("sku", "SKU", "SKU", "id", 16),
        Column("product", "商品", "Product", "text", 28),
        Column("qty", "数量", "Qty", "int", 6),
        Column("deposit_paid", "已付定金", "Deposit paid", "money", 11),
        Column("balance_due", "待付尾款", "Balance due", "money", 11),
        Column("balance_deadline", "尾款截止时间", "Balance due by", "datetime", 17),
        Column("hours_left", "剩余小时", "Hours left", "number", 10, "0.0"),
        Column("status", "状态", "Status", "text", 12),
        Column("deposit_paid_at", "定金支付时间", "Deposit paid at", "datetime", 17),
    )
    title = ("催付尾款", "Balance reminders")

    def __init__(self, records: Iterable[Sequence[Any]], total: int | None, *,
                 products: Mapping[int, tuple[str, str]], balance_end: datetime | None,
                 now: datetime, lang: str = "zh", tz: tzinfo | None = None,
                 progress: Progress | None = None, cancel: CancelCheck | None = None) -> None:
        super().__init__(lang=lang, tz=tz, progress=progress, cancel=cancel)
        self.records = records
        self._count = total
        self.products = products
        self.balance_end = balance_end
        self.now = now

    def total(self) -> int | None:
        return self._count

    def rows(self) -> Iterator[Sequence[object]]:
        lb = _Labels(self.lang)
        left: Decimal | None = None
        if self.balance_end is not None:
            secs = max((self.balance_end - self.now).total_seconds(), 0.0)
            left = (Decimal(int(secs)) / 3600).quantize(Decimal("0.1"), ROUND_HALF_UP)
        for rec in self.records:
            (_, platform, order_no, buyer, sku, pid, qty, cur, dep, bal, status,
             dep_at) = rec
            name, variant = self.products.get(pid, ("", "")) if pid is not None else ("", "")
            product = f"{name} {variant}".strip()
            yield (lb.platform.get(platform, platform), order_no, buyer, sku, product, qty,
                   lb.money(dep, cur), lb.money(bal, cur), self.balance_end, left,
                   lb.status.get(status, status), dep_at)


# ------------------------------------------------------------------------ ship sheets

SHIP_FIELDS = ("order_no", "sub_order_no", "carrier", "tracking_no", "sku", "qty")
_SHIP_KINDS: dict[str, ColumnKind] = {"order_no": "id", "sub_order_no": "id",
                                      "tracking_no": "id", "carrier": "text", "sku": "id",
                                      "qty": "int", "": "text"}


@dataclass(frozen=True)
class ShipLayout:
    """A platform's bulk-shipping upload: its headers, in order, and what fills each."""

    platform: str
    label: tuple[str, str]
    sheet: str
    columns: tuple[tuple[str, str, float], ...]  # (header, field, width)
    one_row_per: str  # "order": one row per (order no, tracking no); "line": per order line
    source: str


def ship_sheets_dir() -> Path:
    return resources_dir() / "ship_sheets"


def ship_layout(platform: str) -> ShipLayout:
    """The layout for ``platform`` from ``resources/ship_sheets/<platform>.json``."""
    path = ship_sheets_dir() / f"{platform}.json"
    if not path.is_file():
        known = sorted(p.stem for p in ship_sheets_dir().glob("*.json"))
        raise NotFound(f"no bulk-shipping layout for '{platform}' "
                       f"(known: {', '.join(known) or 'none'})")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        cols = tuple((str(c["header"]), str(c.get("field", "")), float(c.get("width", 16)))
                     for c in data["columns"])
        label = data.get("label", {})
        layout = ShipLayout(str(data.get("platform", platform)),
                            (str(label.get("zh", platform)), str(label.get("en", platform))),
                            str(data.get("sheet", "Sheet1")), cols,
                            str(data.get("one_row_per", "order")), str(data.get("source", "")))
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise InputError(f"{path.name}: not a valid ship-sheet layout ({e})") from None
    bad = [f for _, f, _ in cols if f not in _SHIP_KINDS]
    if bad or not cols or layout.one_row_per not in ("order", "line"):
        raise InputError(f"{path.name}: unknown field(s) {', '.join(bad) or '-'} "
                         f"(use {', '.join(k for k in _SHIP_KINDS if k)})")
    return layout


class ShipSheetExport(Exporter):
    """A platform's bulk-shipping upload sheet filled from packed orders.

    Headers are the platform's own (not translated). A platform order whose lines share
    one parcel appears once. In CSV, order numbers are written plain (the file goes to
    the platform as it is): open the .xlsx form to look at it in Excel.
    """

    csv_ids_as_text = False

    def __init__(self, layout: ShipLayout, records: Iterable[Sequence[Any]], *,
                 total: int | None = None, lang: str = "zh",
                 progress: Progress | None = None, cancel: CancelCheck | None = None) -> None:
        super().__init__(lang=lang, progress=progress, cancel=cancel)
        self.layout = layout
        self.records = records
        self._count = total

    def sheets(self) -> list[Sheet]:
        cols = [Column(f or f"blank{i}", h, h, _SHIP_KINDS[f], w)
                for i, (h, f, w) in enumerate(self.layout.columns)]
        name = self.layout.sheet
        return [Sheet((name, name), cols, self.rows(), self._count)]

    def rows(self) -> Iterator[Sequence[object]]:
        pick = [SHIP_FIELDS.index(f) + 1 if f else 0 for _, f, _ in self.layout.columns]
        per_order = self.layout.one_row_per == "order"
        seen: set[tuple[str, str]] = set()
        for rec in self.records:
            if per_order:
                key = (rec[1], rec[4])
                if key in seen:
                    continue
                seen.add(key)
            yield tuple(rec[i] if i else "" for i in pick)


# ------------------------------------------------------------------------ summary

@dataclass(frozen=True)
class CampaignFacts:
    """What the summary says about the campaign itself (times aware)."""

    id: int
    name: str
    platform: str
    type: str
    status: str
    currency: str
    window: tuple[datetime, datetime] | None  # deposit window or sale window
    balance_window: tuple[datetime, datetime] | None
    ship_promise: str
    skus: tuple[str, ...]
    product_names: Mapping[str, str]


@dataclass(frozen=True)
class CampaignFigures:
    """Campaign metrics (DOMAIN.md, "Metrics"); money in the campaign currency.

    Rates are ``None`` when their denominator is zero (nothing to measure yet).
    """

    orders: int
    paid_orders: int  # with a deposit or a full payment
    units: int  # units of paid orders
    gmv: Decimal  # totals of orders paid in full
    fully_paid: int
    aov: Decimal | None
    deposits: Decimal  # deposit payments received
    deposit_orders: int
    converted: int
    balance_conversion: Decimal | None  # balance paid / deposits paid
    forfeited: Decimal  # kept from deposit orders whose buyer walked away
    balances_open: int  # deposit paid, balance not yet
    balances_open_value: Decimal
    shipped: int
    shipped_timed: int
    on_time: int
    on_time_rate: Decimal | None
    cancelled: int
    cancel_rate: Decimal | None
    returned: int
    return_rate: Decimal | None
    overdue: int
    due_48h: int
    flagged: int


def _rate(part: int, whole: int) -> Decimal | None:
    if whole <= 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


_CANCELLED = {Status.CANCELLED_BY_BUYER.value, Status.CANCELLED_BY_SELLER.value}
_WALKED_AWAY = {Status.BALANCE_UNPAID.value, Status.CANCELLED_BY_BUYER.value}
_OPEN_BALANCE = set(REMINDER_STATUSES)


def campaign_figures(groups: Sequence[Any], payments: Sequence[tuple[str, str, str, int]],
                     currency: str, campaign_type: str) -> CampaignFigures:
    """Combine the (SKU, status) groups and payment sums of one campaign (or one SKU).

    ``groups`` are ``store.queries.OrderGroup`` rows. Forfeited deposits are what the
    payment records leave with the seller on deposit orders closed because the buyer
    did not pay the balance or cancelled (deposit paid, minus any excess over the legal
    20 % refunded).
    """
    g = groups

    def total(attr: str, only: set[str] | None = None) -> int:
        return sum(getattr(x, attr) for x in g if only is None or x.status in only)

    def money(units: int) -> Decimal:
        return from_minor(units, currency)

    orders, fully_paid = total("orders"), total("paid_orders")
    deposit_orders, converted = total("deposit_orders"), total("converted")
    gmv = money(total("paid_value"))
    shipped, timed, on_time = total("shipped"), total("shipped_timed"), total("on_time")
    cancelled = total("orders", _CANCELLED)
    returned = total("orders", {Status.RETURNED.value})
    deposits = sum(a for _, _, k, a in payments if k == "deposit")
    forfeited = 0
    if campaign_type == "deposit":
        forfeited = sum(a for _, st, _, a in payments if st in _WALKED_AWAY)
    # Still due on open deposit orders: their totals less the deposits they paid.
    open_due = total("value", _OPEN_BALANCE) - sum(
        a for _, st, k, a in payments if k == "deposit" and st in _OPEN_BALANCE)
    return CampaignFigures(
        orders=orders, paid_orders=deposit_orders + fully_paid - converted,
        units=total("paid_units"), gmv=gmv, fully_paid=fully_paid,
        aov=(gmv / fully_paid).quantize(gmv, ROUND_HALF_UP) if fully_paid else None,
        deposits=money(deposits), deposit_orders=deposit_orders, converted=converted,
        balance_conversion=(_rate(converted, deposit_orders)
                            if campaign_type == "deposit" else None),
        forfeited=money(forfeited),
        balances_open=total("orders", _OPEN_BALANCE),
        balances_open_value=money(max(open_due, 0)),
        shipped=shipped, shipped_timed=timed, on_time=on_time,
        on_time_rate=_rate(on_time, timed), cancelled=cancelled,
        cancel_rate=_rate(cancelled, orders), returned=returned,
        return_rate=_rate(returned, shipped), overdue=total("overdue"),
        due_48h=total("due_48h"), flagged=total("flagged"))


@dataclass(frozen=True)
class AlertRow:
    kind: str  # "overdue", "due_48h", "flagged", "balance_closing"
    order_no: str
    sku: str
    buyer: str
    status: str
    ship_deadline: datetime | None
    detail: str


ALERT_LABELS: dict[str, tuple[str, str]] = {
    "overdue": ("超时未发货", "Overdue"),
    "due_48h": ("48小时内须发货", "Due within 48 h"),
    "flagged": ("异常订单", "Flagged order"),
    "balance_closing": ("尾款即将截止", "Balance window closing"),
}
ALERT_FIELDS = ("order_no", "sku", "buyer", "status", "ship_deadline", "flags")


class CampaignSummaryExport(Exporter):
    """A campaign workbook: Summary, By SKU, By day, By status and (when any) Alerts."""

    def __init__(self, facts: CampaignFacts, groups: Sequence[Any],
                 payments: Sequence[tuple[str, str, str, int]],
                 by_hour: Sequence[tuple[datetime, int, int]],
                 alerts: Iterable[AlertRow], alert_count: int, *, now: datetime,
                 lang: str = "zh", tz: tzinfo | None = None,
                 progress: Progress | None = None, cancel: CancelCheck | None = None) -> None:
        super().__init__(lang=lang, tz=tz, progress=progress, cancel=cancel)
        self.facts = facts
        self.groups = groups
        self.payments = payments
        self.by_hour = by_hour
        self.alerts = alerts
        self.alert_count = alert_count
        self.now = now
        self.figures = campaign_figures(groups, payments, facts.currency, facts.type)

    def sheets(self) -> list[Sheet]:
        summary = self._summary_rows()
        skus = self._sku_rows()
        days = self._day_rows()
        statuses = self._status_rows()
        out = [
            Sheet(("概览", "Summary"), self.SUMMARY_COLUMNS, summary, len(summary),
                  autofilter=False),
            Sheet(("按SKU", "By SKU"), self.SKU_COLUMNS, skus, len(skus)),
            Sheet(("按日", "By day"), self.DAY_COLUMNS, days, len(days)),
            Sheet(("按状态", "By status"), self.STATUS_COLUMNS, statuses, len(statuses)),
        ]
        closing = self._balance_closing()
        n = self.alert_count + len(closing)
        if n:
            out.append(Sheet(("预警", "Alerts"), self.ALERT_COLUMNS,
                             self._alert_rows(closing), n))
        return out

    # -------------------------------------------------------------- summary
    SUMMARY_COLUMNS = (Column("metric", "指标", "Metric", "text", 22),
                       Column("value", "数值", "Value", "any", 26),
                       Column("note", "说明", "Note", "text", 60))

    def _summary_rows(self) -> list[tuple[object, ...]]:
        f, x, L = self.facts, self.figures, self.label
        deposit = f.type == "deposit"

        def span(w: tuple[datetime, datetime] | None) -> str:
            if w is None:
                return ""
            a, b = self.local(w[0]), self.local(w[1])
            assert a is not None
            assert b is not None
            return f"{a:%Y-%m-%d %H:%M} – {b:%Y-%m-%d %H:%M}"

        def pct(v: Decimal | None) -> object:
            return Value(v, "percent") if v is not None else L("—（暂无数据）", "— (nothing yet)")

        rows: list[tuple[object, ...]] = [
            (L("活动", "Campaign"), f"{f.name} (#{f.id})", ""),
            (L("平台", "Platform"), _label(PLATFORM_LABELS, f.platform, self.lang), ""),
            (L("类型", "Type"), _label(KIND_LABELS, f.type, self.lang), ""),
            (L("活动状态", "Campaign status"), _label(CAMPAIGN_STATUS_LABELS, f.status,
                                                    self.lang), ""),
            (L("币种", "Currency"), f.currency, ""),
            (L("定金期" if deposit else "预售期", "Deposit window" if deposit
               else "Sale window"), span(f.window), L("店铺时区", "shop time zone")),
        ]
        if deposit:
            rows.append((L("尾款期", "Balance window"), span(f.balance_window),
                         L("店铺时区", "shop time zone")))
        rows += [
            (L("发货承诺", "Ship promise"), f.ship_promise, ""),
            (L("SKU 数", "SKUs"), len(f.skus), ", ".join(f.skus)),
            (L("导出时间", "Exported at"), self.now, L("店铺时区", "shop time zone")),
            (L("订单数", "Orders"), x.orders, L("全部下单（含未付款、已取消）",
                                               "all orders placed, unpaid and cancelled too")),
            (L("已付款订单", "Paid orders"), x.paid_orders,
             L("已付定金或全款", "deposit or full payment received")),
            (L("件数", "Units"), x.units, L("已付款订单的件数", "units of paid orders")),
            ("GMV", x.gmv, L("已付全款（含尾款）订单的金额，含之后退款的",
                             "totals of orders paid in full, including later refunds")),
            (L("客单价", "Average order value"), x.aov if x.aov is not None else "",
             L("GMV ÷ 已付全款订单数", "GMV / orders paid in full")),
        ]
        if deposit:
            rows += [
                (L("已收定金", "Deposits collected"), x.deposits,
                 L(f"{x.deposit_orders} 单定金付款记录合计",
                   f"deposit payments of {x.deposit_orders} orders")),
                (L("尾款转化率", "Balance conversion"), pct(x.balance_conversion),
                 L(f"已付尾款 {x.converted} ÷ 已付定金 {x.deposit_orders}",
                   f"balance paid {x.converted} / deposit paid {x.deposit_orders}")),
                (L("没收定金", "Forfeited deposits"), x.forfeited,
                 L("买家未付尾款或取消后商家保留的定金（《民法典》第587条）",
                   "deposits kept when the buyer did not pay the balance or cancelled "
                   "(Civil Code art. 587)")),
                (L("待付尾款订单", "Balances unpaid"), x.balances_open,
                 L("已付定金、尾款未付", "deposit paid, balance not yet")),
                (L("待付尾款金额", "Balance outstanding"), x.balances_open_value, ""),
            ]
        rows += [
            (L("已发货订单", "Orders shipped"), x.shipped, ""),
            (L("准时发货率", "On-time rate"), pct(x.on_time_rate),
             L(f"按时发货 {x.on_time} ÷ 已发货 {x.shipped_timed}",
               f"shipped by the deadline {x.on_time} / shipped {x.shipped_timed}")),
            (L("取消率", "Cancel rate"), pct(x.cancel_rate),
             L(f"取消 {x.cancelled} ÷ 订单 {x.orders}",
               f"cancelled {x.cancelled} / orders {x.orders}")),
            (L("退货率", "Return rate"), pct(x.return_rate),
             L(f"退货 {x.returned} ÷ 已发货 {x.shipped}",
               f"returned {x.returned} / shipped {x.shipped}")),
            (L("超时未发货", "Overdue orders"), x.overdue,
             L("已付款未发货且已过最晚发货时间", "paid, not shipped, past the ship deadline")),
            (L("48小时内须发货", "Due within 48 h"), x.due_48h, ""),
            (L("异常标记订单", "Flagged orders"), x.flagged,
             L("超出预售上限、限购或活动时间", "over the cap or the per-buyer limit, or "
               "outside the window")),
        ]
        return rows

    # -------------------------------------------------------------- by SKU
    SKU_COLUMNS = (Column("sku", "SKU", "SKU", "id", 16),
                   Column("product", "商品", "Product", "text", 28),
                   Column("orders", "订单数", "Orders", "int", 9),
                   Column("units", "件数", "Units", "int", 8),
                   Column("gmv", "GMV", "GMV", "money", 13),
                   Column("deposits", "已收定金", "Deposits", "money", 12),
                   Column("shipped", "已发货", "Shipped", "int", 9),
                   Column("on_time", "准时发货率", "On-time rate", "percent", 11),
                   Column("overdue", "超时未发货", "Overdue", "int", 10),
                   Column("cancelled", "取消", "Cancelled", "int", 9),
                   Column("returned", "退货", "Returned", "int", 9))

    def _sku_rows(self) -> list[tuple[object, ...]]:
        f = self.facts
        skus = list(f.skus) + sorted({g.sku for g in self.groups} - set(f.skus))
        out: list[tuple[object, ...]] = []
        for sku in skus:
            g = [x for x in self.groups if x.sku == sku]
            p = [x for x in self.payments if x[0] == sku]
            x = campaign_figures(g, p, f.currency, f.type)
            out.append((sku, f.product_names.get(sku, ""), x.orders, x.units, x.gmv,
                        x.deposits if f.type == "deposit" else None, x.shipped,
                        x.on_time_rate, x.overdue, x.cancelled, x.returned))
        return out

    # -------------------------------------------------------------- by day
    DAY_COLUMNS = (Column("day", "日期", "Date", "date", 12),
                   Column("orders", "订单数", "Orders", "int", 9),
                   Column("units", "件数", "Units", "int", 8))

    def _day_rows(self) -> list[tuple[object, ...]]:
        days: dict[date, list[int]] = {}
        for hour, n, units in self.by_hour:
            d = hour.astimezone(self.tz).date()
            acc = days.setdefault(d, [0, 0])
            acc[0] += n
            acc[1] += units
        return [(d, a[0], a[1]) for d, a in sorted(days.items())]

    # -------------------------------------------------------------- by status
    STATUS_COLUMNS = (Column("status", "状态", "Status", "text", 22),
                      Column("code", "状态代码", "Code", "text", 18),
                      Column("orders", "订单数", "Orders", "int", 9),
                      Column("units", "件数", "Units", "int", 8),
                      Column("value", "订单金额", "Value", "money", 14))

    def _status_rows(self) -> list[tuple[object, ...]]:
        acc: dict[str, list[int]] = {}
        for g in self.groups:
            a = acc.setdefault(g.status, [0, 0, 0])
            a[0] += g.orders
            a[1] += g.units
            a[2] += g.value
        order = list(STATUS_LABELS)
        return [(_label(STATUS_LABELS, st, self.lang), st, a[0], a[1],
                 from_minor(a[2], self.facts.currency))
                for st, a in sorted(acc.items(), key=lambda kv: (
                    order.index(kv[0]) if kv[0] in order else len(order), kv[0]))]

    # -------------------------------------------------------------- alerts
    ALERT_COLUMNS = (Column("alert", "预警", "Alert", "text", 16),
                     Column("order_no", "订单号", "Order no.", "id", 22),
                     Column("sku", "SKU", "SKU", "id", 16),
                     Column("buyer", "买家", "Buyer", "text", 16),
                     Column("status", "状态", "Status", "text", 14),
                     Column("ship_deadline", "最晚发货时间", "Ship by", "datetime", 17),
                     Column("detail", "详情", "Detail", "text", 40))

    def _balance_closing(self) -> list[AlertRow]:
        """A campaign-level alert: the balance window closes within 48 h, balances unpaid."""
        f, x = self.facts, self.figures
        if f.type != "deposit" or f.balance_window is None or not x.balances_open:
            return []
        end = f.balance_window[1]
        if not self.now <= end <= self.now + timedelta(hours=48):
            return []
        local = self.local(end)
        assert local is not None
        detail = self.label(
            f"尾款期 {local:%Y-%m-%d %H:%M} 截止，{x.balances_open} 单尾款未付：请导出催付名单",
            f"the balance window closes {local:%Y-%m-%d %H:%M}; {x.balances_open} balances "
            "unpaid: export the reminder list")
        return [AlertRow("balance_closing", "", "", "", "", None, detail)]

    def _alert_rows(self, first: Sequence[AlertRow]) -> Iterator[tuple[object, ...]]:
        lb = _Labels(self.lang)
        kinds = {k: _label(ALERT_LABELS, k, self.lang) for k in ALERT_LABELS}
        for a in itertools.chain(first, self.alerts):
            if a.kind == "flagged":
                detail = lb.flags(a.detail)
            elif a.kind in ("overdue", "due_48h"):
                detail = self.hours_text(a.ship_deadline)
            else:
                detail = a.detail
            yield (kinds.get(a.kind, a.kind), a.order_no, a.sku, a.buyer,
                   lb.status.get(a.status, a.status) if a.status else "", a.ship_deadline,
                   detail)

    def hours_text(self, deadline: datetime | None) -> str:
        if deadline is None:
            return ""
        hours = (deadline - self.now) / timedelta(hours=1)
        if hours < 0:
            return self.label(f"已超时 {-hours:.1f} 小时", f"{-hours:.1f} h overdue")
        return self.label(f"剩余 {hours:.1f} 小时", f"{hours:.1f} h left")
