"""The main window on a small demo shop: pages, navigation, filters, campaign actions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.main_window import PAGE_NAMES, MainWindow


def test_window_opens_on_the_database_and_shows_the_dashboard(window: MainWindow,
                                                              svc: Any) -> None:
    from presale_engine.service import OrderFilter

    assert window.current_page().name == "dashboard"
    assert window.dashboard.ready
    f = window.dashboard.figures
    assert f is not None
    assert f.total == svc.orders.count()
    assert f.overdue == svc.orders.count(OrderFilter(overdue=True))
    assert window.dashboard.card_total.value.text() == f"{f.total:,}"
    assert svc.shop.get().name in window.windowTitle()
    # status bar: database, orders, open alerts
    assert "x.sqlite3" in window.db_label.text()
    assert f"{f.total:,}" in window.orders_label.text()
    assert f"{f.overdue:,}" in window.alerts_label.text()


def test_clicking_the_navigation_switches_pages_and_loads_them(qtbot: Any,
                                                               window: MainWindow) -> None:
    for row, name in enumerate(PAGE_NAMES):
        item = window.nav.item(row)
        rect = window.nav.visualItemRect(item)
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        assert window.current_page().name == name
        assert window.pages[name].ready
    assert window.inventory.stock_model.rowCount() > 0
    assert window.campaigns.model.rowCount() > 0
    assert window.alerts.table.rowCount() > 0  # the demo shop has overdue orders


def test_page_shortcuts_find_and_refresh(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().name == "orders"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().name == "dashboard"
    window.act_find.trigger()
    assert window.current_page().name == "orders"
    assert window.orders.search.hasFocus() or QApplication.focusWidget() is None
    window.campaigns.mark_stale()
    window.act_refresh.trigger()
    assert window.orders.ready
    assert window.campaigns.stale  # refreshed when shown again, not before


def test_orders_status_filter_matches_the_engine_count(qtbot: Any, window: MainWindow,
                                                       svc: Any) -> None:
    from presale_engine.service import OrderFilter

    window.show_page("orders")
    page = window.orders
    page.status_combo.set_checked({"shipped"})
    page.status_combo.activated.emit(1)
    expected = svc.orders.count(OrderFilter(statuses=["shipped"]))
    assert expected > 0
    assert page.model.total == expected
    assert page.model.rowCount() == expected  # the whole result, fetched as it is seen
    qtbot.waitUntil(lambda: page.model.order_at(0) is not None)
    assert all(page.model.order_at(r).status == "shipped"
               for r in range(min(expected, 50)))
    assert f"{expected:,}" in page.count_label.text()


def test_orders_overdue_due_and_search_filters(qtbot: Any, window: MainWindow,
                                              svc: Any) -> None:
    from presale_engine.service import OrderFilter

    window.show_page("orders")
    page = window.orders
    page.due_combo.setCurrentIndex(page.due_combo.findData("overdue"))
    assert page.model.total == svc.orders.count(OrderFilter(overdue=True))
    page.due_combo.setCurrentIndex(page.due_combo.findData("48"))
    assert page.model.total == svc.orders.count(OrderFilter(due_within_hours=48))
    page.reset_filter()
    some = svc.orders.find(limit=1)[0]
    qtbot.keyClicks(page.search, some.order_no)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.model.total >= 1
    assert page.model.order_at(0).order_no.startswith(some.order_no)


def test_orders_campaign_filter(window: MainWindow, svc: Any) -> None:
    from presale_engine.service import OrderFilter

    window.show_page("orders")
    page = window.orders
    camp = max(svc.campaigns.all(), key=lambda c: c.orders)
    page.campaign_combo.setCurrentIndex(page.campaign_combo.findData(camp.id))
    assert page.model.total == svc.orders.count(OrderFilter(campaign_id=camp.id)) == \
        camp.orders


def test_dragging_to_the_end_shows_the_last_orders(qtbot: Any, window: MainWindow,
                                                   svc: Any) -> None:
    window.show_page("orders")
    page = window.orders
    page.reset_filter()
    assert page.model.rowCount() == svc.orders.count()  # the scroll bar is the whole result
    page.table.scrollToBottom()
    last = page.model.rowCount() - 1
    qtbot.waitUntil(lambda: page.model.order_at(last) is not None, timeout=3000)
    assert page.model.order_at(last).id == svc.orders.page(limit=1, reverse=True).rows[0].id


def test_dashboard_card_opens_the_overdue_orders(qtbot: Any, window: MainWindow,
                                                 svc: Any) -> None:
    from presale_engine.service import OrderFilter

    qtbot.mouseClick(window.dashboard.card_overdue, Qt.MouseButton.LeftButton)
    assert window.current_page().name == "orders"
    assert window.orders.due_combo.currentData() == "overdue"
    assert window.orders.model.total == svc.orders.count(OrderFilter(overdue=True))


# --------------------------------------------------------------------------- campaigns

def _select(window: MainWindow, name: str) -> Any:
    window.show_page("campaigns")
    page = window.campaigns
    row = next(r for r in page.model.rows() if r.name == name)
    assert page.select_campaign(row.id)
    return row


def test_duplicate_creates_a_shifted_draft(window: MainWindow, svc: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from app.dialogs.duplicate_dialog import DuplicateDialog

    source = svc.campaigns.all()[0]
    _select(window, source.name)
    monkeypatch.setattr(DuplicateDialog, "ask",
                        staticmethod(lambda parent, name: ("明年 双十一", 365)))
    before = len(svc.campaigns.all())
    window.campaigns.act_duplicate.trigger()
    rows = svc.campaigns.all()
    assert len(rows) == before + 1
    copy = rows[-1]
    assert copy.name == "明年 双十一"
    assert copy.status == "draft"
    assert copy.starts is not None
    assert source.starts is not None
    assert (copy.starts - source.starts).days == 365
    assert window.campaigns.selected().id == copy.id  # the page shows and selects it
    assert window.campaigns.model.rowCount() == before + 1
    assert window.dashboard.stale  # other pages reload when shown


def test_duplicate_dialog_collects_name_and_shift(qtbot: Any) -> None:
    from app.dialogs.duplicate_dialog import DuplicateDialog

    dlg = DuplicateDialog("Double 11")
    qtbot.addWidget(dlg)
    assert dlg.name_edit.text() == "Double 11 (copy)"
    dlg.name_edit.clear()
    qtbot.keyClicks(dlg.name_edit, "Double 11 2027")
    dlg.shift_spin.setValue(365)
    assert dlg.values() == ("Double 11 2027", 365)


def test_submit_then_approve_with_confirmation(window: MainWindow, svc: Any,
                                              shown: Any) -> None:
    svc.shop.update_settings(require_approval=True)
    draft_id = svc.campaigns.duplicate(svc.campaigns.all()[0].id, name="Draft A",
                                      shift_days=400)
    window.campaigns.refresh()
    _select(window, "Draft A")
    shown.answers["question"] = QMessageBox.StandardButton.No
    window.campaigns.act_submit.trigger()
    assert svc.campaigns.get(draft_id).status == "draft"  # said no: nothing changed
    shown.answers["question"] = QMessageBox.StandardButton.Yes
    window.campaigns.act_submit.trigger()
    assert svc.campaigns.get(draft_id).status == "submitted"
    window.campaigns.act_approve.trigger()
    assert svc.campaigns.get(draft_id).status == "approved"
    assert [k for k in shown.kinds()] == ["question"] * 3
    assert window.campaigns.selected().status == "approved"


def test_reject_and_cancel_take_a_reason(window: MainWindow, svc: Any, shown: Any) -> None:
    svc.shop.update_settings(require_approval=True)
    cid = svc.campaigns.duplicate(svc.campaigns.all()[0].id, name="Draft B", shift_days=400)
    svc.campaigns.submit(cid)
    window.campaigns.refresh()
    _select(window, "Draft B")
    shown.answers["get_text"] = ("price too low", True)
    window.campaigns.act_reject.trigger()
    assert svc.campaigns.get(cid).status == "rejected"
    window.campaigns.act_cancel.trigger()
    assert svc.campaigns.get(cid).status == "cancelled"
    assert any(a["action"] == "campaign.reject" and a["detail"]["reason"] == "price too low"
               for a in svc.shop.audit_log())


def test_an_illegal_move_is_a_friendly_error(window: MainWindow, svc: Any,
                                            shown: Any) -> None:
    svc.shop.update_settings(require_approval=True)
    from presale_engine.errors import Conflict

    approved = next(c for c in svc.campaigns.all() if c.status == "approved")
    _select(window, approved.name)
    shown.answers["question"] = QMessageBox.StandardButton.Yes
    window.campaigns.act_submit.trigger()
    assert [type(e) for e in shown.errors] == [Conflict]
    shown.errors.clear()
    assert svc.campaigns.get(approved.id).status == "approved"


def test_export_then_import_a_definition(window: MainWindow, svc: Any, shown: Any,
                                         tmp_path: Path) -> None:
    source = svc.campaigns.all()[0]
    _select(window, source.name)
    out = tmp_path / "def"
    shown.answers["save_file"] = (str(out), "")
    window.campaigns.act_export.trigger()
    written = tmp_path / "def.json"
    definition = json.loads(written.read_text("utf-8"))
    assert definition == svc.campaigns.definition(source.id)

    # Re-import as a new campaign a year later (overlapping SKUs would be refused).
    second = svc.campaigns.duplicate(source.id, shift_days=730)
    moved = svc.campaigns.definition(second)
    svc.campaigns.cancel(second)
    moved["name"] = "Imported"
    src = tmp_path / "moved.json"
    src.write_text(json.dumps(moved, ensure_ascii=False), "utf-8")
    shown.answers["open_file"] = (str(src), "")
    before = len(svc.campaigns.all())
    window.campaigns.act_import.trigger()
    assert len(svc.campaigns.all()) == before + 1
    assert window.campaigns.selected().name == "Imported"


def test_importing_an_invalid_definition_shows_the_issues(window: MainWindow, svc: Any,
                                                         shown: Any, tmp_path: Path) -> None:
    from presale_engine.errors import CampaignInvalid, InputError

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"name": "x", "platform": "mars"}), "utf-8")
    shown.answers["open_file"] = (str(bad), "")
    window.show_page("campaigns")
    window.campaigns.act_import.trigger()
    assert [type(e) for e in shown.errors] == [CampaignInvalid]
    assert shown.errors[0].result.errors
    shown.errors.clear()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", "utf-8")
    shown.answers["open_file"] = (str(broken), "")
    window.campaigns.act_import.trigger()
    assert [type(e) for e in shown.errors] == [InputError]
    assert "line 1" in shown.errors[0].message
    shown.errors.clear()


def test_friendly_box_lists_campaign_issues(qapp: Any) -> None:
    from app.errors import friendly_box
    from presale_engine.errors import CampaignInvalid, ValidationResult

    result = ValidationResult()
    result.error("required", "name", "'name' is required")
    result.warn("deposit_over_legal_cap", "items[0].deposit", "deposit is 30% of the price")
    box = friendly_box(CampaignInvalid(result), None)
    assert box is not None
    assert box.windowTitle() == "The campaign has errors"
    assert "Missing value (name)" in box.informativeText()
    assert "Deposit above 20% of the price" in box.informativeText()
    box.deleteLater()


def test_new_campaign_opens_the_wizard_and_refreshes_after_it(
        window: MainWindow, svc: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.views.campaigns as campaigns_view

    created: list[Any] = []

    class FakeWizard(QDialog):
        def __init__(self, service: Any, parent: Any = None) -> None:
            super().__init__(parent)
            created.append(self)
            self.service = service

    monkeypatch.setattr(campaigns_view, "wizard_class", lambda: FakeWizard)
    window._update_actions()
    window.campaigns._update_actions()
    assert window.act_new_campaign.isEnabled()
    assert not window.campaigns.act_edit.isEnabled()  # FakeWizard has no edit mode
    window.act_new_campaign.trigger()
    assert window.current_page().name == "campaigns"
    assert len(created) == 1
    assert created[0].service is svc
    svc.campaigns.duplicate(svc.campaigns.all()[0].id, name="From wizard", shift_days=500)
    created[0].accept()
    assert any(r.name == "From wizard" for r in window.campaigns.model.rows())


def test_without_the_wizard_new_campaign_is_disabled(window: MainWindow,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import app.views.campaigns as campaigns_view

    monkeypatch.setattr(campaigns_view, "wizard_class", lambda: None)
    monkeypatch.setattr(campaigns_view, "wizard_available", lambda: False)
    import app.main_window as mw

    monkeypatch.setattr(mw, "wizard_available", lambda: False)
    window._update_actions()
    window.campaigns._update_actions()
    assert not window.act_new_campaign.isEnabled()
    assert not window.campaigns.act_new.isEnabled()
    assert not window.campaigns.act_edit.isEnabled()


def test_placeholder_for_import_and_the_print_dialog(window: MainWindow, shown: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import app.main_window as mw
    from app.dialogs.print_dialog import PrintDialog

    monkeypatch.setattr(mw, "import_dialog_class", lambda: None)
    window.act_import.trigger()
    assert shown.kinds() == ["information"]
    assert shown.messages[0][1] == "Not available yet"
    window.act_print.trigger()
    assert isinstance(window.print_dialog, PrintDialog)
    assert window.print_dialog.isVisible()
    window.print_dialog.reject()


def test_language_switch_retranslates_the_visible_texts(window: MainWindow) -> None:
    from app import i18n

    assert window.menu_file.title() == "&File"
    assert window.nav.item(0).text() == "Dashboard"
    i18n.apply_language("zh_CN")
    assert window.menu_file.title() == "文件(&F)"
    assert window.nav.item(0).text() == "概览"
    assert window.orders.status_combo.itemText(1) == "待付定金"
    header = window.campaigns.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "平台"
    assert "订单" in window.orders_label.text()
    i18n.apply_language("en")
    assert window.menu_file.title() == "&File"
    assert window.nav.item(0).text() == "Dashboard"
    assert window.orders.status_combo.itemText(1) == "Awaiting deposit"


def test_opening_a_database_through_the_worker_remembers_it(qtbot: Any, demo_path: Path,
                                                           sync_ops: Any) -> None:
    from app import settings as prefs

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.ctx is None
    assert not w.act_refresh.isEnabled()
    w.open_target(str(demo_path))
    assert w.ctx is not None
    assert w.dashboard.ready
    assert prefs.get_str(prefs.LAST_DB) == str(demo_path.resolve())
    assert prefs.recent_databases()[0] == str(demo_path.resolve())
    w.menu_recent.aboutToShow.emit()
    assert next(a.text() for a in w.menu_recent.actions()) == demo_path.name
    w.set_context(None)
    assert w.db_label.text() == "No database open"


def test_opening_a_bad_target_is_a_friendly_error(qtbot: Any, sync_ops: Any, shown: Any,
                                                 tmp_path: Path) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_target("nosuchdriver://x/y")
    assert w.ctx is None
    assert len(shown.errors) == 1
    from presale_engine.errors import PresaleError

    assert isinstance(shown.errors[0], PresaleError)
    shown.errors.clear()


def test_the_demo_is_built_once_in_the_background(qtbot: Any, sync_ops: Any,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import app.databases as databases

    demo = tmp_path / "demo" / "demo.sqlite3"
    monkeypatch.setenv("PRESALE_DEMO_DB", str(demo))
    monkeypatch.setattr(databases, "DEMO_ORDERS", 120)
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_demo()
    assert databases.demo_ready(demo)
    assert w.ctx is not None
    assert w.ctx.svc.orders.count() == 120
    mtime = demo.stat().st_mtime_ns
    w.open_demo()  # ready now: opened, not rebuilt
    assert demo.stat().st_mtime_ns == mtime
    w.set_context(None)


def test_closing_saves_the_page(qtbot: Any, window: MainWindow) -> None:
    from app import settings as prefs

    window.show_page("inventory")
    window.close()
    assert prefs.get_str(prefs.PAGE) == "inventory"


def test_models_keep_passing_after_the_window_loads(qtmodeltester: Any,
                                                    window: MainWindow) -> None:
    window.show_page("orders")
    qtmodeltester.check(window.orders.model, force_py=True)
    assert window.orders.model.rowCount(QModelIndex()) > 0


def test_the_real_wizard_opens_for_new_and_edit(window: MainWindow, svc: Any) -> None:
    from app.views.campaigns import wizard_can_edit, wizard_class

    cls = wizard_class()
    if cls is None:
        pytest.skip("the campaign wizard is not part of the app yet")
    window.act_new_campaign.trigger()
    wizard = window.campaigns.wizard
    assert isinstance(wizard, cls)
    assert wizard.isVisible()
    assert getattr(wizard, "campaign_id", None) is None
    wizard.confirm_discard = False
    wizard.reject()
    if not wizard_can_edit(cls):
        assert not window.campaigns.act_edit.isEnabled()
        return
    row = _select(window, svc.campaigns.all()[1].name)
    assert window.campaigns.act_edit.isEnabled()
    window.campaigns.act_edit.trigger()
    editor = window.campaigns.wizard
    assert isinstance(editor, cls)
    assert editor.campaign_id == row.id
    editor.confirm_discard = False
    editor.reject()


def test_a_recent_file_that_is_gone_is_dropped(window: MainWindow, shown: Any,
                                              tmp_path: Path) -> None:
    from app import settings as prefs

    gone = str(tmp_path / "gone.sqlite3")
    prefs.remember_database(gone)
    window.open_recent(gone)
    assert not Path(gone).exists()  # not created empty
    assert gone not in prefs.recent_databases()
    assert shown.kinds() == ["information"]


def test_export_writes_the_orders_of_the_current_filter(window: MainWindow, svc: Any,
                                                       shown: Any, tmp_path: Path) -> None:
    from presale_engine.service import OrderFilter

    window.show_page("orders")
    window.orders.due_combo.setCurrentIndex(window.orders.due_combo.findData("overdue"))
    shown.answers["save_file"] = (str(tmp_path / "late"), "CSV file (*.csv)")
    window.act_export.trigger()
    out = tmp_path / "late.csv"
    assert out.is_file()
    lines = out.read_text("utf-8-sig").strip().splitlines()
    assert len(lines) - 1 == svc.orders.count(OrderFilter(overdue=True))
    assert "late.csv" in window.statusBar().currentMessage()
