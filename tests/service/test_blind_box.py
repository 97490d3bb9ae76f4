"""Blind-box presales (issue 12, seed 000): the box's pool in the definition, stock
planning counting the pool, and each box drawn once at packing (seeded: the same order
draws the same SKU on every machine), shown on the pick list and the slip."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from presale_engine.blind_box import PoolEntry, draw, draw_order
from presale_engine.errors import CampaignInvalid
from presale_engine.store.models import Order

from .conftest import TIKTOK, la

POOL = {"pool": [{"sku": "XMAS-BOX-01", "weight": 3}, {"sku": "XMAS-BOX-02", "weight": 1}]}


def box_campaign(svc: Any, sample: Any) -> int:
    d = sample(TIKTOK)
    d["items"].append({"sku": "XMAS-MYSTERY", "price": "29.90", "blind_box": POOL})
    return int(svc.campaigns.create(d))


@pytest.fixture
def shop(svc: Any) -> Any:
    svc.clock = lambda: la("2026-11-10T10:00")
    svc.stock.add_product("XMAS-BOX-01", "Gift box red", on_hand=100, location="A-01")
    svc.stock.add_product("XMAS-BOX-02", "Gift box gold", on_hand=100, location="A-02")
    return svc


def test_the_draw_is_weighted_and_reproducible() -> None:
    pool = [PoolEntry("A", Decimal(3)), PoolEntry("B", Decimal(1))]
    draws = Counter(draw(pool, f"seed-{i}") for i in range(4000))
    assert 0.72 < draws["A"] / 4000 < 0.78  # 3 : 1
    assert draw_order(pool, 7, "N1", "L1", 3) == draw_order(pool, 7, "N1", "L1", 3)
    assert len(draw_order(pool, 7, "N1", "L1", 3)) == 3


def test_the_pool_is_part_of_the_definition(shop: Any, sample: Any) -> None:
    cid = box_campaign(shop, sample)
    item = next(i for i in shop.campaigns.definition(cid)["items"]
                if i["sku"] == "XMAS-MYSTERY")
    assert item["blind_box"] == {"pool": [{"sku": "XMAS-BOX-01", "weight": "3"},
                                          {"sku": "XMAS-BOX-02", "weight": "1"}]}
    bad = sample(TIKTOK)
    bad["items"].append({"sku": "XMAS-MYSTERY", "price": "29.90",
                         "blind_box": {"pool": [{"sku": "NOPE", "weight": 1},
                                                {"sku": "XMAS-BOX-01", "weight": 0}]}})
    with pytest.raises(CampaignInvalid) as e:
        shop.campaigns.create(bad)
    codes = {i.code for i in e.value.result.errors}
    assert codes >= {"blind_box_weight"}


def test_stock_counts_the_pool_and_packing_draws_each_box_once(
        shop: Any, sample: Any, tmp_path: Any) -> None:
    cid = box_campaign(shop, sample)
    paid = la("2026-11-10T10:00")
    ids = []
    for i in range(8):
        oid = shop.orders.place(cid, "XMAS-MYSTERY", buyer=f"b{i}", at=paid,
                                order_no=f"BOX{i:03d}")
        shop.orders.transition(oid, "pay", at=paid)
        ids.append(oid)
    pos = {p.sku: p for p in shop.stock.positions()}
    # 8 boxes not drawn yet: 8 x 3/4 = 6 red, 8 x 1/4 = 2 gold expected
    assert (pos["XMAS-BOX-01"].blind_box_expected, pos["XMAS-BOX-02"].blind_box_expected) \
        == (6, 2)
    assert pos["XMAS-BOX-01"].available == 100 - 6
    wave = shop.waves.create()
    with shop.db.session() as s:
        got = dict(s.execute(select(Order.order_no, Order.drawn)
                             .where(Order.id.in_(ids))).all())
    assert all(v in ("XMAS-BOX-01", "XMAS-BOX-02") for v in got.values())
    pool = [PoolEntry("XMAS-BOX-01", Decimal(3)), PoolEntry("XMAS-BOX-02", Decimal(1))]
    with shop.db.session() as s:
        subs = dict(s.execute(select(Order.order_no, Order.sub_order_no)
                              .where(Order.id.in_(ids))).all())
    assert got == {no: draw_order(pool, cid, no, subs[no], 1)[0] for no in got}
    # the stock position now counts what was drawn, exactly
    pos = {p.sku: p for p in shop.stock.positions()}
    n_red = sum(v == "XMAS-BOX-01" for v in got.values())
    assert pos["XMAS-BOX-01"].blind_box_expected == n_red
    # the pick list asks for the drawn SKUs, not the box
    with shop.db.session() as s:
        picks = {p.sku: p.qty for p in shop.printing._pick_lines(s, wave.id)}
    assert "XMAS-MYSTERY" not in picks
    assert picks == {sku: n for sku, n in Counter(got.values()).items()}
    with shop.db.session() as s:
        tz = shop.printing._tz(s)
        slips = {o.order_no: o.lines[0].sku
                 for o in shop.printing._slip_orders(s, wave.id, tz, "en")}
    assert slips["BOX000"] == f"XMAS-MYSTERY → {got['BOX000']}"
    # a second wave (or a reprint) never draws again
    with shop.db.session() as s:
        from presale_engine.service.waves import draw_blind_boxes

        assert draw_blind_boxes(s, ids) == 0
