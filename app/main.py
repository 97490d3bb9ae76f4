"""Entry point of ``presale-desk`` and ``python -m app``.

    presale-desk [--db PATH|URL] [--lang zh|en]
    presale-desk --db demo.sqlite3 --screenshot out.png [--page orders] [--lang zh]

Which database opens: ``--db``; else the shared database URL from the preferences; else
the last one used; else a start dialog offers to open a file, create one or open the
demo shop (built in the background the first time). ``--screenshot`` renders the window
at 1366x768 once the page has loaded, saves it and exits (works offscreen).

Start-up is kept short: only Qt and the app's own small modules load before the window
shows; the engine (SQLAlchemy, Alembic) is imported by the worker thread that opens the
database, and openpyxl/reportlab only when an import, export or print needs them.
``--timing`` prints where the time went (bench/bench_startup.py uses it).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

_T0 = time.perf_counter()

SCREENSHOT_SIZE = (1366, 768)
READY_TIMEOUT_MS = 180_000
PAGES = ("dashboard", "campaigns", "orders", "inventory", "alerts")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="presale-desk",
                                description="Presale Desk (预售管家): presale campaigns "
                                            "from setup to shipment.")
    p.add_argument("--db", help="database file or URL (default: the last one used)")
    p.add_argument("--lang", choices=["zh", "en"],
                   help="language for this run (default: the preference, else the system's)")
    p.add_argument("--page", choices=PAGES, help="page to show first")
    p.add_argument("--screenshot", metavar="PATH",
                   help="save a 1366x768 picture of the window once loaded, then exit")
    p.add_argument("--timing", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--check-install", action="store_true",
                   help="check that the fonts, translations, presets and migrations the "
                        "app reads from disk are in place, then exit")
    return p


class _Marks:
    """Start-up milestones, for ``--timing``."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float]] = [("main() entered", time.perf_counter())]

    def __call__(self, what: str) -> None:
        self.marks.append((what, time.perf_counter()))

    def report(self) -> str:
        lines = []
        prev = _T0
        for what, t in self.marks:
            lines.append(f"{(t - _T0) * 1000:8.1f} ms  (+{(t - prev) * 1000:6.1f})  {what}")
            prev = t
        return "\n".join(lines)


def _load_stylesheet() -> str:
    from presale_engine.paths import resources_dir  # light: no engine import before Qt is up

    path = resources_dir() / "styles" / "presale.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def create_app(argv: list[str] | None = None) -> Any:
    """The QApplication (an existing one is reused: tests), named for QSettings."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from app import settings as prefs

    QApplication.setOrganizationName(prefs.ORGANIZATION)
    QApplication.setApplicationName(prefs.APPLICATION)
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "presale-desk", *(argv or [])])
    QGuiApplication.setDesktopFileName("presale-desk")
    icon = app_icon_path()
    if icon is not None:
        from PySide6.QtGui import QIcon

        QApplication.setWindowIcon(QIcon(str(icon)))
    return app


def app_icon_path() -> Path | None:
    """The window icon: in the bundle's resources, else the source tree's packaging/."""
    from presale_engine.paths import resources_dir  # light: no engine import before Qt is up

    for path in (resources_dir() / "icons" / "presale-desk.png",
                 Path(__file__).resolve().parent.parent / "packaging" / "icons"
                 / "presale-desk.png"):
        if path.is_file():
            return path
    return None


def start_target(args: argparse.Namespace) -> tuple[str, bool] | None:
    """(database to open, remember it) at start: ``--db``, the shared URL, the last one."""
    from app import settings as prefs
    from app.targets import is_url

    if args.db:
        return args.db, True
    shared = prefs.get_str(prefs.SHARED_URL)
    if shared:
        return shared, False
    last = prefs.get_str(prefs.LAST_DB)
    if last and (is_url(last) or Path(last).is_file()):
        return last, True
    return None


def _start_dialog(window: Any) -> None:
    from app.dialogs.start_dialog import StartDialog

    dlg = StartDialog(window)
    if dlg.exec() and dlg.choice is not None:
        kind, target = dlg.choice
        if kind == "demo":
            window.open_demo()
        else:
            window.open_target(target)


def _wait_until_ready(app: Any, window: Any, page: str) -> bool:
    """Run the event loop until ``page`` and the status bar have loaded (or an error)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from app import errors

    loop = QEventLoop()
    state = {"page": False, "status": False}

    def check() -> None:
        if errors.headless_errors or (state["page"] and state["status"]):
            loop.quit()

    def page_ready(name: str) -> None:
        if name == page:
            state["page"] = True
        check()

    def status_ready() -> None:
        state["status"] = True
        check()

    window.page_ready.connect(page_ready)
    window.status_ready.connect(status_ready)
    errors.on_headless_error = check
    # With a synchronous task manager (tests) everything may be done already.
    state["page"] = window.pages[page].ready
    state["status"] = window.status_counts is not None
    if state["page"] and state["status"]:
        window.page_ready.disconnect(page_ready)
        window.status_ready.disconnect(status_ready)
        errors.on_headless_error = None
        return True
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(READY_TIMEOUT_MS)
    loop.exec()
    timer.stop()
    errors.on_headless_error = None
    window.page_ready.disconnect(page_ready)
    window.status_ready.disconnect(status_ready)
    app.processEvents()
    return state["page"] and not errors.headless_errors


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.check_install:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        create_app()
        from app.install_check import run

        return run()
    marks = _Marks()
    headless = bool(args.screenshot or args.exit_when_ready)
    if headless and not any(os.environ.get(v) for v in
                            ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen

    app = create_app()
    marks("QApplication")
    from app import errors

    restore_hook = errors.install_excepthook()
    errors.set_headless(headless)
    try:
        return _run(app, args, marks, headless)
    finally:
        errors.set_headless(False)
        restore_hook()


def _run(app: Any, args: argparse.Namespace, marks: _Marks, headless: bool) -> int:
    from app import fonts, i18n, ops
    from app import settings as prefs
    from app.databases import Opening

    # Start opening the database at once: the worker imports the engine and reads the
    # first figures while this thread builds the window.
    start = start_target(args)
    # A headless run (--screenshot) leaves the user's recent list and window alone.
    opening = Opening(start[0], remember=start[1] and not headless) if start else None
    marks("database opening started (worker)")
    fonts.load_cjk_font(app)
    lang = {"zh": "zh_CN", "en": "en"}.get(args.lang or "") or prefs.get_str(
        prefs.LANGUAGE, i18n.SYSTEM)
    i18n.apply_language(lang)
    style = _load_stylesheet()
    if style:
        app.setStyleSheet(style)
    marks("font, translations, style")

    from app.main_window import MainWindow

    marks("window modules imported")
    window = MainWindow()
    window.save_state_on_close = not headless
    if args.page:
        window.show_page(args.page)
    elif not headless:
        last_page = prefs.get_str(prefs.PAGE)
        if last_page in PAGES:
            window.show_page(last_page)
        geometry = prefs.settings().value(prefs.GEOMETRY)
        if geometry is not None:
            window.restoreGeometry(geometry)
    if headless:
        window.resize(*SCREENSHOT_SIZE)
    marks("window built")
    window.show()
    marks("window shown")
    if opening is not None:
        window.adopt(opening)
    elif headless:
        window.open_demo(remember=False)

    if headless:
        return _finish_headless(app, window, args, marks)
    if opening is None:
        _start_dialog(window)
    if args.timing:
        def ready(_name: str) -> None:
            window.page_ready.disconnect(ready)
            marks("first page populated")
            print(marks.report(), file=sys.stderr)
        window.page_ready.connect(ready)
    code = app.exec()
    ops.manager().shutdown()
    _dispose(app, window)
    return int(code)


def _dispose(app: Any, window: Any) -> None:
    """Close the database and delete the window before Python tears down (PySide6
    destroying widgets in garbage-collection order at exit can crash)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if window.ctx is not None:
        window.ctx.svc.db.dispose()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _print_worker_timing(window: Any) -> None:
    """What the worker thread spent (it overlaps the window's construction)."""
    timing = dict(getattr(window, "opening_timing", {}))
    page = window.current_page()
    timing[f"read the {page.name} page's data"] = page.fetch_seconds
    for what, seconds in timing.items():
        print(f"  worker: {seconds * 1000:8.1f} ms  {what}", file=sys.stderr)


def _finish_headless(app: Any, window: Any, args: argparse.Namespace, marks: _Marks) -> int:
    """--screenshot / --exit-when-ready: wait for the data, save the picture, close."""
    from app import ops

    ok = _wait_until_ready(app, window, window.current_page().name)
    marks("first page populated, status bar filled")
    if args.screenshot and ok:
        out = Path(args.screenshot)
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(out))
        marks("screenshot saved")
    if args.timing or args.exit_when_ready:
        print(marks.report(), file=sys.stderr)
        _print_worker_timing(window)
        print(f"ready {(time.perf_counter() - _T0) * 1000:.1f} ms", file=sys.stderr)
    ops.manager().wait_idle()
    window.close()
    _dispose(app, window)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
