"""The shop's standing on a platform over 30 days (presale share, late, on-time and
cancel rates) and the health figures the seller types in (rating, bad reviews)."""

from __future__ import annotations

from decimal import Decimal

from .facts import Finding, Health, PlatformRates
from .thresholds import Thresholds


def _rate(part: int, whole: int) -> Decimal:
    return Decimal(part) / whole if whole else Decimal(0)


def rate_findings(rates: list[PlatformRates], thresholds: dict[str, Thresholds]
                  ) -> list[Finding]:
    out = []
    for r in rates:
        th = thresholds[r.profile]
        subject = f"platform:{r.platform}"
        if r.ordered >= th.min_orders_for_rates:
            share = _rate(r.presale, r.ordered)
            sev = ("critical" if share > th.presale_share_critical
                   else "warning" if share > th.presale_share_warning
                   else "info" if share > th.presale_share_info else None)
            if sev:
                out.append(Finding("presale_share_high", sev, subject, platform=r.platform,
                                   params={"rate": share, "presale": r.presale,
                                           "orders": r.ordered}))
            cancel = _rate(r.cancelled, r.ordered)
            if th.cancel_rate_max is not None and cancel > th.cancel_rate_max:
                out.append(Finding("cancel_rate_high", "warning", subject, platform=r.platform,
                                   params={"rate": cancel, "limit": th.cancel_rate_max,
                                           "cancelled": r.cancelled, "orders": r.ordered}))
        if r.due >= th.min_orders_for_rates:
            late = _rate(r.late, r.due)
            if late > th.late_rate_critical:
                out.append(Finding("late_rate_high", "critical", subject, platform=r.platform,
                                   params={"rate": late, "late": r.late, "due": r.due}))
            on_time = 1 - late
            sev = ("critical" if on_time < th.on_time_critical
                   else "warning" if on_time < th.on_time_warning else None)
            if sev:
                out.append(Finding("on_time_rate_low", sev, subject, platform=r.platform,
                                   params={"rate": on_time, "late": r.late, "due": r.due}))
    return out


def health_findings(health: Health | None, profiles: dict[str, Thresholds]) -> list[Finding]:
    """``rating_low`` per platform whose profile has a minimum; ``bad_review_rate_high``
    for the shop."""
    if health is None:
        return []
    out = []
    if health.rating is not None:
        for platform, th in sorted(profiles.items()):
            if th.rating_min is not None and health.rating < th.rating_min:
                out.append(Finding("rating_low", "critical", f"platform:{platform}",
                                   platform=platform,
                                   params={"rating": health.rating, "min": th.rating_min}))
    if health.bad_review_rate is not None:
        th = next(iter(profiles.values()), Thresholds())
        rate = health.bad_review_rate
        sev = ("critical" if rate > th.bad_review_critical
               else "warning" if rate > th.bad_review_warning else None)
        if sev:
            out.append(Finding("bad_review_rate_high", sev, "shop",
                               params={"rate": rate, "limit": th.bad_review_warning}))
    return out
