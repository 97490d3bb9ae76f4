"""The print dialog and the packing bench, driven as a user does (offscreen)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pdf_check import pages_text
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from wave_shop import build_shop

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pdfminer")


@pytest.fixture
def shop(empty_svc: Any) -> dict[str, Any]:
    return build_shop(empty_svc, 4)


@pytest.fixture
def dialog(qtbot: Any, empty_svc: Any, shop: Any, sync_ops: Any) -> Any:
    from app.dialogs.print_dialog import PrintDialog

    dlg = PrintDialog(empty_svc)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _choose(combo: Any, data: Any) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_make_a_wave_preview_save_and_print_slips(qtbot: Any, dialog: Any, empty_svc: Any,
                                                  shop: Any, shown: Any,
                                                  tmp_path: Path) -> None:
    assert dialog.wave_combo.count() == 0
    assert not dialog.preview_button.isEnabled()
    dialog.max_spin.setValue(3)
    qtbot.keyClicks(dialog.carrier_edit, "SF Express")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.wave_combo.count() == 1
    assert dialog.wave_combo.currentText().startswith("Wave #1 · 3 orders")
    assert "Wave #1 made: 3 orders" in dialog.status.text()
    _choose(dialog.sheet_combo, "slips")
    _choose(dialog.size_combo, "label")
    _choose(dialog.lang_combo, "en")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.document.pageCount() == 3
    assert dialog.status.text() == "3 pages"
    size = dialog.document.pagePointSize(0)
    assert (round(size.width() * 25.4 / 72), round(size.height() * 25.4 / 72)) == (100, 150)
    # save
    target = tmp_path / "slips.pdf"
    shown.answers["save_file"] = (str(target), "")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = "".join(pages_text(target))
    for p in empty_svc.waves.parcels(1):
        assert p.order_no in text
    # print (a PDF printer stands in for the one QPrintDialog would give)
    printed = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        pr = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        pr.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        pr.setOutputFileName(str(printed))
        return pr

    dialog.ask_printer = printer
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Sent 3 pages to the printer."
    assert len(pages_text(printed)) == 3
    assert [p.sheet for p in empty_svc.waves.get(1).printed] == ["slips"]


def test_pick_list_manifest_and_campaign_report(qtbot: Any, dialog: Any, empty_svc: Any,
                                                shop: Any) -> None:
    empty_svc.waves.create()
    dialog.load()
    for sheet in ("picklist", "manifest"):
        _choose(dialog.sheet_combo, sheet)
        assert dialog.wave_combo.isEnabled()
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        assert dialog.document.pageCount() >= 1
    _choose(dialog.sheet_combo, "report")
    assert not dialog.wave_combo.isEnabled()
    assert dialog.campaign_combo.isEnabled()
    _choose(dialog.campaign_combo, shop["campaign"])
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.document.pageCount() >= 2
    # the thank-you card text is the shop's, saved when edited
    dialog.card_edit.setText("Thanks & <3")
    dialog.card_edit.editingFinished.emit()
    assert empty_svc.printing.card_text() == "Thanks & <3"


def test_packing_bench_scans_packs_tracks_and_ships(qtbot: Any, dialog: Any, empty_svc: Any,
                                                     shop: Any, shown: Any,
                                                     tmp_path: Path) -> None:
    w = empty_svc.waves.create(carrier="SF")
    dialog.load(select_wave=w.id)
    qtbot.mouseClick(dialog.bench_button, Qt.MouseButton.LeftButton)
    bench = dialog.bench
    qtbot.addWidget(bench)
    nos = [p.order_no for p in empty_svc.waves.parcels(w.id)]
    assert bench.next_label.text() == nos[0]
    assert not bench.ship_button.isEnabled()
    # a tracking label before any slip: refused, nothing changes
    qtbot.keyClicks(bench.scan_edit, "SF000000001")
    qtbot.keyClick(bench.scan_edit, Qt.Key.Key_Return)
    assert "Scan a slip first" in bench.message.text()
    assert bench.progress.value() == 0
    for i, no in enumerate(nos):
        qtbot.keyClicks(bench.scan_edit, no)
        qtbot.keyClick(bench.scan_edit, Qt.Key.Key_Return)
        assert bench.message.text() == f"Packed: {no}"
        assert bench.progress.value() == i + 1
        if i + 1 < len(nos):
            assert bench.next_label.text() == nos[i + 1]
        qtbot.keyClicks(bench.scan_edit, f"SF10000000{i}")
        qtbot.keyClick(bench.scan_edit, Qt.Key.Key_Return)
        assert bench.message.text() == f"Tracking number of {no}: SF10000000{i}"
        assert bench.table.item(i, 5).text() == f"SF10000000{i}"
    assert bench.next_title.text() == "Every parcel is packed."
    assert bench.scan_edit.text() == ""
    assert bench.ship_button.isEnabled()
    sheet = tmp_path / "douyin.xlsx"
    shown.answers["save_file"] = (str(sheet), "")
    qtbot.mouseClick(bench.ship_button, Qt.MouseButton.LeftButton)
    assert sheet.is_file()
    assert f"{len(nos)} orders marked shipped." in bench.message.text()
    assert empty_svc.waves.get(w.id).status == "shipped"
    assert {empty_svc.orders.get(i).status for i in shop["ids"]} == {"shipped"}
    assert not bench.scan_edit.isEnabled()
    assert not bench.ship_button.isEnabled()


def test_bench_speaks_chinese(qtbot: Any, empty_svc: Any, shop: Any, sync_ops: Any) -> None:
    from app import i18n
    from app.dialogs.packing_bench import PackingBench

    i18n.apply_language("zh_CN")
    w = empty_svc.waves.create()
    bench = PackingBench(empty_svc, w.id)
    qtbot.addWidget(bench)
    no = empty_svc.waves.parcels(w.id)[0].order_no
    qtbot.keyClicks(bench.scan_edit, no)
    qtbot.keyClick(bench.scan_edit, Qt.Key.Key_Return)
    assert bench.message.text() == f"已打包：{no}"
    assert bench.windowTitle() == f"打包台 — 波次 #{w.id}"
