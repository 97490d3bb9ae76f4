"""The main window: navigation between the five pages, menus, toolbar, status bar.

The window owns the open database (a ``DeskContext``) and hands it to the pages; pages
load themselves when first shown. Opening a database, building the demo and writing
settings are ops on the worker; the window never blocks on the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from app import display, labels, ops
from app import settings as prefs
from app.context import DeskContext
from app.databases import Opening, build_demo, demo_path, demo_ready
from app.targets import display_target
from app.views.alerts import REEVALUATE_MS, AlertsPage
from app.views.base import Page
from app.views.campaigns import CampaignsPage, wizard_available
from app.views.dashboard import DashboardPage
from app.views.inventory import InventoryPage
from app.views.orders import OrdersPage

PAGE_NAMES = ("dashboard", "campaigns", "orders", "inventory", "alerts")


def _info(parent: QWidget, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # loaded when first needed (start-up time)

    QMessageBox.information(parent, title, text)


def import_dialog_class() -> type | None:
    """The import dialog, or None until it is part of the app."""
    try:
        from app.dialogs.import_dialog import ImportDialog
    except ImportError:
        return None
    return ImportDialog


class MainWindow(QMainWindow):
    # A database was opened (the new DeskContext) or closed (None).
    context_changed = Signal(object)
    # A page finished loading its data (its name).
    page_ready = Signal(str)
    # The status bar figures were updated.
    status_ready = Signal()
    # The risk rules were evaluated (after a change or on the timer): the open alerts.
    alerts_evaluated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: DeskContext | None = None
        self.save_state_on_close = True  # off for --screenshot: a picture changes nothing
        self.opening_timing: dict[str, float] = {}
        self.status_counts: tuple[int, int] | None = None
        self.setObjectName("MainWindow")
        self.resize(1366, 768)
        self.setMinimumSize(QSize(960, 600))
        self.setAcceptDrops(True)  # an .xlsx/.csv dropped on the window opens the import
        self.import_dialog: QWidget | None = None

        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("Nav")
        self.nav.setFixedWidth(168)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.dashboard = DashboardPage()
        self.campaigns = CampaignsPage()
        self.orders = OrdersPage()
        self.inventory = InventoryPage()
        self.alerts = AlertsPage()
        self.pages: dict[str, Page] = {}
        for page in (self.dashboard, self.campaigns, self.orders, self.inventory,
                     self.alerts):
            self._add_page(page)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.alerts.show_alert_orders.connect(self.show_alert_orders)
        self.alerts.new_critical.connect(self.notify_critical)
        self.dashboard.start_action.connect(self.start_step)
        # Alerts are evaluated once per change (several signals in one go coalesce into
        # one evaluation) and every few minutes: deadlines approach by themselves.
        self._evaluate_soon = QTimer(self)
        self._evaluate_soon.setSingleShot(True)
        self._evaluate_soon.setInterval(250)
        self._evaluate_soon.timeout.connect(self.evaluate_alerts)
        self._evaluating = False
        self._evaluate_again = False
        self.evaluations = 0  # how many ran (tests)
        self.risk_timer = QTimer(self)
        self.risk_timer.setInterval(REEVALUATE_MS)
        self.risk_timer.timeout.connect(self.evaluate_alerts)
        self.risk_timer.start()

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.retranslate_ui()
        self.nav.setCurrentRow(0)
        self._update_actions()

    # ------------------------------------------------------------------ building
    def _add_page(self, page: Page) -> None:
        self.pages[page.name] = page
        self.stack.addWidget(page)
        item = QListWidgetItem(page.nav_title())
        item.setData(Qt.ItemDataRole.UserRole, page.name)
        item.setSizeHint(QSize(160, 44))
        self.nav.addItem(item)
        page.loaded.connect(lambda name=page.name: self.page_ready.emit(name))
        page.data_changed.connect(self._data_changed)
        page.open_orders.connect(self.show_orders)
        page.navigate.connect(self.show_page)
        page.request.connect(self.page_request)
        page.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _action(self, slot: Any,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                icon: QStyle.StandardPixmap | None = None) -> QAction:
        act = QAction(self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            act.setIcon(self.style().standardIcon(icon))
        act.triggered.connect(lambda _checked=False: slot())
        return act

    def _build_actions(self) -> None:
        SP = QStyle.StandardPixmap
        self.act_new_campaign = self._action(self.new_campaign, "Ctrl+N", SP.SP_FileIcon)
        self.act_open_db = self._action(self.ask_open_database, QKeySequence.StandardKey.Open,
                                        SP.SP_DialogOpenButton)
        self.act_new_db = self._action(self.ask_new_database)
        self.act_open_demo = self._action(self.open_demo)
        self.act_import = self._action(self.import_orders, "Ctrl+I", SP.SP_ArrowDown)
        self.act_export = self._action(self.export_orders, "Ctrl+E", SP.SP_DialogSaveButton)
        self.act_print = self._action(self.print_sheets, "Ctrl+P")
        self.act_quit = self._action(self.close, "Ctrl+Q")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_find = self._action(self.find_order, "Ctrl+F")
        self.act_refresh = self._action(self.refresh, "F5", SP.SP_BrowserReload)
        self.act_prefs = self._action(self.open_preferences, "Ctrl+,")
        self.act_prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_about = self._action(self.about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.page_actions: dict[str, QAction] = {}
        for i, name in enumerate(PAGE_NAMES, start=1):
            self.page_actions[name] = self._action(lambda n=name: self.show_page(n),
                                                   f"Ctrl+{i}")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_new_campaign)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_open_db)
        self.menu_file.addAction(self.act_new_db)
        self.menu_recent = QMenu(self)
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addMenu(self.menu_recent)
        self.menu_file.addAction(self.act_open_demo)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_import)
        self.menu_file.addAction(self.act_export)
        self.menu_file.addAction(self.act_print)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addAction(self.act_find)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_prefs)
        self.menu_view = bar.addMenu("")
        for act in self.page_actions.values():
            self.menu_view.addAction(act)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_refresh)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        tb = QToolBar()
        tb.setObjectName("MainToolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(18, 18))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.act_new_campaign, self.act_import, self.act_export, self.act_refresh):
            tb.addAction(act)
        self.toolbar = tb
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.db_label = QLabel()
        self.orders_label = QLabel()
        self.alerts_label = QLabel()
        self.alerts_label.setObjectName("StatusAlerts")
        for w in (self.db_label, self.orders_label, self.alerts_label):
            w.setContentsMargins(8, 0, 8, 0)
            sb.addPermanentWidget(w)

    # ------------------------------------------------------------------ texts
    def retranslate_ui(self) -> None:
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.menu_recent.setTitle(self.tr("Open &recent"))
        self.act_new_campaign.setText(self.tr("&New campaign…"))
        self.act_new_campaign.setIconText(self.tr("New campaign"))
        self.act_open_db.setText(self.tr("&Open database…"))
        self.act_new_db.setText(self.tr("New &database…"))
        self.act_open_demo.setText(self.tr("Open the &demo shop"))
        self.act_import.setText(self.tr("&Import…"))
        self.act_import.setIconText(self.tr("Import"))
        self.act_export.setText(self.tr("&Export orders…"))
        self.act_export.setIconText(self.tr("Export"))
        self.act_print.setText(self.tr("&Print…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_find.setText(self.tr("&Find order…"))
        self.act_refresh.setText(self.tr("&Refresh"))
        self.act_refresh.setIconText(self.tr("Refresh"))
        self.act_prefs.setText(self.tr("&Preferences…"))
        self.act_about.setText(self.tr("&About Presale Desk"))
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            page = self.pages[item.data(Qt.ItemDataRole.UserRole)]
            item.setText(page.nav_title())
            self.page_actions[page.name].setText(page.nav_title())
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self._update_title()
        self._update_status_labels()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_title(self) -> None:
        app_name = self.tr("Presale Desk")
        if self.ctx is None:
            self.setWindowTitle(app_name)
        else:
            self.setWindowTitle(f"{labels.shop_name(self.ctx.shop.name)} — {app_name}")

    def _update_actions(self) -> None:
        has_db = self.ctx is not None
        self.act_new_campaign.setEnabled(has_db and wizard_available())
        self.dashboard.start_panel.set_available("campaign", wizard_available())
        self.dashboard.start_panel.set_available("import", import_dialog_class() is not None)
        for act in (self.act_import, self.act_export, self.act_print, self.act_find,
                    self.act_refresh):
            act.setEnabled(has_db)

    # ------------------------------------------------------------------ database
    def set_context(self, ctx: DeskContext | None, *, remember: bool = False) -> None:
        """Show ``ctx``'s shop (None: no database). The old database is let go."""
        old = self.ctx
        self.ctx = ctx
        self.status_counts = None
        for page in self.pages.values():
            page.set_context(ctx)
        if old is not None and (ctx is None or old.svc is not ctx.svc):
            db = old.svc.db
            # After whatever the worker still does with it.
            ops.run(lambda _t: db.dispose(), on_failure=lambda _e: None)
        if ctx is not None and remember:
            prefs.remember_database(ctx.target)
        self._update_title()
        self._update_actions()
        self._update_status_labels()
        self.context_changed.emit(ctx)
        if ctx is not None:
            self.current_page().ensure_loaded()
            self.update_status()

    def open_target(self, target: str, *, remember: bool = True) -> None:
        """Open a database file or URL on the worker, then show it."""
        if not target:
            return
        name = display_target(target)
        self.adopt(Opening(target, remember=remember, parent=self,
                           label=self.tr("Opening %1…").replace("%1", name)))

    def adopt(self, opening: Opening) -> None:
        """Show the database ``opening`` brings, once it is open (start-up begins early)."""
        self.opening_timing = opening.timing
        if opening.outcome is None:
            self.statusBar().showMessage(self.tr("Opening %1…").replace(
                "%1", display_target(opening.target)))
        opening.attach(self)

    def _opened(self, ctx: DeskContext, remember: bool) -> None:
        self.statusBar().clearMessage()
        self.set_context(ctx, remember=remember)
        if ctx.svc.db.backup_path is not None:
            self.statusBar().showMessage(self.tr(
                "The database was upgraded; a copy of the old one is at %1").replace(
                "%1", str(ctx.svc.db.backup_path)), 15000)

    def _open_failed(self, target: str, error: BaseException) -> None:
        from app.errors import show_error

        self.statusBar().clearMessage()
        show_error(self, error)

    def open_demo(self, *, remember: bool = True) -> None:
        path = demo_path()
        if demo_ready(path):
            self.open_target(str(path), remember=remember)
            return
        self.statusBar().showMessage(self.tr("Creating the demo shop…"))
        ops.run(lambda task: build_demo(path, task), parent=self,
                on_success=lambda ctx: self._opened(ctx, remember),
                on_failure=lambda e: self._open_failed(str(path), e),
                label=self.tr("Creating the demo shop (20,000 orders)…"))

    def ask_open_database(self) -> None:
        from app.dialogs.start_dialog import ask_open_path

        path = ask_open_path(self)
        if path:
            self.open_target(path)

    def ask_new_database(self) -> None:
        from app.dialogs.start_dialog import ask_new_path

        path = ask_new_path(self)
        if path:
            self.open_target(path)

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        recent = prefs.recent_databases()
        for target in recent:
            act = self.menu_recent.addAction(display_target(target))
            act.setToolTip(target)
            act.setStatusTip(target)
            act.triggered.connect(lambda _c=False, t=target: self.open_recent(t))
        if not recent:
            empty = self.menu_recent.addAction(self.tr("(none yet)"))
            empty.setEnabled(False)
        else:
            self.menu_recent.addSeparator()
            self.menu_recent.addAction(self.tr("Clear list"), self._clear_recent)

    def open_recent(self, target: str) -> None:
        """Open a recent database; a file that is gone is dropped from the list (opening
        it would create an empty one)."""
        if "://" not in target and not Path(target).is_file():
            prefs.forget_database(target)
            _info(self, self.tr("File not found"), self.tr(
                "%1 no longer exists; it was removed from the recent list.").replace(
                "%1", target))
            return
        self.open_target(target)

    def _clear_recent(self) -> None:
        prefs.set_value(prefs.RECENT_DBS, [])

    # ------------------------------------------------------------------ pages
    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def show_page(self, name: str) -> None:
        if name in self.pages:
            self.nav.setCurrentRow(list(self.pages).index(name))

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        name = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        page = self.pages[name]
        self.stack.setCurrentWidget(page)
        if self.ctx is not None:
            page.ensure_loaded()

    def show_orders(self, options: dict[str, Any]) -> None:
        """Go to the orders page with a filter (from the dashboard and alerts)."""
        self.show_page("orders")
        self.orders.set_filter(status=options.get("status"),
                               campaign_id=options.get("campaign_id"),
                               overdue=bool(options.get("overdue")),
                               due_48h=bool(options.get("due_48h")),
                               search=options.get("search", ""))

    def page_request(self, what: str) -> None:
        """A first step an empty page offers (its buttons)."""
        actions = {"import": self.import_orders, "demo": self.open_demo,
                   "new_campaign": self.new_campaign}
        if what in actions:
            actions[what]()

    def show_alert_orders(self, flt: Any, title: str) -> None:
        """The orders behind an alert, in the order table."""
        self.show_page("orders")
        self.orders.show_filter(flt, title=title)

    def notify_critical(self, text: str) -> None:
        """A new critical alert: said in the status bar, and by the tray where there is one."""
        self.statusBar().showMessage(self.tr("New critical alert: %1").replace("%1", text),
                                     15000)
        from PySide6.QtWidgets import QSystemTrayIcon

        if QSystemTrayIcon.isSystemTrayAvailable():
            tray = getattr(self, "_tray", None)
            if tray is None:
                tray = self._tray = QSystemTrayIcon(self.windowIcon(), self)
                tray.show()
            tray.showMessage(self.tr("Presale Desk"), text,
                             QSystemTrayIcon.MessageIcon.Warning)

    def _data_changed(self) -> None:
        """A page wrote something: every other page reloads when next shown, and the
        risk rules run again now (once per change, on the worker), so a new critical
        alert is announced whichever page the seller is on."""
        sender = self.sender()
        for page in self.pages.values():
            if page is not sender:
                page.mark_stale()
        self.update_status()
        self.alerts_may_have_changed()

    def alerts_may_have_changed(self) -> None:
        """Something the risk rules read changed: evaluate once, when this turn is over."""
        if self.ctx is not None:
            self._evaluate_soon.start()

    def evaluate_alerts(self) -> None:
        """Run the risk rules on the worker; the alerts page shows the result (and a new
        critical alert is notified), whichever page is on screen."""
        ctx = self.ctx
        if ctx is None:
            return
        if self._evaluating:  # one at a time: the change that came meanwhile, after it
            self._evaluate_again = True
            return
        self._evaluating = True

        def done(result: Any) -> None:
            self._finish_evaluation()
            if self.ctx is ctx:
                self.evaluations += 1
                self.alerts.show_evaluation(result)
                self.alerts_evaluated.emit(result[0])

        def failed(_error: BaseException) -> None:  # the timer tries again
            self._finish_evaluation()

        ops.run(lambda _t: self.alerts.fetch(ctx), parent=self, on_success=done,
                on_failure=failed)

    def _finish_evaluation(self) -> None:
        self._evaluating = False
        if self._evaluate_again:
            self._evaluate_again = False
            self.alerts_may_have_changed()

    def _changed_elsewhere(self) -> None:
        """A dialog wrote (an import, a wave shipped): every page reloads, alerts too."""
        self.refresh()
        self.alerts_may_have_changed()

    def refresh(self) -> None:
        if self.ctx is None:
            return
        for page in self.pages.values():
            page.mark_stale()
        self.current_page().refresh()
        self.update_status()

    # ------------------------------------------------------------------ status bar
    def update_status(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def counts(_task: Any) -> tuple[int, int]:
            from presale_engine.service import OrderFilter

            return ctx.svc.orders.count(), ctx.svc.orders.count(OrderFilter(overdue=True))

        def show(result: tuple[int, int]) -> None:
            if self.ctx is ctx:
                self.status_counts = result
                self._update_status_labels()
                self.status_ready.emit()

        ops.run(counts, parent=self, on_success=show, on_failure=lambda _e: None)

    def _update_status_labels(self) -> None:
        if self.ctx is None:
            self.db_label.setText(self.tr("No database open"))
            self.orders_label.setText("")
            self.alerts_label.setText("")
            return
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.ctx.name))
        self.db_label.setToolTip(display_target(self.ctx.target)
                                 if "://" in self.ctx.target else self.ctx.target)
        if self.status_counts is None:
            self.orders_label.setText("")
            self.alerts_label.setText("")
            return
        total, overdue = self.status_counts
        self.orders_label.setText(self.tr("Orders: %1").replace("%1", display.count(total)))
        self.alerts_label.setText(self.tr("Open alerts: %1 overdue").replace(
            "%1", display.count(overdue)))
        self.alerts_label.setProperty("alert", overdue > 0)
        self.alerts_label.style().unpolish(self.alerts_label)
        self.alerts_label.style().polish(self.alerts_label)

    # ------------------------------------------------------------------ actions
    def start_step(self, step: str) -> None:
        """A first step chosen on a new shop's dashboard."""
        {"import": self.import_orders, "campaign": self.new_campaign,
         "demo": self.open_demo}[step]()

    def new_campaign(self) -> None:
        self.show_page("campaigns")
        self.campaigns.new_campaign()

    def import_orders(self, path: str | None = None) -> None:
        """Open the import dialog (on ``path`` when a file was dropped)."""
        cls = import_dialog_class()
        if cls is None or self.ctx is None:
            _info(self, self.tr("Not available yet"), self.tr(
                "Importing platform order exports is not available yet."))
            return
        dlg = cls(self.ctx.svc, parent=self, path=path) if path else cls(self.ctx.svc,
                                                                         parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if hasattr(dlg, "imported"):
            dlg.imported.connect(lambda _report: self._changed_elsewhere())
            dlg.show_orders.connect(self.show_alert_orders)
            dlg.campaign_activated.connect(lambda _cid: self._changed_elsewhere())
        else:
            dlg.accepted.connect(self._changed_elsewhere)
        self.import_dialog = dlg
        dlg.open()

    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()
                and u.toLocalFile().lower().endswith((".xlsx", ".csv"))]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.ctx is not None and self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if self.ctx is not None and self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        if self.ctx is None or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_orders(files[0])

    def export_orders(self) -> None:
        """The orders of the orders page's filter to .xlsx or .csv (``svc.exports.orders``)."""
        ctx = self.ctx
        if ctx is None:
            return
        from PySide6.QtWidgets import QFileDialog

        from app import i18n

        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export orders"), "orders.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".csv" if "csv" in chosen.lower() else ".xlsx"
        flt = self.orders.current_filter()
        lang = "zh" if i18n.current_language().startswith("zh") else "en"

        def export(task: ops.Task) -> Any:
            return ctx.svc.exports.orders(path, flt, lang=lang, progress=task.progress,
                                         cancel=task.cancelled)

        ops.run(export, parent=self, cancellable=True,
                label=self.tr("Exporting orders…"),
                on_success=lambda report: self.statusBar().showMessage(
                    self.tr("%Ln order(s) written to %2", "", report.rows).replace(
                        "%2", str(report.path)),
                    10000))

    def print_sheets(self) -> None:
        """Pick lists, packing slips, manifests, campaign reports; the packing bench."""
        ctx = self.ctx
        if ctx is None:
            return
        from app.dialogs.print_dialog import PrintDialog

        dlg = PrintDialog(ctx.svc, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The packing bench ships waves: the order pages and the alerts change.
        dlg.finished.connect(lambda _r: self._changed_elsewhere())
        self.print_dialog = dlg
        dlg.open()

    def find_order(self) -> None:
        if self.ctx is None:
            return
        self.show_page("orders")
        self.orders.focus_search()

    def open_preferences(self) -> None:
        from app.dialogs.settings_dialog import SettingsDialog, read_settings_data

        ctx = self.ctx
        svc = ctx.svc if ctx is not None else None

        def show(data: Any) -> None:
            dlg = SettingsDialog(data, svc, self)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.saved.connect(self._settings_saved)
            dlg.risk_changed.connect(self._risk_settings_changed)
            self.settings_dialog = dlg
            dlg.open()

        ops.run(lambda _t: read_settings_data(svc), parent=self, on_success=show)

    def _risk_settings_changed(self) -> None:
        """Thresholds or shop health changed: the alerts and the dashboard follow."""
        self.dashboard.mark_stale()
        if self.current_page() is self.dashboard:
            self.dashboard.ensure_loaded()
        self.alerts_may_have_changed()

    def _settings_saved(self, shop: Any) -> None:
        if shop is not None and self.ctx is not None:
            self.ctx = self.ctx.with_shop(shop)
            for page in self.pages.values():
                page.set_context(self.ctx)
            self._update_title()
            self.current_page().ensure_loaded()
            self.update_status()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from app.errors import describe_environment

        QMessageBox.about(self, self.tr("About Presale Desk"), self.tr(
            "Presale Desk (预售管家): run presale campaigns on Taobao/Tmall, JD, Douyin and "
            "TikTok Shop.") + "\n\n" + describe_environment())

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.save_state_on_close:
            s = prefs.settings()
            s.setValue(prefs.GEOMETRY, self.saveGeometry())
            s.setValue(prefs.PAGE, self.current_page().name)
            s.sync()
        super().closeEvent(event)
