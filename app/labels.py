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
    "price_above_list": QT_TRANSLATE_NOOP("Labels", "Presale price above the list price"),
    "no_real_discount": QT_TRANSLATE_NOOP("Labels", "No real discount"),
    "cap_over_supply": QT_TRANSLATE_NOOP("Labels", "Presale cap above the stock to ship"),
}

IMPORT_FIELDS: dict[str, Any] = {  # engine fields a column of an import file can feed
    "order_no": QT_TRANSLATE_NOOP("Labels", "Order number"),
    "sub_order_no": QT_TRANSLATE_NOOP("Labels", "Sub-order number"),
    "sku": QT_TRANSLATE_NOOP("Labels", "SKU code"),
    "product_name": QT_TRANSLATE_NOOP("Labels", "Product name"),
    "variant": QT_TRANSLATE_NOOP("Labels", "Variant"),
    "qty": QT_TRANSLATE_NOOP("Labels", "Quantity"),
    "unit_price": QT_TRANSLATE_NOOP("Labels", "Unit price"),
    "deposit": QT_TRANSLATE_NOOP("Labels", "Deposit"),
    "balance": QT_TRANSLATE_NOOP("Labels", "Balance"),
    "total": QT_TRANSLATE_NOOP("Labels", "Order total"),
    "ordered_at": QT_TRANSLATE_NOOP("Labels", "Ordered at"),
    "deposit_paid_at": QT_TRANSLATE_NOOP("Labels", "Deposit paid at"),
    "balance_paid_at": QT_TRANSLATE_NOOP("Labels", "Balance paid at"),
    "paid_at": QT_TRANSLATE_NOOP("Labels", "Paid at"),
    "promised_ship_at": QT_TRANSLATE_NOOP("Labels", "Promised ship time"),
    "shipped_at": QT_TRANSLATE_NOOP("Labels", "Shipped at"),
    "carrier": QT_TRANSLATE_NOOP("Labels", "Carrier"),
    "tracking_no": QT_TRANSLATE_NOOP("Labels", "Tracking number"),
    "buyer": QT_TRANSLATE_NOOP("Labels", "Buyer"),
    "recipient": QT_TRANSLATE_NOOP("Labels", "Recipient"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "address": QT_TRANSLATE_NOOP("Labels", "Address"),
    "status_text": QT_TRANSLATE_NOOP("Labels", "Order status"),
    "substatus_text": QT_TRANSLATE_NOOP("Labels", "Order sub-status"),
    "stage_text": QT_TRANSLATE_NOOP("Labels", "Presale stage"),
    "close_reason": QT_TRANSLATE_NOOP("Labels", "Close reason"),
    "kind_text": QT_TRANSLATE_NOOP("Labels", "Order type"),
    "after_sale_text": QT_TRANSLATE_NOOP("Labels", "After-sale status"),
    "cancel_by": QT_TRANSLATE_NOOP("Labels", "Cancelled by"),
    "cancel_type": QT_TRANSLATE_NOOP("Labels", "Cancellation type"),
    "country": QT_TRANSLATE_NOOP("Labels", "Country"),
    "province": QT_TRANSLATE_NOOP("Labels", "Province"),
    "city": QT_TRANSLATE_NOOP("Labels", "City"),
    "district": QT_TRANSLATE_NOOP("Labels", "District"),
    "zipcode": QT_TRANSLATE_NOOP("Labels", "Postcode"),
    "address_detail": QT_TRANSLATE_NOOP("Labels", "Street address"),
    "code": QT_TRANSLATE_NOOP("Labels", "SKU code"),
    "name": QT_TRANSLATE_NOOP("Labels", "Product name"),
    "platform": QT_TRANSLATE_NOOP("Labels", "Platform"),
    "location": QT_TRANSLATE_NOOP("Labels", "Bin location"),
    "on_hand": QT_TRANSLATE_NOOP("Labels", "On hand"),
    "cost": QT_TRANSLATE_NOOP("Labels", "Cost"),
    "list_price": QT_TRANSLATE_NOOP("Labels", "List price"),
    "sales_30d": QT_TRANSLATE_NOOP("Labels", "Sales in 30 days"),
    "expected_on": QT_TRANSLATE_NOOP("Labels", "Expected on"),
    "supplier": QT_TRANSLATE_NOOP("Labels", "Supplier"),
    "note": QT_TRANSLATE_NOOP("Labels", "Note"),
}

ROW_ERRORS: dict[str, Any] = {  # why an import refuses a cell (io RowError codes)
    "not_an_id": QT_TRANSLATE_NOOP("Labels", "not an id"),
    "id_lost_digits": QT_TRANSLATE_NOOP(
        "Labels", "the id has lost digits (stored as a number); format the column as text "
        "and export again"),
    "qty_not_positive": QT_TRANSLATE_NOOP("Labels", "quantity must be at least 1"),
    "negative_count": QT_TRANSLATE_NOOP("Labels", "negative number"),
    "not_whole": QT_TRANSLATE_NOOP("Labels", "not a whole number"),
    "too_many_decimals": QT_TRANSLATE_NOOP("Labels", "more decimals than the currency allows"),
    "not_an_amount": QT_TRANSLATE_NOOP("Labels", "not an amount"),
    "negative_amount": QT_TRANSLATE_NOOP("Labels", "negative amount"),
    "impossible_date": QT_TRANSLATE_NOOP("Labels", "impossible date"),
    "not_a_date": QT_TRANSLATE_NOOP("Labels", "not a date in a known format"),
    "nonexistent_time": QT_TRANSLATE_NOOP(
        "Labels", "this local time does not exist (daylight-saving change)"),
    "missing_value": QT_TRANSLATE_NOOP("Labels", "missing value"),
    "unknown_status": QT_TRANSLATE_NOOP("Labels", "unknown status"),
    "status_kind_mismatch": QT_TRANSLATE_NOOP("Labels", "the status does not fit the order type"),
    "duplicate_conflict": QT_TRANSLATE_NOOP(
        "Labels", "the same line is in another row with different values"),
    "unknown_platform": QT_TRANSLATE_NOOP("Labels", "unknown platform"),
    "unknown_sku": QT_TRANSLATE_NOOP(
        "Labels", "no product with this SKU code; import the products first"),
    "order_not_in_report": QT_TRANSLATE_NOOP(
        "Labels", "no order with this number in the order report"),
    "order_without_items": QT_TRANSLATE_NOOP(
        "Labels", "no item row for this order in the item report"),
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


def import_field(code: str) -> str:
    return _lookup(IMPORT_FIELDS, code)


def row_error(code: str, reason: str) -> str:
    """Why a row was refused, in the current language: the engine's own (English, more
    detailed) reason unless a translation for its code is installed."""
    source = ROW_ERRORS.get(code)
    if source is None:
        return reason
    text = _lookup(ROW_ERRORS, code)
    return reason if text == str(source) else text


def shop_name(name: str) -> str:
    """A shop's name for the screen: the engine's default name ("My shop", given to a new
    database) in the UI language; a name the seller chose as it is."""
    from presale_engine.service.base import DEFAULT_SHOP_NAME

    if name == DEFAULT_SHOP_NAME:
        return QCoreApplication.translate(CTX, "My shop")
    return name
