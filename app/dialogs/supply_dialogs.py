"""The inventory page's dialogs: a supply batch added or edited, received, delayed (with
the orders it makes late and their penalty before saving), allocation (with what it
changes before applying), a stock adjustment with its reason, and a SKU's ledger.

Every read and write goes through ``ops`` (the worker); previews are the engine's own
dry runs (``delay_supply(dry_run=True)``, ``allocation_plan()``), so what the seller
sees is what saving does.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import desk_labels, display, labels, ops

if TYPE_CHECKING:
    from datetime import tzinfo

    from presale_engine.service import (
        AllocationPlan,
        DelayResult,
        LedgerEntry,
        Service,
        SupplyView,
    )

PREVIEW_DELAY_MS = 300
ADJUST_REASONS = ("count", "damaged", "lost", "found", "sample", "adjust")
SHOWN_ROWS = 500


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _table(headers: int) -> QTableWidget:
    t = QTableWidget(0, headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setWordWrap(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(t: QTableWidget, rows: list[list[str]], more: int = 0) -> None:
    t.setRowCount(len(rows) + (1 if more else 0))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            t.setItem(r, c, item)
    if more:
        t.setItem(len(rows), 0, QTableWidgetItem("…"))
        t.setItem(len(rows), 1, QTableWidgetItem(
            QCoreApplication.translate("SupplyDialogs", "and %1 more").replace(
                "%1", display.count(more))))


class _OpDialog(QDialog):
    """A dialog that saves through one op and says so (``saved`` carries the result)."""

    saved = Signal(object)

    def __init__(self, svc: Service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lay = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.result_value: Any = None

    @property
    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        raise NotImplementedError

    def _run(self, fn: Any) -> None:
        self.save_button.setEnabled(False)

        def done(value: Any) -> None:
            self.result_value = value
            self.saved.emit(value)
            self.accept()

        def failed(error: BaseException) -> None:
            from app.errors import show_error

            self.save_button.setEnabled(True)
            show_error(self, error)

        ops.run(lambda _t: fn(), parent=self, on_success=done, on_failure=failed)


class BatchDialog(_OpDialog):
    """Add a supply batch, or edit one's quantity, supplier and note (the date moves
    with the delay dialog, which shows what a later date costs)."""

    def __init__(self, svc: Service, *, skus: list[str], batch: SupplyView | None = None,
                 sku: str | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(svc, parent)
        self.batch = batch
        form = QFormLayout()
        self.sku = QComboBox()
        self.sku.addItems(skus)
        if batch is not None or sku:
            self.sku.setCurrentText(batch.sku if batch is not None else sku or "")
        self.sku.setEnabled(batch is None)
        self.qty = QSpinBox()
        self.qty.setRange(1, 10_000_000)
        self.qty.setGroupSeparatorShown(True)
        self.expected = QDateEdit()
        self.expected.setCalendarPopup(True)
        self.expected.setDisplayFormat("yyyy-MM-dd")
        self.supplier = QLineEdit()
        self.note = QLineEdit()
        if batch is not None:
            self.qty.setMinimum(max(batch.received, 1))
            self.qty.setValue(batch.qty)
            self.expected.setDate(qdate(batch.expected))
            self.expected.setEnabled(False)
            self.supplier.setText(batch.supplier)
            self.note.setText(batch.note)
        elif today is not None:
            self.expected.setDate(qdate(today))
            self.qty.setValue(100)
        form.addRow(self.tr("SKU:"), self.sku)
        form.addRow(self.tr("Quantity:"), self.qty)
        form.addRow(self.tr("Expected on:"), self.expected)
        form.addRow(self.tr("Supplier:"), self.supplier)
        form.addRow(self.tr("Note:"), self.note)
        self.lay.addLayout(form)
        self.lay.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Supply batch #%1").replace("%1", str(batch.id))
                            if batch is not None else self.tr("New supply batch"))

    def save(self) -> None:
        svc, b = self.svc, self.batch
        qty, supplier, note = self.qty.value(), self.supplier.text(), self.note.text()
        if b is None:
            sku, when = self.sku.currentText(), self.expected.date().toPython()
            self._run(lambda: svc.stock.add_supply(sku, qty, when, supplier=supplier,
                                                   note=note))
        else:
            self._run(lambda: svc.stock.update_supply(b.id, qty=qty, supplier=supplier,
                                                      note=note))


class ReceiveDialog(_OpDialog):
    """Book arrived units of a batch into stock on hand (a ledger entry)."""

    def __init__(self, svc: Service, batch: SupplyView, parent: QWidget | None = None
                 ) -> None:
        super().__init__(svc, parent)
        self.batch = batch
        left = batch.qty - batch.received
        self.info = QLabel(self.tr("Batch #%1: %2 × %3, %4 received so far").replace(
            "%1", str(batch.id)).replace("%2", display.count(batch.qty)).replace(
            "%3", batch.sku).replace("%4", display.count(batch.received)))
        self.qty = QSpinBox()
        self.qty.setRange(1, max(left, 1))
        self.qty.setValue(left)
        self.qty.setGroupSeparatorShown(True)
        form = QFormLayout()
        form.addRow(self.tr("Units arrived:"), self.qty)
        self.lay.addWidget(self.info)
        self.lay.addLayout(form)
        self.lay.addWidget(self.buttons)
        self.save_button.setText(self.tr("Receive"))
        self.setWindowTitle(self.tr("Receive supply"))

    def save(self) -> None:
        svc, bid, qty = self.svc, self.batch.id, self.qty.value()
        self._run(lambda: svc.stock.receive_supply(bid, qty))


class DelayDialog(_OpDialog):
    """Move a batch to a new date: first the orders that become late and their penalty
    (the engine's dry run), then save."""

    def __init__(self, svc: Service, batch: SupplyView, *, tz: tzinfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(svc, parent)
        self.batch = batch
        self.tz = tz
        self.preview: DelayResult | None = None
        self._gen = 0
        self.setMinimumWidth(560)
        self.info = QLabel(self.tr("Batch #%1: %2 × %3, expected %4").replace(
            "%1", str(batch.id)).replace("%2", display.count(batch.qty - batch.received))
            .replace("%3", batch.sku).replace("%4", display.day(batch.expected)))
        self.new_date = QDateEdit()
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("yyyy-MM-dd")
        self.new_date.setDate(qdate(batch.expected).addDays(7))
        form = QFormLayout()
        form.addRow(self.tr("New date:"), self.new_date)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.late = _table(4)
        self.late.setHorizontalHeaderLabels([self.tr("Order no."), self.tr("Platform"),
                                             self.tr("Ship by"), self.tr("Penalty")])
        self.lay.addWidget(self.info)
        self.lay.addLayout(form)
        self.lay.addWidget(self.summary)
        self.lay.addWidget(self.late, 1)
        self.lay.addWidget(self.buttons)
        self.save_button.setText(self.tr("Delay the batch"))
        self.setWindowTitle(self.tr("Delay supply"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.new_date.dateChanged.connect(lambda _d: (self.save_button.setEnabled(False),
                                                      self._timer.start()))
        self.refresh_preview()

    def refresh_preview(self) -> None:
        self._timer.stop()
        self._gen += 1
        gen = self._gen
        svc, bid, to = self.svc, self.batch.id, self.new_date.date().toPython()
        self.summary.setText(self.tr("Working out which orders become late…"))
        ops.run(lambda _t: svc.stock.delay_supply(bid, to, dry_run=True), parent=self,
                on_success=lambda r: self.show_preview(r) if gen == self._gen else None)

    def show_preview(self, res: DelayResult) -> None:
        self.preview = res
        if not res.late:
            self.summary.setText(self.tr("No order becomes late: every order this batch "
                                         "covers can still ship by its deadline."))
        else:
            money = "; ".join(display.money(t.penalty, t.currency) for t in res.totals)
            self.summary.setText(self.tr(
                "<b>%1 orders become late</b> (covered only after their ship deadline, or "
                "not at all). Penalty or money at risk: <b>%2</b>.").replace(
                "%1", display.count(res.late_orders)).replace("%2", money))
        rows = [[x.order_no, labels.platform(x.platform),
                 display.when_short(x.deadline, self.tz, None),
                 display.money(x.penalty, x.currency)] for x in res.late[:SHOWN_ROWS]]
        _fill(self.late, rows, max(len(res.late) - SHOWN_ROWS, 0))
        self.save_button.setEnabled(True)

    def save(self) -> None:
        svc, bid, to = self.svc, self.batch.id, self.new_date.date().toPython()
        self._run(lambda: svc.stock.delay_supply(bid, to))


class AllocateDialog(_OpDialog):
    """Allocation, earliest ship deadline first: what it would change, then apply."""

    def __init__(self, svc: Service, parent: QWidget | None = None) -> None:
        super().__init__(svc, parent)
        self.plan: AllocationPlan | None = None
        self.setMinimumWidth(560)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.changes = _table(4)
        self.changes.setHorizontalHeaderLabels([self.tr("Order no."), self.tr("SKU"),
                                                self.tr("Units"), self.tr("Change")])
        self.lay.addWidget(self.summary)
        self.lay.addWidget(self.changes, 1)
        self.lay.addWidget(self.buttons)
        self.save_button.setText(self.tr("Apply allocation"))
        self.save_button.setEnabled(False)
        self.setWindowTitle(self.tr("Allocate stock"))
        self.summary.setText(self.tr("Working out the allocation…"))
        ops.run(lambda _t: svc.stock.allocation_plan(), parent=self,
                on_success=self.show_plan)

    def show_plan(self, plan: AllocationPlan) -> None:
        self.plan = plan
        short = sum(1 for s in plan.short if not s.late)
        late = sum(1 for s in plan.short if s.late)
        self.summary.setText(self.tr(
            "Earliest ship deadline first: %1 units from stock on hand, %2 from supply "
            "batches.<br><b>%3 orders start holding stock, %4 let go of it.</b><br>"
            "%5 orders get nothing in time; %6 only after their deadline.").replace(
            "%1", display.count(plan.from_stock)).replace(
            "%2", display.count(plan.from_supply)).replace(
            "%3", display.count(len(plan.reserve))).replace(
            "%4", display.count(len(plan.release))).replace(
            "%5", display.count(short)).replace("%6", display.count(late)))
        rows = [[c.order_no, c.sku, display.count(c.qty),
                 self.tr("holds stock") if c.reserve else self.tr("lets go")]
                for c in plan.changes[:SHOWN_ROWS]]
        _fill(self.changes, rows, max(len(plan.changes) - SHOWN_ROWS, 0))
        self.save_button.setEnabled(bool(plan.changes))

    def save(self) -> None:
        svc = self.svc
        self._run(lambda: svc.stock.allocation_plan(apply=True))


class AdjustDialog(_OpDialog):
    """Change stock on hand with a reason (a ledger entry)."""

    def __init__(self, svc: Service, *, skus: list[str], sku: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(svc, parent)
        form = QFormLayout()
        self.sku = QComboBox()
        self.sku.addItems(skus)
        if sku:
            self.sku.setCurrentText(sku)
        self.delta = QSpinBox()
        self.delta.setRange(-10_000_000, 10_000_000)
        self.delta.setGroupSeparatorShown(True)
        self.reason = QComboBox()
        for code in ADJUST_REASONS:
            self.reason.addItem(desk_labels.move_reason(code), code)
        self.ref = QLineEdit()
        form.addRow(self.tr("SKU:"), self.sku)
        form.addRow(self.tr("Change (+ in, − out):"), self.delta)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Reference:"), self.ref)
        self.lay.addLayout(form)
        self.lay.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Adjust stock"))

    def save(self) -> None:
        if self.delta.value() == 0:
            return
        svc = self.svc
        sku, delta = self.sku.currentText(), self.delta.value()
        reason, ref = str(self.reason.currentData()), self.ref.text()
        self._run(lambda: svc.stock.adjust(sku, delta, reason=reason, ref=ref))


class LedgerDialog(QDialog):
    """Every stock move of one SKU with the balance after it (newest first)."""

    def __init__(self, svc: Service, sku: str, *, tz: tzinfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stock ledger: %1").replace("%1", sku))
        self.setMinimumSize(560, 400)
        lay = QVBoxLayout(self)
        self.table = _table(6)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Change"),
                                              self.tr("On hand"), self.tr("Reason"),
                                              self.tr("Reference"), self.tr("By")])
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.tz = tz
        self.entries: list[LedgerEntry] = []
        ops.run(lambda _t: svc.stock.ledger(sku), parent=self, on_success=self.show_entries)

    def show_entries(self, entries: list[LedgerEntry]) -> None:
        self.entries = entries
        rows = [[display.when(e.at, self.tz), f"{e.delta:+,}", display.count(e.balance),
                 desk_labels.move_reason(e.reason), e.ref, e.actor]
                for e in reversed(entries[-SHOWN_ROWS * 4:])]
        _fill(self.table, rows)
