"""The numbers the rules compare with: data, per platform profile, overridable per shop.

Defaults from the seeds (DOMAIN.md "Risk signals"): due soon within 48 h (critical
within 24 h); presale share above 20 / 30 / 50 %; late rate above 5 %; on-time rate
below 98 / 95 %; bad reviews above 2 / 3 %; cancel rate above the profile's limit
(TikTok 2 %); rating below the profile's minimum (TikTok 4.5); presale units above 50 /
70 % of a SKU's 30-day sales; returns above 10 / 20 % of what a campaign shipped.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import InputError
from ..platforms import PlatformProfile


@dataclass(frozen=True)
class Thresholds:
    due_warning_hours: int = 48
    due_critical_hours: int = 24
    balance_closing_hours: int = 24
    presale_share_info: Decimal = Decimal("0.20")
    presale_share_warning: Decimal = Decimal("0.30")
    presale_share_critical: Decimal = Decimal("0.50")
    late_rate_critical: Decimal = Decimal("0.05")
    on_time_warning: Decimal = Decimal("0.98")
    on_time_critical: Decimal = Decimal("0.95")
    bad_review_warning: Decimal = Decimal("0.02")
    bad_review_critical: Decimal = Decimal("0.03")
    history_info: Decimal = Decimal("0.50")
    history_warning: Decimal = Decimal("0.70")
    return_warning: Decimal = Decimal("0.10")
    return_critical: Decimal = Decimal("0.20")
    cancel_rate_max: Decimal | None = None  # from the profile (TikTok 2 %)
    rating_min: Decimal | None = None  # from the profile (TikTok 4.5)
    late_penalty: Decimal | None = None  # per late order, in penalty_currency
    penalty_currency: str | None = None
    min_orders_for_rates: int = 20  # fewer orders in 30 days: no rate alerts (noise)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: (str(v) if isinstance(v := getattr(self, f.name), Decimal) else v)
                for f in fields(self)}


NAMES = frozenset(f.name for f in fields(Thresholds))


def for_profile(profile: PlatformProfile, overrides: dict[str, Any] | None = None
                ) -> Thresholds:
    """The thresholds of ``profile`` with the shop's ``overrides`` (name -> value)."""
    base = Thresholds(cancel_rate_max=profile.max_cancel_rate, rating_min=profile.min_rating,
                      late_penalty=profile.late_penalty,
                      penalty_currency=profile.penalty_currency
                      if profile.late_penalty is not None else None)
    return replace(base, **parse_overrides(overrides or {}))


def parse_overrides(raw: dict[str, Any]) -> dict[str, Any]:
    """Checked override values: known names, numbers where numbers go."""
    out: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in NAMES:
            raise InputError(f"unknown risk threshold '{name}' (one of {', '.join(sorted(NAMES))})",
                             code="risk_unknown_threshold",
                             params={"name": name, "known": ", ".join(sorted(NAMES))})
        if name == "penalty_currency":
            out[name] = None if value in (None, "") else str(value).upper()
            continue
        if value is None or value == "":
            out[name] = None
            continue
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise InputError(f"risk threshold {name}: '{value}' is not a number",
                             code="risk_threshold_not_number",
                             params={"name": name, "value": str(value)}) from None
        kind = Thresholds.__dataclass_fields__[name].type
        out[name] = int(number) if kind == "int" else number
    return out
