"""The Qt models: each passes qtmodeltester; the orders model loads lazily and exactly."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from app.models.campaigns import CampaignTableModel
from app.models.inventory import StockTableModel, SupplyTableModel
from app.models.orders import OrderTableModel, load


def test_campaign_model(qtmodeltester: Any, svc: Any, ctx: Any) -> None:
    model = CampaignTableModel()
    model.tz = ctx.tz
    rows = svc.campaigns.all()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(rows) > 0
    col = model.columns.index("deposits")
    first = rows[0]
    text = model.data(model.index(0, col))
    assert text.replace(",", "").endswith(str(first.deposits))  # exact digits, no float
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Deposits"


def test_stock_and_supply_models(qtmodeltester: Any, svc: Any) -> None:
    stock = StockTableModel()
    stock.set_rows(svc.stock.overview())
    qtmodeltester.check(stock, force_py=True)
    supply = SupplyTableModel()
    supply.set_rows(svc.stock.supply())
    qtmodeltester.check(supply, force_py=True)
    assert stock.rowCount() == len(svc.stock.overview())


def _order_model(svc: Any, ctx: Any, page_size: int, **filter_args: Any) -> OrderTableModel:
    from presale_engine.service import OrderFilter

    model = OrderTableModel()
    model.page_size = page_size
    model.tz = ctx.tz
    model.set_result(svc, load(svc, OrderFilter(**filter_args), page_size))
    return model


def test_order_model_passes_the_model_tester_while_fetching(qtmodeltester: Any, svc: Any,
                                                            ctx: Any) -> None:
    model = _order_model(svc, ctx, 40)
    qtmodeltester.check(model, force_py=True)


def test_order_model_fetches_pages_until_all_are_loaded(svc: Any, ctx: Any) -> None:
    total = svc.orders.count()
    model = _order_model(svc, ctx, 64)
    assert model.total == total
    assert model.rowCount() == 64
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 128
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    ids = [model.order_at(r).id for r in range(model.rowCount())]
    assert ids == [o.id for o in svc.orders.find(limit=None)]  # the engine's order, no gaps


def test_order_model_shows_money_exactly_and_highlights_overdue(svc: Any, ctx: Any) -> None:
    model = _order_model(svc, ctx, 50, overdue=True)
    assert model.total == svc.orders.count(_filter(overdue=True)) > 0
    o = model.order_at(0)
    assert o.overdue
    total_col = model.columns.index("total")
    shown = model.data(model.index(0, total_col))
    assert Decimal(shown.lstrip("¥US$").replace(",", "")) == o.total
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "Overdue" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)

    calm = _order_model(svc, ctx, 50, statuses=["completed"])
    assert calm.data(calm.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None


def _filter(**kw: Any) -> Any:
    from presale_engine.service import OrderFilter

    return OrderFilter(**kw)


def test_an_empty_filter_gives_an_empty_model(qtmodeltester: Any, svc: Any, ctx: Any) -> None:
    model = _order_model(svc, ctx, 50, search="no-such-order")
    assert model.total == 0
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)
