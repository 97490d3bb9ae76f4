"""The orders table: a model that never holds the table (a million orders, issue 10).

What it holds: the query (filter + sort, both done in SQL by the engine), the total
(``rowCount``, so the scroll bar is the whole result), the ordered ids once the reader
has them (8 bytes an order: 8 MB for a million; Anki's browser holds ids the same way),
the first page and, after a jump to the end, the last page, and a bounded cache of
rows. A row that is not in the cache shows "…" while its window (a page of ids around
it) is fetched by the reader thread (``order_reader``); the view repaints when it
arrives. Sorting by a header asks the page to load a new query; nothing is sorted or
filtered here (no QSortFilterProxyModel over orders).

The deadline columns count down from ``now``, which the page moves every minute
(``set_now``: a repaint, no reload); overdue rows are red and rows due within 24 h amber.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app import desk_labels, display, labels
from app.models.base import LEFT, RIGHT, header_data
from app.models.order_reader import Loaded, OrderReader, Query

if TYPE_CHECKING:
    from presale_engine.service import OrderView, Service

Index = QModelIndex | QPersistentModelIndex

PAGE = 200  # rows fetched at once around what the view shows
CACHE_ROWS = 20_000  # rows kept (a few MB), least recently used dropped first
DUE_SOON = timedelta(hours=24)
TO_SHIP = frozenset({"balance_paid", "paid"})

_OVERDUE_BG = QBrush(QColor("#fdecea"))
_OVERDUE_FG = QBrush(QColor("#b3261e"))
_SOON_BG = QBrush(QColor("#fff4e0"))
_SOON_FG = QBrush(QColor("#8a5300"))
_PENDING_FG = QBrush(QColor("#9e9e9e"))
PENDING = "…"

# Column key -> the engine's sort key (None: not sortable, e.g. a computed figure).
SORT_OF: dict[str, str | None] = {
    "order_no": "order_no", "platform": "platform", "campaign": "campaign", "sku": "sku",
    "kind": "kind", "qty": "qty", "status": "status", "total": "total", "paid": None,
    "deposit": "deposit", "balance": "balance", "ship_deadline": "ship_deadline",
    "time_left": "ship_deadline", "buyer": "buyer", "recipient": "recipient",
    "tracking_no": "tracking_no", "carrier": "carrier", "ordered_at": "ordered_at",
    "paid_at": "paid_at", "shipped_at": "shipped_at", "flags": "flags", "tags": "tags",
}


def countdown(deadline: datetime, now: datetime) -> str:
    """``2 d 6 h``, ``5 h 20 min``, ``overdue 3 h``: whole minutes, two units at most."""
    secs = int((deadline - now).total_seconds())
    late = secs < 0
    mins = abs(secs) // 60
    d, rest = divmod(mins, 24 * 60)
    h, m = divmod(rest, 60)
    if d:
        text = QCoreApplication.translate("OrderTableModel", "%1 d %2 h").replace(
            "%1", str(d)).replace("%2", str(h))
    elif h:
        text = QCoreApplication.translate("OrderTableModel", "%1 h %2 min").replace(
            "%1", str(h)).replace("%2", str(m))
    else:
        text = QCoreApplication.translate("OrderTableModel", "%1 min").replace("%1", str(m))
    if late:
        return QCoreApplication.translate("OrderTableModel", "overdue %1").replace("%1", text)
    return text


class OrderTableModel(QAbstractTableModel):
    # What a seller needs first comes first (issue 13: order, state, deadline stay in
    # sight at 1024 px with the detail panel open).
    columns = ("order_no", "status", "time_left", "ship_deadline", "platform", "campaign",
               "sku", "qty", "total", "paid", "deposit", "balance", "buyer", "recipient",
               "tracking_no", "carrier", "ordered_at", "paid_at", "shipped_at", "kind",
               "flags", "tags")
    numeric = frozenset({"qty", "total", "paid", "deposit", "balance"})
    # Shown at first (the column chooser shows the others).
    default_visible = ("order_no", "platform", "campaign", "sku", "qty", "status", "total",
                       "paid", "ship_deadline", "time_left", "buyer", "ordered_at")

    # The first page of a query is in (the page shows it, then restores what it keeps).
    head_loaded = Signal(object)  # Loaded
    total_changed = Signal(int)
    ids_loaded = Signal(object)  # Loaded
    rows_arrived = Signal(object, object)  # list[OrderView], tag (a copy's rows)

    def __init__(self, parent: Any = None, reader: OrderReader | None = None) -> None:
        super().__init__(parent)
        self.reader = reader or OrderReader(self)
        self.reader.head_ready.connect(self._on_head)
        self.reader.count_ready.connect(self._on_count)
        self.reader.ids_ready.connect(self._on_ids)
        self.reader.rows_ready.connect(self._on_rows)
        self.reader.tail_ready.connect(self._on_tail)
        self.query: Query | None = None
        self.generation = 0
        self._total: int | None = None  # None: not counted yet
        self._rows_shown = 0
        self._ids: array[int] | None = None
        self._head: list[OrderView] = []
        self._tail: list[OrderView] = []
        self._cache: OrderedDict[int, OrderView] = OrderedDict()
        self._asked: set[int] = set()  # ids requested, not arrived
        self._want: set[int] = set()  # rows the view asked for since the last flush
        self._flush_pending = False
        self._tail_asked = False
        self._refreshing = False
        self.now: datetime | None = None
        self.tz: tzinfo | None = None
        self.this_year: int | None = None  # dates of this year are shown without it
        self.campaign_names: Mapping[int, str] = {}
        self.page_size = PAGE
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)

    # ------------------------------------------------------------------ loading
    def set_service(self, svc: Service | None) -> None:
        self.reader.set_service(svc)
        self.clear()

    def load(self, q: Query, *, refresh: bool = False, keep: Iterable[int] = ()) -> None:
        """Read ``q``. A refresh keeps what is shown until the new ids are in; a new
        query empties the table first."""
        self._refreshing = refresh and q == self.query and self._ids is not None
        if not self._refreshing:
            self.beginResetModel()
            self._reset_state()
            self.query = q
            self.endResetModel()
        self.query = q
        # The reader may answer at once (synchronous ops): know the generation before.
        # (A slot may start another load meanwhile; then that one's generation stands.)
        self.generation = self.reader.generation + 1
        self.reader.load(q, self.page_size, keep=list(keep),
                         old_ids=self._ids if self._refreshing else None)

    def _reset_state(self) -> None:
        self._total = None
        self._rows_shown = 0
        self._ids = None
        self._head = []
        self._tail = []
        self._cache.clear()
        self._asked.clear()
        self._want.clear()
        self._tail_asked = False

    def clear(self) -> None:
        self.beginResetModel()
        self._reset_state()
        self.query = None
        self.generation = self.reader.generation
        self.endResetModel()

    def _mine(self, res: Loaded) -> bool:
        return res.generation == self.generation and res.generation == self.reader.generation

    def _on_head(self, res: Loaded) -> None:
        if not self._mine(res) or res.head is None:
            return
        if self._refreshing:
            return  # the rows on screen stay until the new ids are in
        rows = res.head.rows
        self._head = list(rows)
        for o in rows:
            self._remember(o)
        n = len(rows) if self._total is None else self._total
        self._set_row_count(n)
        self.head_loaded.emit(res)

    def _on_count(self, res: Loaded) -> None:
        if not self._mine(res) or res.total is None:
            return
        if self._refreshing:
            return
        self._total = res.total
        self._set_row_count(res.total)
        self.total_changed.emit(res.total)

    def _on_ids(self, res: Loaded) -> None:
        if not self._mine(res) or res.ids is None:
            return
        ids = res.ids
        if self._refreshing:
            self._refreshing = False
            # Rows are re-read: a refresh means something changed, maybe in them.
            self._cache.clear()
            self._asked.clear()
            if res.same_ids:
                self._total = len(ids)
                self._ids = ids
                self._repaint_all()
            else:
                self.beginResetModel()
                self._reset_state()
                self._ids = ids
                self._total = len(ids)
                self._rows_shown = len(ids)
                if res.head is not None:
                    for o in res.head.rows:
                        self._remember(o)
                self.endResetModel()
            self.total_changed.emit(len(ids))
            self.ids_loaded.emit(res)
            return
        self._ids = ids
        if self._total != len(ids):
            self._total = len(ids)
            self.total_changed.emit(len(ids))
        self._set_row_count(len(ids))
        self._head = []
        self._tail = []
        self._repaint_all()
        self.ids_loaded.emit(res)

    def _set_row_count(self, n: int) -> None:
        old = self._rows_shown
        if n > old:
            self.beginInsertRows(QModelIndex(), old, n - 1)
            self._rows_shown = n
            self.endInsertRows()
        elif n < old:
            self.beginRemoveRows(QModelIndex(), n, old - 1)
            self._rows_shown = n
            self.endRemoveRows()

    def _repaint_all(self) -> None:
        if self._rows_shown:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._rows_shown - 1, len(self.columns) - 1))

    def _remember(self, o: OrderView) -> None:
        self._cache[o.id] = o
        self._cache.move_to_end(o.id)
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    def _on_rows(self, generation: int, rows: list[OrderView], tag: Any) -> None:
        if tag is not None:
            self.rows_arrived.emit(rows, tag)
            return
        if generation != self.generation:
            return
        for o in rows:
            self._remember(o)
            self._asked.discard(o.id)
        self._repaint_all()

    def _on_tail(self, generation: int, rows: list[OrderView]) -> None:
        if generation != self.generation:
            return
        self._tail = list(rows)
        for o in rows:
            self._remember(o)
        self._repaint_all()

    # ------------------------------------------------------------------ rows
    @property
    def total(self) -> int:
        return self._total if self._total is not None else len(self._head)

    @property
    def counted(self) -> bool:
        return self._total is not None

    @property
    def ids(self) -> array[int] | None:
        return self._ids

    @property
    def loaded(self) -> int:
        return len(self._cache)

    @property
    def filter(self) -> Any:
        return self.query.filter if self.query is not None else None

    def id_at(self, row: int) -> int | None:
        if self._ids is not None:
            return self._ids[row] if 0 <= row < len(self._ids) else None
        if row < len(self._head):
            return self._head[row].id
        if self._total is not None and self._tail:
            k = row - (self._total - len(self._tail))
            if 0 <= k < len(self._tail):
                return self._tail[k].id
        return None

    def order_at(self, row: int) -> OrderView | None:
        """The row's order if it is at hand (None: not fetched yet, it is asked for)."""
        oid = self.id_at(row)
        if oid is not None:
            o = self._cache.get(oid)
            if o is not None:
                return o
        self._ask(row)
        return None

    def row_of(self, order_id: int) -> int | None:
        """Where an order is (a scan of the ids: for single look-ups, not loops)."""
        if self._ids is not None:
            try:
                return self._ids.index(order_id)
            except ValueError:
                return None
        for i, o in enumerate(self._head):
            if o.id == order_id:
                return i
        return None

    def _ask(self, row: int) -> None:
        if self.query is None:
            return
        self._want.add(row)
        if not self._flush_pending:
            self._flush_pending = True
            self._flush_timer.start()

    def _flush(self) -> None:
        """Ask the reader for the windows the view wanted (one request per window)."""
        self._flush_pending = False
        want, self._want = self._want, set()
        if not want or self.query is None:
            return
        if self._ids is None:
            # No ids yet: only the end can be fetched (the reversed sort's first page).
            total = self._total
            if total is not None and not self._tail_asked and max(want) >= total - PAGE:
                self._tail_asked = True
                self.reader.tail(self.generation, self.query, self.page_size)
            return
        ids = self._ids
        rows = sorted(want)
        start = rows[0]
        while start <= rows[-1]:
            lo = max(0, start - self.page_size // 4)
            hi = min(len(ids), lo + self.page_size)
            need = [i for i in ids[lo:hi] if i not in self._cache and i not in self._asked]
            if need:
                self._asked.update(need)
                self.reader.rows(self.generation, need)
            start = next((r for r in rows if r >= hi), rows[-1] + 1)

    # ------------------------------------------------------------------ time
    def set_now(self, now: datetime) -> None:
        """Move the clock: the countdown and the overdue/due-soon marks repaint."""
        self.now = now
        self._repaint_all()

    def is_overdue(self, o: OrderView) -> bool:
        now = self.now
        return (now is not None and o.status in TO_SHIP and o.ship_deadline is not None
                and o.ship_deadline < now)

    def is_due_soon(self, o: OrderView) -> bool:
        now = self.now
        return (now is not None and o.status in TO_SHIP and o.ship_deadline is not None
                and now <= o.ship_deadline <= now + DUE_SOON)

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows_shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header clicks: a new query sorted in SQL (the page's ``sort_requested``)."""
        if not 0 <= column < len(self.columns) or self.query is None:
            return
        key = SORT_OF.get(self.columns[column])
        if key is None:
            return
        desc = order == Qt.SortOrder.DescendingOrder
        if (key, desc) != (self.query.sort, self.query.desc):
            from dataclasses import replace

            self.load(replace(self.query, sort=key, desc=desc))

    def sort_column(self) -> int:
        """The column showing the current sort (for the header's indicator)."""
        if self.query is None:
            return -1
        for i, key in enumerate(self.columns):
            if SORT_OF.get(key) == self.query.sort:
                return i
        return -1

    def header(self, key: str) -> str:
        return {
            "order_no": self.tr("Order no."), "platform": self.tr("Platform"),
            "campaign": self.tr("Campaign"), "sku": self.tr("SKU"), "kind": self.tr("Type"),
            "qty": self.tr("Qty"), "status": self.tr("Status"), "total": self.tr("Total"),
            "paid": self.tr("Paid"), "deposit": self.tr("Deposit"), "balance": self.tr("Balance"),
            "ship_deadline": self.tr("Ship by"), "time_left": self.tr("Time left"),
            "buyer": self.tr("Buyer"), "recipient": self.tr("Recipient"),
            "tracking_no": self.tr("Tracking no."), "carrier": self.tr("Carrier"),
            "ordered_at": self.tr("Ordered"), "paid_at": self.tr("Paid at"),
            "shipped_at": self.tr("Shipped"), "flags": self.tr("Import flags"),
            "tags": self.tr("Tags"),
        }[key]

    def text(self, o: OrderView, key: str) -> str:
        if key in ("order_no", "sku", "buyer", "recipient", "tracking_no", "carrier"):
            return str(getattr(o, key))
        if key == "platform":
            return labels.platform(o.platform)
        if key == "kind":
            return labels.kind(o.kind)
        if key == "campaign":
            if o.campaign_id is None:
                return ""
            return self.campaign_names.get(o.campaign_id, f"#{o.campaign_id}")
        if key == "qty":
            return str(o.qty)
        if key == "status":
            return labels.order_status(o.status)
        if key in ("total", "paid"):
            return display.money(getattr(o, key), o.currency)
        if key in ("deposit", "balance"):
            # Deposit and balance only mean something on a deposit order (issue 13).
            return display.money(getattr(o, key), o.currency) if o.kind == "deposit" else ""
        if key in ("ship_deadline", "ordered_at", "paid_at", "shipped_at"):
            return display.when_short(getattr(o, key), self.tz, self.this_year)
        if key == "time_left":
            if o.ship_deadline is None or o.status not in TO_SHIP or self.now is None:
                return ""
            return countdown(o.ship_deadline, self.now)
        if key == "flags":
            return ", ".join(desk_labels.import_flag(f) for f in o.flags)
        if key == "tags":
            return ", ".join(o.tags)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._rows_shown:
            return None
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if key in self.numeric else LEFT)
        o = self.order_at(index.row())
        if o is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return PENDING if index.column() == 0 else ""
            if role == Qt.ItemDataRole.ForegroundRole:
                return _PENDING_FG
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(o, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.is_overdue(o):
                return _OVERDUE_BG
            return _SOON_BG if self.is_due_soon(o) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in ("status", "ship_deadline", "time_left"):
                if self.is_overdue(o):
                    return _OVERDUE_FG
                if self.is_due_soon(o):
                    return _SOON_FG
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(o, key)
        if role == Qt.ItemDataRole.UserRole:
            return o.id
        return None

    def tooltip(self, o: OrderView, key: str) -> str | None:
        tip: str | None = None
        if key == "order_no":
            tip = o.order_no + (f" / {o.sub_order_no}" if o.sub_order_no else "")
        elif key == "campaign" and o.campaign_id is not None:
            tip = f"#{o.campaign_id} {self.text(o, key)}"
        elif key in ("ship_deadline", "time_left", "ordered_at", "paid_at", "shipped_at"):
            when = o.ship_deadline if key == "time_left" else getattr(o, key)
            tip = display.when(when, self.tz) or None
        elif key in ("buyer", "recipient", "tracking_no", "sku", "tags", "flags"):
            tip = self.text(o, key) or None
        if self.is_overdue(o):
            note = self.tr("Overdue: the ship deadline has passed and it is not shipped")
            return f"{tip}\n{note}" if tip else note
        if self.is_due_soon(o):
            note = self.tr("Due within 24 hours")
            return f"{tip}\n{note}" if tip else note
        return tip

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            key = self.columns[section]
            if SORT_OF.get(key) is None:
                return self.tr("Computed from the payments: not sortable")
            return self.tr("Click to sort (in the database, the whole result)")
        return header_data(self.columns, self.numeric, self.header, section, orientation, role)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self._repaint_all()
