"""Order lifecycle: transitions, ship deadline, overdue flag, deposit-law outcomes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from presale_engine import orders
from presale_engine.errors import IllegalTransition
from presale_engine.orders import Event, Kind, Status

D = Decimal
S, E = Status, Event
SH = ZoneInfo("Asia/Shanghai")

DEPOSIT_ALLOWED = [
    (S.AWAITING_DEPOSIT, E.PAY_DEPOSIT, S.DEPOSIT_PAID),
    (S.AWAITING_DEPOSIT, E.BUYER_CANCEL, S.CANCELLED_BY_BUYER),
    (S.AWAITING_DEPOSIT, E.SELLER_CANCEL, S.CANCELLED_BY_SELLER),
    (S.DEPOSIT_PAID, E.OPEN_BALANCE, S.AWAITING_BALANCE),
    (S.DEPOSIT_PAID, E.PAY_BALANCE, S.BALANCE_PAID),
    (S.DEPOSIT_PAID, E.BALANCE_LAPSE, S.BALANCE_UNPAID),
    (S.DEPOSIT_PAID, E.BUYER_CANCEL, S.CANCELLED_BY_BUYER),
    (S.DEPOSIT_PAID, E.SELLER_CANCEL, S.CANCELLED_BY_SELLER),
    (S.AWAITING_BALANCE, E.PAY_BALANCE, S.BALANCE_PAID),
    (S.AWAITING_BALANCE, E.BALANCE_LAPSE, S.BALANCE_UNPAID),
    (S.AWAITING_BALANCE, E.BUYER_CANCEL, S.CANCELLED_BY_BUYER),
    (S.AWAITING_BALANCE, E.SELLER_CANCEL, S.CANCELLED_BY_SELLER),
    (S.BALANCE_PAID, E.SHIP, S.SHIPPED),
    (S.BALANCE_PAID, E.REFUND, S.REFUNDED),
    (S.BALANCE_PAID, E.SELLER_CANCEL, S.CANCELLED_BY_SELLER),
    (S.SHIPPED, E.COMPLETE, S.COMPLETED),
    (S.SHIPPED, E.RETURN, S.RETURNED),
    (S.COMPLETED, E.RETURN, S.RETURNED),
]
FULL_ALLOWED = [
    (S.AWAITING_PAYMENT, E.PAY, S.PAID),
    (S.AWAITING_PAYMENT, E.BUYER_CANCEL, S.CANCELLED_BY_BUYER),
    (S.AWAITING_PAYMENT, E.SELLER_CANCEL, S.CANCELLED_BY_SELLER),
    (S.PAID, E.SHIP, S.SHIPPED),
    (S.PAID, E.REFUND, S.REFUNDED),
    (S.PAID, E.BUYER_CANCEL, S.CANCELLED_BY_BUYER),
    (S.PAID, E.SELLER_CANCEL, S.CANCELLED_BY_SELLER),
    (S.SHIPPED, E.COMPLETE, S.COMPLETED),
    (S.SHIPPED, E.RETURN, S.RETURNED),
    (S.COMPLETED, E.RETURN, S.RETURNED),
]
ALLOWED = {Kind.DEPOSIT: DEPOSIT_ALLOWED, Kind.FULL: FULL_ALLOWED}


@pytest.mark.parametrize(("status", "event", "after"), DEPOSIT_ALLOWED)
def test_deposit_transition(status: Status, event: Event, after: Status) -> None:
    assert orders.next_status(Kind.DEPOSIT, status, event) is after
    # plain strings, as they come from a file or the database, work the same
    assert orders.next_status("deposit", status.value, event.value) is after


@pytest.mark.parametrize(("status", "event", "after"), FULL_ALLOWED)
def test_full_transition(status: Status, event: Event, after: Status) -> None:
    assert orders.next_status(Kind.FULL, status, event) is after
    assert orders.next_status("full", status.value, event.value) is after


@pytest.mark.parametrize("kind", [Kind.DEPOSIT, Kind.FULL])
def test_every_other_pair_is_illegal(kind: Kind) -> None:
    allowed = {(s, e) for s, e, _ in ALLOWED[kind]}
    checked = 0
    for s in Status:
        for e in Event:
            if (s, e) in allowed:
                continue
            with pytest.raises(IllegalTransition) as info:
                orders.next_status(kind, s, e)
            assert (info.value.status, info.value.event, info.value.kind) == (
                s.value, e.value, kind.value)
            assert info.value.code == "illegal_transition"
            checked += 1
    assert checked == len(Status) * len(Event) - len(allowed)


def test_the_tables_hold_exactly_the_documented_transitions() -> None:
    for kind, rows in ALLOWED.items():
        assert orders.table(kind) == {(s, e): a for s, e, a in rows}


@pytest.mark.parametrize(("kind", "status", "event"), [
    (Kind.DEPOSIT, S.SHIPPED, E.SELLER_CANCEL),
    (Kind.DEPOSIT, S.BALANCE_PAID, E.BUYER_CANCEL),
    (Kind.DEPOSIT, S.AWAITING_DEPOSIT, E.PAY),
    (Kind.FULL, S.PAID, E.PAY_DEPOSIT),
    (Kind.FULL, S.CANCELLED_BY_BUYER, E.PAY),
])
def test_named_illegal_transitions(kind: Kind, status: Status, event: Event) -> None:
    with pytest.raises(IllegalTransition, match=f"cannot apply '{event.value}'"):
        orders.next_status(kind, status, event)


def test_unknown_event_string_is_an_illegal_transition() -> None:
    with pytest.raises(IllegalTransition) as info:
        orders.next_status(Kind.DEPOSIT, S.DEPOSIT_PAID, "teleport")
    assert info.value.event == "teleport"
    assert info.value.status == "deposit_paid"
    assert info.value.kind == "deposit"


def test_allowed_events_and_states() -> None:
    assert set(orders.allowed_events(Kind.FULL, S.PAID)) == {
        E.SHIP, E.REFUND, E.BUYER_CANCEL, E.SELLER_CANCEL}
    assert orders.allowed_events(Kind.DEPOSIT, S.BALANCE_UNPAID) == []
    assert S.DEPOSIT_PAID in orders.states(Kind.DEPOSIT)
    assert S.DEPOSIT_PAID not in orders.states(Kind.FULL)
    assert S.PAID not in orders.states(Kind.DEPOSIT)
    assert orders.INITIAL[Kind.DEPOSIT] is S.AWAITING_DEPOSIT
    assert orders.INITIAL[Kind.FULL] is S.AWAITING_PAYMENT


def test_normal_orders_follow_the_full_payment_table() -> None:
    assert orders.next_status(Kind.NORMAL, S.AWAITING_PAYMENT, E.PAY) is S.PAID
    with pytest.raises(IllegalTransition):
        orders.next_status(Kind.NORMAL, S.AWAITING_DEPOSIT, E.PAY_DEPOSIT)


# --------------------------------------------------------------------------- deadlines

PAID = datetime(2026, 11, 1, 10, 30, tzinfo=SH)
END = datetime(2026, 11, 3, 23, 59, 59, tzinfo=SH)


def test_deadline_after_payment() -> None:
    got = orders.ship_deadline(mode="after_payment", days=10, fixed=None, paid_at=PAID,
                               presale_end=END, tz=SH)
    assert got == datetime(2026, 11, 11, 10, 30, tzinfo=SH)


def test_deadline_after_payment_unknown_until_paid() -> None:
    assert orders.ship_deadline(mode="after_payment", days=10, fixed=None, paid_at=None,
                                presale_end=END, tz=SH) is None


def test_deadline_after_presale_end() -> None:
    got = orders.ship_deadline(mode="after_presale_end", days=5, fixed=None, paid_at=PAID,
                               presale_end=END, tz=SH)
    assert got == datetime(2026, 11, 8, 23, 59, 59, tzinfo=SH)


def test_deadline_fixed_date_is_end_of_that_day_in_the_shop_zone() -> None:
    la = ZoneInfo("America/Los_Angeles")
    got = orders.ship_deadline(mode="fixed_date", days=None, fixed=date(2026, 11, 25),
                               paid_at=PAID, presale_end=END, tz=la)
    assert got == datetime(2026, 11, 25, 23, 59, 59, tzinfo=la)
    assert got is not None
    assert got.astimezone(UTC) == datetime(2026, 11, 26, 7, 59, 59, tzinfo=UTC)
    sh = orders.ship_deadline(mode="fixed_date", days=None, fixed=date(2026, 11, 25),
                              paid_at=None, presale_end=None, tz=SH)
    assert sh is not None
    assert sh.astimezone(UTC) == datetime(2026, 11, 25, 15, 59, 59, tzinfo=UTC)


def test_deadline_unknown_mode() -> None:
    with pytest.raises(ValueError, match="unknown ship mode"):
        orders.ship_deadline(mode="soon", days=3, fixed=None, paid_at=PAID, presale_end=END,
                             tz=SH)


def test_deadline_missing_inputs() -> None:
    assert orders.ship_deadline(mode="fixed_date", days=None, fixed=None, paid_at=PAID,
                                presale_end=END, tz=SH) is None
    assert orders.ship_deadline(mode="after_payment", days=None, fixed=None, paid_at=PAID,
                                presale_end=END, tz=SH) is None


DEADLINE = datetime(2026, 11, 11, 10, 30, tzinfo=SH)


@pytest.mark.parametrize("status", sorted(orders.TO_SHIP))
def test_overdue_when_owed_a_shipment_past_the_deadline(status: Status) -> None:
    assert orders.is_overdue(status, DEADLINE, DEADLINE + timedelta(seconds=1))
    assert orders.is_overdue(status.value, DEADLINE, DEADLINE + timedelta(days=3))
    assert not orders.is_overdue(status, DEADLINE, DEADLINE)
    assert not orders.is_overdue(status, None, DEADLINE + timedelta(days=3))


@pytest.mark.parametrize("status", sorted(set(Status) - orders.TO_SHIP))
def test_not_overdue_outside_the_to_ship_states(status: Status) -> None:
    assert not orders.is_overdue(status, DEADLINE, DEADLINE + timedelta(days=30))


def test_overdue_compares_instants_across_zones() -> None:
    now_utc = datetime(2026, 11, 11, 2, 31, tzinfo=UTC)  # 10:31 in Shanghai
    assert orders.is_overdue(S.PAID, DEADLINE, now_utc)
    assert not orders.is_overdue(S.PAID, DEADLINE, now_utc - timedelta(minutes=2))


# --------------------------------------------------------------------------- outcomes

def test_balance_unpaid_forfeits_the_legal_deposit_and_refunds_the_excess() -> None:
    o = orders.outcome(kind=Kind.DEPOSIT, status=S.BALANCE_UNPAID, unit_price=D("899.00"),
                       qty=1, deposit_paid=D("200.00"), balance_paid=D("0"))
    assert o.forfeited_deposit == D("179.80")
    assert o.seller_keeps == D("179.80")
    assert o.refund_to_buyer == D("20.20")
    assert o.double_refund_extra == D("0")


def test_balance_unpaid_within_the_cap_forfeits_it_all() -> None:
    o = orders.outcome(kind="deposit", status="balance_unpaid", unit_price=D("899.00"),
                       qty=2, deposit_paid=D("100.00"), balance_paid=D("0"))
    assert o.seller_keeps == D("100.00")
    assert o.forfeited_deposit == D("100.00")
    assert o.refund_to_buyer == D("0.00")


def test_buyer_cancel_of_a_deposit_order_forfeits_like_a_lapse() -> None:
    o = orders.outcome(kind=Kind.DEPOSIT, status=S.CANCELLED_BY_BUYER, unit_price=D("100.00"),
                       qty=3, deposit_paid=D("90.00"), balance_paid=D("0"))
    assert o.forfeited_deposit == D("60.00")  # 20 % of 300
    assert o.refund_to_buyer == D("30.00")


def test_seller_cancel_of_a_deposit_order_refunds_double_the_legal_deposit() -> None:
    o = orders.outcome(kind=Kind.DEPOSIT, status=S.CANCELLED_BY_SELLER, unit_price=D("899.00"),
                       qty=1, deposit_paid=D("200.00"), balance_paid=D("0"))
    # 2 x 179.80 (art. 587) + 20.20 excess (art. 586)
    assert o.refund_to_buyer == D("379.80")
    assert o.double_refund_extra == D("179.80")
    assert o.seller_keeps == D("-179.80")
    assert o.forfeited_deposit == D("0")


def test_seller_cancel_after_balance_also_refunds_the_balance() -> None:
    o = orders.outcome(kind=Kind.DEPOSIT, status=S.CANCELLED_BY_SELLER, unit_price=D("899.00"),
                       qty=1, deposit_paid=D("50.00"), balance_paid=D("729.00"))
    assert o.refund_to_buyer == D("829.00")  # 2 x 50 + 729
    assert o.double_refund_extra == D("50.00")


@pytest.mark.parametrize("status", [S.CANCELLED_BY_BUYER, S.CANCELLED_BY_SELLER])
def test_full_payment_cancellations_refund_what_was_paid(status: Status) -> None:
    o = orders.outcome(kind=Kind.FULL, status=status, unit_price=D("19.90"), qty=2,
                       deposit_paid=D("0"), balance_paid=D("39.80"))
    assert o.refund_to_buyer == D("39.80")
    assert o.seller_keeps == D("0")
    assert o.double_refund_extra == D("0")
    assert o.forfeited_deposit == D("0")


@pytest.mark.parametrize("status", [S.REFUNDED, S.RETURNED])
def test_refunded_deposit_order_keeps_the_legal_deposit(status: Status) -> None:
    o = orders.outcome(kind=Kind.DEPOSIT, status=status, unit_price=D("899.00"), qty=1,
                       deposit_paid=D("200.00"), balance_paid=D("579.00"))
    assert o.seller_keeps == D("179.80")
    assert o.refund_to_buyer == D("599.20")
    assert o.forfeited_deposit == D("179.80")


@pytest.mark.parametrize("status", [S.REFUNDED, S.RETURNED])
def test_refund_with_seller_fault_returns_everything(status: Status) -> None:
    o = orders.outcome(kind=Kind.DEPOSIT, status=status, unit_price=D("899.00"), qty=1,
                       deposit_paid=D("50.00"), balance_paid=D("729.00"), seller_fault=True)
    assert o.refund_to_buyer == D("779.00")
    assert o.seller_keeps == D("0")


def test_full_payment_refund_returns_everything() -> None:
    o = orders.outcome(kind=Kind.FULL, status=S.REFUNDED, unit_price=D("19.90"), qty=1,
                       deposit_paid=D("0"), balance_paid=D("19.90"))
    assert o.refund_to_buyer == D("19.90")
    assert o.seller_keeps == D("0")


@pytest.mark.parametrize("status", [S.COMPLETED, S.SHIPPED, S.BALANCE_PAID])
def test_delivered_or_in_progress_orders_keep_what_was_paid(status: Status) -> None:
    o = orders.outcome(kind=Kind.DEPOSIT, status=status, unit_price=D("899.00"), qty=1,
                       deposit_paid=D("50.00"), balance_paid=D("729.00"))
    assert o.seller_keeps == D("779.00")
    assert o.refund_to_buyer == D("0")


@pytest.mark.parametrize("status", sorted(orders.CLOSED))
@pytest.mark.parametrize("kind", [Kind.DEPOSIT, Kind.FULL])
def test_outcome_money_balances(kind: Kind, status: Status) -> None:
    deposit = D("200.00") if kind is Kind.DEPOSIT else D("0")
    o = orders.outcome(kind=kind, status=status, unit_price=D("899.00"), qty=1,
                       deposit_paid=deposit, balance_paid=D("679.00"))
    # what the buyer paid is split between seller and buyer; the double refund comes on top
    assert o.seller_keeps + o.refund_to_buyer == deposit + D("679.00")
    assert o.refund_to_buyer >= 0
