"""What to make or buy, and by when, so that a campaign's promise holds.

docs/PLANNING.md: for one campaign SKU, the units still to ship are the units already
fully paid plus the forecast's remaining deposits times the expected balance
conversion, less what has shipped; to make = that + the other campaigns' open claims
on the same stock + safety stock - on hand - incoming (never below zero).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

# Balance paid / deposits when the shop has no closed deposit campaign to learn from
# (docs/PLANNING.md: a cautious figure; sellers' own reports put it at 80-95 %).
DEFAULT_CONVERSION = Decimal("0.85")
# Days between a batch's arrival and the first parcel leaving (receive, check, pack).
HANDLING_DAYS = 1


@dataclass(frozen=True)
class PlanItem:
    sku: str
    forecast_units: int
    conversion: Decimal
    certain_units: int  # fully paid (balance or full payment), shipped or not
    shipped_units: int
    needed: int  # units still to ship for this campaign
    other_demand: int  # units other campaigns' open orders claim of the same stock
    safety: int
    on_hand: int
    incoming: int
    to_make: int
    arrive_by: date | None


def expected_to_ship(forecast_units: int, certain_units: int, conversion: Decimal) -> int:
    """Units this campaign will have to ship in all: the fully paid ones, plus the
    remaining forecast deposits that are expected to pay their balance (rounded up)."""
    pending = max(forecast_units - certain_units, 0)
    return certain_units + math.ceil(Decimal(pending) * conversion)


def plan_item(sku: str, *, forecast_units: int, conversion: Decimal, certain_units: int,
              shipped_units: int, other_demand: int, safety: int, on_hand: int,
              incoming: int, arrive_by: date | None) -> PlanItem:
    needed = max(expected_to_ship(forecast_units, certain_units, conversion)
                 - shipped_units, 0)
    to_make = max(needed + other_demand + safety - max(on_hand, 0) - incoming, 0)
    return PlanItem(sku, forecast_units, conversion, certain_units, shipped_units, needed,
                    other_demand, safety, on_hand, incoming, to_make,
                    arrive_by if to_make else None)


def conversion_from_history(deposits: int, balances: int) -> Decimal | None:
    """Balance paid / deposits of the shop's closed deposit campaigns (None: none)."""
    if deposits <= 0:
        return None
    return (Decimal(balances) / Decimal(deposits)).quantize(Decimal("0.0001"))
