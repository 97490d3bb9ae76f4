"""Translated names for the engine's codes (states, platforms, kinds, issue codes).

The engine speaks in stable codes; what a seller reads is chosen here, per language.
Source texts are marked with QT_TRANSLATE_NOOP (so lupdate finds them) and translated
when first needed; the translated tables are cached per language (tables ask for them
thousands of times) and dropped by ``clear_cache()`` when the language changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "Labels"

ORDER_STATUSES: dict[str, Any] = {  # in lifecycle order, for combo boxes and the dashboard
    "awaiting_deposit": QT_TRANSLATE_NOOP("Labels", "Awaiting deposit"),
    "deposit_paid": QT_TRANSLATE_NOOP("Labels", "Deposit paid"),
    "awaiting_balance": QT_TRANSLATE_NOOP("Labels", "Awaiting balance"),
    "balance_paid": QT_TRANSLATE_NOOP("Labels", "Balance paid"),
    "awaiting_payment": QT_TRANSLATE_NOOP("Labels", "Awaiting payment"),
    "paid": QT_TRANSLATE_NOOP("Labels", "Paid"),
    "shipped": QT_TRANSLATE_NOOP("Labels", "Shipped"),
    "completed": QT_TRANSLATE_NOOP("Labels", "Completed"),
    "balance_unpaid": QT_TRANSLATE_NOOP("Labels", "Balance unpaid (deposit kept)"),
    "cancelled_by_buyer": QT_TRANSLATE_NOOP("Labels", "Cancelled by buyer"),
    "cancelled_by_seller": QT_TRANSLATE_NOOP("Labels", "Cancelled by seller"),
    "refunded": QT_TRANSLATE_NOOP("Labels", "Refunded"),
    "returned": QT_TRANSLATE_NOOP("Labels", "Returned"),
}

CAMPAIGN_STATUSES: dict[str, Any] = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("Labels", "Submitted"),
    "approved": QT_TRANSLATE_NOOP("Labels", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}

KINDS: dict[str, Any] = {  # campaign type / order kind
    "deposit": QT_TRANSLATE_NOOP("Labels", "Deposit presale"),
    "full": QT_TRANSLATE_NOOP("Labels", "Full-payment presale"),
    "normal": QT_TRANSLATE_NOOP("Labels", "Normal order"),
}

PLATFORMS: dict[str, Any] = {  # channels and their regional rule profiles
    "taobao": QT_TRANSLATE_NOOP("Labels", "Taobao/Tmall"),
    "jd": QT_TRANSLATE_NOOP("Labels", "JD"),
    "douyin": QT_TRANSLATE_NOOP("Labels", "Douyin"),
    "tiktok": QT_TRANSLATE_NOOP("Labels", "TikTok Shop"),
    "tiktok_us": QT_TRANSLATE_NOOP("Labels", "TikTok Shop US"),
    "tiktok_th": QT_TRANSLATE_NOOP("Labels", "TikTok Shop TH"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other channel"),
}

ISSUES: dict[str, Any] = {  # campaign validation codes
    "required": QT_TRANSLATE_NOOP("Labels", "Missing value"),
    "invalid_value": QT_TRANSLATE_NOOP("Labels", "Invalid value"),
    "negative_amount": QT_TRANSLATE_NOOP("Labels", "Amount below zero"),
    "duplicate_sku": QT_TRANSLATE_NOOP("Labels", "SKU listed twice"),
    "unknown_sku": QT_TRANSLATE_NOOP("Labels", "Unknown SKU"),
    "window_order_invalid": QT_TRANSLATE_NOOP("Labels", "Dates in the wrong order"),
    "balance_window_gap": QT_TRANSLATE_NOOP("Labels", "Gap before the balance window"),
    "ship_window_out_of_range": QT_TRANSLATE_NOOP(
        "Labels", "Ship window outside the platform's range"),
    "ship_window_not_recommended": QT_TRANSLATE_NOOP(
        "Labels", "Ship window outside the recommended 7-15 days"),
    "tiers_not_increasing": QT_TRANSLATE_NOOP("Labels", "Volume tiers not in order"),
    "price_differs_from_first_tier": QT_TRANSLATE_NOOP(
        "Labels", "Price differs from the first tier"),
    "deposit_value_below_deposit": QT_TRANSLATE_NOOP(
        "Labels", "Deposit value below the deposit"),
    "deposit_value_over_price": QT_TRANSLATE_NOOP("Labels", "Deposit value above the price"),
    "balance_below_minimum": QT_TRANSLATE_NOOP("Labels", "Balance below the minimum"),
    "deposit_over_legal_cap": QT_TRANSLATE_NOOP("Labels", "Deposit above 20% of the price"),
    "presale_cap_over_history": QT_TRANSLATE_NOOP("Labels", "Presale cap above past sales"),
    "sku_in_overlapping_campaign": QT_TRANSLATE_NOOP(
        "Labels", "SKU already in an overlapping campaign"),
}

_cache: dict[int, dict[str, str]] = {}


def clear_cache() -> None:
    _cache.clear()


def _lookup(table: dict[str, Any], code: str) -> str:
    # (QT_TRANSLATE_NOOP returns its text; its stub says "object", hence Any above.)
    done = _cache.get(id(table))
    if done is None:
        done = _cache[id(table)] = {k: QCoreApplication.translate(CTX, str(v))
                                    for k, v in table.items()}
    return done.get(code, code)


def order_status(code: str) -> str:
    return _lookup(ORDER_STATUSES, code)


def campaign_status(code: str) -> str:
    return _lookup(CAMPAIGN_STATUSES, code)


def kind(code: str) -> str:
    return _lookup(KINDS, code)


def platform(code: str) -> str:
    return _lookup(PLATFORMS, code)


def issue_label(code: str) -> str:
    return _lookup(ISSUES, code)
