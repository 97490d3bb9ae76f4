"""The import dialog's tables: the file's first rows, its column mapping (editable for
orders, with the unknown status values beside it), the rows the import refuses and the
orders a later export did not move back; and the combo box delegate that edits them.

Everything here is small and fully loaded (a preview holds 20 rows; a refused file lists
one entry per bad cell), so plain list models do.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionViewItem,
    QWidget,
)

from app import labels
from app.models.base import LEFT, ListTableModel

if TYPE_CHECKING:
    from presale_engine.service.values import Preview, RowError

Index = QModelIndex | QPersistentModelIndex

# Extra (unused) columns: muted text on a pale yellow; cells the import refuses: pale red.
EXTRA_BG = QBrush(QColor("#fff6d6"))
EXTRA_FG = QBrush(QColor("#8a6d00"))
ERROR_BG = QBrush(QColor("#fde2e0"))
ERROR_FG = QBrush(QColor("#b3261e"))
USED_FG = QBrush(QColor("#1f3a93"))
# What the seller changed in the mapping: pale blue.
EDITED_BG = QBrush(QColor("#e3eefc"))
# A cell's choices for ChoiceDelegate: a list of (value, text).
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2


class PreviewTableModel(QAbstractTableModel):
    """The first rows of the file, under its own headers; each header says which engine
    field it feeds. Unused columns and refused cells are highlighted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.preview: Preview | None = None
        self._bad: dict[tuple[int, str], str] = {}  # (excel row, header) -> reason

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self._bad = {}
        if preview is not None:
            shown = {r for r, _ in preview.rows}
            for e in preview.errors:
                if e.row in shown:
                    self._bad.setdefault((e.row, e.column), labels.row_error(e.code, e.reason))
        self.endResetModel()

    def retranslate(self) -> None:
        if self.columnCount() > 0:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.preview is None:
            return 0
        return len(self.preview.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.preview is None:
            return 0
        return len(self.preview.headers)

    def _field(self, column: int) -> str | None:
        assert self.preview is not None
        return self.preview.fields.get(column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pv = self.preview
        if pv is None or not index.isValid() or index.row() >= len(pv.rows) \
                or index.column() >= len(pv.headers):
            return None
        excel_row, cells = pv.rows[index.row()]
        col = index.column()
        text = cells[col] if col < len(cells) else ""
        bad = self._bad.get((excel_row, pv.headers[col]))
        unused = self._field(col) is None
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return bad if bad is not None else (text or None)
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_BG if bad is not None else EXTRA_BG if unused else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return ERROR_FG if bad is not None else EXTRA_FG if unused else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(LEFT)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pv = self.preview
        if pv is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(pv.rows):
                return pv.rows[section][0]  # the row number as a spreadsheet shows it
            return None
        if not 0 <= section < len(pv.headers):
            return None
        fld = self._field(section)
        if role == Qt.ItemDataRole.DisplayRole:
            below = labels.import_field(fld) if fld else self.tr("(not used)")
            return f"{pv.headers[section]}\n→ {below}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if fld is None:
                return self.tr("This column is not imported.")
            return self.tr("Imported as: %1").replace("%1", labels.import_field(fld))
        if role == Qt.ItemDataRole.ForegroundRole:
            return EXTRA_FG if fld is None else USED_FG
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(LEFT)
        return None


@dataclass(frozen=True)
class MappingRow:
    """One line of the mapping: a column of the file and the field it feeds."""

    header: str  # "" for a required field no column gives
    field: str | None  # None: the column is not used
    sample: str
    state: str  # used | extra | missing
    column: int = -1  # the column's index in the file (-1: a missing field's line)
    original: str | None = None  # the field the layout gave the column


class ColumnMappingModel(ListTableModel[MappingRow]):
    """The file's columns and the field each feeds. For orders the field can be changed
    (``setData`` with the field code, "" for not used); the lines of required fields no
    column gives follow the changes. ``column_changes()`` is what the seller changed."""

    columns = ("header", "field", "sample")
    edited = Signal()  # the seller changed a field

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.choices: list[str] = []  # fields a column may feed (empty: not editable)
        self.required: list[str] = []

    def header(self, key: str) -> str:
        return {
            "header": self.tr("Column in the file"),
            "field": self.tr("Imported as"),
            "sample": self.tr("First value"),
        }[key]

    def set_preview(self, preview: Preview | None) -> None:
        rows: list[MappingRow] = []
        self.choices, self.required = [], []
        if preview is not None:
            if preview.can_edit_mapping:
                self.choices, self.required = list(preview.field_choices), list(preview.required)
            first = preview.rows[0][1] if preview.rows else []
            for i, h in enumerate(preview.headers):
                if not h:
                    continue
                fld = preview.fields.get(i)
                rows.append(MappingRow(h, fld, first[i] if i < len(first) else "",
                                       "used" if fld else "extra", i, fld))
            rows += [MappingRow("", f, "", "missing") for f in preview.missing]
        self.set_rows(rows)

    # ------------------------------------------------------------------ editing
    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (index.isValid() and self.choices and self.columns[index.column()] == "field"
                and self._rows[index.row()].state != "missing"):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            return self._rows[index.row()].field or ""
        if role == CHOICES_ROLE:
            return self._field_choices()
        return super().data(index, role)

    def _field_choices(self) -> list[tuple[str, str]]:
        out = [("", self.tr("not used"))]
        for f in self.choices:
            name = labels.import_field(f)
            if f in self.required:
                name = self.tr("%1 (required)").replace("%1", name)
            out.append((f, name))
        return out

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        new = str(value) if value else None
        if new is not None and new not in self.choices:
            return False
        r = index.row()
        if self._rows[r].field == new:
            return True
        touched = [r]
        for i, row in enumerate(self._rows):  # a field is fed by one column
            if i != r and new is not None and row.field == new and row.state != "missing":
                self._rows[i] = replace(row, field=None, state="extra")
                touched.append(i)
        self._rows[r] = replace(self._rows[r], field=new, state="used" if new else "extra")
        last = len(self.columns) - 1
        for i in touched:
            self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        self._sync_missing()
        self.edited.emit()
        return True

    def _sync_missing(self) -> None:
        """One line per required field that no column feeds now (at the end)."""
        fed = {row.field for row in self._rows if row.state != "missing"}
        wanted = [f for f in self.required if f not in fed]
        for i in range(len(self._rows) - 1, -1, -1):
            row = self._rows[i]
            if row.state == "missing" and row.field not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        shown = {row.field for row in self._rows if row.state == "missing"}
        add = [f for f in wanted if f not in shown]
        if add:
            n = len(self._rows)
            self.beginInsertRows(QModelIndex(), n, n + len(add) - 1)
            self._rows += [MappingRow("", f, "", "missing") for f in add]
            self.endInsertRows()

    def is_edited(self) -> bool:
        return any(row.field != row.original for row in self._rows if row.state != "missing")

    def missing(self) -> list[str]:
        return [row.field for row in self._rows if row.state == "missing" and row.field]

    def column_changes(self) -> dict[str, str | None]:
        """Field -> the header the seller gave it, for each field whose column changed;
        None for a field whose column was set to "not used" (the file has no such
        column). A field whose column went to another field is left out: naming the
        header for that field takes it from this one."""
        lines = [row for row in self._rows if row.state != "missing"]
        now = {row.field: row.header for row in lines if row.field}
        was = {row.original: row.header for row in lines if row.original}
        claimed = set(now.values())
        out: dict[str, str | None] = {}
        for fld in [*now, *(f for f in was if f not in now)]:
            if now.get(fld) == was.get(fld):
                continue
            if fld in now:
                out[fld] = now[fld]
            elif was[fld] not in claimed:
                out[fld] = None
        return out

    # ------------------------------------------------------------------ looks
    def text(self, row: MappingRow, key: str) -> str:
        if key == "header":
            return row.header or self.tr("(no such column)")
        if key == "field":
            if row.field is None:
                return self.tr("not used")
            name = labels.import_field(row.field)
            if row.state == "missing":
                return self.tr("%1: required, missing").replace("%1", name)
            return name
        return row.sample

    def tooltip(self, row: MappingRow, key: str) -> str | None:
        if key != "field" or not self.choices or row.state == "missing":
            return None
        if row.field != row.original:
            was = (labels.import_field(row.original) if row.original
                   else self.tr("not used"))
            return self.tr("Changed by you (the layout said: %1). Save it as your column "
                           "mapping to use it.").replace("%1", was)
        return self.tr("Click to choose what this column is imported as.")

    def foreground(self, row: MappingRow, key: str) -> Any:
        if row.state == "missing":
            return ERROR_FG
        if row.state == "extra":
            return EXTRA_FG
        return None

    def background(self, row: MappingRow) -> Any:
        if row.state == "missing":
            return ERROR_BG
        if row.field != row.original:
            return EDITED_BG
        if row.state == "extra":
            return EXTRA_BG
        return None


@dataclass(frozen=True)
class StatusRow:
    """A status text of the file the layout does not know, and what the seller says
    it means (an engine order state; None: not said yet)."""

    text: str
    state: str | None = None


class StatusMappingModel(ListTableModel[StatusRow]):
    """Unknown status values and the order state the seller picks for each."""

    columns = ("text", "state")
    edited = Signal()

    def header(self, key: str) -> str:
        return {"text": self.tr("Status in the file"), "state": self.tr("Means")}[key]

    def set_texts(self, texts: list[str]) -> None:
        self.set_rows([StatusRow(t) for t in texts])

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()] == "state":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            return self._rows[index.row()].state or ""
        if role == CHOICES_ROLE:
            from presale_engine.service.values import ORDER_STATES

            return [("", self.tr("(choose)")),
                    *((s, labels.order_status(s)) for s in ORDER_STATES)]
        return super().data(index, role)

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        from presale_engine.service.values import ORDER_STATES

        state = str(value) if value else None
        if state is not None and state not in ORDER_STATES:
            return False
        r = index.row()
        self._rows[r] = replace(self._rows[r], state=state)
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))
        self.edited.emit()
        return True

    def chosen(self) -> dict[str, str]:
        """Status text -> order state, for the texts the seller has said."""
        return {row.text: row.state for row in self._rows if row.state}

    def text(self, row: StatusRow, key: str) -> str:
        if key == "text":
            return row.text
        return labels.order_status(row.state) if row.state else self.tr("(choose)")

    def tooltip(self, row: StatusRow, key: str) -> str | None:
        if key == "state":
            return self.tr("Click to choose the order status this text means.")
        return None

    def foreground(self, row: StatusRow, key: str) -> Any:
        return ERROR_FG if key == "state" and row.state is None else None

    def background(self, row: StatusRow) -> Any:
        return EDITED_BG if row.state else ERROR_BG


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of the choices its model gives (``CHOICES_ROLE``:
    (value, text) pairs; the cell's ``EditRole`` is the current value). Choosing an
    entry commits it at once; editable cells show a small arrow."""

    ARROW = 14

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for value, text in index.data(CHOICES_ROLE) or []:
            combo.addItem(text, value)
        combo.activated.connect(lambda _i: self._chosen(combo))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        # As wide as its longest choice, even where the column is narrower.
        rect = QRect(option.rect)
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        if index.flags() & Qt.ItemFlag.ItemIsEditable:
            size.setWidth(size.width() + self.ARROW + 6)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            return
        rect = option.rect
        arrow = QStyleOption()
        arrow.rect = QRect(rect.right() - self.ARROW - 2, rect.top(), self.ARROW,
                           rect.height())
        arrow.palette = option.palette
        arrow.state = QStyle.StateFlag.State_Enabled
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorArrowDown, arrow, painter,
                            widget)


class RowErrorModel(ListTableModel["RowError"]):
    """Rows the import refuses: where (row, column), what (value) and why (reason)."""

    columns = ("row", "column", "value", "reason")
    numeric = frozenset({"row"})

    def header(self, key: str) -> str:
        return {
            "row": self.tr("Row"),
            "column": self.tr("Column"),
            "value": self.tr("Value"),
            "reason": self.tr("Reason"),
        }[key]

    def text(self, row: RowError, key: str) -> str:
        if key == "row":
            return str(row.row)
        if key == "reason":
            return labels.row_error(row.code, row.reason)
        return str(getattr(row, key))

    def sort_value(self, row: RowError, key: str) -> Any:
        return row.row if key == "row" else self.text(row, key)

    def tooltip(self, row: RowError, key: str) -> str | None:
        return str(row)


class NotMovedBackModel(ListTableModel[dict[str, Any]]):
    """Order lines an older export would have moved back to an earlier state."""

    columns = ("row", "order_no", "file_status", "stored_status")
    numeric = frozenset({"row"})

    def header(self, key: str) -> str:
        return {
            "row": self.tr("Row"),
            "order_no": self.tr("Order number"),
            "file_status": self.tr("Status in the file"),
            "stored_status": self.tr("Status kept"),
        }[key]

    def text(self, row: dict[str, Any], key: str) -> str:
        value = row.get(key)
        if key in ("file_status", "stored_status"):
            return labels.order_status(str(value))
        return "" if value is None else str(value)


class FlaggedOrdersModel(ListTableModel[dict[str, Any]]):
    """The order lines an import flagged, with why (``ImportReport.flagged_orders``)."""

    columns = ("order_no", "sku", "reason")

    def header(self, key: str) -> str:
        return {
            "order_no": self.tr("Order number"),
            "sku": self.tr("SKU"),
            "reason": self.tr("Why it was flagged"),
        }[key]

    def text(self, row: dict[str, Any], key: str) -> str:
        if key == "reason":
            from app import desk_labels, display

            sep = "、" if display.lang() == "zh" else ", "
            return sep.join(desk_labels.import_flag(f) for f in row.get("flags", ()))
        value = row.get(key)
        return "" if value is None else str(value)
