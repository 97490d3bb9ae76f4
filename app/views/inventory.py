"""Inventory: stock per SKU (on hand, reserved, sold-not-reserved, incoming, ATP) and the
supply batches that will arrive."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import display
from app.models.base import SORT_ROLE, ListTableModel
from app.models.inventory import StockTableModel, SupplyTableModel
from app.views.base import Page

if TYPE_CHECKING:
    from app.context import DeskContext


def _table(model: ListTableModel[Any], stretch: str, parent: QWidget) -> QTableView:
    proxy = QSortFilterProxyModel(parent)  # tens of SKUs / batches: a proxy is fine
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sized once per load
    header.setSectionResizeMode(model.columns.index(stretch), QHeaderView.ResizeMode.Stretch)
    return view


class InventoryPage(Page):
    name = "inventory"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay, self.heading, self.summary = self.page_layout()

        self.stock_model = StockTableModel(self)
        self.supply_model = SupplyTableModel(self)
        self.stock_table = _table(self.stock_model, "name", self)
        self.supply_table = _table(self.supply_model, "note", self)

        split = QSplitter(Qt.Orientation.Vertical)
        top_box = QWidget()
        tl = QVBoxLayout(top_box)
        tl.setContentsMargins(0, 0, 0, 0)
        self.stock_title = QLabel()
        self.stock_title.setObjectName("SectionTitle")
        tl.addWidget(self.stock_title)
        tl.addWidget(self.stock_table)
        bottom_box = QWidget()
        bl = QVBoxLayout(bottom_box)
        bl.setContentsMargins(0, 0, 0, 0)
        self.supply_title = QLabel()
        self.supply_title.setObjectName("SectionTitle")
        bl.addWidget(self.supply_title)
        bl.addWidget(self.supply_table)
        split.addWidget(top_box)
        split.addWidget(bottom_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self.retranslate_ui()

    def nav_title(self) -> str:
        return self.tr("Inventory")

    def fetch(self, ctx: DeskContext) -> Any:
        return ctx.svc.stock.overview(), ctx.svc.stock.supply()

    def apply(self, data: Any) -> None:
        stock, supply = data
        self.stock_model.set_rows(stock)
        self.supply_model.set_rows(supply)
        self.stock_table.resizeColumnsToContents()
        self.supply_table.resizeColumnsToContents()
        self._summarize()

    def clear(self) -> None:
        self.stock_model.set_rows([])
        self.supply_model.set_rows([])
        self.summary.setText("")

    def _summarize(self) -> None:
        rows = self.stock_model.rows()
        if not rows and self.ctx is None:
            self.summary.setText("")
            return
        short = sum(1 for r in rows if r.available < 0)
        text = self.tr("%1 SKUs").replace("%1", display.count(len(rows)))
        if short:
            text += " · " + self.tr("%1 short of stock").replace("%1", display.count(short))
        self.summary.setText(text)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Inventory"))
        self.stock_title.setText(self.tr("Stock per SKU"))
        self.supply_title.setText(self.tr("Supply batches (production runs and purchase "
                                          "orders)"))
        self.stock_model.retranslate()
        self.supply_model.retranslate()
        self._summarize()
