"""Campaign definitions: parsing, every validation code, round trip, shifting, promise text."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from presale_engine import campaigns
from presale_engine.campaigns import OtherCampaign, ValidationContext, Window
from presale_engine.platforms import profile_for

from ._defs import SAMPLES, check, deposit_def, fields_of, full_def, item, load_sample, parse

SH = ZoneInfo("Asia/Shanghai")
SAMPLE_FILES = sorted(p.name for p in SAMPLES.glob("*.json"))


def parse_errors(d: Any) -> list[tuple[str, str]]:
    c, res = campaigns.parse_definition(d)
    assert c is None
    return [(i.code, i.field) for i in res.errors]


# --------------------------------------------------------------------------- samples

def test_there_are_four_sample_files() -> None:
    assert len(SAMPLE_FILES) == 4


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_file_parses_and_validates_without_errors(name: str) -> None:
    res = check(load_sample(name))
    assert res.errors == [], res.as_dict()


def test_sample_jd_fixed_date_20_days_after_sale_start_is_only_a_warning() -> None:
    res = check(load_sample("jd_star_earrings.json"))
    assert [(i.code, i.field) for i in res.warnings] == [
        ("ship_window_not_recommended", "ship.date")]


def test_sample_douyin_is_read_with_the_right_values() -> None:
    c = parse(load_sample("douyin_down_jacket.json"))
    assert c.platform == "douyin"
    assert c.type == "deposit"
    assert c.per_buyer_limit == 2
    assert [it.sku for it in c.items] == ["YRF-001-BLK-M", "YRF-001-BLK-L", "YRF-001-WHT-M"]
    first = c.items[0]
    assert first.cap == 120
    assert first.pricing.deposit == Decimal("50.00")
    assert first.pricing.deposit_value == Decimal("150.00")
    assert first.pricing.balance_discount == Decimal("20.00")
    assert c.deposit_window is not None
    assert c.deposit_window.start == datetime(2026, 10, 20, tzinfo=SH)
    assert c.presale_end == datetime(2026, 11, 3, 23, 59, 59, tzinfo=SH)
    assert c.first_completing_payment == datetime(2026, 11, 1, tzinfo=SH)


def test_sample_taobao_tiers_are_read_in_order() -> None:
    c = parse(load_sample("taobao_ice_machine.json"))
    tiers = c.items[0].pricing.tiers
    assert [(t.min_units, t.price) for t in tiers] == [
        (1, Decimal("299.00")), (100, Decimal("279.00")), (300, Decimal("259.00"))]


# --------------------------------------------------------------------------- ship window

def test_ship_window_below_platform_minimum_is_out_of_range() -> None:
    # Douyin allows 7-30 days.
    res = check(deposit_def(ship={"mode": "after_payment", "days": 5}))
    assert fields_of(res, "ship_window_out_of_range") == ["ship.days"]
    assert [i.code for i in res.errors] == ["ship_window_out_of_range"]


@pytest.mark.parametrize(("days", "code"), [(7, None), (15, None), (16, "warn"), (30, "warn"),
                                            (31, "error"), (6, "error")])
def test_douyin_ship_window_edges(days: int, code: str | None) -> None:
    res = check(deposit_def(ship={"mode": "after_payment", "days": days}))
    assert bool(res.errors) == (code == "error")
    assert bool(res.warnings) == (code == "warn")


def test_tiktok_ship_5_days_is_allowed_but_not_recommended() -> None:
    d = full_def(platform="tiktok", currency="USD", timezone="America/Los_Angeles",
                 ship={"mode": "after_payment", "days": 5})
    res = check(d)
    assert res.errors == []
    assert fields_of(res, "ship_window_not_recommended") == ["ship.days"]


def test_tiktok_us_profile_allows_45_days_tiktok_does_not() -> None:
    d = full_def(platform="tiktok", currency="USD", ship={"mode": "after_payment", "days": 45})
    assert "ship_window_out_of_range" in check(d).codes()
    c = parse(dict(d, profile="tiktok_us"))
    res = campaigns.validate(c, profile_for(c.profile_code))
    assert "ship_window_out_of_range" not in res.codes()
    assert "ship_window_not_recommended" in res.codes()


def test_fixed_date_is_measured_from_the_first_completing_payment() -> None:
    # Sale opens 11-05; 12-31 is 56 days later, over JD's 30.
    res = check(full_def(ship={"mode": "fixed_date", "date": "2026-12-31"}))
    assert fields_of(res, "ship_window_out_of_range") == ["ship.date"]
    # 11-16 is 11 days after 11-05 and after the sale ends: clean.
    assert check(full_def(ship={"mode": "fixed_date", "date": "2026-11-16"})).codes() == set()


def test_ship_wait_days_for_each_mode() -> None:
    assert campaigns.ship_wait_days(parse(deposit_def())) == 10
    c = parse(deposit_def(ship={"mode": "after_presale_end", "days": 4}))
    assert campaigns.ship_wait_days(c) == 4
    c = parse(deposit_def(ship={"mode": "fixed_date", "date": "2026-11-12"}))
    assert campaigns.ship_wait_days(c) == 11  # balance opens 11-01


def test_profile_of_another_platform_is_rejected() -> None:
    c = parse(deposit_def())
    res = campaigns.validate(c, profile_for("tiktok"))
    assert fields_of(res, "invalid_value") == ["profile"]


# --------------------------------------------------------------------------- deposit rules

def test_deposit_over_legal_cap_is_checked_at_the_lowest_tier_price() -> None:
    # cap at 299 = 59.80 (fine), at 259 = 51.80 (55 is over it).
    tiers = [{"min_units": 1, "price": "299.00"}, {"min_units": 100, "price": "279.00"},
             {"min_units": 300, "price": "259.00"}]
    d = item(deposit_def(), price=None, tiers=tiers, deposit="55.00", deposit_value="60.00",
             balance_discount=None)
    res = check(d)
    assert res.errors == []
    assert fields_of(res, "deposit_over_legal_cap") == ["items[0].deposit"]
    (w,) = res.warnings
    assert "51.80" in w.message
    assert "3.20" in w.message
    d2 = item(d, deposit="51.80")
    assert "deposit_over_legal_cap" not in check(d2).codes()


def test_deposit_value_below_deposit() -> None:
    res = check(item(deposit_def(), deposit="50.00", deposit_value="40.00"))
    assert fields_of(res, "deposit_value_below_deposit") == ["items[0].deposit_value"]


def test_deposit_value_defaults_to_the_deposit() -> None:
    c = parse(item(deposit_def(), deposit_value=None))
    assert c.items[0].pricing.deposit_value == Decimal("50.00")
    assert "deposit_value_below_deposit" not in campaigns.validate(
        c, profile_for("douyin")).codes()


def test_deposit_value_over_price() -> None:
    res = check(item(deposit_def(), deposit_value="900.00", balance_discount=None))
    assert fields_of(res, "deposit_value_over_price") == ["items[0].deposit_value"]
    assert "balance_below_minimum" not in res.codes()


def test_deposit_value_over_the_lowest_tier_price() -> None:
    tiers = [{"min_units": 1, "price": "299.00"}, {"min_units": 300, "price": "259.00"}]
    d = item(deposit_def(), price=None, tiers=tiers, deposit="30.00", deposit_value="270.00",
             balance_discount=None)
    assert fields_of(check(d), "deposit_value_over_price") == ["items[0].deposit_value"]


def test_zero_deposit_is_invalid() -> None:
    res = check(item(deposit_def(), deposit="0.00", deposit_value="150.00"))
    assert fields_of(res, "invalid_value") == ["items[0].deposit"]


def test_balance_below_minimum_deposit_campaign() -> None:
    # 899 - 150 - 749 = 0 < 0.01
    res = check(item(deposit_def(), balance_discount="749.00"))
    assert fields_of(res, "balance_below_minimum") == ["items[0].balance_discount"]
    # 899 - 150 - 748.99 = 0.01: allowed
    assert check(item(deposit_def(), balance_discount="748.99")).errors == []


def test_balance_below_a_custom_minimum() -> None:
    d = item(deposit_def(), balance_discount="740.00", min_balance="10.00")
    assert fields_of(check(d), "balance_below_minimum") == ["items[0].balance_discount"]


def test_balance_below_minimum_full_payment_campaign() -> None:
    res = check(item(full_def(), balance_discount="19.90"))
    assert fields_of(res, "balance_below_minimum") == ["items[0].balance_discount"]
    assert check(item(full_def(), balance_discount="19.89")).errors == []


def test_tiers_not_increasing_in_units() -> None:
    tiers = [{"min_units": 100, "price": "299.00"}, {"min_units": 50, "price": "279.00"}]
    res = check(item(full_def(), price=None, tiers=tiers))
    assert fields_of(res, "tiers_not_increasing") == ["items[0].tiers[1].min_units"]


def test_tiers_not_increasing_higher_tier_costs_more() -> None:
    tiers = [{"min_units": 1, "price": "279.00"}, {"min_units": 100, "price": "299.00"}]
    res = check(item(full_def(), price=None, tiers=tiers))
    assert fields_of(res, "tiers_not_increasing") == ["items[0].tiers[1].price"]


def test_well_ordered_tiers_are_clean() -> None:
    tiers = [{"min_units": 1, "price": "299.00"}, {"min_units": 100, "price": "279.00"}]
    assert check(item(full_def(), price=None, tiers=tiers)).codes() == set()


def test_price_differing_from_first_tier_warns() -> None:
    tiers = [{"min_units": 1, "price": "299.00"}, {"min_units": 100, "price": "279.00"}]
    res = check(item(full_def(), price="289.00", tiers=tiers))
    assert fields_of(res, "price_differs_from_first_tier") == ["items[0].price"]


# --------------------------------------------------------------------------- windows

def test_window_ending_before_it_starts_is_a_parse_error() -> None:
    d = deposit_def(deposit_window={"start": "2026-10-31T00:00:00",
                                    "end": "2026-10-20T00:00:00"})
    assert parse_errors(d) == [("window_order_invalid", "deposit_window.end")]


def test_window_ending_when_it_starts_is_invalid() -> None:
    d = full_def(sale_window={"start": "2026-11-05T00:00:00", "end": "2026-11-05T00:00:00"})
    assert parse_errors(d) == [("window_order_invalid", "sale_window.end")]


def test_balance_window_opening_before_deposit_window_closes() -> None:
    d = deposit_def(balance_window={"start": "2026-10-31T00:00:00",
                                    "end": "2026-11-03T23:59:59"})
    res = check(d)
    assert fields_of(res, "window_order_invalid") == ["balance_window.start"]


def test_fixed_ship_date_before_the_presale_ends() -> None:
    res = check(deposit_def(ship={"mode": "fixed_date", "date": "2026-11-02"}))
    assert [(i.code, i.field) for i in res.errors] == [("window_order_invalid", "ship.date")]


def test_validate_rejects_a_reversed_window_built_in_code() -> None:
    c = parse(full_def())
    assert c.sale_window is not None
    bad = campaigns.replace(c, sale_window=Window(c.sale_window.end, c.sale_window.start))
    res = campaigns.validate(bad, profile_for("jd"))
    assert "sale_window.end" in fields_of(res, "window_order_invalid")


def test_balance_window_gap_warns() -> None:
    d = deposit_def(balance_window={"start": "2026-11-02T00:00:00",
                                    "end": "2026-11-03T23:59:59"})
    res = check(d)
    assert res.errors == []
    assert fields_of(res, "balance_window_gap") == ["balance_window.start"]


def test_one_second_between_windows_is_not_a_gap() -> None:
    # deposit ends 23:59:59, balance opens 00:00:00 next day (as the sample files do)
    assert "balance_window_gap" not in check(deposit_def()).codes()


# --------------------------------------------------------------------------- exclusivity

def _other(platform: str, start: datetime, end: datetime, skus: set[str]) -> OtherCampaign:
    return OtherCampaign(7, "Other", platform, Window(start, end), frozenset(skus))


def test_sku_in_overlapping_campaign_same_platform() -> None:
    other = _other("douyin", datetime(2026, 11, 3, tzinfo=SH), datetime(2026, 11, 20, tzinfo=SH),
                   {"SKU-1", "SKU-X"})
    res = check(deposit_def(), ValidationContext(others=[other]))
    assert fields_of(res, "sku_in_overlapping_campaign") == ["items[0].sku"]
    assert "#7" in res.errors[0].message


def test_overlap_reports_the_right_item_index() -> None:
    d = deposit_def()
    d["items"].append({"sku": "SKU-2", "price": "899.00", "deposit": "50.00"})
    other = _other("douyin", datetime(2026, 10, 1, tzinfo=SH), datetime(2026, 12, 1, tzinfo=SH),
                   {"SKU-2"})
    res = check(d, ValidationContext(others=[other]))
    assert fields_of(res, "sku_in_overlapping_campaign") == ["items[1].sku"]


def test_sku_in_campaign_on_another_platform_is_fine() -> None:
    other = _other("taobao", datetime(2026, 10, 1, tzinfo=SH), datetime(2026, 12, 1, tzinfo=SH),
                   {"SKU-1"})
    assert check(deposit_def(), ValidationContext(others=[other])).codes() == set()


def test_sku_in_non_overlapping_campaign_is_fine() -> None:
    # presale runs 10-20 .. 11-03 23:59:59; the other starts 11-04
    other = _other("douyin", datetime(2026, 11, 4, tzinfo=SH), datetime(2026, 11, 20, tzinfo=SH),
                   {"SKU-1"})
    assert check(deposit_def(), ValidationContext(others=[other])).codes() == set()


def test_other_campaign_without_the_sku_is_fine() -> None:
    other = _other("douyin", datetime(2026, 10, 1, tzinfo=SH), datetime(2026, 12, 1, tzinfo=SH),
                   {"SKU-9"})
    assert check(deposit_def(), ValidationContext(others=[other])).codes() == set()


def test_window_overlap_is_inclusive_and_symmetric() -> None:
    a = Window(datetime(2026, 1, 1), datetime(2026, 1, 10))
    b = Window(datetime(2026, 1, 10), datetime(2026, 1, 20))
    c = Window(datetime(2026, 1, 11), datetime(2026, 1, 20))
    assert a.overlaps(b)
    assert b.overlaps(a)
    assert not a.overlaps(c)
    assert not c.overlaps(a)


# --------------------------------------------------------------------------- history cap

def test_presale_cap_over_history() -> None:
    d = item(full_def(), cap=71)
    res = check(d, ValidationContext(sales_like_period={"SKU-1": 100}))
    assert fields_of(res, "presale_cap_over_history") == ["items[0].cap"]
    assert "50-70" in res.warnings[0].message


def test_presale_cap_at_70_percent_of_history_is_fine() -> None:
    d = item(full_def(), cap=70)
    assert check(d, ValidationContext(sales_like_period={"SKU-1": 100})).codes() == set()


def test_presale_cap_without_history_is_not_judged() -> None:
    d = item(full_def(), cap=10_000)
    assert check(d, ValidationContext(sales_like_period={"OTHER": 1})).codes() == set()


def test_unknown_sku_against_the_product_list() -> None:
    res = check(full_def(), ValidationContext(known_skus=frozenset({"SKU-9"})))
    assert fields_of(res, "unknown_sku") == ["items[0].sku"]
    assert check(full_def(), ValidationContext(known_skus=frozenset({"SKU-1"}))).ok


# --------------------------------------------------------------------------- parsing errors

def test_missing_name_is_required() -> None:
    d = full_def()
    del d["name"]
    assert parse_errors(d) == [("required", "name")]


def test_blank_name_is_required() -> None:
    assert parse_errors(full_def(name="   ")) == [("required", "name")]


def test_float_money_is_invalid() -> None:
    assert parse_errors(item(full_def(), price=19.9)) == [("invalid_value", "items[0].price")]


@pytest.mark.parametrize("bad", ["19.999", "两件", "abc"])
def test_unreadable_money_is_invalid(bad: str) -> None:
    assert parse_errors(item(full_def(), price=bad)) == [("invalid_value", "items[0].price")]


def test_negative_money_is_rejected() -> None:
    d = item(deposit_def(), balance_discount="-1.00")
    assert parse_errors(d) == [("negative_amount", "items[0].balance_discount")]


def test_bad_timezone() -> None:
    assert parse_errors(full_def(timezone="Mars/Olympus")) == [("invalid_value", "timezone")]


@pytest.mark.parametrize("bad", ["2026-02-30T00:00:00", "next monday", 20261105])
def test_bad_window_date(bad: object) -> None:
    d = full_def(sale_window={"start": bad, "end": "2026-11-15T23:59:59"})
    assert parse_errors(d) == [("invalid_value", "sale_window.start")]


def test_bad_fixed_ship_date() -> None:
    d = full_def(ship={"mode": "fixed_date", "date": "2026-11-31"})
    assert parse_errors(d) == [("invalid_value", "ship.date")]


def test_ship_days_required_for_after_payment() -> None:
    assert parse_errors(full_def(ship={"mode": "after_payment"})) == [("required", "ship.days")]


def test_unknown_platform_type_and_ship_mode() -> None:
    assert parse_errors(full_def(platform="amazon")) == [("invalid_value", "platform")]
    assert parse_errors(full_def(type="layaway")) == [("invalid_value", "type")]
    assert parse_errors(full_def(ship={"mode": "whenever", "days": 3})) == [
        ("invalid_value", "ship.mode")]


def test_unknown_currency() -> None:
    assert parse_errors(full_def(currency="XXX")) == [("invalid_value", "currency")]


def test_deposit_campaign_needs_both_windows_and_a_deposit() -> None:
    d = deposit_def()
    del d["balance_window"]
    assert parse_errors(d) == [("required", "balance_window")]
    assert parse_errors(item(deposit_def(), deposit=None, deposit_value=None)) == [
        ("required", "items[0].deposit")]


def test_full_campaign_takes_no_deposit() -> None:
    assert parse_errors(item(full_def(), deposit="5.00")) == [("invalid_value", "items[0].deposit")]


def test_items_required_and_skus_unique() -> None:
    assert parse_errors(full_def(items=[])) == [("required", "items")]
    two = [{"sku": "A", "price": "1.00"}, {"sku": "A", "price": "2.00"}]
    assert parse_errors(full_def(items=two)) == [("duplicate_sku", "items[1].sku")]


def test_item_needs_a_price_or_tiers() -> None:
    assert parse_errors(item(full_def(), price=None)) == [("required", "items[0].price")]


def test_bad_integers() -> None:
    assert parse_errors(item(full_def(), cap=0)) == [("invalid_value", "items[0].cap")]
    assert parse_errors(full_def(per_buyer_limit=True)) == [("invalid_value", "per_buyer_limit")]
    assert parse_errors(full_def(per_buyer_limit="two")) == [("invalid_value", "per_buyer_limit")]


def test_all_problems_are_reported_at_once() -> None:
    d = full_def(timezone="Nowhere/City")
    del d["name"]
    d = item(d, price=1.5)
    assert set(parse_errors(d)) == {("required", "name"), ("invalid_value", "timezone"),
                                    ("invalid_value", "items[0].price")}


def test_not_an_object() -> None:
    assert parse_errors(["not", "a", "dict"]) == [("invalid_value", "")]


def test_offset_times_are_converted_to_the_campaign_zone() -> None:
    d = full_def(sale_window={"start": "2026-11-04T16:00:00+00:00",
                              "end": "2026-11-15T23:59:59"})
    c = parse(d)
    assert c.sale_window is not None
    assert c.sale_window.start == datetime(2026, 11, 5, 0, 0, tzinfo=SH)
    assert c.sale_window.start.tzinfo == SH


# --------------------------------------------------------------------------- round trip

ROUND_TRIP = [
    *[load_sample(n) for n in SAMPLE_FILES],
    item(deposit_def(), min_balance="5.00", list_price="999.00", cap=3),
    deposit_def(profile="douyin", per_buyer_limit=1, audience="members", purpose="test",
                reservation="reserve_stock"),
    full_def(ship={"mode": "after_presale_end", "days": 3}),
]


@pytest.mark.parametrize("definition", ROUND_TRIP)
def test_to_definition_round_trips(definition: dict[str, Any]) -> None:
    c = parse(definition)
    again = parse(campaigns.to_definition(c))
    assert again == c


def test_to_definition_writes_money_as_text_and_times_in_the_campaign_zone() -> None:
    c = parse(load_sample("tiktok_gift_box.json"))
    out = campaigns.to_definition(c)
    assert out["sale_window"] == {"start": "2026-11-01T00:00:00", "end": "2026-11-21T23:59:59"}
    assert out["items"][0]["price"] == "39.90"
    assert out["ship"] == {"mode": "after_payment", "days": 15}


# --------------------------------------------------------------------------- shifting

def test_shifted_moves_windows_and_fixed_date() -> None:
    c = campaigns.replace(parse(load_sample("jd_star_earrings.json")), status="approved")
    s = campaigns.shifted(c, timedelta(days=364), name="Next year")
    assert s.name == "Next year"
    assert s.status == "draft"
    assert c.sale_window is not None
    assert s.sale_window == Window(c.sale_window.start + timedelta(days=364),
                                   c.sale_window.end + timedelta(days=364))
    assert s.ship.date == date(2027, 11, 24)
    assert s.items == c.items
    assert c.ship.date == date(2026, 11, 25)  # the original is untouched


def test_shifted_deposit_campaign_moves_both_windows_and_keeps_the_name() -> None:
    c = parse(deposit_def())
    s = campaigns.shifted(c, timedelta(days=-7))
    assert s.name == c.name
    assert c.deposit_window is not None
    assert c.balance_window is not None
    assert s.deposit_window is not None
    assert s.balance_window is not None
    assert s.deposit_window.start == c.deposit_window.start - timedelta(days=7)
    assert s.balance_window.end == c.balance_window.end - timedelta(days=7)
    assert s.ship == c.ship
    assert s.sale_window is None


# --------------------------------------------------------------------------- promise text

@pytest.mark.parametrize(
    ("definition", "zh", "en"),
    [
        (deposit_def(), "预售商品，尾款支付后10天内发货",
         "Pre-order item, ships within 10 days after the balance is paid"),
        (full_def(ship={"mode": "after_payment", "days": 7}), "预售商品，付款后7天内发货",
         "Pre-order item, ships within 7 days after payment"),
        (deposit_def(ship={"mode": "after_presale_end", "days": 5}),
         "预售商品，预售结束后5天内发货",
         "Pre-order item, ships within 5 days after the presale ends"),
        (full_def(ship={"mode": "after_presale_end", "days": 3}),
         "预售商品，预售结束后3天内发货",
         "Pre-order item, ships within 3 days after the presale ends"),
        (full_def(ship={"mode": "fixed_date", "date": "2026-11-25"}),
         "预售商品，2026年11月25日前发货", "Pre-order item, ships by 2026-11-25"),
    ],
)
def test_ship_promise_text(definition: dict[str, Any], zh: str, en: str) -> None:
    c = parse(definition)
    assert c.ship_promise_text() == zh
    assert c.ship_promise_text("zh") == zh
    assert c.ship_promise_text("en") == en
