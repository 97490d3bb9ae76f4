"""A realistic demo shop: four platforms, every price form, orders in every state.

Campaigns are placed around "now" so the demo always shows something to act on: a
deposit presale whose balance orders are due or overdue, a tiered presale in its
balance window, a fixed-date presale, a TikTok pre-order with late orders, a campaign
still taking deposits and an old one that is finished. Orders are written with the bulk
path (1,000,000 in well under 30 s on SQLite, see docs/BENCHMARKS.md).
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, func, select

from .errors import Conflict
from .money import to_minor
from .orders import OPEN_DEMAND, Status
from .pricing import Quote, quote
from .store import bulk
from .store.models import Campaign, Order, Payment

if TYPE_CHECKING:
    from .service import Service

S = Status
DAY = 86400
HOUR = 3600

PRODUCTS: list[dict[str, Any]] = [
    # sku, name, variant, platform, location, on hand, cost, list price, sales 30 d
    dict(sku="YRF-001-BLK-M", name="星河 秋冬新款羽绒服", variant="黑色 M", platform="douyin",
         location="A-01-03", on_hand=40, cost="310.00", list_price="1099.00", sales_30d=1800),
    dict(sku="YRF-001-BLK-L", name="星河 秋冬新款羽绒服", variant="黑色 L", platform="douyin",
         location="A-01-04", on_hand=25, cost="310.00", list_price="1099.00", sales_30d=1500),
    dict(sku="YRF-001-WHT-M", name="星河 秋冬新款羽绒服", variant="白色 M", platform="douyin",
         location="A-01-05", on_hand=5, cost="310.00", list_price="1099.00", sales_30d=900),
    dict(sku="ICE-200-WHT", name="雪峰 家用碎冰机", variant="白色", platform="taobao",
         location="B-02-01", on_hand=300, cost="120.00", list_price="329.00", sales_30d=2600),
    dict(sku="EAR-STAR-01", name="闪星 925银星星耳钉", variant="银色", platform="jd",
         location="C-05-11", on_hand=600, cost="6.50", list_price="29.90", sales_30d=3000),
    dict(sku="XMAS-BOX-01", name="Starlight Christmas Gift Box", variant="Red",
         platform="tiktok", location="D-01-01", on_hand=80, cost="12.00",
         list_price="49.90", sales_30d=1200),
    dict(sku="XMAS-BOX-02", name="Starlight Christmas Gift Box", variant="Green",
         platform="tiktok", location="D-01-02", on_hand=60, cost="12.00",
         list_price="49.90", sales_30d=900),
    dict(sku="YRC-010-GRY-M", name="星河 冬季长款大衣", variant="灰色 M", platform="douyin",
         location="A-03-01", on_hand=0, cost="420.00", list_price="1599.00", sales_30d=700),
    dict(sku="YRC-010-GRY-L", name="星河 冬季长款大衣", variant="灰色 L", platform="douyin",
         location="A-03-02", on_hand=0, cost="420.00", list_price="1599.00", sales_30d=600),
    dict(sku="TEA-MID-01", name="山野 中秋茶礼盒", variant="标准装", platform="other",
         location="E-01-01", on_hand=12, cost="45.00", list_price="168.00", sales_30d=400),
    dict(sku="SOCK-5P-01", name="星河 纯棉袜子5双装", variant="混色", platform="taobao",
         location="F-02-07", on_hand=2000, cost="8.00", list_price="29.90", sales_30d=5000),
]


def _w(start: datetime, end: datetime, tz: ZoneInfo) -> dict[str, str]:
    return {"start": start.astimezone(tz).replace(tzinfo=None).isoformat(timespec="seconds"),
            "end": end.astimezone(tz).replace(tzinfo=None).isoformat(timespec="seconds")}


def _day(now: datetime, days: float, tz: ZoneInfo) -> datetime:
    """Midnight (local) ``days`` from today."""
    local = now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    return local + timedelta(days=days)


def campaign_definitions(now: datetime) -> list[tuple[dict[str, Any], str, float]]:
    """(definition, final status, share of presale orders) placed around ``now``."""
    cn = ZoneInfo("Asia/Shanghai")
    la = ZoneInfo("America/Los_Angeles")
    sec = timedelta(seconds=1)

    def d(n: float) -> datetime:
        return _day(now, n, cn)

    jacket = {
        "name": "星河 秋冬新款羽绒服定金预售", "platform": "douyin", "type": "deposit",
        "currency": "CNY", "timezone": "Asia/Shanghai",
        "deposit_window": _w(d(-25), d(-12) - sec, cn),
        "balance_window": _w(d(-12), d(-9) - sec, cn),
        "ship": {"mode": "after_payment", "days": 10}, "reservation": "no_reserve",
        "per_buyer_limit": 2, "audience": "everyone", "purpose": "build_demand",
        "items": [{"sku": s, "price": "899.00", "deposit": "50.00", "deposit_value": "150.00",
                   "balance_discount": "20.00", "cap": 1200}
                  for s in ("YRF-001-BLK-M", "YRF-001-BLK-L", "YRF-001-WHT-M")]}
    ice = {
        "name": "双十一 雪峰碎冰机 阶梯预售", "platform": "taobao", "type": "deposit",
        "currency": "CNY", "timezone": "Asia/Shanghai",
        "deposit_window": _w(d(-20), d(-3) - sec, cn),
        "balance_window": _w(d(-3), d(2) - sec, cn),
        "ship": {"mode": "after_payment", "days": 7}, "reservation": "reserve_stock",
        "per_buyer_limit": 2, "audience": "everyone", "purpose": "build_demand",
        "items": [{"sku": "ICE-200-WHT", "price": "299.00", "deposit": "30.00",
                   "deposit_value": "60.00", "cap": 1800,
                   "tiers": [{"min_units": 1, "price": "299.00"},
                             {"min_units": 100, "price": "279.00"},
                             {"min_units": 300, "price": "259.00"}]}]}
    earrings = {
        "name": "闪星 925银耳钉 全款预售", "platform": "jd", "type": "full", "currency": "CNY",
        "timezone": "Asia/Shanghai", "sale_window": _w(d(-15), d(-2) - sec, cn),
        "ship": {"mode": "fixed_date",
                 "date": (now.astimezone(cn).date() + timedelta(days=3)).isoformat()},
        "reservation": "reserve_stock", "per_buyer_limit": 5, "audience": "members",
        "purpose": "test", "items": [{"sku": "EAR-STAR-01", "price": "19.90", "cap": 2000}]}
    gift = {
        "name": "Starlight Christmas Gift Box pre-order", "platform": "tiktok",
        "type": "full", "currency": "USD", "timezone": "America/Los_Angeles",
        "sale_window": _w(_day(now, -20, la), _day(now, 5, la) - sec, la),
        "ship": {"mode": "after_payment", "days": 15}, "reservation": "no_reserve",
        "per_buyer_limit": 5, "audience": "everyone", "purpose": "build_demand",
        "items": [{"sku": "XMAS-BOX-01", "price": "39.90", "list_price": "49.90", "cap": 800},
                  {"sku": "XMAS-BOX-02", "price": "39.90", "list_price": "49.90", "cap": 600}]}
    coat = {
        "name": "星河 冬季长款大衣 定金翻倍", "platform": "douyin", "type": "deposit",
        "currency": "CNY", "timezone": "Asia/Shanghai",
        "deposit_window": _w(d(-2), d(8) - sec, cn),
        "balance_window": _w(d(8), d(10) - sec, cn),
        "ship": {"mode": "after_presale_end", "days": 7}, "reservation": "no_reserve",
        "per_buyer_limit": 1, "audience": "members", "purpose": "test",
        "items": [{"sku": s, "price": "1299.00", "deposit": "100.00", "deposit_value": "200.00",
                   "balance_discount": "50.00", "list_price": "1599.00", "cap": 400}
                  for s in ("YRC-010-GRY-M", "YRC-010-GRY-L")]}
    tea = {
        "name": "山野 中秋茶礼 预售", "platform": "other", "type": "full", "currency": "CNY",
        "timezone": "Asia/Shanghai", "sale_window": _w(d(-70), d(-60) - sec, cn),
        "ship": {"mode": "after_presale_end", "days": 10}, "reservation": "no_reserve",
        "audience": "everyone", "purpose": "clearance",
        "items": [{"sku": "TEA-MID-01", "price": "128.00", "list_price": "168.00"}]}
    next_year = dict(ice, name="明年 双十一 碎冰机 预售（草稿）",
                     deposit_window=_w(d(340), d(350) - sec, cn),
                     balance_window=_w(d(350), d(351) - sec, cn))
    return [(jacket, "approved", 0.30), (ice, "approved", 0.25), (earrings, "approved", 0.12),
            (gift, "approved", 0.15), (coat, "approved", 0.10), (tea, "approved", 0.08),
            (next_year, "draft", 0.0)]


@dataclass
class _Plan:
    """What the generator needs of one stored campaign."""

    id: int
    platform: str
    type: str
    currency: str
    skus: list[tuple[str, int | None]]  # (sku, product id)
    quotes: dict[str, Quote]
    open_ts: int  # deposit or sale window
    close_ts: int
    bal_open: int | None
    bal_close: int | None
    ship_mode: str
    ship_days: int
    fixed_ts: int | None
    end_ts: int
    weight: float
    prefix: str
    reserve: bool
    cum: list[float] = field(default_factory=list)

    def order_no(self, oid: int) -> str:
        """As the platform writes them: Douyin 19 digits and TikTok 18 (they must show
        whole, issue 13), the others 12."""
        if self.platform == "douyin":
            return f"69{self.prefix}{oid:016d}"
        if self.platform == "tiktok":
            return f"57{self.prefix}{oid:015d}"
        return f"{self.prefix}{oid:011d}"


def generate_demo(svc: Service, *, orders: int = 5000, seed: int = 2026) -> dict[str, Any]:
    """Fill an empty database with the demo shop. Refuses a database that has orders."""
    t0 = time.perf_counter()
    rnd = random.Random(seed)
    now = svc.now()
    with svc.db.session() as s:
        if s.execute(select(func.count()).select_from(Order)).scalar_one():
            raise Conflict(f"{svc.db.display_name()} already holds orders; "
                           "use a new database file for the demo")
        if s.execute(select(func.count()).select_from(Campaign)).scalar_one():
            raise Conflict(f"{svc.db.display_name()} already holds campaigns; "
                           "use a new database file for the demo")
    svc.shop.update(name="星河优品 (演示 demo)", timezone="Asia/Shanghai", currency="CNY")
    existing = {p.sku for p in svc.stock.products()}
    for p in PRODUCTS:
        if p["sku"] not in existing:
            svc.stock.add_product(p["sku"], p["name"], variant=p["variant"], platform=p["platform"],
                            on_hand=p["on_hand"], location=p["location"],
                            sales_30d=p["sales_30d"], cost=Decimal(p["cost"]),
                            list_price=Decimal(p["list_price"]))
    pids = {p.sku: p.id for p in svc.stock.products()}
    plans: list[_Plan] = []
    for n, (defn, status, weight) in enumerate(campaign_definitions(now)):
        # Active at once (the demo shop has no approval step), the next-year one a draft.
        cid = (svc.campaigns.create(defn) if status == "approved"
               else svc.campaigns.save_draft(defn))
        if weight <= 0:
            continue
        c = svc.campaigns.get(cid).campaign
        win = c.deposit_window if c.type == "deposit" else c.sale_window
        assert win is not None
        # Volume tiers: the demo sells enough to reach the last tier.
        qts = {it.sku: quote(it.pricing, units_sold=10**9) for it in c.items}
        plans.append(_Plan(
            id=cid, platform=c.platform, type=c.type, currency=c.currency,
            skus=[(it.sku, pids.get(it.sku)) for it in c.items], quotes=qts,
            open_ts=bulk.epoch(win.start), close_ts=bulk.epoch(win.end),
            bal_open=bulk.epoch(c.balance_window.start) if c.balance_window else None,
            bal_close=bulk.epoch(c.balance_window.end) if c.balance_window else None,
            ship_mode=c.ship.mode, ship_days=c.ship.days or 0,
            fixed_ts=(bulk.epoch(datetime.combine(c.ship.date, datetime.max.time(), c.tz)
                                 .replace(microsecond=0)) if c.ship.date else None),
            end_ts=bulk.epoch(c.presale_end) if c.presale_end else 0, weight=weight,
            prefix=f"{n + 1}", reserve=c.reservation == "reserve_stock"))
    # A million tuples trip the cyclic garbage collector hundreds of times for nothing
    # (they hold no cycles); pausing it saves about a quarter of the run.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        written, pays = _write_orders(svc, plans, pids, orders, rnd, bulk.epoch(now))
    finally:
        if gc_was_on:
            gc.enable()
    batches = _add_supply(svc, now)
    svc.shop.record("demo.generate", "shop", None, {"orders": written, "seed": seed})
    if svc.db.is_sqlite:
        with svc.db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    return {"database": svc.db.display_name(), "campaigns": len(plans) + 1,
            "products": len(PRODUCTS), "orders": written, "payments": pays,
            "supply_batches": batches,
            "seconds": round(time.perf_counter() - t0, 2)}


def _add_supply(svc: Service, now: datetime) -> int:
    """Production runs sized to the open demand: most arrive in time, one SKU's run is
    late and one SKU gets only part of what it needs, so allocation has shortfalls to show.
    """
    today = now.astimezone(ZoneInfo("Asia/Shanghai")).date()
    n = 0
    for row in svc.stock.overview():
        gap = row.reserved + row.committed - row.on_hand
        if gap <= 0:
            continue
        if row.sku == "YRF-001-WHT-M":  # the factory is behind on white
            plan = [(0.5, 6, "嘉兴服装厂", "延期：面料未到")]
        elif row.sku.startswith("YRC-"):
            plan = [(0.6, 9, "嘉兴服装厂", "首批"), (0.5, 16, "嘉兴服装厂", "二批")]
        else:
            plan = [(0.7, 1, "合作工厂", "首批"), (0.4, 4, "合作工厂", "二批")]
        for share, days, supplier, note in plan:
            qty = max(int(gap * share), 1)
            svc.stock.add_supply(row.sku, qty, today + timedelta(days=days), supplier=supplier,
                           note=note)
            n += 1
    return n


ORDER_COLS = ("id", "shop_id", "platform", "order_no", "sub_order_no", "campaign_id",
              "product_id", "sku", "kind", "status", "qty", "currency", "unit_price",
              "deposit", "balance", "total", "buyer", "ordered_at", "deposit_paid_at",
              "paid_at", "ship_deadline", "shipped_at", "carrier", "tracking_no", "reserved",
              "flags", "updated_at")
PAY_COLS = ("order_id", "kind", "amount", "at")
CARRIERS = {"douyin": "中通快递", "taobao": "圆通速递", "jd": "京东物流", "tiktok": "USPS",
            "other": "顺丰速运"}
NORMAL_SKUS = [("SOCK-5P-01", "taobao", 2990), ("EAR-STAR-01", "jd", 2990),
               ("YRF-001-BLK-M", "douyin", 109900), ("XMAS-BOX-01", "tiktok", 4990)]


def _deadline(p: _Plan, paid: int) -> int:
    if p.ship_mode == "fixed_date" and p.fixed_ts is not None:
        return p.fixed_ts
    if p.ship_mode == "after_presale_end":
        return p.end_ts + p.ship_days * DAY
    return paid + p.ship_days * DAY


def _write_orders(svc: Service, plans: list[_Plan], pids: dict[str, int], total: int,
                  rnd: random.Random, now: int) -> tuple[int, int]:
    """Generate and bulk-insert ``total`` orders (about 8 % of them normal, non-presale)."""
    shop_id = svc.shop.get().id
    weights = [p.weight for p in plans] + [0.08]
    picks = rnd.choices(range(len(weights)), weights=weights, k=total)
    rr = rnd.random

    def ri(a: int, b: int) -> int:  # randint without its argument checks (4x faster)
        return a + int(rr() * (b - a + 1))

    def rt(a: int, b: int) -> int:  # a whole minute in [a, b]: cheap to encode
        return (a + int(rr() * (b - a + 1))) // 60 * 60

    now -= now % 60
    money = {(k, sku): (to_minor(q.unit_price, p.currency), to_minor(q.deposit, p.currency),
                        to_minor(q.balance, p.currency))
             for k, p in enumerate(plans) for sku, q in p.quotes.items()}
    with svc.db.engine.begin() as conn:
        enc = bulk.datetime_encoder(conn)
        start_id = int(conn.execute(select(func.coalesce(func.max(Order.id), 0))).scalar_one())
        held: dict[int, int] = {}
        on_hand = {p["sku"]: int(p["on_hand"]) for p in PRODUCTS}

        def chunks() -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
            rows: list[tuple[Any, ...]] = []
            pays: list[tuple[Any, ...]] = []
            for i, k in enumerate(picks):
                if len(rows) >= bulk.CHUNK:
                    yield rows, pays
                    rows, pays = [], []
                oid = start_id + i + 1
                dep_at: int | None = None
                paid: int | None = None
                deadline: int | None = None
                shipped: int | None = None
                if k == len(plans):
                    sku, platform, price = NORMAL_SKUS[i % len(NORMAL_SKUS)]
                    ordered = now - rt(0, 30 * DAY)
                    n_paid = ordered + 60
                    deadline = n_paid + 2 * DAY
                    x = rr()
                    if x < 0.85 and deadline < now:
                        nst, shipped = S.COMPLETED.value, n_paid + rt(3600, 40 * HOUR)
                    elif x < 0.93:
                        nst, shipped = S.SHIPPED.value, min(n_paid + rt(3600, 40 * HOUR), now)
                    elif x < 0.97:
                        nst = S.PAID.value
                    else:
                        nst = S.REFUNDED.value
                    cur = "USD" if platform == "tiktok" else "CNY"
                    rows.append((oid, shop_id, platform, f"N{oid:012d}", "", None, pids.get(sku),
                                 sku, "normal", nst, 1, cur, price, 0, price, price,
                                 f"buyer{ri(1, 999999)}", enc(ordered), None, enc(n_paid),
                                 enc(deadline), enc(shipped), CARRIERS[platform] if shipped else "",
                                 f"T{oid:012d}" if shipped else "", 0, "", enc(now)))
                    pays.append((oid, "full", price, enc(n_paid)))
                    continue
                p = plans[k]
                sku, pid = p.skus[i % len(p.skus)]
                qty = 1 if rr() < 0.8 else ri(2, 3)
                cur = p.currency
                unit, dep1, bal1 = money[k, sku]
                dep = dep1 * qty
                bal = bal1 * qty
                tot = dep + bal
                hi = min(p.close_ts, now - 600)
                ordered = rt(p.open_ts, max(hi, p.open_ts))
                x = rr()
                if p.type == "deposit":
                    dep_at = ordered + ri(1, 15) * 60
                    assert p.bal_open is not None
                    assert p.bal_close is not None
                    bal_live = p.bal_open <= now
                    if not bal_live:
                        st = (S.AWAITING_DEPOSIT if x < 0.08 else S.CANCELLED_BY_BUYER
                              if x < 0.10 else S.DEPOSIT_PAID)
                    else:
                        paid = rt(p.bal_open, min(p.bal_close, now - 60))
                        deadline = _deadline(p, paid)
                        closed = p.bal_close < now
                        if x < 0.03:
                            st = S.AWAITING_DEPOSIT if not closed else S.CANCELLED_BY_BUYER
                        elif x < 0.13:
                            st = S.BALANCE_UNPAID if closed else S.AWAITING_BALANCE
                        elif x < 0.15:
                            st = S.CANCELLED_BY_SELLER
                        elif x < 0.18:
                            st = S.REFUNDED
                        else:
                            y = rr()
                            if deadline < now - 3 * DAY:
                                st = (S.COMPLETED if y < 0.8 else S.SHIPPED if y < 0.97
                                      else S.RETURNED)
                            elif deadline < now:
                                st = (S.COMPLETED if y < 0.75 else S.SHIPPED if y < 0.92
                                      else S.RETURNED if y < 0.94 else S.BALANCE_PAID)
                            else:
                                st = S.SHIPPED if y < 0.55 else S.BALANCE_PAID
                        if st in (S.AWAITING_DEPOSIT, S.CANCELLED_BY_BUYER):
                            dep_at = None
                        if st in (S.AWAITING_DEPOSIT, S.CANCELLED_BY_BUYER, S.BALANCE_UNPAID,
                                  S.AWAITING_BALANCE):
                            paid = deadline = None
                else:
                    paid = ordered + ri(1, 10) * 60
                    deadline = _deadline(p, paid)
                    if x < 0.03:
                        st, paid, deadline = S.AWAITING_PAYMENT, None, None
                    elif x < 0.06:
                        st = S.CANCELLED_BY_BUYER
                    elif x < 0.08:
                        st = S.REFUNDED
                    else:
                        y = rr()
                        if deadline < now - 3 * DAY:
                            st = (S.COMPLETED if y < 0.8 else S.SHIPPED if y < 0.97
                                  else S.RETURNED)
                        elif deadline < now:
                            st = (S.COMPLETED if y < 0.7 else S.SHIPPED if y < 0.9
                                  else S.RETURNED if y < 0.93 else S.PAID)
                        else:
                            st = S.SHIPPED if y < 0.5 else S.PAID
                if st in (S.SHIPPED, S.COMPLETED, S.RETURNED):
                    assert paid is not None
                    assert deadline is not None
                    # Most ship in time; some ship late (the on-time rate is below 100 %).
                    span = max(deadline - paid, HOUR)
                    late = rr() >= 0.96
                    share = 1.0 + rr() * 0.3 if late else rr() * 0.9
                    shipped = paid + int(span * share) // 60 * 60
                    shipped = min(shipped, now - 60)
                reserved = 0
                if (p.reserve and pid is not None and st in OPEN_DEMAND
                        and on_hand[sku] - held.get(pid, 0) >= qty):
                    held[pid] = held.get(pid, 0) + qty
                    reserved = qty
                rows.append((oid, shop_id, p.platform, p.order_no(oid), "", p.id, pid, sku,
                             p.type, st.value, qty, cur, unit, dep if p.type == "deposit" else 0,
                             bal if p.type == "deposit" else tot, tot, f"buyer{ri(1, 999999)}",
                             enc(ordered), enc(dep_at), enc(paid), enc(deadline), enc(shipped),
                             CARRIERS[p.platform] if shipped else "",
                             f"T{oid:012d}" if shipped else "", reserved, "", enc(now)))
                if dep_at is not None:
                    pays.append((oid, "deposit", dep, enc(dep_at)))
                if paid is not None:
                    pays.append((oid, "balance" if p.type == "deposit" else "full",
                                 bal if p.type == "deposit" else tot, enc(paid)))
            yield rows, pays

        # Generated and written chunk by chunk, so memory stays bounded. (A producer
        # thread was tried and measured slower: the busy generator holds the GIL for a
        # whole switch interval each time sqlite gives it up for a row.)
        n = m = 0
        with bulk.indexes_suspended(conn, ["orders", "payment"]):
            for rows, pays in chunks():
                n += bulk.insert_rows(conn, cast(Table, Order.__table__), ORDER_COLS, rows)
                m += bulk.insert_rows(conn, cast(Table, Payment.__table__), PAY_COLS, pays)
    return n, m
