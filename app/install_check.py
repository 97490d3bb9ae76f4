"""``presale-desk --check-install``: is everything the app reads from disk where it looks?

Made for the packaged app (``packaging/build.sh --smoke`` runs it on the PyInstaller
bundle) and for support: it prints where the resources are found (``sys._MEIPASS``
when frozen) and checks each thing the app loads by path at run time, the ones a
bundle can silently lack: the CJK font, the style sheet, the column presets, the ship
sheet layouts, the import template, the compiled translations, Alembic's migration
scripts (read from disk, not imported), the time zone data, and the compiled readers
and drivers. Exit status 0 when nothing is missing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def _checks() -> list[tuple[str, Callable[[], str]]]:
    from presale_engine.service.setup import engine_checks, resources_dir

    res = resources_dir()
    engine = dict(engine_checks())

    def files(sub: str, pattern: str, least: int = 1) -> Callable[[], str]:
        def check() -> str:
            found = sorted((res / sub).glob(pattern))
            if len(found) < least:
                raise FileNotFoundError(f"{res / sub}/{pattern}: {len(found)} found, "
                                        f"{least} needed")
            return ", ".join(p.name for p in found)
        return check

    def translations() -> str:
        from PySide6.QtCore import QTranslator

        out = []
        for qm in sorted((res / "i18n").glob("*_zh_CN.qm")):
            if not QTranslator().load(str(qm)):
                raise OSError(f"{qm}: Qt cannot load it")
            out.append(qm.name)
        if len(out) < 2:
            raise FileNotFoundError(f"{res / 'i18n'}: presale_ and wizard_zh_CN.qm needed")
        return ", ".join(out)

    def qt_translations() -> str:
        from PySide6.QtCore import QLibraryInfo

        path = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        qm = path / "qtbase_zh_CN.qm"
        if not qm.is_file():
            raise FileNotFoundError(f"{qm} (standard buttons stay in English)")
        return str(qm)

    def zones() -> str:
        import zoneinfo

        names = ("Asia/Shanghai", "America/Los_Angeles", "Asia/Bangkok")
        for name in names:
            zoneinfo.ZoneInfo(name)
        # And from the tzdata package alone, as on a system without zoneinfo files.
        zoneinfo.reset_tzpath(to=[])
        try:
            for name in names:
                zoneinfo.ZoneInfo.no_cache(name)
        finally:
            zoneinfo.reset_tzpath()
        return ", ".join(names) + " (system and tzdata)"

    def drivers() -> str:
        import sqlite3

        import psycopg

        return (f"sqlite3 (SQLite {sqlite3.sqlite_version}), psycopg {psycopg.__version__} "
                f"(libpq wrapper: {psycopg.pq.__impl__})")

    def modules(*names: str) -> Callable[[], str]:
        def check() -> str:
            import importlib

            for name in names:
                importlib.import_module(name)
            return ", ".join(names)
        return check

    return [
        ("resources", lambda: str(res) if res.is_dir() else str(res) + " is not a folder"),
        ("font", files("fonts", "*.ttc")),
        ("style sheet", files("styles", "*.qss")),
        ("column presets", engine["column presets"]),
        ("ship sheets", files("ship_sheets", "*.json", 4)),
        ("import template", files("templates", "orders_template.csv")),
        ("translations", translations),
        ("Qt's own translations", qt_translations),
        ("migrations", engine["migrations"]),
        ("time zones", zones),
        ("readers and writers", modules("python_calamine", "openpyxl", "xlsxwriter")),
        ("database drivers", drivers),
    ]


def run(out: Callable[[str], None] = print) -> int:
    frozen = bool(getattr(sys, "frozen", False))
    where = f"frozen: {getattr(sys, '_MEIPASS', '?')}" if frozen else "from source"
    out(f"Presale Desk install check ({where})")
    failed = 0
    for what, check in _checks():
        try:
            detail = check()
        except Exception as exc:  # each check reports; none stops the others
            failed += 1
            out(f"MISSING  {what}: {type(exc).__name__}: {exc}")
        else:
            out(f"ok       {what}: {detail}")
    out("all present" if not failed else f"{failed} missing")
    return 1 if failed else 0
