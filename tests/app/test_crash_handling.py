"""Crash handling: uncaught exceptions are logged and shown with copyable details."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from app import errors


def test_crash_hook_writes_the_log_and_builds_the_dialog(qapp: Any, shown: Any) -> None:
    try:
        raise RuntimeError("something broke")
    except RuntimeError:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None
    assert exc is not None
    errors.excepthook(exc_type, exc, tb)
    log = errors.log_path()
    assert log.is_file()
    text = log.read_text("utf-8")
    assert "RuntimeError: something broke" in text
    assert "Traceback" in text
    assert len(shown.crashes) == 1
    assert "something broke" in shown.crashes[0]
    assert "PySide6" in shown.crashes[0]
    shown.crashes.clear()


def test_crash_dialog_copies_its_details(qtbot: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    from app.crash_dialog import CrashDialog

    dlg = CrashDialog("Traceback: details here", errors.log_path())
    qtbot.addWidget(dlg)
    assert dlg.details.isReadOnly()
    assert str(errors.log_path()) in dlg.intro.text()
    dlg.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Traceback: details here"


def test_engine_errors_are_friendly_not_crashes(qapp: Any, shown: Any) -> None:
    from presale_engine.errors import Conflict, NotFound

    errors.excepthook(Conflict, Conflict("campaign #3 is approved"), None)
    assert [type(e) for e in shown.errors] == [Conflict]
    assert shown.crashes == []
    shown.errors.clear()
    box = errors.friendly_box(NotFound("there is no order #9"), None)
    assert box is not None
    assert box.windowTitle() == "Not found"
    assert box.informativeText() == "there is no order #9"
    box.deleteLater()
    assert errors.friendly_box(ValueError("bug"), None) is None  # a bug is a crash


def test_install_and_restore_the_hook() -> None:
    before = sys.excepthook
    restore = errors.install_excepthook()
    assert sys.excepthook is errors.excepthook
    restore()
    assert sys.excepthook is before


def test_headless_mode_reports_instead_of_showing(qapp: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from presale_engine.errors import InputError

    monkeypatch.undo()  # the real show_error, not the recorder
    errors.set_headless(True)
    try:
        errors.show_error(None, InputError("bad file"))
        assert [str(e) for e in errors.headless_errors] == ["bad file"]
    finally:
        errors.set_headless(False)
