"""Showing errors: engine errors as friendly messages, anything else as a crash report.

``show_error`` is the ONE place that decides how an error reaches the user (Anki's
``qt/aqt/errors.py``): an engine ``PresaleError`` is expected (bad input, a conflict) and
gets a message box whose title and lead sentence are translated by the error's kind
(``category``), never by matching its text, and whose detail is the engine's own text in
the UI language (``err.text(lang)``); an unexpected exception is a bug and gets the crash dialog
with copyable details, after being written to the log file (qutebrowser's crash dialog).
``install_excepthook`` routes uncaught exceptions (including those raised in Qt slots)
to the same place.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    # Dialog classes are imported when first shown: touching a Qt class builds its enums,
    # which start-up should not pay for (see bench/bench_startup.py).
    from PySide6.QtWidgets import QMessageBox, QWidget

    from app.crash_dialog import CrashDialog

APP_NAME = "presale-desk"
LOG_NAME = "presale-desk.log"
MAX_LOG_BYTES = 1_000_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


# --------------------------------------------------------------------------- the log

def log_dir() -> Path:
    """``<user data dir>/logs`` (tests get a temporary HOME, so their own)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "logs"


def log_path() -> Path:
    return log_dir() / LOG_NAME


def write_log(text: str) -> Path | None:
    """Append a dated entry to the log (one backup kept past ~1 MB). Never raises."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_suffix(".log.1"))
        stamp = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
        with path.open("a", encoding="utf-8") as f:
            f.write(f"===== {stamp}\n{text.rstrip()}\n\n")
    except OSError:
        return None
    return path


def describe_environment() -> str:
    import platform

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    try:
        from importlib.metadata import version

        app_version = version("presale-desk")
    except Exception:
        app_version = "unknown"
    plat = QGuiApplication.platformName() if QGuiApplication.instance() else "-"
    return (f"Presale Desk {app_version}; Python {platform.python_version()}; "
            f"PySide6 {pyside_version}; Qt {qVersion()}; {platform.platform()}; "
            f"Qt platform {plat}")


def format_exception(exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> str:
    import traceback

    lines = traceback.format_exception(exc_type, exc, tb)
    return "".join(lines).rstrip() + "\n\n" + describe_environment()


# --------------------------------------------------------------------------- crash dialog

_showing_crash = False

# Headless runs (--screenshot) must never wait on a dialog: errors are printed, kept
# here and reported through the callback instead.
_headless = False
headless_errors: list[BaseException] = []
on_headless_error: Callable[[], None] | None = None


def set_headless(on: bool) -> None:
    global _headless
    _headless = on
    headless_errors.clear()


def _headless_report(exc: BaseException, details: str | None = None) -> None:
    headless_errors.append(exc)
    print(details or f"presale-desk: error: {exc}", file=sys.stderr)
    if on_headless_error is not None:
        on_headless_error()


def show_crash(exc: BaseException, parent: QWidget | None = None, *,
               tb: TracebackType | None = None) -> CrashDialog | None:
    """Log an unexpected exception and show the crash dialog (one at a time)."""
    global _showing_crash
    details = format_exception(type(exc), exc, tb or exc.__traceback__)
    log_file = write_log(details)
    if _headless:
        _headless_report(exc, details)
        return None
    print(details, file=sys.stderr)
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread() or _showing_crash:
        return None
    _showing_crash = True
    try:
        from app.crash_dialog import CrashDialog

        dlg = CrashDialog(details, log_file, parent or QApplication.activeWindow())
        dlg.exec()
        return dlg
    finally:
        _showing_crash = False



# --------------------------------------------------------------------------- engine errors

_TITLES = {
    "not_found": QT_TRANSLATE_NOOP("Errors", "Not found"),
    "input_error": QT_TRANSLATE_NOOP("Errors", "Cannot use this input"),
    "illegal_transition": QT_TRANSLATE_NOOP("Errors", "Not allowed in this state"),
    "conflict": QT_TRANSLATE_NOOP("Errors", "Cannot do that now"),
    "campaign_invalid": QT_TRANSLATE_NOOP("Errors", "The campaign has errors"),
    "database": QT_TRANSLATE_NOOP("Errors", "Database problem"),
    "file": QT_TRANSLATE_NOOP("Errors", "File problem"),
}
_LEADS = {
    "not_found": QT_TRANSLATE_NOOP("Errors", "What you asked for does not exist (any more)."),
    "input_error": QT_TRANSLATE_NOOP("Errors", "The value or file given cannot be used."),
    "illegal_transition": QT_TRANSLATE_NOOP(
        "Errors", "This step is not allowed for the order's current state."),
    "conflict": QT_TRANSLATE_NOOP("Errors", "This contradicts what is already stored."),
    "campaign_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The campaign was not saved. Fix these points and try again:"),
    "database": QT_TRANSLATE_NOOP("Errors", "The database cannot be used."),
    "file": QT_TRANSLATE_NOOP("Errors", "The file cannot be read or written."),
}


def error_title(code: str) -> str:
    """A translated title for an engine error ``code`` (never from the message text)."""
    return _tr(str(_TITLES.get(code, QT_TRANSLATE_NOOP("Errors", "Cannot do that"))))


def error_lead(code: str) -> str:
    fallback = QT_TRANSLATE_NOOP("Errors", "The action was not carried out.")
    return _tr(str(_LEADS.get(code, fallback)))


def _classify(exc: BaseException) -> tuple[str, str] | None:
    """(code, detail) for errors the user can act on; None for bugs."""
    from presale_engine.errors import PresaleError

    if isinstance(exc, PresaleError):
        from app.i18n import message_language

        return exc.category, exc.text(message_language())
    if isinstance(exc, OSError):
        where = exc.filename or ""
        return "file", f"{where}: {exc.strerror or exc}".lstrip(": ")
    if "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, OperationalError):
            return "database", str(exc.orig).strip().splitlines()[0]
    return None


def friendly_box(exc: BaseException, parent: QWidget | None) -> QMessageBox | None:
    """The message box for an expected error, not shown yet (None for a bug)."""
    classified = _classify(exc)
    if classified is None:
        return None
    code, detail = classified
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(error_title(code))
    box.setText(error_lead(code))
    result = getattr(exc, "result", None)
    if result is not None and hasattr(result, "errors"):
        warning = QCoreApplication.translate("Errors", "Warning")
        lines = [f"• {issue_line(i)}" for i in result.errors]
        lines += [f"• {warning}: {issue_line(i)}" for i in result.warnings]
        box.setInformativeText("\n".join(lines[:12]))
        if len(lines) > 12:
            box.setDetailedText("\n".join(lines))
    else:
        box.setInformativeText(detail)
    return box


def error_text(exc: BaseException) -> str:
    """What an error says, in the UI language when the engine words it (``err.text``)."""
    from presale_engine.errors import PresaleError

    if isinstance(exc, PresaleError):
        from app.i18n import message_language

        return exc.text(message_language())
    return str(getattr(exc, "message", None) or exc)


def issue_line(issue: Any) -> str:
    """One engine finding for a list: "Label (where): text", in the UI language.

    ``where`` is the field for people ("item 1 · deposit"), never the dotted path.
    """
    from app.i18n import message_language
    from app.labels import issue_label

    lang = message_language()
    where = issue.where(lang)
    head = f"{issue_label(issue.code)} ({where})" if where else issue_label(issue.code)
    return f"{head}: {issue.text(lang)}"


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user about ``exc``: the one place that decides how."""
    if _headless and _classify(exc) is not None:
        _headless_report(exc)
        return
    box = friendly_box(exc, parent)
    if box is None:
        show_crash(exc, parent)
        return
    box.exec()


# --------------------------------------------------------------------------- hooks

def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return
    if _classify(exc) is not None and QApplication.instance() is not None:
        # An engine error that escaped a slot: still the user's business, not a crash.
        with contextlib.suppress(Exception):
            show_error(None, exc)
            return
    show_crash(exc, tb=tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    details = format_exception(args.exc_type, args.exc_value, args.exc_traceback)
    write_log(f"in thread {args.thread.name if args.thread else '?'}:\n{details}")
    print(details, file=sys.stderr)


def install_excepthook() -> Callable[[], None]:
    """Route uncaught exceptions to the crash dialog; returns a function that undoes it."""
    saved: tuple[Any, Any] = (sys.excepthook, threading.excepthook)
    sys.excepthook = excepthook
    threading.excepthook = _thread_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = saved

    return restore
