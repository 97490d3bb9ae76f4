"""The orders table: a lazy, SQL-backed model for a million orders.

Nothing is loaded whole. The filter is applied in SQL by the engine; the model holds the
total and the rows fetched so far, in the engine's order (earliest ship deadline first),
and asks for the next page of ``PAGE`` rows when the view scrolls near the end
(``canFetchMore``/``fetchMore``, as in Qt's fetchmore example; Anki's browser table holds
ids the same way). No QSortFilterProxyModel: filtering and ordering stay in SQL.

The first page and the count come from an op on the worker (``load`` below, then
``set_result``); later pages are small indexed reads done on demand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app import display, labels
from app.models.base import LEFT, RIGHT, header_data

if TYPE_CHECKING:
    from presale_engine.service import OrderFilter, OrderView, Service

Index = QModelIndex | QPersistentModelIndex

PAGE = 200

_OVERDUE_BG = QBrush(QColor("#fdecea"))
_OVERDUE_FG = QBrush(QColor("#b3261e"))


@dataclass(frozen=True)
class OrderPage:
    """What a load brings back from the worker: the filter, its total, the first rows."""

    filter: OrderFilter
    total: int
    rows: list[OrderView]


def load(svc: Service, flt: OrderFilter, limit: int = PAGE) -> OrderPage:
    """Count and first page for ``flt`` (runs on the worker)."""
    total = svc.orders.count(flt)
    rows = svc.orders.find(flt, limit=limit, offset=0) if total else []
    return OrderPage(flt, total, rows)


class OrderTableModel(QAbstractTableModel):
    columns = ("order_no", "platform", "campaign", "sku", "qty", "status", "total",
               "deposit", "balance", "ship_deadline", "buyer", "ordered_at")
    numeric = frozenset({"qty", "total", "deposit", "balance"})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._svc: Service | None = None
        self._filter: OrderFilter | None = None
        self._rows: list[OrderView] = []
        self._total = 0
        self.tz: tzinfo | None = None
        self.this_year: int | None = None  # dates of this year are shown without it
        self.campaign_names: Mapping[int, str] = {}
        self.page_size = PAGE

    # ------------------------------------------------------------------ content
    def set_result(self, svc: Service, page: OrderPage) -> None:
        self.beginResetModel()
        self._svc = svc
        self._filter = page.filter
        self._total = page.total
        self._rows = list(page.rows)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._svc = None
        self._filter = None
        self._rows = []
        self._total = 0
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    @property
    def loaded(self) -> int:
        return len(self._rows)

    @property
    def filter(self) -> OrderFilter | None:
        return self._filter

    def order_at(self, row: int) -> OrderView:
        return self._rows[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.columns) - 1))

    # ------------------------------------------------------------------ lazy loading
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._svc is not None
                and len(self._rows) < self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._svc is not None
        start = len(self._rows)
        want = min(self.page_size, self._total - start)
        more = self._svc.orders.find(self._filter, limit=want, offset=start)
        if len(more) < want:
            # Orders were closed or removed since the count: what we have is all.
            self._total = start + len(more)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def header(self, key: str) -> str:
        return {
            "order_no": self.tr("Order no."),
            "platform": self.tr("Platform"),
            "campaign": self.tr("Campaign"),
            "sku": self.tr("SKU"),
            "qty": self.tr("Qty"),
            "status": self.tr("Status"),
            "total": self.tr("Total"),
            "deposit": self.tr("Deposit"),
            "balance": self.tr("Balance"),
            "ship_deadline": self.tr("Ship by"),
            "buyer": self.tr("Buyer"),
            "ordered_at": self.tr("Ordered"),
        }[key]

    def text(self, o: OrderView, key: str) -> str:
        if key == "order_no":
            return o.order_no
        if key == "platform":
            return labels.platform(o.platform)
        if key == "campaign":
            if o.campaign_id is None:
                return ""
            return self.campaign_names.get(o.campaign_id, f"#{o.campaign_id}")
        if key == "sku":
            return o.sku
        if key == "qty":
            return str(o.qty)
        if key == "status":
            return labels.order_status(o.status)
        if key in ("total", "deposit", "balance"):
            return display.money(getattr(o, key), o.currency)
        if key == "ship_deadline":
            return display.when_short(o.ship_deadline, self.tz, self.this_year)
        if key == "buyer":
            return o.buyer
        if key == "ordered_at":
            return display.when_short(o.ordered_at, self.tz, self.this_year)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        o = self._rows[index.row()]
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(o, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if key in self.numeric else LEFT)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _OVERDUE_BG if o.overdue else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if o.overdue and key in ("status", "ship_deadline"):
                return _OVERDUE_FG
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if o.overdue:
                return self.tr("Overdue: the ship deadline has passed and it is not shipped")
            if key == "campaign" and o.campaign_id is not None:
                return f"#{o.campaign_id} {self.text(o, key)}"
            if key == "ship_deadline":
                return display.when(o.ship_deadline, self.tz)
            if key == "ordered_at":
                return display.when(o.ordered_at, self.tz)
            return None
        if role == Qt.ItemDataRole.UserRole:
            return o.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return header_data(self.columns, self.numeric, self.header, section, orientation, role)
