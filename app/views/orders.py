"""Orders: the order desk (issue 10) — a live table over every order of the shop.

- The table's model never holds the table (``models.orders``): the first rows, the
  count and the ordered ids come from the page's reader thread; sorting by a header
  and every filter run in SQL. The scroll bar is the whole result.
- Filters: search (the start of an order number, buyer, recipient, tracking number or
  SKU), states (several), campaign, platform, type, due (overdue / 24 h / 48 h / today /
  by a date), unpaid balances, import flags. Saved views in the sidebar (built-in ones
  and the seller's own); a column chooser; Ctrl+C copies the selected cells.
- Live: the countdown repaints every minute; every few seconds the change token is read
  (a few index lookups) and, when another window, an import, another program on the
  same file or a teammate on the shared database changed something, the table reloads
  keeping the scroll position and the selection.
- Bulk actions on the selection or on all matching orders, behind a confirmation with
  the money and the refusals (``dialogs.bulk_dialog``); the detail panel on the right.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import desk_labels, display, labels, ops
from app import settings as prefs
from app.models.order_reader import Loaded, Query
from app.models.orders import SORT_OF, OrderTableModel
from app.views.base import Page
from app.views.empty_state import EmptyState
from app.views.order_detail import OrderDetailPanel
from app.views.table_fit import fit_headers

if TYPE_CHECKING:
    from presale_engine.service import BulkResult, OrderDetail, OrderFilter, SavedView

SEARCH_DELAY_MS = 300
POLL_MS = 3000  # the change token, read on the reader thread
TICK_MS = 60_000  # the countdown repaints
DETAIL_DELAY_MS = 150
KEEP_SELECTION = 5000  # selections up to this many rows survive a refresh row by row
COLUMNS_KEY = "orders/visible_columns"

DUE_CHOICES = ("", "overdue", "24", "48", "today", "date")
FLAG_CODES = ("no_campaign", "outside_window", "over_cap", "over_limit", "kind_differs")
BULK_MENU = ("ship", "seller_cancel", "balance_lapse", "refund", "complete", "note", "tag")


class CheckCombo(QComboBox):
    """A combo box of checkable items (several states at once); item 0 means "all"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self.all_text = ""
        self.some_text = "%1"
        self.view().pressed.connect(self._pressed)
        self.activated.connect(lambda _i: self._show_text())  # before the page's slot
        self._keep_open = False

    def set_items(self, all_text: str, items: list[tuple[str, str]],
                  checked: set[str] | None = None) -> None:
        self.all_text = all_text
        self._items.clear()
        head = QStandardItem(all_text)
        self._items.appendRow(head)
        for code, text in items:
            it = QStandardItem(text)
            it.setData(code, Qt.ItemDataRole.UserRole)
            it.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            it.setData(Qt.CheckState.Checked if checked and code in checked
                       else Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
            self._items.appendRow(it)
        self._show_text()

    def checked(self) -> list[str]:
        out = []
        for i in range(1, self._items.rowCount()):
            it = self._items.item(i)
            if it.checkState() == Qt.CheckState.Checked:
                out.append(str(it.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_checked(self, codes: set[str]) -> None:
        for i in range(1, self._items.rowCount()):
            it = self._items.item(i)
            on = str(it.data(Qt.ItemDataRole.UserRole)) in codes
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._show_text()

    def _pressed(self, index: QModelIndex) -> None:
        if index.row() == 0:
            self.set_checked(set())
            self.hidePopup()
        else:
            it = self._items.itemFromIndex(index)
            it.setCheckState(Qt.CheckState.Unchecked if it.checkState() == Qt.CheckState.Checked
                             else Qt.CheckState.Checked)
            self._keep_open = True
        self._show_text()

    def hidePopup(self) -> None:
        if self._keep_open:
            self._keep_open = False
            return
        super().hidePopup()

    def _show_text(self) -> None:
        codes = self.checked()
        if not codes:
            text = self.all_text
        elif len(codes) == 1:
            text = next(self._items.item(i).text() for i in range(1, self._items.rowCount())
                        if self._items.item(i).data(Qt.ItemDataRole.UserRole) == codes[0])
        else:
            text = self.some_text.replace("%1", str(len(codes)))
        self.setCurrentIndex(0)
        self.setItemText(0, text)


class OrdersPage(Page):
    name = "orders"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._campaigns: list[tuple[int, str]] = []
        self._views: list[SavedView] = []
        self._token: Any = None
        self._baseline = False
        self._selected_before = 0
        self._building = False
        self._detail_id: int | None = None
        self._restore: dict[str, Any] | None = None
        self._title_override: str | None = None
        self.model = OrderTableModel(self)
        self.reader = self.model.reader
        lay, self.heading, self.count_label = self.page_layout()

        # ---- filter bar: two rows
        bar1 = QHBoxLayout()
        bar1.setSpacing(6)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.status_combo = CheckCombo()
        self.status_combo.setMinimumContentsLength(8)
        self.campaign_combo = QComboBox()
        self.campaign_combo.setMinimumContentsLength(16)
        self.campaign_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign_combo.currentIndexChanged.connect(lambda _i: self._campaign_tip())
        self.platform_combo = QComboBox()
        self.kind_combo = QComboBox()
        bar1.addWidget(self.search, 3)
        bar1.addWidget(self.status_combo, 2)
        bar1.addWidget(self.campaign_combo, 2)
        bar1.addWidget(self.platform_combo, 1)
        bar1.addWidget(self.kind_combo, 1)
        lay.addLayout(bar1)
        bar2 = QHBoxLayout()
        bar2.setSpacing(6)
        self.due_combo = QComboBox()
        self.due_date = QDateEdit()
        self.due_date.setCalendarPopup(True)
        self.due_date.setDisplayFormat("yyyy-MM-dd")
        self.due_date.setVisible(False)
        self.unpaid_check = QCheckBox()
        self.flags_combo = CheckCombo()
        self.reset_button = QPushButton()
        self.columns_button = QToolButton()
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self)
        self.columns_button.setMenu(self.columns_menu)
        self.actions_button = QToolButton()
        self.actions_button.setObjectName("BulkActions")
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.actions_menu = QMenu(self)
        self.actions_button.setMenu(self.actions_menu)
        self.bulk_actions: dict[str, QAction] = {}
        for ev in BULK_MENU:
            act = self.actions_menu.addAction("")
            act.triggered.connect(lambda _c=False, e=ev: self.start_bulk(e))
            self.bulk_actions[ev] = act
        self.scope_combo = QComboBox()  # the selection, or all matching orders
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bar2.addWidget(self.due_combo)
        bar2.addWidget(self.due_date)
        bar2.addWidget(self.unpaid_check)
        bar2.addWidget(self.flags_combo)
        bar2.addWidget(self.reset_button)
        bar2.addStretch(1)
        bar2.addWidget(self.columns_button)
        bar2.addWidget(self.scope_combo)
        bar2.addWidget(self.actions_button)
        lay.addLayout(bar2)

        # ---- sidebar (views) | table | detail
        self.split = QSplitter(Qt.Orientation.Horizontal)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 4, 0)
        self.views_title = QLabel()
        self.views_title.setObjectName("SectionTitle")
        self.views_list = QListWidget()
        self.views_list.setObjectName("SavedViews")
        self.views_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.save_view_button = QPushButton()
        sl.addWidget(self.views_title)
        sl.addWidget(self.views_list, 1)
        sl.addWidget(self.save_view_button)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # order numbers stay whole
        self.table.verticalHeader().setVisible(False)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # a million rows, one size
        vh.setDefaultSectionSize(24)
        # An empty table says why and what to do (a new shop: import, or the demo).
        self.empty_state = EmptyState(self.table)
        self.empty_import = self.empty_state.add_button(lambda: self.request.emit("import"))
        self.empty_demo = self.empty_state.add_button(lambda: self.request.emit("demo"))
        self.empty_reset = self.empty_state.add_button(self.reset_filter)
        # The headers get a selection model of their own, always empty: sharing the
        # table's, a header repaint after selecting 10,000 rows asked the model about
        # every selected cell (QHeaderView -> isColumnSelected: 160,000 calls, 0.3 s).
        for h in (self.table.horizontalHeader(), self.table.verticalHeader()):
            h.setSelectionModel(QItemSelectionModel(self.model, h))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(36)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.sectionClicked.connect(self._header_clicked)
        header.customContextMenuRequested.connect(
            lambda pos: self.columns_menu.exec(header.mapToGlobal(pos)))
        self.detail = OrderDetailPanel()
        self.detail.setMinimumWidth(260)
        self.split.addWidget(side)
        self.split.addWidget(self.table)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)
        self.split.setStretchFactor(2, 0)
        self.split.setCollapsible(1, False)
        self.split.setSizes([150, 800, 330])
        self._sized = False
        lay.addWidget(self.split, 1)
        self._set_column_widths()

        # ---- timers
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.reader.poll)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self._load_detail)

        # ---- wiring
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        for combo in (self.campaign_combo, self.platform_combo, self.kind_combo):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.status_combo.activated.connect(self._filter_changed)
        self.flags_combo.activated.connect(self._filter_changed)
        self.due_combo.currentIndexChanged.connect(self._due_changed)
        self.due_date.dateChanged.connect(self._filter_changed)
        self.unpaid_check.toggled.connect(self._filter_changed)
        self.reset_button.clicked.connect(self.reset_filter)
        self.views_list.itemClicked.connect(self._view_clicked)
        self.views_list.customContextMenuRequested.connect(self._views_menu)
        self.save_view_button.clicked.connect(self.ask_save_view)
        self.model.head_loaded.connect(self._head_loaded)
        self.model.total_changed.connect(lambda _n: self._show_count())
        self.model.ids_loaded.connect(self._ids_loaded)
        self.model.rows_arrived.connect(self._copy_rows_arrived)
        self.reader.detail_ready.connect(self._detail_arrived)
        self.reader.token_ready.connect(self._token_arrived)
        self.reader.failed.connect(self._read_failed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._detail_timer.start())
        self.detail.action_requested.connect(lambda ev, oid: self.start_bulk(ev, ids=[oid]))
        self.detail.save_requested.connect(self.save_notes)
        self.detail.closed.connect(lambda: self.detail.setVisible(False))
        copy = QAction(self.table)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.table.addAction(copy)
        self.retranslate_ui()
        self._restore_columns()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._sized and self.width() > 0:
            # Room for the table first: on a small screen the views list and the detail
            # panel take less (the seller can drag the splitter).
            self._sized = True
            wide = self.width() >= 1100
            side, detail = (150, 330) if wide else (118, 262)
            self.split.setSizes([side, max(self.width() - side - detail, 300), detail])

    # ------------------------------------------------------------------ columns
    def _set_column_widths(self) -> None:
        fm = self.table.fontMetrics()
        # 19 digits (Douyin/TikTok order numbers) whole, with the cell's margins.
        order_no = fm.horizontalAdvance("6917926768823643751") + 18
        platform = fm.horizontalAdvance("Taobao/Tmall") + 16
        widths = {"order_no": order_no, "platform": platform, "campaign": 150, "sku": 112,
                  "qty": 40, "status": 96, "total": 86, "paid": 86, "deposit": 80,
                  "balance": 86, "ship_deadline": 96, "time_left": 86, "buyer": 100,
                  "recipient": 90, "tracking_no": 130, "carrier": 80, "ordered_at": 96,
                  "paid_at": 96, "shipped_at": 96, "kind": 100, "flags": 120, "tags": 100}
        for i, key in enumerate(self.model.columns):
            self.table.setColumnWidth(i, widths.get(key, 100))

    def _restore_columns(self) -> None:
        saved = prefs.settings().value(COLUMNS_KEY, None, type=list)
        visible = set(saved) if saved else set(self.model.default_visible)
        visible.add("order_no")
        self.columns_menu.clear()
        for i, key in enumerate(self.model.columns):
            self.table.setColumnHidden(i, key not in visible)
            act = self.columns_menu.addAction(self.model.header(key))
            act.setCheckable(True)
            act.setChecked(key in visible)
            act.setEnabled(key != "order_no")
            act.toggled.connect(lambda on, c=i: self.show_column(c, on))

    def show_column(self, column: int, on: bool) -> None:
        self.table.setColumnHidden(column, not on)
        keys = [k for i, k in enumerate(self.model.columns) if not self.table.isColumnHidden(i)]
        prefs.set_value(COLUMNS_KEY, keys)

    def visible_columns(self) -> list[int]:
        header = self.table.horizontalHeader()
        cols = [i for i in range(self.model.columnCount()) if not self.table.isColumnHidden(i)]
        return sorted(cols, key=header.visualIndex)

    # ------------------------------------------------------------------ filter
    def current_filter(self) -> OrderFilter:
        from presale_engine.service import OrderFilter, end_of_day

        campaign = self.campaign_combo.currentData()
        due = self.due_combo.currentData() or ""
        text = self.search.text().strip()
        tz = self.ctx.tz if self.ctx is not None else None
        due_by = None
        if due in ("today", "date") and self.ctx is not None:
            day = (self.now().astimezone(tz).date() if due == "today"
                   else self.due_date.date().toPython())
            assert tz is not None
            due_by = end_of_day(day, tz)
        base = self._base_filter
        return OrderFilter(
            campaign_id=int(campaign) if campaign is not None else None,
            statuses=tuple(self.status_combo.checked()),
            overdue=due == "overdue",
            due_within_hours=float(due) if due in ("24", "48") else None,
            platform=self.platform_combo.currentData() or None,
            kind=self.kind_combo.currentData() or None,
            search=text or None, due_by=due_by,
            balance_unpaid=self.unpaid_check.isChecked(),
            flags=tuple(self.flags_combo.checked()),
            flagged=base.flagged if base is not None else False,
            ids=base.ids if base is not None else ())

    _base_filter: OrderFilter | None = None  # what the bar cannot show (ids, "any flag")

    def current_query(self) -> Query:
        q = self.model.query
        sort = q.sort if q is not None else "ship_deadline"
        desc = q.desc if q is not None else False
        return Query(self.current_filter(), sort, desc)

    def now(self) -> datetime:
        assert self.ctx is not None
        return self.ctx.svc.now()

    def set_filter(self, *, status: str | None = None, campaign_id: int | None = None,
                   overdue: bool = False, due_48h: bool = False, search: str = "") -> None:
        """Set the whole filter bar at once, then load once (dashboard, alerts)."""
        from presale_engine.service import OrderFilter

        self.show_filter(OrderFilter(statuses=(status,) if status else (),
                                     campaign_id=campaign_id, overdue=overdue,
                                     due_within_hours=48 if due_48h and not overdue else None,
                                     search=search or None))

    def show_filter(self, flt: OrderFilter, *, sort: str | None = None, desc: bool = False,
                    title: str | None = None) -> None:
        """Show the orders ``flt`` matches (the risk page's "show orders", an import's
        flagged orders): the bar shows what it can, ids and "any flag" are kept as a
        base; ``title`` names the selection in the heading until the filter changes."""
        from presale_engine.service import OrderFilter

        self._building = True
        try:
            self.search.setText(flt.search or "")
            self._search_timer.stop()
            self.status_combo.set_checked(set(flt.statuses))
            j = self.campaign_combo.findData(flt.campaign_id) if flt.campaign_id else 0
            self.campaign_combo.setCurrentIndex(max(j, 0))
            self.platform_combo.setCurrentIndex(max(self.platform_combo.findData(
                flt.platform), 0) if flt.platform else 0)
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(flt.kind), 0)
                                            if flt.kind else 0)
            due = ""
            if flt.overdue:
                due = "overdue"
            elif flt.due_within_hours is not None:
                due = "24" if flt.due_within_hours <= 24 else "48"
            elif flt.due_by is not None and self.ctx is not None:
                day = flt.due_by.astimezone(self.ctx.tz).date()
                today = self.now().astimezone(self.ctx.tz).date()
                due = "today" if day == today else "date"
                self.due_date.setDate(QDate(day.year, day.month, day.day))
            self.due_combo.setCurrentIndex(max(self.due_combo.findData(due), 0))
            self.due_date.setVisible(due == "date")
            self.unpaid_check.setChecked(flt.balance_unpaid)
            self.flags_combo.set_checked(set(flt.flags))
            self._base_filter = OrderFilter(flagged=flt.flagged, ids=tuple(flt.ids)) if (
                flt.flagged or flt.ids) else None
            self._title_override = title
        finally:
            self._building = False
        q = self.current_query()
        if sort is not None:
            q = replace(q, sort=sort, desc=desc)
        self._load(q)

    def reset_filter(self) -> None:
        from presale_engine.service import OrderFilter

        self.show_filter(OrderFilter())
        self.views_list.setCurrentRow(0)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _filter_changed(self, *_args: Any) -> None:
        if not self._building:
            self._title_override = None
            self.refresh()

    def _due_changed(self, *_args: Any) -> None:
        self.due_date.setVisible(self.due_combo.currentData() == "date")
        self._filter_changed()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.refresh()

    # ------------------------------------------------------------------ views
    def _fill_views(self, views: list[SavedView]) -> None:
        self._views = views
        keep = self.views_list.currentRow()
        self.views_list.clear()
        for v in views:
            item = QListWidgetItem(desk_labels.view(v.key) if v.builtin else v.name)
            item.setToolTip(item.text())
            self.views_list.addItem(item)
        self.views_list.setCurrentRow(max(keep, 0) if keep < len(views) else 0)

    def _view_clicked(self, item: QListWidgetItem) -> None:
        row = self.views_list.row(item)
        if 0 <= row < len(self._views):
            self.apply_view(self._views[row])

    def apply_view(self, view: SavedView) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        from presale_engine.service.order_desk import spec_filter

        flt, sort, desc = spec_filter(view.spec, self.now(), ctx.tz)
        self.show_filter(flt, sort=sort, desc=desc)

    def current_spec(self) -> dict[str, Any]:
        """The filter bar and sort as a saved view's spec ("today" stays relative)."""
        f = self.current_filter()
        q = self.model.query
        due = self.due_combo.currentData() or ""
        spec: dict[str, Any] = {
            "campaign_id": f.campaign_id, "statuses": list(f.statuses), "overdue": f.overdue,
            "due_within_hours": f.due_within_hours, "platform": f.platform, "kind": f.kind,
            "search": f.search, "balance_unpaid": f.balance_unpaid, "flags": list(f.flags),
            "flagged": f.flagged, "sort": q.sort if q else None, "desc": q.desc if q else False}
        if due == "today":
            spec["due"] = "today"
        elif due == "date":
            spec["due"] = self.due_date.date().toPython().isoformat()
        return spec

    def ask_save_view(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"),
                                        self.tr("Name of this view:"))
        if ok and name.strip():
            self.save_view(name.strip())

    def save_view(self, name: str) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        spec = self.current_spec()

        def done(_v: Any) -> None:
            self.message.emit(self.tr("View saved: %1").replace("%1", name))
            self._reload_views(select=name)

        self.run(lambda _t: ctx.svc.orders.save_view(name, spec), done)

    def _reload_views(self, select: str | None = None) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def done(views: list[SavedView]) -> None:
            self._fill_views(views)
            if select is not None:
                for i, v in enumerate(views):
                    if not v.builtin and v.name == select:
                        self.views_list.setCurrentRow(i)

        self.run(lambda _t: ctx.svc.orders.views(), done)

    def _views_menu(self, pos: Any) -> None:
        item = self.views_list.itemAt(pos)
        if item is None:
            return
        view = self._views[self.views_list.row(item)]
        if view.builtin or view.id is None:
            return
        menu = QMenu(self)
        act = menu.addAction(self.tr("Delete view “%1”").replace("%1", view.name))
        if menu.exec(self.views_list.mapToGlobal(pos)) is act:
            self.delete_view(view.id)

    def delete_view(self, view_id: int) -> None:
        ctx = self.ctx
        if ctx is not None:
            self.run(lambda _t: ctx.svc.orders.delete_view(view_id),
                     lambda _r: self._reload_views())

    # ------------------------------------------------------------------ loading
    def nav_title(self) -> str:
        return self.tr("Orders")

    def refresh(self) -> None:
        """Load the filter bar's query (first rows, count, ids)."""
        if self.ctx is None:
            return
        self._search_timer.stop()
        self._load(self.current_query())

    def _load(self, q: Query, *, live: bool = False) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        self._stale = False
        self.loading = True
        if self.model.reader.svc is not ctx.svc:
            self.model.set_service(ctx.svc)
        self.model.tz = ctx.tz
        self.model.now = self.now()
        self.model.this_year = self.model.now.astimezone(ctx.tz).year
        keep: list[int] = []
        self._restore = None
        if live:
            keep, self._restore = self._remember_view()
        else:
            self.count_label.setText(self.tr("Loading…"))
        self.model.load(q, refresh=live, keep=keep)
        self._sync_sort_indicator()
        if not self._campaigns or not self._views:
            self._load_side()

    def _load_side(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def fetch(_t: Any) -> tuple[list[tuple[int, str]], list[SavedView]]:
            return ([(c.id, c.name) for c in ctx.svc.campaigns.all()], ctx.svc.orders.views())

        def done(data: tuple[list[tuple[int, str]], list[SavedView]]) -> None:
            names, views = data
            self._set_campaigns(names)
            self._fill_views(views)
            self.model.campaign_names = dict(names)
            self.model.retranslate()

        generation = self._generation
        ops.run(fetch, parent=self, on_success=lambda d: done(d)
                if generation == self._generation else None)

    def _head_loaded(self, res: Loaded) -> None:
        self.loading = False
        self._show_count()
        self.fetch_seconds = res.seconds.get("head", 0.0)
        if not self.poll_timer.isActive():
            self.poll_timer.start()
            self.tick_timer.start()
        self.loaded.emit()

    def _ids_loaded(self, res: Loaded) -> None:
        self._show_count()
        if self._restore is not None:
            self._apply_restore(res)
        self.loading = False
        self._baseline = True  # the token these rows correspond to
        self.reader.poll()

    def _read_failed(self, error: BaseException) -> None:
        self.loading = False
        from app.errors import show_error

        show_error(self, error)

    def mark_stale(self) -> None:
        super().mark_stale()
        self._campaigns = []  # names may have changed too

    def ensure_loaded(self) -> None:
        if self._stale and not self.loading:
            self.refresh()
        elif self.ctx is not None:
            self.reader.poll()

    def set_context(self, ctx: Any) -> None:
        self._token = None
        self.poll_timer.stop()
        self.tick_timer.stop()
        super().set_context(ctx)
        self.model.set_service(ctx.svc if ctx is not None else None)
        self.detail.tz = ctx.tz if ctx is not None else None

    def clear(self) -> None:
        self.model.clear()
        self._campaigns = []
        self._views = []
        self._set_campaigns([])
        self.views_list.clear()
        self.detail.show_detail(None)
        self.count_label.setText("")

    def _set_campaigns(self, names: list[tuple[int, str]]) -> None:
        self._campaigns = names
        keep = self.campaign_combo.currentData()
        self._building = True
        try:
            self.campaign_combo.clear()
            self.campaign_combo.addItem(self.tr("All campaigns"), None)
            for cid, name in names:
                self.campaign_combo.addItem(f"#{cid} {name}", cid)
                self.campaign_combo.setItemData(self.campaign_combo.count() - 1,
                                                f"#{cid} {name}",
                                                Qt.ItemDataRole.ToolTipRole)
            i = self.campaign_combo.findData(keep) if keep is not None else 0
            self.campaign_combo.setCurrentIndex(max(i, 0))
            # The list opens as wide as its longest name, whatever the box's width.
            combo = self.campaign_combo
            fm = combo.view().fontMetrics()
            widest = max((fm.horizontalAdvance(combo.itemText(j))
                          for j in range(combo.count())), default=0)
            combo.view().setMinimumWidth(widest + 40)
            self._campaign_tip()
        finally:
            self._building = False

    def _campaign_tip(self) -> None:
        """The whole chosen name in the tooltip, when the box is too narrow for it."""
        self.campaign_combo.setToolTip(self.campaign_combo.currentText())

    def _show_count(self) -> None:
        m = self.model
        if m.query is None:
            return
        self._show_empty_state()
        if m.counted and m.total == 0:
            empty_shop = not self._has_filter()
            self.count_label.setText(self.tr("No orders yet: import an export or open the "
                                             "demo shop") if empty_shop
                                     else self.tr("No orders match"))
        elif not m.counted:
            self.count_label.setText(self.tr("%1+ orders (counting…)").replace(
                "%1", display.count(m.total)))
        else:
            self.count_label.setText(self.tr("%Ln order(s)", "", m.total))
        title = self.tr("Orders")
        if self._title_override:
            title += " · " + self._title_override
        self.heading.setText(title)
        self._update_bulk_scope()

    def _show_empty_state(self) -> None:
        m = self.model
        empty = m.query is not None and m.counted and m.total == 0
        shop = empty and not self._has_filter()
        if shop:
            self.empty_state.set_texts(self.tr("No orders yet"), self.tr(
                "Import an order export from Taobao/Tmall, JD, Douyin or TikTok Shop "
                "(File ▸ Import, or drop the file on this window), or open the demo shop "
                "to look around."))
        elif empty:
            self.empty_state.set_texts(self.tr("No orders match this filter"), self.tr(
                "Change the filter or show all orders."))
        self.empty_import.setVisible(shop)
        self.empty_demo.setVisible(shop)
        self.empty_reset.setVisible(empty and not shop)
        self.empty_state.show_over(empty)

    def _has_filter(self) -> bool:
        from presale_engine.service import OrderFilter

        return self.current_filter() != OrderFilter()

    # ------------------------------------------------------------------ sorting
    def _header_clicked(self, column: int) -> None:
        key = SORT_OF.get(self.model.columns[column])
        q = self.model.query
        if key is None or q is None:
            self._sync_sort_indicator()
            return
        desc = not q.desc if q.sort == key else False
        self.sort_by(key, desc)

    def sort_by(self, key: str, desc: bool = False) -> None:
        q = self.model.query or self.current_query()
        self._load(replace(q, sort=key, desc=desc))

    def _sync_sort_indicator(self) -> None:
        col = self.model.sort_column()
        q = self.model.query
        order = Qt.SortOrder.DescendingOrder if q is not None and q.desc else \
            Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(col, order)
        header.blockSignals(False)

    # ------------------------------------------------------------------ live
    def tick(self) -> None:
        """Every minute: the countdown and the overdue/due-soon marks move."""
        if self.ctx is not None:
            self.model.set_now(self.now())

    def _token_arrived(self, token: Any) -> None:
        if self.ctx is None:
            return
        if self._token is None or self._baseline:
            self._baseline = False
            self._token = token
            return
        if token != self._token:
            self._token = token
            if self.model.query is not None and not self.loading:
                self._load(self.model.query, live=True)
                self._detail_timer.start()
                self.data_changed.emit()

    def check_for_changes(self) -> None:
        """Read the change token now (tests, and after our own writes)."""
        self.reader.poll()

    def _remember_view(self) -> tuple[list[int], dict[str, Any]]:
        """The selected ids, the current one and the top row's id (to put back)."""
        n = self.selected_count()
        state: dict[str, Any] = {"all": False}
        rows: list[int] = []
        if n > KEEP_SELECTION:
            state["all"] = n >= self.model.rowCount()
        else:
            rows = self.selected_rows()
        top = self.table.rowAt(0)
        ids = [i for i in (self.model.id_at(r) for r in rows) if i is not None]
        cur = self.table.currentIndex()
        state["selected"] = ids
        state["current"] = self.model.id_at(cur.row()) if cur.isValid() else None
        state["current_col"] = cur.column() if cur.isValid() else 0
        state["top"] = self.model.id_at(top) if top >= 0 else None
        state["top_row"] = top
        state["h"] = self.table.horizontalScrollBar().value()
        keep = [*ids, *(x for x in (state["current"], state["top"]) if x is not None)]
        return keep, state

    def _apply_restore(self, res: Loaded) -> None:
        state, self._restore = self._restore, None
        if state is None:
            return
        if res.same_ids:
            return  # nothing moved: the view kept its rows, scroll and selection
        pos = res.positions
        sel = self.table.selectionModel()
        if state.get("all"):
            self.table.selectAll()
        else:
            selection = QItemSelection()
            last = self.model.columnCount() - 1
            for oid in state.get("selected", []):
                r = pos.get(oid)
                if r is not None:
                    selection.select(self.model.index(r, 0), self.model.index(r, last))
            sel.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        cur = pos.get(state.get("current")) if state.get("current") is not None else None
        if cur is not None:
            sel.setCurrentIndex(self.model.index(cur, state.get("current_col", 0)),
                                QItemSelectionModel.SelectionFlag.NoUpdate)
        top = pos.get(state["top"]) if state.get("top") is not None else None
        if top is None:
            top = min(max(state.get("top_row", 0), 0), max(self.model.rowCount() - 1, 0))
        if self.model.rowCount():
            self.table.scrollTo(self.model.index(top, 0),
                                QAbstractItemView.ScrollHint.PositionAtTop)
        self.table.horizontalScrollBar().setValue(state.get("h", 0))

    # ------------------------------------------------------------------ selection
    def _selection_changed(self, *_args: Any) -> None:
        self._update_bulk_scope()

    def selected_ranges(self) -> list[tuple[int, int]]:
        """Selected rows as merged (first, last) ranges, from the selection's ranges:
        ``selectedRows()`` would ask the model about every cell of every selected row
        (0.3 s for 10,000 rows)."""
        spans = sorted((r.top(), r.bottom()) for r in self.table.selectionModel().selection())
        out: list[tuple[int, int]] = []
        for top, bottom in spans:
            if out and top <= out[-1][1] + 1:
                out[-1] = (out[-1][0], max(out[-1][1], bottom))
            else:
                out.append((top, bottom))
        return out

    def selected_count(self) -> int:
        return sum(b - a + 1 for a, b in self.selected_ranges())

    def selected_rows(self) -> list[int]:
        return [r for a, b in self.selected_ranges() for r in range(a, b + 1)]

    def selected_ids(self) -> list[int] | None:
        """Ids of the selected rows; None while the ids are still being read."""
        out = []
        for r in self.selected_rows():
            oid = self.model.id_at(r)
            if oid is None:
                return None
            out.append(oid)
        return out

    def _update_bulk_scope(self) -> None:
        n = self.selected_count()
        keep = self.scope_combo.currentData()
        if n and self._selected_before == 0:
            keep = "selection"  # a new selection is what the actions are about
        self._selected_before = n
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        if n:
            self.scope_combo.addItem(self.tr("%1 selected").replace("%1", display.count(n)),
                                     "selection")
        self.scope_combo.addItem(self.tr("All %1 matching").replace(
            "%1", display.count(self.model.total)), "all")
        i = self.scope_combo.findData(keep) if keep else 0
        self.scope_combo.setCurrentIndex(max(i, 0))
        self.scope_combo.blockSignals(False)
        self.actions_button.setEnabled(self.model.total > 0)

    # ------------------------------------------------------------------ bulk
    def start_bulk(self, event: str, ids: list[int] | None = None) -> Any:
        """Open the confirmation for ``event`` on ``ids``, the selection or all matching."""
        ctx = self.ctx
        if ctx is None:
            return None
        from app.dialogs.bulk_dialog import BulkDialog

        flt = None
        single = None
        count = 0
        if ids is None and self.scope_combo.currentData() == "selection":
            ids = self.selected_ids()
            if ids is None:
                self.message.emit(self.tr("Still reading the orders; try again in a moment"))
                return None
        if ids is None:
            flt = self.current_filter()
            count = self.model.total
        elif len(ids) == 1:
            row = self.model.row_of(ids[0])
            o = self.model.order_at(row) if row is not None else None
            single = o.order_no if o is not None else None
            if o is None and self.detail.detail is not None and \
                    self.detail.detail.order.id == ids[0]:
                single = self.detail.detail.order.order_no
        dlg = BulkDialog(ctx.svc, event, ids=ids, flt=flt, count=count,
                         single_order_no=single, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.applied.connect(self._bulk_done)
        self.bulk_dialog = dlg
        dlg.open()
        return dlg

    def _bulk_done(self, res: BulkResult) -> None:
        parts = [self.tr("%1: %Ln order(s) changed", "", res.applied).replace(
            "%1", desk_labels.bulk_action(res.event))]
        if res.refused:
            parts.append(self.tr("%1 skipped").replace("%1", display.count(len(res.refused))))
        self.message.emit(", ".join(parts))
        self.data_changed.emit()
        if self.model.query is not None:
            self._load(self.model.query, live=True)
        self._detail_timer.start()

    # ------------------------------------------------------------------ detail
    def _load_detail(self) -> None:
        cur = self.table.currentIndex()
        oid = self.model.id_at(cur.row()) if cur.isValid() else None
        self._detail_id = oid
        if oid is None:
            self.detail.show_detail(None)
            return
        self.reader.detail(oid)

    def _detail_arrived(self, order_id: int, d: OrderDetail) -> None:
        if order_id == self._detail_id:
            self.detail.tz = self.ctx.tz if self.ctx is not None else None
            self.detail.show_detail(d)
            if not self.detail.isVisible():
                self.detail.setVisible(True)

    def show_order(self, order_id: int) -> None:
        """Show one order's detail (the import results, an alert)."""
        self._detail_id = order_id
        self.reader.detail(order_id)

    def save_notes(self, order_id: int, note: str, tags: list[str]) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def done(_o: Any) -> None:
            self.message.emit(self.tr("Notes saved"))
            self._detail_timer.start()
            self.check_for_changes()

        self.run(lambda _t: ctx.svc.orders.annotate(order_id, note=note, tags=tags), done)

    # ------------------------------------------------------------------ copy
    def copy_selection(self) -> None:
        """Ctrl+C: the selected cells of the shown columns, tab-separated (order numbers
        whole); rows not fetched yet are read first."""
        rows = self.selected_rows()
        if not rows:
            return
        ids = [self.model.id_at(r) for r in rows]
        if any(i is None for i in ids):
            self.message.emit(self.tr("Still reading the orders; try again in a moment"))
            return
        missing = [i for i in ids if i is not None and self.model._cache.get(i) is None]
        if missing:
            self.reader.rows(self.model.generation, missing, tag=("copy", rows))
            return
        self._copy(rows)

    def _copy_rows_arrived(self, rows_: list[Any], tag: Any) -> None:
        if isinstance(tag, tuple) and tag and tag[0] == "copy":
            for o in rows_:
                self.model._remember(o)
            self._copy(tag[1])

    def _copy(self, rows: list[int]) -> None:
        cols = self.visible_columns()
        m = self.model
        lines = []
        for r in rows:
            o = m.order_at(r)
            if o is None:
                continue
            lines.append("\t".join(m.text(o, m.columns[c]) for c in cols))
        QGuiApplication.clipboard().setText("\n".join(lines))
        self.message.emit(self.tr("%Ln row(s) copied", "", len(lines)))

    # ------------------------------------------------------------------ texts
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Orders"))
        self.search.setPlaceholderText(self.tr("Order no., buyer, recipient, tracking no. "
                                               "or SKU (Ctrl+F)"))
        self._building = True
        try:
            keep_states = set(self.status_combo.checked())
            self.status_combo.some_text = self.tr("%1 states")
            self.status_combo.set_items(self.tr("All states"), [
                (code, labels.order_status(code)) for code in labels.ORDER_STATUSES],
                keep_states)
            keep_flags = set(self.flags_combo.checked())
            self.flags_combo.some_text = self.tr("%1 flags")
            self.flags_combo.set_items(self.tr("Import flags: any"), [
                (code, desk_labels.import_flag(code)) for code in FLAG_CODES], keep_flags)
            for combo, first, items in (
                    (self.platform_combo, self.tr("All platforms"),
                     [(c, labels.platform(c)) for c in ("taobao", "jd", "douyin", "tiktok",
                                                         "other")]),
                    (self.kind_combo, self.tr("All types"),
                     [(c, labels.kind(c)) for c in ("deposit", "full", "normal")]),
                    (self.due_combo, self.tr("Any deadline"),
                     [("overdue", self.tr("Overdue")), ("24", self.tr("Due within 24 h")),
                      ("48", self.tr("Due within 48 h")), ("today", self.tr("Due today")),
                      ("date", self.tr("Due by a date…"))])):
                keep = combo.currentData()
                combo.clear()
                combo.addItem(first, None if combo is not self.due_combo else "")
                for code, text in items:
                    combo.addItem(text, code)
                i = combo.findData(keep) if keep else 0
                combo.setCurrentIndex(max(i, 0))
            if self.campaign_combo.count():
                self.campaign_combo.setItemText(0, self.tr("All campaigns"))
            else:
                self.campaign_combo.addItem(self.tr("All campaigns"), None)
        finally:
            self._building = False
        self.unpaid_check.setText(self.tr("Balance unpaid"))
        self.reset_button.setText(self.tr("Show all"))
        self.empty_import.setText(self.tr("Import orders…"))
        self.empty_demo.setText(self.tr("Open the demo shop"))
        self.empty_reset.setText(self.tr("Show all orders"))
        self._show_empty_state()
        self.columns_button.setText(self.tr("Columns"))
        self.actions_button.setText(self.tr("Actions"))
        for ev, act in self.bulk_actions.items():
            act.setText(desk_labels.bulk_action(ev) + "…")
        self.views_title.setText(self.tr("Views"))
        self.save_view_button.setText(self.tr("Save view…"))
        for i, act in enumerate(self.columns_menu.actions()):
            act.setText(self.model.header(self.model.columns[i]))
        if self._views:
            self._fill_views(self._views)
        self.model.retranslate()
        self.detail.retranslate_ui()
        self._show_count()
        self._update_bulk_scope()
        self.resize_to_headers()

    def resize_to_headers(self) -> None:
        """After a language switch: no header cut ("ncoming", "Depos…"), and the
        countdown's longest form ("overdue 12 d 23 h") whole."""
        from datetime import UTC, timedelta

        from app.models.orders import countdown

        t = datetime(2026, 1, 1, tzinfo=UTC)
        longest = countdown(t, t + timedelta(days=12, hours=23))
        minimum = {}
        if "time_left" in self.model.columns:
            minimum[self.model.columns.index("time_left")] = \
                self.table.fontMetrics().horizontalAdvance(longest) + 16
        fit_headers(self.table, minimum)
