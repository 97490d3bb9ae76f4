"""The dashboard's key-figure tiles: one panel per currency (never mixed), each tile a
figure of the period with its trend against the period before.

The figures are ``svc.risk.metrics`` views (one per currency) of the period and of the
period before; penalty exposure and deposit liability are figures of now (what is
overdue now, what cancelling every open deposit order would refund now), so their tile
says "now" instead of a trend. Changes are worked out for display only: money stays
Decimal, and a rate's change is said in percentage points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from app import display

GOOD, BAD, NEUTRAL = "#1a7f37", "#b3261e", "#6a7079"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardTiles", text)


@dataclass(frozen=True)
class Kpi:
    key: str
    kind: str  # money, count, rate
    up_is_good: bool | None  # None: neither
    now_figure: bool = False  # a figure of now: no period, no trend

    def title(self) -> str:
        return {
            "gmv": _tr("GMV"), "orders": _tr("Orders"), "deposits": _tr("Deposits collected"),
            "balances": _tr("Balances collected"),
            "conversion": _tr("Balance conversion"), "on_time": _tr("On-time rate"),
            "presale_share": _tr("Presale share"), "penalty": _tr("Penalty exposure"),
            "liability": _tr("Deposit liability")}[self.key]

    def tip(self) -> str:
        return {
            "gmv": _tr("The order value of orders placed in the period whose deposit or "
                       "payment was made, less those cancelled, refunded or returned."),
            "orders": _tr("Orders placed in the period."),
            "deposits": _tr("Deposits paid on deposit orders placed in the period."),
            "balances": _tr("Balances paid on deposit orders placed in the period."),
            "conversion": _tr("Deposit orders whose balance was paid ÷ deposit orders "
                              "whose deposit was paid."),
            "on_time": _tr("Orders due in the period that shipped by their deadline ÷ "
                           "orders due in it (cancelled before the deadline left out)."),
            "presale_share": _tr("Presale orders ÷ all orders placed in the period. "
                                 "Above 30 % a platform may limit presales."),
            "penalty": _tr("The orders overdue now: the platform's late penalty per order "
                           "where it has one (TikTok: US$8.00), else what their buyers "
                           "paid."),
            "liability": _tr("What cancelling every open deposit order now would refund: "
                             "twice the deposit, plus any balance paid.")}[self.key]


KPIS = (Kpi("gmv", "money", True), Kpi("orders", "count", True),
        Kpi("deposits", "money", True), Kpi("balances", "money", True),
        Kpi("conversion", "rate", True), Kpi("on_time", "rate", True),
        Kpi("presale_share", "rate", False),
        Kpi("penalty", "money", False, now_figure=True),
        Kpi("liability", "money", None, now_figure=True))

_VALUE: dict[str, Callable[[Any], Any]] = {
    "gmv": lambda m: m.gmv, "orders": lambda m: m.orders,
    "deposits": lambda m: m.deposits_collected, "balances": lambda m: m.balances_collected,
    "conversion": lambda m: m.balance_conversion, "on_time": lambda m: m.on_time_rate,
    "presale_share": lambda m: m.presale_share, "penalty": lambda m: m.penalty_exposure,
    "liability": lambda m: m.deposit_liability}


def value_of(kpi: Kpi, m: Any) -> Any:
    return None if m is None else _VALUE[kpi.key](m)


def pct(v: Decimal | None) -> str:
    return "–" if v is None else f"{v * 100:.1f}%"


def shown(kpi: Kpi, m: Any) -> str:
    """The tile's figure as text (money in its own currency)."""
    v = value_of(kpi, m)
    if kpi.kind == "rate":
        return pct(v)
    if kpi.kind == "count":
        return display.count(int(v or 0))
    if m is None:
        return "–"
    cur = m.penalty_currency if kpi.key == "penalty" else m.currency
    return display.money(v, cur)


def trend(kpi: Kpi, cur: Any, prev: Any) -> tuple[str, str]:
    """(text, colour) of the change from the period before."""
    a, b = value_of(kpi, cur), value_of(kpi, prev)
    if kpi.kind == "rate":
        if a is None or b is None:
            return _tr("no figure to compare"), NEUTRAL
        delta = (a - b) * 100
        text = _tr("%1 pts vs previous period").replace("%1", f"{delta:+.1f}")
    else:
        a, b = Decimal(a or 0), Decimal(b or 0)
        if b == 0:
            return (_tr("none in the previous period") if a else _tr("none in either period"),
                    NEUTRAL)
        delta = (a - b) / b * 100
        if delta > 900:  # "+884802.7%" says less than "over 10×"
            text = _tr("over 10× the previous period")
        else:
            text = _tr("%1% vs previous period").replace("%1", f"{delta:+.1f}")
    if delta == 0 or kpi.up_is_good is None:
        return ("= " if delta == 0 else "") + text, NEUTRAL
    arrow = "▲ " if delta > 0 else "▼ "
    good = (delta > 0) == kpi.up_is_good
    return arrow + text, GOOD if good else BAD


class KpiTile(QFrame):
    def __init__(self, kpi: Kpi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kpi = kpi
        self.setObjectName("KpiTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(1)
        self.title = QLabel()
        self.title.setObjectName("FigureTitle")
        self.value = QLabel("–")
        self.value.setObjectName("KpiValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trend = QLabel()
        self.trend.setObjectName("KpiTrend")
        self.trend.setWordWrap(True)
        for w in (self.title, self.value, self.trend):
            lay.addWidget(w)

    def show_figure(self, cur: Any, prev: Any, period: str) -> None:
        self.title.setText(self.kpi.title())
        self.value.setText(shown(self.kpi, cur))
        if self.kpi.now_figure:
            text, colour = _tr("now"), NEUTRAL
        else:
            text, colour = trend(self.kpi, cur, prev)
        self.trend.setText(text)
        self.trend.setStyleSheet(f"color: {colour};")
        before = "" if self.kpi.now_figure or prev is None else "\n" + _tr(
            "Previous period: %1").replace("%1", shown(self.kpi, prev))
        self.setToolTip(f"{self.kpi.tip()}\n{period}{before}")


class KpiPanel(QGroupBox):
    """The tiles of one currency."""

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.grid = QGridLayout(self)
        self.grid.setSpacing(8)
        self.grid.setContentsMargins(8, 8, 8, 8)
        self.tiles = {k.key: KpiTile(k) for k in KPIS}
        self.columns = 0
        self.set_columns(3)

    def set_columns(self, n: int) -> None:
        n = max(1, min(n, len(KPIS)))
        if n == self.columns:
            return
        self.columns = n
        for i, k in enumerate(KPIS):
            self.grid.addWidget(self.tiles[k.key], i // n, i % n)
        for c in range(len(KPIS)):
            self.grid.setColumnStretch(c, 1 if c < n else 0)

    def show_figures(self, now: Any, cur: Any, prev: Any, period: str, title: str) -> None:
        self.setTitle(title)
        for k in KPIS:
            self.tiles[k.key].show_figure(now if k.now_figure else cur,
                                          None if k.now_figure else prev, period)
