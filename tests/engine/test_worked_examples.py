"""The worked examples of the issue: acceptance criteria for pricing and validation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from presale_engine.pricing import PriceItem, Tier, quote, tier_price

from ._defs import check, deposit_def, fields_of, item


def test_acceptance_deposit_50_worth_150_minus_20_on_899_gives_balance_729_total_779() -> None:
    it = PriceItem(price=Decimal("899.00"), deposit=Decimal("50.00"),
                   deposit_value=Decimal("150.00"), balance_discount=Decimal("20.00"))
    qt = quote(it)
    assert qt.unit_price == Decimal("899.00")
    assert qt.balance == Decimal("729.00")
    assert qt.total == Decimal("779.00")
    assert qt.deposit == Decimal("50.00")
    assert qt.effective_discount == Decimal("0.1335")  # 1 - 779/899 against list 899
    assert not qt.balance_clamped
    assert qt.deposit_excess == Decimal("0.00")  # 50 is below the 179.80 legal cap
    assert qt.as_dict()["balance"] == "729.00"
    assert qt.as_dict()["total"] == "779.00"


TIERS = (Tier(1, Decimal("299.00")), Tier(100, Decimal("279.00")), Tier(300, Decimal("259.00")))


def test_acceptance_tiers_299_279_259_with_150_units_sold_gives_279() -> None:
    it = PriceItem(tiers=TIERS)
    assert tier_price(it, 150) == Decimal("279.00")
    assert quote(it, units_sold=150).unit_price == Decimal("279.00")


@pytest.mark.parametrize(
    ("units_sold", "expected"),
    [(0, "299.00"), (1, "299.00"), (99, "299.00"), (100, "279.00"), (299, "279.00"),
     (300, "259.00"), (1000, "259.00")],
)
def test_acceptance_tier_boundaries(units_sold: int, expected: str) -> None:
    assert quote(PriceItem(tiers=TIERS), units_sold=units_sold).unit_price == Decimal(expected)


def test_acceptance_tiers_given_out_of_order_still_pick_the_reached_tier() -> None:
    it = PriceItem(tiers=(TIERS[2], TIERS[0], TIERS[1]))
    assert tier_price(it, 150) == Decimal("279.00")
    assert tier_price(it, 0) == Decimal("299.00")


def test_acceptance_deposit_200_on_899_warns_over_legal_cap_179_80_excess_20_20() -> None:
    d = item(deposit_def(), deposit="200.00", deposit_value="200.00", balance_discount=None)
    res = check(d)
    assert res.errors == []
    assert fields_of(res, "deposit_over_legal_cap") == ["items[0].deposit"]
    (w,) = [i for i in res.warnings if i.code == "deposit_over_legal_cap"]
    assert w.severity == "warning"
    assert "179.80" in w.message
    assert "20.20" in w.message

    qt = quote(PriceItem(price=Decimal("899.00"), deposit=Decimal("200.00")))
    assert qt.legal_deposit_cap == Decimal("179.80")
    assert qt.deposit_excess == Decimal("20.20")
    assert qt.as_dict()["legal_deposit_cap"] == "179.80"
    assert qt.as_dict()["deposit_excess"] == "20.20"


def test_acceptance_deposit_at_exactly_20_percent_is_not_over_the_cap() -> None:
    d = item(deposit_def(), deposit="179.80", deposit_value="179.80", balance_discount=None)
    assert "deposit_over_legal_cap" not in check(d).codes()


def test_acceptance_douyin_ship_35_days_after_payment_is_out_of_range() -> None:
    res = check(deposit_def(ship={"mode": "after_payment", "days": 35}))
    assert [(i.code, i.field) for i in res.errors] == [("ship_window_out_of_range", "ship.days")]
    assert not res.ok


def test_acceptance_douyin_ship_20_days_after_payment_is_not_recommended() -> None:
    res = check(deposit_def(ship={"mode": "after_payment", "days": 20}))
    assert res.errors == []
    assert [(i.code, i.field) for i in res.warnings] == [
        ("ship_window_not_recommended", "ship.days")]


def test_acceptance_douyin_ship_10_days_after_payment_is_clean() -> None:
    res = check(deposit_def(ship={"mode": "after_payment", "days": 10}))
    assert res.errors == []
    assert res.warnings == []
