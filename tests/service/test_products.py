"""Products: adding, duplicate and bad values, the stock ledger, adjustments."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from presale_engine.errors import Conflict, InputError, NotFound
from presale_engine.store.models import Product, StockMove

from .conftest import DOUYIN, count, sh


def test_add_product_stores_every_field(svc: Any) -> None:
    p = svc.stock.add_product(" SKU-1 ", "  Down jacket ", variant="Black M", platform="douyin",
                        on_hand=12, location="A-01", sales_30d=300,
                        cost=Decimal("310.00"), list_price=Decimal("1099.00"))
    assert p.sku == "SKU-1"  # trimmed
    assert p.name == "Down jacket"
    [listed] = svc.stock.products()
    assert listed == p
    assert (listed.variant, listed.platform, listed.location) == ("Black M", "douyin", "A-01")
    assert (listed.on_hand, listed.sales_30d) == (12, 300)
    assert listed.cost == Decimal("310.00")
    assert str(listed.list_price) == "1099.00"


def test_initial_stock_writes_one_ledger_entry(svc: Any) -> None:
    svc.stock.add_product("SKU-1", "With stock", on_hand=12)
    svc.stock.add_product("SKU-0", "No stock")
    assert svc.stock.moves("SKU-1") == [(svc.now(), 12, "count", "initial")]
    assert svc.stock.moves("SKU-0") == []


def test_duplicate_sku_is_a_conflict(svc: Any) -> None:
    svc.stock.add_product("SKU-1", "First", on_hand=3)
    with pytest.raises(Conflict, match="SKU-1"):
        svc.stock.add_product("SKU-1", "Second", on_hand=5)
    assert [p.name for p in svc.stock.products()] == ["First"]
    assert count(svc, StockMove) == 1


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"on_hand": -1}, "negative"),
    ({"sales_30d": -5}, "negative"),
    ({"platform": "amazon"}, "unknown platform"),
    ({"sku": "  "}, "SKU"),
    ({"name": ""}, "name"),
])
def test_bad_product_values_are_input_errors(svc: Any, kwargs: dict[str, Any],
                                             message: str) -> None:
    args = {"sku": "SKU-1", "name": "Thing"} | kwargs
    sku, name = args.pop("sku"), args.pop("name")
    with pytest.raises(InputError, match=message):
        svc.stock.add_product(sku, name, **args)
    assert count(svc, Product) == 0


def test_adjust_stock_keeps_a_ledger_and_refuses_going_negative(svc: Any) -> None:
    svc.stock.add_product("SKU-1", "Thing", on_hand=5)
    assert svc.stock.adjust("SKU-1", -3, reason="damaged", ref="check 1") == 2
    assert svc.stock.adjust("SKU-1", 10) == 12
    with pytest.raises(InputError, match="12 on hand"):
        svc.stock.adjust("SKU-1", -13)
    assert [(d, r, ref) for _, d, r, ref in svc.stock.moves("SKU-1")] == [
        (5, "count", "initial"), (-3, "damaged", "check 1"), (10, "adjust", "")]
    assert svc.stock.products()[0].on_hand == 12
    with pytest.raises(NotFound):
        svc.stock.adjust("NOPE", 1)


def test_product_added_later_is_linked_to_campaign_and_orders(svc: Any, sample: Any) -> None:
    """A campaign and orders recorded before the product exists see it once it is added."""
    cid = svc.campaigns.create(sample(DOUYIN))
    oid = svc.orders.place(cid, "YRF-001-BLK-M", 1, at=sh("2026-10-21T10:00"))
    svc.orders.transition(oid, "pay_deposit", at=sh("2026-10-21T10:05"))
    assert svc.stock.overview() == []
    svc.stock.add_product("YRF-001-BLK-M", "Jacket", on_hand=4)
    [row] = svc.stock.overview()
    assert (row.sku, row.on_hand, row.committed, row.available) == ("YRF-001-BLK-M", 4, 1, 3)
    assert "unknown_sku" not in {w.code for w in svc.campaigns.check(
        svc.campaigns.definition(cid), exclude_id=cid).warnings if w.field == "items[0].sku"}
