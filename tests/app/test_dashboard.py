"""The dashboard (issues 9, 13): charts of the last 30 days per currency, shipments due
against stock arriving, the health trend, a campaign drill-down, and an empty shop's
first steps."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from app.context import DeskContext
from app.main_window import MainWindow
from presale_engine.service import OrderFilter


def _dashboard(qtbot: Any, window: MainWindow) -> Any:
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: window.dashboard.figures is not None, timeout=10000)
    return window.dashboard


def test_the_charts_show_each_currency_apart(qtbot: Any, window: MainWindow,
                                            svc: Any) -> None:
    page = _dashboard(qtbot, window)
    charts = page.charts
    daily = svc.risk.daily()
    assert len({d.day for d in daily}) == 30
    # orders per day: the bars add up to the orders placed in the 30 days
    bars = charts.orders_chart.series()[0].barSets()[0]
    assert sum(bars.at(i) for i in range(bars.count())) == sum(d.orders for d in daily)
    titles = [t.text() for t, _c, v in charts._money_views if not v.isHidden()]
    assert [t[-5:] for t in titles] == ["(CNY)", "(USD)"]  # one chart per currency
    usd = next(c for t, c, v in charts._money_views if t.text().endswith("(USD)"))
    deposits = usd.series()[0].barSets()[0]
    assert sum(deposits.at(i) for i in range(deposits.count())) == 0  # full payment only
    assert charts.flow.flow is not None  # shipments due against stock arriving
    assert "No health figures yet" in charts.health_note.text()


def test_the_health_trend_follows_what_the_seller_typed(qtbot: Any, window: MainWindow,
                                                        svc: Any) -> None:
    svc.risk.record_health(rating=Decimal("4.8"), bad_review_rate=Decimal("0.01"),
                           day=date(2026, 11, 1))
    svc.risk.record_health(rating=Decimal("4.6"), bad_review_rate=Decimal("0.025"),
                           day=date(2026, 11, 15))
    page = _dashboard(qtbot, window)
    page.refresh()  # what a change elsewhere in the app asks of the page
    qtbot.waitUntil(lambda: len(page.figures.health) == 2, timeout=10000)
    series = page.charts.health_chart.series()
    assert [series[0].at(i).y() for i in range(series[0].count())] == [4.8, 4.6]
    assert [round(series[1].at(i).y(), 1) for i in range(2)] == [1.0, 2.5]
    assert page.charts.health_note.text() == ""


def test_drilling_into_a_campaign(qtbot: Any, window: MainWindow, svc: Any) -> None:
    page = _dashboard(qtbot, window)
    whole = page.figures.total
    combo = page.scope_combo
    i = combo.findData(4)
    assert i > 0
    combo.setCurrentIndex(i)
    combo.activated.emit(i)  # as when the seller picks it from the list
    qtbot.waitUntil(lambda: page.figures.scope == 4, timeout=10000)
    assert page.figures.total == svc.orders.count(OrderFilter(campaign_id=4)) < whole
    assert page.card_total.value.text() == f"{page.figures.total:,}"
    assert {m.currency for m in page.figures.metrics} == {"USD"}
    visible = [t.text() for t, _c, v in page.charts._money_views if not v.isHidden()]
    assert len(visible) == 1
    assert visible[0].endswith("(USD)")
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    qtbot.waitUntil(lambda: page.figures.scope is None, timeout=10000)
    assert page.figures.total == whole


def test_an_empty_shop_says_what_to_do_first(qtbot: Any, empty_svc: Any, sync_ops: Any,
                                            monkeypatch: Any) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_context(DeskContext.for_service(empty_svc))
    page = _dashboard(qtbot, window)
    assert page.empty_box.isVisible()
    asked: list[str] = []
    monkeypatch.setattr(window, "import_orders", lambda *a, **k: asked.append("import"))
    monkeypatch.setattr(window, "new_campaign", lambda *a, **k: asked.append("campaign"))
    monkeypatch.setattr(window, "open_demo", lambda *a, **k: asked.append("demo"))
    for button in (page.btn_import, page.btn_campaign, page.btn_demo):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["import", "campaign", "demo"]
