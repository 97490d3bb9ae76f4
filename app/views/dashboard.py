"""Dashboard: the shop's (or one campaign's) figures at a glance.

At the top the counts of now (orders, overdue, due in 48 h, active campaigns; each card
opens its orders), then the key figures of the chosen period with their trend against
the period before, one panel per currency (``dashboard_tiles``), then the charts
(``dashboard_charts``): orders per day, deposits against balances per day per
currency, shipments due against stock arriving (what stock will not cover in time in
red), the shop's health. Picking a campaign shows the same for it. A new, empty shop
shows what to do first instead (``dashboard_start``).

Everything is read in one op on the worker (``gather_figures``), by the service's
aggregate calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import display, labels
from app.views.base import Page
from app.views.dashboard_charts import HealthChart, MoneyChart, OrdersChart, ShortfallChart
from app.views.dashboard_start import StartPanel
from app.views.dashboard_tiles import KpiPanel

if TYPE_CHECKING:
    from app.context import DeskContext

PERIODS = (7, 30, 90)  # days
FLOW_DAYS = 28
TILE_WIDTH = 165  # a tile's width when the panels decide how many go in a row


@dataclass(frozen=True)
class Figures:
    shop_name: str
    now: datetime
    total: int
    overdue: int
    due_48h: int
    by_status: dict[str, int]
    campaigns_by_status: dict[str, int]
    active_campaigns: int
    campaigns: list[Any] = field(default_factory=list)  # svc.campaigns.all() rows
    campaign_id: int | None = None  # the drill-down, None: the whole shop
    days: int = 30
    since: datetime | None = None  # the period: [since, now); the one before: [prev, since)
    prev_since: datetime | None = None
    # svc.risk.metrics(): all orders (figures of now), the period, the period before;
    # one entry per currency, never mixed
    metrics: list[Any] = field(default_factory=list)
    period: list[Any] = field(default_factory=list)
    previous: list[Any] = field(default_factory=list)
    daily: list[Any] = field(default_factory=list)  # svc.risk.daily()
    flow: Any = None  # svc.stock.flow(shortfall=True)
    health: list[Any] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """A new shop: nothing to show figures of yet."""
        return self.total == 0 and not self.campaigns

    @property
    def currencies(self) -> list[str]:
        return sorted({m.currency for m in (*self.metrics, *self.period, *self.previous)})

    @property
    def campaign(self) -> Any:
        return next((c for c in self.campaigns if c.id == self.campaign_id), None)


def gather_figures(ctx: DeskContext, campaign_id: int | None = None,
                   days: int = 30) -> Figures:
    """Every figure of the page from the service (runs on the worker)."""
    from presale_engine.service import OrderFilter

    svc = ctx.svc
    now = svc.now()
    campaigns = svc.campaigns.all()
    if campaign_id not in {c.id for c in campaigns}:
        campaign_id = None
    cid = campaign_id

    def count(**kw: Any) -> int:
        return svc.orders.count(OrderFilter(campaign_id=cid, **kw))

    by_status = {s: count(statuses=[s]) for s in labels.ORDER_STATUSES}
    camp_status: dict[str, int] = {}
    active = 0
    for c in campaigns:
        camp_status[c.status] = camp_status.get(c.status, 0) + 1
        # Active: approved and its presale window not over yet.
        if c.status == "approved" and (c.ends is None or c.ends >= now) and \
                (cid is None or c.id == cid):
            active += 1
    today = now.astimezone(ctx.tz).date()
    since = datetime.combine(today - timedelta(days=days - 1), datetime.min.time(), ctx.tz)
    prev_since = since - (now - since)  # a period as long as this one
    return Figures(
        shop_name=ctx.shop.name, now=now, total=count(), overdue=count(overdue=True),
        due_48h=count(due_within_hours=48), by_status=by_status,
        campaigns_by_status=camp_status, active_campaigns=active, campaigns=campaigns,
        campaign_id=cid, days=days, since=since, prev_since=prev_since,
        metrics=svc.risk.metrics(campaign_id=cid),
        period=svc.risk.metrics(campaign_id=cid, since=since, until=now),
        previous=svc.risk.metrics(campaign_id=cid, since=prev_since, until=since),
        daily=svc.risk.daily(days=days, campaign_id=cid),
        flow=svc.stock.flow(days=FLOW_DAYS, campaign_id=cid, shortfall=True),
        health=svc.risk.health_history())


def zero_metrics(currency: str) -> Any:
    """The figures of a currency with no orders in a period."""
    from presale_engine.service.risk import MetricsView

    z = Decimal(0)
    return MetricsView(currency, 0, 0, z, z, None, z, None, None, None, None, None, z,
                       currency, z)


class FigureCard(QFrame):
    """A big number with a title; clicking it opens the matching orders."""

    clicked = Signal()

    def __init__(self, tone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FigureCard")
        self.setProperty("tone", tone)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(150)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 8, 14, 8)
        lay.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("FigureTitle")
        self.value = QLabel("–")
        self.value.setObjectName("FigureValue")
        self.caption = QLabel()
        self.caption.setObjectName("FigureCaption")
        self.caption.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.value)
        lay.addWidget(self.caption)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardPage(Page):
    name = "dashboard"
    # A first step chosen on the empty dashboard: "import", "campaign" or "demo".
    start_action = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: Figures | None = None
        self.campaign_id: int | None = None
        self.days = 30
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)
        body = QWidget()
        self.scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(20, 12, 20, 16)
        lay.setSpacing(12)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.heading = QLabel()
        self.heading.setObjectName("PageHeading")
        self.subheading = QLabel()
        self.subheading.setObjectName("PageSubheading")
        self.subheading.setWordWrap(True)  # a campaign's long name must not widen the page
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        top.addLayout(titles, 1)
        self.campaign_label = QLabel()
        self.campaign_combo = QComboBox()
        self.campaign_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign_combo.setMinimumContentsLength(16)
        self.campaign_combo.addItem("", None)
        self.campaign_combo.activated.connect(self._campaign_chosen)
        self.period_label = QLabel()
        self.period_combo = QComboBox()
        for d in PERIODS:
            self.period_combo.addItem("", d)
        self.period_combo.setCurrentIndex(PERIODS.index(self.days))
        self.period_combo.activated.connect(self._period_chosen)
        for w in (self.campaign_label, self.campaign_combo, self.period_label,
                  self.period_combo):
            top.addWidget(w, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addLayout(top)

        self.start_panel = StartPanel()
        self.start_panel.chosen.connect(self.start_action)
        lay.addWidget(self.start_panel)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(12)
        lay.addWidget(self.content)
        lay.addStretch(1)

        cards = QHBoxLayout()
        cards.setSpacing(12)
        self.card_total = FigureCard()
        self.card_overdue = FigureCard("bad")
        self.card_due = FigureCard("warn")
        self.card_active = FigureCard()
        for card in (self.card_total, self.card_overdue, self.card_due, self.card_active):
            cards.addWidget(card)
        content.addLayout(cards)
        self.card_total.clicked.connect(lambda: self._open({}))
        self.card_overdue.clicked.connect(lambda: self._open({"overdue": True}))
        self.card_due.clicked.connect(lambda: self._open({"due_48h": True}))
        self.card_active.clicked.connect(lambda: self.navigate.emit("campaigns"))

        self.period_note = QLabel()
        self.period_note.setObjectName("FigureCaption")
        self.period_note.setWordWrap(True)
        content.addWidget(self.period_note)
        self.kpi_row = QHBoxLayout()
        self.kpi_row.setSpacing(12)
        self.kpi_panels: dict[str, KpiPanel] = {}
        content.addLayout(self.kpi_row)

        charts = QGridLayout()
        charts.setHorizontalSpacing(16)
        charts.setVerticalSpacing(12)
        self.orders_chart = OrdersChart()
        self.health_chart = HealthChart()
        charts.addWidget(self.orders_chart, 0, 0)
        charts.addWidget(self.health_chart, 0, 1)
        self.money_row = QHBoxLayout()
        self.money_row.setSpacing(16)
        self.money_charts: dict[str, MoneyChart] = {}
        charts.addLayout(self.money_row, 1, 0, 1, 2)
        self.flow_chart = ShortfallChart()
        charts.addWidget(self.flow_chart, 2, 0, 1, 2)
        charts.setColumnStretch(0, 1)
        charts.setColumnStretch(1, 1)
        content.addLayout(charts)

        row = QHBoxLayout()
        row.setSpacing(12)
        self.status_box = QGroupBox()
        self.status_grid = QGridLayout(self.status_box)
        self.status_grid.setColumnStretch(2, 1)
        self.status_grid.setHorizontalSpacing(12)
        self.status_grid.setVerticalSpacing(2)
        self._status_rows: dict[str, tuple[QLabel, QLabel, QProgressBar]] = {}
        for i, code in enumerate(labels.ORDER_STATUSES):
            name = QLabel()
            value = QLabel("0")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setMaximumHeight(8)
            bar.setRange(0, 1)
            bar.setValue(0)
            self.status_grid.addWidget(name, i, 0)
            self.status_grid.addWidget(value, i, 1)
            self.status_grid.addWidget(bar, i, 2)
            self._status_rows[code] = (name, value, bar)
        row.addWidget(self.status_box, 3)
        self.campaign_box = QGroupBox()
        self.campaign_grid = QGridLayout(self.campaign_box)
        self._campaign_rows: dict[str, tuple[QLabel, QLabel]] = {}
        for i, code in enumerate(labels.CAMPAIGN_STATUSES):
            name, value = QLabel(), QLabel("0")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.campaign_grid.addWidget(name, i, 0)
            self.campaign_grid.addWidget(value, i, 1)
            self._campaign_rows[code] = (name, value)
        self.campaign_box.setSizePolicy(QSizePolicy.Policy.Preferred,
                                        QSizePolicy.Policy.Maximum)
        row.addWidget(self.campaign_box, 2, Qt.AlignmentFlag.AlignTop)
        content.addLayout(row)
        self.retranslate_ui()

    def nav_title(self) -> str:
        return self.tr("Dashboard")

    # ------------------------------------------------------------------ data
    def fetch(self, ctx: DeskContext) -> Any:
        return gather_figures(ctx, self.campaign_id, self.days)

    def apply(self, data: Any) -> None:
        self.figures = data
        self.campaign_id = data.campaign_id
        self._show()

    def clear(self) -> None:
        self.figures = None
        self.campaign_id = None
        self._show()

    def show_campaign(self, campaign_id: int | None) -> None:
        """Drill down into one campaign (None: the whole shop) and reload."""
        self.campaign_id = campaign_id
        self.mark_stale()
        self.ensure_loaded()

    def show_period(self, days: int) -> None:
        self.days = days
        self.period_combo.setCurrentIndex(PERIODS.index(days) if days in PERIODS else 1)
        self.mark_stale()
        self.ensure_loaded()

    def _campaign_chosen(self, index: int) -> None:
        self.show_campaign(self.campaign_combo.itemData(index))

    def _period_chosen(self, index: int) -> None:
        self.show_period(int(self.period_combo.itemData(index)))

    def _open(self, options: dict[str, Any]) -> None:
        if self.campaign_id is not None:
            options = {**options, "campaign_id": self.campaign_id}
        self.open_orders.emit(options)

    # ------------------------------------------------------------------ showing
    def _show(self) -> None:
        f = self.figures
        self.heading.setText(labels.shop_name(f.shop_name) if f else self.tr("No database open"))
        tz = self.ctx.tz if self.ctx is not None else None
        if f is not None and self.ctx is not None:
            camp = f.campaign
            as_of = self.tr("Figures as of %1 (%2)").replace(
                "%1", display.when(f.now, tz)).replace("%2", self.ctx.shop.timezone)
            self.subheading.setText(as_of if camp is None else self.tr(
                "Campaign #%1 “%2” on %3 · %4").replace("%1", str(camp.id)).replace(
                "%2", camp.name).replace("%3", labels.platform(camp.platform)).replace(
                "%4", as_of))
        else:
            self.subheading.setText("")
        empty = f is not None and f.empty
        self.start_panel.setVisible(empty)
        self.content.setVisible(f is not None and not empty)
        for w in (self.campaign_label, self.campaign_combo, self.period_label,
                  self.period_combo):
            w.setVisible(f is not None and not empty)
        self._fill_campaigns()
        self.card_total.caption.setText(self.tr("all orders in this shop")
                                        if self.campaign_id is None
                                        else self.tr("all orders of this campaign"))
        self.card_total.value.setText(display.count(f.total) if f else "–")
        self.card_overdue.value.setText(display.count(f.overdue) if f else "–")
        self.card_due.value.setText(display.count(f.due_48h) if f else "–")
        self.card_active.value.setText(display.count(f.active_campaigns) if f else "–")
        biggest = max(f.by_status.values(), default=0) if f else 0
        for code, (_name, value, bar) in self._status_rows.items():
            n = f.by_status.get(code, 0) if f else 0
            value.setText(display.count(n))
            bar.setRange(0, max(biggest, 1))
            bar.setValue(n)
        for code, (_name, value) in self._campaign_rows.items():
            value.setText(display.count(f.campaigns_by_status.get(code, 0)) if f else "0")
        self._show_kpis()
        self._show_charts()

    def _fill_campaigns(self) -> None:
        combo, f = self.campaign_combo, self.figures
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for c in (f.campaigns if f else []):
            combo.addItem(f"#{c.id} {c.name}", c.id)
            combo.setItemData(combo.count() - 1, f"#{c.id} {c.name} · "
                              f"{labels.campaign_status(c.status)}",
                              Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(combo.findData(self.campaign_id), 0)
                              if self.campaign_id is not None else 0)
        combo.blockSignals(False)

    def period_text(self) -> str:
        f, tz = self.figures, self.ctx.tz if self.ctx is not None else None
        if f is None or f.since is None or f.prev_since is None:
            return ""
        return self.tr("Last %n days: %1 – %2, compared with %3 – %4 (hover a figure for "
                       "its definition).", "", f.days).replace(
            "%1", display.day(f.since, tz)).replace("%2", display.day(f.now, tz)).replace(
            "%3", display.day(f.prev_since, tz)).replace(
            "%4", display.day(f.since - timedelta(seconds=1), tz))

    def _show_kpis(self) -> None:
        f = self.figures
        currencies = f.currencies if f is not None and not f.empty else []
        for cur in list(self.kpi_panels):
            if cur not in currencies:
                panel = self.kpi_panels.pop(cur)
                self.kpi_row.removeWidget(panel)
                panel.hide()  # gone from the screen now, deleted later
                panel.deleteLater()
        period = self.period_text()
        for cur in currencies:
            panel = self.kpi_panels.get(cur)
            if panel is None:
                panel = self.kpi_panels[cur] = KpiPanel(cur)
                self.kpi_row.addWidget(panel, 1)
            assert f is not None

            def pick(rows: list[Any], c: str = cur) -> Any:
                return next((m for m in rows if m.currency == c), None) or zero_metrics(c)

            panel.show_figures(pick(f.metrics), pick(f.period), pick(f.previous), period,
                               self.tr("Key figures in %1").replace("%1", cur))
        self.period_note.setText(period)
        self._fit_tiles()

    def _show_charts(self) -> None:
        f = self.figures
        daily = f.daily if f is not None else []
        self.orders_chart.show_daily(daily)
        self.health_chart.show_history(f.health if f is not None else [])
        currencies = f.currencies if f is not None and not f.empty else []
        for cur in list(self.money_charts):
            if cur not in currencies:
                chart = self.money_charts.pop(cur)
                self.money_row.removeWidget(chart)
                chart.hide()
                chart.deleteLater()
        for cur in currencies:
            chart = self.money_charts.get(cur)
            if chart is None:
                chart = self.money_charts[cur] = MoneyChart()
                self.money_row.addWidget(chart, 1)
            chart.show_daily(next((d for d in daily if d.currency == cur), None), cur)
        camp = f.campaign if f is not None else None
        self.flow_chart.scope = self.tr("the SKUs of campaign #%1").replace(
            "%1", str(camp.id)) if camp is not None else ""
        self.flow_chart.show_flow(f.flow if f is not None else None)

    def _fit_tiles(self) -> None:
        if not self.kpi_panels:
            return
        width = self.scroll.viewport().width() - 40
        each = width // len(self.kpi_panels) - 16
        for panel in self.kpi_panels.values():
            panel.set_columns(max(1, each // TILE_WIDTH))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_tiles()

    def retranslate_ui(self) -> None:
        self.campaign_label.setText(self.tr("Campaign:"))
        self.campaign_combo.setItemText(0, self.tr("All campaigns"))
        self.period_label.setText(self.tr("Period:"))
        for i, d in enumerate(PERIODS):
            self.period_combo.setItemText(i, self.tr("Last %n days", "", d))
        self.card_total.title.setText(self.tr("Orders"))
        self.card_overdue.title.setText(self.tr("Overdue"))
        self.card_overdue.caption.setText(self.tr("not shipped, ship deadline passed"))
        self.card_due.title.setText(self.tr("Due in 48 h"))
        self.card_due.caption.setText(self.tr("not shipped, deadline within 48 hours"))
        self.card_active.title.setText(self.tr("Active campaigns"))
        self.card_active.caption.setText(self.tr("approved, presale not over"))
        self.status_box.setTitle(self.tr("Orders by status"))
        for code, (name, _value, _bar) in self._status_rows.items():
            name.setText(labels.order_status(code))
        self.campaign_box.setTitle(self.tr("Campaigns by status"))
        for code, (name, _value) in self._campaign_rows.items():
            name.setText(labels.campaign_status(code))
        self._show()
