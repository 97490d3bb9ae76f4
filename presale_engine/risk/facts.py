"""The facts the rules read and the findings they give back (plain, immutable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

SEVERITIES = ("info", "warning", "critical")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # info | warning | critical
    subject: str  # shop | platform:<p> | campaign:<id> | campaign:<id>/sku:<sku>
    campaign_id: int | None = None
    platform: str | None = None
    sku: str | None = None
    order_count: int = 0
    money: Decimal | None = None  # at stake, in ``currency``
    currency: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    order_ids: tuple[int, ...] = ()  # the orders behind it (capped by the query)


@dataclass(frozen=True)
class DueGroup:
    """Unshipped orders owed a shipment, of one campaign (or none) and platform."""

    campaign_id: int | None
    platform: str
    profile: str
    currency: str
    overdue: int
    due_24h: int  # not overdue, deadline within 24 h
    due_48h: int  # not overdue, deadline within 48 h (includes the 24 h ones)
    paid_overdue: Decimal
    paid_48h: Decimal
    overdue_ids: tuple[int, ...] = ()
    due_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ShortGroup:
    """Orders of one campaign that stock and supply cannot cover by their deadline."""

    campaign_id: int | None
    platform: str
    profile: str
    currency: str
    orders: int
    paid: Decimal
    first_deadline: datetime | None
    order_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class BalanceClosing:
    campaign_id: int
    platform: str
    currency: str
    closes_at: datetime
    unpaid_orders: int
    balance_due: Decimal
    order_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class DepositExcess:
    campaign_id: int
    platform: str
    sku: str
    currency: str
    deposit: Decimal
    cap: Decimal  # 20 % of the price
    units_paid: int  # deposit units paid
    price: Decimal | None = None  # the lowest unit price the cap is 20 % of


@dataclass(frozen=True)
class CapUse:
    campaign_id: int
    platform: str
    sku: str
    cap: int
    units: int


@dataclass(frozen=True)
class HistoryUse:
    sku: str
    presale_units: int
    sales_30d: int


@dataclass(frozen=True)
class PlatformRates:
    """30-day counts of one platform (the definitions are in docs/RISK.md)."""

    platform: str
    profile: str
    ordered: int  # orders ordered in the 30 days before now
    presale: int  # of those, presale orders (deposit or full payment)
    cancelled: int  # of those, cancelled (by buyer or seller)
    due: int  # orders whose ship deadline fell in the 30 days (cancelled before it: out)
    late: int  # of those, shipped after it or still unshipped


@dataclass(frozen=True)
class ReturnUse:
    campaign_id: int
    platform: str
    shipped: int
    returned: int


@dataclass(frozen=True)
class Health:
    rating: Decimal | None
    bad_review_rate: Decimal | None
