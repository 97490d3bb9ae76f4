"""The carrier hand-over manifest of a wave: every parcel with its tracking number, the
parcel count, and lines for both sides to sign.

Parcels without a tracking number are listed with a dash and counted above the table,
so the hand-over does not hide them.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from .base import GREY, LIGHT, RULE, FlowSheet, style
from .data import ManifestRow, SheetHead, WaveFacts
from .flowables import Barcode, markup, para
from .fonts import FONT, esc
from .picklist import wave_code


class Manifest(FlowSheet):
    name = "manifest"

    def __init__(self, head: SheetHead, wave: WaveFacts, rows: Sequence[ManifestRow], *,
                 size: str = "a4") -> None:
        super().__init__(head, size)
        self.wave = wave
        self.rows = list(rows)

    def title(self) -> str:
        return self.t("manifest_title", {"wave": self.wave.id})

    def story(self) -> list[Flowable]:
        lab = self.label
        s_txt = style(6.5 if lab else 9)
        s_small = style(6 if lab else 8, color=GREY)
        s_big = style(9 if lab else 13)
        s_num = style(6.5 if lab else 9, align=TA_RIGHT)
        w = self.wave
        parcels = sum(r.parcels for r in self.rows)
        units = sum(r.units for r in self.rows)
        missing = sum(1 for r in self.rows if not r.tracking_no)
        facts: list[object] = [
            para(self.t("carrier_is", {"carrier": w.carrier or "—"}), s_big),
            markup(esc(self.t("parcels_total", {"parcels": parcels, "units": units})), s_big),
            para(self.t("created_at", {"at": self.when(w.created_at)}), s_small),
        ]
        if missing:
            facts.append(para(self.t("parcels_without_tracking", {"n": missing}), s_txt))
        bar_w = (38 if lab else 70) * mm
        top = Table([[facts, Barcode(wave_code(w.id), bar_w, (9 if lab else 13) * mm)]],
                    colWidths=[self.frame_width() - bar_w, bar_w])
        top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("FONTNAME", (0, 0), (-1, -1), FONT),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        if lab:
            head = ["#", self.t("col.order_no"), self.t("col.tracking"), self.t("col.parcels")]
        else:
            head = ["#", self.t("col.order_no"), self.t("col.platform"),
                    self.t("col.recipient"), self.t("col.tracking"), self.t("col.units"),
                    self.t("col.parcels")]
        s_small_r = style(6 if lab else 8, color=GREY, align=TA_RIGHT)
        numeric = {3} if lab else {5, 6}  # units, parcels: right-aligned like their numbers
        data: list[list[object]] = [[markup(esc(h), s_small_r if i in numeric else s_small)
                                     for i, h in enumerate(head)]]
        for r in self.rows:
            track = r.tracking_no or "—"
            if lab:
                data.append([para(str(r.seq), s_txt), para(r.order_no, s_txt),
                             para(track, s_txt), para(f"{r.parcels:,}", s_num)])
            else:
                data.append([para(str(r.seq), s_txt), para(r.order_no, s_txt),
                             para(self.term("platform", r.platform), s_txt),
                             para(r.recipient or "—", s_txt), para(track, s_txt),
                             para(f"{r.units:,}", s_num), para(f"{r.parcels:,}", s_num)])
        total_label = markup(esc(self.t("total")), s_txt)
        if lab:
            data.append(["", total_label, "", para(f"{parcels:,}", s_num)])
        else:
            data.append(["", total_label, "", "", "", para(f"{units:,}", s_num),
                         para(f"{parcels:,}", s_num)])
        fw = self.frame_width()
        if lab:
            widths = [7 * mm, 34 * mm, fw - 53 * mm, 12 * mm]
        else:
            widths = [10 * mm, 44 * mm, 20 * mm, fw - 148 * mm, 44 * mm, 14 * mm, 16 * mm]
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
            ("LINEABOVE", (0, -1), (-1, -1), 1.0, GREY),
            ("LEFTPADDING", (0, 0), (-1, -1), 2 if lab else 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2 if lab else 4),
            ("TOPPADDING", (0, 0), (-1, -1), 1.2 if lab else 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 if lab else 3),
        ]))
        return [top, Spacer(1, (2 if lab else 5) * mm), table,
                Spacer(1, (4 if lab else 10) * mm), self._signatures()]

    def _signatures(self) -> Flowable:
        lab = self.label
        s = style(7 if lab else 10)
        line = "_" * (18 if lab else 28)
        cells = [
            [para(self.t("sign.handed_over"), s), para(self.t("sign.received"), s)],
            [para(f"{self.t('sign.name')} {line}", s), para(f"{self.t('sign.name')} {line}", s)],
            [para(f"{self.t('sign.signature')} {line}", s),
             para(f"{self.t('sign.signature')} {line}", s)],
            [para(f"{self.t('sign.time')} {line}", s),
             para(f"{self.t('sign.parcels_received')} {line}", s)],
        ]
        if lab:  # one column: the label is too narrow for two
            flat = [[cells[r][0]] for r in range(4)] + [[cells[r][1]] for r in range(4)]
            t = Table(flat, colWidths=[self.frame_width()])
        else:
            t = Table(cells, colWidths=[self.frame_width() / 2] * 2)
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONTNAME", (0, 0), (-1, -1), FONT),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 2 if lab else 7)]))
        return KeepTogether([t])
