"""The Op helper: work off the GUI thread, results on it, one at a time, cancel, progress."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from app import ops


@pytest.fixture
def manager(qapp: Any) -> Any:
    m = ops.TaskManager()
    yield m
    m.shutdown()
    m.deleteLater()


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot: Any,
                                                                       manager: Any) -> None:
    gui = threading.get_ident()
    seen: dict[str, Any] = {}

    def work(task: ops.Task) -> int:
        seen["work"] = threading.get_ident()
        return 42

    with qtbot.waitSignal(manager.finished, timeout=5000):
        manager.run(work, on_success=lambda r: seen.update(result=r,
                                                           callback=threading.get_ident()))
    assert seen["work"] != gui
    assert seen["callback"] == gui
    assert seen["result"] == 42


def test_a_failure_goes_to_the_failure_callback(qtbot: Any, manager: Any) -> None:
    got: list[BaseException] = []

    def work(task: ops.Task) -> None:
        raise ValueError("boom")

    with qtbot.waitSignal(manager.finished, timeout=5000):
        manager.run(work, on_success=lambda r: pytest.fail("no success expected"),
                    on_failure=got.append)
    assert isinstance(got[0], ValueError)


def test_without_a_failure_callback_the_error_is_shown(qtbot: Any, manager: Any,
                                                       shown: Any) -> None:
    from presale_engine.errors import Conflict

    with qtbot.waitSignal(manager.finished, timeout=5000):
        manager.run(lambda t: (_ for _ in ()).throw(Conflict("taken")))
    assert [type(e) for e in shown.errors] == [Conflict]
    shown.errors.clear()


def test_ops_run_one_at_a_time_in_order(qtbot: Any, manager: Any) -> None:
    running = 0
    peak = 0
    order: list[int] = []
    lock = threading.Lock()

    def work(n: int) -> Any:
        def fn(task: ops.Task) -> int:
            nonlocal running, peak
            with lock:
                running += 1
                peak = max(peak, running)
            time.sleep(0.02)
            with lock:
                running -= 1
            order.append(n)
            return n
        return fn

    tasks = [manager.run(work(n)) for n in range(5)]
    qtbot.waitUntil(lambda: all(t.done for t in tasks), timeout=5000)
    assert peak == 1
    assert order == [0, 1, 2, 3, 4]


def test_cancel_stops_the_work_quietly(qtbot: Any, manager: Any) -> None:
    started = threading.Event()
    results: list[Any] = []

    def work(task: ops.Task) -> str:
        started.set()
        for _ in range(500):
            task.check()  # the engine's way: look at the flag between steps
            time.sleep(0.01)
        return "finished"

    task = manager.run(work, on_success=results.append, on_failure=results.append,
                       cancellable=True)
    assert started.wait(5)
    with qtbot.waitSignal(manager.finished, timeout=5000):
        task.cancel()
    assert task.cancelled()
    assert isinstance(task.error, ops.Cancelled)
    assert results == []  # neither callback: a cancel is not an error


def test_progress_dialog_only_after_half_a_second_and_its_cancel_button_works(
        qtbot: Any, manager: Any) -> None:
    release = threading.Event()

    def work(task: ops.Task) -> None:
        task.progress(1, 10)
        while not task.cancelled() and not release.is_set():
            time.sleep(0.01)
        task.check()

    def dialogs() -> list[QProgressDialog]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]

    quick = manager.run(lambda t: None, label="quick")
    qtbot.waitUntil(lambda: quick.done, timeout=5000)
    qtbot.wait(ops.PROGRESS_DELAY_MS + 100)
    assert dialogs() == []

    task = manager.run(work, label="Working…", cancellable=True)
    qtbot.wait(200)
    assert dialogs() == []  # not before the delay
    qtbot.waitUntil(lambda: len(dialogs()) == 1, timeout=3000)
    dlg = dialogs()[0]
    assert dlg.labelText() == "Working…"
    button = dlg.findChild(QPushButton)
    assert button is not None
    with qtbot.waitSignal(manager.finished, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert task.cancelled()
    release.set()
    qtbot.waitUntil(lambda: dialogs() == [], timeout=3000)


def test_synchronous_mode_runs_inline(qapp: Any) -> None:
    m = ops.TaskManager(synchronous=True)
    got: list[int] = []
    task = m.run(lambda t: 7, on_success=got.append)
    assert task.done
    assert got == [7]
    m.deleteLater()
