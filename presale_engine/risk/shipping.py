"""Shipping late: orders due soon or overdue, and orders that stock cannot cover in time.

Penalty exposure of a set of orders: count × the profile's per-order late penalty in
its currency where the profile has one (TikTok: USD 8.00); otherwise what the buyers
paid (what an auto-cancel would refund), in the orders' currency.
"""

from __future__ import annotations

from decimal import Decimal

from .facts import DueGroup, Finding, ShortGroup
from .thresholds import Thresholds


def exposure(count: int, paid: Decimal, currency: str, th: Thresholds
             ) -> tuple[Decimal, str]:
    if th.late_penalty is not None and th.penalty_currency:
        return th.late_penalty * count, th.penalty_currency
    return paid, currency


def _subject(campaign_id: int | None, platform: str) -> str:
    return f"campaign:{campaign_id}" if campaign_id is not None else f"platform:{platform}"


def due_findings(groups: list[DueGroup], thresholds: dict[str, Thresholds]) -> list[Finding]:
    """``ship_overdue`` (critical) and ``ship_due_soon`` (warning; critical when some are
    due within 24 h), one of each per campaign (or platform, for orders of no campaign)."""
    out = []
    for g in groups:
        th = thresholds[g.profile]
        subject = _subject(g.campaign_id, g.platform)
        if g.overdue:
            money, cur = exposure(g.overdue, g.paid_overdue, g.currency, th)
            out.append(Finding("ship_overdue", "critical", subject, g.campaign_id, g.platform,
                               order_count=g.overdue, money=money, currency=cur,
                               params={"count": g.overdue}, order_ids=g.overdue_ids))
        if g.due_48h:
            money, cur = exposure(g.due_48h, g.paid_48h, g.currency, th)
            severity = "critical" if g.due_24h else "warning"
            out.append(Finding("ship_due_soon", severity, subject, g.campaign_id, g.platform,
                               order_count=g.due_48h, money=money, currency=cur,
                               params={"count": g.due_48h, "within_24h": g.due_24h,
                                       "hours": th.due_warning_hours},
                               order_ids=g.due_ids))
    return out


def shortfall_findings(groups: list[ShortGroup], thresholds: dict[str, Thresholds]
                       ) -> list[Finding]:
    """``supply_shortfall``: stock plus supply arriving before their deadlines cannot
    cover these orders (allocation earliest deadline first)."""
    out = []
    for g in groups:
        if not g.orders:
            continue
        money, cur = exposure(g.orders, g.paid, g.currency, thresholds[g.profile])
        out.append(Finding("supply_shortfall", "critical", _subject(g.campaign_id, g.platform),
                           g.campaign_id, g.platform, order_count=g.orders, money=money,
                           currency=cur, params={"count": g.orders,
                                                 "from": g.first_deadline},
                           order_ids=g.order_ids))
    return out
