"""Orders through the service: amounts, flags, the lifecycle, deposit law, tiers."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest

from presale_engine.errors import IllegalTransition, InputError, NotFound
from presale_engine.store.models import OrderEvent, Payment

from .conftest import DOUYIN, JD, SH, TAOBAO, TIKTOK, count, la, sh

D = Decimal
IN_DEPOSIT = sh("2026-10-21T10:00")  # inside the Douyin and Taobao deposit windows


def _payments(svc: Any, oid: int) -> list[tuple[str, str]]:
    return [(p["kind"], str(p["amount"])) for p in svc.orders.payments(oid)]


def _history(svc: Any, oid: int) -> list[tuple[str, str | None, str, str, str]]:
    return [(h.event, h.from_status, h.to_status, h.actor, h.reason)
            for h in svc.orders.history(oid)]


def _big_deposit_campaign(svc: Any) -> int:
    """Deposit 30 on a price of 100: 10 above the 20 % that has deposit effect."""
    return int(svc.campaigns.create({
        "name": "Big deposit", "platform": "taobao", "type": "deposit",
        "deposit_window": {"start": "2026-10-20T00:00:00", "end": "2026-10-31T23:59:59"},
        "balance_window": {"start": "2026-11-01T00:00:00", "end": "2026-11-03T23:59:59"},
        "ship": {"mode": "after_payment", "days": 10},
        "items": [{"sku": "BIG-DEP", "price": "100.00", "deposit": "30.00"}]}))


# --------------------------------------------------------------------------- placing

def test_place_order_computes_exact_amounts(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    oid = svc.orders.place(cid, "YRF-001-BLK-M", 2, buyer="b1", at=IN_DEPOSIT)
    o = svc.orders.get(oid)
    assert (o.kind, o.status, o.qty, o.currency) == ("deposit", "awaiting_deposit", 2, "CNY")
    assert (str(o.unit_price), str(o.deposit), str(o.balance), str(o.total)) == (
        "899.00", "100.00", "1458.00", "1558.00")
    assert o.flags == []
    assert o.order_no == f"M{oid:010d}"
    assert (o.platform, o.campaign_id, o.buyer, o.ordered_at) == ("douyin", cid, "b1",
                                                                  IN_DEPOSIT)
    assert o.ship_deadline is None
    assert not o.overdue
    assert _history(svc, oid) == [("create", None, "awaiting_deposit", "test", "")]
    assert _payments(svc, oid) == []


def test_full_payment_order_in_usd(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(TIKTOK))
    oid = svc.orders.place(cid, "XMAS-BOX-01", 3, order_no="TT-1",
                          at=la("2026-11-02T10:00"))
    o = svc.orders.get(oid)
    assert (o.kind, o.status, o.order_no) == ("full", "awaiting_payment", "TT-1")
    assert (o.money("unit_price"), o.money("deposit"), o.money("balance"),
            o.money("total")) == ("39.90", "0.00", "119.70", "119.70")


def test_bad_orders(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    with pytest.raises(InputError):
        svc.orders.place(cid, "YRF-001-BLK-M", 0)
    with pytest.raises(NotFound):
        svc.orders.place(cid, "NOT-IN-IT")
    with pytest.raises(NotFound):
        svc.orders.place(cid + 1, "YRF-001-BLK-M")
    with pytest.raises(NotFound):
        svc.orders.get(1)
    with pytest.raises(NotFound):
        svc.orders.transition(1, "pay_deposit")


def test_breaches_are_flagged_never_refused(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))  # WHT-M cap 60, 2 per buyer
    sku = "YRF-001-WHT-M"
    fill = svc.orders.place(cid, sku, 60, at=IN_DEPOSIT)  # exactly the cap: no flag
    assert svc.orders.get(fill).flags == []
    # the cap counts deposited units: an unpaid order does not use it up
    assert svc.orders.get(svc.orders.place(cid, sku, 1, at=IN_DEPOSIT)).flags == []
    svc.orders.transition(fill, "pay_deposit", at=IN_DEPOSIT)
    over_cap = svc.orders.place(cid, sku, 1, at=IN_DEPOSIT)
    assert svc.orders.get(over_cap).flags == ["over_cap"]
    # the cap is per SKU
    assert svc.orders.get(svc.orders.place(cid, "YRF-001-BLK-M", 1, at=IN_DEPOSIT)).flags == []

    first = svc.orders.place(cid, "YRF-001-BLK-L", 2, buyer="alice", at=IN_DEPOSIT)
    assert svc.orders.get(first).flags == []
    again = svc.orders.place(cid, "YRF-001-BLK-M", 1, buyer="alice", at=IN_DEPOSIT)
    assert svc.orders.get(again).flags == ["over_limit"]  # limit is per campaign, any SKU
    assert svc.orders.get(svc.orders.place(cid, "YRF-001-BLK-L", 2, buyer="bob",
                                         at=IN_DEPOSIT)).flags == []

    late = svc.orders.place(cid, "YRF-001-BLK-L", 1)  # now (22 Nov): window closed
    assert svc.orders.get(late).flags == ["outside_window"]
    early = svc.orders.place(cid, "YRF-001-BLK-L", 1, at=sh("2026-10-19T23:59:59"))
    assert svc.orders.get(early).flags == ["outside_window"]
    edge = svc.orders.place(cid, "YRF-001-BLK-L", 1, at=sh("2026-10-31T23:59:59"))
    assert svc.orders.get(edge).flags == []

    svc.orders.transition(svc.orders.place(cid, sku, 1, at=IN_DEPOSIT), "pay_deposit")
    many = svc.orders.place(cid, sku, 3, buyer="alice", order_no="X-1")
    assert svc.orders.get(many).flags == ["over_cap", "over_limit", "outside_window"]
    # and every one of them was stored as a real order
    assert svc.orders.count() == 12


# --------------------------------------------------------------------------- lifecycle

def test_deposit_order_full_lifecycle(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    oid = svc.orders.place(cid, "YRF-001-BLK-M", 2, buyer="b1", at=IN_DEPOSIT)
    steps = [
        ("pay_deposit", sh("2026-10-21T10:05"), "deposit_paid", ""),
        ("open_balance", sh("2026-11-01T00:00"), "awaiting_balance", "window opened"),
        ("pay_balance", sh("2026-11-02T09:30"), "balance_paid", ""),
        ("ship", sh("2026-11-05T16:00"), "shipped", "wave 3"),
        ("complete", sh("2026-11-12T08:00"), "completed", "signed for"),
    ]
    for event, at, status, reason in steps:
        kw = {"carrier": "中通快递", "tracking_no": "ZT123"} if event == "ship" else {}
        view = svc.orders.transition(oid, event, at=at, reason=reason, **kw)
        assert view.status == status
    o = svc.orders.get(oid)
    assert o.deposit_paid_at == sh("2026-10-21T10:05")
    assert o.paid_at == sh("2026-11-02T09:30")
    # Douyin promises shipping 10 days after the balance is paid
    assert o.ship_deadline == sh("2026-11-12T09:30")
    assert o.shipped_at == sh("2026-11-05T16:00")
    assert (o.carrier, o.tracking_no) == ("中通快递", "ZT123")
    assert not o.overdue
    assert _payments(svc, oid) == [("deposit", "100.00"), ("balance", "1458.00")]
    assert _history(svc, oid) == [
        ("create", None, "awaiting_deposit", "test", ""),
        ("pay_deposit", "awaiting_deposit", "deposit_paid", "test", ""),
        ("open_balance", "deposit_paid", "awaiting_balance", "test", "window opened"),
        ("pay_balance", "awaiting_balance", "balance_paid", "test", ""),
        ("ship", "balance_paid", "shipped", "test", "wave 3"),
        ("complete", "shipped", "completed", "test", "signed for"),
    ]
    assert [h.at for h in svc.orders.history(oid)][1:] == [at for _, at, _, _ in steps]
    out = svc.orders.outcome(oid)
    assert (out.seller_keeps, out.refund_to_buyer) == (D("1558.00"), 0)


def test_unshipped_paid_order_is_overdue_after_its_deadline(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    oid = svc.orders.place(cid, "YRF-001-BLK-M", at=IN_DEPOSIT)
    svc.orders.transition(oid, "pay_deposit", at=IN_DEPOSIT)
    assert not svc.orders.get(oid).overdue  # no deadline before the balance is paid
    svc.orders.transition(oid, "pay_balance", at=sh("2026-11-02T09:30"))  # due 12 Nov
    assert svc.orders.get(oid).overdue  # the service clock says 22 Nov
    svc.orders.transition(oid, "ship")
    assert not svc.orders.get(oid).overdue


def test_fixed_ship_date_is_end_of_day_in_shanghai(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(JD))
    oid = svc.orders.place(cid, "EAR-STAR-01", at=sh("2026-11-06T12:00"))
    view = svc.orders.transition(oid, "pay", at=sh("2026-11-06T12:01"))
    assert view.status == "paid"
    deadline = svc.orders.get(oid).ship_deadline
    assert deadline == datetime(2026, 11, 25, 23, 59, 59, tzinfo=SH)
    assert deadline.astimezone(SH).time() == time(23, 59, 59)
    assert not svc.orders.get(oid).overdue
    assert _payments(svc, oid) == [("full", "19.90")]


def test_after_payment_deadline_for_full_payment(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(TIKTOK))
    oid = svc.orders.place(cid, "XMAS-BOX-01", at=la("2026-11-02T10:00"))
    svc.orders.transition(oid, "pay", at=la("2026-11-02T10:03"))
    assert svc.orders.get(oid).ship_deadline == la("2026-11-02T10:03") + timedelta(days=15)


@pytest.mark.parametrize(("status_events", "event"), [
    ([], "ship"),
    ([], "pay"),  # the full-payment event on a deposit order
    ([], "pay_balance"),
    (["pay_deposit"], "complete"),
    (["pay_deposit", "pay_balance", "ship"], "pay_deposit"),
    (["buyer_cancel"], "pay_deposit"),
    ([], "teleport"),  # not an event at all
])
def test_illegal_transition_changes_nothing(svc: Any, sample: Any, status_events: list[str],
                                            event: str) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    oid = svc.orders.place(cid, "YRF-001-BLK-M", at=IN_DEPOSIT)
    for ev in status_events:
        svc.orders.transition(oid, ev, at=IN_DEPOSIT)
    before = (svc.orders.get(oid), svc.orders.history(oid), svc.orders.payments(oid),
              count(svc, OrderEvent), count(svc, Payment))
    with pytest.raises(IllegalTransition) as info:
        svc.orders.transition(oid, event, reason="should not stick")
    assert info.value.event == event
    assert info.value.status == before[0].status
    assert (svc.orders.get(oid), svc.orders.history(oid), svc.orders.payments(oid),
            count(svc, OrderEvent), count(svc, Payment)) == before


# --------------------------------------------------------------------------- deposit law

def test_seller_cancel_refunds_the_deposit_twice(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    oid = svc.orders.place(cid, "YRF-001-BLK-M", 2, at=IN_DEPOSIT)
    svc.orders.transition(oid, "pay_deposit", at=IN_DEPOSIT)
    view = svc.orders.transition(oid, "seller_cancel", reason="factory cannot supply")
    assert view.status == "cancelled_by_seller"
    # 100 paid, all of it within 20 % of the price: back once as a refund, once as penalty
    assert _payments(svc, oid) == [("deposit", "100.00"), ("refund", "-100.00"),
                                   ("penalty", "-100.00")]
    out = svc.orders.outcome(oid)
    assert (out.seller_keeps, out.refund_to_buyer, out.double_refund_extra) == (
        D("-100.00"), D("200.00"), D("100.00"))
    assert _history(svc, oid)[-1] == ("seller_cancel", "deposit_paid",
                                      "cancelled_by_seller", "test", "factory cannot supply")


def test_seller_cancel_doubles_only_the_legal_part_of_a_big_deposit(svc: Any) -> None:
    cid = _big_deposit_campaign(svc)
    oid = svc.orders.place(cid, "BIG-DEP", 2, at=IN_DEPOSIT)
    svc.orders.transition(oid, "pay_deposit", at=IN_DEPOSIT)
    svc.orders.transition(oid, "seller_cancel")
    # 60 paid; 40 (20 % of 2 x 100) has deposit effect: refund 60, penalty 40
    assert _payments(svc, oid) == [("deposit", "60.00"), ("refund", "-60.00"),
                                   ("penalty", "-40.00")]


def test_seller_cancel_after_the_balance_refunds_everything_plus_penalty(
        svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    oid = svc.orders.place(cid, "YRF-001-BLK-M", at=IN_DEPOSIT)
    svc.orders.transition(oid, "pay_deposit", at=IN_DEPOSIT)
    svc.orders.transition(oid, "pay_balance", at=sh("2026-11-02T10:00"))
    svc.orders.transition(oid, "seller_cancel")
    assert _payments(svc, oid) == [("deposit", "50.00"), ("balance", "729.00"),
                                   ("refund", "-779.00"), ("penalty", "-50.00")]


def test_balance_lapse_forfeits_the_deposit(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    oid = svc.orders.place(cid, "YRF-001-BLK-M", 2, at=IN_DEPOSIT)
    svc.orders.transition(oid, "pay_deposit", at=IN_DEPOSIT)
    svc.orders.transition(oid, "open_balance", at=sh("2026-11-01T00:00"))
    view = svc.orders.transition(oid, "balance_lapse", at=sh("2026-11-04T00:00"))
    assert view.status == "balance_unpaid"
    assert _payments(svc, oid) == [("deposit", "100.00")]  # no refund
    out = svc.orders.outcome(oid)
    assert (out.seller_keeps, out.forfeited_deposit, out.refund_to_buyer) == (
        D("100.00"), D("100.00"), 0)
    assert svc.orders.get(oid).ship_deadline is None


def test_balance_lapse_refunds_the_deposit_above_twenty_percent(svc: Any) -> None:
    cid = _big_deposit_campaign(svc)
    oid = svc.orders.place(cid, "BIG-DEP", 1, at=IN_DEPOSIT)
    svc.orders.transition(oid, "pay_deposit", at=IN_DEPOSIT)
    svc.orders.transition(oid, "balance_lapse")
    assert _payments(svc, oid) == [("deposit", "30.00"), ("refund", "-10.00")]
    out = svc.orders.outcome(oid)
    assert (out.forfeited_deposit, out.refund_to_buyer) == (D("20.00"), D("10.00"))


def test_buyer_cancel_before_the_deposit_moves_no_money(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    oid = svc.orders.place(cid, "YRF-001-BLK-M", at=IN_DEPOSIT)
    svc.orders.transition(oid, "buyer_cancel")
    assert _payments(svc, oid) == []


def test_refund_after_balance_keeps_the_deposit_unless_seller_fault(
        svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    ids = []
    for _ in range(2):
        oid = svc.orders.place(cid, "YRF-001-BLK-M", at=IN_DEPOSIT)
        svc.orders.transition(oid, "pay_deposit", at=IN_DEPOSIT)
        svc.orders.transition(oid, "pay_balance", at=sh("2026-11-02T10:00"))
        ids.append(oid)
    svc.orders.transition(ids[0], "refund")
    svc.orders.transition(ids[1], "refund", seller_fault=True)
    assert _payments(svc, ids[0])[-1] == ("refund", "-729.00")
    assert _payments(svc, ids[1])[-1] == ("refund", "-779.00")


def test_full_payment_cancel_refunds_in_full(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(TIKTOK))
    oid = svc.orders.place(cid, "XMAS-BOX-01", 2, at=la("2026-11-02T10:00"))
    svc.orders.transition(oid, "pay")
    svc.orders.transition(oid, "seller_cancel")
    assert _payments(svc, oid) == [("full", "79.80"), ("refund", "-79.80")]


# --------------------------------------------------------------------------- tiers

def test_pay_balance_reprices_at_the_tier_reached(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(TAOBAO))
    early = svc.orders.place(cid, "ICE-200-WHT", 1, buyer="early", at=IN_DEPOSIT)
    o = svc.orders.get(early)
    assert (o.money("unit_price"), o.money("deposit"), o.money("balance"),
            o.money("total")) == ("299.00", "30.00", "239.00", "269.00")
    svc.orders.transition(early, "pay_deposit", at=IN_DEPOSIT)
    crowd = svc.orders.place(cid, "ICE-200-WHT", 99, at=IN_DEPOSIT)
    assert svc.orders.get(crowd).money("unit_price") == "299.00"  # 1 unit deposited so far
    unpaid = svc.orders.place(cid, "ICE-200-WHT", 500, at=IN_DEPOSIT)  # never deposited
    svc.orders.transition(crowd, "pay_deposit", at=IN_DEPOSIT)  # 100 units deposited
    svc.orders.transition(unpaid, "buyer_cancel")

    svc.orders.transition(early, "pay_balance", at=sh("2026-11-11T10:00"))
    o = svc.orders.get(early)
    assert (o.money("unit_price"), o.money("deposit"), o.money("balance"),
            o.money("total")) == ("279.00", "30.00", "219.00", "249.00")
    assert _payments(svc, early) == [("deposit", "30.00"), ("balance", "219.00")]
    svc.orders.transition(crowd, "pay_balance", at=sh("2026-11-11T10:00"))
    c = svc.orders.get(crowd)
    assert (c.money("unit_price"), c.money("balance"), c.money("total")) == (
        "279.00", "21681.00", "24651.00")
    # seven days after the balance payment
    assert o.ship_deadline == sh("2026-11-18T10:00")
