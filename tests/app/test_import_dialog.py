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
from app.dialogs.import_preview import build_preview
from app.models.import_models import (
    EXTRA_BG,
    ColumnMappingModel,
    NotMovedBackModel,
    PreviewTableModel,
    RowErrorModel,
)

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
    return int(empty_svc.create_campaign(definition))


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
    assert empty_svc.count_orders() == 0  # the preview wrote nothing

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
    assert empty_svc.count_orders() == 40
    assert {o.campaign_id for o in empty_svc.list_orders(limit=None)} == {douyin_campaign}
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
    assert empty_svc.count_orders() == 0
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
    assert empty_svc.count_orders() == 0
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
    assert empty_svc.count_orders() == 5
    assert rejects.is_file()
    assert str(rejects) in dlg.result_label.text()
    assert [k for k, *_ in shown.messages] == ["save_file", "save_file"]


def test_valid_only_needs_a_rejects_file(qtbot: Any, sync_ops: Any, empty_svc: Any,
                                         bad_csv: Path, shown: Any) -> None:
    dlg = open_dialog(qtbot, empty_svc, bad_csv)
    dlg.valid_only_check.setChecked(True)
    shown.answers["save_file"] = ("", "")  # the user cancels the file dialog
    dlg.start_import()
    assert empty_svc.count_orders() == 0
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
    assert empty_svc.count_orders() == 0


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
    assert dlg.tabs.currentWidget() is dlg.mapping_view
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
    assert len(empty_svc.list_supply()) == 7


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
    before = svc.count_orders()
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
    from app.dialogs.import_preview import write_errors_workbook
    from presale_engine.io import RowError

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
        "import_dialog_zh.png", "import_dialog_errors_zh.png",
        "import_dialog_en.png", "import_dialog_errors_en.png"]
    for f in files:
        img = QImage(str(f))
        assert (img.width(), img.height()) == import_screenshots.SIZE, f.name


def test_a_big_file_is_checked_in_part_and_counted_whole(
        qtbot: Any, sync_ops: Any, empty_svc: Any, bad_csv: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.dialogs import import_preview

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
