"""The dashboard's charts (issue 9), QtCharts: the last 30 days and the next 30.

- orders per day (all, and presale among them);
- deposits against balances received per day, one chart per currency (never mixed);
- shipments due per day against stock arriving per day (``FlowChart``, the picture
  that shows a coming shortfall);
- the shop's health trend: rating and bad-review rate as the seller typed them in.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.views.flow_chart import FlowChart


def _chart() -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(200)
    return chart, view


def _reset(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def _day_labels(days: list[Any]) -> list[str]:
    """Every fifth day's date under the bars (more would be cut to "…" on a narrow
    window); the others get distinct blank labels (a category axis needs unique ones)."""
    return [d.strftime("%m-%d") if i % 5 == 0 else " " * (i + 1)
            for i, d in enumerate(days)]


def _bars(chart: QChart, days: list[Any], sets: list[tuple[str, list[float], str]]
          ) -> None:
    _reset(chart)
    series = QBarSeries()
    top = 0.0
    for name, values, color in sets:
        numbers = [float(v) for v in values]  # a chart's bar height: display only
        bar = QBarSet(name)
        bar.setColor(QColor(color))
        bar.append(numbers)
        series.append(bar)
        top = max(top, *numbers, 0.0)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(_day_labels(days))
    if days:
        x.setTitleText(f"{days[0]:%Y-%m-%d} – {days[-1]:%Y-%m-%d}")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x)
    y = QValueAxis()
    y.setRange(0, max(top * 1.1, 1.0))
    y.setLabelFormat("%.0f")
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y)


class DashboardCharts(QWidget):
    """Charts of one scope: the whole shop, or one campaign (the drill-down)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.daily: list[Any] = []
        self.health: list[Any] = []
        self._money_views: list[tuple[QLabel, QChart, QChartView]] = []
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setHorizontalSpacing(12)
        lay.setVerticalSpacing(8)
        self.orders_title = QLabel()
        self.orders_title.setObjectName("SectionTitle")
        self.orders_chart, self.orders_view = _chart()
        box = QVBoxLayout()
        box.addWidget(self.orders_title)
        box.addWidget(self.orders_view, 1)
        lay.addLayout(box, 0, 0)
        self.money_box = QVBoxLayout()
        lay.addLayout(self.money_box, 0, 1)
        self.flow = FlowChart()
        self.flow.view.setMinimumHeight(200)
        lay.addWidget(self.flow, 1, 0)
        self.health_title = QLabel()
        self.health_title.setObjectName("SectionTitle")
        self.health_chart, self.health_view = _chart()
        self.health_note = QLabel()
        self.health_note.setWordWrap(True)
        hbox = QVBoxLayout()
        hbox.addWidget(self.health_title)
        hbox.addWidget(self.health_view, 1)
        hbox.addWidget(self.health_note)
        lay.addLayout(hbox, 1, 1)
        lay.setColumnStretch(0, 1)
        lay.setColumnStretch(1, 1)
        self.retranslate_ui()

    # ------------------------------------------------------------------ data
    def show_data(self, daily: list[Any], flow: Any, health: list[Any]) -> None:
        self.daily, self.health = daily, health
        days = sorted({d.day for d in daily})
        orders = {d: 0 for d in days}
        presale = {d: 0 for d in days}
        for f in daily:
            orders[f.day] += f.orders
            presale[f.day] += f.presale_orders
        _bars(self.orders_chart, days, [
            (self.tr("All orders"), [orders[d] for d in days], "#4f7cac"),
            (self.tr("Presale orders"), [presale[d] for d in days], "#e0a030")])
        self._show_money(days, daily)
        self.flow.show_flow(flow)
        self._show_health(health)

    def _show_money(self, days: list[Any], daily: list[Any]) -> None:
        currencies = sorted({f.currency for f in daily}) or [""]
        while len(self._money_views) < len(currencies):
            title = QLabel()
            title.setObjectName("SectionTitle")
            chart, view = _chart()
            self.money_box.addWidget(title)
            self.money_box.addWidget(view, 1)
            self._money_views.append((title, chart, view))
        for i, (title, chart, view) in enumerate(self._money_views):
            visible = i < len(currencies)
            title.setVisible(visible)
            view.setVisible(visible)
            if not visible:
                continue
            cur = currencies[i]
            title.setText(self.tr("Deposits against balances received per day (%1)")
                          .replace("%1", cur or "–"))
            by_day = {f.day: f for f in daily if f.currency == cur}
            zero = Decimal(0)
            _bars(chart, days, [
                (self.tr("Deposits"), [by_day[d].deposits if d in by_day else zero
                                       for d in days], "#6a9f58"),
                (self.tr("Balances and full payments"),
                 [by_day[d].balances if d in by_day else zero for d in days], "#4f7cac")])

    def _show_health(self, health: list[Any]) -> None:
        chart = self.health_chart
        _reset(chart)
        points = [h for h in health if h.rating is not None or h.bad_review_rate is not None]
        if not points:
            self.health_note.setText(self.tr(
                "No health figures yet: type the shop's rating and bad-review rate in "
                "Settings (or `presale shop health`) to follow their trend."))
            return
        self.health_note.setText("")
        rating = QLineSeries()
        rating.setName(self.tr("Rating (0-5)"))
        bad = QLineSeries()
        bad.setName(self.tr("Bad-review rate (%)"))
        for i, h in enumerate(points):
            if h.rating is not None:
                rating.append(i, float(h.rating))
            if h.bad_review_rate is not None:
                bad.append(i, float(h.bad_review_rate) * 100)
        chart.addSeries(rating)
        chart.addSeries(bad)
        x = QBarCategoryAxis()
        x.append([h.day.strftime("%m-%d") for h in points])
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        y1 = QValueAxis()
        y1.setRange(0, 5)
        chart.addAxis(y1, Qt.AlignmentFlag.AlignLeft)
        y2 = QValueAxis()
        y2.setRange(0, max(5.0, *(float(h.bad_review_rate) * 100 * 1.2 for h in points
                                  if h.bad_review_rate is not None)))
        y2.setLabelFormat("%.1f")
        chart.addAxis(y2, Qt.AlignmentFlag.AlignRight)
        for series, y in ((rating, y1), (bad, y2)):
            series.attachAxis(x)
            series.attachAxis(y)

    def retranslate_ui(self) -> None:
        self.orders_title.setText(self.tr("Orders per day, last 30 days"))
        self.health_title.setText(self.tr("Shop health trend"))
        if self.daily or self.health:
            self.show_data(self.daily, self.flow.flow, self.health)
