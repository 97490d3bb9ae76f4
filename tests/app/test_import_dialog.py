"""The import dialog: preview without writing, import on the worker, refused files, the
valid rows only, dropping files, and its table models."""

from __future__ import annotations

import csv
import json
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.dialogs.import_dialog import ImportDialog
from app.models.import_models import (
    EXTRA_BG,
    ColumnMappingModel,
    NotMovedBackModel,
    PreviewTableModel,
    RowErrorModel,
    StatusMappingModel,
)
from presale_engine.io.preview import build_preview

DISPLAY = Qt.ItemDataRole.DisplayRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
TEMPLATE = ["order_no", "sku", "qty", "unit_price", "total", "kind", "status", "ordered_at",
            "paid_at", "buyer"]


def template_row(n: int, qty: str = "1") -> list[str]:
    return [f"W{1000 + n}", "MUG-01", qty, "25.00", "25.00", "normal", "paid",
            f"2026-11-10 10:{n:02d}:00", f"2026-11-10 10:{n:02d}:30", f"buyer{n}"]


@pytest.fixture
def bad_csv(tmp_path: Path) -> Path:
    """Six template orders; the third says its quantity is 两件 ("two pieces")."""
    path = tmp_path / "orders_bad.csv"
    rows = [template_row(n) for n in range(1, 7)]
    rows[2][2] = "两件"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(TEMPLATE)
        w.writerows(rows)
    return path


@pytest.fixture
def douyin_campaign(empty_svc: Any, shared_data: Path) -> int:
    definition = json.loads((shared_data / "campaigns" / "douyin_down_jacket.json")
                            .read_text("utf-8"))
    return int(empty_svc.campaigns.create(definition))


def open_dialog(qtbot: Any, svc: Any, path: Path | None = None) -> ImportDialog:
    dlg = ImportDialog(svc, path=path)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def header_texts(dlg: ImportDialog) -> list[str]:
    m = dlg.preview_model
    return [m.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(m.columnCount())]


def error_cells(dlg: ImportDialog) -> list[tuple[str, str, str]]:
    m = dlg.errors_model
    return [tuple(m.data(m.index(r, c)) for c in range(3)) for r in range(m.rowCount())]


# ------------------------------------------------------------------ the Douyin sample


def test_douyin_preview_then_import_on_the_worker(qtbot: Any, threaded_ops: Any,
                                                  empty_svc: Any, douyin_campaign: int,
                                                  shared_data: Path) -> None:
    dlg = ImportDialog(empty_svc)
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.preview_ready, timeout=20_000):
        dlg.set_path(shared_data / "douyin_orders.xlsx")
    pv = dlg.preview
    assert pv is not None
    assert (pv.kind, pv.detected, pv.preset, pv.total_rows) == ("orders", "douyin", "douyin", 40)
    assert dlg.kind_combo.currentData() == "orders"
    assert dlg.platform_combo.currentData() == "auto"
    assert dlg.platform_combo.currentText() == "Automatic: Douyin"
    assert "Douyin order export" in dlg.summary_label.text()
    assert "40 rows" in dlg.summary_label.text()
    # The preview: the file's headers, each with the field it feeds; unused ones marked.
    headers = header_texts(dlg)
    assert headers[0] == "主订单编号\n→ Order number"
    assert "商家编码\n→ SKU code" in headers
    assert "商品数量\n→ Quantity" in headers
    extra = headers.index("商品ID\n→ (not used)")
    m = dlg.preview_model
    assert m.rowCount() == 20
    assert m.data(m.index(0, 0)) == "6934512094788948184"  # 19 digits, as written
    assert m.data(m.index(0, extra), BACKGROUND) == EXTRA_BG
    assert m.headerData(0, Qt.Orientation.Vertical, DISPLAY) == 2  # the sheet's row
    mapping = {dlg.mapping_model.row_at(r).header: dlg.mapping_model.row_at(r)
               for r in range(dlg.mapping_model.rowCount())}
    assert mapping["承诺发货时间"].field == "promised_ship_at"
    assert mapping["商品ID"].state == "extra"
    assert not dlg.tabs.isTabVisible(2)  # no problems
    assert empty_svc.orders.count() == 0  # the preview wrote nothing

    assert dlg.import_button.isEnabled()
    gate = threading.Event()  # holds the worker, so the dialog is seen while it waits
    threaded_ops.run(lambda _t: gate.wait(10))
    with qtbot.waitSignal(dlg.imported, timeout=30_000) as blocker:
        qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
        assert dlg.busy  # on the worker, not here
        assert not dlg.close_button.isEnabled()
        assert not dlg.import_button.isEnabled()
        assert dlg.summary_label.text() == "Importing…"
        gate.set()
    report = blocker.args[0]
    assert (report.created, report.updated, report.rejected, report.platform) == (
        40, 0, 0, "douyin")
    assert empty_svc.orders.count() == 40
    assert {o.campaign_id for o in empty_svc.orders.find(limit=None)} == {douyin_campaign}
    assert not dlg.busy
    assert dlg.tabs.currentWidget() is dlg.result_page
    assert "Imported: 40 created, 0 updated, 0 unchanged." in dlg.summary_label.text()
    assert "Created" in dlg.result_label.text()
    assert not dlg.import_button.isEnabled()  # once is enough; choose again to redo


def test_cancelled_import_writes_nothing_and_frees_the_dialog(
        qtbot: Any, threaded_ops: Any, empty_svc: Any, shared_data: Path) -> None:
    dlg = ImportDialog(empty_svc)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.preview_ready, timeout=20_000):
        dlg.set_path(shared_data / "douyin_orders.xlsx")
    # Hold the worker so the import is still queued when it is cancelled.
    gate = threading.Event()
    threaded_ops.run(lambda _t: gate.wait(10))
    dlg.start_import()
    assert dlg.busy
    assert dlg._task is not None
    dlg._task.cancel()
    with qtbot.waitSignal(dlg.import_finished, timeout=20_000) as blocker:
        gate.set()
    assert blocker.args == [None]
    assert not dlg.busy
    assert "The import was cancelled; nothing was imported." in dlg.summary_label.text()
    assert empty_svc.orders.count() == 0
    assert dlg.close_button.isEnabled()
    assert dlg.import_button.isEnabled()


# ------------------------------------------------------------------ refused files


def test_bad_csv_shows_the_errors_then_imports_the_valid_rows(
        qtbot: Any, sync_ops: Any, empty_svc: Any, bad_csv: Path, tmp_path: Path,
        shown: Any) -> None:
    dlg = open_dialog(qtbot, empty_svc, bad_csv)
    pv = dlg.preview
    assert pv is not None
    assert pv.preset == "template"
    assert pv.can_import
    # The preview already knows: the cell is red, the problem listed.
    assert "Rows with problems: 1 (see Problems)." in dlg.summary_label.text()
    assert dlg.tabs.isTabVisible(2)
    qty = TEMPLATE.index("qty")
    m = dlg.preview_model
    assert m.data(m.index(2, qty), Qt.ItemDataRole.ToolTipRole) == "not a whole number of items"
    assert dlg.valid_only_check.isVisible()
    assert not dlg.valid_only_check.isChecked()

    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    assert dlg.refused is not None
    assert dlg.tabs.currentWidget() is dlg.problems_page
    assert error_cells(dlg) == [("4", "qty", "两件")]  # row 4 of the sheet (1 is the header)
    assert dlg.errors_model.data(dlg.errors_model.index(0, 3)) == "not a whole number of items"
    assert "Nothing was imported. Rows with problems: 1." in dlg.summary_label.text()
    assert empty_svc.orders.count() == 0
    assert shown.messages == []  # the table says it all; no message box

    # Save the errors for whoever fixes the file.
    errors_xlsx = tmp_path / "errors.xlsx"
    shown.answers["save_file"] = (str(errors_xlsx), "")
    qtbot.mouseClick(dlg.save_errors_button, Qt.MouseButton.LeftButton)
    ws = openpyxl.load_workbook(errors_xlsx).active
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["File", "Row", "Column", "Value", "Reason"],
        ["orders_bad.csv", 4, "qty", "两件", "not a whole number of items"],
    ]
    assert str(errors_xlsx) in dlg.problems_intro.text()

    # Then only the valid rows; the bad one goes to a rejects workbook.
    rejects = tmp_path / "rejects.xlsx"
    shown.answers["save_file"] = (str(rejects), "")
    dlg.valid_only_check.setChecked(True)
    with qtbot.waitSignal(dlg.imported, timeout=10_000) as blocker:
        qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert (report.created, report.rejected, report.rejects_file) == (5, 1, str(rejects))
    assert empty_svc.orders.count() == 5
    assert rejects.is_file()
    assert str(rejects) in dlg.result_label.text()
    assert [k for k, *_ in shown.messages] == ["save_file", "save_file"]


def test_valid_only_needs_a_rejects_file(qtbot: Any, sync_ops: Any, empty_svc: Any,
                                         bad_csv: Path, shown: Any) -> None:
    dlg = open_dialog(qtbot, empty_svc, bad_csv)
    dlg.valid_only_check.setChecked(True)
    shown.answers["save_file"] = ("", "")  # the user cancels the file dialog
    dlg.start_import()
    assert empty_svc.orders.count() == 0
    assert dlg.report is None
    assert dlg.refused is None


def test_unknown_status_values_are_listed_and_block_valid_only(
        qtbot: Any, sync_ops: Any, empty_svc: Any, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    rows = [template_row(1), template_row(2)]
    rows[1][TEMPLATE.index("status")] = "挂起"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([TEMPLATE, *rows])
    dlg = open_dialog(qtbot, empty_svc, path)
    assert dlg.unknown_label.isVisible()
    assert "挂起" in dlg.unknown_label.text()
    assert not dlg.valid_only_check.isVisible()
    dlg.start_import()
    assert dlg.refused is not None
    assert dlg.refused.unknown_statuses == ["挂起"]
    assert empty_svc.orders.count() == 0


def test_unreadable_file_is_explained_in_the_dialog(qtbot: Any, sync_ops: Any,
                                                    empty_svc: Any, tmp_path: Path,
                                                    shown: Any) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    dlg = open_dialog(qtbot, empty_svc, path)
    assert dlg.preview is None
    assert dlg.summary_label.text().startswith("This file cannot be read:")
    assert dlg.summary_label.property("alert") is True
    assert not dlg.import_button.isEnabled()
    assert shown.messages == []


# ------------------------------------------------------------------ kinds and layouts


def test_kind_is_guessed_and_can_be_overridden(qtbot: Any, sync_ops: Any, empty_svc: Any,
                                               shared_data: Path) -> None:
    dlg = open_dialog(qtbot, empty_svc, shared_data / "products.xlsx")
    assert dlg.preview is not None
    assert dlg.preview.kind == "products"
    assert not dlg.platform_combo.isEnabled()
    assert "Product sheet" in dlg.summary_label.text()
    dlg.set_kind("supply")
    assert dlg.preview.kind == "supply"
    assert dlg.preview.guessed_kind == "products"
    assert dlg.preview.missing == ["qty", "expected_on"]
    assert "Required columns are missing: Quantity, Expected on" in dlg.summary_label.text()
    assert not dlg.import_button.isEnabled()
    assert dlg.tabs.currentWidget() is dlg.mapping_page
    m = dlg.mapping_model
    missing = [m.data(m.index(r, 1)) for r in range(m.rowCount())
               if m.row_at(r).state == "missing"]
    assert missing == ["Quantity: required, missing", "Expected on: required, missing"]

    dlg.set_path(shared_data / "supply.xlsx")
    assert dlg.preview.kind == "supply"
    assert dlg.import_button.isEnabled()


def test_layout_override(qtbot: Any, sync_ops: Any, empty_svc: Any,
                         shared_data: Path) -> None:
    dlg = open_dialog(qtbot, empty_svc, shared_data / "douyin_orders.xlsx")
    dlg.set_layout("jd")
    assert dlg.preview is not None
    assert dlg.preview.preset == "jd"
    assert dlg.preview.detected == "douyin"
    assert dlg.platform_combo.currentData() == "jd"
    assert not dlg.import_button.isEnabled()  # JD's required columns are not there
    dlg.set_layout("auto")
    assert dlg.preview.preset == "douyin"
    assert dlg.import_button.isEnabled()


def test_products_then_supply_import(qtbot: Any, sync_ops: Any, empty_svc: Any,
                                     shared_data: Path) -> None:
    dlg = open_dialog(qtbot, empty_svc, shared_data / "products.xlsx")
    dlg.start_import()
    assert dlg.report is not None
    assert (dlg.report.kind, dlg.report.created) == ("products", 7)
    dlg.set_path(shared_data / "supply.xlsx")
    assert dlg.report is None
    assert dlg.import_button.isEnabled()
    dlg.start_import()
    assert dlg.report is not None
    assert (dlg.report.kind, dlg.report.created) == ("supply", 7)
    assert len(empty_svc.stock.supply()) == 7


def test_choose_file_uses_the_file_dialog(qtbot: Any, sync_ops: Any, empty_svc: Any,
                                          shared_data: Path, shown: Any) -> None:
    dlg = open_dialog(qtbot, empty_svc)
    assert not dlg.import_button.isEnabled()
    assert "Choose the file to import" in dlg.summary_label.text()
    shown.answers["open_file"] = (str(shared_data / "tiktok_orders.csv"), "")
    qtbot.mouseClick(dlg.choose_button, Qt.MouseButton.LeftButton)
    assert dlg.preview is not None
    assert dlg.preview.preset == "tiktok"
    assert dlg.platform_combo.currentText() == "Automatic: TikTok Shop"


# ------------------------------------------------------------------ the seller's own mapping


def douyin_copy(shared_data: Path, path: Path, header: dict[str, str] | None = None,
                status: dict[int, str] | None = None) -> Path:
    """The Douyin sample with ``header`` renamed and ``status`` (sheet row -> text) set."""
    wb = openpyxl.load_workbook(shared_data / "douyin_orders.xlsx")
    ws = wb.active
    heads = [c.value for c in ws[1]]
    for old, new in (header or {}).items():
        ws.cell(1, heads.index(old) + 1).value = new
    for row, text in (status or {}).items():
        ws.cell(row, heads.index("订单状态") + 1).value = text
    wb.save(path)
    return path


def mapping_row(dlg: ImportDialog, header: str) -> int:
    m = dlg.mapping_model
    return next(r for r in range(m.rowCount()) if m.row_at(r).header == header)


def choose(qtbot: Any, view: Any, row: int, value: str, *, click: bool = False) -> list[str]:
    """Pick ``value`` in the combo box the view opens on (row, 1), as a user would:
    open the editor, choose the entry and press Enter (``click``: pick it from the
    list, which commits at once). Returns the combo's texts."""
    from PySide6.QtWidgets import QComboBox

    index = view.model().index(row, 1)
    view.edit(index)
    combo = view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert combo.currentData() == view.model().data(index, Qt.ItemDataRole.EditRole)
    combo.setCurrentIndex(combo.findData(value))
    if click:
        combo.activated.emit(combo.currentIndex())  # what choosing in the popup sends
    else:
        qtbot.keyClick(combo, Qt.Key.Key_Return)
    # The delegate commits and closes the editor on Enter through a queued call.
    qtbot.waitUntil(lambda: view.indexWidget(index) is None, timeout=5_000)
    return texts


def test_a_renamed_column_is_mapped_by_hand_and_saved(
        qtbot: Any, sync_ops: Any, empty_svc: Any, douyin_campaign: int, shared_data: Path,
        tmp_path: Path, shown: Any) -> None:
    from presale_engine.io import user_presets_dir

    path = douyin_copy(shared_data, tmp_path / "renamed.xlsx", header={"主订单编号": "订单号码"})
    dlg = open_dialog(qtbot, empty_svc, path)
    pv = dlg.preview
    assert pv is not None
    assert (pv.preset, pv.missing) == ("douyin", ["order_no"])
    assert not dlg.import_button.isEnabled()
    assert dlg.tabs.currentWidget() is dlg.mapping_page
    assert "Required columns are missing: Order number." in dlg.summary_label.text()
    m = dlg.mapping_model
    assert m.data(m.index(m.rowCount() - 1, 1)) == "Order number: required, missing"
    row = mapping_row(dlg, "订单号码")
    assert m.data(m.index(row, 1)) == "not used"
    assert dlg.save_mapping_button.isVisible()
    assert not dlg.save_mapping_button.isEnabled()  # nothing changed yet
    # One click on the field opens its combo box; Escape closes it unchanged.
    view = dlg.mapping_view
    index = m.index(row, 1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert view.indexWidget(index) is not None
    qtbot.keyClick(view.indexWidget(index), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None, timeout=5_000)
    assert m.row_at(row).field is None

    texts = choose(qtbot, dlg.mapping_view, row, "order_no")
    assert texts[:3] == ["not used", "Order number (required)", "Sub-order number"]
    assert m.row_at(row).field == "order_no"
    assert m.data(m.index(row, 1)) == "Order number"
    assert m.missing() == []  # the missing line is gone
    assert m.column_changes() == {"order_no": "订单号码"}
    assert dlg.save_mapping_button.isEnabled()
    assert "are used once you save them" in dlg.summary_label.text()

    shown.answers["get_text"] = ("douyin_mine", True)
    with qtbot.waitSignal(dlg.preview_ready, timeout=20_000):
        qtbot.mouseClick(dlg.save_mapping_button, Qt.MouseButton.LeftButton)
    assert shown.kinds() == ["get_text"]
    saved = user_presets_dir() / "douyin_mine.json"
    assert Path.home() in saved.parents  # the test's own HOME
    assert json.loads(saved.read_text("utf-8")) == {
        "name": "douyin_mine", "extends": "douyin", "label": "douyin_mine",
        "columns": {"order_no": ["订单号码"]}}
    pv = dlg.preview
    assert pv is not None
    assert (pv.preset, pv.missing, pv.unknown_statuses) == ("douyin_mine", [], [])
    assert pv.can_import
    assert dlg.import_button.isEnabled()
    assert not dlg.save_mapping_button.isEnabled()  # saved: nothing edited any more
    assert str(saved) in dlg.summary_label.text()
    assert dlg.platform_combo.currentText() == "Automatic: douyin_mine"
    assert header_texts(dlg)[0] == "订单号码\n→ Order number"

    with qtbot.waitSignal(dlg.imported, timeout=30_000) as blocker:
        qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert (report.created, report.rejected, report.platform) == (40, 0, "douyin")
    assert empty_svc.orders.count() == 40
    # A later import of a file laid out this way finds the mapping by itself.
    again = open_dialog(qtbot, empty_svc, path)
    assert again.preview is not None
    assert again.preview.preset == "douyin_mine"


def test_an_unknown_status_is_given_a_meaning_and_saved(
        qtbot: Any, sync_ops: Any, empty_svc: Any, douyin_campaign: int, shared_data: Path,
        tmp_path: Path, shown: Any) -> None:
    from presale_engine.io import user_presets_dir

    path = douyin_copy(shared_data, tmp_path / "locked.xlsx", status={3: "已锁定"})
    dlg = open_dialog(qtbot, empty_svc, path)
    pv = dlg.preview
    assert pv is not None
    assert (pv.preset, pv.unknown_statuses, pv.new_statuses) == (
        "douyin", ["已锁定"], ["已锁定"])
    assert dlg.unknown_label.isVisible()
    assert "say what each one means under Column mapping" in dlg.unknown_label.text()
    assert dlg.tabs.currentWidget() is dlg.mapping_page
    assert dlg.status_view.isVisible()
    s = dlg.status_model
    assert [s.data(s.index(0, c)) for c in range(2)] == ["已锁定", "(choose)"]
    assert not dlg.save_mapping_button.isEnabled()

    texts = choose(qtbot, dlg.status_view, 0, "cancelled_by_seller", click=True)
    assert texts[0] == "(choose)"
    assert "Cancelled by seller" in texts
    assert len(texts) == 14  # "(choose)" and the 13 order states
    assert s.data(s.index(0, 1)) == "Cancelled by seller"
    assert s.chosen() == {"已锁定": "cancelled_by_seller"}
    assert dlg.save_mapping_button.isEnabled()

    shown.answers["get_text"] = ("douyin_locked", True)
    qtbot.mouseClick(dlg.save_mapping_button, Qt.MouseButton.LeftButton)
    saved = user_presets_dir() / "douyin_locked.json"
    assert json.loads(saved.read_text("utf-8")) == {
        "name": "douyin_locked", "extends": "douyin", "label": "douyin_locked",
        "status_map": {"已锁定": "cancelled_by_seller"}}
    pv = dlg.preview
    assert pv is not None
    assert (pv.preset, pv.unknown_statuses, pv.errors) == ("douyin_locked", [], [])
    assert not dlg.unknown_label.isVisible()
    assert not dlg.status_view.isVisible()
    assert dlg.tabs.currentWidget() is dlg.preview_page

    dlg.start_import()
    assert dlg.report is not None
    assert (dlg.report.created, dlg.report.rejected) == (40, 0)
    by_no = {o.order_no: o for o in empty_svc.orders.find(limit=None)}
    assert by_no["6934520299815629378"].status == "cancelled_by_seller"  # sheet row 3
    assert by_no["6934512094788948184"].status == "shipped"  # row 2, as the file says


def test_an_invalid_name_is_refused_and_nothing_is_written(
        qtbot: Any, sync_ops: Any, empty_svc: Any, shared_data: Path, tmp_path: Path,
        shown: Any) -> None:
    from presale_engine.io import user_presets_dir

    path = douyin_copy(shared_data, tmp_path / "renamed.xlsx", header={"主订单编号": "订单号码"})
    dlg = open_dialog(qtbot, empty_svc, path)
    choose(qtbot, dlg.mapping_view, mapping_row(dlg, "订单号码"), "order_no")
    for name, why in (("我的 映射", "use only letters, digits, - and _"),
                      ("douyin", "a layout that comes with Presale Desk")):
        shown.messages.clear()
        shown.answers["get_text"] = (name, True)
        qtbot.mouseClick(dlg.save_mapping_button, Qt.MouseButton.LeftButton)
        assert shown.kinds() == ["get_text", "warning"]
        assert why in shown.messages[1][2]
    assert not user_presets_dir().exists() or not list(user_presets_dir().iterdir())
    assert dlg.preview is not None
    assert dlg.preview.preset == "douyin"  # nothing changed: still edited, not saved
    assert dlg.mapping_edited()
    assert dlg.save_mapping_button.isEnabled()
    # The name dialog cancelled: nothing shown, nothing written.
    shown.messages.clear()
    shown.answers["get_text"] = ("douyin_mine", False)
    qtbot.mouseClick(dlg.save_mapping_button, Qt.MouseButton.LeftButton)
    assert shown.kinds() == ["get_text"]
    assert not (user_presets_dir() / "douyin_mine.json").exists()


def test_saving_needs_every_required_column(qtbot: Any, sync_ops: Any, empty_svc: Any,
                                            shared_data: Path, shown: Any) -> None:
    dlg = open_dialog(qtbot, empty_svc, shared_data / "douyin_orders.xlsx")
    m = dlg.mapping_model
    row = mapping_row(dlg, "商家编码")
    choose(qtbot, dlg.mapping_view, row, "")  # "not used"
    assert m.row_at(row).state == "extra"
    assert m.missing() == ["sku"]
    assert m.data(m.index(m.rowCount() - 1, 1)) == "SKU code: required, missing"
    qtbot.mouseClick(dlg.save_mapping_button, Qt.MouseButton.LeftButton)
    assert shown.kinds() == ["warning"]
    assert "Required columns are still missing: SKU code." in shown.messages[0][2]


def test_resaving_a_mapping_keeps_its_earlier_choices(
        qtbot: Any, sync_ops: Any, empty_svc: Any, shared_data: Path, tmp_path: Path,
        shown: Any) -> None:
    """A saved mapping edited again and saved under its own name is updated (it still
    extends the built-in layout, never itself)."""
    from presale_engine.io import load_presets, user_presets_dir

    path = douyin_copy(shared_data, tmp_path / "both.xlsx", header={"主订单编号": "订单号码"},
                       status={3: "已锁定"})
    dlg = open_dialog(qtbot, empty_svc, path)
    choose(qtbot, dlg.mapping_view, mapping_row(dlg, "订单号码"), "order_no")
    shown.answers["get_text"] = ("douyin_mine", True)
    qtbot.mouseClick(dlg.save_mapping_button, Qt.MouseButton.LeftButton)
    pv = dlg.preview
    assert pv is not None
    assert (pv.preset, pv.new_statuses) == ("douyin_mine", ["已锁定"])
    choose(qtbot, dlg.status_view, 0, "paid")
    # The recipient column is not wanted any more.
    choose(qtbot, dlg.mapping_view, mapping_row(dlg, "收件人"), "", click=True)
    assert dlg.mapping_model.column_changes() == {"recipient": None}
    qtbot.mouseClick(dlg.save_mapping_button, Qt.MouseButton.LeftButton)
    assert shown.kinds() == ["get_text", "get_text"]  # same name: no "replace?" question
    data = json.loads((user_presets_dir() / "douyin_mine.json").read_text("utf-8"))
    assert data == {"name": "douyin_mine", "extends": "douyin", "label": "douyin_mine",
                    "columns": {"order_no": ["订单号码"], "recipient": []},
                    "status_map": {"已锁定": "paid"}}
    assert load_presets(user_presets_dir())["douyin_mine"].columns["recipient"] == ()
    pv = dlg.preview
    assert pv is not None
    assert (pv.preset, pv.missing, pv.unknown_statuses) == ("douyin_mine", [], [])
    assert "recipient" not in pv.fields.values()


def test_column_changes_name_only_what_the_seller_changed(shared_data: Path) -> None:
    pv = build_preview(shared_data / "douyin_orders.xlsx")
    m = ColumnMappingModel()
    m.set_preview(pv)
    rows = {m.row_at(r).header: r for r in range(m.rowCount())}
    assert m.flags(m.index(rows["商品ID"], 1)) & Qt.ItemFlag.ItemIsEditable
    assert not m.flags(m.index(rows["商品ID"], 0)) & Qt.ItemFlag.ItemIsEditable
    assert not m.setData(m.index(rows["商品ID"], 1), "no_such_field")
    # The product ID column holds the SKU code: the SKU column it took over is freed,
    # and nothing is said about it (naming the header takes it from the other field).
    assert m.setData(m.index(rows["商品ID"], 1), "sku")
    assert m.row_at(rows["商家编码"]).state == "extra"
    assert m.column_changes() == {"sku": "商品ID"}
    assert m.is_edited()
    # Put back as it was: no change left.
    m.setData(m.index(rows["商家编码"], 1), "sku")
    m.setData(m.index(rows["商品ID"], 1), "")
    assert m.column_changes() == {}
    assert not m.is_edited()
    # Products and supply sheets are not edited here.
    m.set_preview(build_preview(shared_data / "products.xlsx"))
    assert not m.flags(m.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


# ------------------------------------------------------------------ the main window


def _drag(widget: Any, path: Path) -> tuple[QDragEnterEvent, QDropEvent]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    at = QPointF(widget.rect().center())
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    drop = QDropEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    enter.mime = drop.mime = mime  # type: ignore[attr-defined]  # keep it alive
    return enter, drop


def test_dropping_a_file_on_the_main_window_opens_the_dialog(window: Any, qtbot: Any,
                                                             shared_data: Path,
                                                             tmp_path: Path) -> None:
    note = tmp_path / "notes.txt"
    note.write_text("hello")
    enter, _drop = _drag(window, note)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()  # only .xlsx and .csv

    enter, drop = _drag(window, shared_data / "jd_orders.xlsx")
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    dlg = window.import_dialog
    assert isinstance(dlg, ImportDialog)
    assert dlg.isVisible()
    assert dlg.path == shared_data / "jd_orders.xlsx"
    assert dlg.preview is not None
    assert dlg.preview.detected == "jd"


def test_import_refreshes_the_main_window(window: Any, svc: Any, shared_data: Path) -> None:
    before = svc.orders.count()
    window.act_import.trigger()
    dlg = window.import_dialog
    assert isinstance(dlg, ImportDialog)
    assert dlg.preview is None
    dlg.set_path(shared_data / "tiktok_orders.csv")
    dlg.start_import()
    assert dlg.report is not None
    assert dlg.report.created == 40
    assert window.status_counts is not None
    assert window.status_counts[0] == before + 40
    dlg.close_dialog()
    assert not dlg.isVisible()


def test_drop_on_the_dialog_previews_that_file(qtbot: Any, sync_ops: Any, empty_svc: Any,
                                               shared_data: Path) -> None:
    dlg = open_dialog(qtbot, empty_svc, shared_data / "jd_orders.xlsx")
    enter, drop = _drag(dlg, shared_data / "taobao_orders.csv")
    QApplication.sendEvent(dlg, enter)
    QApplication.sendEvent(dlg, drop)
    assert dlg.preview is not None
    assert dlg.preview.preset == "taobao"


# ------------------------------------------------------------------ language


def test_dialog_in_chinese(qtbot: Any, sync_ops: Any, empty_svc: Any,
                           shared_data: Path) -> None:
    from app import i18n

    dlg = open_dialog(qtbot, empty_svc, shared_data / "douyin_orders.xlsx")
    i18n.apply_language("zh_CN")
    assert dlg.windowTitle() == "导入"
    assert dlg.import_button.text() == "导入"
    assert dlg.platform_combo.currentText() == "自动：抖音"
    assert header_texts(dlg)[0] == "主订单编号\n→ 订单号"
    assert "抖音" in dlg.summary_label.text()
    i18n.apply_language("en")
    assert dlg.import_button.text() == "Import"


def test_every_import_text_is_translated() -> None:
    """No unfinished Chinese entry is left for the import dialog and its models."""
    import xml.etree.ElementTree as ET

    from app.i18n import i18n_dir

    root = ET.parse(i18n_dir() / "presale_zh_CN.ts").getroot()
    todo = [(ctx.findtext("name"), msg.findtext("source"))
            for ctx in root.iter("context") for msg in ctx.iter("message")
            if (msg.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
                or not msg.findtext("translation"))]
    assert todo == []


# ------------------------------------------------------------------ models


def test_models_pass_the_model_tester(qtmodeltester: Any, bad_csv: Path,
                                      shared_data: Path) -> None:
    pv = build_preview(bad_csv)
    preview = PreviewTableModel()
    preview.set_preview(pv)
    qtmodeltester.check(preview, force_py=True)
    assert preview.rowCount() == 6
    assert preview.columnCount() == len(TEMPLATE)
    preview.set_preview(None)
    qtmodeltester.check(preview, force_py=True)

    mapping = ColumnMappingModel()
    mapping.set_preview(build_preview(shared_data / "douyin_orders.xlsx"))
    qtmodeltester.check(mapping, force_py=True)
    mapping.setData(mapping.index(0, 1), "")  # the order number column: not used
    assert mapping.missing() == ["order_no"]
    qtmodeltester.check(mapping, force_py=True)
    statuses = StatusMappingModel()
    statuses.set_texts(["已锁定", "挂起"])
    statuses.setData(statuses.index(1, 1), "paid")
    qtmodeltester.check(statuses, force_py=True)
    assert statuses.chosen() == {"挂起": "paid"}
    errors = RowErrorModel()
    errors.set_rows(pv.errors)
    qtmodeltester.check(errors, force_py=True)
    assert errors.rowCount() == 1
    moved = NotMovedBackModel()
    moved.set_rows([{"row": 7, "order_no": "W1", "file_status": "paid",
                     "stored_status": "shipped"}])
    qtmodeltester.check(moved, force_py=True)
    assert moved.data(moved.index(0, 3)) == "Shipped"


def test_errors_workbook_keeps_formulas_as_text(tmp_path: Path) -> None:
    from presale_engine.io import RowError
    from presale_engine.io.preview import write_errors_workbook

    path = write_errors_workbook(tmp_path / "e.xlsx", [
        RowError("x.csv", 5, "buyer", '=HYPERLINK("http://evil")', "bad\x01 value")])
    ws = openpyxl.load_workbook(path).active
    cell = ws.cell(2, 4)
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://evil")', "s")
    assert ws.cell(2, 5).value == "bad value"
    assert not list(tmp_path.glob(".*.part"))


# ------------------------------------------------------------------ screenshots


def test_screenshots_in_both_languages(qapp: Any, tmp_path: Path, shared_data: Path) -> None:
    """Renders what ``python -m app.dialogs.import_screenshots`` puts in docs/."""
    from PySide6.QtGui import QImage

    from app.dialogs import import_screenshots

    files = import_screenshots.render_all(tmp_path, data=shared_data)
    assert [f.name for f in files] == [
        "import_dialog_zh.png", "import_dialog_errors_zh.png", "import_mapping_zh.png",
        "import_dialog_en.png", "import_dialog_errors_en.png", "import_mapping_en.png"]
    for f in files:
        img = QImage(str(f))
        assert (img.width(), img.height()) == import_screenshots.SIZE, f.name


def test_a_big_file_is_checked_in_part_and_counted_whole(
        qtbot: Any, sync_ops: Any, empty_svc: Any, bad_csv: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from presale_engine.io import preview as import_preview

    monkeypatch.setattr(import_preview, "CHECK_ROWS", 2)
    dlg = open_dialog(qtbot, empty_svc, bad_csv)
    pv = dlg.preview
    assert pv is not None
    assert (pv.total_rows, pv.checked_rows, pv.errors) == (6, 2, [])  # row 4 not checked
    assert "The preview checked the first 2 rows; the import checks them all." in (
        dlg.summary_label.text())
    dlg.start_import()  # the import does check every row
    assert dlg.refused is not None
    assert error_cells(dlg) == [("4", "qty", "两件")]


# ------------------------------------------------------------------ two-file exports


def test_a_taobao_order_report_asks_for_its_item_report(qtbot: Any, sync_ops: Any,
                                                        empty_svc: Any, tmp_path: Path,
                                                        shown: Any) -> None:
    from export_layouts import TB_LINES, write_pair

    orders, items = write_pair(tmp_path, ".csv")
    dlg = open_dialog(qtbot, empty_svc, orders)
    pv = dlg.preview
    assert pv is not None
    assert (pv.preset, pv.needs) == ("taobao", "items")
    row = dlg.second_file
    assert row.isVisible()
    assert "item report (宝贝报表)" in row.label.text()
    assert row.choose_button.text() == "Choose the item report…"
    assert not row.remove_button.isVisible()
    assert "add its item report (宝贝报表) above" in dlg.summary_label.text()
    assert not dlg.import_button.isEnabled()
    # The seller picks the item report: the pair is read and can be imported.
    shown.answers["open_file"] = (str(items), "")
    with qtbot.waitSignal(dlg.preview_ready, timeout=20_000):
        qtbot.mouseClick(row.choose_button, Qt.MouseButton.LeftButton)
    assert shown.kinds() == ["open_file"]
    assert "item report" in shown.messages[0][1]
    pv = dlg.preview
    assert pv is not None
    assert (pv.needs, pv.items_path, pv.errors) == (None, items, [])
    assert row.path_edit.text() == str(items)
    assert row.remove_button.isVisible()
    assert "Every row can be imported." in dlg.summary_label.text()
    assert dlg.import_button.isEnabled()
    with qtbot.waitSignal(dlg.imported, timeout=20_000) as blocker:
        qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    assert (blocker.args[0].created, blocker.args[0].platform) == (len(TB_LINES), "taobao")
    assert empty_svc.orders.count() == len(TB_LINES)
    # Removing the second file reads the order report alone again.
    with qtbot.waitSignal(dlg.preview_ready, timeout=20_000):
        qtbot.mouseClick(row.remove_button, Qt.MouseButton.LeftButton)
    assert dlg.preview is not None
    assert dlg.preview.needs == "items"


def test_an_item_report_asks_for_its_order_report_in_chinese(
        qtbot: Any, sync_ops: Any, empty_svc: Any, tmp_path: Path, shown: Any) -> None:
    from export_layouts import write_pair

    from app import i18n

    orders, items = write_pair(tmp_path, ".xlsx")
    i18n.apply_language("zh_CN")
    dlg = open_dialog(qtbot, empty_svc, items)
    assert dlg.preview is not None
    assert dlg.preview.needs == "orders"
    row = dlg.second_file
    assert row.choose_button.text() == "选择订单报表…"
    assert "订单报表" in row.label.text()
    assert "订单报表" in dlg.summary_label.text()
    shown.answers["open_file"] = (str(orders), "")
    with qtbot.waitSignal(dlg.preview_ready, timeout=20_000):
        qtbot.mouseClick(row.choose_button, Qt.MouseButton.LeftButton)
    assert dlg.preview is not None
    assert dlg.preview.can_import
    assert row.label.text() == "一起导入的文件："
