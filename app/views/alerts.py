"""Alerts: a placeholder until the risk issue lands, with the two cheap counts now."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import display
from app.views.base import Page

if TYPE_CHECKING:
    from app.context import DeskContext


class AlertsPage(Page):
    name = "alerts"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: tuple[int, int] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.setSpacing(12)
        self.heading = QLabel()
        self.heading.setObjectName("PageHeading")
        lay.addWidget(self.heading)
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("Placeholder")
        lay.addWidget(self.placeholder)

        row = QHBoxLayout()
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("AlertBad")
        self.overdue_button = QPushButton()
        self.overdue_button.clicked.connect(lambda: self.open_orders.emit({"overdue": True}))
        row.addWidget(self.overdue_label)
        row.addWidget(self.overdue_button)
        row.addStretch(1)
        lay.addLayout(row)
        row2 = QHBoxLayout()
        self.due_label = QLabel()
        self.due_label.setObjectName("AlertWarn")
        self.due_button = QPushButton()
        self.due_button.clicked.connect(lambda: self.open_orders.emit({"due_48h": True}))
        row2.addWidget(self.due_label)
        row2.addWidget(self.due_button)
        row2.addStretch(1)
        lay.addLayout(row2)
        lay.addStretch(1)
        for w in (self.overdue_label, self.due_label):
            w.setTextFormat(Qt.TextFormat.PlainText)
        self.retranslate_ui()

    def nav_title(self) -> str:
        return self.tr("Alerts")

    def fetch(self, ctx: DeskContext) -> Any:
        from presale_engine.service import OrderFilter

        svc = ctx.svc
        return (svc.orders.count(OrderFilter(overdue=True)),
                svc.orders.count(OrderFilter(due_within_hours=48)))

    def apply(self, data: Any) -> None:
        self.counts = data
        self._show()

    def clear(self) -> None:
        self.counts = None
        self._show()

    def _show(self) -> None:
        overdue, due = self.counts if self.counts else (None, None)
        self.overdue_label.setText(self.tr("Overdue orders: %1").replace(
            "%1", display.count(overdue) if overdue is not None else "–"))
        self.due_label.setText(self.tr("Orders due within 48 hours: %1").replace(
            "%1", display.count(due) if due is not None else "–"))
        self.overdue_button.setEnabled(self.counts is not None)
        self.due_button.setEnabled(self.counts is not None)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Alerts"))
        self.placeholder.setText(self.tr(
            "Risk alerts arrive with the risk issue: supply shortfalls, ship windows outside "
            "the platform's rules, presale share, late and cancel rates. Until then, these "
            "are the orders that need shipping first."))
        self.overdue_button.setText(self.tr("Show overdue orders"))
        self.due_button.setText(self.tr("Show orders due soon"))
        self._show()
