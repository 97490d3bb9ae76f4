"""Listing and counting orders: every filter, and the count agreeing with the list."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from presale_engine.service import OrderFilter

from .conftest import DOUYIN, JD, TIKTOK, la, sh


@pytest.fixture
def orders(svc: Any, sample: Any) -> dict[str, int]:
    """Orders in known states; the service clock says 2026-11-22 12:00 Shanghai."""
    dy = svc.campaigns.create(sample(DOUYIN))
    jd = svc.campaigns.create(sample(JD))
    tt = svc.campaigns.create(sample(TIKTOK))
    ids: dict[str, int] = {}

    def order(name: str, cid: int, sku: str, at: Any, events: list[str], **kw: Any) -> None:
        oid = svc.orders.place(cid, sku, at=at, **kw)
        for ev in events:
            when = sh("2026-11-02T09:30") if ev == "pay_balance" else at
            svc.orders.transition(oid, ev, at=when)
        ids[name] = oid

    at = sh("2026-10-21T10:00")
    # due 12 Nov 09:30 +08: overdue
    order("dy_overdue", dy, "YRF-001-BLK-M", at, ["pay_deposit", "pay_balance"],
          buyer="zhang_san", order_no="DY-100")
    order("dy_deposit", dy, "YRF-001-BLK-L", at, ["pay_deposit"], buyer="li_si",
          order_no="DY-200")
    order("dy_shipped", dy, "YRF-001-BLK-M", at, ["pay_deposit", "pay_balance", "ship"],
          order_no="DY-300")
    # fixed date 25 Nov 23:59:59 +08 = 83.99 h after now
    order("jd_paid", jd, "EAR-STAR-01", sh("2026-11-06T12:00"), ["pay"], order_no="JD-1")
    order("jd_unpaid", jd, "EAR-STAR-01", sh("2026-11-06T12:00"), [], order_no="JD-2")
    # paid 10 Nov 10:00 LA + 15 days = 25 Nov 18:00 UTC = 86 h after now
    order("tt_paid", tt, "XMAS-BOX-01", la("2026-11-10T10:00"), ["pay"],
          buyer="zhang_wei", order_no="TT_1")
    return ids | {"dy": dy, "jd": jd, "tt": tt}


CASES: list[tuple[dict[str, Any], list[str]]] = [
    # the two Douyin orders share a deadline (12 Nov): by id
    ({}, ["dy_overdue", "dy_shipped", "jd_paid", "tt_paid", "dy_deposit", "jd_unpaid"]),
    ({"statuses": ["paid"]}, ["jd_paid", "tt_paid"]),
    ({"statuses": ["paid", "balance_paid"]}, ["dy_overdue", "jd_paid", "tt_paid"]),
    ({"statuses": ["awaiting_payment"]}, ["jd_unpaid"]),
    ({"overdue": True}, ["dy_overdue"]),
    # only orders owed a shipment are overdue or due, whatever the status filter says
    ({"overdue": True, "statuses": ["deposit_paid", "shipped"]}, []),
    ({"due_within_hours": 48}, []),
    ({"due_within_hours": 84}, ["jd_paid"]),
    ({"due_within_hours": 90}, ["jd_paid", "tt_paid"]),
    ({"due_within_hours": 90, "statuses": ["paid"], "platform": "tiktok"}, ["tt_paid"]),
    ({"sku": "EAR-STAR-01"}, ["jd_paid", "jd_unpaid"]),
    ({"sku": "YRF-001-BLK-M", "statuses": ["shipped"]}, ["dy_shipped"]),
    ({"platform": "douyin"}, ["dy_overdue", "dy_shipped", "dy_deposit"]),
    ({"kind": "full"}, ["jd_paid", "tt_paid", "jd_unpaid"]),
    ({"search": "DY-"}, ["dy_overdue", "dy_shipped", "dy_deposit"]),
    ({"search": "zhang"}, ["dy_overdue", "tt_paid"]),
    ({"search": "TT_"}, ["tt_paid"]),  # "_" is a literal, not a LIKE wildcard
    ({"search": "T%"}, []),
    ({"sku": "NOPE"}, []),
]


def test_filters_and_counts_agree(svc: Any, orders: dict[str, int]) -> None:
    # one database for all cases: building it per case would double the suite's time
    names = {v: k for k, v in orders.items() if k not in ("dy", "jd", "tt")}
    for kwargs, expected in CASES:
        f = OrderFilter(**kwargs)
        got = [names[o.id] for o in svc.orders.find(f)]
        # earliest ship deadline first; orders without one last, by id
        assert got == expected, kwargs
        assert svc.orders.count(f) == len(expected), kwargs


def test_campaign_filter(svc: Any, orders: dict[str, int]) -> None:
    for key, names in (("dy", ["dy_overdue", "dy_shipped", "dy_deposit"]),
                       ("jd", ["jd_paid", "jd_unpaid"]), ("tt", ["tt_paid"])):
        f = OrderFilter(campaign_id=orders[key])
        assert [o.id for o in svc.orders.find(f)] == [orders[n] for n in names]
        assert svc.orders.count(f) == len(names)
    assert svc.orders.count(OrderFilter(campaign_id=orders["tt"] + 1)) == 0


def test_overdue_flag_matches_the_filter(svc: Any, orders: dict[str, int]) -> None:
    flagged = {o.id for o in svc.orders.find() if o.overdue}
    assert flagged == {o.id for o in svc.orders.find(OrderFilter(overdue=True))}
    assert flagged == {orders["dy_overdue"]}


def test_limit_and_offset_page_through_the_same_order(svc: Any,
                                                      orders: dict[str, int]) -> None:
    everything = [o.id for o in svc.orders.find(limit=None)]
    pages = [o.id for off in range(0, 6, 4) for o in svc.orders.find(limit=4, offset=off)]
    assert pages == everything
    assert len(svc.orders.find(limit=4)) == 4
    assert svc.orders.count() == 6


def test_count_follows_the_clock(svc: Any, orders: dict[str, int]) -> None:
    f = OrderFilter(overdue=True)
    assert svc.orders.count(f) == 1
    svc.clock = lambda: sh("2026-11-26T03:00")  # after the JD date and the TikTok deadline
    assert svc.orders.count(f) == 3
    assert {o.id for o in svc.orders.find(f)} == {
        orders["dy_overdue"], orders["jd_paid"], orders["tt_paid"]}
    assert svc.orders.count(replace(f, statuses=["paid"])) == 2
