"""Small flowables the table sheets share: a barcode, a tick box, a paragraph of user text."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from .barcodes import draw_code128
from .fonts import esc


class Barcode(Flowable):  # type: ignore[misc]
    """A Code128 of ``value`` at most ``max_w`` wide, right-aligned in its space."""

    def __init__(self, value: str, max_w: float, height: float) -> None:
        super().__init__()
        self.value = value
        self.max_w = max_w
        self.height = height
        self.width = max_w

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = min(self.max_w, avail_w)
        return self.width, self.height

    def draw(self) -> None:
        draw_code128(self.canv, self.value, 0, 0, self.width, self.height)


class TickBox(Flowable):  # type: ignore[misc]
    """An empty square to tick by hand."""

    def __init__(self, side: float = 4 * mm) -> None:
        super().__init__()
        self.side = side
        self.width = self.height = side

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.side, self.side, stroke=1, fill=0)


def para(text: str, style: Any) -> Paragraph:
    """A Paragraph of user text: escaped, so ``<``, ``&`` and quotes print as themselves."""
    return Paragraph(esc(text), style)


def markup(fmt_text: str, style: Any) -> Paragraph:
    """A Paragraph of our own markup (labels from the catalogue, already escaped)."""
    return Paragraph(fmt_text, style)
