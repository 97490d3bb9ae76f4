"""A campaign's own set-up and money: ship window, deposit above the legal cap, balances
unpaid as the window closes, units over the cap or over the SKU's sales history, returns."""

from __future__ import annotations

from decimal import Decimal

from ..pricing import LEGAL_DEPOSIT_SHARE as LEGAL_SHARE
from .facts import BalanceClosing, CapUse, DepositExcess, Finding, HistoryUse, ReturnUse
from .thresholds import Thresholds


def window_findings(campaign_id: int, platform: str, codes: list[tuple[str, dict[str, object]]]
                    ) -> list[Finding]:
    """The campaign's ship promise against the platform range (from its validation)."""
    out = []
    for code, params in codes:
        if code == "ship_window_out_of_range":
            out.append(Finding(code, "critical", f"campaign:{campaign_id}", campaign_id,
                               platform, params=dict(params)))
        elif code == "ship_window_not_recommended":
            out.append(Finding(code, "info", f"campaign:{campaign_id}", campaign_id, platform,
                               params=dict(params)))
    return out


def deposit_findings(rows: list[DepositExcess]) -> list[Finding]:
    """``deposit_over_legal_cap``: the refundable excess × deposit units paid."""
    out = []
    for r in rows:
        excess = r.deposit - r.cap
        if excess <= 0:
            continue
        price = r.price if r.price is not None else r.cap / LEGAL_SHARE
        out.append(Finding("deposit_over_legal_cap", "warning",
                           f"campaign:{r.campaign_id}/sku:{r.sku}", r.campaign_id, r.platform,
                           r.sku, order_count=0, money=excess * r.units_paid,
                           currency=r.currency,
                           params={"sku": r.sku, "deposit": r.deposit, "cap": r.cap,
                                   "price": price, "share": LEGAL_SHARE, "excess": excess,
                                   "units": r.units_paid}))
    return out


def balance_findings(rows: list[BalanceClosing]) -> list[Finding]:
    return [Finding("balance_unpaid_closing", "warning", f"campaign:{r.campaign_id}",
                    r.campaign_id, r.platform, order_count=r.unpaid_orders,
                    money=r.balance_due, currency=r.currency,
                    params={"count": r.unpaid_orders, "closes_at": r.closes_at},
                    order_ids=r.order_ids)
            for r in rows if r.unpaid_orders]


def cap_findings(rows: list[CapUse]) -> list[Finding]:
    return [Finding("cap_exceeded", "warning", f"campaign:{r.campaign_id}/sku:{r.sku}",
                    r.campaign_id, r.platform, r.sku,
                    params={"sku": r.sku, "units": r.units, "cap": r.cap})
            for r in rows if r.units > r.cap]


def history_findings(rows: list[HistoryUse], th: Thresholds) -> list[Finding]:
    out = []
    for r in rows:
        if r.sales_30d <= 0 or r.presale_units <= 0:
            continue
        share = Decimal(r.presale_units) / r.sales_30d
        if share > th.history_warning:
            severity = "warning"
        elif share > th.history_info:
            severity = "info"
        else:
            continue
        out.append(Finding("presale_over_history", severity, f"sku:{r.sku}", sku=r.sku,
                           params={"sku": r.sku, "units": r.presale_units,
                                   "sales_30d": r.sales_30d, "share": share}))
    return out


def return_findings(rows: list[ReturnUse], th: Thresholds) -> list[Finding]:
    out = []
    for r in rows:
        if r.shipped <= 0:
            continue
        rate = Decimal(r.returned) / r.shipped
        severity = ("critical" if rate > th.return_critical
                    else "warning" if rate > th.return_warning else None)
        if severity:
            out.append(Finding("return_rate_high", severity, f"campaign:{r.campaign_id}",
                               r.campaign_id, r.platform, order_count=r.returned,
                               params={"rate": rate, "returned": r.returned,
                                       "shipped": r.shipped}))
    return out
