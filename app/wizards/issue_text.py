"""Engine issues worded for the seller, in the UI language.

The engine's messages are plain English; the GUI words an issue from its stable
``code`` and ``field`` and from the structured facts it already has (the definition, the
parsed campaign, the platform profile, the products), never by parsing message text.
The engine's own message stays available as the detail in the tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject

from presale_engine.campaigns import (
    HISTORY_CAP_SHARE,
    HISTORY_HINT_SHARE,
    Campaign,
    ship_wait_days,
)
from presale_engine.errors import Issue
from presale_engine.money import ZERO, parse_money
from presale_engine.platforms import PlatformProfile
from presale_engine.pricing import legal_deposit_cap

from .common import Names, ShownIssue, item_index, money_str


@dataclass
class IssueFacts:
    """What the wording needs to know beyond the issue itself."""

    definition: Mapping[str, Any]
    campaign: Campaign | None = None
    profile: PlatformProfile | None = None
    sales_30d: Mapping[str, int | None] = field(default_factory=dict)
    # (sku) -> "#id name" of another overlapping campaign holding it, looked up lazily
    overlapping: Callable[[str], tuple[int, str] | None] | None = None


class IssueTexts(QObject):
    """Turns an engine ``Issue`` into a ``ShownIssue`` with a translated text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = Names(self)

    def show(self, issue: Issue, facts: IssueFacts) -> ShownIssue:
        kind = issue.severity
        if issue.code == "required":
            kind = "hint"  # not a mistake yet: just what is missing
        text = self.word(issue, facts)
        return ShownIssue(kind, text, issue.code, issue.field)

    def show_all(self, issues: Sequence[Issue], facts: IssueFacts) -> list[ShownIssue]:
        return [self.show(i, facts) for i in issues]

    # ------------------------------------------------------------------ wording
    def word(self, issue: Issue, facts: IssueFacts) -> str:
        handler = getattr(self, f"_{issue.code}", None)
        if handler is not None:
            text = handler(issue, facts)
            if text:
                return str(text)
        # An issue the wizard does not know yet: show the engine's words.
        return issue.message

    def _item(self, issue: Issue, facts: IssueFacts) -> Mapping[str, Any]:
        i = item_index(issue.field)
        items = facts.definition.get("items") or []
        item = items[i] if i is not None and 0 <= i < len(items) else None
        return item if isinstance(item, Mapping) else {}

    def _currency(self, facts: IssueFacts) -> str:
        return str(facts.definition.get("currency") or "CNY")

    def _lowest_price(self, item: Mapping[str, Any], cur: str) -> Decimal | None:
        prices: list[Decimal] = []
        for t in item.get("tiers") or []:
            try:
                prices.append(parse_money(t.get("price"), cur))
            except (ValueError, AttributeError):
                continue
        if not prices and item.get("price"):
            try:
                prices.append(parse_money(item["price"], cur))
            except ValueError:
                return None
        return min(prices) if prices else None

    def _amount(self, item: Mapping[str, Any], key: str, cur: str) -> Decimal | None:
        try:
            return parse_money(item.get(key), cur)
        except ValueError:
            return None

    def _required(self, issue: Issue, facts: IssueFacts) -> str:
        f = issue.field
        if f == "name":
            return self.tr("Give the campaign a name")
        if f == "items":
            return self.tr("Choose at least one SKU")
        if f.endswith(".price"):
            return self.tr("Enter a price (or volume tiers)")
        if f.endswith(".deposit"):
            return self.tr("Enter the deposit")
        if f.endswith(".min_units"):
            return self.tr("Enter the units that start this tier")
        return self.tr("Required")

    def _invalid_value(self, issue: Issue, facts: IssueFacts) -> str:
        f = issue.field
        cur = self._currency(facts)
        if f.endswith(("price", "deposit", "deposit_value", "balance_discount", "min_balance")):
            key = f.rsplit(".", 1)[-1]
            item = self._item(issue, facts)
            tiers_src: Any = item
            if ".tiers[" in f:
                j = int(f.split(".tiers[", 1)[1].split("]", 1)[0])
                tiers = item.get("tiers") or []
                tiers_src = tiers[j] if j < len(tiers) and isinstance(tiers[j], Mapping) else {}
            value = self._amount(tiers_src, key, cur)
            if value is None:
                return self.tr("Not a valid amount in %1").replace("%1", cur)
            if key == "deposit" and facts.definition.get("type") == "full":
                return self.tr("A full-payment presale takes no deposit")
            if key == "deposit" and value <= ZERO:
                return self.tr("The deposit must be above zero")
        if f == "profile":
            return self.tr("These platform rules do not belong to the chosen platform")
        if f == "timezone":
            return self.tr("Unknown time zone")
        if f.endswith(".min_units"):
            return self.tr("A tier starts at 1 unit or more")
        return self.tr("Invalid value: %1").replace("%1", issue.message)

    def _negative_amount(self, issue: Issue, facts: IssueFacts) -> str:
        return self.tr("Cannot be negative")

    def _duplicate_sku(self, issue: Issue, facts: IssueFacts) -> str:
        return self.tr("This SKU is in the campaign twice")

    def _unknown_sku(self, issue: Issue, facts: IssueFacts) -> str:
        if issue.severity == "error":
            return self.tr("This SKU is not in the product list")
        return self.tr("Not in the product list: stock and sales-history checks are skipped")

    def _window_order_invalid(self, issue: Issue, facts: IssueFacts) -> str:
        f = issue.field
        if f == "balance_window.start":
            return self.tr("The balance window opens before the deposit window closes")
        if f == "ship.date":
            c = facts.campaign
            end = c.presale_end.astimezone(c.tz).date().isoformat() if c and c.presale_end \
                else ""
            return self.tr("The ship date is before the presale ends (%1)").replace("%1", end)
        return self.tr("The window ends before it starts")

    def _balance_window_gap(self, issue: Issue, facts: IssueFacts) -> str:
        c = facts.campaign
        if c and c.deposit_window and c.balance_window:
            gap = c.balance_window.start - c.deposit_window.end
            hours = gap.total_seconds() / 3600
            return (self.tr("Buyers cannot pay in the %1 h between the deposit and balance "
                            "windows").replace("%1", f"{hours:.1f}"))
        return self.tr("There is a gap between the deposit and balance windows")

    def _ship_days(self, facts: IssueFacts) -> int | None:
        c = facts.campaign
        if c is not None:
            return ship_wait_days(c)
        ship = facts.definition.get("ship") or {}
        days = ship.get("days") if isinstance(ship, Mapping) else None
        return days if isinstance(days, int) else None

    def _ship_window_out_of_range(self, issue: Issue, facts: IssueFacts) -> str:
        p = facts.profile
        days = self._ship_days(facts)
        if p is None or days is None:
            return ""
        return (self.tr("%1 allows %2–%3 days; this promise is %4 days")
                .replace("%1", self.names.profile_long(p.code))
                .replace("%2", str(p.ship_days_min)).replace("%3", str(p.ship_days_max))
                .replace("%4", str(days)))

    def _ship_window_not_recommended(self, issue: Issue, facts: IssueFacts) -> str:
        p = facts.profile
        days = self._ship_days(facts)
        if p is None or days is None:
            return ""
        return (self.tr("%1 days is allowed, but %2–%3 days is recommended: longer waits "
                        "worry buyers")
                .replace("%1", str(days)).replace("%2", str(p.recommended_min))
                .replace("%3", str(p.recommended_max)))

    def _tiers_not_increasing(self, issue: Issue, facts: IssueFacts) -> str:
        if issue.field.endswith(".min_units"):
            return self.tr("Each tier must start at more units than the one before")
        return self.tr("A higher tier must not cost more than the one before")

    def _price_differs_from_first_tier(self, issue: Issue, facts: IssueFacts) -> str:
        return self.tr("The fixed price differs from the first tier; the tiers apply")

    def _deposit_value_below_deposit(self, issue: Issue, facts: IssueFacts) -> str:
        cur = self._currency(facts)
        d = self._amount(self._item(issue, facts), "deposit", cur)
        return (self.tr("The deposit value cannot be below the deposit (%1)")
                .replace("%1", money_str(d, cur)))

    def _deposit_value_over_price(self, issue: Issue, facts: IssueFacts) -> str:
        cur = self._currency(facts)
        lowest = self._lowest_price(self._item(issue, facts), cur)
        return (self.tr("The deposit value is above the price (%1)")
                .replace("%1", money_str(lowest, cur)))

    def _balance_below_minimum(self, issue: Issue, facts: IssueFacts) -> str:
        cur = self._currency(facts)
        item = self._item(issue, facts)
        minimum = self._amount(item, "min_balance", cur) or Decimal("0.01")
        return (self.tr("The balance left to pay would be below the platform minimum (%1)")
                .replace("%1", money_str(minimum, cur)))

    def _deposit_over_legal_cap(self, issue: Issue, facts: IssueFacts) -> str:
        cur = self._currency(facts)
        item = self._item(issue, facts)
        d = self._amount(item, "deposit", cur)
        lowest = self._lowest_price(item, cur)
        if d is None or lowest is None:
            return ""
        cap = legal_deposit_cap(lowest, cur)
        excess = max(d - cap, ZERO)
        return (self.tr("Above the legal deposit cap of %1 (20% of %2, Civil Code art. 586): "
                        "%3 per unit is an ordinary prepayment that must be refunded")
                .replace("%1", money_str(cap, cur)).replace("%2", money_str(lowest, cur))
                .replace("%3", money_str(excess, cur)))

    def _presale_cap_over_history(self, issue: Issue, facts: IssueFacts) -> str:
        item = self._item(issue, facts)
        sold = facts.sales_30d.get(str(item.get("sku")))
        if sold is None:
            return ""
        return (self.tr("Above 70% of the %1 units sold in 30 days; %2–%3 is safer")
                .replace("%1", str(sold))
                .replace("%2", str(int(sold * HISTORY_HINT_SHARE)))
                .replace("%3", str(int(sold * HISTORY_CAP_SHARE))))

    def _sku_in_overlapping_campaign(self, issue: Issue, facts: IssueFacts) -> str:
        sku = str(self._item(issue, facts).get("sku") or "")
        other = facts.overlapping(sku) if facts.overlapping and sku else None
        if other is None:
            return self.tr("Already in another campaign whose presale overlaps this one")
        return (self.tr("Already in campaign #%1 “%2”, whose presale overlaps this one")
                .replace("%1", str(other[0])).replace("%2", other[1]))

