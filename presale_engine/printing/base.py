"""The renderer base every sheet shares: page size, fonts, words, header, footer, writing.

A sheet is a small class with hook methods (pretix's invoice renderer is the model):
``title()`` names it, ``draw(c)`` draws its pages on a reportlab canvas. Sheets whose
pages are tables that flow (pick list, manifest, report) derive ``FlowSheet`` and give
``story()`` instead; their header and footer (with "page x of y") are drawn once the
page count is known. Packing slips draw straight on the canvas (2,000 slips must cost
less than twice a bare canvas: docs/BENCHMARKS.md).

Words on a sheet come from the engine's catalogue (``messages/locale/*/printing.po``,
msgid ``print.<code>``), in the sheet's language; every user string is made printable
(missing glyphs → □) and escaped where it meets Paragraph markup (``fonts.esc``).
Files are written to a temporary name beside the target and renamed when complete.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ..errors import InputError
from ..messages import has_text, normalize_lang, render
from ..messages.values import format_value
from .data import SheetHead
from .fonts import FONT, fit, register

LABEL = (100 * mm, 150 * mm)
SIZES: dict[str, tuple[float, float]] = {"a4": A4, "label": LABEL}
GREY = HexColor("#555555")
LIGHT = HexColor("#e8e8e8")
RULE = HexColor("#999999")
INK: Color = HexColor("#000000")


@dataclass(frozen=True)
class Rendered:
    """A written sheet: where, how many pages, how long it took."""

    path: Path
    pages: int
    seconds: float


def check_size(size: str) -> str:
    if size not in SIZES:
        raise InputError(code="print_unknown_size", params={"size": size})
    return size


class Sheet:
    """One printed sheet. Subclasses give ``name``, ``title()`` and ``draw(c)``."""

    name: ClassVar[str] = "sheet"

    def __init__(self, head: SheetHead, size: str = "a4") -> None:
        register()
        self.head = head
        self.size = check_size(size)
        self.lang = normalize_lang(head.lang)
        self.page_w, self.page_h = SIZES[self.size]
        self.label = self.size == "label"
        self.margin = (4 if self.label else 14) * mm
        self.pages = 0

    # ------------------------------------------------------------------ hooks
    def title(self) -> str:
        return self.t(self.name)

    def draw(self, c: Canvas) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ words
    def t(self, code: str, params: Mapping[str, Any] | None = None) -> str:
        """The sheet's word for ``code`` (msgid ``print.<code>``) in its language."""
        return render(f"print.{code}", params or {}, self.lang)

    def term(self, family: str, value: str) -> str:
        """A name from the catalogue's vocabularies (``platform.douyin``...), else the value."""
        code = f"{family}.{value}"
        return render(code, {}, self.lang) if has_text(code, "en") else value

    def value(self, v: object) -> str:
        """A number, amount (``messages.Money``) or share (``Percent``) in the language."""
        if v is None:
            return "—"
        return format_value(v, self.lang, lambda code, params, lang: None)

    def when(self, at: Any) -> str:
        return at.strftime("%Y-%m-%d %H:%M") if at is not None else "—"

    # ------------------------------------------------------------------ writing
    def canvas(self, target: Any) -> Canvas:
        c = Canvas(target, pagesize=(self.page_w, self.page_h), invariant=True,
                   initialFontName=FONT, initialFontSize=9, pageCompression=1)
        c.setTitle(self.title())
        c.setAuthor(self.head.shop)
        c.setCreator("Presale Desk")
        return c

    def render_to(self, target: Any) -> int:
        c = self.canvas(target)
        self.draw(c)
        self.pages = c.getPageNumber() - 1
        c.save()
        return self.pages

    def write(self, path: str | Path) -> Rendered:
        """Write the sheet to ``path`` (temporary file, then renamed); returns its facts."""
        start = time.perf_counter()
        path = Path(path)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
        try:
            pages = self.render_to(str(tmp))
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()
        return Rendered(path, pages, time.perf_counter() - start)

    # ------------------------------------------------------------------ shared drawing
    def footer(self, c: Canvas, page: int, pages: int, extra: str = "") -> None:
        """Small grey line at the bottom: shop · sheet · printed at, and page x of y."""
        size = 5.5 if self.label else 7
        y = self.margin + (0.5 if self.label else 1) * mm
        c.setFillColor(GREY)
        c.setFont(FONT, size)
        right = self.t("page_of", {"page": page, "pages": pages})
        avail = self.page_w - 2 * self.margin - c.stringWidth(right, FONT, size) - 4 * mm
        left = " · ".join(p for p in (self.head.shop, self.title(), extra,
                                      self.t("printed_at", {"at": self.when(self.head.printed_at)}))
                          if p)
        c.drawString(self.margin, y, fit(left, size, avail))
        c.drawRightString(self.page_w - self.margin, y, right)
        c.setFillColor(INK)


def style(size: float, *, leading: float | None = None, align: int = 0,
          color: Color = INK) -> ParagraphStyle:
    """A Paragraph style in the embedded font that wraps CJK between any two characters."""
    return ParagraphStyle(f"s{size}-{align}", fontName=FONT, fontSize=size,
                          leading=leading or size * 1.3, alignment=align, textColor=color,
                          wordWrap="CJK")


class FlowSheet(Sheet):
    """A sheet of flowing content (tables, charts): ``story()`` plus a page header.

    The header (``header(c)``) and footer are drawn after the whole story is laid out,
    so the footer can say "page x of y".
    """

    header_h = 16 * mm

    def story(self) -> list[Flowable]:
        raise NotImplementedError

    def header(self, c: Canvas, page: int) -> None:
        """Shop name and sheet title over a rule (subclasses add their own facts)."""
        top = self.page_h - self.margin
        big = 9 if self.label else 13
        c.setFont(FONT, big)
        title = self.title()
        tw = c.stringWidth(title, FONT, big)
        c.drawRightString(self.page_w - self.margin, top - big, title)
        c.drawString(self.margin, top - big,
                     fit(self.head.shop, big, self.page_w - 2 * self.margin - tw - 6 * mm))
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(self.margin, top - big - 3 * mm, self.page_w - self.margin, top - big - 3 * mm)
        c.setStrokeColor(INK)

    def frame_width(self) -> float:
        return float(self.page_w - 2 * self.margin)

    def render_to(self, target: Any) -> int:
        sheet = self
        footer_h = 6 * mm if self.label else 10 * mm
        frame = Frame(self.margin, self.margin + footer_h - (0 if self.label else 3 * mm),
                      self.frame_width(),
                      self.page_h - 2 * self.margin - self.header_h - footer_h
                      + (0 if self.label else 3 * mm),
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

        class Numbered(Canvas):  # type: ignore[misc]
            """Keeps the pages until the end, then decorates each with "page x of y"."""

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                kwargs.update(invariant=True, initialFontName=FONT, initialFontSize=9,
                              pageCompression=1)
                super().__init__(*args, **kwargs)
                self._kept: list[dict[str, Any]] = []
                self.setTitle(sheet.title())
                self.setAuthor(sheet.head.shop)
                self.setCreator("Presale Desk")

            def showPage(self) -> None:
                self._kept.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                total = len(self._kept)
                sheet.pages = total
                for n, state in enumerate(self._kept, start=1):
                    self.__dict__.update(state)
                    sheet.header(self, n)
                    sheet.footer(self, n, total)
                    super().showPage()
                super().save()

        doc = BaseDocTemplate(target, pagesize=(self.page_w, self.page_h),
                              leftMargin=self.margin, rightMargin=self.margin,
                              topMargin=self.margin, bottomMargin=self.margin,
                              title=self.title(), author=self.head.shop, invariant=True)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(self.story(), canvasmaker=Numbered)
        return self.pages
