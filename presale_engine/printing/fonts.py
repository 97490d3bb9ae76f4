"""The embedded CJK font of every sheet, and text measured, wrapped and escaped with it.

One TrueType font, ``resources/fonts/wqy-microhei.ttc`` (WenQuanYi Micro Hei, the same
file the GUI loads), is registered with reportlab once per process and embedded as a
subset in every PDF. PLATFORM_NOTES: the built-in CID font ``STSong-Light`` is not
embedded (viewers without Adobe-GB1 data show blanks) and OpenType/CFF CJK fonts fail
("postscript outlines are not supported"), so TrueType it is.

Characters the font has no glyph for (emoji, rare symbols) would print as nothing;
``printable`` replaces them with a white square so the reader sees something was there.
Text that goes through reportlab's Paragraph markup is escaped with ``esc`` (a name like
``Gift <Box> & "Bow"`` would raise or be read as markup otherwise).
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resources_dir

FONT = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"
MISSING = "\u25a1"  # □, in the font
ELLIPSIS = "…"

_widths: dict[str, float] = {}  # char -> width at 1 pt
_glyphs: frozenset[int] = frozenset()


@cache
def register() -> str:
    """Register the shipped font with reportlab (once); returns its name."""
    global _glyphs
    path = resources_dir() / "fonts" / FONT_FILE
    font = TTFont(FONT, str(path), subfontIndex=0)
    pdfmetrics.registerFont(font)
    _glyphs = frozenset(font.face.charToGlyph)
    return FONT


def printable(text: str) -> str:
    """``text`` on one line with every character the font lacks replaced by □."""
    register()
    out = []
    for ch in text:
        if ch in "\r\n\t":
            out.append(" ")
        elif ord(ch) < 32:
            continue
        elif ord(ch) in _glyphs:
            out.append(ch)
        else:
            out.append(MISSING)
    return "".join(out)


def esc(text: str) -> str:
    """A user string for reportlab Paragraph markup: printable, escaped, newlines kept."""
    lines = [printable(part) for part in text.splitlines()] or [""]
    return "<br/>".join(escape(line, {'"': "&quot;"}) for line in lines)


def width(text: str, size: float) -> float:
    """The width of ``text`` in points at ``size`` (per-character widths, cached)."""
    w = _widths
    total = 0.0
    for ch in text:
        cw = w.get(ch)
        if cw is None:
            register()
            cw = w[ch] = pdfmetrics.stringWidth(ch, FONT, 1000) / 1000
        total += cw
    return total * size


def fit(text: str, size: float, avail: float) -> str:
    """``text`` cut with … so that it fits ``avail`` points on one line."""
    text = printable(text)
    if width(text, size) <= avail:
        return text
    limit = avail - width(ELLIPSIS, size)
    total = 0.0
    for i, ch in enumerate(text):
        total += width(ch, size)
        if total > limit:
            return text[:i].rstrip() + ELLIPSIS
    return text


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80  # CJK and beyond: a line may break before any of them


def wrap(text: str, size: float, avail: float, max_lines: int | None = None) -> list[str]:
    """``text`` broken into lines no wider than ``avail`` points at ``size``.

    Latin words break at spaces (a word longer than a line is cut), CJK text between
    any two characters; more than ``max_lines`` lines end in … on the last one.
    """
    text = printable(text).strip()
    if not text:
        return [""]
    lines: list[str] = []
    line = ""
    line_w = 0.0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        # the next unit: a CJK char, a run of spaces, or a Latin word
        if _is_wide(ch) or ch == " ":
            unit = ch
        else:
            j = i
            while j < n and not _is_wide(text[j]) and text[j] != " ":
                j += 1
            unit = text[i:j]
        uw = width(unit, size)
        if line_w + uw <= avail:
            line += unit
            line_w += uw
            i += len(unit)
            continue
        if unit == " ":
            lines.append(line)
            line, line_w = "", 0.0
            i += 1
            continue
        if line.strip():
            lines.append(line.rstrip())
            line, line_w = "", 0.0
            continue
        # a single unit wider than the line: cut it where it stops fitting
        for k, c in enumerate(unit):
            cw = width(c, size)
            if line_w + cw > avail and line:
                lines.append(line)
                line, line_w = "", 0.0
                i += k
                break
            line += c
            line_w += cw
        else:
            i += len(unit)
    if line.strip() or not lines:
        lines.append(line.rstrip())
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        while last and width(last + ELLIPSIS, size) > avail:
            last = last[:-1]
        kept[-1] = last.rstrip() + ELLIPSIS
        return kept
    return lines
