"""Fixtures for the GUI tests: a small demo shop, a synchronous task manager, no dialogs.

Nothing here may block: QMessageBox/QFileDialog/QInputDialog statics and the error
display are replaced by recorders (a test that expects one says what it answers and
checks what was shown); an error shown that no test asked about fails the test.
QSettings is pointed at the test's own folder (Qt reads XDG_CONFIG_HOME only once).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

#: The demo's "now" (tests/conftest.py's NOW): 2026-11-22 12:00 in Shanghai.
NOW = datetime(2026, 11, 22, 4, 0, tzinfo=UTC)
DEMO_ORDERS = 300


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@dataclass
class Shown:
    """What the code under test tried to show the user."""

    messages: list[tuple[str, str, str]] = field(default_factory=list)  # kind, title, text
    errors: list[BaseException] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)  # what stubs return, by kind
    real_show_error: Any = None  # for tests of the real thing

    def kinds(self) -> list[str]:
        return [m[0] for m in self.messages]


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[Shown]:
    """Record message boxes, file dialogs, input dialogs and errors instead of showing."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from app import crash_dialog, errors

    rec = Shown(real_show_error=errors.show_error)

    def box(kind: str, default: Any) -> Any:
        def show(_parent: Any, title: str, text: str, *_a: Any, **_k: Any) -> Any:
            rec.messages.append((kind, title, text))
            return rec.answers.get(kind, default)
        return staticmethod(show)

    SB = QMessageBox.StandardButton
    monkeypatch.setattr(QMessageBox, "information", box("information", SB.Ok))
    monkeypatch.setattr(QMessageBox, "warning", box("warning", SB.Ok))
    monkeypatch.setattr(QMessageBox, "critical", box("critical", SB.Ok))
    monkeypatch.setattr(QMessageBox, "question", box("question", SB.No))
    monkeypatch.setattr(QMessageBox, "about", box("about", None))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", box("open_file", ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", box("save_file", ("", "")))
    monkeypatch.setattr(QInputDialog, "getText", box("get_text", ("", False)))
    monkeypatch.setattr(errors, "show_error", lambda _p, e: rec.errors.append(e))
    monkeypatch.setattr(crash_dialog.CrashDialog, "exec",
                        lambda self: rec.crashes.append(self.details.toPlainText()) or 0)
    yield rec
    if rec.errors or rec.crashes:
        unexpected = rec.errors or rec.crashes
        rec.errors, rec.crashes = [], []
        pytest.fail(f"the test showed errors it did not expect: {unexpected!r}")


@pytest.fixture
def sync_ops(qapp: Any) -> Iterator[Any]:
    """Ops run at once on the calling thread (no waiting in unit tests)."""
    from app import ops

    manager = ops.TaskManager(synchronous=True)
    ops.set_manager(manager)
    yield manager
    ops.set_manager(None)
    manager.deleteLater()


@pytest.fixture
def threaded_ops(qapp: Any) -> Iterator[Any]:
    """The real task manager (one worker thread), as the application runs it."""
    from app import ops

    manager = ops.TaskManager()
    ops.set_manager(manager)
    yield manager
    manager.wait_idle()
    manager.shutdown()
    ops.set_manager(None)
    manager.deleteLater()


@pytest.fixture(autouse=True)
def _english_after(qapp: Any) -> Iterator[None]:
    """Every test starts and ends in English with the default look."""
    from app import i18n

    i18n.apply_language("en")
    font = qapp.font()
    yield
    i18n.apply_language("en")
    qapp.setStyleSheet("")
    qapp.setFont(font)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small demo shop per test session; tests get copies of the file."""
    from presale_engine.demo import generate_demo
    from presale_engine.service import Service, fixed_clock
    from presale_engine.store import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path)
    generate_demo(Service(db, clock=fixed_clock(NOW), actor="test"), orders=DEMO_ORDERS)
    db.dispose()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "x.sqlite3"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def svc(demo_path: Path) -> Iterator[Any]:
    """The service on a copy of the demo shop, the clock fixed at NOW."""
    from presale_engine.service import Service, fixed_clock
    from presale_engine.store import open_database

    db = open_database(demo_path)
    service = Service(db, clock=fixed_clock(NOW), actor="test")
    yield service
    db.dispose()


@pytest.fixture
def empty_svc(tmp_path: Path) -> Iterator[Any]:
    """The service on a new, empty database (imports are counted exactly), clock at NOW."""
    from presale_engine.service import Service, fixed_clock
    from presale_engine.store import open_database

    db = open_database(tmp_path / "empty.sqlite3")
    service = Service(db, clock=fixed_clock(NOW), actor="test")
    yield service
    db.dispose()


@pytest.fixture
def ctx(svc: Any) -> Any:
    from app.context import DeskContext

    return DeskContext.for_service(svc)


@pytest.fixture
def window(qtbot: Any, ctx: Any, sync_ops: Any) -> Any:
    """The main window on the demo shop, ops synchronous."""
    from app.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.set_context(ctx)
    return w


# The offscreen platform says this whenever a dialog is shown; it is not our warning.
_OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))
