"""Page 2: which SKUs go on presale, each with its presale cap and a sales-history hint.

The product list is the shop's catalogue (hundreds to a few thousand rows), small and
bounded, so a sort/filter proxy over an in-memory model is enough here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from presale_engine.service import ProductView
from presale_engine.service.values import HISTORY_CAP_SHARE, HISTORY_HINT_SHARE, PLATFORMS

from .common import HINT_COLOR, PAGE_SKUS, IssueLabel, ShownIssue, item_index, set_help
from .page_base import CampaignPage, WizardHost

_SKU_ROLE = Qt.ItemDataRole.UserRole + 1
_PLATFORM_ROLE = Qt.ItemDataRole.UserRole + 2
_HAY_ROLE = Qt.ItemDataRole.UserRole + 3
_ANY_PLATFORM = "*"


class ProductFilter(QSortFilterProxyModel):
    """Filters the product list by a search text and a platform (unassigned always shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.platform: str | None = None

    def set_filter(self, text: str, platform: str | None) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.platform = platform
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int,
                         parent: QModelIndex | QPersistentModelIndex) -> bool:
        idx = self.sourceModel().index(row, 0, parent)
        plat = idx.data(_PLATFORM_ROLE)
        if self.platform and plat and plat != self.platform:
            return False
        return not self.text or self.text in str(idx.data(_HAY_ROLE))


class ChosenRow:
    """One SKU of the campaign as chosen: its code, presale cap (0 = none) and product."""

    def __init__(self, sku: str, cap: int, product: ProductView | None) -> None:
        self.sku = sku
        self.cap = cap
        self.product = product


class SkuPage(CampaignPage):
    COL_SKU, COL_NAME, COL_CAP, COL_HINT, COL_CHECKS, COL_REMOVE = range(6)

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, PAGE_SKUS)
        self.setTitle(self.tr("Step 2 of 6 · SKUs"))
        self.setSubTitle(self.tr(
            "Pick the SKUs to presell and cap each one; keep a cap to 50–70% of what the "
            "SKU sold recently."))
        self.rows: list[ChosenRow] = []
        self.row_labels: list[IssueLabel] = []
        self.spins: list[QSpinBox] = []

        # ---- the shop's products
        pick = QGroupBox(self.tr("Products"))
        pl = QVBoxLayout(pick)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search SKU, name or variant"))
        self.search_edit.setClearButtonEnabled(True)
        self.platform_filter = QComboBox()
        self.platform_filter.addItem(self.tr("All platforms"), _ANY_PLATFORM)
        for code in PLATFORMS:
            self.platform_filter.addItem(wizard.names.platform(code), code)
        set_help(self.platform_filter, self.tr(
            "Show the products listed on this platform (and those not tied to one)."))
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.platform_filter)
        pl.addLayout(bar)

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("SKU"), self.tr("Product"), self.tr("Variant"), self.tr("On hand"),
            self.tr("Sold (30 days)")])
        for p in wizard.products:
            self.model.appendRow(self._product_items(p))
        self.proxy = ProductFilter(self)
        self.proxy.setSourceModel(self.model)
        self.product_view = QTableView()
        self.product_view.setModel(self.proxy)
        self.product_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.product_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.product_view.setSortingEnabled(True)
        self.product_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.product_view.verticalHeader().setVisible(False)
        self.product_view.verticalHeader().setDefaultSectionSize(24)
        hh = self.product_view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.product_view.setColumnWidth(0, 160)
        self.product_view.setColumnWidth(2, 130)
        self.product_view.setColumnWidth(3, 80)
        self.product_view.setColumnWidth(4, 110)
        pl.addWidget(self.product_view, 1)
        add_bar = QHBoxLayout()
        self.empty_label = QLabel(self.tr(
            "No products yet: add them in Stock first, or type a SKU below."))
        self.empty_label.setStyleSheet(f"color: {HINT_COLOR};")
        self.empty_label.setVisible(not wizard.products)
        self.add_button = QPushButton(self.tr("Add selected ↓"))
        add_bar.addWidget(self.empty_label, 1)
        add_bar.addStretch(0)
        add_bar.addWidget(self.add_button)
        pl.addLayout(add_bar)
        self.outer.addWidget(pick, 5)

        # ---- the campaign's SKUs
        chosen = QGroupBox(self.tr("In this campaign"))
        cl = QVBoxLayout(chosen)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("SKU"), self.tr("Product"), self.tr("Presale cap"),
            self.tr("Suggested cap"), self.tr("Checks"), ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        th = self.table.horizontalHeader()
        th.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        th.setSectionResizeMode(self.COL_CHECKS, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(self.COL_SKU, 130)
        self.table.setColumnWidth(self.COL_NAME, 150)
        self.table.setColumnWidth(self.COL_CAP, 100)
        self.table.setColumnWidth(self.COL_HINT, 200)
        self.table.setColumnWidth(self.COL_REMOVE, 34)
        cl.addWidget(self.table, 1)
        manual = QHBoxLayout()
        self.manual_edit = QLineEdit()
        self.manual_edit.setPlaceholderText(self.tr("SKU not in the list? Type it here"))
        self.manual_button = QPushButton(self.tr("Add SKU"))
        manual.addWidget(self.manual_edit, 1)
        manual.addWidget(self.manual_button)
        cl.addLayout(manual)
        cl.addWidget(self.add_slot("items", IssueLabel(chosen, [self.table])))
        self.outer.addWidget(chosen, 6)

        self.search_edit.textChanged.connect(self._refilter)
        self.platform_filter.currentIndexChanged.connect(self._refilter)
        self.product_view.doubleClicked.connect(self._add_index)
        self.add_button.clicked.connect(self.add_selected)
        self.manual_button.clicked.connect(self._add_manual)
        self.manual_edit.returnPressed.connect(self._add_manual)

    def _product_items(self, p: ProductView) -> list[QStandardItem]:
        def cell(text: str, align_right: bool = False) -> QStandardItem:
            it = QStandardItem(text)
            if align_right:
                it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return it

        first = cell(p.sku)
        first.setData(p.sku, _SKU_ROLE)
        first.setData(p.platform, _PLATFORM_ROLE)
        first.setData(f"{p.sku} {p.name} {p.variant}".casefold(), _HAY_ROLE)
        sold = cell("" if p.sales_30d is None else str(p.sales_30d), True)
        if p.sales_30d is not None:
            sold.setData(p.sales_30d, Qt.ItemDataRole.UserRole)
        return [first, cell(p.name), cell(p.variant), cell(str(p.on_hand), True), sold]

    # ------------------------------------------------------------------ filter
    def sync_platform(self, platform: str) -> None:
        """Follow the campaign's platform in the filter (the user may widen it again)."""
        i = self.platform_filter.findData(platform)
        if i >= 0:
            self.platform_filter.setCurrentIndex(i)

    def _refilter(self) -> None:
        plat = self.platform_filter.currentData()
        self.proxy.set_filter(self.search_edit.text(),
                              None if plat == _ANY_PLATFORM else str(plat))

    # ------------------------------------------------------------------ adding
    def add_selected(self) -> None:
        rows = self.product_view.selectionModel().selectedRows(0)
        self.add_skus([str(r.data(_SKU_ROLE)) for r in rows])

    def _add_index(self, index: QModelIndex) -> None:
        self.add_skus([str(index.siblingAtColumn(0).data(_SKU_ROLE))])

    def _add_manual(self) -> None:
        sku = self.manual_edit.text().strip()
        if sku:
            self.add_skus([sku])
            self.manual_edit.clear()

    def add_skus(self, skus: list[str], caps: dict[str, int | None] | None = None) -> None:
        have = {r.sku for r in self.rows}
        added = False
        for sku in skus:
            if not sku or sku in have:
                continue
            product = self.cw.product(sku)
            cap = (caps or {}).get(sku) if caps is not None else self.suggested_cap(product)
            self.rows.append(ChosenRow(sku, cap or 0, product))
            have.add(sku)
            added = True
        if added:
            self._rebuild()

    def remove_sku(self, sku: str) -> None:
        self.rows = [r for r in self.rows if r.sku != sku]
        self._rebuild()

    @staticmethod
    def suggested_cap(product: ProductView | None) -> int:
        """Half of the last 30 days' sales (seed 000: 50–70%); no cap without history."""
        if product is None or not product.sales_30d:
            return 0
        return int(product.sales_30d * HISTORY_HINT_SHARE)

    def hint_text(self, product: ProductView | None) -> str:
        if product is None:
            return self.tr("Not in the product list")
        if product.sales_30d is None:
            return self.tr("No sales history")
        sold = product.sales_30d
        return (self.tr("%2–%3 (sold %1 in 30 days)")
                .replace("%1", str(sold))
                .replace("%2", str(int(sold * HISTORY_HINT_SHARE)))
                .replace("%3", str(int(sold * HISTORY_CAP_SHARE))))

    def _rebuild(self) -> None:
        self.table.setRowCount(len(self.rows))
        self.row_labels = []
        self.spins = []
        for i, row in enumerate(self.rows):
            sku_item = QLabel(row.sku)
            sku_item.setContentsMargins(4, 0, 4, 0)
            self.table.setCellWidget(i, self.COL_SKU, sku_item)
            name = row.product.name if row.product else ""
            if row.product and row.product.variant:
                name = f"{name} · {row.product.variant}"
            name_label = QLabel(name)
            name_label.setContentsMargins(4, 0, 4, 0)
            name_label.setToolTip(name)
            self.table.setCellWidget(i, self.COL_NAME, name_label)
            spin = QSpinBox()
            spin.setRange(0, 9_999_999)
            spin.setSpecialValueText(self.tr("No cap"))
            spin.setValue(row.cap)
            set_help(spin, self.tr("The most units this SKU may sell in this presale."))
            spin.valueChanged.connect(lambda v, r=row: self._cap_changed(r, v))
            holder = QWidget()  # keeps the spin box its own height in a tall row
            hl = QHBoxLayout(holder)
            hl.setContentsMargins(2, 0, 2, 0)
            hl.addWidget(spin, 0, Qt.AlignmentFlag.AlignVCenter)
            self.table.setCellWidget(i, self.COL_CAP, holder)
            self.spins.append(spin)
            hint = QLabel(self.hint_text(row.product))
            hint.setStyleSheet(f"color: {HINT_COLOR};")
            hint.setWordWrap(True)
            hint.setContentsMargins(4, 2, 4, 2)
            hint.setToolTip(hint.text())
            self.table.setCellWidget(i, self.COL_HINT, hint)
            checks = IssueLabel(None, [sku_item, spin])
            checks.setContentsMargins(4, 2, 4, 2)
            self.table.setCellWidget(i, self.COL_CHECKS, checks)
            self.row_labels.append(checks)
            remove = QToolButton()
            remove.setText("✕")
            remove.setAutoRaise(True)
            remove.setToolTip(self.tr("Remove %1 from the campaign").replace("%1", row.sku))
            remove.clicked.connect(lambda _=False, s=row.sku: self.remove_sku(s))
            self.table.setCellWidget(i, self.COL_REMOVE, remove)
        self.table.resizeRowsToContents()
        self.cw.skus_changed()
        self.changed()

    def _cap_changed(self, row: ChosenRow, value: int) -> None:
        row.cap = value
        self.changed()

    # ------------------------------------------------------------------ state
    def skus(self) -> list[str]:
        return [r.sku for r in self.rows]

    def row_for(self, sku: str) -> int:
        return self.skus().index(sku)

    # ------------------------------------------------------------------ issues
    def route(self, issue: ShownIssue) -> IssueLabel | None:
        i = item_index(issue.field)
        if i is not None and 0 <= i < len(self.row_labels):
            return self.row_labels[i]
        return super().route(issue)

    def all_labels(self) -> list[IssueLabel]:
        return [*super().all_labels(), *self.row_labels]

    def show_issues(self, mine: Any, earlier: Any) -> None:
        super().show_issues(mine, earlier)
        self.table.resizeRowsToContents()

    # ------------------------------------------------------------------ definition
    def contribute(self, defn: dict[str, Any]) -> None:
        items = []
        for r in self.rows:
            item: dict[str, Any] = {"sku": r.sku}
            if r.cap:
                item["cap"] = r.cap
            items.append(item)
        defn["items"] = items

    def load(self, defn: dict[str, Any]) -> None:
        items = [it for it in defn.get("items") or [] if isinstance(it, dict)]
        caps: dict[str, int | None] = {}
        for it in items:
            cap = it.get("cap")
            caps[str(it.get("sku"))] = cap if isinstance(cap, int) else None
        self.rows = []
        self.add_skus([str(it.get("sku") or "") for it in items], caps)
        if not self.rows:
            self._rebuild()
