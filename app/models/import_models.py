"""The import dialog's tables: the file's first rows, its column mapping, the rows the
import refuses and the orders a later export did not move back.

Everything here is small and fully loaded (a preview holds 20 rows; a refused file lists
one entry per bad cell), so plain list models do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app import labels
from app.models.base import LEFT, ListTableModel

if TYPE_CHECKING:
    from app.dialogs.import_preview import Preview
    from presale_engine.io import RowError

Index = QModelIndex | QPersistentModelIndex

# Extra (unused) columns: muted text on a pale yellow; cells the import refuses: pale red.
EXTRA_BG = QBrush(QColor("#fff6d6"))
EXTRA_FG = QBrush(QColor("#8a6d00"))
ERROR_BG = QBrush(QColor("#fde2e0"))
ERROR_FG = QBrush(QColor("#b3261e"))
USED_FG = QBrush(QColor("#1f3a93"))


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


class ColumnMappingModel(ListTableModel[MappingRow]):
    columns = ("header", "field", "sample")

    def header(self, key: str) -> str:
        return {
            "header": self.tr("Column in the file"),
            "field": self.tr("Imported as"),
            "sample": self.tr("First value"),
        }[key]

    def set_preview(self, preview: Preview | None) -> None:
        rows: list[MappingRow] = []
        if preview is not None:
            first = preview.rows[0][1] if preview.rows else []
            for i, h in enumerate(preview.headers):
                if not h:
                    continue
                fld = preview.fields.get(i)
                rows.append(MappingRow(h, fld, first[i] if i < len(first) else "",
                                       "used" if fld else "extra"))
            rows += [MappingRow("", f, "", "missing") for f in preview.missing]
        self.set_rows(rows)

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

    def foreground(self, row: MappingRow, key: str) -> Any:
        if row.state == "missing":
            return ERROR_FG
        if row.state == "extra":
            return EXTRA_FG
        return None

    def background(self, row: MappingRow) -> Any:
        if row.state == "missing":
            return ERROR_BG
        if row.state == "extra":
            return EXTRA_BG
        return None


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
