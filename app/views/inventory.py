"""Inventory: where stock stands and what to do about it (issue 10).

Per SKU: on hand, reserved, sold-not-reserved, incoming (next arrival; all dates in the
tooltip), available to promise, and the orders stock and supply will not cover in time
with the first deadline among them; beside it the chart of units due to ship per day
against units arriving per day (the selected SKU, or all). Below, the supply batches
with what a seller does to them: add, edit, receive, delay (showing the orders that
become late and their penalty first), allocate (showing what changes first), adjust
stock with a reason, and a SKU's ledger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import display, ops
from app.models.base import SORT_ROLE, ListTableModel
from app.models.inventory import PositionTableModel, SupplyTableModel
from app.views.base import Page
from app.views.flow_chart import FlowChart

if TYPE_CHECKING:
    from app.context import DeskContext
    from presale_engine.service import Flow, SkuPosition, SupplyView

FLOW_DAYS = 14


def _table(model: ListTableModel[Any], stretch: str, parent: QWidget) -> QTableView:
    proxy = QSortFilterProxyModel(parent)  # tens of SKUs / batches: a proxy is fine
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        self.stock_model = PositionTableModel(self)
        self.supply_model = SupplyTableModel(self)
        self.stock_table = _table(self.stock_model, "name", self)
        self.supply_table = _table(self.supply_model, "note", self)
        self.chart = FlowChart()

        split = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        top_box = QWidget()
        tl = QVBoxLayout(top_box)
        tl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.stock_title = QLabel()
        self.stock_title.setObjectName("SectionTitle")
        self.adjust_button = QPushButton()
        self.ledger_button = QPushButton()
        head.addWidget(self.stock_title, 1)
        head.addWidget(self.adjust_button)
        head.addWidget(self.ledger_button)
        tl.addLayout(head)
        tl.addWidget(self.stock_table)
        top.addWidget(top_box)
        top.addWidget(self.chart)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        bottom_box = QWidget()
        bl = QVBoxLayout(bottom_box)
        bl.setContentsMargins(0, 0, 0, 0)
        bhead = QHBoxLayout()
        self.supply_title = QLabel()
        self.supply_title.setObjectName("SectionTitle")
        bhead.addWidget(self.supply_title, 1)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.receive_button = QPushButton()
        self.delay_button = QPushButton()
        self.allocate_button = QPushButton()
        for b in (self.add_button, self.edit_button, self.receive_button, self.delay_button,
                  self.allocate_button):
            bhead.addWidget(b)
        bl.addLayout(bhead)
        bl.addWidget(self.supply_table)
        split.addWidget(top)
        split.addWidget(bottom_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)

        self.add_button.clicked.connect(self.add_batch)
        self.edit_button.clicked.connect(self.edit_batch)
        self.receive_button.clicked.connect(self.receive_batch)
        self.delay_button.clicked.connect(self.delay_batch)
        self.allocate_button.clicked.connect(self.allocate)
        self.adjust_button.clicked.connect(self.adjust_stock)
        self.ledger_button.clicked.connect(self.show_ledger)
        self.stock_table.selectionModel().selectionChanged.connect(self._sku_selected)
        self.supply_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.dialog: Any = None
        self._first_load = True
        self.retranslate_ui()
        self._update_buttons()

    # ------------------------------------------------------------------ loading
    def nav_title(self) -> str:
        return self.tr("Inventory")

    def fetch(self, ctx: DeskContext) -> Any:
        sku = self.selected_sku()
        return (ctx.svc.stock.positions(), ctx.svc.stock.supply(),
                ctx.svc.stock.flow(sku, days=FLOW_DAYS))

    def apply(self, data: Any) -> None:
        positions, supply, flow = data
        keep_sku = self.selected_sku()
        keep_batch = self.selected_batch()
        self.stock_model.tz = self.ctx.tz if self.ctx is not None else None
        self.stock_model.set_rows(positions)
        self.supply_model.set_rows(supply)
        self.stock_table.resizeColumnsToContents()
        self.supply_table.resizeColumnsToContents()
        if self._first_load:
            # The problems first: the SKUs with the most orders short at the top.
            self._first_load = False
            self.stock_table.sortByColumn(self.stock_model.columns.index("short"),
                                          Qt.SortOrder.DescendingOrder)
        self._select(self.stock_table, self.stock_model, lambda r: r.sku == keep_sku)
        self._select(self.supply_table, self.supply_model,
                     lambda b: keep_batch is not None and b.id == keep_batch.id)
        self.chart.show_flow(flow)
        self._summarize()
        self._update_buttons()

    def clear(self) -> None:
        self.stock_model.set_rows([])
        self.supply_model.set_rows([])
        self.chart.show_flow(None)
        self.summary.setText("")

    @staticmethod
    def _select(view: QTableView, model: ListTableModel[Any], pred: Any) -> None:
        proxy = view.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        for r, row in enumerate(model.rows()):
            if pred(row):
                view.selectRow(proxy.mapFromSource(model.index(r, 0)).row())
                return

    def _summarize(self) -> None:
        rows: list[SkuPosition] = self.stock_model.rows()
        if not rows and self.ctx is None:
            self.summary.setText("")
            return
        short = [r for r in rows if r.short_orders + r.late_orders or r.available < 0]
        text = self.tr("%Ln SKU(s)", "", len(rows))
        if short:
            orders = sum(r.short_orders + r.late_orders for r in short)
            text += " · " + self.tr("%1 short of stock, %2 orders not covered in time").replace(
                "%1", display.count(len(short))).replace("%2", display.count(orders))
        self.summary.setText(text)

    # ------------------------------------------------------------------ selection
    def selected_sku(self) -> str | None:
        idx = self.stock_table.selectionModel().selectedRows()
        if not idx:
            return None
        proxy = self.stock_table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        row: SkuPosition = self.stock_model.row_at(proxy.mapToSource(idx[0]).row())
        return row.sku

    def selected_batch(self) -> SupplyView | None:
        idx = self.supply_table.selectionModel().selectedRows()
        if not idx:
            return None
        proxy = self.supply_table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        batch: SupplyView = self.supply_model.row_at(proxy.mapToSource(idx[0]).row())
        return batch

    def _sku_selected(self, *_a: Any) -> None:
        self._update_buttons()
        ctx = self.ctx
        if ctx is None:
            return
        sku = self.selected_sku()
        ops.run(lambda _t: ctx.svc.stock.flow(sku, days=FLOW_DAYS), parent=self,
                on_success=self._flow_arrived)

    def _flow_arrived(self, flow: Flow) -> None:
        self.chart.show_flow(flow)

    def _update_buttons(self, *_a: Any) -> None:
        has_db = self.ctx is not None
        b = self.selected_batch()
        left = b is not None and b.received < b.qty
        self.add_button.setEnabled(has_db and bool(self.stock_model.rows()))
        self.edit_button.setEnabled(b is not None)
        self.receive_button.setEnabled(left)
        self.delay_button.setEnabled(left)
        self.allocate_button.setEnabled(has_db)
        self.adjust_button.setEnabled(has_db and bool(self.stock_model.rows()))
        self.ledger_button.setEnabled(self.selected_sku() is not None)

    # ------------------------------------------------------------------ actions
    def _skus(self) -> list[str]:
        return [r.sku for r in self.stock_model.rows()]

    def _open(self, dlg: Any, message: str) -> Any:
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if hasattr(dlg, "saved"):
            dlg.saved.connect(lambda _r: self._written(message))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _written(self, message: str) -> None:
        self.message.emit(message)
        self.data_changed.emit()
        self.refresh()

    def add_batch(self) -> Any:
        from app.dialogs.supply_dialogs import BatchDialog

        ctx = self.ctx
        if ctx is None:
            return None
        today = ctx.svc.now().astimezone(ctx.tz).date()
        return self._open(BatchDialog(ctx.svc, skus=self._skus(), sku=self.selected_sku(),
                                      today=today, parent=self),
                          self.tr("Supply batch added"))

    def edit_batch(self) -> Any:
        from app.dialogs.supply_dialogs import BatchDialog

        b = self.selected_batch()
        if self.ctx is None or b is None:
            return None
        return self._open(BatchDialog(self.ctx.svc, skus=self._skus(), batch=b, parent=self),
                          self.tr("Supply batch saved"))

    def receive_batch(self) -> Any:
        from app.dialogs.supply_dialogs import ReceiveDialog

        b = self.selected_batch()
        if self.ctx is None or b is None:
            return None
        return self._open(ReceiveDialog(self.ctx.svc, b, parent=self),
                          self.tr("Supply received into stock"))

    def delay_batch(self) -> Any:
        from app.dialogs.supply_dialogs import DelayDialog

        b = self.selected_batch()
        if self.ctx is None or b is None:
            return None
        return self._open(DelayDialog(self.ctx.svc, b, tz=self.ctx.tz, parent=self),
                          self.tr("Supply batch delayed"))

    def allocate(self) -> Any:
        from app.dialogs.supply_dialogs import AllocateDialog

        if self.ctx is None:
            return None
        return self._open(AllocateDialog(self.ctx.svc, parent=self),
                          self.tr("Stock allocated"))

    def adjust_stock(self) -> Any:
        from app.dialogs.supply_dialogs import AdjustDialog

        if self.ctx is None:
            return None
        return self._open(AdjustDialog(self.ctx.svc, skus=self._skus(),
                                       sku=self.selected_sku(), parent=self),
                          self.tr("Stock adjusted"))

    def show_ledger(self) -> Any:
        from app.dialogs.supply_dialogs import LedgerDialog

        sku = self.selected_sku()
        if self.ctx is None or sku is None:
            return None
        return self._open(LedgerDialog(self.ctx.svc, sku, tz=self.ctx.tz, parent=self), "")

    # ------------------------------------------------------------------ texts
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Inventory"))
        self.stock_title.setText(self.tr("Stock per SKU"))
        self.supply_title.setText(self.tr("Supply batches"))
        self.supply_title.setToolTip(self.tr("Production runs and purchase orders"))
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.receive_button.setText(self.tr("Receive…"))
        self.delay_button.setText(self.tr("Delay…"))
        self.allocate_button.setText(self.tr("Allocate…"))
        self.adjust_button.setText(self.tr("Adjust stock…"))
        self.ledger_button.setText(self.tr("Ledger…"))
        self.stock_model.retranslate()
        self.supply_model.retranslate()
        self.chart.retranslate_ui()
        self._summarize()
        if self.stock_model.rows():
            self.stock_table.resizeColumnsToContents()
            self.supply_table.resizeColumnsToContents()
