"""A campaign's P&L as a table (per SKU and the total, in the campaign's currency) with
the notes that qualify it. Shown by the planner (a saved campaign, with the forecast's
units) and by the wizard's review page (a campaign being set up, live as prices, deposits
and tiers change). The figures come from ``svc.planning``; this only lays them out."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import display

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PnlTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pnl: Any = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setObjectName("FigureCaption")
        lay.addWidget(self.notes)
        self.retranslate_ui()

    def margin_text(self) -> str:
        """The total margin as shown."""
        n = self.table.rowCount()
        item = self.table.item(n - 1, 7) if n else None
        return item.text() if item is not None else ""

    def show_pnl(self, pnl: Any) -> None:
        self.pnl = pnl
        if pnl is None:
            self.table.setRowCount(0)
            self.notes.setText(self.tr("No figures yet: the campaign needs SKUs and prices."))
            return
        cur = pnl.currency
        rows = [(i.sku, i.units, i.paid_units, i.revenue, i.cost, i.fees, i.forfeits,
                 i.margin) for i in pnl.items]
        t = pnl.total
        rows.append((self.tr("Total"), t["units"], t["paid_units"], t["revenue"], t["cost"],
                     t["fees"], t["forfeits"], t["margin"]))
        self.table.setRowCount(len(rows))
        for n, values in enumerate(rows):
            for c, v in enumerate(values):
                text = display.money(v, cur) if isinstance(v, Decimal) else (
                    display.count(v) if isinstance(v, int) else str(v))
                item = QTableWidgetItem(text)
                if c > 0:
                    item.setTextAlignment(_RIGHT)
                if n == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if c == 7 and isinstance(v, Decimal) and v < 0:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(n, c, item)
        conv = (pnl.conversion * 100).quantize(Decimal("0.1"))
        notes = [self.tr("balance conversion %1").replace("%1", f"{conv}%")]
        if pnl.fee_rate:
            share = (pnl.fee_rate * 100).quantize(Decimal("0.01"))
            notes.append(self.tr("platform pre-order fee %1").replace("%1", f"{share}%"))
        missing = [i.sku for i in pnl.items if not i.cost_known]
        if missing:
            notes.append(self.tr("no product cost for %1 (counted as 0)").replace(
                "%1", ", ".join(missing)))
        self.notes.setText(self.tr("; ").join(notes))

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("SKU"), self.tr("Units"), self.tr("Paid in full"), self.tr("Revenue"),
            self.tr("Cost"), self.tr("Platform fees"), self.tr("Forfeited deposits"),
            self.tr("Margin")])
        if self.pnl is not None:
            self.show_pnl(self.pnl)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
