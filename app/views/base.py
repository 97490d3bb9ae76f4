"""What every page shares: its database context, lazy loading through ops, retranslation.

A page loads when it is first shown (and again after ``mark_stale``), on the worker, so
start-up only pays for the page on screen. ``loaded`` fires once its data is in place
(tests and ``--screenshot`` wait for it). A result that arrives after the context
changed is dropped (the generation counter).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import ops
from app.context import DeskContext


class Page(QWidget):
    loaded = Signal()
    # The page changed data (a write): the window refreshes the others and the status bar.
    data_changed = Signal()
    # A page asks the window to go to the orders page with these filter settings.
    open_orders = Signal(dict)
    # A page asks the window to show another page (by ``name``).
    navigate = Signal(str)
    # A short note for the status bar ("Campaign created").
    message = Signal(str)
    # A first step an empty page offers: "import" (orders), "demo", "new_campaign".
    request = Signal(str)

    # Stable name used by ``--page`` and the settings (``dashboard``, ``orders``...).
    name = "page"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: DeskContext | None = None
        self._stale = True
        self._generation = 0
        self.loading = False
        self.fetch_seconds = 0.0  # the last fetch on the worker (--timing)

    def page_layout(self) -> tuple[QVBoxLayout, QLabel, QLabel]:
        """The layout every page starts with: the heading on the left and a short
        figure (counts, totals) on the right. Returns (layout, heading, figure)."""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 8)
        top = QHBoxLayout()
        heading = QLabel()
        heading.setObjectName("PageHeading")
        top.addWidget(heading)
        top.addStretch(1)
        figure = QLabel()
        top.addWidget(figure)
        lay.addLayout(top)
        return lay, heading, figure

    # ------------------------------------------------------------------ to override
    def nav_title(self) -> str:
        return self.name

    def retranslate_ui(self) -> None:
        pass

    def fetch(self, ctx: DeskContext) -> Any:
        """Read what the page shows (runs on the worker: no widgets here)."""
        return None

    def apply(self, data: Any) -> None:
        """Put fetched data on screen (GUI thread)."""

    def clear(self) -> None:
        """Forget the shown data (another database is opening)."""

    # ------------------------------------------------------------------ loading
    def set_context(self, ctx: DeskContext | None) -> None:
        self.ctx = ctx
        self._generation += 1
        self._stale = True
        self.loading = False
        self.clear()

    def mark_stale(self) -> None:
        self._stale = True

    @property
    def stale(self) -> bool:
        return self._stale

    @property
    def ready(self) -> bool:
        """Its data is on screen and current."""
        return self.ctx is not None and not self._stale and not self.loading

    def ensure_loaded(self) -> None:
        if self._stale and not self.loading:
            self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        self._stale = False
        self.run(lambda _task: self._timed_fetch(ctx), self._applied)

    def _timed_fetch(self, ctx: DeskContext) -> Any:
        import time

        t0 = time.perf_counter()
        try:
            return self.fetch(ctx)
        finally:
            self.fetch_seconds = time.perf_counter() - t0

    def fresh(self, data: Any) -> None:
        """Show data read elsewhere as this page's current load (no fetch of its own)."""
        if self.ctx is None:
            return
        self._stale = False
        self._applied(data)

    def _applied(self, data: Any) -> None:
        self.apply(data)
        self.loaded.emit()

    def run(self, fn: Callable[[ops.Task], Any], on_success: Callable[[Any], None], *,
            label: str | None = None, changes_data: bool = False) -> ops.Task:
        """Run ``fn`` on the worker; ``on_success`` only if the context is still ours."""
        generation = self._generation
        self.loading = True

        def done(result: Any) -> None:
            if generation != self._generation:
                return
            self.loading = False
            on_success(result)
            if changes_data:
                self.data_changed.emit()

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
            from app.errors import show_error

            show_error(self, error)

        return ops.run(fn, parent=self, on_success=done, on_failure=failed, label=label)

    # ------------------------------------------------------------------ events
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
