"""Planning a presale (issue 12): forecast, production plan, P&L of a campaign.

``forecast`` reads the curve of a campaign's paid units by hour and the shop's earlier
campaigns on the same platform; ``plan`` turns the forecast into units to make and the
date they must arrive; ``pnl`` prices the expected units and the worst case of a late
supply. Formulas and defaults: docs/PLANNING.md, docs/PNL.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import campaigns as cdom
from .. import inventory as inv
from ..errors import InputError, NotFound
from ..money import ZERO, from_minor, q
from ..orders import ship_deadline
from ..planning import forecast as FC
from ..planning import plan as PL
from ..planning import pnl as PNL
from ..store import order_query as OQ
from ..store import planning_queries as PQ
from ..store.models import Campaign, CampaignItem, SupplyBatch
from . import stock_plan as SP
from .base import Part
from .campaigns import campaign_from_row


@dataclass(frozen=True)
class ForecastItem:
    sku: str
    units_so_far: int
    forecast_units: int
    low: int
    high: int


@dataclass(frozen=True)
class CampaignForecast:
    campaign_id: int
    model: str
    history_campaigns: int
    fraction: float  # of the selling window gone by
    window_start: datetime | None
    window_end: datetime | None
    items: list[ForecastItem] = field(default_factory=list)

    def as_contract(self) -> dict[str, Any]:
        return {"campaign_id": self.campaign_id, "model": self.model,
                "history_campaigns": self.history_campaigns,
                "fraction": round(self.fraction, 4),
                "window_start": _iso(self.window_start), "window_end": _iso(self.window_end),
                "items": [vars(i) for i in self.items]}


@dataclass(frozen=True)
class ProductionPlan:
    campaign_id: int
    conversion: Decimal
    conversion_source: str  # "campaign" (its own, window closed), "history", "default"
    safety: int
    items: list[PL.PlanItem]

    def as_contract(self) -> dict[str, Any]:
        return {"campaign_id": self.campaign_id, "conversion": str(self.conversion),
                "conversion_source": self.conversion_source, "safety": self.safety,
                "items": [{"sku": i.sku, "forecast_units": i.forecast_units,
                           "conversion": str(i.conversion), "needed": i.needed,
                           "on_hand": i.on_hand, "incoming": i.incoming,
                           "to_make": i.to_make,
                           "arrive_by": i.arrive_by.isoformat() if i.arrive_by else None,
                           "certain_units": i.certain_units,
                           "shipped_units": i.shipped_units,
                           "other_demand": i.other_demand, "safety": i.safety}
                          for i in self.items]}


@dataclass(frozen=True)
class LateCase:
    days: int
    late_orders: int
    penalty: Decimal
    penalty_currency: str
    refunds: Decimal
    currency: str


@dataclass(frozen=True)
class CampaignPnl:
    campaign_id: int | None
    currency: str
    conversion: Decimal
    items: list[PNL.PnlLine]
    total: dict[str, Any]
    late: LateCase | None
    fee_rate: Decimal

    def as_contract(self) -> dict[str, Any]:
        cur = self.currency

        def money(v: Decimal) -> str:
            return str(q(v, cur))

        items = [{"sku": i.sku, "units": i.units, "paid_units": i.paid_units,
                  "unit_price": money(i.unit_price), "revenue": money(i.revenue),
                  "cost": money(i.cost), "cost_known": i.cost_known, "fees": money(i.fees),
                  "forfeits": money(i.forfeits), "margin": money(i.margin)}
                 for i in self.items]
        total = {k: (money(v) if isinstance(v, Decimal) else v) for k, v in self.total.items()}
        out: dict[str, Any] = {"campaign_id": self.campaign_id, "currency": cur,
                               "conversion": str(self.conversion),
                               "fee_rate": str(self.fee_rate), "items": items, "total": total}
        if self.late is not None:
            out["late"] = {"days": self.late.days, "late_orders": self.late.late_orders,
                           "penalty": str(self.late.penalty),
                           "penalty_currency": self.late.penalty_currency,
                           "refunds": money(self.late.refunds)}
        return out


def _iso(t: datetime | None) -> str | None:
    return t.isoformat() if t is not None else None


def _aware(t: datetime | None) -> datetime | None:
    return t.replace(tzinfo=UTC) if t is not None and t.tzinfo is None else t


def _window(row: Campaign) -> tuple[datetime | None, datetime | None]:
    if row.type == "deposit":
        return _aware(row.deposit_start), _aware(row.deposit_end)
    return _aware(row.sale_start), _aware(row.sale_end)


def _curve(hours: list[tuple[datetime, int]], start: datetime, end: datetime) -> FC.Curve:
    """Cumulative units at the fraction of [start, end] each hour ends at."""
    span = (end - start).total_seconds()
    pts: list[tuple[float, int]] = []
    run = 0
    for h, n in hours:
        run += n
        f = 1.0 if span <= 0 else min(max(((h + timedelta(hours=1)) - start).total_seconds()
                                          / span, 0.0), 1.0)
        pts.append((f, run))
    return FC.Curve(tuple(pts))


class PlanningPart(Part):
    # ------------------------------------------------------------------ forecast
    def _campaign(self, s: Session, campaign_id: int) -> Campaign:
        row = s.get(Campaign, campaign_id)
        if row is None:
            raise NotFound(f"there is no campaign #{campaign_id}", code="campaign_not_found",
                           params={"id": campaign_id})
        return row

    def _items(self, s: Session, campaign_id: int) -> list[CampaignItem]:
        return list(s.execute(select(CampaignItem).where(
            CampaignItem.campaign_id == campaign_id).order_by(CampaignItem.id)).scalars())

    def _forecast(self, s: Session, row: Campaign) -> CampaignForecast:
        now = self.now()
        start, end = _window(row)
        items = self._items(s, row.id)
        so_far = PQ.units_by_hour(s, [row.id], now).get(row.id, {})
        history: list[FC.Curve] = []
        for past in PQ.closed_campaigns(s, row.shop_id, row.platform, now, row.id):
            ps, pe = _window(past)
            hours = PQ.units_by_hour(s, [past.id], now).get(past.id, {})
            if ps is None or pe is None or not hours:
                continue
            merged: dict[datetime, int] = {}
            for per_sku in hours.values():
                for h, n in per_sku:
                    merged[h] = merged.get(h, 0) + n
            history.append(_curve(sorted(merged.items()), ps, pe))
        f = FC.fraction(start.timestamp(), end.timestamp(), now.timestamp()) \
            if start is not None and end is not None else 1.0
        out, model, used = [], FC.MODEL_DEFAULT, 0
        for it in items:
            units = sum(n for _h, n in so_far.get(it.sku, []))
            fc = FC.forecast(units, f, history, it.cap)
            model, used = fc.model, fc.history_campaigns
            out.append(ForecastItem(it.sku, units, fc.forecast_units, fc.low, fc.high))
        if not items:
            model = FC.forecast(0, f, history).model
            used = len([h for h in history if h.final > 0])
        return CampaignForecast(row.id, model, used, f, start, end, out)

    def forecast(self, campaign_id: int) -> CampaignForecast:
        """Final units per SKU with a range, from the curve so far (docs/PLANNING.md)."""
        with self.db.session() as s:
            return self._forecast(s, self._campaign(s, campaign_id))

    # ------------------------------------------------------------------ conversion
    def _conversion(self, s: Session, row: Campaign) -> tuple[Decimal, str]:
        """Expected balance paid / deposits: the campaign's own once its balance window
        has closed, else the shop's closed deposit campaigns', else the default."""
        if row.type != "deposit":
            return Decimal(1), "full_payment"
        now = self.now()
        bal_end = _aware(row.balance_end)
        if bal_end is not None and bal_end <= now:
            own = PL.conversion_from_history(*PQ.deposit_conversion(s, [row.id]))
            if own is not None:
                return own, "campaign"
        return self._shop_conversion(s, row.shop_id, exclude=row.id)

    def _shop_conversion(self, s: Session, shop_id: int, exclude: int | None = None
                         ) -> tuple[Decimal, str]:
        """Balance paid / deposits of the shop's deposit campaigns whose balance window
        has closed, else the default."""
        now = self.now()
        past = [c.id for c in s.execute(select(Campaign).where(
            Campaign.shop_id == shop_id, Campaign.type == "deposit",
            Campaign.id != (exclude or 0), Campaign.balance_end.is_not(None),
            Campaign.balance_end <= now)).scalars()]
        hist = PL.conversion_from_history(*PQ.deposit_conversion(s, past))
        if hist is not None:
            return hist, "history"
        return PL.DEFAULT_CONVERSION, "default"

    # ------------------------------------------------------------------ plan
    def plan(self, campaign_id: int, *, safety: int = 0) -> ProductionPlan:
        """Units to make or buy per SKU and the latest date they must arrive."""
        if safety < 0:
            raise InputError(code="plan_safety_negative", params={"value": safety})
        with self.db.session() as s:
            row = self._campaign(s, campaign_id)
            fc = self._forecast(s, row)
            conv, source = self._conversion(s, row)
            counts = PQ.item_counts(s, row.id)
            skus = [i.sku for i in fc.items]
            stock = PQ.stock_facts(s, row.shop_id, skus, row.id)
            dom = campaign_from_row(row, self._items(s, row.id))
            items = []
            for it in fc.items:
                c = counts.get(it.sku, {"certain": 0, "shipped": 0, "open": 0})
                st = stock[it.sku]
                arrive = self._arrive_by(s, row, dom, it.sku, st)
                items.append(PL.plan_item(
                    it.sku, forecast_units=it.forecast_units, conversion=conv,
                    certain_units=c["certain"], shipped_units=c["shipped"],
                    other_demand=st["other"], safety=safety, on_hand=st["on_hand"],
                    incoming=st["incoming"], arrive_by=arrive))
            return ProductionPlan(row.id, conv, source, safety, items)

    def _arrive_by(self, s: Session, row: Campaign, dom: cdom.Campaign, sku: str,
                   st: dict[str, Any]) -> date:
        """The latest day a new batch can arrive and still meet the first promise it
        must serve, less a day of handling: the first open order of this campaign
        that stock and incoming supply (after the other campaigns' claims) leave
        uncovered, else the first order still to come."""
        tz = dom.tz
        now = self.now()
        free = max(st["on_hand"], 0) + st["incoming"] - st["other"]
        first: datetime | None = None
        for dl, n in PQ.open_deadlines(s, row.id, sku):
            free -= n
            if free < 0:
                first = _aware(dl)
                break
        if first is None:
            paid = dom.first_completing_payment
            paid = max(paid, now) if paid is not None else now
            presale = dom.presale_window
            first = ship_deadline(mode=dom.ship.mode, days=dom.ship.days,
                                  fixed=dom.ship.date, paid_at=paid,
                                  presale_end=presale.end if presale else None, tz=tz)
        day = (first or now).astimezone(tz).date() - timedelta(days=PL.HANDLING_DAYS)
        return max(day, now.astimezone(tz).date())

    def add_plan_as_supply(self, campaign_id: int, sku: str, *, safety: int = 0,
                           supplier: str = "") -> Any:
        """Add the plan's units to make for one SKU as a supply batch due on its
        arrive-by date (the planner's one click)."""
        p = self.plan(campaign_id, safety=safety)
        item = next((i for i in p.items if i.sku == sku), None)
        if item is None:
            raise NotFound(code="plan_sku_not_in_campaign",
                           params={"sku": sku, "id": campaign_id})
        if item.to_make <= 0 or item.arrive_by is None:
            raise InputError(code="plan_nothing_to_make", params={"sku": sku})
        return self.svc.stock.add_supply(sku, item.to_make, item.arrive_by,
                                         supplier=supplier,
                                         note=f"plan of campaign #{campaign_id}")

    # ------------------------------------------------------------------ P&L
    def pnl(self, campaign_id: int, *, late_days: int = 0,
            units: dict[str, int] | None = None) -> CampaignPnl:
        """Revenue, cost, fees, forfeits and margin per SKU for the expected units (the
        forecast, or ``units``), and the worst case if supply arrives ``late_days``
        late."""
        if late_days < 0:
            raise InputError(code="pnl_late_days_negative", params={"value": late_days})
        with self.db.session() as s:
            row = self._campaign(s, campaign_id)
            dom = campaign_from_row(row, self._items(s, row.id))
            if units is None:
                units = {i.sku: i.forecast_units for i in self._forecast(s, row).items}
            conv, _src = self._conversion(s, row)
            stock = PQ.stock_facts(s, row.shop_id, [i.sku for i in dom.items], row.id)
            profile = self.svc.shop.profile(dom.profile_code, s)
            costs = {sku: (from_minor(f["cost"], row.currency) if f["cost"] is not None
                           else None) for sku, f in stock.items()}
            result = preview_pnl(dom, units, conv, costs, profile.preorder_fee_rate)
            late = self._late_case(s, row, dom, late_days, profile, stock)
            return CampaignPnl(campaign_id, row.currency, conv, result[0], result[1], late,
                               profile.preorder_fee_rate)

    def preview_pnl(self, definition: Any, *, units: dict[str, int] | None = None,
                    default_units: int = 100) -> CampaignPnl | None:
        """The P&L of a campaign definition not saved yet (the wizard's review page):
        units per SKU as given, else the item's cap, else ``default_units``; the shop's
        balance conversion; no late case (it has no orders). None while the definition
        cannot be read."""
        dom, _result = cdom.parse_definition(definition)
        if dom is None:
            return None
        with self.db.session() as s:
            shop = self._shop(s)
            conv, _src = (self._shop_conversion(s, shop.id) if dom.type == "deposit"
                          else (Decimal(1), "full_payment"))
            stock = PQ.stock_facts(s, shop.id, [i.sku for i in dom.items], 0)
            try:
                profile = self.svc.shop.profile(dom.profile_code, s)
            except (InputError, NotFound):
                return None
        want = {it.sku: (units or {}).get(it.sku, it.cap if it.cap is not None
                                          else default_units) for it in dom.items}
        costs = {sku: (from_minor(f["cost"], dom.currency) if f["cost"] is not None
                       else None) for sku, f in stock.items()}
        lines, total = preview_pnl(dom, want, conv, costs, profile.preorder_fee_rate)
        return CampaignPnl(None, dom.currency, conv, lines, total, None,
                           profile.preorder_fee_rate)

    def _late_case(self, s: Session, row: Campaign, dom: cdom.Campaign, days: int,
                   profile: Any, stock: dict[str, dict[str, Any]]) -> LateCase:
        """If every open supply batch of the campaign's SKUs arrived ``days`` later: its
        orders that stock and supply then cover only after their deadline, or not at
        all; their penalty (the profile's, per order) or, without one, what cancelling
        them refunds (a deposit order twice its deposit, Civil Code art. 587)."""
        pids = [f["product_id"] for f in stock.values() if f["product_id"] is not None]
        late_ids: list[int] = []
        if pids:
            on_hand = {f["product_id"]: f["on_hand"] for f in stock.values()
                       if f["product_id"] is not None}
            arrivals: dict[int, list[tuple[date, int]]] = {p: [] for p in pids}
            for pid, expected, left in s.execute(
                    select(SupplyBatch.product_id, SupplyBatch.expected,
                           SupplyBatch.qty - SupplyBatch.received)
                    .where(SupplyBatch.product_id.in_(pids),
                           SupplyBatch.qty > SupplyBatch.received)
                    .order_by(SupplyBatch.expected, SupplyBatch.id)).all():
                arrivals[pid].append((expected + timedelta(days=days), int(left)))
            rows_by_pid: dict[int, list[Any]] = {p: [] for p in pids}
            for r in OQ.open_demand_facts(s, pids):
                rows_by_pid[r[3]].append(r)
            for pid, rows in rows_by_pid.items():
                for i, _late in inv.shortfalls(on_hand[pid], arrivals[pid],
                                               [(SP.no_time(r[0]), None, r[4])
                                                for r in rows]):
                    if rows[i][5] == row.id:
                        late_ids.append(rows[i][2])
        info = SP.order_info(s, late_ids)
        cur = row.currency
        refunds = ZERO
        for r in info.values():
            paid = from_minor(SP.paid_minor(r), cur)
            extra = from_minor(r.deposit, cur) if r.kind == "deposit" and \
                r.deposit_paid_at is not None else ZERO
            refunds += paid + extra
        n = len(late_ids)
        if profile.late_penalty is not None:
            penalty, pcur = q(profile.late_penalty * n, profile.penalty_currency), \
                profile.penalty_currency
        else:
            penalty, pcur = q(ZERO, cur), cur
        return LateCase(days, n, penalty, pcur, q(refunds, cur), cur)


def preview_pnl(dom: cdom.Campaign, units: dict[str, int], conversion: Decimal,
                costs: dict[str, Decimal | None], fee_rate: Decimal
                ) -> tuple[list[PNL.PnlLine], dict[str, Any]]:
    """The P&L of a campaign definition (saved or still in the wizard) for given units."""
    lines = []
    for it in dom.items:
        try:
            lines.append(PNL.line(it.sku, it.pricing, units=max(units.get(it.sku, 0), 0),
                                  conversion=conversion, unit_cost=costs.get(it.sku),
                                  fee_rate=fee_rate))
        except ValueError:
            continue  # an item with no price yet (the wizard): nothing to count
    return lines, PNL.total(lines, dom.currency)
