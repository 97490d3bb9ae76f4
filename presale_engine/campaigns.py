"""Campaign definitions (the JSON sellers reuse year to year) and their validation.

``parse_definition`` turns the file's dict into a ``Campaign``; problems that make the
file unreadable are reported as issues, not exceptions, so ``campaign check`` can list
them all. ``validate`` checks a readable campaign against its platform profile and the
shop's other campaigns and products. Errors block saving; warnings inform.

Every issue carries params with the numbers and names it speaks of; its words are in
the message catalogue (``messages/locale/*/validation.po``), msgid = the issue code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .blind_box import PoolEntry, parse_pool, pool_definition
from .errors import BadValue, Issue, ValidationResult
from .messages import Money, Percent, Phrase, Term
from .money import ZERO, fmt, known_currency, parse_money
from .platforms import PLATFORMS, PlatformProfile, base_platform
from .pricing import (
    DEFAULT_MIN_BALANCE,
    LEGAL_DEPOSIT_SHARE,
    PriceItem,
    Tier,
    legal_deposit_cap,
    quote,
)

CAMPAIGN_TYPES = ("deposit", "full")
SHIP_MODES = ("after_payment", "after_presale_end", "fixed_date")
RESERVATION_MODES = ("reserve_stock", "no_reserve")
AUDIENCES = ("everyone", "members")
PURPOSES = ("test", "build_demand", "clearance")
STATUSES = ("draft", "submitted", "approved", "rejected", "cancelled")
# seed 000: keep a presale to 50-70 % of what the SKU sold in a like period
HISTORY_CAP_SHARE = Decimal("0.70")
HISTORY_HINT_SHARE = Decimal("0.50")
# A gap between the deposit and balance windows longer than this is worth a warning.
BALANCE_GAP_TOLERANCE = timedelta(minutes=1)

# Every field of a definition an issue can name; each has a name in the catalogue,
# msgid ``field.<key>`` (a ``Term("field", key)`` param, and ``describe_field``).
FIELD_KEYS = (
    "definition", "name", "platform", "profile", "type", "currency", "timezone",
    "reservation", "audience", "purpose", "status", "per_buyer_limit",
    "deposit_window", "balance_window", "sale_window", "start", "end",
    "deposit_window.start", "deposit_window.end", "balance_window.start",
    "balance_window.end", "sale_window.start", "sale_window.end",
    "ship", "mode", "date", "days", "ship.mode", "ship.date", "ship.days",
    "items", "sku", "price", "price_or_tiers", "tiers", "min_units", "deposit",
    "deposit_value", "balance_discount", "list_price", "min_balance", "cap",
)


def _field(key: str) -> Term:
    return Term("field", key)


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime

    def overlaps(self, other: Window) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class ShipPromise:
    mode: str
    days: int | None = None
    date: date | None = None


@dataclass(frozen=True)
class CampaignItem:
    sku: str
    pricing: PriceItem
    cap: int | None = None
    pool: tuple[PoolEntry, ...] = ()  # a blind box: the SKUs it is drawn from

    @property
    def is_blind_box(self) -> bool:
        return bool(self.pool)


@dataclass(frozen=True)
class Campaign:
    name: str
    platform: str
    type: str
    currency: str
    timezone: str
    ship: ShipPromise
    items: tuple[CampaignItem, ...]
    deposit_window: Window | None = None
    balance_window: Window | None = None
    sale_window: Window | None = None
    reservation: str = "no_reserve"
    per_buyer_limit: int | None = None
    audience: str = "everyone"
    purpose: str = "build_demand"
    status: str = "draft"
    profile: str | None = None  # a regional profile such as tiktok_us; default = platform

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def profile_code(self) -> str:
        return self.profile or self.platform

    @property
    def presale_window(self) -> Window | None:
        """The whole span in which buyers buy: deposit start to balance end, or the sale."""
        if self.type == "deposit":
            if self.deposit_window and self.balance_window:
                return Window(self.deposit_window.start, self.balance_window.end)
            return self.deposit_window
        return self.sale_window

    @property
    def presale_end(self) -> datetime | None:
        w = self.presale_window
        return w.end if w else None

    @property
    def first_completing_payment(self) -> datetime | None:
        """The earliest time an order can be fully paid (balance or full payment)."""
        if self.type == "deposit":
            return self.balance_window.start if self.balance_window else None
        return self.sale_window.start if self.sale_window else None

    def item(self, sku: str) -> CampaignItem:
        for it in self.items:
            if it.sku == sku:
                return it
        raise KeyError(sku)

    def ship_promise_text(self, lang: str = "zh") -> str:
        """The sentence to paste into the listing."""
        s = self.ship
        if s.mode == "fixed_date" and s.date:
            if lang == "zh":
                return f"预售商品，{s.date.year}年{s.date.month}月{s.date.day}日前发货"
            return f"Pre-order item, ships by {s.date.isoformat()}"
        days = s.days or 0
        if s.mode == "after_presale_end":
            if lang == "zh":
                return f"预售商品，预售结束后{days}天内发货"
            return f"Pre-order item, ships within {days} days after the presale ends"
        paid = "尾款支付后" if self.type == "deposit" else "付款后"
        if lang == "zh":
            return f"预售商品，{paid}{days}天内发货"
        what = "the balance is paid" if self.type == "deposit" else "payment"
        return f"Pre-order item, ships within {days} days after {what}"


# --------------------------------------------------------------------------- parsing

class _Reader:
    """Collects issues while reading a definition dict, so all problems show at once."""

    def __init__(self, result: ValidationResult) -> None:
        self.result = result

    def err(self, code: str, fld: str, params: Mapping[str, Any]) -> None:
        self.result.error(code, fld, params=params)

    def missing(self, fld: str, what: Term) -> None:
        self.err("required", fld, {"what": what})

    def bad(self, fld: str, what: Term | Phrase, problem: Phrase) -> None:
        self.err("invalid_value", fld, {"what": what, "problem": problem})

    def text(self, d: Mapping[str, Any], key: str, fld: str, *, required: bool = True,
             choices: Sequence[str] | None = None, default: str | None = None) -> str | None:
        v = d.get(key)
        if v is None or (isinstance(v, str) and not v.strip()):
            if required and default is None:
                self.missing(fld, _field(key))
            return default
        if not isinstance(v, str):
            self.bad(fld, _field(key), Phrase("value.not_text"))
            return default
        v = v.strip()
        if choices is not None and v not in choices:
            self.bad(fld, _field(key),
                     Phrase("value.not_one_of", {"value": v, "choices": tuple(choices)}))
            return default
        return v

    def integer(self, d: Mapping[str, Any], key: str, fld: str, *, minimum: int = 0,
                required: bool = False) -> int | None:
        v = d.get(key)
        if v is None:
            if required:
                self.missing(fld, _field(key))
            return None
        if isinstance(v, bool) or not isinstance(v, int | str):
            self.bad(fld, _field(key), Phrase("value.not_whole_number", {"value": str(v)}))
            return None
        try:
            n = int(v)
        except ValueError:
            self.bad(fld, _field(key), Phrase("value.not_whole_number", {"value": str(v)}))
            return None
        if n < minimum:
            self.bad(fld, _field(key),
                     Phrase("value.below_minimum", {"value": n, "minimum": minimum}))
            return None
        return n

    def money(self, d: Mapping[str, Any], key: str, fld: str, currency: str, *,
              required: bool = False) -> Decimal | None:
        v = d.get(key)
        if v is None or v == "":
            if required:
                self.missing(fld, _field(key))
            return None
        if isinstance(v, float):
            self.bad(fld, _field(key), Phrase("value.money_as_text"))
            return None
        try:
            amount = parse_money(v, currency)
        except BadValue as e:
            self.bad(fld, _field(key), e.phrase())
            return None
        if amount < ZERO:
            self.err("negative_amount", fld,
                     {"what": _field(key), "amount": Money(amount, currency)})
            return None
        return amount

    def when(self, v: Any, fld: str, tz: ZoneInfo) -> datetime | None:
        if not isinstance(v, str):
            self.bad(fld, _field(fld), Phrase("value.datetime_expected"))
            return None
        try:
            dt = datetime.fromisoformat(v.strip())
        except ValueError:
            self.bad(fld, _field(fld), Phrase("value.not_datetime", {"value": v}))
            return None
        return dt.replace(tzinfo=tz) if dt.tzinfo is None else dt.astimezone(tz)

    def window(self, d: Mapping[str, Any], key: str, tz: ZoneInfo,
               required: bool) -> Window | None:
        w = d.get(key)
        if w is None:
            if required:
                self.missing(key, _field(key))
            return None
        if not isinstance(w, Mapping):
            self.bad(key, _field(key), Phrase("value.window_needs_start_end"))
            return None
        start = self.when(w.get("start"), f"{key}.start", tz)
        end = self.when(w.get("end"), f"{key}.end", tz)
        if start is None or end is None:
            return None
        if end <= start:
            self.err("window_order_invalid", f"{key}.end",
                     {"problem": _ends_before_start(key, start, end, tz)})
        return Window(start, end)


def _local(dt: datetime, tz: ZoneInfo) -> datetime:
    return dt.astimezone(tz).replace(tzinfo=None)


def _ends_before_start(key: str, start: datetime, end: datetime, tz: ZoneInfo) -> Phrase:
    return Phrase("window.ends_before_start",
                  {"window": _field(key), "start": _local(start, tz), "end": _local(end, tz)})


def parse_definition(data: object) -> tuple[Campaign | None, ValidationResult]:
    """Read a campaign definition dict. Returns (campaign or None, issues found)."""
    result = ValidationResult()
    r = _Reader(result)
    if not isinstance(data, Mapping):
        r.bad("", _field("definition"), Phrase("value.not_object"))
        return None, result
    name = r.text(data, "name", "name")
    platform = r.text(data, "platform", "platform", choices=PLATFORMS)
    ctype = r.text(data, "type", "type", choices=CAMPAIGN_TYPES)
    currency = r.text(data, "currency", "currency", default="CNY") or "CNY"
    if not known_currency(currency):
        r.bad("currency", _field("currency"),
              Phrase("value.unknown_currency", {"currency": currency}))
        currency = "CNY"
    tzname = r.text(data, "timezone", "timezone", default="Asia/Shanghai") or "Asia/Shanghai"
    try:
        tz = ZoneInfo(tzname)
    except (ZoneInfoNotFoundError, ValueError):
        r.bad("timezone", _field("timezone"), Phrase("value.unknown_timezone", {"value": tzname}))
        tz = ZoneInfo("Asia/Shanghai")
        tzname = "Asia/Shanghai"
    profile = r.text(data, "profile", "profile", required=False)
    reservation = r.text(data, "reservation", "reservation", choices=RESERVATION_MODES,
                         default="no_reserve")
    audience = r.text(data, "audience", "audience", choices=AUDIENCES, default="everyone")
    purpose = r.text(data, "purpose", "purpose", choices=PURPOSES, default="build_demand")
    status = r.text(data, "status", "status", choices=STATUSES, default="draft")
    per_buyer = r.integer(data, "per_buyer_limit", "per_buyer_limit", minimum=1)

    deposit_w = balance_w = sale_w = None
    if ctype == "deposit":
        deposit_w = r.window(data, "deposit_window", tz, True)
        balance_w = r.window(data, "balance_window", tz, True)
        if data.get("sale_window") is not None:
            sale_w = r.window(data, "sale_window", tz, False)
    elif ctype == "full":
        sale_w = r.window(data, "sale_window", tz, True)

    ship = None
    sd = data.get("ship")
    if not isinstance(sd, Mapping):
        r.missing("ship", _field("ship"))
    else:
        mode = r.text(sd, "mode", "ship.mode", choices=SHIP_MODES)
        if mode == "fixed_date":
            raw = sd.get("date")
            try:
                ship_date = date.fromisoformat(str(raw)) if raw is not None else None
            except ValueError:
                ship_date = None
            if ship_date is None:
                r.bad("ship.date", _field("ship.date"),
                      Phrase("value.date_expected") if raw is None
                      else Phrase("value.not_date", {"value": str(raw)}))
            else:
                ship = ShipPromise(mode, None, ship_date)
        elif mode is not None:
            days = r.integer(sd, "days", "ship.days", minimum=0, required=True)
            if days is not None:
                ship = ShipPromise(mode, days, None)

    items: list[CampaignItem] = []
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        r.missing("items", _field("items"))
        raw_items = []
    seen: set[str] = set()
    for i, it in enumerate(raw_items):
        base = f"items[{i}]"
        if not isinstance(it, Mapping):
            r.bad(base, Phrase("path.item", {"n": i + 1}), Phrase("value.not_object"))
            continue
        sku = r.text(it, "sku", f"{base}.sku")
        if sku is not None:
            if sku in seen:
                r.err("duplicate_sku", f"{base}.sku", {"sku": sku})
            seen.add(sku)
        price = r.money(it, "price", f"{base}.price", currency)
        tiers: list[Tier] = []
        raw_tiers = it.get("tiers") or []
        if not isinstance(raw_tiers, list):
            r.bad(f"{base}.tiers", _field("tiers"), Phrase("value.not_list"))
            raw_tiers = []
        for j, t in enumerate(raw_tiers):
            tf = f"{base}.tiers[{j}]"
            if not isinstance(t, Mapping):
                r.bad(tf, Phrase("path.tier", {"n": j + 1}),
                      Phrase("value.tier_needs_units_and_price"))
                continue
            mu = r.integer(t, "min_units", f"{tf}.min_units", minimum=1, required=True)
            tp = r.money(t, "price", f"{tf}.price", currency, required=True)
            if mu is not None and tp is not None:
                tiers.append(Tier(mu, tp))
        if price is None and not tiers and "price" not in it:
            r.missing(f"{base}.price", _field("price_or_tiers"))
        deposit = r.money(it, "deposit", f"{base}.deposit", currency)
        dvalue = r.money(it, "deposit_value", f"{base}.deposit_value", currency)
        rdisc = r.money(it, "balance_discount", f"{base}.balance_discount", currency) or ZERO
        list_price = r.money(it, "list_price", f"{base}.list_price", currency)
        min_bal = r.money(it, "min_balance", f"{base}.min_balance", currency)
        if ctype == "deposit" and deposit is None and "deposit" not in it:
            r.missing(f"{base}.deposit", _field("deposit"))
        if ctype == "full" and (deposit is not None or dvalue is not None):
            r.bad(f"{base}.deposit", _field("deposit"),
                  Phrase("value.no_deposit_in_full_payment"))
            deposit = dvalue = None
        if ctype == "deposit" and deposit is not None and dvalue is None:
            dvalue = deposit
        cap = r.integer(it, "cap", f"{base}.cap", minimum=1)
        if sku is None or (price is None and not tiers):
            continue
        pi = PriceItem(price=price, tiers=tuple(tiers),
                       deposit=deposit if ctype == "deposit" else None,
                       deposit_value=dvalue if ctype == "deposit" else None,
                       balance_discount=rdisc, list_price=list_price, currency=currency,
                       **({"min_balance": min_bal} if min_bal is not None else {}))
        pool = parse_pool(it.get("blind_box"), base, r.err)
        items.append(CampaignItem(sku, pi, cap, pool))

    if result.errors or name is None or platform is None or ctype is None or ship is None:
        return None, result
    campaign = Campaign(
        name=name, platform=platform, type=ctype, currency=currency, timezone=tzname,
        ship=ship, items=tuple(items), deposit_window=deposit_w, balance_window=balance_w,
        sale_window=sale_w, reservation=reservation or "no_reserve",
        per_buyer_limit=per_buyer, audience=audience or "everyone",
        purpose=purpose or "build_demand", status=status or "draft", profile=profile,
    )
    return campaign, result


def to_definition(c: Campaign) -> dict[str, Any]:
    """The campaign as a definition dict (times in the campaign's own zone, money as text)."""
    tz = c.tz

    def w(win: Window | None) -> dict[str, str] | None:
        if win is None:
            return None
        return {"start": win.start.astimezone(tz).replace(tzinfo=None).isoformat(),
                "end": win.end.astimezone(tz).replace(tzinfo=None).isoformat()}

    out: dict[str, Any] = {"name": c.name, "platform": c.platform, "type": c.type,
                           "currency": c.currency, "timezone": c.timezone}
    if c.profile:
        out["profile"] = c.profile
    for key, win in (("deposit_window", c.deposit_window), ("balance_window", c.balance_window),
                     ("sale_window", c.sale_window)):
        if win is not None:
            out[key] = w(win)
    ship: dict[str, Any] = {"mode": c.ship.mode}
    if c.ship.mode == "fixed_date" and c.ship.date:
        ship["date"] = c.ship.date.isoformat()
    else:
        ship["days"] = c.ship.days
    out["ship"] = ship
    out["reservation"] = c.reservation
    if c.per_buyer_limit is not None:
        out["per_buyer_limit"] = c.per_buyer_limit
    out["audience"] = c.audience
    out["purpose"] = c.purpose
    items = []
    for it in c.items:
        p = it.pricing
        d: dict[str, Any] = {"sku": it.sku}
        if p.price is not None:
            d["price"] = fmt(p.price, c.currency)
        if p.is_deposit:
            d["deposit"] = fmt(p.deposit or ZERO, c.currency)
            d["deposit_value"] = fmt(p.deposit_value or ZERO, c.currency)
        if p.balance_discount:
            d["balance_discount"] = fmt(p.balance_discount, c.currency)
        if p.list_price is not None:
            d["list_price"] = fmt(p.list_price, c.currency)
        if p.min_balance != DEFAULT_MIN_BALANCE:
            d["min_balance"] = fmt(p.min_balance, c.currency)
        if it.cap is not None:
            d["cap"] = it.cap
        if p.tiers:
            d["tiers"] = [{"min_units": t.min_units, "price": fmt(t.price, c.currency)}
                          for t in p.tiers]
        if it.pool:
            d["blind_box"] = pool_definition(it.pool)
        items.append(d)
    out["items"] = items
    return out


def shifted(c: Campaign, delta: timedelta, name: str | None = None) -> Campaign:
    """A copy moved in time by ``delta`` (e.g. last year's Double 11 to this year's)."""

    def mv(w: Window | None) -> Window | None:
        return Window(w.start + delta, w.end + delta) if w else None

    ship = c.ship
    if ship.date is not None:
        ship = replace(ship, date=ship.date + timedelta(days=delta.days))
    return replace(c, name=name or c.name, deposit_window=mv(c.deposit_window),
                   balance_window=mv(c.balance_window), sale_window=mv(c.sale_window),
                   ship=ship, status="draft")


# --------------------------------------------------------------------------- validation

@dataclass(frozen=True)
class OtherCampaign:
    """Another campaign of the same shop, as far as exclusivity is concerned."""

    id: int
    name: str
    platform: str
    window: Window | None
    skus: frozenset[str]


@dataclass
class ValidationContext:
    """Facts from the shop the rules need: other campaigns, SKU sales history, supply.

    ``supply_by_sku`` is what a SKU can ship from: on hand plus incoming supply batches
    (units); a presale cap above it is a warning. Without it that check is skipped.
    """

    others: Sequence[OtherCampaign] = ()
    sales_like_period: Mapping[str, int] = field(default_factory=dict)
    known_skus: frozenset[str] | None = None
    supply_by_sku: Mapping[str, int] | None = None


def ship_wait_days(c: Campaign) -> int | None:
    """The longest a buyer waits, in days, from completing payment to the ship deadline."""
    s = c.ship
    if s.mode in ("after_payment", "after_presale_end"):
        return s.days
    if s.mode == "fixed_date" and s.date is not None:
        first = c.first_completing_payment
        if first is None:
            return None
        local_first = first.astimezone(c.tz).date()
        return (s.date - local_first).days
    return None


def validate(c: Campaign, profile: PlatformProfile,
             ctx: ValidationContext | None = None) -> ValidationResult:
    """All rule checks of a readable campaign; see the module doc for the split."""
    ctx = ctx or ValidationContext()
    res = ValidationResult()
    _check_windows(c, res)
    _check_ship(c, profile, res)
    for i, it in enumerate(c.items):
        _check_item(c, i, it, res, ctx)
    _check_exclusivity(c, res, ctx)
    if base_platform(profile.code) != c.platform:
        res.error("invalid_value", "profile", params={
            "what": _field("profile"),
            "problem": Phrase("value.profile_not_of_platform",
                              {"profile": Term("platform", profile.code),
                               "platform": Term("platform", c.platform)})})
    return res


def _check_windows(c: Campaign, res: ValidationResult) -> None:
    for key, w in (("deposit_window", c.deposit_window), ("balance_window", c.balance_window),
                   ("sale_window", c.sale_window)):
        if w is not None and w.end <= w.start:
            res.error("window_order_invalid", f"{key}.end",
                      params={"problem": _ends_before_start(key, w.start, w.end, c.tz)})
    if c.type == "deposit" and c.deposit_window and c.balance_window:
        dw, bw = c.deposit_window, c.balance_window
        if bw.start < dw.end:
            res.error("window_order_invalid", "balance_window.start", params={
                "problem": Phrase("window.balance_before_deposit_end",
                                  {"balance_start": _local(bw.start, c.tz),
                                   "deposit_end": _local(dw.end, c.tz)})})
        elif bw.start - dw.end > BALANCE_GAP_TOLERANCE:
            hours = Decimal((bw.start - dw.end) // timedelta(seconds=1)) / 3600
            res.warn("balance_window_gap", "balance_window.start",
                     params={"hours": hours.quantize(Decimal("0.1"))})


def _check_ship(c: Campaign, p: PlatformProfile, res: ValidationResult) -> None:
    fld = "ship.date" if c.ship.mode == "fixed_date" else "ship.days"
    if c.ship.mode == "fixed_date" and c.ship.date is not None and c.presale_end is not None:
        end_local = c.presale_end.astimezone(c.tz).date()
        if c.ship.date < end_local:
            res.error("window_order_invalid", "ship.date", params={
                "problem": Phrase("window.ship_date_before_end",
                                  {"ship_date": c.ship.date, "presale_end": end_local})})
            return
    days = ship_wait_days(c)
    if days is None:
        return
    if not p.ship_days_min <= days <= p.ship_days_max:
        res.error("ship_window_out_of_range", fld, params={
            "platform": Term("platform", p.code), "min_days": p.ship_days_min,
            "max_days": p.ship_days_max, "days": days})
    elif not p.recommended_min <= days <= p.recommended_max:
        res.warn("ship_window_not_recommended", fld, params={
            "days": days, "rec_min": p.recommended_min, "rec_max": p.recommended_max})


def _check_item(c: Campaign, i: int, it: CampaignItem, res: ValidationResult,
                ctx: ValidationContext) -> None:
    base = f"items[{i}]"
    p = it.pricing
    cur = c.currency

    def money(amount: Decimal) -> Money:
        return Money(amount, cur)

    if ctx.known_skus is not None and it.pool:
        # a blind box is a listing, not a product: its pool SKUs are what ships
        for j, e in enumerate(it.pool):
            if e.sku not in ctx.known_skus:
                res.error("blind_box_unknown_sku", f"{base}.blind_box.pool[{j}].sku",
                          params={"sku": e.sku, "box": it.sku})
    elif ctx.known_skus is not None and it.sku not in ctx.known_skus:
        res.error("unknown_sku", f"{base}.sku", params={"sku": it.sku})
    if p.tiers:
        ordered = list(p.tiers)
        for j in range(1, len(ordered)):
            now, before = ordered[j], ordered[j - 1]
            if now.min_units <= before.min_units:
                res.error("tiers_not_increasing", f"{base}.tiers[{j}].min_units", params={
                    "problem": Phrase("tier.units_not_increasing",
                                      {"min_units": now.min_units,
                                       "previous": before.min_units})})
            elif now.price > before.price:
                res.error("tiers_not_increasing", f"{base}.tiers[{j}].price", params={
                    "problem": Phrase("tier.price_increases",
                                      {"price": money(now.price),
                                       "previous": money(before.price)})})
        first = sorted(ordered, key=lambda t: t.min_units)[0].price
        if p.price is not None and p.price != first:
            res.warn("price_differs_from_first_tier", f"{base}.price",
                     params={"price": money(p.price), "first_price": money(first)})
    errors_before = len(res.errors)
    _check_list_price(c, i, it, res)
    if p.is_deposit:
        d = p.deposit or ZERO
        w = p.deposit_value if p.deposit_value is not None else d
        if d <= ZERO:
            res.error("invalid_value", f"{base}.deposit", params={
                "what": _field("deposit"), "problem": Phrase("value.not_above_zero")})
        if w < d:
            res.error("deposit_value_below_deposit", f"{base}.deposit_value",
                      params={"deposit_value": money(w), "deposit": money(d)})
        # Check at the lowest price the item can reach: the strictest case.
        lowest = min([t.price for t in p.tiers] + ([p.price] if p.price is not None and
                                                     not p.tiers else []))
        if w > lowest:
            res.error("deposit_value_over_price", f"{base}.deposit_value",
                      params={"deposit_value": money(w), "price": money(lowest)})
        elif lowest - w - p.balance_discount < p.min_balance:
            res.error("balance_below_minimum", f"{base}.balance_discount", params={
                "balance": money(lowest - w - p.balance_discount),
                "minimum": money(p.min_balance)})
        cap_price = min(p.base_price, lowest)
        cap = legal_deposit_cap(cap_price, cur)
        if d > cap:
            res.warn("deposit_over_legal_cap", f"{base}.deposit", params={
                "deposit": money(d), "cap": money(cap), "price": money(cap_price),
                "share": Percent(LEGAL_DEPOSIT_SHARE), "excess": money(d - cap)})
        if len(res.errors) == errors_before:
            _check_real_discount(c, i, it, res)
    elif p.balance_discount and p.base_price - p.balance_discount < p.min_balance:
        res.error("balance_below_minimum", f"{base}.balance_discount", params={
            "balance": money(p.base_price - p.balance_discount),
            "minimum": money(p.min_balance)})
    if it.cap is not None:
        sold = ctx.sales_like_period.get(it.sku)
        if sold is not None and it.cap > sold * HISTORY_CAP_SHARE:
            res.warn("presale_cap_over_history", f"{base}.cap", params={
                "sku": it.sku, "cap": it.cap, "sold": sold,
                "share": Percent(HISTORY_CAP_SHARE),
                "low": int(sold * HISTORY_HINT_SHARE), "high": int(sold * HISTORY_CAP_SHARE)})
        supply = ctx.supply_by_sku.get(it.sku) if ctx.supply_by_sku is not None else None
        if supply is not None and it.cap > supply:
            res.warn("cap_over_supply", f"{base}.cap",
                     params={"sku": it.sku, "cap": it.cap, "supply": supply})


def _price_field(i: int, p: PriceItem) -> str:
    return f"items[{i}].price" if p.price is not None or not p.tiers else f"items[{i}].tiers"


def _check_list_price(c: Campaign, i: int, it: CampaignItem, res: ValidationResult) -> None:
    """A presale is sold as a discount: no price (or tier) may be above the list price."""
    p = it.pricing
    if p.list_price is None or p.list_price <= ZERO:
        return
    highest = max([t.price for t in p.tiers] + ([p.price] if p.price is not None else []))
    if highest > p.list_price:
        res.error("price_above_list", _price_field(i, p), params={
            "sku": it.sku, "price": Money(highest, c.currency),
            "list_price": Money(p.list_price, c.currency)})


def _check_real_discount(c: Campaign, i: int, it: CampaignItem,
                         res: ValidationResult) -> None:
    """A deposit presale whose buyer pays the list price or more in all is no bargain.

    Checked at the starting price (no tier reached yet), where the buyer pays the most.
    """
    p = it.pricing
    if p.list_price is None or p.list_price <= ZERO:
        return
    total = quote(p, units_sold=0).total
    if total >= p.list_price:
        res.warn("no_real_discount", _price_field(i, p), params={
            "sku": it.sku, "total": Money(total, c.currency),
            "list_price": Money(p.list_price, c.currency)})


def _check_exclusivity(c: Campaign, res: ValidationResult, ctx: ValidationContext) -> None:
    mine = c.presale_window
    if mine is None:
        return
    for other in ctx.others:
        if other.platform != c.platform or other.window is None:
            continue
        if not mine.overlaps(other.window):
            continue
        for i, it in enumerate(c.items):
            if it.sku in other.skus:
                res.error("sku_in_overlapping_campaign", f"items[{i}].sku", params={
                    "sku": it.sku, "campaign_id": str(other.id), "campaign": other.name})


def all_issues(result: ValidationResult) -> list[Issue]:
    return [*result.errors, *result.warnings]
