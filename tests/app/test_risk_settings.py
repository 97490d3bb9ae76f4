"""Settings for the alerts (issue 9) and the approval step (issue 13): the seller types
the shop's health in and sees its history, changes a threshold and the alerts follow,
and turns the approval step on."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.dialogs.risk_settings_dialog import THRESHOLDS, RiskSettingsDialog
from app.dialogs.settings_dialog import SettingsDialog, read_settings_data


def test_the_approval_step_is_a_checkbox(qtbot: Any, svc: Any, sync_ops: Any) -> None:
    dlg = SettingsDialog(read_settings_data(svc), svc)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.approval_check.isChecked()  # off by default
    qtbot.mouseClick(dlg.approval_check, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.saved):
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    assert svc.shop.settings().require_approval is True


def test_health_is_recorded_with_its_history(qtbot: Any, svc: Any, sync_ops: Any) -> None:
    dlg = RiskSettingsDialog(svc)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.history.rowCount() == 0
    dlg.rating.setValue(4.4)
    dlg.bad_rate.setValue(3.5)
    with qtbot.waitSignal(dlg.changed):
        qtbot.mouseClick(dlg.record_button, Qt.MouseButton.LeftButton)
    assert dlg.history.rowCount() == 1
    assert dlg.history.item(0, 2).text() == "3.5 %"
    h = svc.risk.health_history()[-1]
    assert (h.rating, h.bad_review_rate) == (Decimal("4.4"), Decimal("0.035"))
    codes = {a.code for a in svc.risk.alerts()}
    assert "bad_review_rate_high" in codes  # 3.5 % is above the 3 % critical line


def test_a_threshold_changed_here_changes_the_alerts(qtbot: Any, svc: Any,
                                                     sync_ops: Any) -> None:
    before = {(a.code, a.platform): a.severity for a in svc.risk.evaluate()}
    dlg = RiskSettingsDialog(svc)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.profile.setCurrentIndex(dlg.profile.findData("tiktok"))
    assert before[("presale_share_high", "tiktok")] == "critical"  # 87.7 % > 50 %
    row = [n for n, _k in THRESHOLDS].index("presale_share_critical")
    assert dlg.table.item(row, 1).text() == "50"  # the default, in percent
    dlg.table.item(row, 2).setText("95")
    with qtbot.waitSignal(dlg.changed):
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    assert svc.risk.thresholds("tiktok").presale_share_critical == Decimal("0.95")
    assert svc.risk.thresholds("douyin").presale_share_critical == Decimal("0.50")
    after = {(a.code, a.platform): a.severity for a in svc.risk.alerts()}
    assert after[("presale_share_high", "tiktok")] == "warning"


def test_the_alerts_are_evaluated_after_every_change(qtbot: Any, window: Any,
                                                    svc: Any) -> None:
    """A write on any page runs the rules again at once (not only when the Alerts page
    is opened), so a new critical alert reaches the status bar whatever page is shown."""
    window.show_page("inventory")
    page = window.alerts
    assert page.alerts == []  # never opened
    shown: list[str] = []
    page.new_critical.connect(shown.append)
    page.apply(([], svc.now()))  # the alerts as first seen: none
    on_hand = next(p.on_hand for p in svc.stock.products() if p.sku == "XMAS-BOX-01")
    svc.stock.adjust("XMAS-BOX-01", -on_hand, reason="count")  # an inventory page write
    window.inventory.data_changed.emit()
    qtbot.waitUntil(lambda: page.alerts != [], timeout=10000)
    assert window.current_page().name == "inventory"
    assert any(a.code == "supply_shortfall" and a.platform == "tiktok" for a in page.alerts)
    assert shown, "a new critical alert was announced"
