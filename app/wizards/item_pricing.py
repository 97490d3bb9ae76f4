"""The price editor of one campaign SKU: price or volume tiers, deposit terms, live quote.

Amounts stay text until the engine reads them; the quote table is computed with
``presale_engine.pricing.quote`` from exact ``Decimal`` values, never floats.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import display
from presale_engine.service import ProductView
from presale_engine.service.values import (
    ZERO,
    PriceItem,
    Tier,
    legal_deposit_cap,
    parse_money,
    quote,
)

from .common import (
    HINT_COLOR,
    WARNING_COLOR,
    IssueLabel,
    MoneyEdit,
    money_str,
    path_prefixes,
    set_help,
)


def _strip_zeros(d: Decimal) -> str:
    """A ratio such as ×3 or ×2.5: two decimals at most, no trailing zeros."""
    return display.number(d.quantize(Decimal("0.01")).normalize())


class TiersEditor(QWidget):
    """Volume tiers: rows of (from units, unit price), added and removed by the user."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, currency: str = "CNY") -> None:
        super().__init__(parent)
        self.currency = currency
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("From units sold"), self.tr("Unit price"),
                                              ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(2, 30)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setMinimumHeight(112)
        self.table.setMaximumHeight(150)
        set_help(self.table, self.tr(
            "The unit price drops for every order once total units deposited reach a "
            "threshold; the price at the close of the deposit window applies to all."))
        lay.addWidget(self.table)
        self.add_button = QPushButton(self.tr("Add tier"))
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.add_button.clicked.connect(lambda: self.add_tier())

    def spin(self, row: int) -> QSpinBox:
        w = self.table.cellWidget(row, 0)
        assert isinstance(w, QSpinBox)
        return w

    def price_edit(self, row: int) -> MoneyEdit:
        w = self.table.cellWidget(row, 1)
        assert isinstance(w, MoneyEdit)
        return w

    def add_tier(self, min_units: int | None = None, price: str | None = None) -> int:
        row = self.table.rowCount()
        if min_units is None:
            min_units = 1 if row == 0 else self.spin(row - 1).value() + 100
        self.table.insertRow(row)
        spin = QSpinBox()
        spin.setRange(1, 99_999_999)
        spin.setValue(min_units)
        spin.setPrefix("≥ ")
        spin.valueChanged.connect(self.changed)
        edit = MoneyEdit(currency=self.currency)
        edit.setMaximumWidth(16777215)
        edit.set_amount_text(price)
        edit.textChanged.connect(self.changed)
        remove = QToolButton()
        remove.setText("✕")
        remove.setAutoRaise(True)
        remove.setToolTip(self.tr("Remove this tier"))
        remove.clicked.connect(lambda _=False, e=edit: self._remove(e))
        self.table.setCellWidget(row, 0, spin)
        self.table.setCellWidget(row, 1, edit)
        self.table.setCellWidget(row, 2, remove)
        self.changed.emit()
        return row

    def _remove(self, edit: MoneyEdit) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, 1) is edit:
                self.table.removeRow(row)
                self.changed.emit()
                return

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.changed.emit()

    def tiers(self) -> list[tuple[int, str | None]]:
        return [(self.spin(r).value(), self.price_edit(r).value_text())
                for r in range(self.table.rowCount())]

    def set_tiers(self, tiers: list[tuple[int, str | None]]) -> None:
        self.blockSignals(True)
        self.table.setRowCount(0)
        for mu, price in tiers:
            self.add_tier(mu, price)
        self.blockSignals(False)
        self.changed.emit()

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        for r in range(self.table.rowCount()):
            self.price_edit(r).set_currency(currency)


class ItemPricingEditor(QWidget):
    """Price terms of one SKU; ``slots`` maps item field names to their issue labels."""

    changed = Signal()
    # rows of the quote table; the deposit rows hide for a full-payment presale
    QUOTE_ROWS = ("unit_price", "deposit", "deposit_value", "balance_discount", "balance",
                  "total", "effective_discount")
    DEPOSIT_ROWS = (1, 2, 3, 4)

    def __init__(self, sku: str, product: ProductView | None, currency: str, ctype: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sku = sku
        self.currency = currency
        self.ctype = ctype
        self.slots: dict[str, IssueLabel] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)

        title = sku if product is None else f"{sku} · {product.name}"
        if product is not None and product.variant:
            title += f" · {product.variant}"
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setWordWrap(True)
        lay.addWidget(self.title)

        row = QHBoxLayout()
        row.setSpacing(8)
        lay.addLayout(row)

        # ---- price
        price_box = QGroupBox(self.tr("Price"))
        pf = QFormLayout(price_box)
        pf.setVerticalSpacing(4)
        mode = QWidget()
        ml = QHBoxLayout(mode)
        ml.setContentsMargins(0, 0, 0, 0)
        self.mode_group = QButtonGroup(self)
        self.fixed_radio = QRadioButton(self.tr("Fixed price"))
        self.tiers_radio = QRadioButton(self.tr("Volume tiers"))
        self.mode_group.addButton(self.fixed_radio)
        self.mode_group.addButton(self.tiers_radio)
        self.fixed_radio.setChecked(True)
        ml.addWidget(self.fixed_radio)
        ml.addWidget(self.tiers_radio)
        ml.addStretch(1)
        pf.addRow(mode)

        self.price_edit = MoneyEdit(currency=currency)
        set_help(self.price_edit, self.tr("The presale unit price (P)."))
        self.price_label = QLabel(self.tr("Presale price:"))
        self.price_box = self._field("price", self.price_edit)
        pf.addRow(self.price_label, self.price_box)

        self.tiers = TiersEditor(currency=currency)
        self.tiers_box = self._field("tiers", self.tiers)
        pf.addRow(self.tiers_box)

        self.list_price_edit = MoneyEdit(currency=currency)
        self.list_price_edit.setPlaceholderText(self.tr("optional"))
        set_help(self.list_price_edit, self.tr(
            "The normal (crossed-out) price, used for the effective discount."))
        pf.addRow(self.tr("List price:"), self._field("list_price", self.list_price_edit))
        row.addWidget(price_box, 1)

        # ---- deposit terms
        self.deposit_box = QGroupBox(self.tr("Deposit"))
        df = QFormLayout(self.deposit_box)
        df.setVerticalSpacing(4)
        self.deposit_edit = MoneyEdit(currency=currency)
        set_help(self.deposit_edit, self.tr("What the buyer pays now (D)."))
        df.addRow(self.tr("Deposit paid:"), self._field("deposit", self.deposit_edit))
        self.value_edit = MoneyEdit(currency=currency)
        self.value_edit.setPlaceholderText(self.tr("= deposit"))
        set_help(self.value_edit, self.tr(
            "What the deposit counts for against the price (W), e.g. 10 counts as 100."))
        self.expansion_label = QLabel()
        self.expansion_label.setStyleSheet(f"color: {HINT_COLOR};")
        self.expansion_label.setWordWrap(True)
        value_row = QWidget()
        vl = QVBoxLayout(value_row)
        vl.setContentsMargins(0, 0, 0, 0)
        vl.setSpacing(1)
        vl.addWidget(self.value_edit)
        vl.addWidget(self.expansion_label)
        df.addRow(self.tr("Deposit counts as:"), self._field("deposit_value", value_row,
                                                            [self.value_edit]))
        self.discount_edit = MoneyEdit(currency=currency)
        set_help(self.discount_edit, self.tr(
            "Taken off the balance when it is paid in the balance window (R)."))
        df.addRow(self.tr("Balance discount:"), self._field("balance_discount",
                                                           self.discount_edit))
        self.cap_label = QLabel("—")
        set_help(self.cap_label, self.tr(
            "PRC Civil Code art. 586: a deposit above 20% of the price has no deposit "
            "effect; the excess is an ordinary prepayment and must be refunded."))
        df.addRow(self.tr("Legal deposit cap (20%):"), self.cap_label)
        self.excess_label = QLabel("—")
        df.addRow(self.tr("Refundable excess:"), self.excess_label)
        row.addWidget(self.deposit_box, 1)

        # ---- live quote
        quote_box = QGroupBox(self.tr("What the buyer pays (per unit)"))
        ql = QVBoxLayout(quote_box)
        # One column per price level (the fixed price, or each tier), one row per figure.
        self.quote_table = QTableWidget(len(self.QUOTE_ROWS), 0)
        self.quote_table.setVerticalHeaderLabels([
            self.tr("Unit price"), self.tr("Deposit"), self.tr("Deposit counts as"),
            self.tr("Balance discount"), self.tr("Balance"), self.tr("Buyer pays in total"),
            self.tr("Off the list price")])
        self.quote_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quote_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.quote_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.quote_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.quote_table.verticalHeader().setDefaultSectionSize(22)
        self.quote_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.quote_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ql.addWidget(self.quote_table)
        self.quote_note = QLabel()
        self.quote_note.setStyleSheet(f"color: {HINT_COLOR};")
        self.quote_note.setWordWrap(True)
        ql.addWidget(self.quote_note)
        lay.addWidget(quote_box)
        self.general = IssueLabel(self)
        self.slots[""] = self.general
        lay.addWidget(self.general)
        lay.addStretch(1)

        for edit in (self.price_edit, self.list_price_edit, self.deposit_edit, self.value_edit,
                     self.discount_edit):
            edit.textChanged.connect(self._changed)
        self.tiers.changed.connect(self._changed)
        self.mode_group.buttonToggled.connect(self._mode_toggled)
        self.set_type(ctype)
        self._mode_toggled(None, True)

    def _field(self, key: str, widget: QWidget,
               targets: list[QWidget] | None = None) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        label = IssueLabel(box, targets or [widget])
        self.slots[key] = label
        lay.addWidget(label)
        return box

    # ------------------------------------------------------------------ reactions
    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def _mode_toggled(self, _button: object, checked: bool) -> None:
        if not checked:
            return
        tiered = self.tiers_radio.isChecked()
        if tiered and self.tiers.table.rowCount() == 0:
            self.tiers.add_tier(1, self.price_edit.value_text())
        self.price_label.setVisible(not tiered)
        self.price_box.setVisible(not tiered)
        self.tiers_box.setVisible(tiered)
        self._changed()

    def set_type(self, ctype: str) -> None:
        self.ctype = ctype
        deposit = ctype == "deposit"
        self.deposit_box.setVisible(deposit)
        for row in self.DEPOSIT_ROWS:
            self.quote_table.setRowHidden(row, not deposit)
        self._fit_quote_height()
        self.refresh()

    def _fit_quote_height(self) -> None:
        t = self.quote_table
        rows = sum(0 if t.isRowHidden(r) else t.rowHeight(r) for r in range(t.rowCount()))
        t.setFixedHeight(rows + t.horizontalHeader().sizeHint().height() + 2 * t.frameWidth())
        # A column per price level, each about as wide as an amount needs.
        t.setMaximumWidth(t.verticalHeader().sizeHint().width() + 2 * t.frameWidth()
                          + 150 * max(1, t.columnCount()))

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        for edit in (self.price_edit, self.list_price_edit, self.deposit_edit, self.value_edit,
                     self.discount_edit):
            edit.set_currency(currency)
        self.tiers.set_currency(currency)
        self.refresh()

    # ------------------------------------------------------------------ values
    def is_tiered(self) -> bool:
        return self.tiers_radio.isChecked()

    def _money(self, text: str | None) -> Decimal | None:
        if text is None:
            return None
        try:
            return parse_money(text, self.currency)
        except ValueError:
            return None

    def price_item(self) -> PriceItem | None:
        """The entered terms as the engine's ``PriceItem``; None while incomplete."""
        cur = self.currency
        price = tiers = None
        if self.is_tiered():
            parsed = [(mu, self._money(p)) for mu, p in self.tiers.tiers()]
            if not parsed or any(p is None for _, p in parsed):
                return None
            tiers = tuple(Tier(mu, p) for mu, p in parsed if p is not None)
        else:
            price = self._money(self.price_edit.value_text())
            if price is None:
                return None
        list_price = self._money(self.list_price_edit.value_text())
        if self.ctype != "deposit":
            return PriceItem(price=price, tiers=tiers or (), list_price=list_price or None,
                             currency=cur)
        deposit = self._money(self.deposit_edit.value_text())
        if deposit is None:
            return None
        value = self._money(self.value_edit.value_text())
        discount = self._money(self.discount_edit.value_text()) or ZERO
        return PriceItem(price=price, tiers=tiers or (), deposit=deposit,
                         deposit_value=value if value is not None else deposit,
                         balance_discount=discount, list_price=list_price or None,
                         currency=cur)

    def lowest_price(self) -> Decimal | None:
        if self.is_tiered():
            prices = [p for _, t in self.tiers.tiers() if (p := self._money(t)) is not None]
            return min(prices) if prices else None
        return self._money(self.price_edit.value_text())

    # ------------------------------------------------------------------ live figures
    def refresh(self) -> None:
        self._refresh_deposit_figures()
        self._refresh_quote()

    def _refresh_deposit_figures(self) -> None:
        cur = self.currency
        d = self._money(self.deposit_edit.value_text())
        w = self._money(self.value_edit.value_text())
        if d is not None and w is not None and d > ZERO and w > d:
            self.expansion_label.setText(
                self.tr("%1 counts as %2 (×%3)").replace("%1", money_str(d, cur))
                .replace("%2", money_str(w, cur)).replace("%3", _strip_zeros(w / d)))
        elif d is not None and d > ZERO:
            self.expansion_label.setText(self.tr("counts at face value"))
        else:
            self.expansion_label.setText("")
        lowest = self.lowest_price()
        if lowest is None:
            self.cap_label.setText("—")
            self.excess_label.setText("—")
            self.excess_label.setStyleSheet("")
            return
        cap = legal_deposit_cap(lowest, cur)
        self.cap_label.setText(self.tr("%1 (20% of %2)").replace("%1", money_str(cap, cur))
                               .replace("%2", money_str(lowest, cur)))
        excess = max((d or ZERO) - cap, ZERO)
        if excess > ZERO:
            self.excess_label.setText(
                self.tr("%1 per unit must be refunded as a prepayment")
                .replace("%1", money_str(excess, cur)))
            self.excess_label.setStyleSheet(f"color: {WARNING_COLOR};")
        else:
            self.excess_label.setText(self.tr("none"))
            self.excess_label.setStyleSheet("")

    def _refresh_quote(self) -> None:
        table = self.quote_table
        item = self.price_item()
        cur = self.currency
        if item is None:
            table.setColumnCount(0)
            self.quote_note.setText(self.tr("Enter the price terms to see what buyers pay."))
            return
        levels = sorted({t.min_units for t in item.tiers}) if item.tiers else [0]
        try:
            quotes = [quote(item, units_sold=sold) for sold in levels]
        except ValueError:
            table.setColumnCount(0)
            return
        table.setColumnCount(len(levels))
        table.setHorizontalHeaderLabels([
            self.tr("Any quantity") if not item.tiers
            else self.tr("From %1 sold").replace("%1", str(sold)) for sold in levels])
        for c, qt in enumerate(quotes):
            cells = [money_str(qt.unit_price, cur), money_str(qt.deposit, cur),
                     money_str(qt.deposit_value, cur), money_str(qt.balance_discount, cur),
                     money_str(qt.balance, cur), money_str(qt.total, cur),
                     f"{qt.effective_discount * 100:.2f}%"]
            for r, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                if r == 5:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(r, c, cell)
        self._fit_quote_height()
        note = ""
        if any(qt.balance_clamped for qt in quotes):
            note = self.tr("The balance is raised to the platform minimum where it would "
                           "drop below it.")
        self.quote_note.setText(note)

    # ------------------------------------------------------------------ issues
    def route(self, subpath: str) -> IssueLabel:
        for prefix in path_prefixes(subpath):
            if prefix in self.slots:
                return self.slots[prefix]
        return self.general

    def worst(self) -> str:
        kinds = {lb.kind() for lb in self.slots.values()}
        return next((k for k in ("error", "warning", "hint") if k in kinds), "")

    # ------------------------------------------------------------------ definition
    def contribute(self, item: dict[str, Any]) -> None:
        if self.is_tiered():
            tiers = self.tiers.tiers()
            item["tiers"] = [{"min_units": mu, "price": p} for mu, p in tiers]
            # The sample files also carry the first tier's price as "price": keep that form.
            first = min(tiers, key=lambda t: t[0]) if tiers else None
            if first is not None and first[1] is not None:
                item["price"] = first[1]
        else:
            price = self.price_edit.value_text()
            if price is not None:
                item["price"] = price
        list_price = self.list_price_edit.value_text()
        if list_price is not None:
            item["list_price"] = list_price
        if self.ctype == "deposit":
            for key, edit in (("deposit", self.deposit_edit), ("deposit_value", self.value_edit),
                              ("balance_discount", self.discount_edit)):
                text = edit.value_text()
                if text is not None:
                    item[key] = text

    def load(self, item: dict[str, Any]) -> None:
        tiers = item.get("tiers") or []
        if tiers:
            self.tiers.set_tiers([(int(t.get("min_units") or 1), _text(t.get("price")))
                                  for t in tiers if isinstance(t, dict)])
            self.tiers_radio.setChecked(True)
        else:
            self.fixed_radio.setChecked(True)
        self.price_edit.set_amount_text(_text(item.get("price")))
        self.list_price_edit.set_amount_text(_text(item.get("list_price")))
        self.deposit_edit.set_amount_text(_text(item.get("deposit")))
        value = _text(item.get("deposit_value"))
        self.value_edit.set_amount_text(value)
        discount = _text(item.get("balance_discount"))
        self.discount_edit.set_amount_text(None if discount in (None, "0", "0.00") else discount)
        self.refresh()

    def copy_terms_from(self, other: ItemPricingEditor) -> None:
        """Use another SKU's price terms (not its list price, which is per product)."""
        self.tiers.set_tiers(other.tiers.tiers())
        (self.tiers_radio if other.is_tiered() else self.fixed_radio).setChecked(True)
        self.price_edit.set_amount_text(other.price_edit.value_text())
        self.deposit_edit.set_amount_text(other.deposit_edit.value_text())
        self.value_edit.set_amount_text(other.value_edit.value_text())
        self.discount_edit.set_amount_text(other.discount_edit.value_text())
        self.refresh()


def _text(v: object) -> str | None:
    if v is None or v == "":
        return None
    return str(v)
