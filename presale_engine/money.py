"""Exact money: ``Decimal`` in code, integer minor units (fen, cents) in the database.

Never float. Amounts are rounded half-up to the currency's minor unit, which is what
the platforms' settlement sheets show.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import BadValue

# ISO 4217 minor-unit exponents for the currencies our platforms settle in.
_EXPONENT = {"CNY": 2, "USD": 2, "EUR": 2, "GBP": 2, "HKD": 2, "SGD": 2, "MYR": 2,
             "THB": 2, "PHP": 2, "IDR": 0, "VND": 0, "JPY": 0, "KRW": 0}

ZERO = Decimal("0")


def exponent(currency: str) -> int:
    try:
        return _EXPONENT[currency.upper()]
    except KeyError:
        raise BadValue(code="value.unknown_currency", params={"currency": currency}) from None


def known_currency(currency: str) -> bool:
    return currency.upper() in _EXPONENT


def quantum(currency: str = "CNY") -> Decimal:
    return Decimal(1).scaleb(-exponent(currency))


def q(amount: Decimal, currency: str = "CNY") -> Decimal:
    """Round to the currency's minor unit, half up."""
    return amount.quantize(quantum(currency), rounding=ROUND_HALF_UP)


def to_minor(amount: Decimal, currency: str = "CNY") -> int:
    return int(q(amount, currency).scaleb(exponent(currency)))


def from_minor(units: int, currency: str = "CNY") -> Decimal:
    return q(Decimal(units).scaleb(-exponent(currency)), currency)


def parse_money(text: object, currency: str = "CNY") -> Decimal:
    """Read an amount written by a person or a platform: ``"899.00"``, ``"¥1,299"``, 12.5.

    Floats are taken through ``repr`` (spreadsheet readers return them) and must already
    be exact to the minor unit. Raises ``BadValue`` (a ``ValueError``) with a short reason
    otherwise.
    """
    if isinstance(text, bool):
        raise BadValue(code="value.not_amount", params={"value": str(text)})
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, float):
        value = Decimal(repr(text))
    elif isinstance(text, str):
        s = text.strip().replace(",", "").replace("，", "")
        # Longest first: "US$" must go before "$" strips its tail.
        for sym in ("US$", "RMB", "CNY", "USD", "¥", "￥", "$", "元"):
            s = s.replace(sym, "")
        s = s.strip()
        if not s:
            raise BadValue(code="value.empty_amount")
        try:
            value = Decimal(s)
        except InvalidOperation:
            raise BadValue(code="value.not_amount", params={"value": str(text)}) from None
    else:
        raise BadValue(code="value.not_amount", params={"value": str(text)})
    if not value.is_finite():
        raise BadValue(code="value.not_amount", params={"value": str(text)})
    try:
        rounded = q(value, currency)
    except InvalidOperation:  # more digits than the decimal context holds, e.g. "1e30"
        raise BadValue(code="value.amount_too_large", params={"value": str(text)}) from None
    if value != rounded:
        raise BadValue(code="value.too_many_decimals",
                       params={"value": str(text), "currency": currency})
    return rounded


def fmt(amount: Decimal, currency: str = "CNY") -> str:
    """Plain string with exactly the minor-unit decimals, as JSON and files carry money."""
    return str(q(amount, currency))
