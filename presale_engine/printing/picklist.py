"""The pick list of a wave: every SKU it needs, summed, in walking order through the bins.

Rows are sorted by bin location (natural order: A-2 before A-10; no location last), then
SKU; each has a tick box, the quantity to pick and how many orders want it. The wave id
is printed as a Code128 (``WAVE-<id>``) so a scan finds the wave again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from .base import GREY, LIGHT, RULE, FlowSheet, style
from .data import PickLine, SheetHead, WaveFacts
from .flowables import Barcode, TickBox, markup, para
from .fonts import FONT, esc


def wave_code(wave_id: int) -> str:
    return f"WAVE-{wave_id}"


def location_key(line: PickLine) -> tuple[int, list[tuple[int, int | str]], str]:
    """Natural sort of bin locations ("A-2" < "A-10"); lines without one go last."""
    parts: list[tuple[int, int | str]] = [
        (0, int(p)) if p.isdigit() else (1, p.lower())
        for p in re.findall(r"\d+|[^\d]+", line.location.strip())]
    return (0 if line.location.strip() else 1, parts, line.sku)


class PickList(FlowSheet):
    name = "picklist"

    def __init__(self, head: SheetHead, wave: WaveFacts, lines: Sequence[PickLine], *,
                 size: str = "a4") -> None:
        super().__init__(head, size)
        self.wave = wave
        self.lines = sorted(lines, key=location_key)

    def title(self) -> str:
        return self.t("picklist_title", {"wave": self.wave.id})

    def story(self) -> list[Flowable]:
        lab = self.label
        s_txt = style(7 if lab else 9.5)
        s_small = style(6 if lab else 8, color=GREY)
        s_num = style(8 if lab else 11, align=TA_RIGHT)
        w = self.wave
        facts = [
            markup(esc(self.t("wave_summary", {"orders": w.orders, "lines": w.lines,
                                                 "units": w.units})), style(8 if lab else 11)),
            para(" · ".join(x for x in (
                self.t("created_at", {"at": self.when(w.created_at)}),
                self.t("carrier_is", {"carrier": w.carrier}) if w.carrier else "",
                ", ".join(self.term("platform", p) for p in w.platforms)) if x), s_small),
        ]
        bar_w = (40 if lab else 70) * mm
        top = Table([[facts, Barcode(wave_code(w.id), bar_w, (9 if lab else 13) * mm)]],
                    colWidths=[self.frame_width() - bar_w, bar_w])
        top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("FONTNAME", (0, 0), (-1, -1), FONT),
                                 ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        head = [self.t("col.tick"), self.t("col.location"), self.t("col.sku"),
                self.t("col.item"), self.t("col.qty")]
        if not lab:
            head.append(self.t("col.orders"))
        s_small_r = style(6 if lab else 8, color=GREY, align=TA_RIGHT)
        numeric = {4, 5}  # quantity, orders: right-aligned like their numbers
        rows: list[list[object]] = [[markup(esc(h), s_small_r if i in numeric else s_small)
                                     for i, h in enumerate(head)]]
        units = 0
        for ln in self.lines:
            item = ln.name + (f"\n{ln.variant}" if ln.variant else "")
            row: list[object] = [TickBox((3 if lab else 4.5) * mm), para(ln.location or "—", s_txt),
                                 para(ln.sku, s_txt), para(item, s_txt),
                                 para(f"{ln.qty:,}", s_num)]
            if not lab:
                row.append(para(f"{ln.orders:,}", s_num))
            rows.append(row)
            units += ln.qty
        total: list[object] = ["", "", "", markup(esc(self.t("total_skus", {
            "skus": len(self.lines)})), s_txt), para(f"{units:,}", s_num)]
        if not lab:
            total.append(para(f"{self.wave.orders:,}", s_num))
        rows.append(total)
        fw = self.frame_width()
        if lab:
            widths = [6 * mm, 16 * mm, 18 * mm, fw - 52 * mm, 12 * mm]
        else:
            widths = [10 * mm, 26 * mm, 36 * mm, fw - 112 * mm, 20 * mm, 20 * mm]
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
            ("LINEABOVE", (0, -1), (-1, -1), 1.0, GREY),
            ("LEFTPADDING", (0, 0), (-1, -1), 2 if lab else 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2 if lab else 4),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5 if lab else 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 if lab else 3),
        ]))
        return [top, Spacer(1, (2 if lab else 5) * mm), table]
