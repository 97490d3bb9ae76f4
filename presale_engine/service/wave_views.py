"""What the waves and printing parts hand out: plain values (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .order_bulk import BulkRefusal


@dataclass(frozen=True)
class PrintRecord:
    sheet: str  # picklist, slips, manifest
    size: str  # a4, label
    lang: str
    pages: int
    at: datetime
    actor: str


@dataclass(frozen=True)
class WaveView:
    id: int
    status: str  # open, shipped, cancelled
    carrier: str
    created_at: datetime
    shipped_at: datetime | None
    orders: int  # platform orders (parcels)
    lines: int  # order lines
    units: int
    packed: int  # parcels packed
    platforms: list[str]
    filters: dict[str, Any]
    printed: list[PrintRecord] = field(default_factory=list)

    @property
    def done(self) -> bool:
        """Every parcel packed."""
        return self.orders > 0 and self.packed >= self.orders


@dataclass(frozen=True)
class ParcelLine:
    order_id: int
    sku: str
    name: str
    variant: str
    qty: int


@dataclass(frozen=True)
class WaveParcel:
    """One platform order of a wave: one slip, one parcel."""

    seq: int
    platform: str
    order_no: str
    recipient: str
    lines: list[ParcelLine]
    packed: bool
    tracking_no: str
    carrier: str

    @property
    def units(self) -> int:
        return sum(x.qty for x in self.lines)

    @property
    def order_ids(self) -> list[int]:
        return [x.order_id for x in self.lines]


# What a scan at the packing bench did (ScanResult.kind); printing.po words each
# (msgid scan.<kind>).
SCAN_KINDS = ("packed", "already_packed", "tracking", "wave", "not_in_wave", "no_current",
              "bad_tracking", "empty")


@dataclass(frozen=True)
class ScanResult:
    kind: str  # one of SCAN_KINDS
    code: str  # what was scanned
    parcel: WaveParcel | None  # the parcel it concerned
    next: WaveParcel | None  # the next parcel to pack (None: all packed)
    packed: int
    total: int

    @property
    def ok(self) -> bool:
        return self.kind in ("packed", "already_packed", "tracking", "wave")

    def params(self) -> dict[str, Any]:
        return {"order_no": self.parcel.order_no if self.parcel else self.code,
                "code": self.code,
                "tracking": self.parcel.tracking_no if self.parcel else ""}

    def text(self, lang: str = "en") -> str:
        from ..messages import render

        return render(f"scan.{self.kind}", self.params(), lang)


@dataclass(frozen=True)
class WaveShipResult:
    wave_id: int
    shipped: int  # order lines marked shipped
    refused: list[BulkRefusal]  # lines the state machine refused (cancelled meanwhile...)
    released: int  # unpacked lines let go (they can join another wave)
    platforms: list[str]
    order_ids: list[int]  # the lines shipped
    missing_tracking: int  # shipped lines without a tracking number (not in a ship sheet)


@dataclass(frozen=True)
class PrintResult:
    sheet: str
    path: Path
    pages: int
    seconds: float
