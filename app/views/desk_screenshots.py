"""Developer tool: pictures of the order desk and the inventory page, zh and en, at
1366×768 and 1024×640.

    python -m app.views.desk_screenshots [OUT_DIR]      (default: docs/screenshots)

Writes ``desk_orders_<lang>_<size>.png`` (the table with an order's detail panel),
``desk_bulk_<lang>_<size>.png`` (the confirmation of a seller cancel over a selection
that mixes cancellable and shipped orders: the money and the refusals),
``desk_inventory_<lang>_<size>.png`` and ``desk_delay_<lang>_<size>.png`` (a batch
delay with the orders it makes late). Runs offscreen on a throw-away 3,000-order demo
shop, with the shipped CJK font and the app's translations; ops run synchronously so
every picture shows loaded data.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SIZES = ((1366, 768), (1024, 640))
NOW = datetime(2026, 11, 22, 4, 0, tzinfo=UTC)


def _settle(app: Any, seconds: float = 0.15) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def render_all(out_dir: Path, langs: Sequence[str] = ("zh", "en")) -> list[Path]:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    from PySide6.QtWidgets import QApplication

    from app import fonts, i18n, ops
    from app.context import DeskContext
    from app.main_window import MainWindow
    from presale_engine.service import OrderFilter, fixed_clock
    from presale_engine.service.setup import generate_demo_shop, open_service

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
            path = Path(tmp) / "shots.sqlite3"
            svc = open_service(path, clock=fixed_clock(NOW))
            generate_demo_shop(svc, orders=3000)
            try:
                files += _render(app, svc, out_dir, langs, DeskContext, MainWindow,
                                 OrderFilter, QItemSelection, QItemSelectionModel, i18n)
            finally:
                svc.db.dispose()
    finally:
        i18n.apply_language("en")
        ops.set_manager(old_manager)
        manager.deleteLater()
        app.setStyleSheet(old_style)
    return files


def _render(app: Any, svc: Any, out_dir: Path, langs: Sequence[str], DeskContext: Any,
            MainWindow: Any, OrderFilter: Any, QItemSelection: Any,
            QItemSelectionModel: Any, i18n: Any) -> list[Path]:
    files: list[Path] = []
    # a selection for the bulk confirmation: cancellable orders and shipped ones
    mixed = [o.id for o in svc.orders.find(OrderFilter(statuses=["balance_paid"],
                                                       kind="deposit"), limit=6)]
    mixed += [o.id for o in svc.orders.find(OrderFilter(statuses=["shipped"]), limit=3)]
    douyin = svc.orders.find(OrderFilter(platform="douyin", statuses=["balance_paid"],
                                         kind="deposit"), limit=1)[0]
    # the batch whose delay by two weeks makes the most orders late
    from datetime import timedelta

    open_batches = [b for b in svc.stock.supply() if b.received < b.qty]
    batch = max(open_batches, key=lambda b: svc.stock.delay_supply(
        b.id, b.expected + timedelta(days=21), dry_run=True).late_orders)
    for lang in langs:
        i18n.apply_language("zh_CN" if lang == "zh" else "en")
        for w_px, h_px in SIZES:
            size = f"{w_px}x{h_px}"
            w = MainWindow()
            w.save_state_on_close = False
            w.resize(w_px, h_px)
            w.show()
            w.set_context(DeskContext.for_service(svc))
            w.show_page("orders")
            page = w.orders
            page.show_filter(OrderFilter(platform="douyin"))
            _settle(app)
            row = page.model.row_of(douyin.id) or 0
            page.table.selectRow(row)
            page.table.scrollTo(page.model.index(row, 0))
            page.show_order(douyin.id)
            _settle(app, 0.3)
            files.append(_grab(w, out_dir / f"desk_orders_{lang}_{size}.png"))

            page.show_filter(OrderFilter(ids=tuple(mixed)))
            _settle(app)
            sel = QItemSelection(page.model.index(0, 0), page.model.index(
                page.model.rowCount() - 1, page.model.columnCount() - 1))
            page.table.selectionModel().select(
                sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            dlg = page.start_bulk("seller_cancel")
            dlg.resize(min(640, w_px - 80), min(560, h_px - 60))
            _settle(app)
            files.append(_grab(dlg, out_dir / f"desk_bulk_{lang}_{size}.png"))
            dlg.reject()

            w.show_page("inventory")
            inv = w.inventory
            _settle(app, 0.3)
            files.append(_grab(w, out_dir / f"desk_inventory_{lang}_{size}.png"))
            inv._select(inv.supply_table, inv.supply_model, lambda b: b.id == batch.id)
            dlg = inv.delay_batch()
            dlg.new_date.setDate(dlg.new_date.date().addDays(14))
            dlg.refresh_preview()
            dlg.resize(min(620, w_px - 80), min(460, h_px - 60))
            _settle(app)
            files.append(_grab(dlg, out_dir / f"desk_delay_{lang}_{size}.png"))
            dlg.reject()
            w.orders.reader.stop()
            w.close()
            w.deleteLater()
            _settle(app, 0.05)
    return files


def _grab(widget: Any, path: Path) -> Path:
    widget.grab().save(str(path))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0]) if args else REPO / "docs" / "screenshots"
    app = QApplication.instance() or QApplication([])
    for path in render_all(out):
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
