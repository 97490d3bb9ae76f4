"""Price forms and how they stack: deposit expansion, balance discount, tiers, legal cap."""

from __future__ import annotations

from decimal import Decimal

import pytest

from presale_engine.pricing import PriceItem, Tier, legal_deposit_cap, quote, tier_price

D = Decimal


def test_doubling_10_worth_20() -> None:
    qt = quote(PriceItem(price=D("100.00"), deposit=D("10.00"), deposit_value=D("20.00")))
    assert qt.balance == D("80.00")
    assert qt.total == D("90.00")
    assert qt.effective_discount == D("0.1000")


def test_10_worth_100_expansion() -> None:
    qt = quote(PriceItem(price=D("399.00"), deposit=D("10.00"), deposit_value=D("100.00")))
    assert qt.balance == D("299.00")
    assert qt.total == D("309.00")


def test_deposit_value_defaults_to_the_deposit() -> None:
    qt = quote(PriceItem(price=D("100.00"), deposit=D("15.00")))
    assert qt.deposit_value == D("15.00")
    assert qt.balance == D("85.00")
    assert qt.total == D("100.00")
    assert qt.effective_discount == D("0.0000")


def test_balance_is_clamped_to_the_minimum() -> None:
    qt = quote(PriceItem(price=D("100.00"), deposit=D("10.00"), deposit_value=D("100.00"),
                         balance_discount=D("5.00")))
    assert qt.balance == D("0.01")
    assert qt.balance_clamped
    assert qt.total == D("10.01")
    assert qt.notes == ("balance raised to the platform minimum",)


def test_balance_exactly_at_the_minimum_is_not_clamped() -> None:
    qt = quote(PriceItem(price=D("100.00"), deposit=D("10.00"), deposit_value=D("99.99")))
    assert qt.balance == D("0.01")
    assert not qt.balance_clamped
    assert qt.notes == ()


def test_custom_minimum_balance() -> None:
    qt = quote(PriceItem(price=D("100.00"), deposit=D("10.00"), deposit_value=D("95.00"),
                         min_balance=D("10.00")))
    assert qt.balance == D("10.00")
    assert qt.balance_clamped


def test_full_payment_quote() -> None:
    qt = quote(PriceItem(price=D("19.90"), balance_discount=D("2.00"), list_price=D("29.90")),
               qty=3)
    assert qt.deposit == D("0.00")
    assert qt.deposit_value == D("0.00")
    assert qt.balance == D("17.90")
    assert qt.total == D("17.90")
    assert qt.order_total == D("53.70")
    assert qt.effective_discount == D("0.4013")  # 1 - 17.90/29.90
    assert qt.deposit_excess == D("0.00")
    assert qt.as_dict()["deposit"] == "0.00"
    assert qt.deposit.as_tuple().exponent == -2  # 0.00, not 0
    assert qt.deposit_value.as_tuple().exponent == -2


def test_list_price_is_the_reference_for_the_discount() -> None:
    it = PriceItem(price=D("899.00"), deposit=D("50.00"), deposit_value=D("150.00"),
                   balance_discount=D("20.00"), list_price=D("1299.00"))
    assert quote(it).effective_discount == D("0.4003")  # 1 - 779/1299


def test_tiered_item_discount_is_against_the_first_tier() -> None:
    it = PriceItem(tiers=(Tier(1, D("299.00")), Tier(100, D("269.10"))))
    qt = quote(it, units_sold=100)
    assert qt.unit_price == D("269.10")
    assert qt.effective_discount == D("0.1000")


def test_legal_cap_follows_the_reached_tier() -> None:
    it = PriceItem(tiers=(Tier(1, D("299.00")), Tier(300, D("259.00"))), deposit=D("55.00"))
    assert quote(it, units_sold=0).deposit_excess == D("0.00")  # cap 59.80
    qt = quote(it, units_sold=300)
    assert qt.legal_deposit_cap == D("51.80")
    assert qt.deposit_excess == D("3.20")
    assert qt.order_deposit_excess == D("3.20")


def test_legal_deposit_cap_rounds_half_up() -> None:
    assert legal_deposit_cap(D("899.00")) == D("179.80")
    assert legal_deposit_cap(D("0.03")) == D("0.01")  # 0.006 -> 0.01
    assert legal_deposit_cap(D("0.12")) == D("0.02")  # 0.024 -> 0.02


def test_order_amounts_multiply_by_quantity() -> None:
    it = PriceItem(price=D("899.00"), deposit=D("200.00"))
    qt = quote(it, qty=3)
    assert qt.order_deposit == D("600.00")
    assert qt.order_balance == D("2097.00")
    assert qt.order_total == D("2697.00")
    assert qt.order_deposit_excess == D("60.60")
    d = qt.as_dict(with_order=True)
    assert d["qty"] == 3
    assert d["order_total"] == "2697.00"
    assert "qty" not in qt.as_dict()


def test_tier_price_without_tiers_is_the_fixed_price() -> None:
    assert tier_price(PriceItem(price=D("5.00")), 10_000) == D("5.00")


def test_item_without_price_or_tiers_cannot_be_quoted() -> None:
    with pytest.raises(ValueError, match="neither a price nor tiers"):
        quote(PriceItem())


@pytest.mark.parametrize(("kwargs", "msg"),
                         [({"qty": 0}, "quantity"), ({"units_sold": -1}, "units sold")])
def test_quote_rejects_bad_counts(kwargs: dict[str, int], msg: str) -> None:
    with pytest.raises(ValueError, match=msg):
        quote(PriceItem(price=D("1.00")), **kwargs)


def test_usd_quote_keeps_the_currency() -> None:
    qt = quote(PriceItem(price=D("39.9"), currency="USD"))
    assert qt.currency == "USD"
    assert qt.unit_price == D("39.90")
    assert qt.as_dict()["unit_price"] == "39.90"
