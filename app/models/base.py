"""A table model over a small, fully loaded list of the engine's view objects.

For bounded lists only (campaigns, SKUs, supply batches): the whole list is fetched in
one service call. The million-row orders table has its own lazy model (``orders.py``).
Subclasses name their columns and say how a row's cell looks; headers are translated
when asked for, so ``retranslate()`` only has to tell the views.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

# Role carrying a cell's raw value for sorting (numbers sort as numbers).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def header_data(columns: Sequence[str], numeric: Container[str], header: Callable[[str], str],
                section: int, orientation: Qt.Orientation, role: int) -> Any:
    """headerData for our table models: translated titles, numbers right-aligned."""
    if orientation == Qt.Orientation.Horizontal and 0 <= section < len(columns):
        key = columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return header(key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if key in numeric else LEFT)
    if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
        return section + 1
    return None


class ListTableModel(QAbstractTableModel, Generic[Row]):
    """Rows are view objects; columns are keys that subclasses render."""

    # Column keys, in display order.
    columns: Sequence[str] = ()
    # Keys of right-aligned (numeric, money) columns.
    numeric: frozenset[str] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    # ------------------------------------------------------------------ to override
    def header(self, key: str) -> str:
        return key

    def text(self, row: Row, key: str) -> str:
        return str(getattr(row, key, ""))

    def sort_value(self, row: Row, key: str) -> Any:
        return self.text(row, key)

    def foreground(self, row: Row, key: str) -> Any:
        return None

    def background(self, row: Row) -> Any:
        return None

    def tooltip(self, row: Row, key: str) -> str | None:
        return None

    # ------------------------------------------------------------------ content
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def retranslate(self) -> None:
        """Headers and labels are looked up on demand: tell the views to ask again."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows and self.columns:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.columns) - 1))

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if key in self.numeric else LEFT)
        if role == SORT_ROLE:
            return self.sort_value(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, key)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return header_data(self.columns, self.numeric, self.header, section, orientation, role)
