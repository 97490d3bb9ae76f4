"""Platform rule profiles: ship windows, late-shipment consequences, eligibility.

Defaults follow shared/DOMAIN.md and the seed articles; each number names its source.
A shop can override any field (``profile_for(code, overrides)``); the overrides are
stored per shop and applied by the service.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import BadValue

PLATFORMS = ("taobao", "jd", "douyin", "tiktok", "other")


@dataclass(frozen=True)
class PlatformProfile:
    code: str
    name: str
    ship_days_min: int
    ship_days_max: int
    recommended_min: int = 7  # seeds 000, 002: 7-15 days keeps buyers calm
    recommended_max: int = 15
    normal_ship_hours: int = 48
    late_consequence: str = "compensation"  # compensation | score_drop | auto_cancel
    late_penalty: Decimal | None = None  # per late order, in penalty_currency
    penalty_currency: str = "CNY"
    min_rating: Decimal | None = None
    max_cancel_rate: Decimal | None = None  # e.g. 0.02 = 2 % in 30 days
    preorder_fee_rate: Decimal = Decimal(0)  # platform fee on pre-order revenue (a share)
    requires_enterprise: bool = False
    verified: bool = False  # False: the number is a common cap, not a published rule
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = str(v) if isinstance(v, Decimal) else v
        return out


_DEFAULTS: dict[str, PlatformProfile] = {
    # Taobao/Tmall: 30-day presale ship cap is the common one (DOMAIN.md: "not verified").
    "taobao": PlatformProfile("taobao", "Taobao/Tmall", 1, 30, note="30-day cap not verified"),
    # JD: same common cap (DOMAIN.md: "not verified").
    "jd": PlatformProfile("jd", "JD", 1, 30, note="30-day cap not verified"),
    # Douyin: 7-30 days for presale listings (seed 002); eligibility: enterprise shop with
    # DSR at or above the industry average (seed 003); late = score drop + compensation.
    "douyin": PlatformProfile(
        "douyin", "Douyin", 7, 30, late_consequence="score_drop",
        requires_enterprise=True, verified=True,
        note="open-platform API accepts 2/3-30 days for some listing types",
    ),
    # TikTok Shop: 3-30 days (seed 000); late orders are auto-cancelled with a penalty,
    # e.g. USD 8 per order (seed 000); rating >= 4.5 and cancel rate <= 2 % (seed 000).
    "tiktok": PlatformProfile(
        "tiktok", "TikTok Shop", 3, 30, late_consequence="auto_cancel",
        late_penalty=Decimal("8.00"), penalty_currency="USD",
        min_rating=Decimal("4.5"), max_cancel_rate=Decimal("0.02"), verified=True,
    ),
    # TikTok Shop US: release date 3-60 days ahead (DOMAIN.md).
    "tiktok_us": PlatformProfile(
        "tiktok_us", "TikTok Shop US", 3, 60, late_consequence="auto_cancel",
        late_penalty=Decimal("8.00"), penalty_currency="USD",
        min_rating=Decimal("4.5"), max_cancel_rate=Decimal("0.02"), verified=True,
    ),
    # TikTok Shop TH: 3-15 calendar days since 12/2025 (DOMAIN.md); +2.14 % pre-order fee.
    "tiktok_th": PlatformProfile(
        "tiktok_th", "TikTok Shop TH", 3, 15, late_consequence="auto_cancel",
        late_penalty=None, penalty_currency="THB",
        min_rating=Decimal("4.5"), max_cancel_rate=Decimal("0.02"), verified=True,
        preorder_fee_rate=Decimal("0.0214"),
        note="2.14% service fee on pre-orders from 2026-01-01",
    ),
    "other": PlatformProfile("other", "Other channel", 1, 30),
}


def base_platform(code: str) -> str:
    """The channel a profile belongs to (``tiktok_us`` -> ``tiktok``)."""
    return code.split("_", 1)[0]


def known_profiles() -> tuple[str, ...]:
    return tuple(_DEFAULTS)


def profile_for(code: str, overrides: dict[str, Any] | None = None) -> PlatformProfile:
    """The default profile for ``code`` with a shop's overrides applied."""
    try:
        prof = _DEFAULTS[code]
    except KeyError:
        raise BadValue(code="value.unknown_platform",
                       params={"value": code, "choices": PLATFORMS}) from None
    if not overrides:
        return prof
    allowed = {f.name: f for f in fields(PlatformProfile)}
    changes: dict[str, Any] = {}
    for key, value in overrides.items():
        if key not in allowed or key == "code":
            raise BadValue(code="value.not_a_rule", params={"rule": key})
        changes[key] = _convert(key, getattr(prof, key), value)
    out = replace(prof, **changes)
    if out.ship_days_min > out.ship_days_max:
        raise BadValue(code="value.ship_days_min_above_max",
                       params={"min_days": out.ship_days_min, "max_days": out.ship_days_max})
    return out


_DECIMAL_RULES = ("late_penalty", "min_rating", "max_cancel_rate")
_TRUE = ("true", "yes", "1", "on")
_FALSE = ("false", "no", "0", "off")


def _convert(key: str, current: object, value: Any) -> Any:
    """An override value as the type of the rule; ``ValueError`` naming the rule if not."""
    if isinstance(current, Decimal) or key in _DECIMAL_RULES:
        if value is None:
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            raise BadValue(code="value.rule_not_number", params={"rule": key, "value": str(value)})
        return number
    if isinstance(current, bool):
        # bool("false") is True: read text the way a person writes it.
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise BadValue(code="value.rule_not_yes_no", params={"rule": key, "value": str(value)})
    if isinstance(current, int):
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise BadValue(code="value.rule_not_whole_number",
                           params={"rule": key, "value": str(value)})
        try:
            return int(value)
        except (TypeError, ValueError):
            raise BadValue(code="value.rule_not_whole_number",
                           params={"rule": key, "value": str(value)}) from None
    return value
