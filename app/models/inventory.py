"""Stock per SKU (``svc.stock.overview()``) and supply batches (``svc.stock.supply()``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from app import display
from app.models.base import ListTableModel

if TYPE_CHECKING:
    from presale_engine.service import SkuPosition, StockRow, SupplyView

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


class PositionTableModel(ListTableModel["SkuPosition"]):
    """Per SKU (``svc.stock.positions()``): the position and the orders stock will not
    cover in time, from which deadline."""

    # What a seller needs first comes first (at 1024 px the rest scrolls): the SKU,
    # what it can still promise and the orders it leaves short.
    columns = ("sku", "available", "short", "short_from", "on_hand", "reserved", "committed",
               "incoming", "next_in", "name")
    numeric = frozenset({"on_hand", "reserved", "committed", "incoming", "available",
                         "short"})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tz: Any = None

    def header(self, key: str) -> str:
        return {
            "sku": self.tr("SKU"),
            "name": self.tr("Product"),
            "on_hand": self.tr("On hand"),
            "reserved": self.tr("Reserved"),
            "committed": self.tr("Sold, not reserved"),
            "incoming": self.tr("Incoming"),
            "available": self.tr("Available to promise"),
            "short": self.tr("Orders short"),
            "short_from": self.tr("Short from"),
            "next_in": self.tr("Next arrival"),
        }[key]

    def text(self, row: SkuPosition, key: str) -> str:
        if key == "name":
            return " ".join(x for x in (row.name, row.variant) if x)
        if key == "short":
            n = row.short_orders + row.late_orders
            return display.count(n) if n else ""
        if key == "short_from":
            return display.when_short(row.short_from, self.tz, None) if row.short_from else ""
        if key == "next_in":
            if not row.incoming_by_date:
                return ""
            day, qty = row.incoming_by_date[0]
            return f"{display.day(day)} +{display.count(qty)}"
        value = getattr(row, key)
        return display.count(value) if isinstance(value, int) else str(value)

    def sort_value(self, row: SkuPosition, key: str) -> Any:
        if key == "short":
            return row.short_orders + row.late_orders
        if key == "short_from":
            return row.short_from.isoformat() if row.short_from else "9"
        if key == "next_in":
            return row.incoming_by_date[0][0].isoformat() if row.incoming_by_date else "9"
        if key == "name":
            return self.text(row, key)
        return getattr(row, key)

    def _problem(self, row: SkuPosition) -> bool:
        return row.available < 0 or row.short_orders + row.late_orders > 0

    def foreground(self, row: SkuPosition, key: str) -> Any:
        if key in ("available", "short", "short_from") and self._problem(row):
            return _SHORT
        return None

    def background(self, row: SkuPosition) -> Any:
        return _SHORT_BG if self._problem(row) else None

    def tooltip(self, row: SkuPosition, key: str) -> str | None:
        if key in ("short", "short_from") and self._problem(row):
            return QCoreApplication.translate(
                "PositionTableModel", "%1 orders get no stock at all, %2 only after their "
                "ship deadline; the first deadline is %3").replace(
                "%1", display.count(row.short_orders)).replace(
                "%2", display.count(row.late_orders)).replace(
                "%3", display.when(row.short_from, self.tz))
        if key == "next_in" and row.incoming_by_date:
            return "\n".join(f"{display.day(d)}: +{display.count(q)}"
                             for d, q in row.incoming_by_date)
        if key == "available" and row.available < 0:
            return QCoreApplication.translate(
                "StockTableModel", "Short by %1 units: on hand plus incoming does not cover "
                "what is sold").replace("%1", display.count(-row.available))
        return None
