"""Preferences: shop details and rule overrides go to the database, language applies live."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app import i18n
from app import settings as prefs
from app.dialogs.settings_dialog import SettingsDialog, read_settings_data


@pytest.fixture
def dialog(qtbot: Any, svc: Any, sync_ops: Any) -> SettingsDialog:
    dlg = SettingsDialog(read_settings_data(svc), svc)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _ok(qtbot: Any, dlg: SettingsDialog) -> None:
    button = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_saves_the_shop_name_typed_in(qtbot: Any, dialog: SettingsDialog, svc: Any) -> None:
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Star River Store")
    with qtbot.waitSignal(dialog.saved):
        _ok(qtbot, dialog)
    assert svc.shop.get().name == "Star River Store"
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_saves_a_chinese_shop_name_time_zone_and_currency(qtbot: Any, dialog: SettingsDialog,
                                                         svc: Any) -> None:
    dialog.name_edit.setText("星河优品旗舰店")  # keyClicks cannot type Chinese (PLATFORM_NOTES)
    dialog.tz_combo.setCurrentText("Asia/Singapore")
    dialog.currency_combo.setCurrentText("sgd")
    with qtbot.waitSignal(dialog.saved) as blocker:
        _ok(qtbot, dialog)
    shop = svc.shop.get()
    assert (shop.name, shop.timezone, shop.currency) == ("星河优品旗舰店", "Asia/Singapore", "SGD")
    assert blocker.args[0] == shop


def test_saves_a_rule_override_and_keeps_the_others(qtbot: Any, dialog: SettingsDialog,
                                                    svc: Any) -> None:
    svc.shop.set_rule_override("douyin", {"recommended_max": 12})
    dlg = SettingsDialog(read_settings_data(svc), svc)
    qtbot.addWidget(dlg)
    dlg.profile_combo.setCurrentIndex(dlg.profile_combo.findData("douyin"))
    assert dlg.rec_max.value() == 12
    assert "own values" in dlg.rules_note.text()
    dlg.ship_max.setValue(20)
    dlg.profile_combo.setCurrentIndex(dlg.profile_combo.findData("tiktok"))  # edits are kept
    dlg.penalty_edit.setText("10.50")
    with qtbot.waitSignal(dlg.saved):
        _ok(qtbot, dlg)
    douyin = svc.shop.profile("douyin")
    assert (douyin.ship_days_max, douyin.recommended_max) == (20, 12)
    assert str(svc.shop.profile("tiktok").late_penalty) == "10.50"
    assert svc.shop.get().rule_overrides["douyin"] == {"recommended_max": 12, "ship_days_max": 20}


def test_restore_defaults_removes_the_override(qtbot: Any, svc: Any, sync_ops: Any) -> None:
    svc.shop.set_rule_override("jd", {"ship_days_max": 10})
    dlg = SettingsDialog(read_settings_data(svc), svc)
    qtbot.addWidget(dlg)
    dlg.profile_combo.setCurrentIndex(dlg.profile_combo.findData("jd"))
    qtbot.mouseClick(dlg.reset_rules_button, Qt.MouseButton.LeftButton)
    assert not dlg.ship_max.isEnabled()
    with qtbot.waitSignal(dlg.saved):
        _ok(qtbot, dlg)
    assert "jd" not in svc.shop.get().rule_overrides
    assert svc.shop.profile("jd").ship_days_max == 30


def test_an_invalid_rule_is_refused_and_the_dialog_stays(qtbot: Any, dialog: SettingsDialog,
                                                        svc: Any, shown: Any) -> None:
    from presale_engine.errors import InputError

    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("taobao"))
    dialog.ship_min.setValue(40)
    dialog.ship_max.setValue(10)
    _ok(qtbot, dialog)
    assert [type(e) for e in shown.errors] == [InputError]
    shown.errors.clear()
    assert dialog.isVisible()
    assert dialog.buttons.isEnabled()
    assert "taobao" not in svc.shop.get().rule_overrides


def test_language_and_shared_url_are_preferences(qtbot: Any, dialog: SettingsDialog) -> None:
    assert dialog.lang_combo.currentData() == i18n.SYSTEM
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("zh_CN"))
    qtbot.keyClicks(dialog.url_edit, "postgresql+psycopg://shop@db.local/presale")
    with qtbot.waitSignal(dialog.saved):
        _ok(qtbot, dialog)
    assert prefs.get_str(prefs.LANGUAGE) == "zh_CN"
    assert prefs.get_str(prefs.SHARED_URL) == "postgresql+psycopg://shop@db.local/presale"
    assert i18n.current_language() == "zh_CN"
    assert dialog.windowTitle() == "偏好设置"  # retranslated live


def test_without_a_database_only_the_preferences_are_editable(qtbot: Any,
                                                             sync_ops: Any) -> None:
    dlg = SettingsDialog(read_settings_data(None), None)
    qtbot.addWidget(dlg)
    assert not dlg.shop_box.isEnabled()
    assert not dlg.rules_box.isEnabled()
    assert dlg.lang_box.isEnabled()
    with qtbot.waitSignal(dlg.saved):
        _ok(qtbot, dlg)


def test_preferences_action_opens_the_dialog_and_updates_the_window(
        qtbot: Any, window: Any, svc: Any) -> None:
    window.act_prefs.trigger()
    dlg = window.settings_dialog
    dlg.name_edit.setText("New name")
    with qtbot.waitSignal(dlg.saved):
        _ok(qtbot, dlg)
    assert window.ctx.shop.name == "New name"
    assert window.windowTitle().startswith("New name")
    assert window.dashboard.heading.text() == "New name"
