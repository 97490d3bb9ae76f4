"""Presale price forms and how they stack (DOMAIN.md, "Deposit-presale price forms").

P is the presale unit price (fixed, or the volume tier reached by the units sold in the
campaign), D the deposit paid, W the deposit value credited against P (W >= D, e.g.
"10 抵 100"), R the balance discount (尾款立减). Balance per unit = P - W - R, never
below the platform minimum; buyer total = D + balance. The PRC Civil Code (art. 586)
caps the legal effect of a deposit at 20 % of the price: the excess is an ordinary
prepayment that must be refunded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .errors import BadValue
from .money import ZERO, fmt, q

LEGAL_DEPOSIT_SHARE = Decimal("0.20")  # Civil Code art. 586
DEFAULT_MIN_BALANCE = Decimal("0.01")  # platforms require a positive balance


@dataclass(frozen=True)
class Tier:
    min_units: int
    price: Decimal


@dataclass(frozen=True)
class PriceItem:
    """The price terms of one campaign item. ``deposit`` is None for full payment."""

    price: Decimal | None = None
    tiers: tuple[Tier, ...] = ()
    deposit: Decimal | None = None
    deposit_value: Decimal | None = None
    balance_discount: Decimal = ZERO
    list_price: Decimal | None = None
    min_balance: Decimal = DEFAULT_MIN_BALANCE
    currency: str = "CNY"

    @property
    def is_deposit(self) -> bool:
        return self.deposit is not None

    @property
    def base_price(self) -> Decimal:
        """The price before any volume tier is reached (the first tier or the fixed price)."""
        if self.tiers:
            return sorted(self.tiers, key=lambda t: t.min_units)[0].price
        if self.price is None:
            raise ValueError("item has neither a price nor tiers")
        return self.price


def tier_price(item: PriceItem, units_sold: int) -> Decimal:
    """P for a campaign that has sold ``units_sold`` units (deposits) in total.

    Tiers apply from the first one even below its threshold: the first tier is the
    starting price.
    """
    if not item.tiers:
        return item.base_price
    ordered = sorted(item.tiers, key=lambda t: t.min_units)
    price = ordered[0].price
    for tier in ordered:
        if units_sold >= tier.min_units:
            price = tier.price
    return price


@dataclass(frozen=True)
class Quote:
    currency: str
    qty: int
    unit_price: Decimal
    deposit: Decimal
    deposit_value: Decimal
    balance_discount: Decimal
    balance: Decimal
    total: Decimal
    effective_discount: Decimal  # share off the list price, 4 decimals (0.1335 = 13.35 %)
    legal_deposit_cap: Decimal
    deposit_excess: Decimal
    balance_clamped: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def order_deposit(self) -> Decimal:
        return self.deposit * self.qty

    @property
    def order_balance(self) -> Decimal:
        return self.balance * self.qty

    @property
    def order_total(self) -> Decimal:
        return self.total * self.qty

    @property
    def order_deposit_excess(self) -> Decimal:
        return self.deposit_excess * self.qty

    def as_dict(self, with_order: bool = False) -> dict[str, str | int | bool]:
        c = self.currency
        out: dict[str, str | int | bool] = {
            "currency": c,
            "unit_price": fmt(self.unit_price, c),
            "deposit": fmt(self.deposit, c),
            "deposit_value": fmt(self.deposit_value, c),
            "balance_discount": fmt(self.balance_discount, c),
            "balance": fmt(self.balance, c),
            "total": fmt(self.total, c),
            "effective_discount": str(self.effective_discount),
            "legal_deposit_cap": fmt(self.legal_deposit_cap, c),
            "deposit_excess": fmt(self.deposit_excess, c),
            "balance_clamped": self.balance_clamped,
        }
        if with_order:
            out["qty"] = self.qty
            out["order_deposit"] = fmt(self.order_deposit, c)
            out["order_balance"] = fmt(self.order_balance, c)
            out["order_total"] = fmt(self.order_total, c)
        return out


def legal_deposit_cap(unit_price: Decimal, currency: str = "CNY") -> Decimal:
    return q(unit_price * LEGAL_DEPOSIT_SHARE, currency)


def quote(item: PriceItem, *, units_sold: int = 0, qty: int = 1) -> Quote:
    """Price one unit (and ``qty`` units) of ``item`` for a campaign at ``units_sold``."""
    if qty < 1:
        raise BadValue(code="value.quantity_below_one", params={"qty": qty})
    if units_sold < 0:
        raise ValueError("units sold cannot be negative")
    c = item.currency
    p = q(tier_price(item, units_sold), c)
    r = q(item.balance_discount, c)
    notes: list[str] = []
    if item.is_deposit:
        d = q(item.deposit or ZERO, c)
        w = q(item.deposit_value if item.deposit_value is not None else d, c)
        raw_balance = p - w - r
    else:
        d = w = q(ZERO, c)  # 0.00, not 0: every amount of a quote carries the minor unit
        raw_balance = p - r
    clamped = raw_balance < item.min_balance
    balance = q(max(raw_balance, item.min_balance), c)
    if clamped:
        notes.append("balance raised to the platform minimum")
    total = d + balance
    list_price = item.list_price if item.list_price else item.base_price
    eff = (Decimal(1) - total / list_price) if list_price > 0 else ZERO
    cap = legal_deposit_cap(p, c)
    excess = q(max(d - cap, ZERO), c)
    return Quote(
        currency=c, qty=qty, unit_price=p, deposit=d, deposit_value=w, balance_discount=r,
        balance=balance, total=total, effective_discount=eff.quantize(Decimal("0.0001")),
        legal_deposit_cap=cap, deposit_excess=excess, balance_clamped=clamped,
        notes=tuple(notes),
    )
