"""The Alerts page, driven as a seller would: see what costs money, open its orders,
acknowledge, snooze; an empty shop says it is healthy and when it was checked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.context import DeskContext
from app.main_window import MainWindow


def _open_alerts(qtbot: Any, window: MainWindow) -> None:
    with qtbot.waitSignal(window.alerts.loaded, timeout=10000):
        window.show_page("alerts")


def _select(qtbot: Any, window: MainWindow, code: str) -> Any:
    page = window.alerts
    row = next(i for i, a in enumerate(page.visible_alerts()) if a.code == code)
    rect = page.table.visualItemRect(page.table.item(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected().code == code
    return page.selected()


def test_alerts_sorted_by_severity_then_money_and_show_orders(
        qtbot: Any, window: MainWindow, svc: Any) -> None:
    _open_alerts(qtbot, window)
    page = window.alerts
    alerts = page.visible_alerts()
    assert alerts  # the demo shop has late and due orders
    ranks = [{"critical": 0, "warning": 1, "info": 2}[a.severity] for a in alerts]
    assert ranks == sorted(ranks)
    assert page.table.rowCount() == len(alerts)
    assert page.table.item(0, 1).text().startswith(alerts[0].message)
    over = _select(qtbot, window, "ship_overdue")
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert window.current_page().name == "orders"
    qtbot.waitUntil(lambda: window.orders.model.total is not None
                    and window.orders.model.total > 0, timeout=10000)
    assert window.orders.model.total == over.order_count


def test_acknowledge_and_snooze(qtbot: Any, window: MainWindow, svc: Any) -> None:
    _open_alerts(qtbot, window)
    page = window.alerts
    first = _select(qtbot, window, "ship_overdue")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(page.ack_button, Qt.MouseButton.LeftButton)
    assert next(a for a in page.alerts if a.id == first.id).state == "acknowledged"
    row = next(i for i, a in enumerate(page.visible_alerts()) if a.id == first.id)
    assert page.table.item(row, 4).text() == "Acknowledged"
    _select(qtbot, window, "ship_overdue")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.snooze_actions[1][0].trigger()  # 24 hours
    snoozed = next(a for a in page.alerts if a.id == first.id)
    assert snoozed.state == "snoozed"
    assert snoozed.snoozed_until is not None
    # the severity filter keeps only what is asked for
    page.severity_combo.setCurrentIndex(page.severity_combo.findData("warning"))
    assert all(a.severity == "warning" for a in page.visible_alerts())


def test_a_healthy_shop_says_so(qtbot: Any, empty_svc: Any, sync_ops: Any) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_context(DeskContext.for_service(empty_svc))
    _open_alerts(qtbot, window)
    page = window.alerts
    assert page.alerts == []
    assert page.empty_label.isVisible()
    assert not page.table.isVisible()
    assert "healthy" in page.empty_label.text()
    assert "Checked" in page.figure.text()


def test_a_new_critical_alert_is_announced_once(qtbot: Any, window: MainWindow) -> None:
    from types import SimpleNamespace

    page = window.alerts

    def alert(i: int, severity: str) -> Any:
        return SimpleNamespace(id=i, code="ship_overdue", severity=severity, state="new",
                               message=f"alert {i}", action=None, order_count=1,
                               money_at_stake=None, currency=None, sku=None, campaign_id=1,
                               first_seen_at=None)

    page.apply(([alert(1, "critical")], None))  # the first load only learns what is there
    with qtbot.waitSignal(page.new_critical, timeout=1000) as got:
        page.apply(([alert(1, "critical"), alert(2, "critical"), alert(3, "warning")], None))
    assert got.args == ["alert 2"]
    assert "alert 2" in window.statusBar().currentMessage()
    with qtbot.assertNotEmitted(page.new_critical):
        page.apply(([alert(1, "critical"), alert(2, "critical")], None))


def test_dashboard_key_figures_per_currency(qtbot: Any, window: MainWindow, svc: Any) -> None:
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: window.dashboard.ready, timeout=10000)
    page = window.dashboard
    metrics = svc.risk.metrics()
    assert {m.currency for m in metrics} == {"CNY", "USD"}  # never mixed in one figure
    assert list(page.kpi_panels) == ["CNY", "USD"]  # one panel per currency
    liability = {m.currency: m.deposit_liability for m in metrics}  # a figure of now
    for cur, panel in page.kpi_panels.items():
        tile = panel.tiles["liability"]
        assert tile.title.text() == "Deposit liability"
        assert f"{liability[cur]:,.2f}" in tile.value.text()
    assert "$" in page.kpi_panels["USD"].tiles["gmv"].value.text()
    assert "¥" in page.kpi_panels["CNY"].tiles["gmv"].value.text()


def test_a_new_database_is_called_my_shop_in_the_ui_language(
        qtbot: Any, empty_svc: Any, sync_ops: Any) -> None:
    from app import i18n

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_context(DeskContext.for_service(empty_svc))
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: window.dashboard.ready, timeout=10000)
    assert window.dashboard.heading.text() == "My shop"
    i18n.apply_language("zh_CN")
    window.dashboard.refresh()
    qtbot.waitUntil(lambda: window.dashboard.ready, timeout=10000)
    assert window.dashboard.heading.text() == "我的店铺"
    assert window.windowTitle().startswith("我的店铺")
    empty_svc.shop.update(name="星河优品")
    window.set_context(DeskContext.for_service(empty_svc))
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: window.dashboard.ready, timeout=10000)
    assert window.dashboard.heading.text() == "星河优品"  # a chosen name stays as it is
