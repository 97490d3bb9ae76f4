"""The order desk's plain views and the helpers behind ``svc.orders``' desk methods.

What the orders page and ``presale order …`` show of one order (``OrderDetail``: its
lines, price breakdown, payments and refunds, address, timeline, notes), a page of the
sorted table (``OrderPage``), saved views (a filter and a sort a seller named, or one
of the built-in ones) and the money side of a late shipment (``late_penalty``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from decimal import Decimal
from typing import Any

from .. import orders as odom
from ..errors import InputError
from ..platforms import PlatformProfile
from ..store.order_query import SORT_KEYS, Cursor
from ..store.queries import OrderFilter
from .views import HistoryEntry, OrderView

DEFAULT_SORT = "ship_deadline"


@dataclass(frozen=True)
class OrderPage:
    """One keyset page of the sorted result; ``cursor`` continues it (None: the end)."""

    rows: list[OrderView]
    cursor: Cursor | None


@dataclass(frozen=True)
class OrderLine:
    """One line of the platform order the detail shows (sub-orders share an order number)."""

    id: int
    sub_order_no: str
    sku: str
    product: str
    variant: str
    qty: int
    status: str
    total: Decimal


@dataclass(frozen=True)
class PriceBreakdown:
    """How the order's total is made (DOMAIN.md, "Deposit-presale price forms"): the
    per-order amounts (per unit times quantity) where the campaign says them."""

    currency: str
    qty: int
    unit_price: Decimal
    list_price: Decimal | None
    deposit: Decimal  # D: the deposit due (0 for a full-payment order)
    deposit_value: Decimal | None  # W: what the deposit counts for against the price
    balance_discount: Decimal  # R: off the balance when paid in the window
    balance: Decimal
    total: Decimal


@dataclass(frozen=True)
class PaymentLine:
    kind: str  # deposit, balance, full, refund, penalty
    amount: Decimal  # refunds and penalties are negative
    at: datetime


@dataclass(frozen=True)
class OrderDetail:
    order: OrderView
    campaign: str | None
    product: str
    variant: str
    lines: list[OrderLine]
    price: PriceBreakdown
    payments: list[PaymentLine]
    paid: Decimal  # what the buyer paid
    refunded: Decimal  # what went back (refunds and the double-deposit penalty)
    seller_keeps: Decimal  # in the current state (odom.outcome)
    forfeited_deposit: Decimal
    recipient: str
    phone: str
    address: str
    timeline: list[HistoryEntry]
    note: str
    tags: list[str]
    next_events: list[str]  # what the state machine allows now
    late_penalty: Decimal | None  # what shipping it late costs (late_penalty below)
    penalty_currency: str


@dataclass(frozen=True)
class SavedView:
    """A filter and sort with a name. Built-in views have a ``key`` (their name is the
    GUI's to translate) and no ``id``; a seller's own have an ``id`` and a ``name``."""

    id: int | None
    key: str
    name: str
    spec: dict[str, Any] = field(default_factory=dict)

    @property
    def builtin(self) -> bool:
        return self.id is None


# "To ship today": owed a shipment, due by the end of today (overdue ones first);
# "Unpaid balances": deposit paid, balance not (the buyers to remind, 催付).
BUILTIN_VIEWS: tuple[SavedView, ...] = (
    SavedView(None, "all", "All orders", {}),
    SavedView(None, "to_ship_today", "To ship today", {"due": "today"}),
    SavedView(None, "overdue", "Overdue", {"overdue": True}),
    SavedView(None, "due_48h", "Due within 48 h", {"due_within_hours": 48}),
    SavedView(None, "unpaid_balances", "Unpaid balances",
              {"balance_unpaid": True, "sort": "ordered_at"}),
    SavedView(None, "flagged", "Flagged at import", {"flagged": True}),
)

_SPEC_BOOLS = ("overdue", "flagged", "balance_unpaid")
_SPEC_TEXTS = ("sku", "platform", "kind", "search")
_SPEC_KEYS = frozenset({"campaign_id", "statuses", "due_within_hours", "due", "flags", "ids",
                        "sort", "desc", *_SPEC_BOOLS, *_SPEC_TEXTS})


def check_spec(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A saved view's spec, checked and with empty entries left out (JSON-ready)."""
    if not isinstance(spec, Mapping):
        raise InputError("a view is a JSON object of filter settings")
    unknown = sorted(set(spec) - _SPEC_KEYS)
    if unknown:
        raise InputError(f"unknown view settings: {', '.join(unknown)}")
    out: dict[str, Any] = {}
    statuses = [str(s) for s in spec.get("statuses") or ()]
    for st in statuses:
        if st not in odom.Status.__members__.values():
            raise InputError(f"unknown order state '{st}'")
    if statuses:
        out["statuses"] = statuses
    sort = spec.get("sort") or DEFAULT_SORT
    if sort not in SORT_KEYS:
        raise InputError(f"orders cannot be sorted by '{sort}'")
    if sort != DEFAULT_SORT:
        out["sort"] = sort
    if spec.get("desc"):
        out["desc"] = True
    due = spec.get("due")
    if due:
        if due != "today":
            try:
                date.fromisoformat(str(due))
            except ValueError:
                raise InputError(f"'due' is 'today' or a date, not '{due}'") from None
        out["due"] = str(due)
    if spec.get("campaign_id") is not None:
        out["campaign_id"] = int(spec["campaign_id"])
    if spec.get("due_within_hours") is not None:
        out["due_within_hours"] = float(spec["due_within_hours"])
    for k in _SPEC_BOOLS:
        if spec.get(k):
            out[k] = True
    for k in _SPEC_TEXTS:
        if spec.get(k):
            out[k] = str(spec[k])
    if spec.get("flags"):
        out["flags"] = [str(f) for f in spec["flags"]]
    if spec.get("ids"):
        out["ids"] = [int(i) for i in spec["ids"]]
    return out


def end_of_day(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tz)


def spec_filter(spec: Mapping[str, Any], now: datetime, tz: tzinfo
                ) -> tuple[OrderFilter, str, bool]:
    """(filter, sort key, descending) of a view spec; "today" is the shop's today."""
    sp = check_spec(spec)
    due_by = None
    if "due" in sp:
        day = now.astimezone(tz).date() if sp["due"] == "today" else date.fromisoformat(
            sp["due"])
        due_by = end_of_day(day, tz)
    f = OrderFilter(
        campaign_id=sp.get("campaign_id"), statuses=tuple(sp.get("statuses", ())),
        overdue=sp.get("overdue", False), due_within_hours=sp.get("due_within_hours"),
        sku=sp.get("sku"), platform=sp.get("platform"), kind=sp.get("kind"),
        search=sp.get("search"), flagged=sp.get("flagged", False), due_by=due_by,
        balance_unpaid=sp.get("balance_unpaid", False), flags=tuple(sp.get("flags", ())),
        ids=tuple(sp.get("ids", ())))
    return f, sp.get("sort", DEFAULT_SORT), bool(sp.get("desc", False))


def late_penalty(profile: PlatformProfile, paid: Decimal, currency: str
                 ) -> tuple[Decimal, str]:
    """What one late order costs: the profile's fixed penalty (TikTok Shop: USD 8.00 per
    order, seed 000), else what the buyer paid (a late order may be cancelled and
    refunded in full, or compensated up to it: the exposure)."""
    if profile.late_penalty is not None:
        return profile.late_penalty, profile.penalty_currency
    return paid, currency


def split_tags(text: str) -> list[str]:
    return [t for t in (x.strip() for x in text.split(",")) if t]


def join_tags(tags: list[str]) -> str:
    seen: list[str] = []
    for t in tags:
        t = t.strip().replace(",", " ")
        if t and t not in seen:
            seen.append(t)
    out = ",".join(seen)
    if len(out) > 200:
        raise InputError("too many tags on one order (200 characters at most)")
    return out


def paid_amounts(kind: str, rows: Mapping[str, int]) -> tuple[int, int]:
    """(deposit paid, balance or full payment paid) in minor units from payment sums."""
    rest = int(rows.get("balance", 0)) + int(rows.get("full", 0))
    return int(rows.get("deposit", 0)), rest


__all__ = ["BUILTIN_VIEWS", "DEFAULT_SORT", "Cursor", "OrderDetail", "OrderLine",
           "OrderPage", "PaymentLine", "PriceBreakdown", "SavedView", "check_spec",
           "end_of_day", "join_tags", "late_penalty", "paid_amounts", "spec_filter",
           "split_tags"]
