"""What the sheets print: plain values the service reads from the database.

The renderers know nothing of the database; times are already in the shop's time zone
(aware), money is ``Decimal`` with its currency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class SheetHead:
    """What every sheet's header and footer say."""

    shop: str
    printed_at: datetime  # shop time zone
    lang: str = "zh"


@dataclass(frozen=True)
class WaveFacts:
    id: int
    created_at: datetime
    carrier: str
    orders: int  # platform orders = parcels
    lines: int
    units: int
    platforms: tuple[str, ...] = ()


@dataclass(frozen=True)
class SlipLine:
    sku: str
    name: str
    variant: str
    qty: int


@dataclass(frozen=True)
class SlipOrder:
    """One platform order: one slip, one parcel."""

    order_no: str
    platform: str
    seq: int  # place in the wave, from 1
    ordered_at: datetime | None
    recipient: str
    phone: str
    address: str
    lines: tuple[SlipLine, ...]
    ship_by: datetime | None = None
    promise: str = ""  # the campaign's ship promise in the sheet's language
    tracking_no: str = ""

    @property
    def units(self) -> int:
        return sum(line.qty for line in self.lines)


@dataclass(frozen=True)
class PickLine:
    location: str
    sku: str
    name: str
    variant: str
    qty: int
    orders: int  # how many orders want it


@dataclass(frozen=True)
class ManifestRow:
    seq: int
    order_no: str
    platform: str
    recipient: str
    tracking_no: str
    units: int
    parcels: int = 1


@dataclass(frozen=True)
class ReportMetric:
    code: str  # label code in printing.po (report.metric.<code>)
    value: object  # int, Decimal, messages.Money or messages.Percent; None: nothing yet


@dataclass(frozen=True)
class ReportSku:
    sku: str
    name: str
    orders: int
    units: int
    gmv: Decimal
    shipped: int
    overdue: int


@dataclass(frozen=True)
class ReportData:
    """A campaign's figures for the printed report."""

    id: int
    name: str
    platform: str
    type: str  # deposit, full
    status: str
    currency: str
    window: tuple[datetime, datetime] | None
    balance_window: tuple[datetime, datetime] | None
    promise: str
    metrics: tuple[ReportMetric, ...]
    skus: tuple[ReportSku, ...]
    by_status: tuple[tuple[str, int], ...]  # (status, orders)
    by_day: tuple[tuple[date, int, int], ...]  # (local day, orders, units)
    alerts: tuple[tuple[str, int], ...] = field(default=())  # (kind code, orders)
