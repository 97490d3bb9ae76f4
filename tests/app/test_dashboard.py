"""The dashboard on shops built through the service: key figures per currency with the
period and trend, the charts, the campaign drill-down, the first steps of an empty
shop; the risk tabs of Preferences; alerts evaluated once after a change."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ts_strings import tr_strings, translated

from app.context import DeskContext
from app.main_window import MainWindow

D = Decimal
SH, LA = ZoneInfo("Asia/Shanghai"), ZoneInfo("America/Los_Angeles")
REPO = Path(__file__).resolve().parents[2]


def definition(shared_data: Path, name: str) -> dict[str, Any]:
    return json.loads((shared_data / "campaigns" / name).read_text(encoding="utf-8"))


def at(svc: Any, when: datetime) -> None:
    svc.clock = lambda: when


@pytest.fixture
def shop(empty_svc: Any, shared_data: Path) -> Any:
    """A Douyin deposit campaign (CNY) and a TikTok pre-order (USD), now 2026-11-22 12:00.

    Douyin: 3 orders placed 11-05 (deposit 50, balance 729): 2 balances paid 11-10.
    TikTok: 10 orders of 39.90 paid 11-20 (due 12-05), 2 placed 10-20 (previous period)."""
    svc = empty_svc
    svc.stock.add_product("YRF-001-BLK-M", "羽绒服", on_hand=100)
    svc.stock.add_product("XMAS-BOX-01", "Gift box", on_hand=4)
    svc.stock.add_product("XMAS-BOX-02", "Gift box green", on_hand=0)
    at(svc, datetime(2026, 10, 25, 10, tzinfo=SH))
    dy = svc.campaigns.create(definition(shared_data, "douyin_down_jacket.json"))
    ids = [svc.orders.place(dy, "YRF-001-BLK-M", buyer=f"d{i}",
                            at=datetime(2026, 11, 5, 10, tzinfo=SH)) for i in range(3)]
    for oid in ids:
        svc.orders.transition(oid, "pay_deposit", at=datetime(2026, 11, 5, 10, 5, tzinfo=SH))
        svc.orders.transition(oid, "open_balance", at=datetime(2026, 11, 10, tzinfo=SH))
    for oid in ids[:2]:
        svc.orders.transition(oid, "pay_balance", at=datetime(2026, 11, 10, 9, tzinfo=SH))
    at(svc, datetime(2026, 10, 20, 10, tzinfo=LA))
    tt = svc.campaigns.create(definition(shared_data, "tiktok_gift_box.json"))
    for i in range(12):
        when = datetime(2026, 11, 20, 10, tzinfo=LA) if i < 10 else \
            datetime(2026, 10, 20, 10, tzinfo=LA)
        oid = svc.orders.place(tt, "XMAS-BOX-01", buyer=f"t{i}", at=when)
        svc.orders.transition(oid, "pay", at=when)
    at(svc, datetime(2026, 11, 22, 12, tzinfo=SH))
    svc.ids = {"douyin": dy, "tiktok": tt}
    return svc


@pytest.fixture
def win(qtbot: Any, shop: Any, sync_ops: Any) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.set_context(DeskContext.for_service(shop))
    qtbot.waitUntil(lambda: w.dashboard.ready, timeout=10000)
    return w


def test_the_dashboard_shows_the_figures_of_a_known_shop(win: MainWindow, shop: Any) -> None:
    page = win.dashboard
    assert not page.start_panel.isVisible()
    assert list(page.kpi_panels) == ["CNY", "USD"]  # never mixed
    cny, usd = page.kpi_panels["CNY"].tiles, page.kpi_panels["USD"].tiles
    # last 30 days: 3 Douyin orders (779 each), deposits 3 × 50, balances 2 × 729
    assert cny["orders"].value.text() == "3"
    assert cny["deposits"].value.text() == "CN¥150.00"
    assert cny["balances"].value.text() == "CN¥1,458.00"
    assert cny["gmv"].value.text() == "CN¥2,337.00"  # orders whose deposit was paid
    assert cny["conversion"].value.text() == "66.7%"
    assert cny["presale_share"].value.text() == "100.0%"
    assert "none in the previous period" in cny["orders"].trend.text()
    # TikTok: 10 orders now, 2 in the period before: +400 %
    assert usd["orders"].value.text() == "10"
    assert usd["gmv"].value.text() == "$399.00"
    assert "+400.0%" in usd["orders"].trend.text()
    assert usd["penalty"].trend.text() == "now"
    assert "30 days" in page.period_note.text()
    assert "2026-10-24 – 2026-11-22" in page.period_note.text()
    # charts: orders per day per currency; money per currency; the coming shortfall
    assert len(page.orders_chart.chart.series()) == 2
    assert set(page.money_charts) == {"CNY", "USD"}
    assert "(USD)" in page.money_charts["USD"].title.text()
    # 4 on hand: the 2 overdue orders come first (earliest deadline), 8 of 10 wait
    assert page.flow_chart.short_units() == 8
    assert "8 units" in page.flow_chart.note.text()
    assert "No rating entered yet" in page.health_chart.note.text()


def test_the_period_changes_the_figures(qtbot: Any, win: MainWindow) -> None:
    page = win.dashboard
    page.period_combo.setCurrentIndex(0)
    page.period_combo.activated.emit(0)  # as a user's pick does
    qtbot.waitUntil(lambda: page.ready, timeout=10000)
    assert page.figures.days == 7
    assert page.kpi_panels["USD"].tiles["orders"].value.text() == "10"
    assert page.kpi_panels["CNY"].tiles["orders"].value.text() == "0"
    assert "Last 7 days" in page.period_note.text()


def test_drilling_into_a_campaign_shows_its_figures(qtbot: Any, win: MainWindow,
                                                   shop: Any) -> None:
    page = win.dashboard
    combo = page.campaign_combo
    assert combo.count() == 3  # all campaigns + two
    i = combo.findData(shop.ids["douyin"])
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    qtbot.waitUntil(lambda: page.ready, timeout=10000)
    assert page.figures.campaign_id == shop.ids["douyin"]
    assert page.card_total.value.text() == "3"
    assert list(page.kpi_panels) == ["CNY"]  # the campaign's currency only
    assert list(page.money_charts) == ["CNY"]
    assert "#" in page.subheading.text()
    assert f"campaign #{shop.ids['douyin']}" in page.flow_chart.title.text()
    assert page.flow_chart.short_units() == 0  # 100 down jackets on hand
    # a card opens the campaign's orders
    win.dashboard.card_total.clicked.emit()
    assert win.current_page().name == "orders"
    assert win.orders.current_filter().campaign_id == shop.ids["douyin"]
    win.show_page("dashboard")
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    qtbot.waitUntil(lambda: page.ready, timeout=10000)
    assert page.card_total.value.text() == "15"


def test_an_empty_shop_says_what_to_do_first(qtbot: Any, empty_svc: Any,
                                             sync_ops: Any) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.set_context(DeskContext.for_service(empty_svc))
    qtbot.waitUntil(lambda: w.dashboard.ready, timeout=10000)
    panel = w.dashboard.start_panel
    assert panel.isVisible()
    assert not w.dashboard.content.isVisible()
    assert not w.dashboard.campaign_combo.isVisible()
    demo: list[bool] = []
    w.open_demo = lambda: demo.append(True)  # type: ignore[method-assign]
    qtbot.mouseClick(panel.buttons["demo"], Qt.MouseButton.LeftButton)
    assert demo == [True]
    qtbot.mouseClick(panel.buttons["import"], Qt.MouseButton.LeftButton)
    from app.dialogs.import_dialog import ImportDialog

    assert isinstance(w.import_dialog, ImportDialog)
    assert w.import_dialog.isVisible()
    w.import_dialog.reject()
    qtbot.mouseClick(panel.buttons["campaign"], Qt.MouseButton.LeftButton)
    assert w.current_page().name == "campaigns"
    assert w.campaigns.wizard.isVisible()
    w.campaigns.wizard.reject()


def test_an_empty_shop_in_chinese(qtbot: Any, empty_svc: Any, sync_ops: Any) -> None:
    from app import i18n

    i18n.apply_language("zh_CN")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.set_context(DeskContext.for_service(empty_svc))
    qtbot.waitUntil(lambda: w.dashboard.ready, timeout=10000)
    panel = w.dashboard.start_panel
    assert panel.buttons["import"].text() == "导入订单…"
    assert panel.title.text() == "本店还没有订单或活动"


def _preferences(qtbot: Any, win: MainWindow) -> Any:
    win.open_preferences()
    qtbot.waitUntil(lambda: getattr(win, "settings_dialog", None) is not None, timeout=5000)
    return win.settings_dialog


def test_a_threshold_saved_in_preferences_changes_an_alert(qtbot: Any, win: MainWindow,
                                                          shop: Any) -> None:
    codes = {a.code for a in shop.risk.evaluate()}
    assert "ship_due_soon" not in codes  # TikTok orders due 12-05: not within 48 h
    dlg = _preferences(qtbot, win)
    tab = dlg.thresholds_tab
    dlg.tabs.setCurrentWidget(tab)
    tab.profile_combo.setCurrentIndex(tab.profile_combo.findData("tiktok"))
    assert tab.spins["due_warning_hours"].value() == 48
    assert "48 h / 24 h" in tab.default_labels["due"].text()  # the defaults beside
    assert "2%" in tab.default_labels["cancel"].text()
    tab.spins["due_warning_hours"].setValue(400)
    before = win.evaluations
    with qtbot.waitSignal(win.alerts_evaluated, timeout=5000) as got:
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    assert win.evaluations == before + 1
    assert shop.risk.thresholds("tiktok").due_warning_hours == 400
    assert shop.risk.thresholds("douyin").due_warning_hours == 48  # its own profile
    due = [a for a in got.args[0] if a.code == "ship_due_soon"]
    assert [(a.platform, a.order_count) for a in due] == [("tiktok", 10)]
    assert win.alerts.alerts == got.args[0]  # the alerts page shows the evaluation
    # restore the defaults: the override is gone, the alert resolves
    dlg = _preferences(qtbot, win)
    dlg.thresholds_tab.profile_combo.setCurrentIndex(
        dlg.thresholds_tab.profile_combo.findData("tiktok"))
    assert dlg.thresholds_tab.spins["due_warning_hours"].value() == 400
    dlg.thresholds_tab.restore_defaults()
    with qtbot.waitSignal(win.alerts_evaluated, timeout=5000) as got:
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert shop.risk.threshold_overrides() == {}
    assert "ship_due_soon" not in {a.code for a in got.args[0]}


def test_the_approval_setting_is_saved(qtbot: Any, win: MainWindow, shop: Any) -> None:
    dlg = _preferences(qtbot, win)
    check = dlg.approval_check
    assert not check.isChecked()  # off by default
    assert check.text() == "Require approval before a campaign goes live"
    check.setChecked(True)
    with qtbot.waitSignal(dlg.saved):
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert shop.shop.settings().require_approval is True


def test_shop_health_typed_in_is_recorded_with_its_history(qtbot: Any, win: MainWindow,
                                                          shop: Any) -> None:
    dlg = _preferences(qtbot, win)
    tab = dlg.health_tab
    dlg.tabs.setCurrentWidget(tab)
    tab.date_edit.setDate(tab.date_edit.date().addDays(-7))
    qtbot.keyClicks(tab.rating_edit, "4.6")
    qtbot.keyClicks(tab.bad_edit, "1.5")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.rating_edit, "4.3")
    qtbot.keyClicks(tab.bad_edit, "3.5")
    tab.date_edit.setDate(tab.date_edit.date().addDays(7))
    with qtbot.waitSignal(win.alerts_evaluated, timeout=5000) as got:
        qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    history = shop.risk.health_history()
    assert [(h.day, h.rating, h.bad_review_rate) for h in history] == [
        (date(2026, 11, 15), D("4.6"), D("0.015")), (date(2026, 11, 22), D("4.3"), D("0.035"))]
    assert tab.table.rowCount() == 2
    assert tab.table.item(0, 0).text() == "2026-11-22"  # newest first
    assert tab.table.item(0, 2).text() == "3.5%"
    codes = {(a.code, a.severity) for a in got.args[0]}
    assert ("bad_review_rate_high", "critical") in codes
    assert ("rating_low", "critical") in codes  # TikTok wants 4.5
    # nothing readable: a word, nothing recorded
    qtbot.keyClicks(tab.rating_edit, "abc")
    tab.record_button.click()
    assert "numbers" in tab.status.text()
    assert len(shop.risk.health_history()) == 2
    dlg.reject()
    # the dashboard shows the trend
    win.dashboard.refresh()
    qtbot.waitUntil(lambda: win.dashboard.ready, timeout=10000)
    chart = win.dashboard.health_chart
    assert len(chart.chart.series()) == 2
    assert "rating 4.3" in chart.note.text()


def test_alerts_are_evaluated_once_per_change(qtbot: Any, win: MainWindow) -> None:
    before = win.evaluations
    win.orders.data_changed.emit()  # a bulk action ...
    win.inventory.data_changed.emit()  # ... and a supply change in the same moment
    qtbot.waitUntil(lambda: win.evaluations == before + 1, timeout=5000)
    qtbot.wait(400)
    assert win.evaluations == before + 1
    assert win.alerts.ready  # shown without a load of its own


def test_every_dashboard_and_risk_text_has_chinese() -> None:
    done = translated(REPO / "resources" / "i18n")
    files = ["app/views/dashboard.py", "app/views/dashboard_tiles.py",
             "app/views/dashboard_charts.py", "app/views/dashboard_start.py",
             "app/views/flow_chart.py", "app/dialogs/settings_risk.py",
             "app/dialogs/settings_dialog.py"]
    missing = [(c, s) for f in files for c, s, _n in tr_strings(REPO / f) if (c, s) not in done]
    assert missing == []


def test_the_dashboard_in_chinese_has_no_english_left(qtbot: Any, win: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel

    from app import i18n

    i18n.apply_language("zh_CN")
    win.dashboard.refresh()
    qtbot.waitUntil(lambda: win.dashboard.ready, timeout=10000)
    tiles = win.dashboard.kpi_panels["CNY"].tiles
    assert tiles["gmv"].title.text() == "成交额（GMV）"
    assert "较上一周期" in win.dashboard.kpi_panels["USD"].tiles["orders"].trend.text()
    english = [lab.text() for lab in win.dashboard.findChildren(QLabel)
               if any(w in lab.text() for w in ("Orders", "period", "Deposits", "days"))]
    assert english == []
    _ = timedelta
