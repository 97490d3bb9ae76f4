"""Campaign use cases: check, create, update, submit/approve/reject, cancel, duplicate."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import campaigns as cdom
from ..blind_box import PoolEntry, pool_definition
from ..errors import CampaignInvalid, Conflict, InputError, NotFound, ValidationResult
from ..messages import Phrase, Term
from ..money import from_minor, to_minor
from ..pricing import PriceItem, Quote, Tier, quote
from ..store import queries as Q
from ..store.models import Campaign, CampaignItem, Product
from .base import Part
from .views import CampaignDetail, CampaignRow

# Which status may move to which, and by what action (the shop requires approval).
_STATUS_MOVES = {
    "submit": ({"draft", "rejected"}, "submitted"),
    "approve": ({"submitted"}, "approved"),
    "reject": ({"submitted"}, "rejected"),
    "cancel": ({"draft", "submitted", "approved", "rejected"}, "cancelled"),
}
# Without the approval step, submitting or approving activates a draft at once, and
# an active campaign stays as it is (the call is a no-op the CLI and GUI say so of).
_DIRECT_MOVES = {
    "submit": ({"draft", "submitted", "rejected"}, "approved"),
    "approve": ({"draft", "submitted", "rejected"}, "approved"),
    "reject": ({"submitted"}, "rejected"),
    "cancel": _STATUS_MOVES["cancel"],
}
ACTIVE = "approved"


def _window(start: Any, end: Any) -> cdom.Window | None:
    return cdom.Window(start, end) if start is not None and end is not None else None


def campaign_from_row(row: Campaign, items: list[CampaignItem]) -> cdom.Campaign:
    cur = row.currency
    dom_items = []
    for it in items:
        pi = PriceItem(
            price=from_minor(it.price, cur) if it.price is not None else None,
            tiers=tuple(Tier(t["min_units"], from_minor(t["price"], cur)) for t in it.tiers),
            deposit=from_minor(it.deposit, cur) if it.deposit is not None else None,
            deposit_value=(from_minor(it.deposit_value, cur)
                           if it.deposit_value is not None else None),
            balance_discount=from_minor(it.balance_discount, cur),
            list_price=from_minor(it.list_price, cur) if it.list_price is not None else None,
            min_balance=from_minor(it.min_balance, cur),
            currency=cur,
        )
        pool = tuple(PoolEntry(e["sku"], Decimal(str(e["weight"]))) for e in it.pool or ())
        dom_items.append(cdom.CampaignItem(it.sku, pi, it.cap, pool))
    return cdom.Campaign(
        name=row.name, platform=row.platform, type=row.type, currency=cur,
        timezone=row.timezone,
        ship=cdom.ShipPromise(row.ship_mode, row.ship_days, row.ship_date),
        items=tuple(dom_items),
        deposit_window=_window(row.deposit_start, row.deposit_end),
        balance_window=_window(row.balance_start, row.balance_end),
        sale_window=_window(row.sale_start, row.sale_end),
        reservation=row.reservation, per_buyer_limit=row.per_buyer_limit,
        audience=row.audience, purpose=row.purpose, status=row.status, profile=row.profile,
    )


def _fill_row(row: Campaign, c: cdom.Campaign) -> None:
    row.name = c.name
    row.platform = c.platform
    row.profile = c.profile
    row.type = c.type
    row.currency = c.currency
    row.timezone = c.timezone
    row.deposit_start = c.deposit_window.start if c.deposit_window else None
    row.deposit_end = c.deposit_window.end if c.deposit_window else None
    row.balance_start = c.balance_window.start if c.balance_window else None
    row.balance_end = c.balance_window.end if c.balance_window else None
    row.sale_start = c.sale_window.start if c.sale_window else None
    row.sale_end = c.sale_window.end if c.sale_window else None
    row.ship_mode = c.ship.mode
    row.ship_days = c.ship.days
    row.ship_date = c.ship.date
    row.reservation = c.reservation
    row.per_buyer_limit = c.per_buyer_limit
    row.audience = c.audience
    row.purpose = c.purpose


def _item_rows(c: cdom.Campaign, campaign_id: int, products: dict[str, Product]
               ) -> list[CampaignItem]:
    cur = c.currency
    out = []
    for it in c.items:
        p = it.pricing
        prod = products.get(it.sku)
        out.append(CampaignItem(
            campaign_id=campaign_id, product_id=prod.id if prod else None, sku=it.sku,
            price=to_minor(p.price, cur) if p.price is not None else None,
            deposit=to_minor(p.deposit, cur) if p.deposit is not None else None,
            deposit_value=(to_minor(p.deposit_value, cur)
                           if p.deposit_value is not None else None),
            balance_discount=to_minor(p.balance_discount, cur),
            list_price=to_minor(p.list_price, cur) if p.list_price is not None else None,
            min_balance=to_minor(p.min_balance, cur), cap=it.cap,
            tiers=[{"min_units": t.min_units, "price": to_minor(t.price, cur)}
                   for t in p.tiers],
            pool=pool_definition(it.pool)["pool"] if it.pool else None,
        ))
    return out


def campaign_row(s: Session, campaign_id: int) -> Campaign:
    row = s.get(Campaign, campaign_id)
    if row is None:
        raise NotFound(f"there is no campaign #{campaign_id}", code="campaign_not_found",
                       params={"id": campaign_id})
    return row


def campaign_items(s: Session, campaign_id: int) -> list[CampaignItem]:
    return list(s.execute(select(CampaignItem).where(
        CampaignItem.campaign_id == campaign_id).order_by(CampaignItem.id)).scalars())


def domain_campaign(s: Session, campaign_id: int) -> cdom.Campaign:
    return campaign_from_row(campaign_row(s, campaign_id), campaign_items(s, campaign_id))


class CampaignsPart(Part):
    # ------------------------------------------------------------------ checking
    def _context(self, s: Session, exclude_id: int | None) -> cdom.ValidationContext:
        shop = self._shop(s)
        others = []
        skus = Q.campaign_skus(s)
        for row in Q.active_campaigns(s, shop.id, exclude_id):
            dom = campaign_from_row(row, [])
            others.append(cdom.OtherCampaign(row.id, row.name, row.platform,
                                             dom.presale_window,
                                             frozenset(skus.get(row.id, []))))
        products = Q.products_by_sku(s, shop.id)
        history = {sku: p.sales_30d for sku, p in products.items() if p.sales_30d is not None}
        incoming = Q.incoming_by_product(s)
        supply = {sku: p.on_hand + incoming.get(p.id, 0) for sku, p in products.items()}
        return cdom.ValidationContext(others=others, sales_like_period=history,
                                      supply_by_sku=supply)

    def _check(self, s: Session, definition: Any, exclude_id: int | None = None
               ) -> tuple[cdom.Campaign | None, ValidationResult]:
        campaign, result = cdom.parse_definition(definition)
        if campaign is None:
            return None, result
        try:
            profile = self.svc.shop.profile(campaign.profile_code, s)
        except NotFound as e:
            result.error("invalid_value", "profile", e.message,
                         params={"what": Term("field", "profile"),
                                 "problem": Phrase(e.code, e.params)})
            return None, result
        ctx = self._context(s, exclude_id)
        checked = cdom.validate(campaign, profile, ctx)
        result.errors.extend(checked.errors)
        result.warnings.extend(checked.warnings)
        products = Q.products_by_sku(s, self._shop(s).id, [i.sku for i in campaign.items])
        for i, it in enumerate(campaign.items):
            if it.sku not in products:
                result.warn("unknown_sku", f"items[{i}].sku",
                            f"SKU '{it.sku}' is not in the product list yet: stock and "
                            "sales-history checks are skipped for it",
                            params={"sku": it.sku})
        return campaign, result

    def check(self, definition: Any, *, exclude_id: int | None = None
                       ) -> ValidationResult:
        with self.db.session() as s:
            return self._check(s, definition, exclude_id)[1]

    # ------------------------------------------------------------------ writing
    def create(self, definition: Any) -> int:
        """Validate and store a campaign: active at once, or a draft where the shop
        requires approval (a file cannot approve itself)."""
        return self._create(definition, draft=False)

    def save_draft(self, definition: Any) -> int:
        """Store a valid campaign as a draft, to finish and activate (submit) later."""
        return self._create(definition, draft=True)

    def _create(self, definition: Any, *, draft: bool) -> int:
        with self.db.session() as s:
            campaign, result = self._check(s, definition)
            if campaign is None or not result.ok:
                raise CampaignInvalid(result)
            shop = self._shop(s)
            now = self.now()
            approval = self.svc.shop.settings(s).require_approval
            status = "draft" if draft or approval else ACTIVE
            row = Campaign(shop_id=shop.id, status=status, created_at=now, updated_at=now)
            _fill_row(row, campaign)
            s.add(row)
            s.flush()
            products = Q.products_by_sku(s, shop.id, [i.sku for i in campaign.items])
            s.add_all(_item_rows(campaign, row.id, products))
            self._audit(s, "campaign.create", "campaign", row.id,
                        {"name": campaign.name, "warnings": [w.code for w in result.warnings]})
            return row.id

    def update(self, campaign_id: int, definition: Any) -> ValidationResult:
        with self.db.session() as s:
            row = campaign_row(s, campaign_id)
            if row.status == "cancelled":
                raise Conflict(f"campaign #{campaign_id} is cancelled and cannot be edited",
                               code="campaign_cancelled_not_editable",
                               params={"id": campaign_id})
            campaign, result = self._check(s, definition, exclude_id=campaign_id)
            if campaign is None or not result.ok:
                raise CampaignInvalid(result)
            _fill_row(row, campaign)
            if row.status in ("submitted", "rejected"):
                row.status = "draft"  # an edited campaign needs approving again
            row.updated_at = self.now()
            s.execute(delete(CampaignItem).where(CampaignItem.campaign_id == campaign_id))
            products = Q.products_by_sku(s, row.shop_id, [i.sku for i in campaign.items])
            s.add_all(_item_rows(campaign, row.id, products))
            self._audit(s, "campaign.update", "campaign", row.id, {})
            return result

    def _move(self, campaign_id: int, action: str, reason: str = "") -> str:
        with self.db.session() as s:
            approval = self.svc.shop.settings(s).require_approval
            allowed, target = (_STATUS_MOVES if approval else _DIRECT_MOVES)[action]
            row = campaign_row(s, campaign_id)
            if not approval and action in ("submit", "approve") and row.status == ACTIVE:
                return row.status  # nothing to approve: the campaign is already active
            if row.status not in allowed:
                raise Conflict(f"cannot {action} campaign #{campaign_id}: it is {row.status}",
                               code="campaign_move_refused",
                               params={"action": Term("campaign_action", action),
                                       "id": campaign_id,
                                       "status": Term("campaign_status", row.status)})
            if action in ("submit", "approve"):
                defn = cdom.to_definition(campaign_from_row(row, campaign_items(s, row.id)))
                _, result = self._check(s, defn, exclude_id=row.id)
                if not result.ok:
                    raise CampaignInvalid(result)
            before = row.status
            row.status = target
            row.updated_at = self.now()
            self._audit(s, f"campaign.{action}", "campaign", row.id,
                        {"from": before, "to": target, "reason": reason})
            return target

    def submit(self, campaign_id: int) -> str:
        return self._move(campaign_id, "submit")

    def approve(self, campaign_id: int) -> str:
        return self._move(campaign_id, "approve")

    def reject(self, campaign_id: int, reason: str = "") -> str:
        return self._move(campaign_id, "reject", reason)

    def cancel(self, campaign_id: int, reason: str = "") -> str:
        return self._move(campaign_id, "cancel", reason)

    def duplicate(self, campaign_id: int, *, name: str | None = None,
                           shift_days: int = 0) -> int:
        """A draft copy, optionally moved in time (last year's Double 11 → this year's).

        A copy is always a draft, approval step or not: it is there to be edited first.
        """
        with self.db.session() as s:
            row = campaign_row(s, campaign_id)
            dom = campaign_from_row(row, campaign_items(s, row.id))
        copy = cdom.shifted(dom, timedelta(days=shift_days),
                            name or f"{dom.name} (copy)")
        return self._create(cdom.to_definition(copy), draft=True)

    # ------------------------------------------------------------------ reading

    def _row_view(self, row: Campaign, skus: list[str], st: Q.CampaignStats | None
                  ) -> CampaignRow:
        dom = campaign_from_row(row, [])
        win = dom.presale_window
        nxt = st.next_deadline if st else None
        days = None
        if nxt is not None:
            days = round((nxt - self.now()).total_seconds() / 86400, 1)
        elif row.ship_date is not None:
            days = float((row.ship_date - self.now().astimezone(dom.tz).date()).days)
        return CampaignRow(
            id=row.id, name=row.name, platform=row.platform, type=row.type,
            status=row.status, currency=row.currency,
            starts=win.start if win else None, ends=win.end if win else None, skus=skus,
            orders=st.orders if st else 0, units=st.units if st else 0,
            deposits=from_minor(st.deposits if st else 0, row.currency),
            next_ship_deadline=nxt, days_to_ship_deadline=days, timezone=str(dom.tz),
            paid=from_minor(st.paid if st else 0, row.currency))

    def all(self) -> list[CampaignRow]:
        with self.db.session() as s:
            stats = Q.campaign_stats(s)
            skus = Q.campaign_skus(s)
            rows = s.execute(select(Campaign).order_by(Campaign.id)).scalars().all()
            return [self._row_view(r, skus.get(r.id, []), stats.get(r.id)) for r in rows]

    def get(self, campaign_id: int) -> CampaignDetail:
        with self.db.session() as s:
            row = campaign_row(s, campaign_id)
            items = campaign_items(s, campaign_id)
            dom = campaign_from_row(row, items)
            st = Q.campaign_stats(s).get(campaign_id)
            view = self._row_view(row, [i.sku for i in items], st)
            return CampaignDetail(row.id, row.status, dom, cdom.to_definition(dom), view)

    def definition(self, campaign_id: int) -> dict[str, Any]:
        """The definition file content (what ``campaign create --file`` reads back)."""
        return self.get(campaign_id).definition

    def quote(self, campaign_id: int, sku: str, *, qty: int = 1,
              units_sold: int | None = None) -> Quote:
        """Price ``qty`` units of ``sku`` now (tiers from units deposited so far, or given)."""
        if qty < 1:
            raise InputError("quantity must be at least 1", code="value.quantity_below_one",
                             params={"qty": qty})
        if units_sold is not None and units_sold < 0:
            raise InputError("units sold cannot be negative",
                             code="campaign_units_sold_negative", params={})
        with self.db.session() as s:
            dom = domain_campaign(s, campaign_id)
            try:
                item = dom.item(sku)
            except KeyError:
                raise NotFound(f"SKU '{sku}' is not in campaign #{campaign_id}",
                               code="sku_not_in_campaign",
                               params={"sku": sku, "id": campaign_id}) from None
            sold = units_sold if units_sold is not None else Q.units_deposited(s, campaign_id)
            return quote(item.pricing, units_sold=sold, qty=qty)

