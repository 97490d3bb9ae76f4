"""Code128 and QR codes drawn straight onto a reportlab canvas, sized to fit.

Scanners read Code128 reliably down to bars of about 0.25 mm; the code is drawn at the
widest bar (up to ``max_bar``) that fits the space it is given, with its quiet zones.
Code128 holds ASCII only: a value with other characters gets the QR code alone.
"""

from __future__ import annotations

from itertools import groupby

from reportlab.graphics.barcode.code128 import Code128Auto
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

MIN_BAR = 0.25 * mm


def code128_fits(value: str) -> bool:
    return bool(value) and value.isascii() and value.isprintable()


def draw_code128(c: Canvas, value: str, x: float, y: float, avail_w: float, height: float,
                 max_bar: float = 0.45 * mm) -> float:
    """Draw ``value`` as Code128 with its lower-left corner at (x, y); returns the width.

    Nothing is drawn (0 returned) when the value is not ASCII or cannot fit ``avail_w``
    with bars of at least ``MIN_BAR``.
    """
    if not code128_fits(value):
        return 0.0
    probe = Code128Auto(value, barWidth=1, barHeight=height, quiet=True)
    modules = float(probe.width)
    bar = min(max_bar, avail_w / modules)
    if bar < MIN_BAR:
        return 0.0
    code = Code128Auto(value, barWidth=bar, barHeight=height, quiet=True)
    code.drawOn(c, x, y)
    return float(code.width)


QR_MASK = 0


def qr_modules(value: str, level: str = "M") -> list[list[bool]]:
    """The QR code of ``value`` as rows of dark (True) and light modules.

    With one fixed mask pattern: choosing the "best" of the eight (what
    ``QRCode.make()`` does) scores every mask in pure Python, 5 ms a code, more than the
    rest of a packing slip; any mask is a valid code and scanners read it all the same
    (the tests decode every slip's QR; docs/DECISIONS.md).
    """
    code = QRCode(None, getattr(QRErrorCorrectLevel, level))
    code.addData(value)
    code.version = code.calculate_version()
    code.makeImpl(False, QR_MASK)
    return [[bool(m) for m in row] for row in code.modules]


def draw_qr(c: Canvas, value: str, x: float, y: float, size: float, border: int = 2) -> None:
    """Draw ``value`` (UTF-8) as a QR code, ``size`` points square with ``border`` light
    modules inside it, lower-left at (x, y): one filled path of the dark runs (no
    graphics renderer, no stray font in the PDF)."""
    rows = qr_modules(value)
    n = len(rows)
    box = size / (n + 2 * border)
    path = c.beginPath()
    for r, row in enumerate(rows):
        top = y + size - (r + border + 1) * box
        col = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                path.rect(x + (col + border) * box, top, count * box, box * 1.02)
            col += count
    c.drawPath(path, stroke=0, fill=1)
