"""A campaign's profit and loss, per SKU and in total, in the campaign currency.

docs/PNL.md. For a deposit item: of ``units`` deposits, ``units x conversion`` pay the
balance and bring the buyer's total (deposit + balance, after the deposit's extra value
and the balance discount, at the volume tier the campaign reaches); the others forfeit
their deposit, which the seller keeps. A full-payment item brings its (tier) price per
unit (the part of a deposit above the legal 20 % is refunded, not forfeited). Cost is the
product's cost per unit shipped; platform fees are the profile's
pre-order fee on revenue; margin = revenue + forfeits - cost - fees.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..money import ZERO, q
from ..pricing import PriceItem, quote


@dataclass(frozen=True)
class PnlLine:
    sku: str
    units: int  # deposits (deposit items) or units sold (full payment)
    paid_units: int  # units expected to be paid in full and shipped
    revenue: Decimal
    cost: Decimal
    fees: Decimal
    forfeits: Decimal
    margin: Decimal
    unit_price: Decimal  # the buyer's total per unit at the tier reached
    cost_known: bool = True


def line(sku: str, item: PriceItem, *, units: int, conversion: Decimal,
         unit_cost: Decimal | None, fee_rate: Decimal) -> PnlLine:
    cur = item.currency
    quoted = quote(item, units_sold=units)
    if item.is_deposit:
        paid = int((Decimal(units) * conversion).to_integral_value(ROUND_HALF_UP))
        # only a deposit within the legal 20 % is forfeited; the excess is refunded
        keep = quoted.deposit - quoted.deposit_excess
        forfeits = q(keep * (units - paid), cur)
    else:
        paid, forfeits = units, q(ZERO, cur)
    revenue = q(quoted.total * paid, cur)
    cost = q((unit_cost or ZERO) * paid, cur)
    fees = q(revenue * fee_rate, cur)
    return PnlLine(sku, units, paid, revenue, cost, fees, forfeits,
                   revenue + forfeits - cost - fees, quoted.total, unit_cost is not None)


def total(lines: list[PnlLine], currency: str) -> dict[str, Decimal | int]:
    out: dict[str, Decimal | int] = {"units": sum(x.units for x in lines),
                                     "paid_units": sum(x.paid_units for x in lines)}
    for k in ("revenue", "cost", "fees", "forfeits", "margin"):
        out[k] = q(sum((getattr(x, k) for x in lines), ZERO), currency)
    return out
