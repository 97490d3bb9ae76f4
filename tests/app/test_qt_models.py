"""The Qt models: each passes qtmodeltester; the orders model holds ids, not the table."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.models.campaigns import CampaignTableModel
from app.models.inventory import StockTableModel, SupplyTableModel
from app.models.orders import OrderTableModel


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


_made: list[Any] = []


@pytest.fixture(autouse=True)
def _delete_models(qapp: Any) -> Any:
    """Models made here are deleted by Qt at the end of their test, not by the garbage
    collector at exit (PySide6 then trips over objects already half torn down)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    while _made:
        _made.pop().deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    import gc

    gc.collect()


def _order_model(svc: Any, ctx: Any, **filter_args: Any) -> OrderTableModel:
    """The orders model on the demo shop, loaded (ops are synchronous in these tests:
    the reader runs each read at once)."""
    from app.models.order_reader import Query
    from presale_engine.service import OrderFilter

    model = OrderTableModel()
    _made.append(model)
    model.tz = ctx.tz
    model.now = svc.now()
    model.set_service(svc)
    model.load(Query(OrderFilter(**filter_args)))
    return model


def _filled(model: OrderTableModel, qtbot: Any) -> None:
    """Wait until every shown row is at hand (windows arrive on the next event pass)."""
    for r in range(model.rowCount()):
        model.order_at(r)
    qtbot.waitUntil(lambda: all(model.order_at(r) is not None
                                for r in range(model.rowCount())), timeout=5000)


def test_order_model_passes_the_model_tester(qtmodeltester: Any, qtbot: Any, svc: Any,
                                             ctx: Any, sync_ops: Any) -> None:
    model = _order_model(svc, ctx)
    qtmodeltester.check(model, force_py=True)
    _filled(model, qtbot)
    qtmodeltester.check(model, force_py=True)


def test_order_model_holds_ids_and_the_whole_count(qtbot: Any, svc: Any, ctx: Any,
                                                   sync_ops: Any) -> None:
    total = svc.orders.count()
    model = _order_model(svc, ctx)
    assert model.total == total == model.rowCount()  # the scroll bar is the whole result
    assert list(model.ids or []) == list(svc.orders.ids())
    assert model.loaded <= 200  # only the first page was read
    last = model.rowCount() - 1
    assert model.order_at(last) is None  # not fetched yet: "…" and a request
    assert model.data(model.index(last, 0)) == "…"
    qtbot.waitUntil(lambda: model.order_at(last) is not None, timeout=5000)
    assert model.order_at(last).id == svc.orders.page(limit=1, reverse=True).rows[0].id


def test_order_model_shows_money_exactly_and_marks_overdue_and_due_soon(
        qtbot: Any, svc: Any, ctx: Any, sync_ops: Any) -> None:
    from datetime import timedelta

    model = _order_model(svc, ctx, overdue=True)
    assert model.total == svc.orders.count(_filter(overdue=True)) > 0
    o = model.order_at(0)
    assert o is not None
    total_col = model.columns.index("total")
    shown = model.data(model.index(0, total_col))
    assert Decimal(shown.lstrip("CN¥US$").replace(",", "")) == o.total
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "Overdue" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    left = model.data(model.index(0, model.columns.index("time_left")))
    assert left.startswith("overdue ")
    # the clock moves back a day: the same row is no longer overdue (no reload)
    model.set_now(o.ship_deadline - timedelta(hours=5))
    assert model.data(model.index(0, model.columns.index("time_left"))) == "5 h 0 min"
    assert "Due within 24 hours" in model.data(model.index(0, 0),
                                               Qt.ItemDataRole.ToolTipRole)

    calm = _order_model(svc, ctx, statuses=["completed"])
    assert calm.data(calm.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_deposit_columns_only_for_deposit_orders(svc: Any, ctx: Any, sync_ops: Any) -> None:
    model = _order_model(svc, ctx, kind="full")
    col = model.columns.index("deposit")
    assert model.data(model.index(0, col)) == ""
    paid = model.data(model.index(0, model.columns.index("paid")))
    assert paid  # a full-payment order shows what was paid instead


def _filter(**kw: Any) -> Any:
    from presale_engine.service import OrderFilter

    return OrderFilter(**kw)


def test_an_empty_filter_gives_an_empty_model(qtmodeltester: Any, svc: Any, ctx: Any,
                                              sync_ops: Any) -> None:
    model = _order_model(svc, ctx, search="no-such-order")
    assert model.total == 0
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)


def test_position_model(qtmodeltester: Any, svc: Any) -> None:
    from app.models.inventory import PositionTableModel

    model = PositionTableModel()
    model.set_rows(svc.stock.positions())
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(svc.stock.products())
