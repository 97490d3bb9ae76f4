"""Rows and row errors: what mapping a sheet produces (plain, typed, immutable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

_VALUE_CHARS = 100
_CHECK_EVERY = 1024


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in one cell (or row) of the file, in the file's own terms."""

    file: str
    row: int
    column: str
    value: str
    reason: str
    code: str = "invalid"

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", {self.column}" if self.column else "")
        shown = f" '{self.value}'" if self.value else ""
        return f"{self.file}, {where}:{shown} {self.reason}"


@dataclass(frozen=True, slots=True)
class OrderRow:
    """One order line as the platform exported it, normalised to engine terms.

    Money is per line (as exports show it) except ``unit_price``; times are UTC.
    """

    platform: str
    order_no: str
    sub_order_no: str | None
    sku: str
    product_name: str | None
    variant: str | None
    qty: int
    unit_price: Decimal | None
    deposit: Decimal | None
    balance: Decimal | None
    total: Decimal | None
    kind: str
    status: str
    ordered_at: datetime
    deposit_paid_at: datetime | None
    balance_paid_at: datetime | None
    paid_at: datetime | None
    promised_ship_at: datetime | None
    shipped_at: datetime | None
    carrier: str | None
    tracking_no: str | None
    buyer: str | None
    recipient: str | None
    phone: str | None
    address: str | None
    excel_row: int
    platform_status: str = ""
    currency: str = "CNY"


@dataclass(frozen=True, slots=True)
class ProductRow:
    code: str
    name: str | None
    variant: str | None
    platform: str | None
    location: str | None
    on_hand: int | None
    cost: Decimal | None
    list_price: Decimal | None
    sales_30d: int | None
    excel_row: int


@dataclass(frozen=True, slots=True)
class SupplyRow:
    sku: str
    qty: int
    expected_on: date
    supplier: str | None
    note: str | None
    excel_row: int


@dataclass
class _Import:
    file: str
    preset: str
    header_row: int
    columns: dict[str, str]  # engine field -> header text used
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    skipped_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class OrderImport(_Import):
    platform: str = "other"
    timezone: str = "Asia/Shanghai"
    currency: str = "CNY"
    rows: list[OrderRow] = field(default_factory=list)
    unknown_statuses: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unknown_statuses


@dataclass
class ProductImport(_Import):
    rows: list[ProductRow] = field(default_factory=list)


@dataclass
class SupplyImport(_Import):
    rows: list[SupplyRow] = field(default_factory=list)
