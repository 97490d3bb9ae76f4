"""Stock per SKU (``svc.stock.overview()``) and supply batches (``svc.stock.supply()``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from app import display
from app.models.base import ListTableModel

if TYPE_CHECKING:
    from presale_engine.service import StockRow, SupplyView

_SHORT = QBrush(QColor("#b3261e"))
_SHORT_BG = QBrush(QColor("#fdecea"))


class StockTableModel(ListTableModel["StockRow"]):
    columns = ("sku", "name", "location", "on_hand", "reserved", "committed", "incoming",
               "available")
    numeric = frozenset({"on_hand", "reserved", "committed", "incoming", "available"})

    def header(self, key: str) -> str:
        return {
            "sku": self.tr("SKU"),
            "name": self.tr("Product"),
            "location": self.tr("Location"),
            "on_hand": self.tr("On hand"),
            "reserved": self.tr("Reserved"),
            "committed": self.tr("Sold, not reserved"),
            "incoming": self.tr("Incoming"),
            "available": self.tr("Available to promise"),
        }[key]

    def text(self, row: StockRow, key: str) -> str:
        value = getattr(row, key)
        return display.count(value) if isinstance(value, int) else str(value)

    def sort_value(self, row: StockRow, key: str) -> Any:
        return getattr(row, key)

    def foreground(self, row: StockRow, key: str) -> Any:
        return _SHORT if key == "available" and row.available < 0 else None

    def background(self, row: StockRow) -> Any:
        return _SHORT_BG if row.available < 0 else None

    def tooltip(self, row: StockRow, key: str) -> str | None:
        if key == "available" and row.available < 0:
            return QCoreApplication.translate(
                "StockTableModel", "Short by %1 units: on hand plus incoming does not cover "
                "what is sold").replace("%1", display.count(-row.available))
        return None


class SupplyTableModel(ListTableModel["SupplyView"]):
    columns = ("id", "sku", "qty", "received", "expected", "supplier", "note")
    numeric = frozenset({"id", "qty", "received"})

    def header(self, key: str) -> str:
        return {
            "id": self.tr("Batch"),
            "sku": self.tr("SKU"),
            "qty": self.tr("Quantity"),
            "received": self.tr("Received"),
            "expected": self.tr("Expected"),
            "supplier": self.tr("Supplier"),
            "note": self.tr("Note"),
        }[key]

    def text(self, row: SupplyView, key: str) -> str:
        if key == "expected":
            return display.day(row.expected)
        if key in ("qty", "received"):
            return display.count(getattr(row, key))
        if key == "id":
            return f"#{row.id}"
        return str(getattr(row, key))

    def sort_value(self, row: SupplyView, key: str) -> Any:
        if key == "expected":
            return row.expected.isoformat()
        return getattr(row, key)
