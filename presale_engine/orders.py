"""Presale order lifecycle (DOMAIN.md, "Order lifecycle") and the deposit law outcomes.

Pure functions: the state machine (``next_status``), the derived ship deadline, the
overdue flag and the money outcome of a closed order. The service applies them in a
transaction and writes the history row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from .errors import IllegalTransition
from .money import ZERO
from .pricing import legal_deposit_cap


class Kind(StrEnum):
    DEPOSIT = "deposit"  # 定金预售
    FULL = "full"  # 全款预售
    NORMAL = "normal"  # not a presale (imported so presale share can be computed)


class Status(StrEnum):
    AWAITING_DEPOSIT = "awaiting_deposit"
    DEPOSIT_PAID = "deposit_paid"
    AWAITING_BALANCE = "awaiting_balance"
    BALANCE_PAID = "balance_paid"
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    BALANCE_UNPAID = "balance_unpaid"
    CANCELLED_BY_BUYER = "cancelled_by_buyer"
    CANCELLED_BY_SELLER = "cancelled_by_seller"
    REFUNDED = "refunded"
    RETURNED = "returned"


class Event(StrEnum):
    PAY_DEPOSIT = "pay_deposit"
    OPEN_BALANCE = "open_balance"  # the balance window opened
    PAY_BALANCE = "pay_balance"
    PAY = "pay"  # full payment
    SHIP = "ship"
    COMPLETE = "complete"
    BALANCE_LAPSE = "balance_lapse"  # balance window closed unpaid: deposit forfeited
    BUYER_CANCEL = "buyer_cancel"
    SELLER_CANCEL = "seller_cancel"  # seller cannot supply: deposit refunded twice
    REFUND = "refund"  # after payment, before shipping
    RETURN = "return"  # after shipping


S, E = Status, Event

_DEPOSIT: dict[tuple[Status, Event], Status] = {
    (S.AWAITING_DEPOSIT, E.PAY_DEPOSIT): S.DEPOSIT_PAID,
    (S.AWAITING_DEPOSIT, E.BUYER_CANCEL): S.CANCELLED_BY_BUYER,
    (S.AWAITING_DEPOSIT, E.SELLER_CANCEL): S.CANCELLED_BY_SELLER,
    (S.DEPOSIT_PAID, E.OPEN_BALANCE): S.AWAITING_BALANCE,
    (S.DEPOSIT_PAID, E.PAY_BALANCE): S.BALANCE_PAID,
    (S.DEPOSIT_PAID, E.BALANCE_LAPSE): S.BALANCE_UNPAID,
    (S.DEPOSIT_PAID, E.BUYER_CANCEL): S.CANCELLED_BY_BUYER,
    (S.DEPOSIT_PAID, E.SELLER_CANCEL): S.CANCELLED_BY_SELLER,
    (S.AWAITING_BALANCE, E.PAY_BALANCE): S.BALANCE_PAID,
    (S.AWAITING_BALANCE, E.BALANCE_LAPSE): S.BALANCE_UNPAID,
    (S.AWAITING_BALANCE, E.BUYER_CANCEL): S.CANCELLED_BY_BUYER,
    (S.AWAITING_BALANCE, E.SELLER_CANCEL): S.CANCELLED_BY_SELLER,
    (S.BALANCE_PAID, E.SHIP): S.SHIPPED,
    (S.BALANCE_PAID, E.REFUND): S.REFUNDED,
    (S.BALANCE_PAID, E.SELLER_CANCEL): S.CANCELLED_BY_SELLER,
    (S.SHIPPED, E.COMPLETE): S.COMPLETED,
    (S.SHIPPED, E.RETURN): S.RETURNED,
    (S.COMPLETED, E.RETURN): S.RETURNED,
}

_FULL: dict[tuple[Status, Event], Status] = {
    (S.AWAITING_PAYMENT, E.PAY): S.PAID,
    (S.AWAITING_PAYMENT, E.BUYER_CANCEL): S.CANCELLED_BY_BUYER,
    (S.AWAITING_PAYMENT, E.SELLER_CANCEL): S.CANCELLED_BY_SELLER,
    (S.PAID, E.SHIP): S.SHIPPED,
    (S.PAID, E.REFUND): S.REFUNDED,
    (S.PAID, E.BUYER_CANCEL): S.CANCELLED_BY_BUYER,
    (S.PAID, E.SELLER_CANCEL): S.CANCELLED_BY_SELLER,
    (S.SHIPPED, E.COMPLETE): S.COMPLETED,
    (S.SHIPPED, E.RETURN): S.RETURNED,
    (S.COMPLETED, E.RETURN): S.RETURNED,
}

INITIAL = {Kind.DEPOSIT: S.AWAITING_DEPOSIT, Kind.FULL: S.AWAITING_PAYMENT,
           Kind.NORMAL: S.AWAITING_PAYMENT}
CLOSED = frozenset({S.COMPLETED, S.BALANCE_UNPAID, S.CANCELLED_BY_BUYER,
                    S.CANCELLED_BY_SELLER, S.REFUNDED, S.RETURNED})
# States where the buyer has paid in full and the seller owes a shipment.
TO_SHIP = frozenset({S.BALANCE_PAID, S.PAID})
# States whose units the seller has promised and not yet shipped (demand on stock).
OPEN_DEMAND = frozenset({S.DEPOSIT_PAID, S.AWAITING_BALANCE, S.BALANCE_PAID, S.PAID})
# A rough order of progress, used to refuse moving an order backwards on re-import.
PROGRESS = {S.AWAITING_DEPOSIT: 0, S.AWAITING_PAYMENT: 0, S.DEPOSIT_PAID: 1,
            S.AWAITING_BALANCE: 2, S.BALANCE_PAID: 3, S.PAID: 3, S.SHIPPED: 4,
            S.COMPLETED: 5, S.BALANCE_UNPAID: 5, S.CANCELLED_BY_BUYER: 5,
            S.CANCELLED_BY_SELLER: 5, S.REFUNDED: 5, S.RETURNED: 6}


def table(kind: Kind) -> dict[tuple[Status, Event], Status]:
    return _DEPOSIT if kind is Kind.DEPOSIT else _FULL


def states(kind: Kind) -> frozenset[Status]:
    t = table(kind)
    return frozenset({a for a, _ in t} | set(t.values()))


def allowed_events(kind: Kind, status: Status) -> list[Event]:
    return [e for (s, e) in table(kind) if s is status]


def next_status(kind: Kind | str, status: Status | str, event: Event | str) -> Status:
    """The state after ``event``; raises ``IllegalTransition`` when not allowed."""
    try:
        k, s, e = Kind(kind), Status(status), Event(event)
    except ValueError:
        raise IllegalTransition(str(status), str(event), str(kind)) from None
    try:
        return table(k)[(s, e)]
    except KeyError:
        raise IllegalTransition(s.value, e.value, k.value) from None


def ship_deadline(*, mode: str, days: int | None, fixed: date | None,
                  paid_at: datetime | None, presale_end: datetime | None,
                  tz: ZoneInfo) -> datetime | None:
    """When the order must ship by: payment (+ days), presale end (+ days) or a fixed date.

    ``paid_at`` is the completing payment (balance or full). A fixed date means the end
    of that day in the shop's time zone.
    """
    if mode == "fixed_date":
        if fixed is None:
            return None
        return datetime.combine(fixed, time(23, 59, 59), tz)
    if days is None:
        return None
    if mode == "after_payment":
        return paid_at + timedelta(days=days) if paid_at else None
    if mode == "after_presale_end":
        return presale_end + timedelta(days=days) if presale_end else None
    raise ValueError(f"unknown ship mode '{mode}'")


def is_overdue(status: Status | str, deadline: datetime | None, now: datetime) -> bool:
    """Overdue = owed a shipment and past the deadline (a flag, not a state)."""
    return deadline is not None and Status(status) in TO_SHIP and now > deadline


@dataclass(frozen=True)
class Outcome:
    """Who keeps what when an order closes."""

    seller_keeps: Decimal
    refund_to_buyer: Decimal
    forfeited_deposit: Decimal = ZERO
    double_refund_extra: Decimal = ZERO  # what the seller pays on top (art. 587)


def outcome(*, kind: Kind | str, status: Status | str, unit_price: Decimal, qty: int,
            deposit_paid: Decimal, balance_paid: Decimal, seller_fault: bool = False,
            currency: str = "CNY") -> Outcome:
    """Money outcome of an order in ``status`` (DOMAIN.md, "Legal deposit rules").

    Only the part of the deposit within 20 % of the price has deposit effect: that part is
    forfeited if the buyer walks away and refunded twice if the seller cannot deliver; the
    excess is an ordinary prepayment, always refunded when the deal fails.
    """
    k, s = Kind(kind), Status(status)
    paid = deposit_paid + balance_paid
    # The cap per unit as the quote shows it (rounded in the currency), times the units.
    legal = min(deposit_paid, legal_deposit_cap(unit_price, currency) * qty)
    excess = deposit_paid - legal
    if s in (S.BALANCE_UNPAID, S.CANCELLED_BY_BUYER):
        if k is Kind.DEPOSIT:
            return Outcome(seller_keeps=legal, refund_to_buyer=excess + balance_paid,
                           forfeited_deposit=legal)
        return Outcome(seller_keeps=ZERO, refund_to_buyer=paid)
    if s is S.CANCELLED_BY_SELLER:
        if k is Kind.DEPOSIT:
            return Outcome(seller_keeps=-legal, refund_to_buyer=paid + legal,
                           double_refund_extra=legal)
        return Outcome(seller_keeps=ZERO, refund_to_buyer=paid)
    if s in (S.REFUNDED, S.RETURNED):
        # The deposit part is usually not refunded unless the seller is at fault.
        if k is Kind.DEPOSIT and not seller_fault:
            return Outcome(seller_keeps=legal, refund_to_buyer=paid - legal,
                           forfeited_deposit=legal)
        return Outcome(seller_keeps=ZERO, refund_to_buyer=paid)
    return Outcome(seller_keeps=paid, refund_to_buyer=ZERO)
