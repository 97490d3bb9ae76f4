"""Stock through the service: reservations, shipping, the overview, supply, allocation."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from presale_engine.errors import InputError, NotFound

from .conftest import DOUYIN, JD, TAOBAO, TIKTOK, la, sh

IN_SALE = sh("2026-11-06T12:00")  # inside the JD sale window
IN_DEPOSIT = sh("2026-10-21T10:00")


def _row(svc: Any, sku: str) -> tuple[int, int, int, int, int]:
    [r] = [r for r in svc.stock.overview() if r.sku == sku]
    return (r.on_hand, r.reserved, r.committed, r.incoming, r.available)


def _paid_jd_order(svc: Any, cid: int, qty: int) -> int:
    oid = svc.orders.place(cid, "EAR-STAR-01", qty, at=IN_SALE)
    svc.orders.transition(oid, "pay", at=IN_SALE)
    return int(oid)


def test_reserve_stock_campaign_reserves_at_payment_when_stock_is_free(
        svc: Any, sample: Any) -> None:
    svc.stock.add_product("EAR-STAR-01", "Earrings", on_hand=5)
    cid = svc.campaigns.create(sample(JD))  # reservation: reserve_stock
    first = svc.orders.place(cid, "EAR-STAR-01", 3, at=IN_SALE)
    assert svc.orders.get(first).reserved == 0  # not before payment
    svc.orders.transition(first, "pay", at=IN_SALE)
    assert svc.orders.get(first).reserved == 3
    second = _paid_jd_order(svc, cid, 3)  # only 2 free: sold against incoming stock
    assert svc.orders.get(second).reserved == 0
    third = _paid_jd_order(svc, cid, 2)
    assert svc.orders.get(third).reserved == 2
    assert _row(svc, "EAR-STAR-01") == (5, 5, 3, 0, -3)


def test_no_reserve_campaign_only_commits(svc: Any, sample: Any) -> None:
    svc.stock.add_product("YRF-001-BLK-M", "Jacket", on_hand=10)
    cid = svc.campaigns.create(sample(DOUYIN))  # reservation: no_reserve
    oid = svc.orders.place(cid, "YRF-001-BLK-M", 2, at=IN_DEPOSIT)
    svc.orders.transition(oid, "pay_deposit", at=IN_DEPOSIT)
    assert svc.orders.get(oid).reserved == 0
    assert _row(svc, "YRF-001-BLK-M") == (10, 0, 2, 0, 8)


def test_deposit_campaign_reserves_at_the_deposit(svc: Any, sample: Any) -> None:
    svc.stock.add_product("ICE-200-WHT", "Ice machine", on_hand=4)
    cid = svc.campaigns.create(sample(TAOBAO))
    oid = svc.orders.place(cid, "ICE-200-WHT", 2, at=IN_DEPOSIT)
    svc.orders.transition(oid, "pay_deposit", at=IN_DEPOSIT)
    assert svc.orders.get(oid).reserved == 2
    # the reservation is kept through the balance and released when the order closes
    svc.orders.transition(oid, "pay_balance", at=sh("2026-11-11T09:00"))
    assert svc.orders.get(oid).reserved == 2
    svc.orders.transition(oid, "seller_cancel")
    assert svc.orders.get(oid).reserved == 0
    assert _row(svc, "ICE-200-WHT") == (4, 0, 0, 0, 4)


def test_ship_takes_stock_off_hand_with_a_ledger_row(svc: Any, sample: Any) -> None:
    svc.stock.add_product("EAR-STAR-01", "Earrings", on_hand=5)
    cid = svc.campaigns.create(sample(JD))
    oid = _paid_jd_order(svc, cid, 3)
    order_no = svc.orders.get(oid).order_no
    svc.orders.transition(oid, "ship", at=sh("2026-11-20T10:00"), carrier="京东物流",
                         tracking_no="JD0001")
    assert svc.orders.get(oid).reserved == 0
    assert _row(svc, "EAR-STAR-01") == (2, 0, 0, 0, 2)
    assert svc.stock.moves("EAR-STAR-01")[-1] == (sh("2026-11-20T10:00"), -3, "ship",
                                                  f"jd:{order_no}")
    # a return after shipping puts the units back
    svc.orders.transition(oid, "return", at=sh("2026-11-21T10:00"))
    assert svc.stock.moves("EAR-STAR-01")[-1][1:3] == (3, "return")
    assert _row(svc, "EAR-STAR-01")[0] == 5


def test_stock_overview_for_a_known_scenario(svc: Any, sample: Any) -> None:
    svc.stock.add_product("EAR-STAR-01", "Earrings", on_hand=10, location="C-05")
    svc.stock.add_product("YRF-001-BLK-M", "Jacket")
    svc.stock.add_product("SPARE", "Nothing sold")
    jd = svc.campaigns.create(sample(JD))
    _paid_jd_order(svc, jd, 3)  # reserved 3
    _paid_jd_order(svc, jd, 4)  # reserved 4 (7 of 10)
    _paid_jd_order(svc, jd, 5)  # only 3 free: committed
    svc.orders.place(jd, "EAR-STAR-01", 6, at=IN_SALE)  # unpaid: no demand
    shipped = _paid_jd_order(svc, jd, 1)  # 1 more committed, then shipped
    svc.orders.transition(shipped, "ship")
    dy = svc.campaigns.create(sample(DOUYIN))
    for qty, events in ((2, ["pay_deposit"]), (1, ["pay_deposit", "open_balance"]),
                        (4, []), (3, ["pay_deposit", "balance_lapse"])):
        oid = svc.orders.place(dy, "YRF-001-BLK-M", qty, at=IN_DEPOSIT)
        for ev in events:
            svc.orders.transition(oid, ev, at=IN_DEPOSIT)
    batch = svc.stock.add_supply("EAR-STAR-01", 20, date(2026, 12, 1), supplier="Factory")
    svc.stock.add_supply("YRF-001-BLK-M", 5, date(2026, 12, 5))

    rows = {r.sku: r for r in svc.stock.overview()}
    assert list(rows) == ["EAR-STAR-01", "SPARE", "YRF-001-BLK-M"]  # by SKU
    assert rows["EAR-STAR-01"].location == "C-05"
    # on hand 10 - 1 shipped; reserved 3 + 4; committed 5; incoming 20
    assert _row(svc, "EAR-STAR-01") == (9, 7, 5, 20, 17)
    # deposits paid (2) and awaiting balance (1) are demand; unpaid and lapsed are not
    assert _row(svc, "YRF-001-BLK-M") == (0, 0, 3, 5, 2)
    assert _row(svc, "SPARE") == (0, 0, 0, 0, 0)

    part = svc.stock.receive_supply(batch.id, 8)
    assert (part.received, part.qty) == (8, 20)
    assert _row(svc, "EAR-STAR-01") == (17, 7, 5, 12, 17)  # received moves to on hand
    rest = svc.stock.receive_supply(batch.id)
    assert rest.received == 20
    assert _row(svc, "EAR-STAR-01") == (29, 7, 5, 0, 17)
    assert [m[1:] for m in svc.stock.moves("EAR-STAR-01")[-2:]] == [
        (8, "receive", f"batch:{batch.id}"), (12, "receive", f"batch:{batch.id}")]


def test_supply_batches(svc: Any) -> None:
    svc.stock.add_product("SKU-1", "Thing")
    late = svc.stock.add_supply("SKU-1", 10, date(2026, 12, 10), supplier="B", note="second run")
    early = svc.stock.add_supply("SKU-1", 5, date(2026, 12, 1), supplier="A")
    assert [(b.id, b.qty, b.received, b.expected, b.supplier) for b in svc.stock.supply()] == [
        (early.id, 5, 0, date(2026, 12, 1), "A"), (late.id, 10, 0, date(2026, 12, 10), "B")]
    assert svc.stock.supply()[1].note == "second run"
    with pytest.raises(InputError):
        svc.stock.add_supply("SKU-1", 0, date(2026, 12, 1))
    with pytest.raises(NotFound):
        svc.stock.add_supply("NOPE", 1, date(2026, 12, 1))
    with pytest.raises(InputError, match="5 units"):
        svc.stock.receive_supply(early.id, 6)
    svc.stock.receive_supply(early.id)
    with pytest.raises(InputError, match="0 units"):
        svc.stock.receive_supply(early.id)
    with pytest.raises(NotFound):
        svc.stock.receive_supply(999)
    assert svc.stock.products()[0].on_hand == 5


def test_allocate_names_short_and_late_orders_by_priority(svc: Any, sample: Any) -> None:
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=2)
    cid = svc.campaigns.create(sample(TIKTOK))  # no_reserve, ships 15 days after payment

    def paid(qty: int, at: str) -> int:
        oid = svc.orders.place(cid, "XMAS-BOX-01", qty, at=la(at))
        svc.orders.transition(oid, "pay", at=la(at))
        return int(oid)

    last = paid(2, "2026-11-10T10:00")  # due 25 Nov: placed first, served last
    first = paid(2, "2026-11-02T10:00")  # due 17 Nov
    middle = paid(1, "2026-11-05T10:00")  # due 20 Nov
    batch = svc.stock.add_supply("XMAS-BOX-01", 2, date(2026, 11, 21))

    result = svc.stock.allocate()
    by_order: dict[int, list[tuple[str, int, int | None]]] = {}
    for a in result.allocations:
        by_order.setdefault(a.order_id, []).append((a.source, a.qty, a.batch_id))
    assert by_order == {first: [("stock", 2, None)], middle: [("batch", 1, batch.id)]}
    assert [(s.order_id, s.qty_short, s.late, s.available_on) for s in result.short] == [
        (middle, 0, True, date(2026, 11, 21)),  # covered, but the batch comes too late
        (last, 1, False, None),  # 1 unit left of the batch for 2 ordered
    ]
    assert result.short_order_ids == [middle, last]
    # without apply nothing is reserved
    assert [svc.orders.get(o).reserved for o in (first, middle, last)] == [0, 0, 0]

    svc.stock.allocate(apply=True)
    assert [svc.orders.get(o).reserved for o in (first, middle, last)] == [2, 0, 0]
    assert svc.stock.overview()[0].reserved == 2
    assert svc.shop.audit_log(1)[0]["action"] == "stock.allocate"
    assert svc.shop.audit_log(1)[0]["detail"] == {"short": 2}


def test_allocate_apply_moves_a_reservation_to_the_more_urgent_order(
        svc: Any, sample: Any) -> None:
    svc.stock.add_product("ICE-200-WHT", "Ice machine", on_hand=3)
    cid = svc.campaigns.create(sample(TAOBAO))  # reserve_stock at the deposit
    holder = svc.orders.place(cid, "ICE-200-WHT", 3, at=IN_DEPOSIT)
    svc.orders.transition(holder, "pay_deposit", at=IN_DEPOSIT)
    urgent = svc.orders.place(cid, "ICE-200-WHT", 3, at=IN_DEPOSIT)
    svc.orders.transition(urgent, "pay_deposit", at=IN_DEPOSIT)
    assert [svc.orders.get(o).reserved for o in (holder, urgent)] == [3, 0]
    # the second buyer pays the balance first: its order now has a ship deadline
    svc.orders.transition(urgent, "pay_balance", at=sh("2026-11-11T08:00"))
    result = svc.stock.allocate(apply=True)
    assert [s.order_id for s in result.short] == [holder]
    assert [svc.orders.get(o).reserved for o in (holder, urgent)] == [0, 3]
    assert svc.stock.overview()[0].reserved == 3
