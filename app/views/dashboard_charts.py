"""The dashboard's charts (QtCharts): orders per day, deposits against balances per day
(one chart per currency: money is never mixed), shipments due against stock arriving
(with what stock will not cover in time), and the shop's health as typed in.

Each chart is a ``DayChart``: a title, the chart and a note line under it. Days are
the shop's local days as the service counts them (``svc.risk.daily``,
``svc.stock.flow``, ``svc.risk.health_history``).
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app import display
from app.views.flow_chart import FlowChart

# One colour per currency in the orders chart; deposits and balances in the money charts.
CURRENCY_COLOURS = ("#3b5bdb", "#d97706", "#2f9e44", "#ae3ec9")
DEPOSIT_COLOUR, BALANCE_COLOUR = "#3b5bdb", "#2f9e44"
RATING_COLOUR, BAD_REVIEW_COLOUR = "#3b5bdb", "#b3261e"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardCharts", text)


def _ms(day: date) -> float:
    """Noon of a day, in ms since the epoch (a point sits in the middle of its day)."""
    return float(datetime.combine(day, time(12)).timestamp() * 1000)


def _small(font: Any, delta: float = 1) -> Any:
    font.setPointSizeF(max(font.pointSizeF() - delta, 6))
    return font


class DayChart(QWidget):
    """A chart with a title above it and a note below it."""

    def __init__(self, parent: QWidget | None = None, height: int = 210) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.chart = QChart()
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        self.chart.setBackgroundRoundness(0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart.legend().setFont(_small(self.chart.legend().font()))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(height)
        self.note = QLabel()
        self.note.setObjectName("FigureCaption")
        self.note.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.note)

    def reset(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
            shiboken6.delete(axis)  # removed, it is ours; until deleted it is still drawn

    def day_axis(self, first: date, last: date) -> QDateTimeAxis:
        x = QDateTimeAxis()
        x.setFormat("MM-dd")
        x.setLabelsFont(_small(x.labelsFont()))
        x.setRange(QDateTime.fromMSecsSinceEpoch(int(_ms(first))),
                   QDateTime.fromMSecsSinceEpoch(int(_ms(last))))
        span = (last - first).days
        x.setTickCount(max(2, min(7, span + 1)))
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        return x

    def value_axis(self, top: float, fmt: str = "%d",
                   align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
                   bottom: float = 0) -> QValueAxis:
        y = QValueAxis()
        y.setLabelFormat(fmt)
        y.setLabelsFont(_small(y.labelsFont()))
        y.setRange(bottom, max(top, bottom + 1))
        y.setTickCount(5)
        y.applyNiceNumbers()
        if fmt in ("%d", "%.0f") and y.max() - y.min() < 4:
            y.setRange(bottom, bottom + 4)  # whole numbers on the ticks
            y.setTickCount(5)
        self.chart.addAxis(y, align)
        return y

    def line(self, name: str, colour: str, points: list[tuple[date, float]],
             axes: list[Any]) -> QLineSeries:
        s = QLineSeries()
        s.setName(name)
        s.setPen(QPen(QColor(colour), 2))
        s.setPointsVisible(len(points) <= 31)
        for day, v in points:
            s.append(_ms(day), v)
        self.chart.addSeries(s)
        for a in axes:
            s.attachAxis(a)
        return s


class OrdersChart(DayChart):
    """Orders placed per day, one line per currency (a count: no money is added up)."""

    def show_daily(self, daily: list[Any]) -> None:
        self.reset()
        self.title.setText(_tr("Orders per day"))
        if not daily:
            self.note.setText(_tr("No orders in this period."))
            return
        days = daily[0].days
        x = self.day_axis(days[0], days[-1])
        y = self.value_axis(max(max(d.orders) for d in daily))
        for i, d in enumerate(daily):
            self.line(_tr("%1 orders").replace("%1", d.currency),
                      CURRENCY_COLOURS[i % len(CURRENCY_COLOURS)],
                      list(zip(d.days, d.orders, strict=True)), [x, y])
        self.note.setText(_tr("Total: %1").replace("%1", ", ".join(
            f"{d.currency} {display.count(sum(d.orders))}" for d in daily)))


class MoneyChart(DayChart):
    """Deposits paid against balances paid per day, in one currency."""

    def show_daily(self, d: Any, currency: str) -> None:
        self.reset()
        self.title.setText(_tr("Deposits and balances per day (%1)").replace("%1", currency))
        if d is None:
            self.note.setText(_tr("No payments in this period."))
            return
        days = d.days
        top = max([*d.deposits, *d.balances, Decimal(1)])
        x = self.day_axis(days[0], days[-1])
        y = self.value_axis(float(top), "%.0f")
        self.line(_tr("Deposits"), DEPOSIT_COLOUR,
                  [(day, float(v)) for day, v in zip(days, d.deposits, strict=True)], [x, y])
        self.line(_tr("Balances and full payments"), BALANCE_COLOUR,
                  [(day, float(v)) for day, v in zip(days, d.balances, strict=True)], [x, y])
        self.note.setText(_tr("Deposits %1, balances and full payments %2 in the period").replace(
            "%1", display.money(sum(d.deposits, Decimal(0)), currency)).replace(
            "%2", display.money(sum(d.balances, Decimal(0)), currency)))


class HealthChart(DayChart):
    """The shop's rating and bad-review rate as typed in (Preferences → Risk)."""

    def show_history(self, history: list[Any]) -> None:
        self.reset()
        self.title.setText(_tr("Shop health"))
        rated = [(h.day, float(h.rating)) for h in history if h.rating is not None]
        bad = [(h.day, float(h.bad_review_rate * 100)) for h in history
               if h.bad_review_rate is not None]
        if not history:
            self.note.setText(_tr("No rating entered yet: type the platform's rating and "
                                  "bad-review rate in Preferences → Shop health, as often as "
                                  "you read them."))
            return
        days = [h.day for h in history]
        first, last = min(days), max(days)
        if first == last:
            first = date.fromordinal(last.toordinal() - 1)
        x = self.day_axis(first, last)
        left = self.value_axis(5, "%.1f", bottom=min([4.0, *(v for _, v in rated)]))
        right = self.value_axis(max([4.0, *(v for _, v in bad)]), "%.1f%%",
                                Qt.AlignmentFlag.AlignRight)
        if rated:
            self.line(_tr("Rating"), RATING_COLOUR, rated, [x, left])
        if bad:
            self.line(_tr("Bad-review rate"), BAD_REVIEW_COLOUR, bad, [x, right])
        h = history[-1]
        self.note.setText(_tr("Latest (%1): rating %2, bad-review rate %3").replace(
            "%1", h.day.isoformat()).replace(
            "%2", "–" if h.rating is None else str(h.rating)).replace(
            "%3", "–" if h.bad_review_rate is None else f"{h.bad_review_rate * 100:.1f}%"))


class ShortfallChart(FlowChart):
    """Shipments due per day against stock arriving per day, with the units that stock
    and supply will not cover by their deadline: the picture of a coming shortfall."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.scope = ""
        super().__init__(parent)
        self.view.setMinimumHeight(220)

    def _title(self) -> None:
        self.title.setText(_tr("Shipments due vs stock arriving per day: %1").replace(
            "%1", self.scope or _tr("all SKUs")))

    def short_units(self) -> int:
        return sum(d.short for d in self.flow.days) if self.flow is not None else 0

