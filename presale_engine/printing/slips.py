"""Packing slips: one per platform order, A4 or a 100 × 150 mm label.

Each slip carries the order number as text, as Code128 (the packing bench scans it) and
as a QR code; the items with their variants; recipient, phone and address; the ship
promise and deadline; and, when the shop has one, a thank-you card to cut off.

Drawn straight on the canvas (no platypus): 2,000 slips have to cost less than twice a
bare canvas drawing the same content (bench/bench_print.py). Every text is measured
and wrapped with the embedded font (``fonts.wrap``); an order with more items than a
page holds continues on the next page with its number and barcode again, and every
page of an order says "page x of y" for that order. Long names wrap (at most
``name_lines`` lines, then …), addresses take at most ``addr_lines`` lines: nothing is
drawn outside the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .barcodes import draw_code128, draw_qr
from .base import GREY, INK, LIGHT, RULE, Sheet
from .data import SheetHead, SlipLine, SlipOrder
from .fonts import FONT, fit, width, wrap


@dataclass(frozen=True)
class Geometry:
    """Sizes of one slip format (points)."""

    head: float  # shop name and title
    small: float  # labels, meta lines
    no: float  # the order number
    bar_h: float  # Code128 height
    qr: float  # QR side
    qr_beside_address: bool  # label: the QR sits beside the address, not the number
    text: float  # recipient and address
    addr_lines: int
    item: float
    item_lead: float
    name_lines: int
    sku_w: float
    qty_w: float
    card_h: float
    card_size: float
    card_lines: int
    gap: float


A4_GEO = Geometry(head=12, small=7.5, no=16, bar_h=14 * mm, qr=30 * mm,
                  qr_beside_address=False, text=10, addr_lines=4, item=9.5, item_lead=12.5,
                  name_lines=12, sku_w=42 * mm, qty_w=18 * mm, card_h=62 * mm, card_size=11,
                  card_lines=9, gap=3 * mm)
LABEL_GEO = Geometry(head=8, small=6, no=11, bar_h=11 * mm, qr=19 * mm,
                     qr_beside_address=True, text=8, addr_lines=3, item=7, item_lead=8.6,
                     name_lines=12, sku_w=22 * mm, qty_w=9 * mm, card_h=24 * mm, card_size=7,
                     card_lines=3, gap=1.6 * mm)


@dataclass(frozen=True)
class _Row:
    """One item line, wrapped: its height is known before anything is drawn."""

    sku: list[str]
    name: list[str]
    variant: list[str]
    qty: str
    height: float


class PackingSlips(Sheet):
    """Slips for ``orders`` (an iterable: read once, in wave order, never held whole)."""

    name = "slips"

    def __init__(self, head: SheetHead, orders: Iterable[SlipOrder], *, size: str = "a4",
                 wave_id: int | None = None, wave_orders: int | None = None,
                 card: str = "") -> None:
        super().__init__(head, size)
        self.orders = orders
        self.wave_id = wave_id
        self.wave_orders = wave_orders
        self.card = card.strip()
        self.g = LABEL_GEO if self.label else A4_GEO
        self.inner_w = self.page_w - 2 * self.margin
        self.slips = 0
        # words, looked up once
        self.w_title = self.title()
        self.w_order_no = self.t("order_no")
        self.w_ship_to = self.t("ship_to")
        self.w_sku = self.t("col.sku")
        self.w_item = self.t("col.item")
        self.w_qty = self.t("col.qty")
        self.w_card_title = self.t("card_title")
        self.w_cut = self.t("cut_here")
        self.w_continued = self.t("continued")
        self.w_printed = self.t("printed_at", {"at": self.when(head.printed_at)})

    # ------------------------------------------------------------------ layout
    def _rows(self, lines: Sequence[SlipLine]) -> list[_Row]:
        g = self.g
        name_w = self.inner_w - g.sku_w - g.qty_w - 4 * mm
        rows = []
        for ln in lines:
            name = wrap(ln.name or "—", g.item, name_w, g.name_lines)
            variant = wrap(ln.variant, g.item - 1.5, name_w, 2) if ln.variant else []
            sku = wrap(ln.sku, g.item - 1, g.sku_w - 2 * mm, 2)
            n = max(len(name) + len(variant), len(sku))
            rows.append(_Row(sku, name, variant, f"{ln.qty:,}", n * g.item_lead + 1.6 * mm))
        return rows

    def _head_h(self) -> float:
        return float(self.g.head + 2.5 * mm + self.g.gap)

    def _block_h(self, o: SlipOrder, addr: list[str], promise: list[str]) -> float:
        """Height of the first page's order and address blocks."""
        g = self.g
        number = g.small + 1.5 * mm + g.no + 1.5 * mm + g.bar_h + 1.5 * mm + g.small
        if not g.qr_beside_address:
            number = max(number, g.qr)
        ship = g.small + 1.2 * mm + g.text * 1.3 + len(addr) * g.text * 1.25
        if g.qr_beside_address:
            ship = max(ship, g.qr)
        prom = len(promise) * g.small * 1.3 if promise else 0
        return float(number + g.gap + ship + g.gap * 0.6 + prom + g.gap)

    def _cont_h(self) -> float:
        g = self.g
        return float(g.text * 1.3 + 1.5 * mm + g.bar_h * 0.7 + g.gap)

    def _table_head_h(self) -> float:
        return float(self.g.item_lead + 1.6 * mm)

    def _total_h(self) -> float:
        return float(self.g.item_lead + 2 * mm)

    def _footer_h(self) -> float:
        return float((4 if self.label else 8) * mm)

    def _paginate(self, first_avail: float, cont_avail: float, rows: list[_Row],
                  tail: float) -> list[list[_Row]]:
        """Split ``rows`` into pages; ``tail`` (total line and card) ends the last one."""
        pages: list[list[_Row]] = []
        i = 0
        avail = first_avail
        while True:
            rest = rows[i:]
            if sum(r.height for r in rest) <= avail - tail:
                pages.append(rest)
                return pages
            taken: list[_Row] = []
            used = 0.0
            while i < len(rows) and used + rows[i].height <= avail:
                used += rows[i].height
                taken.append(rows[i])
                i += 1
            if not taken and i < len(rows):  # cannot happen with capped rows; never loop
                taken.append(rows[i])
                i += 1
            pages.append(taken)
            avail = cont_avail

    # ------------------------------------------------------------------ drawing
    def draw(self, c: Canvas) -> None:
        for o in self.orders:
            self.draw_order(c, o)
        if self.slips == 0:
            c.setFont(FONT, self.g.text)
            c.drawString(self.margin, self.page_h - self.margin - 20 * mm, self.t("no_orders"))
            self.footer(c, 1, 1)
            c.showPage()

    def draw_order(self, c: Canvas, o: SlipOrder) -> None:
        g = self.g
        self.slips += 1
        text_w = self.inner_w - (g.qr + 3 * mm if g.qr_beside_address else 0)
        addr = wrap(o.address or "—", g.text, text_w, g.addr_lines)
        promise_text = o.promise
        if o.ship_by is not None:
            by = self.t("ship_by", {"at": self.when(o.ship_by)})
            promise_text = f"{promise_text} · {by}" if promise_text else by
        promise = wrap(self.t("label_value", {"label": self.t("promise"), "value": promise_text}),
                       g.small, self.inner_w, 2) \
            if promise_text else []
        rows = self._rows(o.lines)
        top = self.page_h - self.margin
        bottom = self.margin + self._footer_h()
        body_top = top - self._head_h()
        first_avail = body_top - self._block_h(o, addr, promise) - self._table_head_h() - bottom
        cont_avail = body_top - self._cont_h() - self._table_head_h() - bottom
        tail = self._total_h() + (g.card_h if self.card else 0)
        pages = self._paginate(first_avail, cont_avail, rows, tail)
        n = len(pages)
        for p, page_rows in enumerate(pages, start=1):
            self._page_head(c, top, o)
            if p == 1:
                y = self._order_block(c, body_top, o, addr, promise)
            else:
                y = self._cont_block(c, body_top, o)
            y = self._table(c, y, page_rows)
            if p == n:
                self._total(c, y, o)
                if self.card:
                    self._card(c)
            self._footer(c, p, n)
            c.showPage()

    def _page_head(self, c: Canvas, top: float, o: SlipOrder) -> None:
        g = self.g
        c.setFont(FONT, g.head)
        tw = c.stringWidth(self.w_title, FONT, g.head)
        c.drawRightString(self.page_w - self.margin, top - g.head, self.w_title)
        wave = ""
        if self.wave_id is not None:
            wave = self.t("wave_seq", {"wave": self.wave_id, "n": o.seq,
                                       "of": self.wave_orders or o.seq})
        ww = width(wave, g.small) + 3 * mm if wave else 0
        c.drawString(self.margin, top - g.head,
                     fit(self.head.shop, g.head, self.inner_w - tw - ww - 4 * mm))
        if wave:
            c.setFont(FONT, g.small)
            c.setFillColor(GREY)
            c.drawRightString(self.page_w - self.margin - tw - 3 * mm, top - g.head, wave)
            c.setFillColor(INK)
        y = top - g.head - 2.5 * mm
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(self.margin, y, self.page_w - self.margin, y)

    def _order_block(self, c: Canvas, y: float, o: SlipOrder, addr: list[str],
                     promise: list[str]) -> float:
        g = self.g
        x = self.margin
        right = self.page_w - self.margin
        block_top = y
        num_w = self.inner_w - (0 if g.qr_beside_address else g.qr + 4 * mm)
        c.setFillColor(GREY)
        c.setFont(FONT, g.small)
        c.drawString(x, y - g.small, self.w_order_no)
        c.setFillColor(INK)
        y -= g.small + 1.5 * mm
        c.setFont(FONT, g.no)
        c.drawString(x, y - g.no, fit(o.order_no, g.no, num_w))
        y -= g.no + 1.5 * mm
        draw_code128(c, o.order_no, x, y - g.bar_h, num_w, g.bar_h)
        y -= g.bar_h + 1.5 * mm
        meta = " · ".join(p for p in (self.term("platform", o.platform),
                                      self.t("ordered_at", {"at": self.when(o.ordered_at)})
                                      if o.ordered_at else "") if p)
        c.setFont(FONT, g.small)
        c.setFillColor(GREY)
        c.drawString(x, y - g.small, fit(meta, g.small, num_w))
        c.setFillColor(INK)
        y -= g.small
        if not g.qr_beside_address:
            draw_qr(c, o.order_no, right - g.qr, block_top - g.qr, g.qr)
            y = min(y, block_top - g.qr)
        y -= g.gap
        # ship to
        ship_top = y
        text_w = self.inner_w - (g.qr + 3 * mm if g.qr_beside_address else 0)
        c.setFillColor(GREY)
        c.setFont(FONT, g.small)
        c.drawString(x, y - g.small, self.w_ship_to)
        c.setFillColor(INK)
        y -= g.small + 1.2 * mm
        who = "  ".join(p for p in (o.recipient, o.phone) if p) or "—"
        c.setFont(FONT, g.text * 1.15)
        c.drawString(x, y - g.text * 1.15, fit(who, g.text * 1.15, text_w))
        y -= g.text * 1.3
        c.setFont(FONT, g.text)
        for line in addr:
            c.drawString(x, y - g.text, line)
            y -= g.text * 1.25
        if g.qr_beside_address:
            draw_qr(c, o.order_no, right - g.qr, ship_top - g.qr, g.qr)
            y = min(y, ship_top - g.qr)
        y -= g.gap * 0.6
        if promise:
            c.setFont(FONT, g.small)
            for line in promise:
                c.drawString(x, y - g.small, line)
                y -= g.small * 1.3
        return y - g.gap

    def _cont_block(self, c: Canvas, y: float, o: SlipOrder) -> float:
        g = self.g
        c.setFont(FONT, g.text)
        c.drawString(self.margin, y - g.text,
                     fit(f"{self.w_order_no} {o.order_no} ({self.w_continued})", g.text,
                         self.inner_w))
        y -= g.text * 1.3 + 1.5 * mm
        draw_code128(c, o.order_no, self.margin, y - g.bar_h * 0.7, self.inner_w * 0.7,
                     g.bar_h * 0.7)
        return y - g.bar_h * 0.7 - g.gap

    def _table(self, c: Canvas, y: float, rows: list[_Row]) -> float:
        g = self.g
        x = self.margin
        right = self.page_w - self.margin
        name_x = x + g.sku_w
        head_h = self._table_head_h()
        c.setFillColor(LIGHT)
        c.rect(x, y - head_h, self.inner_w, head_h, stroke=0, fill=1)
        c.setFillColor(INK)
        c.setFont(FONT, g.item - 0.5)
        base = y - head_h + 0.5 * mm + (head_h - g.item) / 2
        c.drawString(x + 1 * mm, base, self.w_sku)
        c.drawString(name_x, base, self.w_item)
        c.drawRightString(right - 1 * mm, base, self.w_qty)
        y -= head_h
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        for r in rows:
            ty = y - 0.8 * mm
            c.setFont(FONT, g.item - 1)
            for i, line in enumerate(r.sku):
                c.drawString(x + 1 * mm, ty - g.item - i * g.item_lead, line)
            c.setFont(FONT, g.item)
            for i, line in enumerate(r.name):
                c.drawString(name_x, ty - g.item - i * g.item_lead, line)
            if r.variant:
                c.setFont(FONT, g.item - 1.5)
                c.setFillColor(GREY)
                for i, line in enumerate(r.variant, start=len(r.name)):
                    c.drawString(name_x, ty - g.item - i * g.item_lead, line)
                c.setFillColor(INK)
            c.setFont(FONT, g.item + 1)
            c.drawRightString(right - 1 * mm, ty - g.item - 0.5, r.qty)
            y -= r.height
            c.line(x, y, right, y)
        return y

    def _total(self, c: Canvas, y: float, o: SlipOrder) -> None:
        g = self.g
        c.setFont(FONT, g.item + 0.5)
        c.drawRightString(self.page_w - self.margin - 1 * mm, y - g.item_lead,
                          self.t("total_units", {"units": o.units, "lines": len(o.lines)}))

    def _card(self, c: Canvas) -> None:
        g = self.g
        x = self.margin
        top = self.margin + self._footer_h() + g.card_h
        c.setStrokeColor(RULE)
        c.setDash(3, 2)
        c.line(x, top, self.page_w - self.margin, top)
        c.setDash()
        c.setFillColor(GREY)
        c.setFont(FONT, g.small * 0.9)
        c.drawCentredString(self.page_w / 2, top + 1 * mm, self.w_cut)
        c.setFillColor(INK)
        inset = (2 if self.label else 6) * mm
        box_top = top - inset / 2
        box_h = g.card_h - inset
        c.roundRect(x + inset / 2, box_top - box_h, self.inner_w - inset, box_h, 2 * mm,
                    stroke=1, fill=0)
        c.setFont(FONT, g.card_size * 1.25)
        ty = box_top - inset / 2 - g.card_size * 1.25
        c.drawCentredString(self.page_w / 2, ty, self.w_card_title)
        ty -= g.card_size * 0.8
        c.setFont(FONT, g.card_size)
        lines: list[str] = []
        room = g.card_lines
        for para in self.card.splitlines() or [""]:
            if room <= 0:
                break
            got = wrap(para, g.card_size, self.inner_w - 3 * inset, room)
            lines += got
            room -= len(got)
        for line in lines:
            ty -= g.card_size * 1.4
            c.drawCentredString(self.page_w / 2, ty, line)

    def _footer(self, c: Canvas, page: int, pages: int) -> None:
        g = self.g
        size = 5.5 if self.label else 7
        y = self.margin + (0.5 if self.label else 2) * mm
        c.setFillColor(GREY)
        c.setFont(FONT, size)
        right = self.t("page_of", {"page": page, "pages": pages})
        left = f"{self.head.shop} · {self.w_title} · {self.w_printed}"
        c.drawString(self.margin, y, fit(left, size, self.inner_w - width(right, size) - 4 * mm))
        c.drawRightString(self.page_w - self.margin, y, right)
        c.setFillColor(INK)
        del g
