"""Risk alerts and shop health: the rules of ``presale_engine.risk`` run over the facts
of ``store.risk_queries``, kept as alerts with a lifecycle.

``evaluate()`` runs every rule at the service clock: one alert per code and subject
(one ``ship_overdue`` per campaign, not one per order), ``new`` when first seen, still
``acknowledged`` or ``snoozed`` (until its time) while it lasts, ``resolved`` by itself
when its condition clears, ``new`` again when it comes back.
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import campaigns as cdom
from ..errors import InputError, NotFound
from ..messages import Money, Percent, Term, render
from ..messages import action as render_action
from ..money import from_minor, q, to_minor
from ..platforms import known_profiles
from ..pricing import legal_deposit_cap
from ..risk import campaigns as rc
from ..risk import facts as F
from ..risk import shipping, shop
from ..risk.thresholds import Thresholds, for_profile, parse_overrides
from ..store import risk_queries as RQ
from ..store.models import Alert, ShopHealth
from ..store.queries import OrderFilter
from . import stock_plan as SP
from .base import Part
from .campaigns import campaign_from_row
from .views import jsonable

_MONEY_PARAMS = ("deposit", "cap", "price", "excess")
_RATE_PARAMS = ("rate", "limit", "share", "min_share")
_TIME_PARAMS = ("closes_at", "from")
SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class AlertView:
    id: int
    code: str
    severity: str
    state: str
    campaign_id: int | None
    platform: str | None
    sku: str | None
    order_count: int
    money_at_stake: Decimal | None
    currency: str | None
    message: str
    action: str | None
    first_seen_at: datetime
    resolved_at: datetime | None
    snoozed_until: datetime | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def as_contract(self) -> dict[str, Any]:
        """The ``presale alerts --json`` shape (money as a decimal string or null)."""
        keys = ("id", "code", "severity", "state", "campaign_id", "platform", "sku",
                "order_count", "money_at_stake", "currency", "message", "action",
                "first_seen_at", "resolved_at")
        return {k: jsonable(getattr(self, k)) for k in keys}


@dataclass(frozen=True)
class HealthView:
    day: date
    rating: Decimal | None
    bad_review_rate: Decimal | None


@dataclass(frozen=True)
class MetricsView:
    """The figures of a shop, platform, campaign or SKU in one currency (and day).

    Rates are shares (0.25 = 25 %) or None where nothing counts yet; money in
    ``currency``. ``penalty_exposure`` is of the orders overdue now (docs/RISK.md)."""

    currency: str
    orders: int
    units: int
    gmv: Decimal
    deposits_collected: Decimal
    balance_conversion: Decimal | None
    forfeited_deposits: Decimal
    on_time_rate: Decimal | None
    late_rate: Decimal | None
    cancel_rate: Decimal | None
    return_rate: Decimal | None
    presale_share: Decimal | None
    penalty_exposure: Decimal
    penalty_currency: str
    deposit_liability: Decimal
    day: str | None = None
    balances_collected: Decimal = Decimal(0)  # balances paid on deposit orders


@dataclass(frozen=True)
class DailyFigures:
    """One currency's figures per local day from ``start`` (``days`` long): orders
    placed, deposits paid and balances paid on that day (by payment time)."""

    currency: str
    start: date
    orders: tuple[int, ...]
    deposits: tuple[Decimal, ...]
    balances: tuple[Decimal, ...]

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(len(self.orders))]


def _share(part: int, whole: int) -> Decimal | None:
    return (Decimal(part) / whole).quantize(Decimal("0.0001")) if whole else None


def _aware(t: datetime | None) -> datetime | None:
    return t.replace(tzinfo=UTC) if t is not None and t.tzinfo is None else t


def _dec(text: str | None) -> Decimal | None:
    return Decimal(text) if text not in (None, "") else None


class RiskPart(Part):
    # ------------------------------------------------------------------ thresholds
    def _overrides(self, s: Session) -> dict[str, dict[str, Any]]:
        return dict((self._shop(s).settings or {}).get("risk", {}))

    def thresholds(self, code: str, s: Session | None = None) -> Thresholds:
        """The thresholds of platform profile ``code`` with this shop's overrides."""
        if s is None:
            with self.db.session() as s2:
                return self.thresholds(code, s2)
        over = self._overrides(s)
        merged = {**over.get("*", {}), **over.get(code, {})}
        return for_profile(self.svc.shop.profile(code, s), merged)

    def default_thresholds(self, code: str) -> Thresholds:
        """The thresholds of platform profile ``code`` without this shop's overrides
        (what "restore defaults" gives back; the platform rules still apply)."""
        return for_profile(self.svc.shop.profile(code))

    def threshold_overrides(self) -> dict[str, dict[str, Any]]:
        """This shop's overrides as stored: profile code (or "*") -> name -> value."""
        with self.db.session() as s:
            return {k: dict(v) for k, v in self._overrides(s).items()}

    def set_thresholds(self, profile: str, overrides: dict[str, Any]) -> Thresholds:
        """Override thresholds for ``profile`` ("*": every profile); ``{}`` restores."""
        if profile != "*" and profile not in known_profiles():
            raise InputError(code="unknown_profile", params={"code": profile})
        parse_overrides(overrides)  # refuse bad names and numbers before storing
        with self.db.session() as s:
            sh = self._shop(s)
            settings = dict(sh.settings or {})
            risk = dict(settings.get("risk", {}))
            if overrides:
                risk[profile] = {k: (None if v in (None, "") else str(v))
                                 for k, v in overrides.items()}
            else:
                risk.pop(profile, None)
            settings["risk"] = risk
            sh.settings = settings
            self._audit(s, "risk.thresholds", "shop", sh.id,
                        {"profile": profile, "overrides": risk.get(profile, {})})
        return self.thresholds("tiktok" if profile == "*" else profile)

    # ------------------------------------------------------------------ health
    def record_health(self, *, rating: Decimal | None = None,
                      bad_review_rate: Decimal | None = None,
                      day: date | None = None) -> HealthView:
        """The shop's rating (DSR) and bad-review rate as the seller reads them."""
        if rating is None and bad_review_rate is None:
            raise InputError("give a rating or a bad-review rate", code="health_nothing_given",
                             params={})
        if rating is not None and not Decimal(0) <= rating <= Decimal(5):
            raise InputError(f"a rating is 0-5, not {rating}", code="health_rating_range",
                             params={"value": str(rating)})
        if bad_review_rate is not None and not Decimal(0) <= bad_review_rate <= Decimal(1):
            raise InputError(f"a bad-review rate is a share 0-1 (0.025 = 2.5 %), not "
                             f"{bad_review_rate}", code="health_rate_range",
                             params={"value": str(bad_review_rate)})
        day = day or self.now().astimezone(self.svc.shop.tz()).date()
        with self.db.session() as s:
            row = ShopHealth(day=day, rating=str(rating) if rating is not None else None,
                             bad_review_rate=(str(bad_review_rate)
                                              if bad_review_rate is not None else None),
                             entered_at=self.now())
            s.add(row)
            s.flush()
            self._audit(s, "shop.health", "shop_health", row.id,
                        {"rating": row.rating, "bad_review_rate": row.bad_review_rate})
            return HealthView(day, rating, bad_review_rate)

    def health_history(self) -> list[HealthView]:
        with self.db.session() as s:
            rows = s.execute(select(ShopHealth).order_by(ShopHealth.day, ShopHealth.id)
                             ).scalars()
            return [HealthView(r.day, _dec(r.rating), _dec(r.bad_review_rate)) for r in rows]

    # ------------------------------------------------------------------ evaluating
    def findings(self, s: Session) -> list[F.Finding]:
        """Every rule over the facts at the service clock (nothing stored)."""
        now = self.now()
        camps = RQ.campaign_profiles(s)
        active = [cid for cid, (_p, _prof, status, _n) in camps.items()
                  if status == RQ.ACTIVE]
        th: dict[str, Thresholds] = {}

        def thr(code: str) -> Thresholds:
            code = code if code in known_profiles() else "other"
            if code not in th:
                th[code] = self.thresholds(code, s)
            return th[code]

        def prof(campaign_id: int | None, platform: str) -> str:
            code = camps[campaign_id][1] if campaign_id in camps else platform
            thr(code)
            return code if code in known_profiles() else "other"

        base = thr("tiktok" if not camps else next(iter(camps.values()))[1])
        out: list[F.Finding] = []
        # Each profile has its own "due soon" window: the widest one finds every group,
        # then each group is counted in its own profile's window (one query per window).
        windows: dict[tuple[int, int], dict[tuple[Any, ...], Any]] = {}

        def due_in(hours: int, urgent: int) -> dict[tuple[Any, ...], Any]:
            if (hours, urgent) not in windows:
                windows[(hours, urgent)] = {(r.campaign_id, r.platform, r.currency): r
                                            for r in RQ.due_groups(s, now, hours, urgent)}
            return windows[(hours, urgent)]

        widest = max(thr(code).due_warning_hours for code in known_profiles())
        due = []
        for key, r0 in due_in(widest, base.due_critical_hours).items():
            t = thr(prof(r0.campaign_id, r0.platform))
            r = due_in(t.due_warning_hours, t.due_critical_hours).get(key)
            if r is not None:
                due.append(F.DueGroup(r.campaign_id, r.platform,
                                      prof(r.campaign_id, r.platform), r.currency,
                                      int(r.overdue), int(r.due_24h), int(r.due_48h),
                                      from_minor(int(r.paid_overdue), r.currency),
                                      from_minor(int(r.paid_48h), r.currency)))
        out += shipping.due_findings(due, th)
        out += shipping.shortfall_findings(self._short_groups(s, camps, prof), th)
        for r in RQ.balance_closing(s, now, base.balance_closing_hours):
            out += rc.balance_findings([F.BalanceClosing(
                r.id, r.platform, r.currency, _aware(r.balance_end) or now, int(r.orders),
                from_minor(int(r.balance), r.currency))])
        out += self._campaign_findings(s, active, camps, thr)
        out += rc.history_findings([F.HistoryUse(sku, int(n), int(sold)) for sku, n, sold
                                    in RQ.presale_units_by_sku(s, active)], base)
        out += rc.return_findings([F.ReturnUse(cid, p, int(sh), int(ret)) for cid, p, sh, ret
                                   in RQ.returns_by_campaign(s, active)], base)
        ordered, due_rows = RQ.platform_rates(s, now)
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        for platform, n, presale, cancelled in ordered:
            counts[platform][0:3] = [int(n), int(presale), int(cancelled)]
        for platform, n, late in due_rows:
            counts[platform][3:5] = [int(n), int(late)]
        out += shop.rate_findings([F.PlatformRates(p, prof(None, p), *c)
                                   for p, c in sorted(counts.items())], th)
        health = RQ.latest_health(s)
        if health is not None:
            platforms = {p for p, *_ in camps.values()} | set(counts)
            out += shop.health_findings(
                F.Health(_dec(health.rating), _dec(health.bad_review_rate)),
                {p: thr(p) for p in sorted(platforms)} or {"tiktok": thr("tiktok")})
        return out

    def _short_groups(self, s: Session, camps: dict[int, Any], prof: Any
                      ) -> list[F.ShortGroup]:
        """The orders stock and supply cannot cover in time, per campaign, platform and
        currency. Each product's allocation is kept (``allocation_cache``) until its
        stock version moves, so an evaluation allocates only what changed."""
        cached = SP.cached_shortfalls(s, self._shop(s).id)
        groups: dict[tuple[int | None, str, str], list[Any]] = {}
        for g in cached:
            key = (g["campaign_id"], g["platform"], g["currency"])
            acc = groups.setdefault(key, [0, 0, None, []])
            acc[0] += g["orders"]
            acc[1] += g["paid"]
            if g["deadline"] is not None and (acc[2] is None or g["deadline"] < acc[2]):
                acc[2] = g["deadline"]
            acc[3] += g["ids"]
        out = []
        for (cid, platform, cur), (n, paid, deadline, ids) in sorted(
                groups.items(), key=lambda kv: str(kv[0])):
            out.append(F.ShortGroup(
                cid, platform, prof(cid, platform), cur, n, from_minor(paid, cur),
                _aware(datetime.fromisoformat(deadline)) if deadline else None,
                tuple(sorted(ids))[:1000]))
        return out

    def _campaign_findings(self, s: Session, active: list[int], camps: dict[int, Any],
                           thr: Any) -> list[F.Finding]:
        out: list[F.Finding] = []
        items = RQ.campaign_items(s, active)
        by_campaign: dict[int, list[Any]] = defaultdict(list)
        for it in items:
            by_campaign[it.campaign_id].append(it)
        sold = RQ.units_by_campaign_sku(s, active)
        paid = RQ.units_by_campaign_sku(s, active, deposit_paid=True)
        from ..store.models import Campaign

        for row in s.execute(select(Campaign).where(Campaign.id.in_(active))).scalars():
            dom = campaign_from_row(row, by_campaign[row.id])
            profile = self.svc.shop.profile(camps[row.id][1], s)
            checked = cdom.validate(dom, profile, cdom.ValidationContext())
            out += rc.window_findings(row.id, row.platform, [
                (i.code, i.params) for i in (*checked.errors, *checked.warnings)])
            caps = [F.CapUse(row.id, row.platform, it.sku, it.cap,
                             sold.get((row.id, it.sku), 0))
                    for it in by_campaign[row.id] if it.cap is not None]
            out += rc.cap_findings(caps)
            if row.type != "deposit":
                continue
            excess = []
            for item in dom.items:
                p = item.pricing
                prices = [t.price for t in p.tiers] or ([p.price] if p.price is not None else [])
                if p.deposit is None or not prices:
                    continue
                excess.append(F.DepositExcess(row.id, row.platform, item.sku, row.currency,
                                              p.deposit, legal_deposit_cap(min(prices),
                                                                           row.currency),
                                              paid.get((row.id, item.sku), 0), min(prices)))
            out += rc.deposit_findings(excess)
        return out

    def evaluate(self, *, lang: str = "en") -> list[AlertView]:
        """Run every rule now and store the result; the open alerts, most urgent first."""
        now = self.now()
        with self.db.session() as s:
            found = {(f.code, f.subject): f for f in self.findings(s)}
            existing = {(a.code, a.subject): a for a in s.execute(select(Alert)).scalars()}
            for key, f in found.items():
                a = existing.get(key)
                money = to_minor(q(f.money, f.currency or "CNY"), f.currency or "CNY") \
                    if f.money is not None else None
                if a is None:
                    a = Alert(code=f.code, subject=f.subject, state="new", first_seen_at=now)
                    s.add(a)
                elif a.state == "resolved":
                    a.state, a.resolved_at = "new", None  # it came back
                elif a.state == "snoozed" and (a.snoozed_until is None
                                               or _aware(a.snoozed_until) <= now):  # type: ignore[operator]
                    a.state, a.snoozed_until = "new", None
                a.campaign_id, a.platform, a.sku = f.campaign_id, f.platform, f.sku
                a.severity, a.order_count = f.severity, f.order_count
                a.money_minor, a.currency = money, f.currency
                a.params = jsonable(f.params)
                a.order_ids = list(f.order_ids)
                a.last_seen_at = now
            for key, a in existing.items():
                if key not in found and a.state != "resolved":
                    a.state, a.resolved_at = "resolved", now
            s.flush()
        return self.alerts(lang=lang)

    # ------------------------------------------------------------------ reading, acting
    def alerts(self, *, campaign_id: int | None = None, include_resolved: bool = False,
               lang: str = "en") -> list[AlertView]:
        """Stored alerts (open ones unless ``include_resolved``), most urgent first:
        severity, then money at stake."""
        with self.db.session() as s:
            stmt = select(Alert)
            if not include_resolved:
                stmt = stmt.where(Alert.state != "resolved")
            if campaign_id is not None:
                stmt = stmt.where(Alert.campaign_id == campaign_id)
            tz = self.svc.shop.tz()
            names = {cid: name for cid, (*_x, name) in RQ.campaign_profiles(s).items()}
            views = [self._view(a, lang, tz, names) for a in s.execute(stmt).scalars()]
        views.sort(key=lambda v: (v.state == "resolved", SEVERITY_ORDER.get(v.severity, 3),
                                  -(v.money_at_stake or 0), v.code, v.id))
        return views

    def _view(self, a: Alert, lang: str, tz: Any, names: dict[int, str | None]
              ) -> AlertView:
        money = from_minor(a.money_minor, a.currency) if a.money_minor is not None \
            and a.currency else None
        params = self._render_params(a, tz)
        if a.campaign_id is not None:
            params["campaign"] = f"“{names.get(a.campaign_id) or a.campaign_id}”"
        text = " ".join(render(a.code, params, lang).split())  # no campaign: no gap
        return AlertView(a.id, a.code, a.severity, a.state, a.campaign_id, a.platform, a.sku,
                         a.order_count, money, a.currency, text,
                         render_action(a.code, params, lang), _aware(a.first_seen_at) or
                         a.first_seen_at, _aware(a.resolved_at), _aware(a.snoozed_until),
                         dict(a.params))

    @staticmethod
    def _render_params(a: Alert, tz: Any) -> dict[str, Any]:
        out: dict[str, Any] = dict(a.params)
        cur = a.currency or "CNY"
        for k in _MONEY_PARAMS if a.code == "deposit_over_legal_cap" else ():
            if k in out and out[k] is not None:
                out[k] = Money(Decimal(str(out[k])), cur)
        for k in _RATE_PARAMS:
            if k in out and out[k] is not None:
                with suppress(InvalidOperation):
                    out[k] = Percent(Decimal(str(out[k])).quantize(Decimal("0.0001")))
        for k in _TIME_PARAMS:
            if isinstance(out.get(k), str):
                out[k] = datetime.fromisoformat(out[k]).astimezone(tz).strftime(
                    "%Y-%m-%d %H:%M")
        if a.money_minor is not None and a.currency:
            out["money"] = Money(from_minor(a.money_minor, a.currency), a.currency)
        if a.platform:
            out["platform"] = Term("platform", a.platform)
        out.setdefault("campaign", f"#{a.campaign_id}" if a.campaign_id else "")
        return out

    # ------------------------------------------------------------------ metrics
    def metrics(self, *, campaign_id: int | None = None, platform: str | None = None,
                sku: str | None = None, by_day: bool = False,
                since: datetime | None = None, until: datetime | None = None
                ) -> list[MetricsView]:
        """GMV, orders, units, deposits, balance conversion, forfeits, on-time / late,
        cancel and return rates, presale share, penalty exposure and deposit liability,
        per currency (never mixed), optionally per day of ordering.

        With ``since``/``until`` the figures are those of the orders ordered in that
        period, and the on-time and late rates those of the orders due in it; penalty
        exposure stays that of the orders overdue now."""
        now = self.now()
        with self.db.session() as s:
            rows = RQ.metric_sums(s, now, campaign_id=campaign_id, platform=platform,
                                  sku=sku, by_day=by_day, since=since, until=until)
            exposure = self._exposure(s, campaign_id, platform) if not by_day else {}
        out = []
        for r in rows:
            cur = r.currency
            pen_cur, pen = next(iter(exposure.get(cur, {}).items()), (cur, Decimal(0)))
            late = _share(int(r.late), int(r.due))
            out.append(MetricsView(
                cur, int(r.orders), int(r.units), from_minor(int(r.gmv), cur),
                from_minor(int(r.deposits), cur),
                _share(int(r.balance_orders), int(r.deposit_orders)),
                from_minor(int(r.forfeited), cur),
                None if late is None else 1 - late, late,
                _share(int(r.cancelled), int(r.orders)),
                _share(int(r.returned), int(r.shipped)),
                _share(int(r.presale), int(r.orders)), pen, pen_cur,
                from_minor(int(r.liability), cur),
                str(r.day) if by_day else None,
                balances_collected=from_minor(int(r.balances), cur)))
        return out

    def daily(self, *, days: int = 30, campaign_id: int | None = None,
              end: date | None = None) -> list[DailyFigures]:
        """Orders placed, deposits paid and balances paid per local day of the shop,
        the ``days`` days up to ``end`` (today), one entry per currency that has any
        (never mixed). Grouped by UTC hour in SQL, folded into local days here."""
        tz = self.svc.shop.tz()
        last = end or self.now().astimezone(tz).date()
        start = last - timedelta(days=days - 1)
        since = datetime.combine(start, datetime.min.time(), tz).astimezone(UTC)
        until = datetime.combine(last + timedelta(days=1), datetime.min.time(), tz
                                 ).astimezone(UTC)
        with self.db.session() as s:
            rows = RQ.hourly_sums(s, since, until, campaign_id=campaign_id)
        acc: dict[str, dict[str, list[int]]] = {}
        for what, hour, cur, n, total in rows:
            when = datetime.strptime(hour, "%Y-%m-%d %H").replace(tzinfo=UTC)
            i = (when.astimezone(tz).date() - start).days
            if not 0 <= i < days:
                continue
            series = acc.setdefault(cur, {k: [0] * days for k in
                                          ("orders", "deposits", "balances")})
            series[what][i] += n if what == "orders" else total
        return [DailyFigures(cur, start, tuple(v["orders"]),
                             tuple(from_minor(x, cur) for x in v["deposits"]),
                             tuple(from_minor(x, cur) for x in v["balances"]))
                for cur, v in sorted(acc.items())]

    def _exposure(self, s: Session, campaign_id: int | None, platform: str | None
                  ) -> dict[str, dict[str, Decimal]]:
        """Penalty exposure of the orders overdue now, per order currency."""
        camps = RQ.campaign_profiles(s)
        out: dict[str, dict[str, Decimal]] = defaultdict(dict)
        for r in RQ.due_groups(s, self.now()):
            if (campaign_id is not None and r.campaign_id != campaign_id) or (
                    platform is not None and r.platform != platform) or not r.overdue:
                continue
            code = camps[r.campaign_id][1] if r.campaign_id in camps else r.platform
            th = self.thresholds(code if code in known_profiles() else "other", s)
            money, cur = shipping.exposure(int(r.overdue),
                                           from_minor(int(r.paid_overdue), r.currency),
                                           r.currency, th)
            out[r.currency][cur] = out[r.currency].get(cur, Decimal(0)) + money
        return out

    def _alert(self, s: Session, alert_id: int) -> Alert:
        a = s.get(Alert, alert_id)
        if a is None:
            raise NotFound(f"there is no alert #{alert_id}", code="alert_not_found",
                           params={"id": alert_id})
        return a

    def ack(self, alert_id: int) -> str:
        with self.db.session() as s:
            a = self._alert(s, alert_id)
            if a.state != "resolved":
                a.state, a.snoozed_until = "acknowledged", None
            self._audit(s, "alert.ack", "alert", a.id, {"code": a.code})
            return a.state

    def snooze(self, alert_id: int, until: datetime) -> str:
        if until.tzinfo is None:
            raise InputError("a snooze needs a time with its zone", code="snooze_naive_time",
                             params={})
        if until <= self.now():
            raise InputError("a snooze ends in the future", code="snooze_in_the_past",
                             params={"until": until.isoformat()})
        with self.db.session() as s:
            a = self._alert(s, alert_id)
            if a.state != "resolved":
                a.state, a.snoozed_until = "snoozed", until.astimezone(UTC)
            self._audit(s, "alert.snooze", "alert", a.id,
                        {"code": a.code, "until": until.isoformat()})
            return a.state

    def alert_filter(self, alert_id: int) -> OrderFilter:
        """The orders behind an alert, as a filter for the order table ("show orders")."""
        with self.db.session() as s:
            a = self._alert(s, alert_id)
            base: dict[str, Any] = {"campaign_id": a.campaign_id}
            if a.campaign_id is None and a.platform:
                base["platform"] = a.platform
            if a.code == "ship_overdue":
                return OrderFilter(**base, overdue=True)
            if a.code == "ship_due_soon":
                return OrderFilter(**base, due_within_hours=48)
            if a.code == "balance_unpaid_closing":
                return OrderFilter(**base, balance_unpaid=True)
            if a.order_ids:
                return OrderFilter(ids=tuple(a.order_ids))
            if a.sku:
                return OrderFilter(**base, sku=a.sku)
            return OrderFilter(**base)
