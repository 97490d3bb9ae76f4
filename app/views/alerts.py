"""Alerts: what will cost money soon, most urgent first, with what to do about it.

Each load evaluates the risk rules on the worker (``svc.risk.evaluate``); the main
window also evaluates after every change and every few minutes (deadlines approach by
themselves) and hands the result here (``show_evaluation``). The list is small (one
alert per code and subject), so a plain table widget holds it. "Show orders" opens the
order table on the alert's orders; Acknowledge and Snooze change the alert's state
through the service.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app import display, i18n
from app.views.base import Page

if TYPE_CHECKING:
    from app.context import DeskContext

REEVALUATE_MS = 5 * 60 * 1000  # deadlines approach by themselves
SEVERITY_COLORS = {"critical": "#b3261e", "warning": "#8a5a00", "info": "#3d5a80"}


class AlertsPage(Page):
    name = "alerts"
    # The orders behind an alert: (OrderFilter, title) for the order table.
    show_alert_orders = Signal(object, str)
    # A new critical alert appeared (the window notifies the seller).
    new_critical = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alerts: list[Any] = []
        self.checked_at: Any = None
        self._seen_critical: set[int] | None = None
        lay, self.heading, self.figure = self.page_layout()
        bar = QHBoxLayout()
        self.severity_combo = QComboBox()
        for key in ("", "critical", "warning", "info"):
            self.severity_combo.addItem("", key)
        self.severity_combo.currentIndexChanged.connect(lambda _i: self._fill())
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.show_orders)
        self.ack_button = QPushButton()
        self.ack_button.clicked.connect(self.acknowledge)
        self.snooze_button = QPushButton()
        self.snooze_menu = QMenu(self)
        self.snooze_button.setMenu(self.snooze_menu)
        self.snooze_actions = [(self.snooze_menu.addAction(""), h) for h in (4, 24, 72)]
        for act, hours in self.snooze_actions:
            act.triggered.connect(lambda _c=False, h=hours: self.snooze(h))
        bar.addWidget(self.severity_combo)
        bar.addStretch(1)
        for b in (self.show_button, self.ack_button, self.snooze_button):
            bar.addWidget(b)
        lay.addLayout(bar)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("Placeholder")
        self.empty_label.setWordWrap(True)
        lay.addWidget(self.empty_label)
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3, 4):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.show_orders())
        lay.addWidget(self.table, 1)
        self.retranslate_ui()

    def nav_title(self) -> str:
        return self.tr("Alerts")

    # ------------------------------------------------------------------ data
    def fetch(self, ctx: DeskContext) -> Any:
        lang = i18n.message_language()
        alerts = ctx.svc.risk.evaluate(lang=lang)
        return alerts, ctx.svc.now()

    def apply(self, data: Any) -> None:
        self.alerts, self.checked_at = data
        critical = {a.id for a in self.alerts if a.severity == "critical" and a.state == "new"}
        if self._seen_critical is not None:
            fresh = [a for a in self.alerts if a.id in critical - self._seen_critical]
            if fresh:
                self.new_critical.emit(fresh[0].message)
        self._seen_critical = critical
        self._fill()

    def clear(self) -> None:
        self.alerts, self.checked_at, self._seen_critical = [], None, None
        self._fill()

    def show_evaluation(self, data: Any) -> None:
        """An evaluation the window ran (after a change, on its timer): shown as a load."""
        self.fresh(data)

    def visible_alerts(self) -> list[Any]:
        want = self.severity_combo.currentData()
        return [a for a in self.alerts if not want or a.severity == want]

    def _fill(self) -> None:
        rows = self.visible_alerts()
        tz = self.ctx.tz if self.ctx is not None else None
        self.table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            money = (display.money(a.money_at_stake, a.currency)
                     if a.money_at_stake is not None and a.currency else "")
            what = a.message + (f"\n→ {a.action}" if a.action else "")
            cells = [self._severity_name(a.severity), what,
                     display.count(a.order_count) if a.order_count else "", money,
                     self._state_name(a.state)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                if c == 0:
                    item.setForeground(QColor(SEVERITY_COLORS.get(a.severity, "#000")))
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if c == 1:
                    item.setToolTip(self.tr("First seen %1").replace(
                        "%1", display.when(a.first_seen_at, tz)))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        checked = display.when(self.checked_at, tz) if self.checked_at is not None else "–"
        self.figure.setText(self.tr("Checked %1").replace("%1", checked))
        self.empty_label.setVisible(not self.alerts)
        self.table.setVisible(bool(self.alerts))
        self.empty_label.setText(self.tr(
            "No open alerts: the shop is healthy. Checked %1; checked again every few "
            "minutes.").replace("%1", checked))
        self._update_buttons()

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows() if self.table.model() else []
        if not rows:
            return None
        aid = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.alerts if a.id == aid), None)

    def _update_buttons(self) -> None:
        a = self.selected()
        for b in (self.show_button, self.ack_button, self.snooze_button):
            b.setEnabled(a is not None)
        self.show_button.setEnabled(a is not None and (a.order_count > 0 or a.sku is not None
                                                       or a.campaign_id is not None))

    # ------------------------------------------------------------------ actions
    def show_orders(self) -> None:
        a = self.selected()
        if a is None or self.ctx is None:
            return
        flt = self.ctx.svc.risk.alert_filter(a.id)
        self.show_alert_orders.emit(flt, a.message)

    def acknowledge(self) -> None:
        a = self.selected()
        if a is None or self.ctx is None:
            return
        svc = self.ctx.svc
        self.run(lambda _t: svc.risk.ack(a.id), lambda _s: self.refresh(),
                 changes_data=False)

    def snooze(self, hours: int) -> None:
        a = self.selected()
        if a is None or self.ctx is None:
            return
        svc = self.ctx.svc
        until = svc.now() + timedelta(hours=hours)
        self.run(lambda _t: svc.risk.snooze(a.id, until), lambda _s: self.refresh(),
                 changes_data=False)

    # ------------------------------------------------------------------ words
    def _severity_name(self, key: str) -> str:
        return {"critical": self.tr("Critical"), "warning": self.tr("Warning"),
                "info": self.tr("Note")}.get(key, key)

    def _state_name(self, key: str) -> str:
        return {"new": self.tr("New"), "acknowledged": self.tr("Acknowledged"),
                "snoozed": self.tr("Snoozed"), "resolved": self.tr("Resolved")}.get(key, key)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Alerts"))
        for i, text in enumerate((self.tr("All severities"), self.tr("Critical"),
                                  self.tr("Warning"), self.tr("Note"))):
            self.severity_combo.setItemText(i, text)
        self.table.setHorizontalHeaderLabels([
            self.tr("Severity"), self.tr("What and what to do"), self.tr("Orders"),
            self.tr("At stake"), self.tr("State")])
        self.show_button.setText(self.tr("Show orders"))
        self.ack_button.setText(self.tr("Acknowledge"))
        self.snooze_button.setText(self.tr("Snooze"))
        for act, hours in self.snooze_actions:
            act.setText(self.tr("For %n hours", "", hours))
        if self.ctx is not None and self.alerts:
            self.mark_stale()  # the messages come from the engine in the UI language
            if self.isVisible():
                self.ensure_loaded()
        self._fill()
