"""The checks of issue 13: a presale price above the list price, a deposit presale that
is no real discount, a presale cap above the stock it can ship from. Worked numbers."""

from __future__ import annotations

from decimal import Decimal

from presale_engine.campaigns import ValidationContext
from presale_engine.messages import Money

from ._defs import check, deposit_def, fields_of, full_def, item

D = Decimal


def _issue(res: object, code: str) -> object:
    issues = [*res.errors, *res.warnings]  # type: ignore[attr-defined]
    return next(i for i in issues if i.code == code)


# --------------------------------------------------------------------------- price_above_list

def test_a_presale_price_above_the_list_price_is_an_error() -> None:
    # 19.90 presale against a list price of 15.00: buyers would pay more in the presale.
    res = check(item(full_def(), list_price="15.00"))
    assert fields_of(res, "price_above_list") == ["items[0].price"]
    issue = res.errors[0]
    assert issue.params == {"sku": "SKU-1", "price": Money(D("19.90"), "CNY"),
                            "list_price": Money(D("15.00"), "CNY")}
    assert issue.text("en") == ("The presale price of SKU-1, CN¥19.90, is above its list "
                                "price CN¥15.00")
    assert issue.text("zh") == "SKU-1 的预售价 ¥19.90 高于日常售价 ¥15.00"


def test_a_presale_price_equal_to_or_below_the_list_price_is_fine() -> None:
    assert check(item(full_def(), list_price="19.90")).codes() == set()
    assert check(item(full_def(), list_price="29.90")).codes() == set()


def test_the_highest_tier_price_counts_against_the_list_price() -> None:
    # Tiers 299 (from 1) and 279 (from 100) against a list price of 289: 299 > 289.
    tiers = [{"min_units": 1, "price": "299.00"}, {"min_units": 100, "price": "279.00"}]
    res = check(item(full_def(), price=None, tiers=tiers, list_price="289.00"))
    assert fields_of(res, "price_above_list") == ["items[0].tiers"]
    assert res.errors[0].params["price"] == Money(D("299.00"), "CNY")
    assert check(item(full_def(), price=None, tiers=tiers, list_price="299.00")).ok


# --------------------------------------------------------------------------- no_real_discount

PLAIN = {"deposit": "50.00", "deposit_value": None, "balance_discount": None}


def test_a_deposit_presale_whose_buyer_total_reaches_the_list_price_is_no_real_discount() -> None:
    # 899 at a list price of 899, a plain 50 deposit (worth 50), nothing off the balance:
    # balance 899 - 50 = 849, the buyer pays 50 + 849 = 899 in all: no discount at all.
    res = check(item(deposit_def(), **PLAIN, list_price="899.00"))
    assert res.ok
    assert fields_of(res, "no_real_discount") == ["items[0].price"]
    issue = res.warnings[0]
    assert issue.params == {"sku": "SKU-1", "total": Money(D("899.00"), "CNY"),
                            "list_price": Money(D("899.00"), "CNY")}
    assert "CN¥899.00" in issue.message
    assert issue.text("zh") == ("SKU-1 的买家共付 ¥899.00（定金 + 尾款），不低于日常售价 "
                                "¥899.00，没有真正的优惠")


def test_the_discount_check_waits_for_valid_price_terms() -> None:
    # 100 with a 10 deposit worth 100 leaves no balance (below the 0.01 minimum): that is
    # the error to fix first; the buyer total is not judged on broken terms.
    res = check(item(deposit_def(), price="100.00", deposit="10.00", deposit_value="100.00",
                     balance_discount=None, list_price="100.00"))
    assert res.codes() == {"balance_below_minimum"}


def test_a_buyer_total_below_the_list_price_is_a_discount() -> None:
    assert check(item(deposit_def(), **PLAIN, list_price="899.01")).codes() == set()
    # The sample's expansion (50 worth 150) and 20 off: 50 + 729 = 779 < 899.
    assert check(item(deposit_def(), list_price="899.00")).codes() == set()


def test_no_real_discount_is_not_repeated_when_the_price_is_already_above_the_list() -> None:
    # 899 against a list price of 700: the price error says it; total 779 >= 700 is moot.
    res = check(item(deposit_def(), list_price="700.00"))
    assert res.codes() == {"price_above_list"}


def test_a_full_payment_presale_at_the_list_price_is_not_this_check() -> None:
    assert check(item(full_def(), list_price="19.90")).codes() == set()


def test_without_a_list_price_there_is_nothing_to_compare() -> None:
    assert check(deposit_def()).codes() == set()


# --------------------------------------------------------------------------- cap_over_supply

def test_a_cap_above_on_hand_plus_incoming_is_a_warning() -> None:
    # 120 may be sold; 40 on hand + 60 arriving = 100 to ship from.
    ctx = ValidationContext(supply_by_sku={"SKU-1": 40 + 60})
    res = check(item(deposit_def(), cap=120), ctx)
    assert res.ok
    assert fields_of(res, "cap_over_supply") == ["items[0].cap"]
    issue = res.warnings[0]
    assert issue.params == {"sku": "SKU-1", "cap": 120, "supply": 100}
    assert issue.text("en") == ("The presale cap of SKU-1, 120 units, is above the 100 on "
                                "hand and incoming")
    assert issue.text("zh") == "SKU-1 的预售上限 120 件超过现有库存与在途到货合计的 100 件"
    assert issue.action("zh") == "把预售上限降到 100 件以内，或增加到货计划"


def test_a_cap_within_supply_is_fine() -> None:
    ctx = ValidationContext(supply_by_sku={"SKU-1": 120})
    assert check(item(deposit_def(), cap=120), ctx).codes() == set()


def test_supply_is_only_checked_when_known() -> None:
    d = item(deposit_def(), cap=12_000)
    assert check(d).codes() == set()
    assert check(d, ValidationContext(supply_by_sku={"OTHER": 1})).codes() == set()
    assert check(deposit_def(), ValidationContext(supply_by_sku={"SKU-1": 0})).codes() == set()
    res = check(d, ValidationContext(supply_by_sku={"SKU-1": 1_500}))
    assert "12,000" in res.warnings[0].text("zh")
    assert "1,500" in res.warnings[0].text("zh")
