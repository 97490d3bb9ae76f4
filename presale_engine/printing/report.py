"""The campaign report: the campaign's facts, its metrics, charts and tables on two or
three A4 pages (orders per day, units by SKU, orders by state; the SKU table).

Charts are reportlab graphics in the embedded font; with more days than fit, the bars
are the days and every n-th one is labelled.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from ..messages import Money
from .base import GREY, LIGHT, RULE, FlowSheet, style
from .data import ReportData, SheetHead
from .flowables import markup, para
from .fonts import FONT, esc, fit

BAR = HexColor("#3b6ea5")


def _drawing(w: float, h: float) -> Drawing:
    """A chart's drawing whose initial font is the embedded one (else the renderer sets
    Helvetica first, and the PDF names a font it does not embed)."""
    d = Drawing(w, h)
    d.initialFontName = FONT
    d.initialFontSize = 8
    return d
BAR2 = HexColor("#d98c2b")


class CampaignReport(FlowSheet):
    name = "report"

    def __init__(self, head: SheetHead, data: ReportData, *, size: str = "a4") -> None:
        super().__init__(head, size)
        self.data = data

    def title(self) -> str:
        return self.t("report_title", {"id": self.data.id})

    # ------------------------------------------------------------------ story
    def story(self) -> list[Flowable]:
        d = self.data
        fw = self.frame_width()
        s_name = style(15, leading=19)
        s_txt = style(9)
        s_small = style(8, color=GREY)
        s_h = style(11.5, leading=15)
        win = (f"{self.when(d.window[0])} – {self.when(d.window[1])}" if d.window else "—")
        facts = [
            self.term("platform", d.platform), self.term("order_kind", d.type),
            self.term("campaign_status", d.status), d.currency]
        out: list[Flowable] = [
            para(d.name, s_name),
            para(" · ".join(facts), s_small),
            Spacer(1, 2 * mm),
            para(self.t("label_value", {"label": self.t("report.window"), "value": win}),
                 s_txt),
        ]
        if d.balance_window:
            bw = f"{self.when(d.balance_window[0])} – {self.when(d.balance_window[1])}"
            out.append(para(self.t("label_value", {"label": self.t("report.balance_window"),
                                                   "value": bw}), s_txt))
        if d.promise:
            out.append(para(self.t("label_value", {"label": self.t("promise"),
                                                   "value": d.promise}), s_txt))
        out += [Spacer(1, 5 * mm), markup(esc(self.t("report.metrics")), s_h),
                Spacer(1, 2 * mm), self._metrics(fw)]
        if d.alerts:
            out += [Spacer(1, 4 * mm), markup(esc(self.t("report.alerts")), s_h),
                    Spacer(1, 1 * mm)]
            out += [para(self.t(f"report.alert.{k}", {"n": n}), s_txt) for k, n in d.alerts]
        out += [Spacer(1, 6 * mm),
                KeepTogether([markup(esc(self.t("report.by_day")), s_h), Spacer(1, 2 * mm),
                              self._day_chart(fw)]),
                PageBreak(),
                KeepTogether([markup(esc(self.t("report.by_sku_chart")), s_h),
                              Spacer(1, 2 * mm), self._sku_chart(fw)]),
                Spacer(1, 6 * mm),
                KeepTogether([markup(esc(self.t("report.by_status")), s_h), Spacer(1, 2 * mm),
                              self._status_chart(fw)]),
                Spacer(1, 6 * mm),
                markup(esc(self.t("report.by_sku")), s_h), Spacer(1, 2 * mm),
                self._sku_table(fw)]
        return out

    def _table_style(self, extra: list[tuple[object, ...]] | None = None) -> TableStyle:
        return TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            *(extra or []),
        ])

    def _metrics(self, fw: float) -> Flowable:
        s = style(9)
        s_num = style(9.5, align=TA_RIGHT)
        cells = [(para(self.t(f"report.metric.{m.code}"), s), para(self.value(m.value), s_num))
                 for m in self.data.metrics]
        half = (len(cells) + 1) // 2
        rows = []
        for i in range(half):
            left = cells[i]
            right = cells[half + i] if half + i < len(cells) else ("", "")
            rows.append([left[0], left[1], "", right[0], right[1]])
        col = (fw - 8 * mm) / 2
        t = Table(rows, colWidths=[col * 0.62, col * 0.38, 8 * mm, col * 0.62, col * 0.38])
        t.setStyle(self._table_style([("LINEBELOW", (2, 0), (2, -1), 0, LIGHT)]))
        return t

    def _day_chart(self, fw: float) -> Drawing:
        days = self.data.by_day
        h = 62 * mm
        dr = _drawing(fw, h)
        if not days:
            dr.add(String(0, h / 2, self.t("report.no_data"), fontName=FONT, fontSize=9))
            return dr
        ch = VerticalBarChart()
        ch.x, ch.y, ch.width, ch.height = 14 * mm, 10 * mm, fw - 18 * mm, h - 14 * mm
        ch.data = [[o for _, o, _ in days]]
        ch.bars[0].fillColor = BAR
        ch.bars[0].strokeColor = None
        step = max(1, -(-len(days) // 11))  # at most 11 labels: they never overlap
        ch.categoryAxis.categoryNames = [d.strftime("%m-%d") if i % step == 0 else ""
                                         for i, (d, _, _) in enumerate(days)]
        self._axes(ch)
        ch.valueAxis.valueMin = 0
        dr.add(ch)
        return dr

    def _sku_chart(self, fw: float) -> Drawing:
        skus = self.data.skus[:12]
        bar_h = 6.5 * mm
        h = max(len(skus), 1) * bar_h + 14 * mm
        dr = _drawing(fw, h)
        if not skus:
            dr.add(String(0, h / 2, self.t("report.no_data"), fontName=FONT, fontSize=9))
            return dr
        label_w = 48 * mm
        ch = HorizontalBarChart()
        ch.x, ch.y, ch.width, ch.height = label_w, 8 * mm, fw - label_w - 6 * mm, h - 12 * mm
        rev = list(reversed(skus))  # the first SKU on top
        ch.data = [[s.units for s in rev]]
        ch.bars[0].fillColor = BAR2
        ch.bars[0].strokeColor = None
        ch.categoryAxis.categoryNames = [fit(s.sku, 7.5, label_w - 4 * mm) for s in rev]
        self._axes(ch)
        ch.valueAxis.valueMin = 0
        dr.add(ch)
        return dr

    def _status_chart(self, fw: float) -> Drawing:
        rows = [r for r in self.data.by_status if r[1] > 0]
        bar_h = 6 * mm
        h = max(len(rows), 1) * bar_h + 14 * mm
        dr = _drawing(fw, h)
        if not rows:
            dr.add(String(0, h / 2, self.t("report.no_data"), fontName=FONT, fontSize=9))
            return dr
        label_w = 40 * mm
        ch = HorizontalBarChart()
        ch.x, ch.y, ch.width, ch.height = label_w, 8 * mm, fw - label_w - 6 * mm, h - 12 * mm
        rev = list(reversed(rows))
        ch.data = [[n for _, n in rev]]
        ch.bars[0].fillColor = BAR
        ch.bars[0].strokeColor = None
        ch.categoryAxis.categoryNames = [fit(self.term("order_status", st), 7.5,
                                             label_w - 4 * mm) for st, _ in rev]
        self._axes(ch)
        ch.valueAxis.valueMin = 0
        dr.add(ch)
        return dr

    @staticmethod
    def _axes(ch: VerticalBarChart | HorizontalBarChart) -> None:
        for ax in (ch.categoryAxis, ch.valueAxis):
            ax.labels.fontName = FONT
            ax.labels.fontSize = 7.5
        ch.valueAxis.strokeColor = GREY
        ch.categoryAxis.strokeColor = GREY
        ch.valueAxis.gridStrokeColor = LIGHT
        ch.valueAxis.visibleGrid = True

    def _sku_table(self, fw: float) -> Flowable:
        d = self.data
        s = style(8.5)
        s_small = style(7.5, color=GREY)
        s_num = style(8.5, align=TA_RIGHT)
        head = [self.t(f"col.{c}") for c in ("sku", "item", "orders", "units", "gmv",
                                              "shipped", "overdue")]
        s_small_r = style(7.5, color=GREY, align=TA_RIGHT)
        rows: list[list[object]] = [[para(h, s_small_r if i >= 2 else s_small)
                                     for i, h in enumerate(head)]]
        for r in d.skus:
            gmv = self.value(Money(r.gmv, d.currency))
            rows.append([para(r.sku, s), para(r.name or "—", s), para(f"{r.orders:,}", s_num),
                         para(f"{r.units:,}", s_num), para(gmv, s_num),
                         para(f"{r.shipped:,}", s_num), para(f"{r.overdue:,}", s_num)])
        t = Table(rows, colWidths=[30 * mm, fw - 134 * mm, 18 * mm, 18 * mm, 32 * mm,
                                   18 * mm, 18 * mm], repeatRows=1)
        t.setStyle(self._table_style([("BACKGROUND", (0, 0), (-1, 0), LIGHT)]))
        return t
