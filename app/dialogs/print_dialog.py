"""Print: choose a wave (or make one), a sheet, its size and language; preview it, print
it or save it as PDF; open the packing bench for the wave.

The PDF is rendered by the engine (``svc.printing``) on the worker into a temporary
folder the dialog owns, then shown with QtPdf (``QPdfDocument`` + ``QPdfView``).
Printing paints each page, rendered at the printer's resolution, onto a ``QPrinter``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTemporaryDir
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import i18n, labels, ops

SHEETS = ("picklist", "slips", "manifest", "report")
PLATFORMS = ("douyin", "taobao", "jd", "tiktok")


class PrintDialog(QDialog):
    """Pick lists, packing slips, manifests and campaign reports: preview, print, save."""

    def __init__(self, svc: Any, parent: QWidget | None = None, *,
                 wave_id: int | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.setWindowTitle(self.tr("Print"))
        self.resize(1100, 760)
        self.tmp = QTemporaryDir()
        self.rendered: Path | None = None
        self.pages = 0
        self.bench: QDialog | None = None
        self._serial = 0

        # ---- what to print
        self.wave_combo = QComboBox()
        self.sheet_combo = QComboBox()
        for code, text in zip(SHEETS, (self.tr("Pick list"), self.tr("Packing slips"),
                                       self.tr("Hand-over manifest"),
                                       self.tr("Campaign report")), strict=True):
            self.sheet_combo.addItem(text, code)
        self.campaign_combo = QComboBox()
        self.size_combo = QComboBox()
        self.size_combo.addItem(self.tr("A4"), "a4")
        self.size_combo.addItem(self.tr("Label 100 × 150 mm"), "label")
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("中文", "zh")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.setCurrentIndex(0 if i18n.current_language().startswith("zh") else 1)
        self.card_check = QCheckBox(self.tr("Thank-you card"))
        self.card_check.setChecked(True)
        self.card_edit = QLineEdit()
        self.card_edit.setPlaceholderText(self.tr("The shop's own words on the card"))
        self.card_edit.setMaxLength(400)
        what = QGroupBox(self.tr("Sheet"))
        form = QFormLayout(what)
        form.addRow(self.tr("Wave:"), self.wave_combo)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.tr("Campaign:"), self.campaign_combo)
        form.addRow(self.tr("Paper:"), self.size_combo)
        form.addRow(self.tr("Language:"), self.lang_combo)
        form.addRow(self.card_check, self.card_edit)

        # ---- a new wave
        self.platform_combo = QComboBox()
        self.platform_combo.addItem(self.tr("All platforms"), None)
        for p in PLATFORMS:
            self.platform_combo.addItem(labels.platform(p), p)
        self.wave_campaign_combo = QComboBox()
        self.sku_edit = QLineEdit()
        self.sku_edit.setPlaceholderText(self.tr("any SKU"))
        self.max_spin = QSpinBox()
        self.max_spin.setRange(1, 100_000)
        self.max_spin.setValue(200)
        self.carrier_edit = QLineEdit()
        self.carrier_edit.setPlaceholderText(self.tr("e.g. SF Express"))
        self.create_button = QPushButton(self.tr("Create wave"))
        new = QGroupBox(self.tr("New wave (paid orders not shipped yet, most urgent first)"))
        nform = QFormLayout(new)
        nform.addRow(self.tr("Platform:"), self.platform_combo)
        nform.addRow(self.tr("Campaign:"), self.wave_campaign_combo)
        nform.addRow(self.tr("SKU:"), self.sku_edit)
        nform.addRow(self.tr("At most (orders):"), self.max_spin)
        nform.addRow(self.tr("Carrier:"), self.carrier_edit)
        nform.addRow(self.create_button)

        # ---- actions
        self.preview_button = QPushButton(self.tr("Preview"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.bench_button = QPushButton(self.tr("Packing bench…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(b)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(what)
        ll.addWidget(new)
        ll.addLayout(buttons)
        ll.addWidget(self.bench_button)
        ll.addWidget(self.status)
        ll.addStretch(1)
        ll.addWidget(self.close_button)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.view)
        split.setStretchFactor(1, 1)
        split.setSizes([360, 740])
        lay = QVBoxLayout(self)
        lay.addWidget(split)

        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        for w in (self.wave_combo, self.sheet_combo, self.campaign_combo, self.size_combo,
                  self.lang_combo):
            w.currentIndexChanged.connect(self._stale)
        self.card_check.toggled.connect(self._stale)
        self.card_edit.editingFinished.connect(self._save_card)
        self.create_button.clicked.connect(self.create_wave)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.save_pdf)
        self.bench_button.clicked.connect(self.open_bench)
        self.close_button.clicked.connect(self.reject)
        self._sheet_changed()
        self.load(select_wave=wave_id)

    # ------------------------------------------------------------------ data
    def load(self, select_wave: int | None = None) -> None:
        """Read the waves, campaigns and card text (worker), then fill the choices."""
        svc = self.svc

        def read(_task: ops.Task) -> Any:
            return svc.waves.all(limit=50), svc.campaigns.all(), svc.printing.card_text()

        ops.run(read, parent=self, on_success=lambda r: self._fill(*r, select_wave))

    def _fill(self, waves: list[Any], campaigns: list[Any], card: str,
              select_wave: int | None) -> None:
        keep = select_wave if select_wave is not None else self.wave_combo.currentData()
        self.wave_combo.blockSignals(True)
        self.wave_combo.clear()
        for w in waves:
            self.wave_combo.addItem(self.wave_text(w), w.id)
        idx = self.wave_combo.findData(keep)
        self.wave_combo.setCurrentIndex(idx if idx >= 0 else 0)
        self.wave_combo.blockSignals(False)
        for combo, any_text in ((self.campaign_combo, None),
                                (self.wave_campaign_combo, self.tr("All campaigns"))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if any_text:
                combo.addItem(any_text, None)
            for c in campaigns:
                combo.addItem(f"#{c.id} {c.name}", c.id)
            i = combo.findData(current)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)
        self.card_edit.setText(card)
        self._sheet_changed()

    def wave_text(self, w: Any) -> str:
        status = {"open": self.tr("open"), "shipped": self.tr("shipped"),
                  "cancelled": self.tr("cancelled")}.get(w.status, w.status)
        return self.tr("Wave #%1 · %2 orders · %3 packed · %4").replace(
            "%1", str(w.id)).replace("%2", str(w.orders)).replace(
            "%3", str(w.packed)).replace("%4", status)

    def wave_id(self) -> int | None:
        data = self.wave_combo.currentData()
        return int(data) if data is not None else None

    def sheet(self) -> str:
        return str(self.sheet_combo.currentData())

    # ------------------------------------------------------------------ state
    def _sheet_changed(self) -> None:
        report = self.sheet() == "report"
        self.campaign_combo.setEnabled(report)
        self.wave_combo.setEnabled(not report)
        self.size_combo.setEnabled(not report)
        self.card_check.setEnabled(self.sheet() == "slips")
        self.card_edit.setEnabled(self.sheet() == "slips")
        self.bench_button.setEnabled(self.wave_id() is not None)
        self._stale()

    def _stale(self) -> None:
        """The choices changed: the preview no longer shows them."""
        self.rendered = None
        ready = (self.campaign_combo.currentData() is not None if self.sheet() == "report"
                 else self.wave_id() is not None)
        self.preview_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.bench_button.setEnabled(self.wave_id() is not None)

    def _save_card(self) -> None:
        text = self.card_edit.text()
        svc = self.svc
        ops.run(lambda _t: svc.printing.set_card_text(text), parent=self,
                on_success=lambda _r: self._stale())

    # ------------------------------------------------------------------ actions
    def create_wave(self) -> None:
        from presale_engine.service import WaveFilter

        flt = WaveFilter(campaign_id=self.wave_campaign_combo.currentData(),
                         platform=self.platform_combo.currentData(),
                         sku=self.sku_edit.text().strip() or None)
        svc, cap, carrier = self.svc, self.max_spin.value(), self.carrier_edit.text()

        def done(w: Any) -> None:
            self.status.setText(self.tr("Wave #%1 made: %2 orders, %3 units.").replace(
                "%1", str(w.id)).replace("%2", str(w.orders)).replace("%3", str(w.units)))
            self.load(select_wave=w.id)

        ops.run(lambda _t: svc.waves.create(flt, max_orders=cap, carrier=carrier),
                parent=self, on_success=done)

    def render(self, then: Any = None) -> None:
        """Render the chosen sheet (worker) into the temporary folder, then preview it."""
        svc = self.svc
        sheet, lang = self.sheet(), str(self.lang_combo.currentData())
        size = str(self.size_combo.currentData())
        wave, campaign = self.wave_id(), self.campaign_combo.currentData()
        card = self.card_check.isChecked()
        self._serial += 1
        path = Path(self.tmp.path()) / f"{sheet}-{self._serial}.pdf"

        def work(_task: ops.Task) -> Any:
            if sheet == "report":
                return svc.printing.report(int(campaign), path, lang=lang)
            return svc.printing.sheet(sheet, int(wave or 0), path, size=size, lang=lang,
                                      card=card)

        def shown(result: Any) -> None:
            self.show_pdf(result.path, result.pages)
            if then is not None:
                then()

        ops.run(work, parent=self, label=self.tr("Preparing the sheet…"), on_success=shown)

    def show_pdf(self, path: Path, pages: int) -> None:
        self.document.close()
        self.document.load(str(path))
        self.rendered = path
        self.pages = pages
        self.status.setText(self.tr("%n page(s)", "", pages))

    def preview(self) -> None:
        self.render()

    def _with_pdf(self, then: Any) -> None:
        if self.rendered is not None and self.rendered.is_file():
            then()
        else:
            self.render(then)

    def save_pdf(self) -> None:
        def save() -> None:
            assert self.rendered is not None
            name = self.rendered.name.rsplit("-", 1)[0] + ".pdf"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), name,
                                                  self.tr("PDF file (*.pdf)"))
            if not path:
                return
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            shutil.copyfile(self.rendered, path)
            self.status.setText(self.tr("Saved to %1").replace("%1", path))
        self._with_pdf(save)

    def ask_printer(self) -> QPrinter | None:
        """The printer the user chose (QPrintDialog), or None when cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dlg = QPrintDialog(printer, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def print_sheet(self) -> None:
        def go() -> None:
            printer = self.ask_printer()
            if printer is not None:
                n = self.print_to(printer)
                self.status.setText(self.tr("Sent %n page(s) to the printer.", "", n))
        self._with_pdf(go)

    def print_to(self, printer: QPrinter) -> int:
        """Paint every page of the preview onto ``printer``; returns the pages printed."""
        doc = self.document
        count = doc.pageCount()
        if count == 0:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            for i in range(count):
                if i:
                    printer.newPage()
                target = painter.viewport()
                size_pt = doc.pagePointSize(i)
                scale = min(target.width() / size_pt.width(),
                            target.height() / size_pt.height())
                size = QSize(int(size_pt.width() * scale), int(size_pt.height() * scale))
                image = doc.render(i, size)
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        return count

    def open_bench(self) -> None:
        wave = self.wave_id()
        if wave is None:
            return
        from app.dialogs.packing_bench import PackingBench

        bench = PackingBench(self.svc, wave, self)
        bench.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        bench.finished.connect(lambda _r: self.load())
        self.bench = bench
        bench.open()

    def done(self, result: int) -> None:
        self.document.close()
        super().done(result)
