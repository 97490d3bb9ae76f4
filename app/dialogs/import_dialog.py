"""Import a platform order export, a product sheet or a supply sheet.

The dialog reads the chosen file on the worker first (``svc.imports.preview``: nothing
written) and shows what it holds, which platform's export it
looks like (with a combo to say otherwise), the first rows under their headers with the
engine field each column feeds, the columns that are not used, and the rows the import
would refuse. **Import** then runs ``svc.imports.orders`` / ``products`` /
``supply`` on the worker through ``app.ops`` (progress dialog, cancellable); the
result lists what was created, updated, left alone, rejected and flagged. A file the
engine refuses (``ImportRefused``) shows its rows and reasons in a table that can be
saved as a workbook, and orders can then be imported without the bad rows (they go to a
rejects workbook). ``imported`` fires after every import that ran, so the main window
refreshes.

For orders, the **Column mapping** tab is editable: the field each column feeds is
chosen in a combo box, and a status text the layout does not know gets a line where the
seller says which order state it means. **Save as my column mapping…** writes those
choices as the seller's own mapping (``svc.imports.save_mapping``, extending the layout
used); the preview is then read again, and this import and later ones find the file
with the saved mapping.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import labels, ops
from app import settings as prefs
from app.dialogs import import_texts
from app.dialogs.import_pages import MappingPage, PreviewPage, ProblemsPage, ResultPage
from app.dialogs.import_pair import SecondFileRow
from presale_engine.service.values import IMPORT_KINDS as KINDS
from presale_engine.service.values import PLATFORM_CHOICES, Preview

if TYPE_CHECKING:
    from presale_engine.service import ImportReport, Service
    from presale_engine.service.values import RowError

IMPORT_DIR = "import/last_dir"
FILE_SUFFIXES = (".xlsx", ".csv")


def importable_path(text: str) -> bool:
    return text.lower().endswith(FILE_SUFFIXES)


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """The local .xlsx/.csv files of a drag (main window and dialog accept the same)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls()
            if u.isLocalFile() and importable_path(u.toLocalFile())]


class ImportDialog(QDialog):
    # An import ran and was committed (the ImportReport): the main window refreshes.
    imported = Signal(object)
    # A preview is on screen (tests and screenshots wait for it).
    preview_ready = Signal()
    # An import ended, whatever the outcome (ImportReport, the error, or None: cancelled).
    import_finished = Signal(object)
    # "Show in the order table": (OrderFilter, title); the main window opens the desk.
    show_orders = Signal(object, str)
    # A campaign was activated from the result (its id): the main window refreshes.
    campaign_activated = Signal(int)

    def __init__(self, svc: Service, parent: QWidget | None = None,
                 path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.path: Path | None = None
        self.items_path: Path | None = None  # the second file (Taobao's item report)
        self.preview: Preview | None = None
        self.report: ImportReport | None = None
        self.refused: Any = None  # the ImportRefused of the last import, if it was refused
        self.read_error: str = ""  # why the file could not be read at all
        self.saved_errors_path: Path | None = None  # where the errors were last saved
        self.saved_mapping_path: Path | None = None  # the column mapping saved for this file
        self.import_cancelled = False  # the last import was stopped (nothing written)
        self._forced_kind: str | None = None
        self._forced_platform: str | None = None
        self._busy: str | None = None  # "preview" | "import" | "save" while an op runs
        self._task: ops.Task | None = None
        self._generation = 0
        self.setObjectName("ImportDialog")
        self.setAcceptDrops(True)
        self.setMinimumSize(780, 540)
        self.resize(1040, 680)
        self._build()
        self.retranslate_ui()
        ops.manager().finished.connect(self._op_finished)
        if path is not None:
            self.set_path(path)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.file_label = QLabel()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_file)
        grid.addWidget(self.file_label, 0, 0)
        grid.addWidget(self.path_edit, 0, 1)
        grid.addWidget(self.choose_button, 0, 2)
        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem("", kind)
        self.kind_combo.activated.connect(self._kind_chosen)
        self.platform_label = QLabel()
        self.platform_combo = QComboBox()
        self.platform_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for name in PLATFORM_CHOICES:
            self.platform_combo.addItem("", name)
        self.platform_combo.activated.connect(self._platform_chosen)
        row = QHBoxLayout()
        row.addWidget(self.kind_combo)
        row.addSpacing(16)
        row.addWidget(self.platform_label)
        row.addWidget(self.platform_combo)
        row.addStretch(1)
        grid.addWidget(self.kind_label, 1, 0)
        grid.addLayout(row, 1, 1, 1, 2)
        lay.addLayout(grid)
        self.second_file = SecondFileRow(self)
        self.second_file.choose_button.clicked.connect(self.choose_second_file)
        self.second_file.remove_button.clicked.connect(lambda: self.set_items(None))
        lay.addWidget(self.second_file)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("ImportSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary_label)
        self.unknown_label = QLabel()
        self.unknown_label.setObjectName("AlertBad")
        self.unknown_label.setWordWrap(True)
        self.unknown_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unknown_label.hide()
        lay.addWidget(self.unknown_label)

        self.tabs = QTabWidget()
        # The tabs build their own views; the dialog keeps names for what it updates.
        self.preview_page = PreviewPage(self)
        self.preview_model, self.preview_view = self.preview_page.model, self.preview_page.view
        self.legend_label = self.preview_page.legend
        self.mapping_page = MappingPage(self, self._mapping_edited, self.save_mapping)
        mp = self.mapping_page
        self.mapping_hint, self.mapping_model, self.mapping_view = (
            mp.hint, mp.mapping_model, mp.mapping_view)
        self.mapping_delegate, self.status_delegate = mp.mapping_delegate, mp.status_delegate
        self.status_label, self.status_model, self.status_view = (
            mp.status_label, mp.status_model, mp.status_view)
        self.save_mapping_button = mp.save_button
        self.problems_page = ProblemsPage(self, self.save_errors)
        self.problems_intro = self.problems_page.intro
        self.errors_model, self.errors_view = self.problems_page.model, self.problems_page.view
        self.save_errors_button = self.problems_page.save_button
        self.result_page = ResultPage(self)
        self.result_label = self.result_page.label
        self.not_moved_label = self.result_page.not_moved_label
        self.flagged_label = self.result_page.flagged_label
        self.flagged_model = self.result_page.flagged_model
        self.flagged_view = self.result_page.flagged_view
        self.show_flagged_button = self.result_page.show_flagged_button
        self.show_flagged_button.clicked.connect(self.show_flagged_orders)
        self.activated: set[int] = set()  # campaigns activated from this result
        self.not_moved_model = self.result_page.not_moved_model
        self.not_moved_view = self.result_page.not_moved_view
        self.tabs.addTab(self.preview_page, "")
        self.tabs.addTab(self.mapping_page, "")
        self.tabs.addTab(self.problems_page, "")
        self.tabs.addTab(self.result_page, "")
        lay.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        self.valid_only_check = QCheckBox()
        self.valid_only_check.toggled.connect(lambda _on: self._update_state())
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.close_dialog)
        bottom.addWidget(self.valid_only_check, 1)
        bottom.addWidget(self.buttons)
        lay.addLayout(bottom)

    # ------------------------------------------------------------------ texts
    def retranslate_ui(self) -> None:
        import_texts.retranslate(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            labels.clear_cache()
            self.retranslate_ui()
        super().changeEvent(event)

    def _layout_name(self, name: str) -> str:
        if name == "template":
            return self.tr("Presale Desk template")
        if name in labels.PLATFORMS:
            return labels.platform(name)
        pv = self.preview
        return pv.labels.get(name, name) if pv is not None else name

    def _platform_texts(self) -> None:
        combo = self.platform_combo
        pv = self.preview
        # A user's own order layouts join the built-in ones.
        if pv is not None:
            have = {combo.itemData(i) for i in range(combo.count())}
            for name, _label in pv.layouts:
                if name not in have:
                    combo.addItem("", name)
        for i in range(combo.count()):
            name = combo.itemData(i)
            if name == "auto":
                detected = pv.detected if pv is not None and pv.kind == "orders" else None
                text = (self.tr("Automatic: %1").replace("%1", self._layout_name(detected))
                        if detected else self.tr("Automatic"))
            else:
                text = self._layout_name(name)
            combo.setItemText(i, text)

    # ------------------------------------------------------------------ choosing
    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else prefs.get_str(IMPORT_DIR)
        path, _chosen = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file to import"), start,
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path:
            self.set_path(path)

    def set_path(self, path: str | Path, items: str | Path | None = None) -> None:
        """Preview ``path`` (what it holds and its layout are guessed afresh), with
        ``items`` as its second file (Taobao's item report) if given."""
        self.path = Path(path)
        self.items_path = Path(items) if items is not None else None
        self.path_edit.setText(str(self.path))
        self.path_edit.setToolTip(str(self.path))
        self._forced_kind = None
        self._forced_platform = None
        self.saved_mapping_path = None
        prefs.set_value(IMPORT_DIR, str(self.path.parent))
        self.refresh_preview()

    def choose_second_file(self) -> None:
        """Pick the other report of a Taobao/Tmall export (the dialog says which)."""
        start = str(self.path.parent) if self.path else prefs.get_str(IMPORT_DIR)
        title = (self.tr("Choose the order report (订单报表)")
                 if self.preview is not None and self.preview.needs == "orders"
                 else self.tr("Choose the item report (宝贝报表)"))
        path, _chosen = QFileDialog.getOpenFileName(
            self, title, start, self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path:
            self.set_items(path)

    def set_items(self, path: str | Path | None) -> None:
        """Import the file with ``path`` as its second file (None: the file alone)."""
        self.items_path = Path(path) if path else None
        self.refresh_preview()

    def _kind_chosen(self, index: int) -> None:
        kind = self.kind_combo.itemData(index)
        if self.preview is not None and kind == self.preview.kind:
            return
        self._forced_kind = kind
        self.refresh_preview()

    def _platform_chosen(self, index: int) -> None:
        name = self.platform_combo.itemData(index)
        self._forced_platform = None if name == "auto" else name
        self.refresh_preview()

    def set_kind(self, kind: str) -> None:
        """Read the file as ``kind`` (orders, products, supply) whatever it looks like."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self._kind_chosen(self.kind_combo.currentIndex())

    def set_layout(self, name: str) -> None:
        """Read orders with the layout ``name`` ("auto": detect)."""
        self.platform_combo.setCurrentIndex(self.platform_combo.findData(name))
        self._platform_chosen(self.platform_combo.currentIndex())

    # ------------------------------------------------------------------ preview
    def refresh_preview(self) -> None:
        if self.path is None or self._busy == "import":
            return
        if self._task is not None and self._busy == "preview":
            self._task.cancel()  # a newer question makes the old answer moot
        self._generation += 1
        gen = self._generation
        path, kind, items = self.path, self._forced_kind, self.items_path
        platform = self._forced_platform if kind in (None, "orders") else None
        self.preview = None
        self.report = None
        self.refused = None
        self.read_error = ""
        self.saved_errors_path = None
        self.import_cancelled = False
        self.valid_only_check.setChecked(False)

        svc = self.svc

        def work(task: ops.Task) -> Preview:
            return svc.imports.preview(path, items, kind=kind, platform=platform,
                                       progress=task.progress, cancel=task.cancelled)

        self._start("preview", work, lambda pv: self._show_preview(gen, pv),
                    lambda e: self._preview_failed(gen, e),
                    self.tr("Reading %1…").replace("%1", path.name))

    def _show_preview(self, gen: int, pv: Preview) -> None:
        if gen != self._generation:
            return
        self._end_op()
        self.preview = pv
        self.preview_model.set_preview(pv)
        self.mapping_model.set_preview(pv)
        self.status_model.set_texts(pv.new_statuses)
        self.errors_model.set_rows(pv.errors)
        self._fit_columns()
        fix = (not pv.can_import and pv.needs is None) or bool(pv.new_statuses)
        self.tabs.setCurrentWidget(self.mapping_page if fix else self.preview_page)
        self._show_texts()
        self.preview_ready.emit()

    def _preview_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self._end_op()
        from app import errors

        if not self._expected(exc):
            errors.show_error(self, exc)
            return
        self.read_error = errors.error_text(exc)
        for model in (self.preview_model, self.mapping_model):
            model.set_preview(None)
        self.status_model.set_texts([])
        self.errors_model.set_rows([])
        self._show_texts()
        self.preview_ready.emit()

    @staticmethod
    def _expected(exc: BaseException) -> bool:
        from presale_engine.errors import PresaleError

        return isinstance(exc, PresaleError | OSError)

    def _fit_columns(self) -> None:
        for view, cap in ((self.preview_view, 260), (self.mapping_view, 320),
                          (self.status_view, 320), (self.errors_view, 320),
                          (self.not_moved_view, 320), (self.flagged_view, 320)):
            view.resizeColumnsToContents()
            header = view.horizontalHeader()
            for col in range(header.count()):
                if header.sectionSize(col) > cap:
                    header.resizeSection(col, cap)
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The unknown statuses are few: their table is as tall as its lines (5 at most).
        view = self.status_view
        view.setFixedHeight(view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
                            + view.verticalHeader().defaultSectionSize()
                            * min(max(self.status_model.rowCount(), 1), 5))

    # ------------------------------------------------------------------ own column mapping
    def _mapping_edited(self) -> None:
        self._show_texts()

    def mapping_edited(self) -> bool:
        """The seller changed a column's field or said what a status means."""
        return self.mapping_model.is_edited() or bool(self.status_model.chosen())

    def save_mapping(self) -> None:
        """Ask for a name and save the edited mapping as the seller's own; then read the
        file again with it."""
        pv = self.preview
        if pv is None or pv.preset is None or not pv.can_edit_mapping \
                or not self.mapping_edited() or self._busy is not None:
            return
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        title = self.tr("Save as my column mapping")
        missing = self.mapping_model.missing()
        if missing:
            QMessageBox.warning(self, title, self.tr(
                "Required columns are still missing: %1. Choose the column that holds "
                "each one before saving.").replace(
                "%1", ", ".join(labels.import_field(f) for f in missing)))
            return
        default = pv.preset if pv.mapping_file is not None else f"{pv.preset}_mine"
        name, ok = QInputDialog.getText(
            self, title, self.tr("Name of your column mapping (letters, digits, - and _):"),
            QLineEdit.EchoMode.Normal, default)
        name = name.strip()
        if not ok or not name:
            return
        from app.errors import error_text
        from presale_engine.errors import PresaleError

        problem = self.svc.imports.mapping_name_problem(name)
        if problem == "invalid":
            QMessageBox.warning(self, title, self.tr(
                "“%1” cannot be the name of a column mapping: use only letters, digits, "
                "- and _ (at most 64), for example %2.").replace("%1", name).replace(
                "%2", f"{pv.preset}_mine"))
            return
        if problem == "builtin":
            QMessageBox.warning(self, title, self.tr(
                "“%1” is the name of a layout that comes with Presale Desk; choose another "
                "name.").replace("%1", name))
            return
        if self.svc.imports.mapping_exists(name) and name != pv.preset:
            answer = QMessageBox.question(
                self, title, self.tr("You already have a column mapping named “%1”. "
                                     "Replace it?").replace("%1", name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            path = self.svc.imports.save_mapping(name, pv, self.mapping_model.column_changes(),
                                                 self.status_model.chosen())
        except (PresaleError, OSError) as exc:
            QMessageBox.warning(self, title, self.tr(
                "Your column mapping was not saved: %1").replace(
                "%1", error_text(exc)))
            return
        self.saved_mapping_path = path
        if self._forced_platform is not None:
            self._forced_platform = name  # the seller chose the layout: now their own
        self.refresh_preview()

    # ------------------------------------------------------------------ import
    def start_import(self) -> None:
        pv = self.preview
        if pv is None or not pv.can_import or self._busy is not None:
            return
        rejects: str | None = None
        if self._valid_only_possible() and self.valid_only_check.isChecked():
            default = pv.path.with_name(f"{pv.path.stem}-rejected.xlsx")
            rejects, _chosen = QFileDialog.getSaveFileName(
                self, self.tr("Save the rejected rows as"), str(default),
                self.tr("Excel workbook (*.xlsx)"))
            if not rejects:
                return
            if not rejects.lower().endswith(".xlsx"):
                rejects += ".xlsx"
        svc, path, kind, preset, items = self.svc, pv.path, pv.kind, pv.preset, pv.items_path
        self.refused = None
        self.import_cancelled = False

        def work(task: ops.Task) -> ImportReport:
            if kind == "orders":
                return svc.imports.orders(path, items, platform=preset, valid_only=rejects,
                                          progress=task.progress, cancel=task.cancelled)
            if kind == "products":
                return svc.imports.products(path, progress=task.progress,
                                           cancel=task.cancelled)
            return svc.imports.supply(path, progress=task.progress, cancel=task.cancelled)

        self._start("import", work, self._imported, self._import_failed,
                    self.tr("Importing %1…").replace("%1", pv.file))

    def _imported(self, report: ImportReport) -> None:
        self._end_op()
        self.report = report
        self.activated = set()
        self.not_moved_model.set_rows(report.not_moved_back)
        self.flagged_model.set_rows(report.flagged_orders)
        self._build_draft_rows()
        self._fit_columns()
        self.tabs.setCurrentWidget(self.result_page)
        self._show_texts()
        self.imported.emit(report)
        self.import_finished.emit(report)

    # ------------------------------------------------------------------ after the import
    def show_flagged_orders(self) -> None:
        """The flagged order lines of this import in the order table (the dialog closes)."""
        from presale_engine.service import OrderFilter

        rep = self.report
        if rep is None or not rep.flagged_orders:
            return
        flt = OrderFilter(ids=tuple(o["id"] for o in rep.flagged_orders))
        self.show_orders.emit(flt, self.tr("Flagged by the import of %1").replace(
            "%1", Path(rep.file).name))
        self.close_dialog()

    def _build_draft_rows(self) -> None:
        page = self.result_page
        for label, _button in page.draft_rows:
            row = label.parentWidget()
            row.hide()  # at once: the deferred delete waits for the event loop
            row.setParent(None)
            row.deleteLater()
        page.draft_rows = []
        rep = self.report
        for camp in (rep.inactive_campaigns if rep is not None else []):
            row = QWidget()
            lay = QHBoxLayout(row)
            lay.setContentsMargins(0, 0, 0, 0)
            label = QLabel()
            label.setWordWrap(True)
            label.setObjectName("AlertWarn")
            button = QPushButton()
            button.clicked.connect(lambda _c=False, c=camp: self.activate_campaign(c))
            lay.addWidget(label, 1)
            lay.addWidget(button)
            page.drafts_layout.addWidget(row)
            page.draft_rows.append((label, button))

    def activate_campaign(self, camp: dict[str, Any]) -> None:
        """Activate a draft campaign the import gave orders (approve, or submit where the
        shop keeps the approval step and the campaign is a draft)."""
        svc, cid = self.svc, int(camp["id"])

        def work(_task: ops.Task) -> str:
            approval = svc.shop.settings().require_approval
            if approval and camp.get("status") in ("draft", "rejected"):
                return svc.campaigns.submit(cid)
            return svc.campaigns.approve(cid)

        def done(status: str) -> None:
            camp["status"] = status
            if status == "approved":
                self.activated.add(cid)
            self._show_texts()
            self.campaign_activated.emit(cid)

        ops.run(work, parent=self, on_success=done)

    def _import_failed(self, exc: BaseException) -> None:
        self._end_op()
        from app import errors
        from presale_engine.service import ImportRefused

        if isinstance(exc, ImportRefused):
            self.refused = exc
            self.saved_errors_path = None
            self.errors_model.set_rows(exc.errors)
            self._fit_columns()
            self.tabs.setCurrentWidget(self.problems_page)
            self._show_texts()
        else:
            self._show_texts()
            errors.show_error(self, exc)
        self.import_finished.emit(exc)

    # ------------------------------------------------------------------ errors workbook
    def current_errors(self) -> list[RowError]:
        if self.refused is not None:
            return list(self.refused.errors)
        return list(self.preview.errors) if self.preview is not None else []

    def save_errors(self) -> None:
        found = self.current_errors()
        if not found or self._busy is not None:
            return
        stem = self.path.stem if self.path else "import"
        start = (self.path.with_name(f"{stem}-errors.xlsx") if self.path
                 else Path(f"{stem}-errors.xlsx"))
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save errors as workbook"), str(start),
            self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        headers = (self.tr("File"), self.tr("Row"), self.tr("Column"), self.tr("Value"),
                   self.tr("Reason"))
        # Worded here, as the table shows them (the label cache lives on this thread).
        reasons = {id(e): labels.row_error(e.code, e.reason) for e in found}
        svc = self.svc
        self._start("save", lambda _t: svc.imports.write_errors(
                        path, found, headers, lambda e: reasons[id(e)]),
                    self._errors_saved, self._save_failed,
                    self.tr("Saving %1…").replace("%1", Path(path).name))

    def _errors_saved(self, path: Path) -> None:
        self._end_op()
        self.saved_errors_path = path
        self._show_texts()

    def _save_failed(self, exc: BaseException) -> None:
        self._end_op()
        from app import errors

        errors.show_error(self, exc)

    # ------------------------------------------------------------------ ops
    def _start(self, what: str, fn: Any, on_success: Any, on_failure: Any, label: str) -> None:
        self._busy = what
        self._task = None
        self._show_texts()
        task = ops.run(fn, parent=self, on_success=on_success, on_failure=on_failure,
                       label=label, cancellable=True)
        if self._busy == what and not task.done:
            self._task = task

    def _end_op(self) -> None:
        self._busy = None
        self._task = None

    def _op_finished(self, task: ops.Task) -> None:
        """A cancelled op calls neither callback: put the dialog back in order."""
        if self._busy is None or (self._task is not None and task is not self._task):
            return
        if not task.cancelled():
            return  # the callbacks saw to it
        what = self._busy
        self._end_op()
        if what == "preview":
            self.read_error = self.tr("Reading the file was cancelled.")
        elif what == "import":
            self.import_cancelled = True
        self._show_texts()
        if what == "import":
            self.import_finished.emit(None)

    @property
    def busy(self) -> bool:
        return self._busy is not None

    # ------------------------------------------------------------------ state and texts
    def _valid_only_possible(self) -> bool:
        pv = self.preview
        if pv is None or pv.kind != "orders" or pv.unknown_statuses:
            return False
        if self.refused is not None:
            return bool(self.refused.errors) and not self.refused.unknown_statuses
        return bool(pv.errors)

    def _update_state(self) -> None:
        pv = self.preview
        idle = self._busy is None
        self.choose_button.setEnabled(idle or self._busy == "preview")
        self.second_file.choose_button.setEnabled(idle or self._busy == "preview")
        self.second_file.remove_button.setEnabled(idle or self._busy == "preview")
        self.kind_combo.setEnabled(pv is not None and self._busy != "import")
        self.platform_combo.setEnabled(pv is not None and pv.kind == "orders"
                                       and self._busy != "import")
        self.import_button.setEnabled(idle and pv is not None and pv.can_import
                                      and self.report is None)
        self.close_button.setEnabled(self._busy != "import")
        possible = self._valid_only_possible()
        self.valid_only_check.setVisible(possible)
        self.valid_only_check.setEnabled(idle and possible)
        self.save_errors_button.setEnabled(idle and bool(self.current_errors()))
        editable = pv is not None and pv.can_edit_mapping and self.report is None
        self.mapping_hint.setVisible(editable)
        self.save_mapping_button.setVisible(editable)
        self.save_mapping_button.setEnabled(idle and editable and self.mapping_edited())
        statuses = self.status_model.rowCount() > 0
        self.status_label.setVisible(statuses)
        self.status_view.setVisible(statuses)

    def _show_texts(self) -> None:
        import_texts.show_texts(self)

    def _summary(self) -> str:
        return import_texts.summary(self)

    def _result_html(self) -> str:
        return import_texts.result_html(self)

    # ------------------------------------------------------------------ closing, dropping
    def close_dialog(self) -> None:
        if self._busy == "import":
            return
        if self.report is not None:
            self.accept()
        else:
            self.reject()

    def done(self, result: int) -> None:
        if self._busy == "import":
            return  # the progress dialog's Cancel stops an import
        if self._task is not None:
            self._task.cancel()
        super().done(result)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event) and self._busy != "import":
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event)
        if files and self._busy != "import":
            event.acceptProposedAction()
            # Both reports of a Taobao export may be dropped at once.
            self.set_path(files[0], files[1] if len(files) > 1 else None)
        else:
            event.ignore()
