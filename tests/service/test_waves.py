"""Waves through the service: choosing orders, packing scans, shipping, ship sheets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from wave_shop import build_shop, order_no

from presale_engine.errors import Conflict, InputError, NotFound
from presale_engine.service import WaveFilter
from presale_engine.store.models import Audit, Order, StockMove

from .conftest import count


def _parcel_nos(svc: Any, wave_id: int) -> list[str]:
    return [p.order_no for p in svc.waves.parcels(wave_id)]


def test_a_wave_takes_ready_orders_most_urgent_first_up_to_the_cap(svc: Any) -> None:
    shop = build_shop(svc, 6)
    w = svc.waves.create(max_orders=4, carrier="SF")
    assert (w.status, w.orders, w.lines, w.packed, w.carrier) == ("open", 4, 4, 0, "SF")
    # the last placed was paid first: its deadline is the earliest
    assert _parcel_nos(svc, w.id) == [order_no(i) for i in (5, 4, 3, 2)]
    assert w.units == sum(1 + i % 3 for i in (5, 4, 3, 2))
    assert w.filters == {"max": 4}
    # the rest go to the next wave; none is in two open waves
    w2 = svc.waves.create()
    assert _parcel_nos(svc, w2.id) == [order_no(1), order_no(0)]
    with pytest.raises(Conflict) as e:
        svc.waves.create()
    assert e.value.code == "wave_no_orders"
    assert [x.id for x in svc.waves.all()] == [w2.id, w.id]
    assert count(svc, Audit) > 0
    assert shop["campaign"] > 0


def test_filters_by_sku_campaign_platform_and_deadline(svc: Any) -> None:
    shop = build_shop(svc, 6)
    w = svc.waves.create(WaveFilter(sku="LONG-CN"))
    assert _parcel_nos(svc, w.id) == [order_no(4), order_no(1)]
    assert svc.waves.create(WaveFilter(campaign_id=shop["campaign"], platform="douyin"),
                            max_orders=1).orders == 1
    with pytest.raises(Conflict):
        svc.waves.create(WaveFilter(platform="jd"))
    # deadlines are 10 days after payment (2026-11-20, before NOW): overdue, so not
    # "due within 1 hour", but "due by" today
    with pytest.raises(Conflict):
        svc.waves.create(WaveFilter(due_within_hours=1))
    assert svc.waves.create(WaveFilter(due_by=svc.now())).orders == 3
    with pytest.raises(InputError):
        svc.waves.create(max_orders=0)


def test_only_paid_unshipped_orders_join(svc: Any) -> None:
    shop = build_shop(svc, 3)
    svc.orders.transition(shop["ids"][0], "ship", carrier="SF", tracking_no="SF100200300")
    svc.orders.transition(shop["ids"][1], "refund")
    w = svc.waves.create()
    assert _parcel_nos(svc, w.id) == [order_no(2)]


def test_a_platform_order_of_several_lines_is_never_split(svc: Any) -> None:
    shop = build_shop(svc, 3)
    with svc.db.session() as s:  # lines 0 and 1 are two sub-orders of one platform order
        s.execute(update(Order).where(Order.id == shop["ids"][0]).values(
            order_no="6900000000000000777", sub_order_no="1"))
        s.execute(update(Order).where(Order.id == shop["ids"][1]).values(
            order_no="6900000000000000777", sub_order_no="2"))
    w = svc.waves.create(WaveFilter(sku="GIFT-BOX"))  # only line 0 has it
    parcels = svc.waves.parcels(w.id)
    assert [(p.order_no, sorted(x.sku for x in p.lines)) for p in parcels] == [
        ("6900000000000000777", ["GIFT-BOX", "LONG-CN"])]
    assert (w.orders, w.lines) == (1, 2)


def test_scanning_packs_fills_tracking_and_shows_the_next(svc: Any) -> None:
    build_shop(svc, 3)
    w = svc.waves.create(carrier="SF")
    first, second, third = _parcel_nos(svc, w.id)
    r = svc.waves.scan(w.id, f" {second} ")
    assert (r.kind, r.parcel.order_no, r.packed, r.total, r.next.order_no) == (
        "packed", second, 1, 3, first)
    assert r.text("zh") == f"已打包：{second}"
    assert svc.waves.scan(w.id, second).kind == "already_packed"
    r = svc.waves.scan(w.id, "SF1234567890", current=second)
    assert (r.kind, r.parcel.tracking_no) == ("tracking", "SF1234567890")
    o = svc.orders.get(r.parcel.order_ids[0])
    assert (o.tracking_no, o.carrier, o.status) == ("SF1234567890", "SF", "paid")
    assert svc.waves.scan(w.id, "SF999999999").kind == "no_current"
    assert svc.waves.scan(w.id, "bad code!", current=first).kind == "bad_tracking"
    assert svc.waves.scan(w.id, f"WAVE-{w.id}").kind == "wave"
    assert svc.waves.scan(w.id, "").kind == "empty"
    for no in (first, third):
        r = svc.waves.scan(w.id, no)
    assert (r.kind, r.next, r.packed) == ("packed", None, 3)
    assert svc.waves.get(w.id).done
    assert svc.waves.unpack(w.id, third).packed == 2
    with pytest.raises(NotFound):
        svc.waves.unpack(w.id, "nope")


def test_a_scan_of_another_waves_order_changes_nothing(svc: Any) -> None:
    build_shop(svc, 2)
    w1 = svc.waves.create(max_orders=1)
    w2 = svc.waves.create()
    other = _parcel_nos(svc, w2.id)[0]
    r = svc.waves.scan(w1.id, other, current=_parcel_nos(svc, w1.id)[0])
    assert (r.kind, r.ok) == ("not_in_wave", False)
    assert svc.waves.get(w1.id).packed == 0


def test_ship_marks_packed_orders_shipped_and_lets_the_rest_go(svc: Any,
                                                               tmp_path: Path) -> None:
    shop = build_shop(svc, 4)
    w = svc.waves.create(carrier="SF")
    nos = _parcel_nos(svc, w.id)
    for i, no in enumerate(nos[:3]):
        svc.waves.scan(w.id, no)
        if i < 2:
            svc.waves.scan(w.id, f"SF10000000{i}", current=no)
    # one packed order is refunded meanwhile: the state machine refuses to ship it
    refunded = svc.waves.parcels(w.id)[2].order_ids[0]
    svc.orders.transition(refunded, "refund")
    moves = count(svc, StockMove)
    res = svc.waves.ship(w.id, carrier="顺丰")
    assert (res.shipped, res.released, res.missing_tracking) == (2, 1, 0)
    assert [(r.order_no, r.reason) for r in res.refused] == [(nos[2], "already_closed")]
    assert res.platforms == ["douyin"]
    view = svc.waves.get(w.id)
    assert (view.status, view.carrier, view.orders) == ("shipped", "顺丰", 3)
    assert view.shipped_at is not None
    for oid in res.order_ids:
        o = svc.orders.get(oid)
        assert (o.status, o.carrier) == ("shipped", "顺丰")
        assert o.tracking_no.startswith("SF10000000")
    assert count(svc, StockMove) == moves + 2
    # the unpacked order is free for the next wave
    assert _parcel_nos(svc, svc.waves.create().id) == [nos[3]]
    with pytest.raises(Conflict) as e:
        svc.waves.scan(w.id, nos[0])
    assert e.value.code == "wave_not_open"
    # the platform's bulk-shipping sheet lists the shipped parcels with tracking numbers
    reports = svc.waves.ship_sheets(w.id, tmp_path / "ship.xlsx")
    assert [r.rows for r in reports] == [2]
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "ship.xlsx", read_only=True)
    try:  # read-only workbooks keep the file open until closed
        cells = {str(c) for row in wb.active.iter_rows(values_only=True) for c in row if c}
    finally:
        wb.close()
    assert {nos[0], nos[1], "SF100000000", "SF100000001"} <= cells
    assert nos[2] not in cells
    assert shop["ids"]


def test_ship_needs_something_packed_and_cancel_frees_the_orders(svc: Any) -> None:
    build_shop(svc, 2)
    w = svc.waves.create()
    with pytest.raises(Conflict) as e:
        svc.waves.ship(w.id)
    assert e.value.code == "wave_nothing_packed"
    with pytest.raises(Conflict):
        svc.waves.ship_sheets(w.id, "x.xlsx")
    assert svc.waves.cancel(w.id).status == "cancelled"
    assert svc.waves.create().orders == 2
    with pytest.raises(NotFound) as nf:
        svc.waves.get(999)
    assert nf.value.code == "wave_not_found"


def test_every_wave_change_leaves_an_audit_row(svc: Any) -> None:
    build_shop(svc, 1)
    w = svc.waves.create()
    no = _parcel_nos(svc, w.id)[0]
    svc.waves.scan(w.id, no)
    svc.waves.scan(w.id, "YT0000000001", current=no)
    svc.waves.ship(w.id)
    with svc.db.session() as s:
        actions = [a for (a,) in s.execute(select(Audit.action).where(
            Audit.entity == "wave").order_by(Audit.id))]
    assert actions == ["wave.create", "wave.pack", "wave.tracking", "wave.ship"]
