"""The orders page's own reader thread: every read of the order table, off the GUI thread.

The one ops worker (``app/ops.py``) runs writes one at a time; a bulk action or an import
may hold it for seconds. Scrolling a million orders must not wait behind that, so the
table's reads go to this dedicated reader: the first page of a query, its count, its
ordered ids (a million in ~0.3 s), windows of rows, the last page, an order's detail and
the change token polled every few seconds. Requests carry the query generation; work
for an older generation is skipped, and reading ids stops as soon as a newer query
arrives. Results come back as signals, queued onto the GUI thread.

When the application's task manager is synchronous (unit tests), requests run at once
on the calling thread, like every op there; window fetches asked for while the view
paints are deferred to the next event-loop pass so no model signal fires inside
``data()``.
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app import ops

if TYPE_CHECKING:
    from presale_engine.service import OrderFilter, OrderPage, Service

# Lower runs first: what the seller is looking at before what fills in behind it.
P_HEAD, P_ROWS, P_DETAIL, P_COUNT, P_IDS, P_POLL = range(6)


@dataclass(frozen=True)
class Query:
    """What the table shows: a filter and a sort (in SQL)."""

    filter: OrderFilter
    sort: str = "ship_deadline"
    desc: bool = False


@dataclass
class Loaded:
    """What a (re)load brought: the first page, the count, the ordered ids, and where the
    ids the caller wants to keep (selection, the top row) are now."""

    generation: int
    query: Query
    head: OrderPage | None = None
    total: int | None = None
    ids: array[int] | None = None
    positions: dict[int, int] = field(default_factory=dict)
    same_ids: bool = False  # a refresh whose ids are exactly the old ones
    seconds: dict[str, float] = field(default_factory=dict)


class OrderReader(QObject):
    head_ready = Signal(object)  # Loaded (head filled)
    count_ready = Signal(object)  # Loaded (total filled)
    ids_ready = Signal(object)  # Loaded (ids and positions filled)
    rows_ready = Signal(int, object, object)  # generation, list[OrderView], tag
    tail_ready = Signal(int, object)  # generation, list[OrderView] (last rows, in order)
    detail_ready = Signal(int, object)  # order id, OrderDetail
    token_ready = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.svc: Service | None = None
        self.generation = 0
        self._queue: queue.PriorityQueue[tuple[int, int, Callable[[], None]]] = (
            queue.PriorityQueue())
        self._seq = itertools.count()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self.busy_seconds = 0.0
        # Synchronous mode: deferred jobs run on the next event-loop pass, from one timer
        # (not QTimer.singleShot with a closure: PySide6 miscounts references there).
        self._deferred: list[Callable[[], None]] = []
        self._defer_timer = QTimer(self)
        self._defer_timer.setSingleShot(True)
        self._defer_timer.setInterval(0)
        self._defer_timer.timeout.connect(self._run_deferred)

    # ------------------------------------------------------------------ plumbing
    @property
    def synchronous(self) -> bool:
        return ops.manager().synchronous

    def _submit(self, priority: int, job: Callable[[], None], *, defer: bool = False
                ) -> None:
        if self.synchronous:
            if defer:
                self._deferred.append(job)
                self._defer_timer.start()
            else:
                job()
            return
        if self._thread is None or not self._thread.is_alive():
            self._stopped = False
            self._thread = threading.Thread(target=self._loop, name="order-reader",
                                            daemon=True)
            self._thread.start()
        self._queue.put((priority, next(self._seq), job))

    def _run_deferred(self) -> None:
        jobs, self._deferred = self._deferred, []
        for job in jobs:
            job()

    def _loop(self) -> None:
        while not self._stopped:
            _prio, _n, job = self._queue.get()
            if self._stopped:
                return
            t0 = time.perf_counter()
            try:
                job()
            except Exception as e:  # delivered to the GUI thread
                self.failed.emit(e)
            self.busy_seconds += time.perf_counter() - t0

    def stop(self) -> None:
        """End the thread (after the job it runs)."""
        self._stopped = True
        self._queue.put((-1, -1, lambda: None))
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._thread = None

    def set_service(self, svc: Service | None) -> None:
        self.svc = svc
        self.generation += 1

    def _stale(self, generation: int) -> bool:
        return generation != self.generation

    # ------------------------------------------------------------------ requests
    def load(self, q: Query, page_size: int, *, keep: Sequence[int] = (),
             old_ids: array[int] | None = None) -> int:
        """Start reading ``q``: head page, count, then every id in order. Returns the
        new generation. ``keep``: ids whose new positions the caller wants (selection,
        the top row); ``old_ids``: the ids shown now (a refresh that finds the same
        ones says so, and the view keeps everything)."""
        self.generation += 1
        gen = self.generation
        svc = self.svc
        if svc is None:
            return gen
        res = Loaded(gen, q)
        wanted = set(keep)

        def head() -> None:
            if self._stale(gen):
                return
            t0 = time.perf_counter()
            res.head = svc.orders.page(q.filter, sort=q.sort, desc=q.desc, limit=page_size)
            res.seconds["head"] = time.perf_counter() - t0
            self.head_ready.emit(res)

        def count() -> None:
            if self._stale(gen):
                return
            t0 = time.perf_counter()
            res.total = svc.orders.count(q.filter)
            res.seconds["count"] = time.perf_counter() - t0
            self.count_ready.emit(res)

        def ids() -> None:
            if self._stale(gen):
                return
            t0 = time.perf_counter()
            got = svc.orders.ids(q.filter, sort=q.sort, desc=q.desc,
                                 cancel=lambda: self._stale(gen))
            if self._stale(gen):
                return
            res.ids = got
            if wanted:
                res.positions = {v: i for i, v in enumerate(got) if v in wanted}
            res.same_ids = old_ids is not None and old_ids == got
            res.seconds["ids"] = time.perf_counter() - t0
            self.ids_ready.emit(res)

        self._submit(P_HEAD, head)
        self._submit(P_COUNT, count)
        self._submit(P_IDS, ids)
        return gen

    def rows(self, generation: int, ids: Sequence[int], tag: Any = None) -> None:
        """Fetch the rows of ``ids`` (a window of the table, or a copy's rows)."""
        svc = self.svc
        wanted = list(ids)

        def job() -> None:
            if svc is None or (tag is None and self._stale(generation)):
                return
            self.rows_ready.emit(generation, svc.orders.rows(wanted), tag)

        self._submit(P_ROWS, job, defer=True)

    def tail(self, generation: int, q: Query, n: int) -> None:
        """The last ``n`` rows of ``q`` (a drag to the end before the ids are in)."""
        svc = self.svc

        def job() -> None:
            if svc is None or self._stale(generation):
                return
            page = svc.orders.page(q.filter, sort=q.sort, desc=q.desc, limit=n,
                                   reverse=True)
            self.tail_ready.emit(generation, page.rows)

        self._submit(P_ROWS, job, defer=True)

    def detail(self, order_id: int) -> None:
        svc = self.svc

        def job() -> None:
            if svc is not None:
                self.detail_ready.emit(order_id, svc.orders.detail(order_id))

        self._submit(P_DETAIL, job)

    def poll(self) -> None:
        """Read the change token (cheap: a few index lookups)."""
        svc = self.svc

        def job() -> None:
            if svc is not None:
                self.token_ready.emit(svc.orders.change_token())

        self._submit(P_POLL, job)
