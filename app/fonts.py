"""The shipped CJK font, so Chinese renders on machines that have none installed.

``resources/fonts/wqy-microhei.ttc`` (WenQuanYi Micro Hei, Apache-2.0, licence beside it)
is registered with Qt and appended to the application font's family list: Latin text
keeps the system font, and any glyph it lacks (Chinese) falls back to Micro Hei.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

FONT_FILE = "wqy-microhei.ttc"

_family: str | None = None


def load_cjk_font(app: QApplication) -> str | None:
    """Register the shipped font and make it the CJK fallback; returns its family."""
    global _family
    from presale_engine.paths import resources_dir  # light: no engine import before Qt is up

    if _family is None:
        path = resources_dir() / "fonts" / FONT_FILE
        if not path.is_file():
            return None
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            return None
        _family = families[0]
    font = app.font()
    fams = [f for f in font.families() or [font.family()] if f != _family]
    font.setFamilies([*fams, _family])
    app.setFont(font)
    return _family
