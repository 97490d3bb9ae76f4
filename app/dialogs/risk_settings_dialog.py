"""Shop health and alert thresholds (issue 9): what the platforms don't export, typed in,
and the thresholds the risk alerts use, per platform, with the defaults shown.

Health entries are kept with their history (the dashboard draws the trend). A threshold
left at its default is not stored; a changed one is stored for this shop (``*``: every
platform) and the alerts are evaluated again at once, so the Alerts page follows.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import labels, ops

# (threshold, kind): "hours", or "share" shown as a percentage
THRESHOLDS = (
    ("due_warning_hours", "hours"), ("due_critical_hours", "hours"),
    ("balance_closing_hours", "hours"), ("late_rate_critical", "share"),
    ("on_time_warning", "share"), ("on_time_critical", "share"),
    ("presale_share_warning", "share"), ("presale_share_critical", "share"),
    ("cancel_rate_max", "share"), ("bad_review_warning", "share"),
    ("bad_review_critical", "share"), ("return_warning", "share"),
    ("return_critical", "share"), ("rating_min", "number"),
)
HUNDRED = Decimal(100)


def _shown(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "share":
        return f"{(Decimal(str(value)) * HUNDRED).normalize():f}"
    return str(value)


class RiskSettingsDialog(QDialog):
    changed = Signal()

    def __init__(self, svc: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.defaults: Any = None
        self.current: Any = None
        self.resize(720, 600)
        lay = QVBoxLayout(self)

        self.health_box = QGroupBox()
        hl = QVBoxLayout(self.health_box)
        form = QFormLayout()
        self.rating = QDoubleSpinBox()
        self.rating.setRange(0, 5)
        self.rating.setDecimals(2)
        self.rating.setSingleStep(0.1)
        self.rating.setValue(4.8)
        self.bad_rate = QDoubleSpinBox()
        self.bad_rate.setRange(0, 100)
        self.bad_rate.setDecimals(2)
        self.bad_rate.setSuffix(" %")
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.rating_label, self.bad_label, self.day_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.rating_label, self.rating)
        form.addRow(self.bad_label, self.bad_rate)
        form.addRow(self.day_label, self.day)
        hl.addLayout(form)
        row = QHBoxLayout()
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.record_health)
        row.addWidget(self.record_button)
        row.addStretch(1)
        hl.addLayout(row)
        self.history = QTableWidget(0, 3)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.history.setMaximumHeight(140)
        hl.addWidget(self.history)
        lay.addWidget(self.health_box)

        self.th_box = QGroupBox()
        tl = QVBoxLayout(self.th_box)
        top = QHBoxLayout()
        self.profile_label = QLabel()
        self.profile = QComboBox()
        self.profile.addItem("", "*")
        for code in labels.PLATFORMS:
            self.profile.addItem("", code)
        self.profile.currentIndexChanged.connect(lambda _i: self.load_thresholds())
        top.addWidget(self.profile_label)
        top.addWidget(self.profile, 1)
        tl.addLayout(top)
        self.table = QTableWidget(len(THRESHOLDS), 3)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tl.addWidget(self.table, 1)
        self.th_note = QLabel()
        self.th_note.setWordWrap(True)
        self.th_note.setObjectName("FigureCaption")
        tl.addWidget(self.th_note)
        lay.addWidget(self.th_box, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save_thresholds)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.retranslate_ui()
        self.load_history()
        self.load_thresholds()

    # ------------------------------------------------------------------ health
    def load_history(self) -> None:
        svc = self.svc
        ops.run(lambda _t: svc.risk.health_history(), parent=self,
                on_success=self._show_history)

    def _show_history(self, rows: list[Any]) -> None:
        self.history.setRowCount(len(rows))
        for r, h in enumerate(reversed(rows)):
            values = (h.day.isoformat(), "" if h.rating is None else str(h.rating),
                      "" if h.bad_review_rate is None
                      else f"{(h.bad_review_rate * HUNDRED).normalize():f} %")
            for c, v in enumerate(values):
                self.history.setItem(r, c, QTableWidgetItem(v))

    def record_health(self) -> None:
        svc = self.svc
        rating = Decimal(str(round(self.rating.value(), 2)))
        bad = (Decimal(str(round(self.bad_rate.value(), 2))) / HUNDRED).normalize()
        day = self.day.date().toPython()

        def write(_t: Any) -> Any:
            svc.risk.record_health(rating=rating, bad_review_rate=bad, day=day)
            svc.risk.evaluate()
            return svc.risk.health_history()

        def done(rows: list[Any]) -> None:
            self._show_history(rows)
            self.changed.emit()

        ops.run(write, parent=self, on_success=done)

    # ------------------------------------------------------------------ thresholds
    def load_thresholds(self) -> None:
        svc, code = self.svc, self.profile.currentData()
        probe = "tiktok" if code == "*" else code

        def read(_t: Any) -> Any:
            return svc.risk.default_thresholds(probe), svc.risk.thresholds(probe)

        ops.run(read, parent=self, on_success=self._show_thresholds)

    def _show_thresholds(self, pair: tuple[Any, Any]) -> None:
        self.defaults, self.current = pair
        for r, (name, kind) in enumerate(THRESHOLDS):
            label = QTableWidgetItem(self._name(name, kind))
            default = QTableWidgetItem(_shown(getattr(self.defaults, name), kind))
            for item in (label, default):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, label)
            self.table.setItem(r, 1, default)
            self.table.setItem(r, 2, QTableWidgetItem(
                _shown(getattr(self.current, name), kind)))

    def overrides(self) -> dict[str, Any]:
        """The thresholds that differ from the defaults, as the engine takes them."""
        out: dict[str, Any] = {}
        for r, (name, kind) in enumerate(THRESHOLDS):
            text = (self.table.item(r, 2).text() if self.table.item(r, 2) else "").strip()
            default = getattr(self.defaults, name) if self.defaults is not None else None
            if not text:
                if default is not None:
                    out[name] = None  # cleared: no limit
                continue
            try:
                value = Decimal(text.rstrip("%").strip())
            except InvalidOperation:
                raise ValueError(self._name(name, kind)) from None
            engine = value / HUNDRED if kind == "share" else value
            if default is None or Decimal(str(default)) != engine:
                out[name] = str(int(engine) if kind == "hours" else engine.normalize())
        return out

    def save_thresholds(self) -> None:
        try:
            overrides = self.overrides()
        except ValueError as e:
            self.th_note.setText(self.tr("“%1” is not a number.").replace("%1", str(e)))
            return
        svc, code = self.svc, self.profile.currentData()

        def write(_t: Any) -> Any:
            svc.risk.set_thresholds(code, overrides)
            svc.risk.evaluate()

        def done(_r: Any) -> None:
            self.th_note.setText(self.tr("Saved; the alerts were checked again with them."))
            self.changed.emit()
            self.load_thresholds()

        ops.run(write, parent=self, on_success=done)

    # ------------------------------------------------------------------ texts
    def _name(self, name: str, kind: str) -> str:
        names = {
            "due_warning_hours": self.tr("Warn when a shipment is due within (hours)"),
            "due_critical_hours": self.tr("Critical when due within (hours)"),
            "balance_closing_hours": self.tr("Warn before the balance window closes (hours)"),
            "late_rate_critical": self.tr("Late rate, 30 days: critical above (%)"),
            "on_time_warning": self.tr("On-time rate: warn below (%)"),
            "on_time_critical": self.tr("On-time rate: critical below (%)"),
            "presale_share_warning": self.tr("Presale share: warn above (%)"),
            "presale_share_critical": self.tr("Presale share: critical above (%)"),
            "cancel_rate_max": self.tr("Cancel rate: warn above (%)"),
            "bad_review_warning": self.tr("Bad-review rate: warn above (%)"),
            "bad_review_critical": self.tr("Bad-review rate: critical above (%)"),
            "return_warning": self.tr("Return rate of a campaign: warn above (%)"),
            "return_critical": self.tr("Return rate of a campaign: critical above (%)"),
            "rating_min": self.tr("Shop rating: critical below"),
        }
        return names.get(name, name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Shop health and alert thresholds"))
        self.health_box.setTitle(self.tr("Shop health (the platforms don't export it)"))
        self.rating_label.setText(self.tr("Shop rating (DSR):"))
        self.bad_label.setText(self.tr("Bad-review rate:"))
        self.day_label.setText(self.tr("As of:"))
        self.record_button.setText(self.tr("Record"))
        self.history.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Rating"),
                                                self.tr("Bad-review rate")])
        self.th_box.setTitle(self.tr("Alert thresholds"))
        self.profile_label.setText(self.tr("Platform:"))
        self.profile.setItemText(0, self.tr("Every platform"))
        for i in range(1, self.profile.count()):
            self.profile.setItemText(i, labels.platform(self.profile.itemData(i)))
        self.table.setHorizontalHeaderLabels([self.tr("Threshold"), self.tr("Default"),
                                              self.tr("This shop")])
        self.th_note.setText(self.tr(
            "Change a value in the “This shop” column and save; empty it for no limit. "
            "Rates are percentages."))
        if self.defaults is not None:
            self._show_thresholds((self.defaults, self.current))
