"""The confirmation of a bulk action: what happens, the money, and the orders refused.

Before anything is written the dialog runs the same action as a dry run
(``svc.orders.bulk(..., dry_run=True)``, on the ops worker) and shows how many orders
it applies to, the refunds and forfeited deposits per currency, and every order the
state machine refuses with the reason (from the engine's catalogue, in the UI
language). Changing the inputs (carrier, tracking numbers, note) runs the preview
again. Confirm runs the action for real, in one transaction.

Tracking numbers for "mark shipped": the carrier alone; typed or scanned (one line per
order: order number and tracking number, or just the tracking number when one order is
selected); or read from a sheet with order number and tracking number columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import desk_labels, display, ops
from app.i18n import current_language

if TYPE_CHECKING:
    from presale_engine.service import BulkResult, OrderFilter, Service

CARRIERS = ("顺丰速运", "中通快递", "圆通速递", "韵达快递", "申通快递", "京东物流", "邮政EMS",
            "极兔速递", "USPS", "UPS", "FedEx", "DHL")
PREVIEW_DELAY_MS = 400
SHOWN_REFUSALS = 500  # the rest are counted


def lang() -> str:
    return "zh" if current_language().startswith("zh") else "en"


def parse_scans(text: str, single_order_no: str | None) -> dict[str, str]:
    """Lines of "order-no tracking-no" (tab, space or comma between); a lone number is
    the tracking number of the one selected order."""
    out: dict[str, str] = {}
    for raw in text.splitlines():
        parts = [p for p in raw.replace(",", " ").replace("\t", " ").split() if p]
        if len(parts) >= 2:
            out[parts[0]] = parts[1]
        elif len(parts) == 1 and single_order_no:
            out[single_order_no] = parts[0]
    return out


class BulkDialog(QDialog):
    applied = Signal(object)  # BulkResult

    def __init__(self, svc: Service, event: str, *, ids: list[int] | None = None,
                 flt: OrderFilter | None = None, count: int = 0,
                 single_order_no: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.action = event
        self.ids = ids
        self.flt = flt
        self.count = count
        self.single_order_no = single_order_no
        self.preview: BulkResult | None = None
        self.outcome: BulkResult | None = None
        self.tracking: dict[str, str] | None = None
        self.sheet_path = ""
        self._preview_gen = 0
        self.setObjectName("BulkDialog")
        self.setMinimumWidth(560)

        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.scope = QLabel()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.scope)
        lay.addWidget(self.explain)

        form = QFormLayout()
        self.carrier = QComboBox()
        self.carrier.setEditable(True)
        self.carrier.addItems(CARRIERS)
        self.carrier.setCurrentText("")
        self.mode_group = QButtonGroup(self)
        self.mode_carrier = QRadioButton()
        self.mode_scan = QRadioButton()
        self.mode_sheet = QRadioButton()
        for i, b in enumerate((self.mode_carrier, self.mode_scan, self.mode_sheet)):
            self.mode_group.addButton(b, i)
        self.mode_carrier.setChecked(True)
        modes = QVBoxLayout()
        modes.setSpacing(2)
        for b in (self.mode_carrier, self.mode_scan, self.mode_sheet):
            modes.addWidget(b)
        self.scans = QPlainTextEdit()
        self.scans.setFixedHeight(80)
        sheet_row = QHBoxLayout()
        self.sheet_button = QPushButton()
        self.sheet_label = QLabel()
        sheet_row.addWidget(self.sheet_button)
        sheet_row.addWidget(self.sheet_label, 1)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.tag = QLineEdit()
        self.seller_fault = QCheckBox()
        self.carrier_label = QLabel()
        self.tracking_label = QLabel()
        self.note_label = QLabel()
        self.tag_label = QLabel()
        form.addRow(self.carrier_label, self.carrier)
        form.addRow(self.tracking_label, modes)
        form.addRow("", self.scans)
        form.addRow("", sheet_row)
        form.addRow(self.note_label, self.note)
        form.addRow(self.tag_label, self.tag)
        form.addRow("", self.seller_fault)
        lay.addLayout(form)

        self.summary = QLabel()
        self.summary.setObjectName("BulkSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.summary)
        self.refused_label = QLabel()
        lay.addWidget(self.refused_label)
        self.refused = QTableWidget(0, 2)
        self.refused.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refused.verticalHeader().setVisible(False)
        self.refused.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.refused.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.refused.setMinimumHeight(120)
        lay.addWidget(self.refused, 1)

        self.buttons = QDialogButtonBox()
        self.confirm = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.confirm.clicked.connect(self.run)
        self.cancel.clicked.connect(self.reject)
        lay.addWidget(self.buttons)

        ship = event == "ship"
        for w in (self.carrier_label, self.carrier, self.tracking_label, self.mode_carrier,
                  self.mode_scan, self.mode_sheet):
            w.setVisible(ship)
        self.note_label.setVisible(event == "note")
        self.note.setVisible(event == "note")
        self.tag_label.setVisible(event == "tag")
        self.tag.setVisible(event == "tag")
        self.seller_fault.setVisible(event == "refund")
        self._sync_modes()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.carrier.currentTextChanged.connect(lambda _t: self._changed())
        self.mode_group.idClicked.connect(lambda _i: (self._sync_modes(), self._changed()))
        self.scans.textChanged.connect(self._changed)
        self.note.textChanged.connect(self._changed)
        self.tag.textChanged.connect(self._changed)
        self.seller_fault.toggled.connect(lambda _on: self._changed())
        self.sheet_button.clicked.connect(self.choose_sheet)
        self.retranslate_ui()
        self.refresh_preview()

    # ------------------------------------------------------------------ inputs
    def _sync_modes(self) -> None:
        ship = self.action == "ship"
        self.scans.setVisible(ship and self.mode_scan.isChecked())
        self.sheet_button.setVisible(ship and self.mode_sheet.isChecked())
        self.sheet_label.setVisible(ship and self.mode_sheet.isChecked())

    def _changed(self) -> None:
        self.confirm.setEnabled(False)
        self._timer.start()

    def choose_sheet(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Tracking numbers"), "",
                                              self.tr("Sheets (*.xlsx *.csv)"))
        if path:
            self.load_sheet(path)

    def load_sheet(self, path: str) -> None:
        """Read a sheet of order and tracking numbers (on the worker), then preview."""
        from presale_engine.service import read_tracking

        def done(sheet: Any) -> None:
            self.sheet_path = path
            self.tracking = dict(sheet.tracking)
            if not self.carrier.currentText().strip() and sheet.carriers:
                self.carrier.setCurrentText(next(iter(sheet.carriers.values())))
            self.sheet_label.setText(self.tr("%1: %2 tracking numbers").replace(
                "%1", path.rsplit("/", 1)[-1]).replace("%2", display.count(
                    len(sheet.tracking))))
            self.mode_sheet.setChecked(True)
            self._sync_modes()
            self.refresh_preview()

        ops.run(lambda _t: read_tracking(path), parent=self, on_success=done)

    def options(self) -> dict[str, Any]:
        """The keyword arguments of ``svc.orders.bulk`` the inputs say."""
        kw: dict[str, Any] = {"ids": self.ids, "filter": self.flt}
        if self.action == "ship":
            kw["carrier"] = self.carrier.currentText().strip()
            if self.mode_scan.isChecked():
                kw["tracking"] = parse_scans(self.scans.toPlainText(), self.single_order_no)
            elif self.mode_sheet.isChecked():
                kw["tracking"] = self.tracking or {}
        if self.action == "note":
            kw["note"] = self.note.toPlainText()
        if self.action == "tag":
            kw["tag"] = self.tag.text()
        if self.action == "refund":
            kw["seller_fault"] = self.seller_fault.isChecked()
        return kw

    def missing_input(self) -> str | None:
        if self.action == "ship" and not self.carrier.currentText().strip():
            return self.tr("Type or pick the carrier.")
        if self.action == "note" and not self.note.toPlainText().strip():
            return self.tr("Write the note.")
        if self.action == "tag" and not self.tag.text().strip():
            return self.tr("Type the tag.")
        return None

    # ------------------------------------------------------------------ preview
    def refresh_preview(self) -> None:
        self._timer.stop()
        missing = self.missing_input()
        kw = self.options()
        if missing is not None and self.action in ("note", "tag"):
            self.confirm.setEnabled(False)
            self.summary.setText(missing)
            return
        if self.action == "ship" and not kw.get("carrier"):
            kw["carrier"] = "-"  # the preview does not depend on it
        self._preview_gen += 1
        gen = self._preview_gen
        self.summary.setText(self.tr("Working out what happens…"))
        svc, event = self.svc, self.action

        def done(res: BulkResult) -> None:
            if gen == self._preview_gen:
                self.show_preview(res)

        ops.run(lambda _t: svc.orders.bulk(event, dry_run=True, **kw), parent=self,
                on_success=done)

    def show_preview(self, res: BulkResult) -> None:
        self.preview = res
        missing = self.missing_input()
        lines = [self.tr("<b>%Ln order(s)</b> will be changed.", "", res.applied)]
        for t in res.totals:
            money = []
            if t.refund_total:
                money.append(self.tr("Refunds to buyers: %1").replace(
                    "%1", display.money(t.refund_total, t.currency)))
            if t.forfeited_total:
                money.append(self.tr("Deposits you keep: %1").replace(
                    "%1", display.money(t.forfeited_total, t.currency)))
            if money:
                prefix = f"{t.currency}: " if len(res.totals) > 1 else ""
                lines.append(prefix + "; ".join(money))
        if self.action in ("seller_cancel", "refund", "buyer_cancel", "balance_lapse") and \
                not any(t.refund_total or t.forfeited_total for t in res.totals):
            lines.append(self.tr("No money changes hands."))
        if res.unmatched_tracking:
            lines.append(self.tr("%1 order numbers in the tracking list match no selected "
                                 "order.").replace("%1", display.count(
                                     len(res.unmatched_tracking))))
        if missing:
            lines.append(f"<span style='color:#b3261e'>{missing}</span>")
        self.summary.setText("<br>".join(lines))
        refused = res.refused
        self.refused_label.setText(self.tr("%Ln order(s) are skipped, with the reason:", "",
                    len(refused)) if refused else self.tr("No order is skipped."))
        self.refused.setVisible(bool(refused))
        shown = refused[:SHOWN_REFUSALS]
        self.refused.setRowCount(len(shown) + (1 if len(refused) > len(shown) else 0))
        ln = lang()
        for i, r in enumerate(shown):
            self.refused.setItem(i, 0, QTableWidgetItem(r.order_no or f"#{r.id}"))
            self.refused.setItem(i, 1, QTableWidgetItem(r.text(ln)))
        if len(refused) > len(shown):
            self.refused.setItem(len(shown), 0, QTableWidgetItem("…"))
            self.refused.setItem(len(shown), 1, QTableWidgetItem(self.tr(
                "and %1 more").replace("%1", display.count(len(refused) - len(shown)))))
        self.confirm.setEnabled(res.applied > 0 and missing is None)

    # ------------------------------------------------------------------ run
    def run(self) -> None:
        if self.missing_input() is not None:
            return
        kw = self.options()
        svc, event = self.svc, self.action
        self.confirm.setEnabled(False)

        def done(res: BulkResult) -> None:
            self.outcome = res
            self.applied.emit(res)
            self.accept()

        def failed(error: BaseException) -> None:
            from app.errors import show_error

            self.confirm.setEnabled(True)
            show_error(self, error)

        ops.run(lambda _t: svc.orders.bulk(event, **kw), parent=self, on_success=done,
                on_failure=failed, label=desk_labels.bulk_action(event) + "…")

    def retranslate_ui(self) -> None:
        name = desk_labels.bulk_action(self.action)
        self.setWindowTitle(name)
        self.title.setText(name)
        if self.ids is not None:
            self.scope.setText(self.tr("%Ln selected order(s)", "", len(self.ids)))
        else:
            self.scope.setText(self.tr("All %Ln order(s) matching the filter", "", self.count))
        self.explain.setText(desk_labels.bulk_explained(self.action))
        self.carrier_label.setText(self.tr("Carrier:"))
        self.tracking_label.setText(self.tr("Tracking numbers:"))
        self.mode_carrier.setText(self.tr("None now (carrier only)"))
        self.mode_scan.setText(self.tr("Type or scan (order number, tracking number per line)"))
        self.mode_sheet.setText(self.tr("From a sheet (.xlsx / .csv)"))
        self.scans.setPlaceholderText(self.tr("6917926768823643751  SF1234567890"))
        self.sheet_button.setText(self.tr("Choose sheet…"))
        self.note_label.setText(self.tr("Note:"))
        self.tag_label.setText(self.tr("Tag:"))
        self.seller_fault.setText(self.tr("The refund is my fault (the deposit is refunded "
                                          "too)"))
        self.refused.setHorizontalHeaderLabels([self.tr("Order no."), self.tr("Reason")])
        self.confirm.setText(self.tr("Confirm: %1").replace("%1", name))
