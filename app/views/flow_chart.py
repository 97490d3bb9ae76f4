"""Demand due per day against stock arriving per day (QtCharts), for one SKU or all.

Bars per local day: units of open orders whose ship deadline falls that day, and units
of supply batches expected that day. Under the chart, what the days do not show:
units already overdue and units with no deadline yet (balance not paid).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app import display

if TYPE_CHECKING:
    from presale_engine.service import Flow


class FlowChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow: Flow | None = None
        self._shown = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(160)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.note)
        self.retranslate_ui()

    def show_flow(self, flow: Flow | None) -> None:
        self.flow = flow
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        if flow is None:
            self.note.setText("")
            self._title()
            return
        due = QBarSet(self.tr("Due to ship"))
        due.setColor(QColor("#d97706"))
        arriving = QBarSet(self.tr("Arriving"))
        arriving.setColor(QColor("#2563eb"))
        cats = []
        days = flow.days[:self.shown_days()]  # a narrow chart shows the first week
        self._shown = len(days)
        for d in days:
            due.append(d.demand_due)
            arriving.append(d.arriving)
            cats.append(str(d.day.day))
        series = QBarSeries()
        series.append(due)
        series.append(arriving)
        if any(getattr(d, "short", 0) for d in days):  # asked for (flow(shortfall=True))
            short = QBarSet(self.tr("Not covered in time"))
            short.setColor(QColor("#b3261e"))
            for d in days:
                short.append(d.short)
            series.append(short)
        self.chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(cats)
        font = x.labelsFont()
        font.setPointSizeF(max(font.pointSizeF() - 1, 6))
        x.setLabelsFont(font)
        if days:
            x.setTitleText(f"{days[0].day.isoformat()} – {days[-1].day.isoformat()}")
            tf = x.titleFont()
            tf.setPointSizeF(max(tf.pointSizeF() - 1, 6))
            tf.setBold(False)
            x.setTitleFont(tf)
        y = QValueAxis()
        y.setLabelFormat("%d")
        top = max([1, *(d.demand_due for d in days), *(d.arriving for d in days)])
        y.setRange(0, top)
        y.applyNiceNumbers()
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        self.note.setText(self.tr("Not in the bars: %1 units already overdue, %2 units with "
                                  "no ship deadline yet (balance not paid).").replace(
            "%1", display.count(flow.overdue_demand)).replace(
            "%2", display.count(flow.undated_demand)))
        short_units = sum(d.short for d in flow.days)
        if short_units:
            self.note.setText(self.tr("%1 units due in these days will not be covered by "
                                      "their deadline (red).").replace(
                "%1", display.count(short_units)) + " " + self.note.text())
        self._title()

    def shown_days(self) -> int:
        """All the days when each gets ~26 px (a day's label fits), else a week: the
        category axis elides a label to its bar group's width ("…")."""
        n = len(self.flow.days) if self.flow is not None else 0
        return n if (self.view.width() - 60) / max(n, 1) >= 26 else min(n, 7)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.flow is not None and self.shown_days() != self._shown:
            self.show_flow(self.flow)

    def _title(self) -> None:
        sku = self.flow.sku if self.flow is not None else None
        self.title.setText(self.tr("Due to ship vs arriving per day: %1").replace(
            "%1", sku) if sku else self.tr("Due to ship vs arriving per day: all SKUs"))

    def retranslate_ui(self) -> None:
        self.show_flow(self.flow)
