"""The import dialog's sample files and steps for ``python -m app.screenshots`` (the
one command for the whole set, sized 1366×768 and 1024×640); on its own, at one size:

Developer tool: pictures of the import dialog in Chinese and English.

    python -m app.dialogs.import_screenshots [OUT_DIR] [--data DIR]

Writes ``import_dialog_<lang>.png`` (the preview of the Douyin sample export) and
``import_dialog_errors_<lang>.png`` (a refused file and its error table) and
``import_mapping_<lang>.png`` (a shop's own Douyin layout, its renamed order-number
column for the shipping time and unknown status fixed by hand, before saving the
mapping) into OUT_DIR
(default ``docs/screenshots``). Runs offscreen on a throw-away database, with the
shipped CJK font (``app.fonts``) and the app's own translations (``app.i18n``).
DIR holds the sample files (default: ``../shared/data`` beside the repository).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
SIZE = (1040, 680)
BAD_ROWS = [
    ["W1001", "MUG-01", "1", "25.00", "normal", "paid", "2026-11-10 10:01:00", "林小姐"],
    ["W1002", "MUG-01", "两件", "25.00", "normal", "paid", "2026-11-10 10:02:00", "王先生"],
    ["W1003", "MUG-02", "2", "25.00", "normal", "paid", "2026-11-10 10:03:00", "陈同学"],
    ["W1004", "MUG-01", "1", "25.00", "normal", "paid", "2026-13-10 10:04:00", "赵女士"],
    ["W1005", "MUG-02", "1", "二十五", "normal", "paid", "2026-11-10 10:05:00", "刘先生"],
]
BAD_HEADERS = ["order_no", "sku", "qty", "unit_price", "kind", "status", "ordered_at", "buyer"]


def _grab(dialog: object, path: Path) -> Path:
    from PySide6.QtWidgets import QApplication, QDialog

    assert isinstance(dialog, QDialog)
    for _ in range(3):
        QApplication.processEvents()
    dialog.grab().save(str(path))
    return path


def _own_layout(src: Path, dst: Path) -> Path:
    """The Douyin sample as another shop exports it: 实际发货时间 for 发货时间, and a
    status text the built-in layout does not know."""
    import openpyxl

    wb = openpyxl.load_workbook(src)
    ws = wb.worksheets[0]
    col = {c.value: c.column for c in ws[1]}
    ws.cell(1, col["发货时间"]).value = "实际发货时间"
    ws.cell(3, col["订单状态"]).value = "已锁定"
    wb.save(dst)
    return dst


def _fix_mapping(dialog: object) -> None:
    """What the seller does in the Column mapping tab, through the models' edit role."""
    from PySide6.QtCore import Qt

    from app.dialogs.import_dialog import ImportDialog

    assert isinstance(dialog, ImportDialog)
    columns = dialog.mapping_model
    row = next(r for r in range(columns.rowCount())
               if columns.index(r, 0).data() == "实际发货时间")  # fmt: skip
    columns.setData(columns.index(row, 1), "shipped_at", Qt.ItemDataRole.EditRole)
    statuses = dialog.status_model
    statuses.setData(statuses.index(0, 1), "balance_paid", Qt.ItemDataRole.EditRole)
    dialog.tabs.setCurrentWidget(dialog.mapping_page)


def render_all(out_dir: Path, langs: Sequence[str] = ("zh", "en"),
               data: Path = DATA) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from app import fonts, i18n, ops
    from app.dialogs.import_dialog import ImportDialog
    from presale_engine.service import fixed_clock
    from presale_engine.service.setup import open_service

    app = QApplication.instance()
    assert isinstance(app, QApplication), "needs a QApplication"
    out_dir.mkdir(parents=True, exist_ok=True)
    if fonts.load_cjk_font(app) is None:
        raise RuntimeError("the CJK font in resources/fonts is missing")
    style = (REPO / "resources" / "styles" / "presale.qss").read_text(encoding="utf-8")
    old_style, old_manager = app.styleSheet(), ops.manager()
    app.setStyleSheet(style)
    manager = ops.TaskManager(synchronous=True)
    ops.set_manager(manager)
    files: list[Path] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            bad = Path(tmp) / "orders_fixed_by_hand.csv"
            with bad.open("w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f).writerows([BAD_HEADERS, *BAD_ROWS])
            own = _own_layout(data / "douyin_orders.xlsx", Path(tmp) / "抖店订单_二店.xlsx")
            svc = open_service(Path(tmp) / "shots.sqlite3",
                               clock=fixed_clock(datetime(2026, 11, 22, 4, 0, tzinfo=UTC)))
            try:
                campaign = json.loads((data / "campaigns" / "douyin_down_jacket.json")
                                      .read_text(encoding="utf-8"))
                svc.campaigns.create(campaign)
                for lang in langs:
                    i18n.apply_language("zh_CN" if lang == "zh" else "en")
                    dlg = ImportDialog(svc, path=data / "douyin_orders.xlsx")
                    dlg.resize(*SIZE)
                    dlg.show()
                    files.append(_grab(dlg, out_dir / f"import_dialog_{lang}.png"))
                    dlg.set_path(bad)
                    dlg.start_import()  # refused: the error table
                    files.append(_grab(dlg, out_dir / f"import_dialog_errors_{lang}.png"))
                    dlg.set_path(own)
                    _fix_mapping(dlg)
                    files.append(_grab(dlg, out_dir / f"import_mapping_{lang}.png"))
                    dlg.close()
                    dlg.deleteLater()
            finally:
                svc.db.dispose()
    finally:
        i18n.apply_language("en")
        ops.set_manager(old_manager)
        manager.deleteLater()
        app.setStyleSheet(old_style)
    return files


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import argparse

    from PySide6.QtWidgets import QApplication

    p = argparse.ArgumentParser(prog="python -m app.dialogs.import_screenshots")
    p.add_argument("out", nargs="?", default=str(REPO / "docs" / "screenshots"))
    p.add_argument("--data", default=str(DATA), help="folder of the sample files")
    args = p.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    for path in render_all(Path(args.out), data=Path(args.data)):
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
