"""Exact money: parsing what people and platforms write, minor units, rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest

from presale_engine import money


@pytest.mark.parametrize(
    ("text", "expected"),
    [("899.00", "899.00"), ("899", "899.00"), ("¥1,299", "1299.00"), ("￥1,299.5", "1299.50"),
     ("  12.30 元 ", "12.30"), ("1，299", "1299.00"), ("$5", "5.00"), ("US$12.50", "12.50"),
     ("12.50 USD", "12.50"), ("RMB 8", "8.00"), ("-3.10", "-3.10"),
     (12.5, "12.50"), (0.1, "0.10"), (7, "7.00"), (Decimal("1.2"), "1.20")],
)
def test_parse_money_accepts(text: object, expected: str) -> None:
    got = money.parse_money(text)
    assert got == Decimal(expected)
    assert got.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "text",
    ["两件", "", "   ", "¥", "1.234", "abc", "nan", "NaN", "inf", "-Infinity", "1e30",
     "1" * 40, float("nan"), float("inf"), 0.125, True, False, None, [1], "12.5.3"],
)
def test_parse_money_rejects_with_value_error(text: object) -> None:
    with pytest.raises(ValueError, match=r"amount|decimals"):
        money.parse_money(text)


def test_parse_money_respects_the_currency_exponent() -> None:
    assert money.parse_money("1500", "JPY") == Decimal("1500")
    with pytest.raises(ValueError, match="more decimals than JPY"):
        money.parse_money("1500.5", "JPY")
    assert money.parse_money("12.34", "usd") == Decimal("12.34")


def test_unknown_currency() -> None:
    assert not money.known_currency("XXX")
    assert money.known_currency("cny")
    with pytest.raises(ValueError, match="unknown currency 'XXX'"):
        money.quantum("XXX")


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [("899.00", "CNY", 89900), ("0.01", "CNY", 1), ("19.9", "USD", 1990), ("0", "CNY", 0),
     ("-5.25", "CNY", -525), ("1500", "JPY", 1500), ("25000", "VND", 25000)],
)
def test_to_minor_and_back(amount: str, currency: str, minor: int) -> None:
    assert money.to_minor(Decimal(amount), currency) == minor
    back = money.from_minor(minor, currency)
    assert back == Decimal(amount)
    assert back.as_tuple().exponent == -money.exponent(currency)
    assert isinstance(money.to_minor(Decimal(amount), currency), int)


def test_to_minor_rounds_half_up() -> None:
    assert money.to_minor(Decimal("0.005")) == 1
    assert money.to_minor(Decimal("0.0049")) == 0


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("0.005", "0.01"), ("0.004", "0.00"), ("0.015", "0.02"), ("0.025", "0.03"),
     ("2.675", "2.68"), ("-0.005", "-0.01"), ("10", "10.00")],
)
def test_q_rounds_half_up(amount: str, expected: str) -> None:
    got = money.q(Decimal(amount))
    assert got == Decimal(expected)
    assert str(got) == expected


def test_fmt_always_has_the_minor_digits() -> None:
    assert money.fmt(Decimal("5")) == "5.00"
    assert money.fmt(Decimal("5.5"), "USD") == "5.50"
    assert money.fmt(Decimal("1500"), "JPY") == "1500"
