"""Developer tool: the screenshot set of every page and dialog, zh and en, at 1366×768 and
1024×640, in one command (issue 13):

    python -m app.screenshots [OUT_DIR] [--lang zh|en] [--size 1366x768|1024x640]
                                                        (default: docs/screenshots)

Writes ``<what>_<lang>_<W>x<H>.png``:

- ``page_<name>``: the main window on a 3,000-order demo shop, each page (dashboard,
  orders with an order's detail, campaigns, inventory, alerts);
- ``empty_<name>``: the same window on a new, empty database (dashboard, orders, campaigns);
- ``dialog_<name>``: each dialog (bulk action, supply delay, receive, allocate, adjust,
  ledger, duplicate, settings, print, packing bench, start), sized to fit the screen;
- ``import_<step>``: the import dialog (preview, refused file, own column mapping, the
  result with flagged orders, the result of orders for a draft campaign);
- ``wizard_<n>_<page>``: the campaign wizard's six pages;
- ``planner_<tab>``: the planner (forecast and plan, P&L, buyer messages);
- ``dashboard_<part>``, ``settings_<tab>``: the dashboard scrolled to its charts and to
  the shortfall chart, its campaign drill-down, and the tabs of Preferences.

Offscreen, with the shipped CJK font, the app's style and translations; ops run
synchronously, so every picture shows loaded data. Dialogs are never larger than the
screen size they are shot for.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SIZES = ((1366, 768), (1024, 640))
LANGS = ("zh", "en")
NOW = datetime(2026, 11, 22, 4, 0, tzinfo=UTC)
DEMO_ORDERS = 3000


def settle(app: Any, seconds: float = 0.15) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def grab(widget: Any, path: Path) -> Path:
    widget.grab().save(str(path))
    return path


def fit(dialog: Any, size: tuple[int, int], want: tuple[int, int] | None = None) -> None:
    """Size a dialog as it opens on a screen of ``size``: its own size, never larger."""
    w, h = want or (dialog.sizeHint().width(), dialog.sizeHint().height())
    w = max(w, dialog.minimumWidth())
    h = max(h, dialog.minimumHeight())
    dialog.resize(min(w, size[0] - 40), min(h, size[1] - 40))


@contextmanager
def _app_setup() -> Iterator[Any]:
    from PySide6.QtWidgets import QApplication

    from app import fonts, i18n, ops

    app = QApplication.instance()
    assert isinstance(app, QApplication), "needs a QApplication"
    if fonts.load_cjk_font(app) is None:
        raise RuntimeError("the CJK font in resources/fonts is missing")
    style = (REPO / "resources" / "styles" / "presale.qss").read_text(encoding="utf-8")
    old_style, old_manager = app.styleSheet(), ops.manager()
    app.setStyleSheet(style)
    manager = ops.TaskManager(synchronous=True)
    ops.set_manager(manager)
    try:
        yield app
    finally:
        i18n.apply_language("en")
        ops.set_manager(old_manager)
        manager.deleteLater()
        app.setStyleSheet(old_style)


def render_all(out_dir: Path, langs: Sequence[str] = LANGS,
               sizes: Sequence[tuple[int, int]] = SIZES,
               only: Callable[[str], bool] | None = None,
               demo_orders: int = DEMO_ORDERS) -> list[Path]:
    """Every picture; ``only(name)`` picks some by file stem prefix (tests)."""
    from app import i18n
    from presale_engine.service import fixed_clock
    from presale_engine.service.setup import generate_demo_shop, open_service

    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    with _app_setup() as app, tempfile.TemporaryDirectory() as tmp:
        demo = open_service(Path(tmp) / "demo.sqlite3", clock=fixed_clock(NOW))
        generate_demo_shop(demo, orders=demo_orders)
        for weeks, rating, bad in ((5, "4.8", "0.012"), (3, "4.7", "0.019"),
                                   (1, "4.6", "0.024"), (0, "4.5", "0.027")):
            demo.risk.record_health(rating=Decimal(rating), bad_review_rate=Decimal(bad),
                                    day=NOW.date() - timedelta(weeks=weeks))
        empty = open_service(Path(tmp) / "empty.sqlite3", clock=fixed_clock(NOW))
        shots = Shots(app, out_dir, Path(tmp), demo, empty, only or (lambda _n: True))
        try:
            for lang in langs:
                i18n.apply_language("zh_CN" if lang == "zh" else "en")
                for size in sizes:
                    files += shots.all(lang, size)
        finally:
            shots.close()
    return files


class Shots:
    def __init__(self, app: Any, out: Path, tmp: Path, demo: Any, empty: Any,
                 only: Callable[[str], bool]) -> None:
        self.app, self.out, self.tmp, self.demo, self.empty = app, out, tmp, demo, empty
        self.only = only
        self.services = [demo, empty]

    def close(self) -> None:
        for svc in self.services:
            svc.db.dispose()

    def all(self, lang: str, size: tuple[int, int]) -> list[Path]:
        files: list[Path] = []
        tag = f"{lang}_{size[0]}x{size[1]}"
        for name, fn in (("page", self.pages), ("empty", self.empty_pages),
                         ("dialog", self.dialogs), ("import", self.imports),
                         ("wizard", self.wizard), ("planner", self.planning),
                         ("dashboard", self.dashboard)):
            if self.only(name):
                files += fn(tag, size)
        return files

    def path(self, stem: str, tag: str) -> Path:
        return self.out / f"{stem}_{tag}.png"

    # ------------------------------------------------------------------ main window
    def window(self, svc: Any, size: tuple[int, int]) -> Any:
        from app.context import DeskContext
        from app.main_window import MainWindow

        w = MainWindow()
        w.save_state_on_close = False
        w.resize(*size)
        w.show()
        w.set_context(DeskContext.for_service(svc))
        settle(self.app)
        return w

    def drop(self, w: Any) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        w.orders.reader.stop()
        w.close()
        w.deleteLater()
        # delete it now: a window left for a later event loop keeps its timers running
        # (the order detail's, the alerts') against a database removed by then
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle(self.app, 0.05)

    def pages(self, tag: str, size: tuple[int, int]) -> list[Path]:
        from presale_engine.service import OrderFilter

        files = []
        w = self.window(self.demo, size)
        try:
            for name in ("dashboard", "orders", "campaigns", "inventory", "alerts"):
                w.show_page(name)
                settle(self.app, 0.3)
                if name == "orders":
                    o = self.demo.orders.find(OrderFilter(platform="douyin",
                                                          statuses=["balance_paid"],
                                                          kind="deposit"), limit=1)[0]
                    page = w.orders
                    page.show_filter(OrderFilter(platform="douyin"))
                    settle(self.app)
                    row = page.model.row_of(o.id) or 0
                    page.table.selectRow(row)
                    page.table.scrollTo(page.model.index(row, 0))
                    page.show_order(o.id)
                    settle(self.app, 0.3)
                files.append(grab(w, self.path(f"page_{name}", tag)))
        finally:
            self.drop(w)
        return files

    def empty_pages(self, tag: str, size: tuple[int, int]) -> list[Path]:
        files = []
        w = self.window(self.empty, size)
        try:
            for name in ("dashboard", "orders", "campaigns", "inventory", "alerts"):
                w.show_page(name)
                settle(self.app, 0.3)
                files.append(grab(w, self.path(f"empty_{name}", tag)))
        finally:
            self.drop(w)
        return files

    # ------------------------------------------------------------------ planning
    def planning(self, tag: str, size: tuple[int, int]) -> list[Path]:
        """The planner's three tabs: forecast and plan, P&L, buyer messages."""
        from PySide6.QtCore import QDate

        files = []
        w = self.window(self.demo, size)
        try:
            w.show_page("campaigns")
            settle(self.app, 0.3)
            w.campaigns.select_campaign(4)
            w.campaigns.open_planner()
            dlg = w.campaigns.planner
            fit(dlg, size, (980, 560))
            dlg.safety.setValue(50)
            settle(self.app)
            files.append(grab(dlg, self.path("planner_plan", tag)))
            dlg.tabs.setCurrentIndex(1)
            dlg.late_days.setValue(14)
            settle(self.app)
            files.append(grab(dlg, self.path("planner_pnl", tag)))
            dlg.tabs.setCurrentIndex(2)
            dlg.purpose.setCurrentIndex(dlg.purpose.findData("delay"))
            dlg.msg_lang.setCurrentIndex(0 if tag.startswith("zh") else 1)
            dlg.new_date.setDate(QDate(2026, 12, 20))
            dlg.compensation.setText("5")
            dlg.preview()
            settle(self.app)
            files.append(grab(dlg, self.path("planner_messages", tag)))
            dlg.reject()
        finally:
            self.drop(w)
        return files

    # ------------------------------------------------------------------ dashboard
    def dashboard(self, tag: str, size: tuple[int, int]) -> list[Path]:
        """The dashboard scrolled to its charts and to the shortfall chart, its drill-down
        into the TikTok campaign, and the risk tabs of Preferences."""
        from app.dialogs.settings_dialog import SettingsDialog, read_settings_data

        files = []
        w = self.window(self.demo, size)
        try:
            w.show_page("dashboard")
            page = w.dashboard
            settle(self.app, 0.3)
            bar = page.scroll.verticalScrollBar()
            for stem, widget in (("dashboard_charts", page.orders_chart),
                                 ("dashboard_flow", page.flow_chart)):
                bar.setValue(widget.y() - 8)
                settle(self.app, 0.2)
                files.append(grab(w, self.path(stem, tag)))
            tiktok = next(c.id for c in self.demo.campaigns.all()
                          if c.platform == "tiktok" and c.status == "approved")
            page.show_campaign(tiktok)
            bar.setValue(0)
            settle(self.app, 0.3)
            files.append(grab(w, self.path("dashboard_campaign", tag)))
            dlg = SettingsDialog(read_settings_data(self.demo), self.demo, w)
            fit(dlg, size, (720, 620))
            dlg.show()
            tab = dlg.thresholds_tab
            dlg.tabs.setCurrentWidget(tab)
            tab.profile_combo.setCurrentIndex(tab.profile_combo.findData("tiktok"))
            for stem, widget in (("settings_thresholds", tab),
                                 ("settings_health", dlg.health_tab),
                                 ("settings_shop", dlg.general_tab)):
                dlg.tabs.setCurrentWidget(widget)
                settle(self.app, 0.2)
                files.append(grab(dlg, self.path(stem, tag)))
            dlg.reject()
        finally:
            self.drop(w)
        return files

    # ------------------------------------------------------------------ dialogs
    def dialogs(self, tag: str, size: tuple[int, int]) -> list[Path]:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        from app.dialogs.duplicate_dialog import DuplicateDialog
        from app.dialogs.print_dialog import PrintDialog
        from app.dialogs.settings_dialog import SettingsDialog, read_settings_data
        from app.dialogs.start_dialog import StartDialog
        from app.dialogs.supply_dialogs import (
            AdjustDialog,
            AllocateDialog,
            LedgerDialog,
            ReceiveDialog,
        )
        from presale_engine.service import OrderFilter

        svc = self.demo
        files = []
        w = self.window(svc, size)
        try:
            # bulk: a seller cancel over cancellable and shipped orders
            mixed = [o.id for o in svc.orders.find(OrderFilter(statuses=["balance_paid"],
                                                               kind="deposit"), limit=6)]
            mixed += [o.id for o in svc.orders.find(OrderFilter(statuses=["shipped"]),
                                                    limit=3)]
            w.show_page("orders")
            page = w.orders
            page.show_filter(OrderFilter(ids=tuple(mixed)))
            settle(self.app)
            sel = QItemSelection(page.model.index(0, 0), page.model.index(
                page.model.rowCount() - 1, page.model.columnCount() - 1))
            page.table.selectionModel().select(
                sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            dlg = page.start_bulk("seller_cancel")
            fit(dlg, size, (640, 560))
            settle(self.app)
            files.append(grab(dlg, self.path("dialog_bulk", tag)))
            dlg.reject()

            # supply: delay the batch that makes the most orders late
            open_batches = [b for b in svc.stock.supply() if b.received < b.qty]
            batch = max(open_batches, key=lambda b: svc.stock.delay_supply(
                b.id, b.expected + timedelta(days=21), dry_run=True).late_orders)
            w.show_page("inventory")
            inv = w.inventory
            settle(self.app, 0.3)
            inv._select(inv.supply_table, inv.supply_model, lambda b: b.id == batch.id)
            dlg = inv.delay_batch()
            dlg.new_date.setDate(dlg.new_date.date().addDays(14))
            dlg.refresh_preview()
            fit(dlg, size, (620, 460))
            settle(self.app)
            files.append(grab(dlg, self.path("dialog_delay", tag)))
            dlg.reject()

            skus = [p.sku for p in svc.stock.products()]
            for name, make in (
                    ("receive", lambda: ReceiveDialog(svc, batch, parent=w)),
                    ("allocate", lambda: AllocateDialog(svc, parent=w)),
                    ("adjust", lambda: AdjustDialog(svc, skus=skus, sku=skus[0], parent=w)),
                    ("ledger", lambda: LedgerDialog(svc, skus[0], tz=w.ctx.tz, parent=w)),
                    ("duplicate", lambda: DuplicateDialog("星河羽绒服 双11定金预售", w)),
                    ("settings", lambda: SettingsDialog(read_settings_data(svc), svc, w)),
                    ("print", lambda: PrintDialog(svc, w)),
                    ("start", lambda: StartDialog(w))):
                dlg = make()
                dlg.show()
                settle(self.app, 0.2)
                fit(dlg, size, (dlg.width(), dlg.height()))
                settle(self.app, 0.1)
                files.append(grab(dlg, self.path(f"dialog_{name}", tag)))
                dlg.close()
                dlg.deleteLater()
        finally:
            self.drop(w)
        return files

    # ------------------------------------------------------------------ import
    def imports(self, tag: str, size: tuple[int, int]) -> list[Path]:
        import csv

        from app.dialogs import import_screenshots as shots
        from app.dialogs.import_dialog import ImportDialog
        from presale_engine.service import fixed_clock
        from presale_engine.service.setup import open_service

        data = shots.DATA
        files = []
        run = self.tmp / f"import_{tag}"
        run.mkdir()
        bad = run / "orders_fixed_by_hand.csv"
        with bad.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows([shots.BAD_HEADERS, *shots.BAD_ROWS])
        own = shots._own_layout(data / "douyin_orders.xlsx", run / "抖店订单_二店.xlsx")
        svc = open_service(run / "shop.sqlite3", clock=fixed_clock(NOW))
        self.services.append(svc)
        campaign = json.loads((data / "campaigns" / "douyin_down_jacket.json")
                              .read_text(encoding="utf-8"))
        svc.campaigns.save_draft(campaign)  # the seller has not activated it yet
        dlg = ImportDialog(svc, path=data / "douyin_orders.xlsx")
        fit(dlg, size, (1040, 680))
        dlg.show()
        settle(self.app)
        files.append(grab(dlg, self.path("import_preview", tag)))
        dlg.start_import()  # the orders go to the draft campaign: offer to activate
        settle(self.app)
        files.append(grab(dlg, self.path("import_result_draft", tag)))
        dlg.set_path(data / "taobao_orders.csv")  # no Taobao campaign: flagged
        dlg.start_import()
        settle(self.app)
        files.append(grab(dlg, self.path("import_result_flagged", tag)))
        dlg.set_path(bad)
        dlg.start_import()  # refused: the error table
        settle(self.app)
        files.append(grab(dlg, self.path("import_errors", tag)))
        dlg.set_path(own)
        shots._fix_mapping(dlg)
        settle(self.app)
        files.append(grab(dlg, self.path("import_mapping", tag)))
        dlg.close()
        dlg.deleteLater()
        return files

    # ------------------------------------------------------------------ wizard
    def wizard(self, tag: str, size: tuple[int, int]) -> list[Path]:
        from PySide6.QtWidgets import QWizard

        from app.wizards import screenshots as ws
        from app.wizards.campaign_wizard import CampaignWizard

        svc = getattr(self, "_wizard_svc", None)
        if svc is None:
            svc = self._wizard_svc = ws.demo_service(f"sqlite:///{self.tmp / 'wizard.sqlite3'}")
            self.services.append(svc)
        wizard = CampaignWizard(svc, definition=json.loads(json.dumps(ws.DEMO)))
        wizard.confirm_discard = False
        fit(wizard, size, ws.SIZE)
        wizard.show()
        files = []
        for n, slug in enumerate(ws.PAGE_SLUGS, start=1):
            if slug == "skus":
                wizard.sku_page.search_edit.setText("YRF")
            if slug == "review":
                wizard.review.ack_check.setChecked(True)
            settle(self.app, 0.05)
            wizard.flush_check()
            settle(self.app, 0.05)
            files.append(grab(wizard, self.path(f"wizard_{n}_{slug}", tag)))
            if n < len(ws.PAGE_SLUGS):
                wizard.button(QWizard.WizardButton.NextButton).click()
        wizard.close()
        wizard.deleteLater()
        return files


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    p = argparse.ArgumentParser(prog="python -m app.screenshots", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", nargs="?", default=str(REPO / "docs" / "screenshots"))
    p.add_argument("--lang", choices=LANGS, action="append")
    p.add_argument("--size", choices=[f"{w}x{h}" for w, h in SIZES], action="append")
    p.add_argument("--only", action="append",
                   choices=("page", "empty", "dialog", "import", "wizard", "planner",
                            "dashboard"))
    args = p.parse_args(argv)
    sizes = [s for s in SIZES if args.size is None or f"{s[0]}x{s[1]}" in args.size]
    only = (lambda n: n in args.only) if args.only else None
    app = QApplication.instance() or QApplication([])
    for path in render_all(Path(args.out), langs=args.lang or LANGS, sizes=sizes, only=only):
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
