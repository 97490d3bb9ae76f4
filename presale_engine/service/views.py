"""Plain result objects the service hands to the GUI and the CLI (no ORM rows leak out)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from ..campaigns import Campaign
from ..money import fmt


def jsonable(value: Any) -> Any:
    """Dataclasses, Decimals, dates → JSON-ready values (money stays a string)."""
    if hasattr(value, "__dataclass_fields__"):
        return {k: jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        # One form for every command: UTC (the same instant may come in another zone).
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class ShopSettings:
    """Shop-wide choices. ``require_approval``: a campaign goes draft → submitted →
    approved by a second person; off (the default, a one-person shop) a valid campaign
    is active as soon as it is saved."""

    require_approval: bool = False


@dataclass(frozen=True)
class ShopView:
    id: int
    name: str
    timezone: str
    currency: str
    rule_overrides: dict[str, Any]


@dataclass(frozen=True)
class ProductView:
    id: int
    sku: str
    name: str
    variant: str
    platform: str | None
    location: str
    on_hand: int
    cost: Decimal | None
    list_price: Decimal | None
    sales_30d: int | None


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    platform: str
    type: str
    status: str
    currency: str
    starts: datetime | None
    ends: datetime | None
    skus: list[str]
    orders: int
    units: int
    deposits: Decimal
    next_ship_deadline: datetime | None
    days_to_ship_deadline: float | None
    timezone: str = ""  # the campaign's own zone (its windows are meant in it)
    paid: Decimal = Decimal(0)  # paid so far: deposits, balances, full payments


@dataclass(frozen=True)
class CampaignDetail:
    id: int
    status: str
    campaign: Campaign
    definition: dict[str, Any]
    row: CampaignRow

    def as_dict(self) -> dict[str, Any]:
        out = dict(self.definition)
        out["id"] = self.id
        out["status"] = self.status
        out["stats"] = jsonable(self.row)
        out["ship_promise"] = {"zh": self.campaign.ship_promise_text("zh"),
                               "en": self.campaign.ship_promise_text("en")}
        return out


@dataclass(frozen=True)
class OrderView:
    id: int
    platform: str
    order_no: str
    campaign_id: int | None
    sku: str
    kind: str
    status: str
    qty: int
    currency: str
    unit_price: Decimal
    deposit: Decimal
    balance: Decimal
    total: Decimal
    buyer: str
    ordered_at: datetime
    deposit_paid_at: datetime | None
    paid_at: datetime | None
    ship_deadline: datetime | None
    shipped_at: datetime | None
    overdue: bool
    reserved: int
    flags: list[str] = field(default_factory=list)
    carrier: str = ""
    tracking_no: str = ""
    recipient: str = ""
    note: str = ""
    tags: list[str] = field(default_factory=list)
    sub_order_no: str = ""
    # paid so far as the order's payment times say: the deposit once paid, then the
    # balance (or the full payment); refunds are not taken off (see OrderDetail)
    paid: Decimal = Decimal(0)

    def money(self, name: str) -> str:
        v = getattr(self, name)
        assert isinstance(v, Decimal)
        return fmt(v, self.currency)


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    event: str
    from_status: str | None
    to_status: str
    actor: str
    reason: str


@dataclass(frozen=True)
class StockRow:
    sku: str
    name: str
    location: str
    on_hand: int
    reserved: int
    committed: int
    incoming: int
    available: int


@dataclass(frozen=True)
class SupplyView:
    id: int
    sku: str
    qty: int
    received: int
    expected: date
    supplier: str
    note: str
