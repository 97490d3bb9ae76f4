"""Translations: build the .qm files from the .ts sources, install them, switch live.

Sources are ``resources/i18n/<name>_<lang>.ts`` (ours is ``presale_zh_CN.ts``; the wizard
has its own); every ``*_<lang>.qm`` found is loaded, plus Qt's own ``qtbase_<lang>.qm``
for the standard buttons and dialogs. The .qm files are built, not stored in git:
``build_translations()`` runs ``lrelease`` (scripts/dev.sh setup calls it, and the app
calls it at start when a .qm is missing or older than its .ts, so a fresh clone and the
tests just work).

Switching language removes and installs QTranslators; Qt then sends every widget a
``LanguageChange`` event and each window re-sets its texts (``retranslate_ui``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("zh_CN", "en")
SYSTEM = "system"

_installed: list[QTranslator] = []
_current = "en"


def i18n_dir() -> Path:
    from presale_engine.paths import resources_dir  # light: no engine import before Qt is up

    return resources_dir() / "i18n"


def lrelease_executable() -> Path | None:
    """Qt's lrelease as shipped inside the PySide6 wheel (None when frozen or missing)."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - PySide6 is a hard dependency
        return None
    base = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe"):
        if (base / name).is_file():
            return base / name
    return None


def _stale(ts: Path, qm: Path) -> bool:
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def build_translations(force: bool = False, directory: Path | None = None) -> list[Path]:
    """Compile every stale ``.ts`` in ``directory`` to ``.qm``; returns what was built.

    Writes to a temporary file first, so a concurrent reader never sees half a file.
    Without lrelease (a frozen bundle ships its .qm files) it builds nothing.
    """
    folder = directory or i18n_dir()
    todo = [ts for ts in sorted(folder.glob("*.ts")) if force or _stale(ts, ts.with_suffix(".qm"))]
    if not todo:
        return []
    exe = lrelease_executable()
    if exe is None:
        return []
    import subprocess
    import tempfile

    built = []
    for ts in todo:
        qm = ts.with_suffix(".qm")
        fd, tmp = tempfile.mkstemp(suffix=".qm", dir=folder)
        os.close(fd)
        try:
            proc = subprocess.run([str(exe), "-silent", str(ts), "-qm", tmp],
                                  capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                print(f"presale-desk: lrelease failed for {ts.name}: {proc.stderr.strip()}",
                      file=sys.stderr)
                continue
            os.replace(tmp, qm)
            built.append(qm)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return built


def system_language() -> str:
    """``zh_CN`` when the system speaks Chinese, else English."""
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def resolve(preference: str | None) -> str:
    if preference in LANGUAGES:
        return str(preference)
    if preference == "zh":
        return "zh_CN"
    return system_language()


def current_language() -> str:
    return _current


def message_language() -> str:
    """The language for the engine's own texts (``Issue.text``, ``err.text``): zh or en.

    Asked of the installed translations, not of ``current_language()``: each .ts
    translates the marker "en" (context "Language") to its own language, so the engine's
    texts follow whatever translator is installed, also one a test or the screenshot
    tool installs by itself.
    """
    marker = QCoreApplication.translate("Language", "en")
    return "zh" if marker.lower().startswith("zh") else "en"


def apply_language(lang: str) -> str:
    """Install the translators for ``lang`` (``zh_CN`` / ``en``), replacing the old ones."""
    global _current
    lang = resolve(lang)
    app = QCoreApplication.instance()
    for t in _installed:
        QCoreApplication.removeTranslator(t)
    _installed.clear()
    _current = lang
    from app import labels

    labels.clear_cache()
    if app is not None:
        # English too: its .ts (plurals_en.ts) gives the %n texts their plural forms
        # ("1 order", "2 orders"); Qt's own texts are English already.
        build_translations()
        files = sorted(i18n_dir().glob(f"*_{lang}.qm"))
        if lang != "en":
            qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            files.append(qt_dir / f"qtbase_{lang}.qm")
        for f in files:
            t = QTranslator(app)
            if f.is_file() and t.load(str(f)):
                QCoreApplication.installTranslator(t)
                _installed.append(t)
    QLocale.setDefault(QLocale(lang if lang != "en" else "en_US"))
    if app is not None:
        # Qt posts the LanguageChange events; deliver them now, so every window has
        # its new texts when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        from PySide6.QtWidgets import QApplication

        if isinstance(app, QApplication):
            from app.views.table_fit import fit_all_headers

            fit_all_headers()  # no header cut by the new language's longer words
    return lang


def source_files() -> list[Path]:
    """The Python files whose texts go into ``presale_zh_CN.ts`` (the wizard has its own)."""
    app_dir = Path(__file__).resolve().parent
    files = sorted(app_dir.glob("*.py"))
    for sub in ("views", "models", "dialogs"):
        files += sorted((app_dir / sub).glob("*.py"))
    return files


def update_sources() -> int:
    """Re-run lupdate over the app's sources into ``presale_<lang>.ts`` (developers)."""
    import subprocess

    import PySide6

    exe = Path(PySide6.__file__).resolve().parent / "lupdate"
    code = 0
    for lang in LANGUAGES:
        if lang == "en":
            continue
        ts = i18n_dir() / f"presale_{lang}.ts"
        cmd = [str(exe), *map(str, source_files()), "-no-obsolete", "-locations", "relative",
               "-source-language", "en", "-target-language", lang, "-ts", str(ts)]
        code |= subprocess.run(cmd, check=False).returncode
    return code


if __name__ == "__main__":  # python -m app.i18n [build|update]
    what = sys.argv[1] if len(sys.argv) > 1 else "build"
    if what == "update":
        sys.exit(update_sources())
    for qm in build_translations(force="--force" in sys.argv):
        print(f"built {qm}")
