"""The risk tabs of Preferences: the alert thresholds per platform profile (with the
defaults beside them) and the shop's health as the seller reads it on the platform
(rating, bad-review rate), with its history.

Thresholds are saved with the dialog's OK (``svc.risk.set_thresholds``, one call per
profile changed, stating that profile's whole set of overrides); a health entry is
recorded at once by its own button (``svc.risk.record_health``), as a line in a log.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import labels, ops

if TYPE_CHECKING:
    from presale_engine.service import Service

HOURS, PCT, RATING, COUNT = "hours", "pct", "rating", "count"
KIND = {"due_warning_hours": HOURS, "due_critical_hours": HOURS,
        "balance_closing_hours": HOURS, "presale_share_info": PCT,
        "presale_share_warning": PCT, "presale_share_critical": PCT,
        "late_rate_critical": PCT, "on_time_warning": PCT, "on_time_critical": PCT,
        "bad_review_warning": PCT, "bad_review_critical": PCT, "history_info": PCT,
        "history_warning": PCT, "return_warning": PCT, "return_critical": PCT,
        "cancel_rate_max": PCT, "rating_min": RATING, "min_orders_for_rates": COUNT}
# The rows of the form: (row key, threshold names in it)
ROWS = (("due", ("due_warning_hours", "due_critical_hours")),
        ("balance", ("balance_closing_hours",)),
        ("share", ("presale_share_info", "presale_share_warning", "presale_share_critical")),
        ("late", ("late_rate_critical",)),
        ("on_time", ("on_time_warning", "on_time_critical")),
        ("bad_review", ("bad_review_warning", "bad_review_critical")),
        ("history", ("history_info", "history_warning")),
        ("returns", ("return_warning", "return_critical")),
        ("cancel", ("cancel_rate_max",)),
        ("rating", ("rating_min",)),
        ("min_orders", ("min_orders_for_rates",)))
NONE_ALLOWED = ("cancel_rate_max", "rating_min")  # 0 means "no such limit"


def _dec(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _shown(name: str, value: Any) -> str:
    """A threshold as a seller reads it: 48 h, 30%, 4.5."""
    v = _dec(value)
    if v is None:
        return "–"
    kind = KIND[name]
    if kind == PCT:
        return f"{(v * 100).normalize():f}%"
    if kind == HOURS:
        return f"{int(v)} h"
    return f"{v.normalize():f}" if kind == RATING else str(int(v))


class ThresholdsTab(QWidget):
    """The alert thresholds of one platform profile at a time; edits kept per profile."""

    def __init__(self, current: dict[str, dict[str, Any]], defaults: dict[str, dict[str, Any]],
                 overrides: dict[str, dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current, self.defaults, self.stored = current, defaults, overrides
        self.edits: dict[str, dict[str, Decimal | None]] = {}  # profile -> name -> value
        self._shown_profile: str | None = None
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.profile_label = QLabel()
        self.profile_combo = QComboBox()
        for code in current:
            self.profile_combo.addItem(labels.platform(code), code)
        self.reset_button = QPushButton()
        top.addWidget(self.profile_label)
        top.addWidget(self.profile_combo, 1)
        top.addWidget(self.reset_button)
        lay.addLayout(top)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        self.form = QFormLayout(inner)
        self.spins: dict[str, QDoubleSpinBox | QSpinBox] = {}
        self.row_labels: dict[str, QLabel] = {}
        self.default_labels: dict[str, QLabel] = {}
        self.part_labels: dict[str, QLabel] = {}
        for key, names in ROWS:
            row = QHBoxLayout()
            for name in names:
                if len(names) > 1:
                    part = QLabel()
                    self.part_labels[name] = part
                    row.addWidget(part)
                spin = self._spin(name)
                self.spins[name] = spin
                row.addWidget(spin)
            dflt = QLabel()
            dflt.setObjectName("FigureCaption")
            self.default_labels[key] = dflt
            row.addWidget(dflt)
            row.addStretch(1)
            self.row_labels[key] = QLabel()
            self.row_labels[key].setWordWrap(True)
            self.form.addRow(self.row_labels[key], row)
        scroll.setWidget(inner)
        lay.addWidget(scroll, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("FigureCaption")
        lay.addWidget(self.note)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.reset_button.clicked.connect(self.restore_defaults)
        self.retranslate_ui()
        self._show(self.profile_combo.currentData())

    @staticmethod
    def _spin(name: str) -> QDoubleSpinBox | QSpinBox:
        kind = KIND[name]
        spin: QDoubleSpinBox | QSpinBox
        if kind in (HOURS, COUNT):
            spin = QSpinBox()
            spin.setRange(0, 24 * 60 if kind == HOURS else 100000)
            if kind == HOURS:
                spin.setSuffix(" h")
        else:
            spin = QDoubleSpinBox()
            spin.setDecimals(1 if kind == PCT else 2)
            spin.setRange(0, 100 if kind == PCT else 5)
            spin.setSingleStep(0.5 if kind == PCT else 0.1)
            if kind == PCT:
                spin.setSuffix(" %")
        if name in NONE_ALLOWED:
            spin.setSpecialValueText("–")
        spin.setMinimumWidth(80)
        return spin

    # ------------------------------------------------------------------ values
    def _set(self, name: str, value: Decimal | None) -> None:
        spin, kind = self.spins[name], KIND[name]
        if value is None:
            spin.setValue(0)
        elif kind == PCT:
            spin.setValue(float(value * 100))
        elif kind == RATING:
            spin.setValue(float(value))
        else:
            spin.setValue(int(value))

    def _get(self, name: str) -> Decimal | None:
        spin, kind = self.spins[name], KIND[name]
        if kind in (HOURS, COUNT):
            value = Decimal(int(spin.value()))
        elif kind == PCT:
            value = Decimal(f"{spin.value():.1f}") / 100
        else:
            value = Decimal(str(round(spin.value(), 2)))
        if name in NONE_ALLOWED and value == 0:
            return None
        return value

    def values(self, code: str) -> dict[str, Decimal | None]:
        """What the form shows for ``code``: the shop's thresholds with this tab's edits."""
        out = {n: _dec(self.current[code].get(n)) for n in KIND}
        out.update(self.edits.get(code, {}))
        return out

    def _show(self, code: str | None) -> None:
        if code is None:
            return
        self._shown_profile = code
        for name, value in self.values(code).items():
            self._set(name, value)
        for key, names in ROWS:
            self.default_labels[key].setText(self.tr("default %1").replace("%1", " / ".join(
                _shown(n, self.defaults[code].get(n)) for n in names)))
        self._update_note()

    def _collect(self) -> None:
        code = self._shown_profile
        if code is None:
            return
        shown = {n: self._get(n) for n in KIND}
        changed = {n: v for n, v in shown.items() if v != _dec(self.current[code].get(n))}
        if changed:
            self.edits[code] = changed
        else:
            self.edits.pop(code, None)

    def _profile_changed(self, _index: int) -> None:
        self._collect()
        self._show(self.profile_combo.currentData())

    def restore_defaults(self) -> None:
        code = self._shown_profile
        if code is None:
            return
        for name in KIND:
            self._set(name, _dec(self.defaults[code].get(name)))
        self._collect()
        self._update_note()

    def _update_note(self) -> None:
        code = self._shown_profile
        if code is not None and (self.stored.get(code) or self.stored.get("*")):
            self.note.setText(self.tr("This shop has its own values for some of these "
                                      "thresholds. Alerts are checked again when you press "
                                      "OK."))
        else:
            self.note.setText(self.tr("These are the defaults for this platform. Alerts are "
                                      "checked again when you press OK."))

    def changes(self) -> dict[str, dict[str, Any]]:
        """Per profile changed: its whole set of overrides (``{}``: back to defaults)."""
        self._collect()
        out: dict[str, dict[str, Any]] = {}
        for code in self.edits:
            shown = self.values(code)
            over = {k: v for k, v in self.stored.get(code, {}).items() if k not in KIND}
            for name, value in shown.items():
                if value != _dec(self.defaults[code].get(name)):
                    over[name] = "" if value is None else str(value)
            out[code] = over
        return out

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.profile_label.setText(self.tr("Platform:"))
        self.reset_button.setText(self.tr("Restore defaults"))
        for i in range(self.profile_combo.count()):
            self.profile_combo.setItemText(i, labels.platform(self.profile_combo.itemData(i)))
        rows = {
            "due": self.tr("Unshipped order due within"),
            "balance": self.tr("Balance window closes within"),
            "share": self.tr("Presale share of orders (30 days) above"),
            "late": self.tr("Late-shipment rate (30 days) above"),
            "on_time": self.tr("On-time rate (30 days) below"),
            "bad_review": self.tr("Bad-review rate above"),
            "history": self.tr("Presale units above this share of 30-day sales"),
            "returns": self.tr("Returns of a campaign's shipped orders above"),
            "cancel": self.tr("Cancel rate (30 days) above"),
            "rating": self.tr("Shop rating below"),
            "min_orders": self.tr("Rates are judged from this many orders in 30 days"),
        }
        for key, text in rows.items():
            self.row_labels[key].setText(text)
        parts = {"due_warning_hours": self.tr("warning"), "due_critical_hours": self.tr("critical"),
                 "presale_share_info": self.tr("note"),
                 "presale_share_warning": self.tr("warning"),
                 "presale_share_critical": self.tr("critical"),
                 "on_time_warning": self.tr("warning"), "on_time_critical": self.tr("critical"),
                 "bad_review_warning": self.tr("warning"),
                 "bad_review_critical": self.tr("critical"),
                 "history_info": self.tr("note"), "history_warning": self.tr("warning"),
                 "return_warning": self.tr("warning"), "return_critical": self.tr("critical")}
        for name, label in self.part_labels.items():
            label.setText(parts[name])
        self._update_note()


class HealthTab(QWidget):
    """Type in the shop's rating and bad-review rate; the history below."""

    # Emitted after an entry was recorded (alerts are checked again).
    recorded = Signal()

    def __init__(self, svc: Service | None, history: list[Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.history = list(history)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.rating_edit = QLineEdit()
        self.rating_edit.setPlaceholderText("4.6")
        self.bad_edit = QLineEdit()
        self.bad_edit.setPlaceholderText("2.5")
        bad_row = QHBoxLayout()
        bad_row.addWidget(self.bad_edit)
        bad_row.addWidget(QLabel("%"))
        bad_row.addStretch(1)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = svc.now().astimezone(svc.shop.tz()).date() if svc is not None else None
        self.date_edit.setDate(QDate(today.year, today.month, today.day) if today
                               else QDate.currentDate())
        self.rating_label, self.bad_label, self.date_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.rating_label, self.rating_edit)
        form.addRow(self.bad_label, bad_row)
        form.addRow(self.date_label, self.date_edit)
        lay.addLayout(form)
        buttons = QHBoxLayout()
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.record)
        self.record_button.setEnabled(svc is not None)
        buttons.addWidget(self.record_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons.addWidget(self.status, 1)
        lay.addLayout(buttons)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setObjectName("FigureCaption")
        lay.addWidget(self.explain)
        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.retranslate_ui()
        self._fill()

    def _fill(self) -> None:
        rows = list(reversed(self.history))  # newest first
        self.table.setRowCount(len(rows))
        for r, h in enumerate(rows):
            cells = [h.day.isoformat(), "–" if h.rating is None else str(h.rating),
                     "–" if h.bad_review_rate is None
                     else f"{(h.bad_review_rate * 100).normalize():f}%"]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def entry(self) -> tuple[Decimal | None, Decimal | None] | None:
        """(rating, bad-review rate as a share) typed in; None (and a word) if unreadable."""
        try:
            rating = _dec(self.rating_edit.text().strip().replace(",", "."))
            pct = _dec(self.bad_edit.text().strip().rstrip("%").replace(",", "."))
        except InvalidOperation:
            self.status.setText(self.tr("Type numbers, e.g. 4.6 and 2.5."))
            return None
        if rating is None and pct is None:
            self.status.setText(self.tr("Type a rating, a bad-review rate or both."))
            return None
        return rating, None if pct is None else pct / 100

    def record(self) -> None:
        svc, got = self.svc, self.entry()
        if svc is None or got is None:
            return
        rating, bad = got
        qd = self.date_edit.date()
        from datetime import date

        day = date(qd.year(), qd.month(), qd.day())

        def write(_task: ops.Task) -> Any:
            svc.risk.record_health(rating=rating, bad_review_rate=bad, day=day)
            return svc.risk.health_history()

        def done(history: list[Any]) -> None:
            self.history = history
            self._fill()
            self.rating_edit.clear()
            self.bad_edit.clear()
            self.status.setText(self.tr("Recorded for %1.").replace("%1", day.isoformat()))
            self.recorded.emit()

        def failed(error: BaseException) -> None:
            from app.errors import show_error

            show_error(self, error)

        ops.run(write, parent=self, on_success=done, on_failure=failed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.rating_label.setText(self.tr("Shop rating (0–5):"))
        self.bad_label.setText(self.tr("Bad-review rate:"))
        self.date_label.setText(self.tr("As read on:"))
        self.record_button.setText(self.tr("Record"))
        self.explain.setText(self.tr(
            "The platforms do not export these figures: read them in the seller centre "
            "(DSR / shop score, bad reviews) and type them here, e.g. once a week. The "
            "latest entry is checked against the thresholds (TikTok: rating 4.5; bad "
            "reviews above 2 %: pause new presales) and the dashboard shows the trend."))
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Rating"),
                                              self.tr("Bad-review rate")])
