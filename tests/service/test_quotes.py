"""Quoting through the service: the worked example, quantities, volume tiers."""

from __future__ import annotations

from typing import Any

import pytest

from presale_engine.errors import InputError, NotFound

from .conftest import DOUYIN, TAOBAO, TIKTOK, sh


def test_worked_example(svc: Any, sample: Any) -> None:
    """D = 50, W = 150, R = 20, P = 899: balance 729.00, total 779.00."""
    cid = svc.campaigns.create(sample(DOUYIN))
    q = svc.campaigns.quote(cid, "YRF-001-BLK-M").as_dict()
    assert q == {
        "currency": "CNY", "unit_price": "899.00", "deposit": "50.00",
        "deposit_value": "150.00", "balance_discount": "20.00", "balance": "729.00",
        "total": "779.00", "effective_discount": "0.1335", "legal_deposit_cap": "179.80",
        "deposit_excess": "0.00", "balance_clamped": False}


def test_quantity_three(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    q = svc.campaigns.quote(cid, "YRF-001-BLK-L", qty=3).as_dict(with_order=True)
    assert (q["qty"], q["order_deposit"], q["order_balance"], q["order_total"]) == (
        3, "150.00", "2187.00", "2337.00")
    assert q["total"] == "779.00"


TIERS = [  # units sold, P, balance (P - 60), total (30 + balance), 20 % of P
    (0, "299.00", "239.00", "269.00", "59.80"),
    (99, "299.00", "239.00", "269.00", "59.80"),
    (100, "279.00", "219.00", "249.00", "55.80"),
    (299, "279.00", "219.00", "249.00", "55.80"),
    (300, "259.00", "199.00", "229.00", "51.80"),
    (10_000, "259.00", "199.00", "229.00", "51.80"),
]


def test_volume_tiers_by_units_sold(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(TAOBAO))
    for units_sold, price, balance, total, cap in TIERS:
        q = svc.campaigns.quote(cid, "ICE-200-WHT", units_sold=units_sold).as_dict()
        assert (q["unit_price"], q["deposit"], q["deposit_value"], q["balance"], q["total"],
                q["legal_deposit_cap"]) == (price, "30.00", "60.00", balance, total,
                                            cap), units_sold


def test_tiers_follow_units_deposited_when_not_given(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(TAOBAO))
    at = sh("2026-10-25T10:00")
    big = svc.orders.place(cid, "ICE-200-WHT", 99, at=at)
    small = svc.orders.place(cid, "ICE-200-WHT", 1, at=at)
    # placed but not deposited: still the first tier
    assert svc.campaigns.quote(cid, "ICE-200-WHT").unit_price == 299
    svc.orders.transition(big, "pay_deposit", at=at)
    assert str(svc.campaigns.quote(cid, "ICE-200-WHT").unit_price) == "299.00"  # 99 units
    svc.orders.transition(small, "pay_deposit", at=at)
    assert str(svc.campaigns.quote(cid, "ICE-200-WHT").unit_price) == "279.00"  # 100 units
    assert str(svc.campaigns.quote(cid, "ICE-200-WHT", units_sold=0).unit_price) == "299.00"


def test_full_payment_quote_in_usd(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(TIKTOK))
    q = svc.campaigns.quote(cid, "XMAS-BOX-02", qty=2).as_dict(with_order=True)
    assert (q["currency"], q["unit_price"], q["deposit"], q["balance"], q["total"],
            q["order_total"], q["effective_discount"]) == (
        "USD", "39.90", "0.00", "39.90", "39.90", "79.80", "0.0000")


def test_bad_quote_requests(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    with pytest.raises(NotFound, match="NOPE"):
        svc.campaigns.quote(cid, "NOPE")
    with pytest.raises(NotFound):
        svc.campaigns.quote(cid + 1, "YRF-001-BLK-M")
    with pytest.raises(InputError):
        svc.campaigns.quote(cid, "YRF-001-BLK-M", qty=0)
    with pytest.raises(InputError):
        svc.campaigns.quote(cid, "YRF-001-BLK-M", units_sold=-1)
