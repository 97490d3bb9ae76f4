"""Names on the order desk and the inventory page for the engine's codes: import flags,
bulk actions, built-in views, stock-move reasons, payment kinds, history events (texts
marked for lupdate, translated when asked for)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "DeskLabels"

IMPORT_FLAGS: dict[str, Any] = {
    "no_campaign": QT_TRANSLATE_NOOP("DeskLabels", "No campaign"),
    "outside_window": QT_TRANSLATE_NOOP("DeskLabels", "Outside the window"),
    "over_cap": QT_TRANSLATE_NOOP("DeskLabels", "Over the cap"),
    "over_limit": QT_TRANSLATE_NOOP("DeskLabels", "Over the buyer limit"),
    "not_a_member": QT_TRANSLATE_NOOP("DeskLabels", "Not on the member list"),
    "kind_differs": QT_TRANSLATE_NOOP("DeskLabels", "Presale type differs"),
}

BULK_ACTIONS: dict[str, Any] = {  # as the Actions menu and the confirmation say them
    "ship": QT_TRANSLATE_NOOP("DeskLabels", "Mark shipped"),
    "seller_cancel": QT_TRANSLATE_NOOP("DeskLabels", "Cancel by seller"),
    "balance_lapse": QT_TRANSLATE_NOOP("DeskLabels", "Close unpaid balance"),
    "refund": QT_TRANSLATE_NOOP("DeskLabels", "Refund"),
    "complete": QT_TRANSLATE_NOOP("DeskLabels", "Mark completed"),
    "buyer_cancel": QT_TRANSLATE_NOOP("DeskLabels", "Cancelled by buyer"),
    "note": QT_TRANSLATE_NOOP("DeskLabels", "Add a note"),
    "tag": QT_TRANSLATE_NOOP("DeskLabels", "Add a tag"),
}

BULK_EXPLAINED: dict[str, Any] = {  # what happens, in one sentence
    "ship": QT_TRANSLATE_NOOP(
        "DeskLabels", "The orders are marked shipped with the carrier and tracking number; "
        "their units leave stock on hand (ledger)."),
    "seller_cancel": QT_TRANSLATE_NOOP(
        "DeskLabels", "The orders are cancelled by you. Buyers get back what they paid; on "
        "deposit orders the deposit is refunded twice (Civil Code art. 587)."),
    "balance_lapse": QT_TRANSLATE_NOOP(
        "DeskLabels", "The balance window is closed on these orders: the buyers did not pay "
        "the balance, and you keep their deposits (art. 587)."),
    "refund": QT_TRANSLATE_NOOP(
        "DeskLabels", "The orders are refunded before shipping. On deposit orders the "
        "deposit stays with you unless the refund is your fault."),
    "complete": QT_TRANSLATE_NOOP(
        "DeskLabels", "The shipped orders are marked completed."),
    "buyer_cancel": QT_TRANSLATE_NOOP(
        "DeskLabels", "The buyers cancelled: unpaid orders close; paid deposits are kept."),
    "note": QT_TRANSLATE_NOOP("DeskLabels", "The note is added to each order's notes and "
                                            "history."),
    "tag": QT_TRANSLATE_NOOP("DeskLabels", "The tag is added to each order."),
}

VIEWS: dict[str, Any] = {  # the engine's built-in saved views
    "all": QT_TRANSLATE_NOOP("DeskLabels", "All orders"),
    "to_ship_today": QT_TRANSLATE_NOOP("DeskLabels", "To ship today"),
    "overdue": QT_TRANSLATE_NOOP("DeskLabels", "Overdue"),
    "due_48h": QT_TRANSLATE_NOOP("DeskLabels", "Due within 48 h"),
    "unpaid_balances": QT_TRANSLATE_NOOP("DeskLabels", "Unpaid balances"),
    "flagged": QT_TRANSLATE_NOOP("DeskLabels", "Flagged at import"),
}

MOVE_REASONS: dict[str, Any] = {  # stock ledger reasons
    "count": QT_TRANSLATE_NOOP("DeskLabels", "Stock count"),
    "receive": QT_TRANSLATE_NOOP("DeskLabels", "Received"),
    "ship": QT_TRANSLATE_NOOP("DeskLabels", "Shipped"),
    "return": QT_TRANSLATE_NOOP("DeskLabels", "Returned"),
    "adjust": QT_TRANSLATE_NOOP("DeskLabels", "Adjustment"),
    "damaged": QT_TRANSLATE_NOOP("DeskLabels", "Damaged"),
    "lost": QT_TRANSLATE_NOOP("DeskLabels", "Lost"),
    "found": QT_TRANSLATE_NOOP("DeskLabels", "Found"),
    "sample": QT_TRANSLATE_NOOP("DeskLabels", "Sample / gift"),
}

PAYMENT_KINDS: dict[str, Any] = {
    "deposit": QT_TRANSLATE_NOOP("DeskLabels", "Deposit"),
    "balance": QT_TRANSLATE_NOOP("DeskLabels", "Balance"),
    "full": QT_TRANSLATE_NOOP("DeskLabels", "Full payment"),
    "refund": QT_TRANSLATE_NOOP("DeskLabels", "Refund"),
    "penalty": QT_TRANSLATE_NOOP("DeskLabels", "Deposit refunded again (art. 587)"),
}

EVENTS: dict[str, Any] = {  # order history events
    "create": QT_TRANSLATE_NOOP("DeskLabels", "Created"),
    "import": QT_TRANSLATE_NOOP("DeskLabels", "Imported"),
    "pay_deposit": QT_TRANSLATE_NOOP("DeskLabels", "Deposit paid"),
    "open_balance": QT_TRANSLATE_NOOP("DeskLabels", "Balance window opened"),
    "pay_balance": QT_TRANSLATE_NOOP("DeskLabels", "Balance paid"),
    "pay": QT_TRANSLATE_NOOP("DeskLabels", "Paid"),
    "ship": QT_TRANSLATE_NOOP("DeskLabels", "Shipped"),
    "complete": QT_TRANSLATE_NOOP("DeskLabels", "Completed"),
    "balance_lapse": QT_TRANSLATE_NOOP("DeskLabels", "Balance not paid (deposit kept)"),
    "buyer_cancel": QT_TRANSLATE_NOOP("DeskLabels", "Cancelled by buyer"),
    "seller_cancel": QT_TRANSLATE_NOOP("DeskLabels", "Cancelled by seller"),
    "refund": QT_TRANSLATE_NOOP("DeskLabels", "Refunded"),
    "return": QT_TRANSLATE_NOOP("DeskLabels", "Returned"),
    "note": QT_TRANSLATE_NOOP("DeskLabels", "Note"),
    "tag": QT_TRANSLATE_NOOP("DeskLabels", "Tags"),
}

def _lookup(table: dict[str, Any], code: str) -> str:
    # Looked up each time (rare, short lists): a language switch needs no cache reset.
    source = table.get(code)
    return QCoreApplication.translate(CTX, str(source)) if source is not None else code


def import_flag(code: str) -> str:
    return _lookup(IMPORT_FLAGS, code)


def bulk_action(code: str) -> str:
    return _lookup(BULK_ACTIONS, code)


def bulk_explained(code: str) -> str:
    return _lookup(BULK_EXPLAINED, code)


def view(code: str) -> str:
    return _lookup(VIEWS, code)


def move_reason(code: str) -> str:
    return _lookup(MOVE_REASONS, code)


def payment_kind(code: str) -> str:
    return _lookup(PAYMENT_KINDS, code)


def event(code: str) -> str:
    return _lookup(EVENTS, code)
