"""The packing bench: scan slips and tracking labels, see what to pack next, ship the wave.

A barcode scanner types what it reads and presses Enter. Scanning a slip's order-number
barcode marks that order packed and makes it the parcel on the bench; scanning a tracking
label then fills that parcel's tracking number. The next parcel to pack is shown large.
When every parcel is packed, "Ship" marks the wave shipped (the order bulk action's state
machine, in the wave's one transaction) and writes the platform's bulk-shipping sheet.
Every scan is one engine call on the worker (``svc.waves.scan``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import i18n, labels, ops

OK_COLOR = "#1b7f3a"
BAD_COLOR = "#b3261e"


class PackingBench(QDialog):
    def __init__(self, svc: Any, wave_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.wave_id = wave_id
        self.current: str | None = None  # order number of the parcel on the bench
        self.wave: Any = None
        self.parcels: list[Any] = []
        self.setWindowTitle(self.tr("Packing bench — wave #%1").replace("%1", str(wave_id)))
        self.resize(900, 640)

        self.next_title = QLabel()
        self.next_label = QLabel()
        big = QFont(self.next_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.next_label.setFont(big)
        self.next_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_items = QLabel()
        self.next_items.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m packed"))
        self.scan_edit = QLineEdit()
        self.scan_edit.setPlaceholderText(
            self.tr("Scan a slip or a tracking label (or type it and press Enter)"))
        sf = QFont(self.scan_edit.font())
        sf.setPointSizeF(sf.pointSizeF() * 1.4)
        self.scan_edit.setFont(sf)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            "#", self.tr("Order no."), self.tr("Recipient"), self.tr("Items"),
            self.tr("Packed"), self.tr("Tracking no.")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.carrier_edit = QLineEdit()
        self.carrier_edit.setPlaceholderText(self.tr("Carrier"))
        self.ship_button = QPushButton(self.tr("Ship wave and write the ship sheet…"))
        self.close_button = QPushButton(self.tr("Close"))

        lay = QVBoxLayout(self)
        lay.addWidget(self.next_title)
        lay.addWidget(self.next_label)
        lay.addWidget(self.next_items)
        lay.addWidget(self.progress)
        lay.addWidget(self.scan_edit)
        lay.addWidget(self.message)
        lay.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Carrier:")))
        bottom.addWidget(self.carrier_edit, 1)
        bottom.addWidget(self.ship_button)
        bottom.addWidget(self.close_button)
        lay.addLayout(bottom)

        self.scan_edit.returnPressed.connect(self.scan)
        self.ship_button.clicked.connect(self.ship)
        self.close_button.clicked.connect(self.reject)
        self.refresh()
        self.scan_edit.setFocus()

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        svc, wid = self.svc, self.wave_id
        ops.run(lambda _t: (svc.waves.get(wid), svc.waves.parcels(wid)), parent=self,
                on_success=lambda r: self.show_wave(*r))

    def show_wave(self, wave: Any, parcels: list[Any]) -> None:
        self.wave = wave
        self.parcels = parcels
        if not self.carrier_edit.text():
            self.carrier_edit.setText(wave.carrier)
        self.table.setRowCount(len(parcels))
        for row, p in enumerate(parcels):
            items = ", ".join(f"{x.sku} × {x.qty}" for x in p.lines)
            cells = [str(p.seq), p.order_no, p.recipient, items,
                     self.tr("yes") if p.packed else "", p.tracking_no]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if p.order_no == self.current:
                    item.setBackground(QColor("#fff3c4"))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.progress.setRange(0, max(len(parcels), 1))
        self.progress.setValue(sum(p.packed for p in parcels))
        nxt = next((p for p in parcels if not p.packed), None)
        self.show_next(nxt)
        open_wave = wave.status == "open"
        self.scan_edit.setEnabled(open_wave)
        self.ship_button.setEnabled(open_wave and wave.done)
        if not open_wave:
            status = {"shipped": self.tr("shipped"), "cancelled": self.tr("cancelled")}.get(
                wave.status, wave.status)
            self.next_title.setText(self.tr("This wave is %1.").replace("%1", status))

    def show_next(self, parcel: Any | None) -> None:
        if parcel is None:
            self.next_title.setText(self.tr("Every parcel is packed."))
            self.next_label.setText(self.tr("Ship the wave"))
            self.next_items.setText("")
            return
        self.next_title.setText(self.tr("Pack next (%1 of %2):").replace(
            "%1", str(parcel.seq)).replace("%2", str(len(self.parcels))))
        self.next_label.setText(parcel.order_no)
        lines = "\n".join(f"{x.sku}  {x.name} {x.variant}  × {x.qty}".strip()
                          for x in parcel.lines)
        who = " · ".join(x for x in (labels.platform(parcel.platform), parcel.recipient) if x)
        self.next_items.setText(f"{who}\n{lines}")

    # ------------------------------------------------------------------ scanning
    def scan(self) -> None:
        code = self.scan_edit.text().strip()
        self.scan_edit.clear()
        if not code:
            return
        svc, wid, current = self.svc, self.wave_id, self.current
        ops.run(lambda _t: svc.waves.scan(wid, code, current=current), parent=self,
                on_success=self.scanned)

    def scanned(self, r: Any) -> None:
        if r.parcel is not None and r.kind in ("packed", "already_packed", "tracking"):
            self.current = r.parcel.order_no
        lang = i18n.message_language()
        color = OK_COLOR if r.ok else BAD_COLOR
        self.message.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.message.setText(r.text(lang))
        self.refresh()
        self.scan_edit.setFocus()

    # ------------------------------------------------------------------ shipping
    def ship(self) -> None:
        wave = self.wave
        if wave is None:
            return
        platform = wave.platforms[0] if len(wave.platforms) == 1 else "ship"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the ship sheet"), f"{platform}-wave-{wave.id}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".xlsx"
        svc, wid, carrier = self.svc, self.wave_id, self.carrier_edit.text().strip()

        def work(_task: ops.Task) -> Any:
            res = svc.waves.ship(wid, carrier=carrier)
            return res, svc.waves.ship_sheets(wid, path)

        ops.run(work, parent=self, label=self.tr("Shipping the wave…"),
                on_success=lambda r: self.shipped(*r))

    def shipped(self, res: Any, sheets: list[Any]) -> None:
        text = self.tr("%Ln order(s) marked shipped.", "", res.shipped)
        if res.refused:
            text += " " + self.tr("%1 refused (cancelled or refunded meanwhile).").replace(
                "%1", str(len(res.refused)))
        if res.missing_tracking:
            text += " " + self.tr("%1 without a tracking number are not in the sheet.").replace(
                "%1", str(res.missing_tracking))
        for r in sheets:
            text += "\n" + self.tr("Ship sheet: %1").replace("%1", str(r.path))
        self.message.setStyleSheet(f"color: {OK_COLOR}; font-weight: bold;")
        self.message.setText(text)
        self.refresh()
