"""Run engine calls off the GUI thread: one worker, callbacks back on the GUI thread.

The pattern is Anki's (``qt/aqt/operations``, ``taskman.py``, ``progress.py``): every
piece of database work goes to ONE worker thread, so writes happen one at a time and in
the order they were asked for; the caller gets ``on_success(result)`` or
``on_failure(error)`` on the GUI thread; a progress dialog appears only when the work
lasts more than about half a second; cancelling sets a flag the work function looks at
(``task.cancelled()`` / ``task.check()``), the engine's way of being stopped.

Unit tests use ``TaskManager(synchronous=True)``: the work runs at once on the calling
thread and the callbacks follow, so a test needs no waiting. The real pool is for the
application and for the tests of this module (``qtbot.waitSignal(manager.finished)``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.pyside_fix import protect_bools

protect_bools()  # every page and model comes through here (see app/pyside_fix.py)

# How long work may run before a progress dialog appears (Anki uses 600 ms).
PROGRESS_DELAY_MS = 500


class Cancelled(Exception):
    """Raised by work that saw the cancel flag; the op ends quietly."""


class Task:
    """What the work function receives: the cancel flag and a way to report progress.

    ``cancelled`` is a plain callable so it can be handed to engine functions that take
    ``cancel: Callable[[], bool]``; ``progress(done, total)`` likewise.
    """

    def __init__(self, manager: TaskManager, label: str | None, cancellable: bool) -> None:
        self._manager = manager
        self._flag = threading.Event()
        self._last_report = 0.0
        self.label = label
        self.cancellable = cancellable
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._flag.set()

    def cancelled(self) -> bool:
        return self._flag.is_set()

    def check(self) -> None:
        """Stop the work here if the user cancelled."""
        if self._flag.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int | None = None, label: str | None = None) -> None:
        """Report progress from the work (any thread); at most ~20 updates a second."""
        now = time.monotonic()
        if total is not None and done < total and now - self._last_report < 0.05:
            return
        self._last_report = now
        self._manager._progressed.emit(self, int(done), int(total or 0), label or "")


Work = Callable[[Task], Any]
SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]


class _Pending:
    """One queued op: the work, its callbacks and its (late) progress dialog."""

    def __init__(self, task: Task, fn: Work, parent: QWidget | None,
                 on_success: SuccessCallback | None, on_failure: FailureCallback | None
                 ) -> None:
        self.task = task
        self.fn = fn
        self.parent = parent
        self.on_success = on_success
        self.on_failure = on_failure
        self.dialog: QProgressDialog | None = None


class TaskManager(QObject):
    """Owns the single database worker. ``finished(task)`` fires after the callbacks ran."""

    finished = Signal(object)
    # Worker -> GUI thread. Emitted from the worker; this object lives on the GUI thread,
    # so Qt queues the call and the slots run there.
    _done = Signal(object)
    _progressed = Signal(object, int, int, str)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one worker: database writes one at a time
        self._pending: dict[int, _Pending] = {}
        self._done.connect(self._on_done)
        self._progressed.connect(self._on_progress)

    # ------------------------------------------------------------------ public
    def run(self, fn: Work, *, parent: QWidget | None = None,
            on_success: SuccessCallback | None = None,
            on_failure: FailureCallback | None = None,
            label: str | None = None, cancellable: bool = False) -> Task:
        """Queue ``fn(task)`` on the worker. ``label`` enables the late progress dialog.

        Without ``on_failure`` an error is shown by ``app.errors.show_error`` (engine
        errors as friendly messages, anything else as a crash report).
        """
        task = Task(self, label, cancellable)
        pending = _Pending(task, fn, parent, on_success, on_failure)
        self._pending[id(task)] = pending
        if self.synchronous:
            self._execute(pending)
            self._on_done(task)
            return task
        if label:
            QTimer.singleShot(PROGRESS_DELAY_MS, self, lambda: self._show_progress(pending))
        self._pool.start(lambda: self._work(pending))
        return task

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every queued op has finished (tests, shutdown)."""
        deadline = time.monotonic() + timeout_ms / 1000
        app = QApplication.instance()
        while self._pending and time.monotonic() < deadline:
            self._pool.waitForDone(10)
            if app is not None:
                app.processEvents()
        return not self._pending

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Cancel what can be cancelled and wait for the worker (on quit)."""
        for p in self._pending.values():
            p.task.cancel()
        self._pool.waitForDone(timeout_ms)

    # ------------------------------------------------------------------ worker side
    @staticmethod
    def _execute(pending: _Pending) -> None:
        task = pending.task
        try:
            task.check()
            task.result = pending.fn(task)
        except BaseException as e:  # delivered to on_failure on the GUI thread
            task.error = e

    def _work(self, pending: _Pending) -> None:
        self._execute(pending)
        self._done.emit(pending.task)

    # ------------------------------------------------------------------ GUI side
    @Slot(object)
    def _on_done(self, task: Task) -> None:
        pending = self._pending.pop(id(task), None)
        if pending is None:
            return
        task.done = True
        if pending.dialog is not None:
            pending.dialog.hide()
            pending.dialog.deleteLater()
            pending.dialog = None
        parent_gone = pending.parent is not None and not shiboken6.isValid(pending.parent)
        try:
            if parent_gone:
                return  # the window that asked was closed: nobody to tell
            if task.error is None:
                if pending.on_success is not None:
                    pending.on_success(task.result)
            elif isinstance(task.error, Cancelled) or task.cancelled():
                pass  # the user stopped it: the engine's own "cancelled" error is no news
            elif pending.on_failure is not None:
                pending.on_failure(task.error)
            else:
                from app.errors import show_error

                show_error(pending.parent, task.error)
        finally:
            self.finished.emit(task)

    def _show_progress(self, pending: _Pending) -> None:
        task = pending.task
        if task.done or pending.dialog is not None:
            return
        parent = pending.parent if pending.parent is not None and shiboken6.isValid(
            pending.parent) else None
        dlg = QProgressDialog(task.label or "", self.tr("Cancel"), 0, 0, parent)
        dlg.setWindowTitle(self.tr("Please wait"))
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setMinimumWidth(360)
        if not task.cancellable:
            dlg.setCancelButton(None)
        dlg.canceled.connect(task.cancel)
        pending.dialog = dlg
        dlg.show()

    @Slot(object, int, int, str)
    def _on_progress(self, task: Task, done: int, total: int, label: str) -> None:
        pending = self._pending.get(id(task))
        if pending is None or pending.dialog is None:
            return
        dlg = pending.dialog
        if total > 0:
            dlg.setMaximum(total)
            dlg.setValue(min(done, total))
        if label:
            dlg.setLabelText(label)


_manager: TaskManager | None = None


def manager() -> TaskManager:
    """The application's task manager (made on first use, owned by the QApplication)."""
    global _manager
    if _manager is None or not shiboken6.isValid(_manager):
        _manager = TaskManager(QApplication.instance())
    return _manager


def set_manager(m: TaskManager | None) -> None:
    """Use ``m`` from now on (tests install a synchronous one)."""
    global _manager
    _manager = m


def run(fn: Work, **kwargs: Any) -> Task:
    """Shortcut for ``manager().run(fn, ...)``."""
    return manager().run(fn, **kwargs)
