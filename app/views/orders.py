"""Orders: every order of the shop, filtered in SQL, loaded a page at a time.

The filter bar builds an engine ``OrderFilter``; a change reloads the count and the
first page on the worker (the last request wins), and the table fetches further pages
as it is scrolled (``OrderTableModel``). Overdue orders are highlighted.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from app import display, labels
from app.models.orders import OrderPage, OrderTableModel, load
from app.views.base import Page

if TYPE_CHECKING:
    from presale_engine.service import OrderFilter

SEARCH_DELAY_MS = 300


class OrdersPage(Page):
    name = "orders"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._campaigns: list[tuple[int, str]] = []
        lay, self.heading, self.count_label = self.page_layout()

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.status_label = QLabel()
        self.status_combo = QComboBox()
        self.status_combo.setMinimumContentsLength(12)
        self.status_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign_label = QLabel()
        self.campaign_combo = QComboBox()
        self.campaign_combo.setMinimumContentsLength(16)
        self.campaign_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.overdue_check = QCheckBox()
        self.due_check = QCheckBox()
        self.reset_button = QPushButton()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status_label)
        bar.addWidget(self.status_combo, 1)
        bar.addWidget(self.campaign_label)
        bar.addWidget(self.campaign_combo, 1)
        bar.addWidget(self.overdue_check)
        bar.addWidget(self.due_check)
        bar.addWidget(self.reset_button)
        lay.addLayout(bar)

        self.model = OrderTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(36)
        self._set_column_widths()
        lay.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.status_combo.currentIndexChanged.connect(self._filter_changed)
        self.campaign_combo.currentIndexChanged.connect(self._filter_changed)
        self.overdue_check.toggled.connect(self._overdue_toggled)
        self.due_check.toggled.connect(self._due_toggled)
        self.reset_button.clicked.connect(self.reset_filter)
        self.model.rowsInserted.connect(lambda *_a: self._show_count())
        self._building = False
        self.retranslate_ui()

    def _set_column_widths(self) -> None:
        # Sized for 1366 px wide screens in both languages; the campaign name takes the
        # room that is left (and more on wider screens).
        widths = {"order_no": 112, "platform": 88, "sku": 108, "qty": 36, "status": 118,
                  "total": 88, "deposit": 80, "balance": 88, "ship_deadline": 92,
                  "buyer": 88, "ordered_at": 92}
        header = self.table.horizontalHeader()
        for i, key in enumerate(self.model.columns):
            if key == "campaign":
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                self.table.setColumnWidth(i, widths.get(key, 100))

    # ------------------------------------------------------------------ filter
    def current_filter(self) -> OrderFilter:
        from presale_engine.service import OrderFilter

        status = self.status_combo.currentData()
        campaign = self.campaign_combo.currentData()
        text = self.search.text().strip()
        return OrderFilter(
            campaign_id=int(campaign) if campaign is not None else None,
            statuses=[status] if status else [],
            overdue=self.overdue_check.isChecked(),
            due_within_hours=48 if self.due_check.isChecked() else None,
            search=text or None)

    def set_filter(self, *, status: str | None = None, campaign_id: int | None = None,
                   overdue: bool = False, due_48h: bool = False, search: str = "") -> None:
        """Set the whole filter bar at once, then load once."""
        self._building = True
        try:
            i = self.status_combo.findData(status) if status else 0
            self.status_combo.setCurrentIndex(max(i, 0))
            j = self.campaign_combo.findData(campaign_id) if campaign_id is not None else 0
            self.campaign_combo.setCurrentIndex(max(j, 0))
            self.overdue_check.setChecked(overdue)
            self.due_check.setChecked(due_48h and not overdue)
            self.search.setText(search)
            self._search_timer.stop()
        finally:
            self._building = False
        self.refresh()

    def reset_filter(self) -> None:
        self.set_filter()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _filter_changed(self, *_args: Any) -> None:
        if not self._building:
            self.refresh()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.refresh()

    def _overdue_toggled(self, on: bool) -> None:
        if on and self.due_check.isChecked():
            self._building = True
            self.due_check.setChecked(False)  # "overdue" and "due soon" exclude each other
            self._building = False
        self._filter_changed()

    def _due_toggled(self, on: bool) -> None:
        if on and self.overdue_check.isChecked():
            self._building = True
            self.overdue_check.setChecked(False)
            self._building = False
        self._filter_changed()

    # ------------------------------------------------------------------ page
    def nav_title(self) -> str:
        return self.tr("Orders")

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        self._stale = False
        self._search_timer.stop()
        flt = self.current_filter()
        need_campaigns = not self._campaigns
        page_size = self.model.page_size

        def fetch(_task: Any) -> tuple[OrderPage, list[tuple[int, str]] | None]:
            t0 = time.perf_counter()
            names = None
            if need_campaigns:
                names = [(c.id, c.name) for c in ctx.svc.campaigns.all()]
            page = load(ctx.svc, flt, page_size)
            self.fetch_seconds = time.perf_counter() - t0
            return page, names

        self.count_label.setText(self.tr("Loading…"))
        self.run(fetch, self._applied)

    def mark_stale(self) -> None:
        super().mark_stale()
        self._campaigns = []  # names may have changed too

    def apply(self, data: Any) -> None:
        page, names = data
        ctx = self.ctx
        assert ctx is not None
        if names is not None:
            self._set_campaigns(names)
        self.model.tz = ctx.tz
        self.model.this_year = ctx.svc.now().astimezone(ctx.tz).year
        self.model.campaign_names = dict(self._campaigns)
        self.model.set_result(ctx.svc, page)
        self._show_count()

    def clear(self) -> None:
        self.model.clear()
        self._campaigns = []
        self._set_campaigns([])
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
            i = self.campaign_combo.findData(keep) if keep is not None else 0
            self.campaign_combo.setCurrentIndex(max(i, 0))
        finally:
            self._building = False

    def _show_count(self) -> None:
        m = self.model
        if m.filter is None:
            return
        if m.total == 0:
            self.count_label.setText(self.tr("No orders match"))
        elif m.loaded >= m.total:
            self.count_label.setText(self.tr("%1 orders").replace("%1", display.count(m.total)))
        else:
            self.count_label.setText(self.tr("%1 orders (first %2 shown; scroll for more)")
                                     .replace("%1", display.count(m.total))
                                     .replace("%2", display.count(m.loaded)))

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Orders"))
        self.search.setPlaceholderText(self.tr("Search order no. or buyer (Ctrl+F)"))
        self.status_label.setText(self.tr("Status:"))
        self.campaign_label.setText(self.tr("Campaign:"))
        self.overdue_check.setText(self.tr("Overdue"))
        self.due_check.setText(self.tr("Due in 48 h"))
        self.reset_button.setText(self.tr("Show all"))
        self._building = True
        try:
            keep = self.status_combo.currentData()
            self.status_combo.clear()
            self.status_combo.addItem(self.tr("All states"), None)
            for code in labels.ORDER_STATUSES:
                self.status_combo.addItem(labels.order_status(code), code)
            i = self.status_combo.findData(keep) if keep else 0
            self.status_combo.setCurrentIndex(max(i, 0))
            if self.campaign_combo.count():
                self.campaign_combo.setItemText(0, self.tr("All campaigns"))
            else:
                self.campaign_combo.addItem(self.tr("All campaigns"), None)
        finally:
            self._building = False
        self.model.retranslate()
        self._show_count()
