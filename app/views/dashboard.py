"""Dashboard: the shop's key figures at a glance; each figure card opens its orders.

The figures are counts the service already answers (``svc.orders.count`` with a filter,
``list_campaigns``), gathered in one op on the worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import display, labels
from app.views.base import Page
from app.views.dashboard_charts import DashboardCharts

if TYPE_CHECKING:
    from datetime import datetime

    from app.context import DeskContext


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
    deposits: dict[str, Decimal] = field(default_factory=dict)
    # svc.risk.metrics(): GMV, conversion, on-time rate... one entry per currency
    metrics: list[Any] = field(default_factory=list)
    daily: list[Any] = field(default_factory=list)  # svc.risk.daily(): the charts
    flow: Any = None  # svc.stock.flow(): shipments due against stock arriving
    health: list[Any] = field(default_factory=list)
    campaigns: list[tuple[int, str]] = field(default_factory=list)  # the drill-down
    scope: int | None = None  # the campaign drilled into, None: the whole shop


def gather_figures(ctx: DeskContext, scope: int | None = None) -> Figures:
    """Key figures from existing service calls (runs on the worker); ``scope``: one
    campaign's orders only (the drill-down)."""
    from presale_engine.service import OrderFilter

    svc = ctx.svc
    now = svc.now()
    base: dict[str, Any] = {"campaign_id": scope} if scope is not None else {}
    by_status = {s: svc.orders.count(OrderFilter(statuses=[s], **base))
                 for s in labels.ORDER_STATUSES}
    campaigns = svc.campaigns.all()
    listed = [(c.id, c.name) for c in campaigns]
    if scope is not None:
        campaigns = [c for c in campaigns if c.id == scope]
    camp_status: dict[str, int] = {}
    deposits: dict[str, Decimal] = {}
    active = 0
    for c in campaigns:
        camp_status[c.status] = camp_status.get(c.status, 0) + 1
        deposits[c.currency] = deposits.get(c.currency, Decimal(0)) + c.deposits
        # Active: approved and its presale window not over yet.
        if c.status == "approved" and (c.ends is None or c.ends >= now):
            active += 1
    return Figures(
        shop_name=ctx.shop.name, now=now, total=svc.orders.count(OrderFilter(**base)),
        overdue=svc.orders.count(OrderFilter(overdue=True, **base)),
        due_48h=svc.orders.count(OrderFilter(due_within_hours=48, **base)),
        by_status=by_status, campaigns_by_status=camp_status, active_campaigns=active,
        deposits=deposits, metrics=svc.risk.metrics(campaign_id=scope),
        daily=svc.risk.daily(campaign_id=scope), flow=svc.stock.flow(),
        health=svc.risk.health_history(), campaigns=listed, scope=scope)


class FigureCard(QFrame):
    """A big number with a title; clicking it opens the matching orders."""

    clicked = Signal()

    def __init__(self, tone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FigureCard")
        self.setProperty("tone", tone)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(180)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
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
    # the first steps of an empty shop: "import", "campaign" or "demo"
    first_step = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: Figures | None = None
        self.scope: int | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.setSpacing(14)

        self.heading = QLabel()
        self.heading.setObjectName("PageHeading")
        self.subheading = QLabel()
        self.subheading.setObjectName("PageSubheading")
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        head.addLayout(titles, 1)
        self.scope_label = QLabel()
        self.scope_combo = QComboBox()
        self.scope_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope_combo.setMinimumContentsLength(24)
        self.scope_combo.activated.connect(lambda _i: self._scope_chosen())
        head.addWidget(self.scope_label)
        head.addWidget(self.scope_combo)
        lay.addLayout(head)

        self.empty_box = QGroupBox()
        empty = QVBoxLayout(self.empty_box)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        empty.addWidget(self.empty_text)
        buttons = QHBoxLayout()
        self.btn_import = QPushButton()
        self.btn_campaign = QPushButton()
        self.btn_demo = QPushButton()
        for b, step in ((self.btn_import, "import"), (self.btn_campaign, "campaign"),
                        (self.btn_demo, "demo")):
            b.clicked.connect(lambda _c=False, st=step: self.first_step.emit(st))
            buttons.addWidget(b)
        buttons.addStretch(1)
        empty.addLayout(buttons)
        self.empty_box.setVisible(False)
        lay.addWidget(self.empty_box)

        cards = QHBoxLayout()
        cards.setSpacing(12)
        self.card_total = FigureCard()
        self.card_overdue = FigureCard("bad")
        self.card_due = FigureCard("warn")
        self.card_active = FigureCard()
        for card in (self.card_total, self.card_overdue, self.card_due, self.card_active):
            cards.addWidget(card)
        lay.addLayout(cards)
        self.card_total.clicked.connect(lambda: self.open_orders.emit({}))
        self.card_overdue.clicked.connect(lambda: self.open_orders.emit({"overdue": True}))
        self.card_due.clicked.connect(lambda: self.open_orders.emit({"due_48h": True}))
        self.card_active.clicked.connect(lambda: self.navigate.emit("campaigns"))

        row = QHBoxLayout()
        row.setSpacing(12)
        self.status_box = QGroupBox()
        self.status_grid = QGridLayout(self.status_box)
        self.status_grid.setColumnStretch(2, 1)
        self.status_grid.setHorizontalSpacing(12)
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

        side = QVBoxLayout()
        self.kpi_box = QGroupBox()
        self.kpi_grid = QGridLayout(self.kpi_box)
        self.kpi_grid.setHorizontalSpacing(16)
        self._kpi_names: list[QLabel] = []
        self._kpi_cells: list[QLabel] = []
        side.addWidget(self.kpi_box)
        self.campaign_box = QGroupBox()
        self.campaign_grid = QGridLayout(self.campaign_box)
        self._campaign_rows: dict[str, tuple[QLabel, QLabel]] = {}
        for i, code in enumerate(labels.CAMPAIGN_STATUSES):
            name, value = QLabel(), QLabel("0")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.campaign_grid.addWidget(name, i, 0)
            self.campaign_grid.addWidget(value, i, 1)
            self._campaign_rows[code] = (name, value)
        side.addWidget(self.campaign_box)
        self.deposit_box = QGroupBox()
        dep = QVBoxLayout(self.deposit_box)
        self.deposit_lines = QVBoxLayout()
        self.deposit_lines.setSpacing(2)
        self._deposit_labels: list[QLabel] = []
        self.deposit_note = QLabel()
        self.deposit_note.setObjectName("FigureCaption")
        self.deposit_note.setWordWrap(True)
        dep.addLayout(self.deposit_lines)
        dep.addWidget(self.deposit_note)
        side.addWidget(self.deposit_box)
        side.addStretch(1)
        row.addLayout(side, 2)
        lay.addLayout(row)
        self.charts = DashboardCharts()
        lay.addWidget(self.charts)
        lay.addStretch(1)
        self.retranslate_ui()

    def nav_title(self) -> str:
        return self.tr("Dashboard")

    def fetch(self, ctx: DeskContext) -> Any:
        return gather_figures(ctx, self.scope)

    def _scope_chosen(self) -> None:
        scope = self.scope_combo.currentData()
        if scope != self.scope:
            self.scope = scope
            self.refresh()

    def drill_into(self, campaign_id: int | None) -> None:
        """Show one campaign's figures (None: the whole shop)."""
        self.scope = campaign_id
        self.refresh()

    def apply(self, data: Any) -> None:
        self.figures = data
        self._show()

    def clear(self) -> None:
        self.figures = None
        self._show()

    def _show(self) -> None:
        f = self.figures
        self.heading.setText(labels.shop_name(f.shop_name) if f else self.tr("No database open"))
        if f is not None and self.ctx is not None:
            self.subheading.setText(self.tr("Figures as of %1 (%2)").replace(
                "%1", display.when(f.now, self.ctx.tz)).replace("%2", self.ctx.shop.timezone))
        else:
            self.subheading.setText("")
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
        self._show_kpis(f.metrics if f else [])
        self._show_scope(f)
        self.empty_box.setVisible(f is not None and f.total == 0 and f.scope is None
                                  and not f.campaigns)
        if f is not None:
            self.charts.show_data(f.daily, f.flow, f.health)
        amounts = [display.money(v, cur) for cur, v in sorted(f.deposits.items())] \
            if f and f.deposits else ["–"]
        while len(self._deposit_labels) < len(amounts):
            label = QLabel()
            label.setObjectName("DepositFigure")
            self.deposit_lines.addWidget(label)
            self._deposit_labels.append(label)
        for i, label in enumerate(self._deposit_labels):
            label.setVisible(i < len(amounts))
            label.setText(amounts[i] if i < len(amounts) else "")

    def _show_scope(self, f: Figures | None) -> None:
        combo = self.scope_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("The whole shop"), None)
        for cid, name in (f.campaigns if f else []):
            combo.addItem(f"#{cid} {name}", cid)
        index = combo.findData(self.scope) if self.scope is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def kpi_rows(self) -> list[tuple[str, Any]]:
        """(name, figure of a MetricsView) for the key-figures box; never mixes currencies."""
        def pct(v: Decimal | None) -> str:
            return "–" if v is None else f"{v * 100:.1f}%"

        return [
            (self.tr("GMV"), lambda m: display.money(m.gmv, m.currency)),
            (self.tr("Deposits collected"),
             lambda m: display.money(m.deposits_collected, m.currency)),
            (self.tr("Balance conversion"), lambda m: pct(m.balance_conversion)),
            (self.tr("On-time rate"), lambda m: pct(m.on_time_rate)),
            (self.tr("Presale share"), lambda m: pct(m.presale_share)),
            (self.tr("Penalty exposure (overdue now)"),
             lambda m: display.money(m.penalty_exposure, m.penalty_currency)),
            (self.tr("Deposit liability"),
             lambda m: display.money(m.deposit_liability, m.currency)),
        ]

    def _show_kpis(self, metrics: list[Any]) -> None:
        for w in (*self._kpi_names, *self._kpi_cells):
            self.kpi_grid.removeWidget(w)
            w.deleteLater()
        self._kpi_names, self._kpi_cells = [], []
        for r, (name, fn) in enumerate(self.kpi_rows()):
            label = QLabel(name)
            self.kpi_grid.addWidget(label, r, 0)
            self._kpi_names.append(label)
            for c, m in enumerate(metrics or [None]):
                cell = QLabel(fn(m) if m is not None else "–")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.kpi_grid.addWidget(cell, r, c + 1)
                self._kpi_cells.append(cell)

    def retranslate_ui(self) -> None:
        self.kpi_box.setTitle(self.tr("Key figures (all orders, per currency)"))
        self.scope_label.setText(self.tr("Show:"))
        self.empty_box.setTitle(self.tr("Start here"))
        self.empty_text.setText(self.tr(
            "This shop has no orders and no campaigns yet. Import an order export from "
            "your platform, set up a presale campaign, or open the demo shop to look "
            "around first."))
        self.btn_import.setText(self.tr("Import orders…"))
        self.btn_campaign.setText(self.tr("Create a campaign…"))
        self.btn_demo.setText(self.tr("Open the demo shop"))
        self.charts.retranslate_ui()
        self.card_total.title.setText(self.tr("Orders"))
        self.card_total.caption.setText(self.tr("all orders in this shop"))
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
        self.deposit_box.setTitle(self.tr("Deposits collected"))
        self.deposit_note.setText(self.tr("deposits paid on orders of all campaigns"))
        self._show()
