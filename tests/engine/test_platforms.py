"""Platform rule profiles: defaults from DOMAIN.md and a shop's overrides."""

from __future__ import annotations

from decimal import Decimal

import pytest

from presale_engine.platforms import PLATFORMS, base_platform, known_profiles, profile_for


@pytest.mark.parametrize(
    ("code", "lo", "hi"),
    [("taobao", 1, 30), ("jd", 1, 30), ("douyin", 7, 30), ("tiktok", 3, 30),
     ("tiktok_us", 3, 60), ("tiktok_th", 3, 15), ("other", 1, 30)],
)
def test_default_ship_windows(code: str, lo: int, hi: int) -> None:
    p = profile_for(code)
    assert (p.ship_days_min, p.ship_days_max) == (lo, hi)
    assert (p.recommended_min, p.recommended_max) == (7, 15)
    assert p.code == code


def test_tiktok_late_shipment_is_auto_cancel_with_usd_8_penalty() -> None:
    p = profile_for("tiktok")
    assert p.late_consequence == "auto_cancel"
    assert p.late_penalty == Decimal("8.00")
    assert p.penalty_currency == "USD"
    assert p.min_rating == Decimal("4.5")
    assert p.max_cancel_rate == Decimal("0.02")


def test_douyin_needs_an_enterprise_shop_and_drops_score_when_late() -> None:
    p = profile_for("douyin")
    assert p.requires_enterprise
    assert p.late_consequence == "score_drop"
    assert p.late_penalty is None


def test_every_platform_has_a_profile_and_regions_map_to_their_channel() -> None:
    assert set(PLATFORMS) <= set(known_profiles())
    for code in known_profiles():
        assert base_platform(code) in PLATFORMS
    assert base_platform("tiktok_us") == "tiktok"
    assert base_platform("douyin") == "douyin"


def test_overrides_are_applied_and_type_converted() -> None:
    p = profile_for("douyin", {"ship_days_max": "45", "late_penalty": "5.5",
                               "max_cancel_rate": 0.05, "requires_enterprise": False,
                               "note": "shop rule"})
    assert p.ship_days_max == 45
    assert isinstance(p.ship_days_max, int)
    assert p.late_penalty == Decimal("5.5")
    assert isinstance(p.late_penalty, Decimal)
    assert p.max_cancel_rate == Decimal("0.05")
    assert p.requires_enterprise is False
    assert p.note == "shop rule"
    assert p.ship_days_min == 7  # untouched fields keep the default
    assert profile_for("douyin").ship_days_max == 30  # the default is not changed


@pytest.mark.parametrize(("text", "expected"),
                         [("false", False), ("0", False), ("no", False), ("true", True),
                          ("1", True), ("yes", True), (True, True), (0, False)])
def test_boolean_overrides_written_as_text(text: object, expected: bool) -> None:
    assert profile_for("douyin", {"requires_enterprise": text}).requires_enterprise is expected


def test_override_to_none_clears_a_penalty() -> None:
    assert profile_for("tiktok", {"late_penalty": None}).late_penalty is None


def test_empty_overrides_return_the_default() -> None:
    assert profile_for("jd", {}) == profile_for("jd")


def test_as_dict_writes_decimals_as_text() -> None:
    d = profile_for("tiktok").as_dict()
    assert d["late_penalty"] == "8.00"
    assert d["ship_days_max"] == 30


@pytest.mark.parametrize("key", ["code", "nonsense", "ship_days"])
def test_unknown_override_key_is_rejected(key: str) -> None:
    with pytest.raises(ValueError, match="not a platform rule"):
        profile_for("douyin", {key: 1})


def test_unknown_platform_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown platform 'amazon'"):
        profile_for("amazon")


def test_min_above_max_is_rejected() -> None:
    with pytest.raises(ValueError, match="ship_days_min is above ship_days_max"):
        profile_for("douyin", {"ship_days_min": 31})
    with pytest.raises(ValueError, match="ship_days_min is above ship_days_max"):
        profile_for("tiktok_th", {"ship_days_max": 2})


@pytest.mark.parametrize(("key", "value"),
                         [("late_penalty", "abc"), ("ship_days_max", "thirty"),
                          ("requires_enterprise", "maybe"), ("min_rating", "nan")])
def test_unreadable_override_value_is_a_value_error(key: str, value: object) -> None:
    with pytest.raises(ValueError, match=key):
        profile_for("tiktok", {key: value})
