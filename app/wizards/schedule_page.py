"""Page 4: the presale's windows and the ship promise, against the platform's rules.

Times are wall-clock times in the campaign's time zone, as the definition file holds
them. The editors run in UTC so the machine's own zone (and its DST gaps) never shifts
what the seller typed.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from presale_engine.service.values import PlatformProfile

from .common import HINT_COLOR, PAGE_SCHEDULE, IssueLabel, set_help
from .page_base import CampaignPage, WizardHost

TIMEZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore",
             "Asia/Kuala_Lumpur", "Asia/Bangkok", "Asia/Jakarta", "Asia/Ho_Chi_Minh",
             "Asia/Manila", "Asia/Tokyo", "Asia/Seoul", "America/Los_Angeles",
             "America/Denver", "America/Chicago", "America/New_York", "Europe/London",
             "Europe/Berlin", "UTC")
# The zone a platform's campaigns usually run in, until the user picks one.
PLATFORM_TIMEZONE = {"tiktok": "America/Los_Angeles", "tiktok_us": "America/Los_Angeles",
                     "tiktok_th": "Asia/Bangkok"}
DT_FORMAT = "yyyy-MM-dd HH:mm:ss"
_UTC = QTimeZone(QTimeZone.Initialization.UTC)
ONE_SECOND = timedelta(seconds=1)


def to_qdatetime(dt: datetime) -> QDateTime:
    return QDateTime(QDate(dt.year, dt.month, dt.day),
                     QTime(dt.hour, dt.minute, dt.second), _UTC)


def from_qdatetime(q: QDateTime) -> datetime:
    d, t = q.date(), q.time()
    # naive on purpose: wall-clock time in the campaign's zone, as the file holds it
    return datetime.combine(date(d.year(), d.month(), d.day()),
                            time(t.hour(), t.minute(), t.second()))


def parse_wall_clock(text: object, tzname: str) -> datetime | None:
    """A definition's time as naive wall-clock time in the campaign zone."""
    if not isinstance(text, str):
        return None
    try:
        dt = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if dt.tzinfo is not None:
        from zoneinfo import ZoneInfo

        dt = dt.astimezone(ZoneInfo(tzname)).replace(tzinfo=None)
    return dt


class WindowEditor(QWidget):
    """Start and end of one window, with an issue label under each."""

    def __init__(self, page: SchedulePage, key: str) -> None:
        super().__init__()
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setHorizontalSpacing(8)
        lay.setVerticalSpacing(1)
        self.start = self._edit()
        self.end = self._edit()
        lay.addWidget(QLabel(self.tr("From")), 0, 0)
        lay.addWidget(self.start, 0, 1)
        lay.addWidget(QLabel(self.tr("to")), 0, 2)
        lay.addWidget(self.end, 0, 3)
        lay.setColumnStretch(4, 1)
        lay.addWidget(page.add_slot(f"{key}.start", IssueLabel(self, [self.start])), 1, 1)
        lay.addWidget(page.add_slot(f"{key}.end", IssueLabel(self, [self.end])), 1, 3)
        lay.addWidget(page.add_slot(key, IssueLabel(self, [self.start, self.end])), 2, 1, 1, 4)
        self.start.dateTimeChanged.connect(page.changed)
        self.end.dateTimeChanged.connect(page.changed)

    @staticmethod
    def _edit() -> QDateTimeEdit:
        e = QDateTimeEdit()
        e.setTimeZone(_UTC)
        e.setDisplayFormat(DT_FORMAT)
        e.setCalendarPopup(True)
        e.setMinimumWidth(170)
        return e

    def value(self) -> tuple[datetime, datetime]:
        return from_qdatetime(self.start.dateTime()), from_qdatetime(self.end.dateTime())

    def set_value(self, start: datetime, end: datetime) -> None:
        self.start.setDateTime(to_qdatetime(start))
        self.end.setDateTime(to_qdatetime(end))

    def as_definition(self) -> dict[str, str]:
        s, e = self.value()
        return {"start": s.isoformat(), "end": e.isoformat()}


class SchedulePage(CampaignPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, PAGE_SCHEDULE)
        self.setTitle(self.tr("Step 4 of 6 · Schedule and ship promise"))
        self.setSubTitle(self.tr(
            "When buyers can pay, and how soon you promise to ship. Keep the promise to "
            "7–15 days: longer waits worry buyers."))
        self.tz_touched = False
        self._syncing = False

        form = QFormLayout()
        form.setVerticalSpacing(4)
        self.tz_combo = QComboBox()
        for tz in TIMEZONES:
            self.tz_combo.addItem(tz, tz)
        self.tz_combo.setMaximumWidth(300)
        set_help(self.tz_combo, self.tr(
            "All times on this page are wall-clock times in this zone."))
        tz_box = QWidget()
        tzl = QVBoxLayout(tz_box)
        tzl.setContentsMargins(0, 0, 0, 0)
        tzl.setSpacing(1)
        tzl.addWidget(self.tz_combo)
        tzl.addWidget(self.add_slot("timezone", IssueLabel(tz_box, [self.tz_combo])))
        form.addRow(self.tr("Time zone:"), tz_box)
        self.outer.addLayout(form)

        self.windows_box = QGroupBox(self.tr("Presale windows"))
        wf = QFormLayout(self.windows_box)
        wf.setVerticalSpacing(2)
        self.deposit_window = WindowEditor(self, "deposit_window")
        self.deposit_label = QLabel(self.tr("Deposit window:"))
        wf.addRow(self.deposit_label, self.deposit_window)
        self.balance_window = WindowEditor(self, "balance_window")
        self.balance_label = QLabel(self.tr("Balance window:"))
        wf.addRow(self.balance_label, self.balance_window)
        self.follow_check = QCheckBox(self.tr(
            "The balance window opens the second the deposit window closes"))
        self.follow_check.setChecked(True)
        wf.addRow("", self.follow_check)
        self.sale_window = WindowEditor(self, "sale_window")
        self.sale_label = QLabel(self.tr("Sale window:"))
        wf.addRow(self.sale_label, self.sale_window)
        self.outer.addWidget(self.windows_box)

        ship_box = QGroupBox(self.tr("Ship promise"))
        sl = QVBoxLayout(ship_box)
        sl.setSpacing(3)
        row = QHBoxLayout()
        self.mode_combo = QComboBox()
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, 365)
        self.days_spin.setValue(10)
        self.days_spin.setSuffix(self.tr(" days"))
        set_help(self.days_spin, self.tr("How many days after the chosen moment you ship."))
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.range_label = QLabel()
        self.range_label.setStyleSheet(f"color: {HINT_COLOR};")
        row.addWidget(self.mode_combo)
        row.addWidget(self.days_spin)
        row.addWidget(self.date_edit)
        row.addWidget(self.range_label, 1)
        sl.addLayout(row)
        self.ship_issue = self.add_slot("ship", IssueLabel(ship_box, [self.days_spin,
                                                                     self.date_edit]))
        self.slots["ship.days"] = self.ship_issue
        self.slots["ship.date"] = self.ship_issue
        self.slots["ship.mode"] = self.ship_issue
        sl.addWidget(self.ship_issue)
        self.promise_label = QLabel()
        self.promise_label.setWordWrap(True)
        self.promise_label.setStyleSheet(f"color: {HINT_COLOR};")
        sl.addWidget(self.promise_label)
        self.outer.addWidget(ship_box)
        self.outer.addStretch(1)

        self.tz_combo.activated.connect(self._tz_chosen)
        self.tz_combo.currentIndexChanged.connect(self.changed)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.days_spin.valueChanged.connect(self.changed)
        self.date_edit.dateChanged.connect(self.changed)
        self.deposit_window.end.dateTimeChanged.connect(self._deposit_end_moved)
        self.follow_check.toggled.connect(self._follow_toggled)
        self.balance_window.start.dateTimeChanged.connect(self._balance_start_moved)
        self._fill_modes("deposit")

    # ------------------------------------------------------------------ defaults
    def set_defaults(self, now_local: datetime) -> None:
        """A 10-day deposit window from tomorrow, then a 3-day balance window."""
        start = datetime.combine(now_local.date() + timedelta(days=1), datetime.min.time())
        dep_end = start + timedelta(days=10) - ONE_SECOND
        bal_end = dep_end + timedelta(days=3)
        self._syncing = True
        self.deposit_window.set_value(start, dep_end)
        self.balance_window.set_value(dep_end + ONE_SECOND, bal_end)
        self.sale_window.set_value(start, start + timedelta(days=14) - ONE_SECOND)
        self._syncing = False
        d = bal_end.date() + timedelta(days=10)
        self.date_edit.setDate(QDate(d.year, d.month, d.day))

    # ------------------------------------------------------------------ reactions
    def _fill_modes(self, ctype: str) -> None:
        current = self.mode_combo.currentData() or "after_payment"
        self.mode_combo.blockSignals(True)
        self.mode_combo.clear()
        after_paid = (self.tr("Within N days after the balance is paid") if ctype == "deposit"
                      else self.tr("Within N days after payment"))
        self.mode_combo.addItem(after_paid, "after_payment")
        self.mode_combo.addItem(self.tr("Within N days after the presale ends"),
                                "after_presale_end")
        self.mode_combo.addItem(self.tr("By a fixed date"), "fixed_date")
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(current)))
        self.mode_combo.blockSignals(False)
        self._mode_changed()

    def _mode_changed(self, *_args: object) -> None:
        fixed = self.mode_combo.currentData() == "fixed_date"
        self.days_spin.setVisible(not fixed)
        self.date_edit.setVisible(fixed)
        self.changed()

    def _tz_chosen(self) -> None:
        self.tz_touched = True

    def _deposit_end_moved(self) -> None:
        if self.follow_check.isChecked() and not self._syncing:
            self._syncing = True
            _, dep_end = self.deposit_window.value()
            b_start, b_end = self.balance_window.value()
            length = b_end - b_start
            new_start = dep_end + ONE_SECOND
            self.balance_window.set_value(new_start, new_start + length)
            self._syncing = False

    def _balance_start_moved(self) -> None:
        if self._syncing:
            return
        _, dep_end = self.deposit_window.value()
        b_start, _ = self.balance_window.value()
        if b_start != dep_end + ONE_SECOND:
            self.follow_check.setChecked(False)

    def _follow_toggled(self, on: bool) -> None:
        if on:
            self._deposit_end_moved()

    def sync_basics(self, ctype: str, profile_code: str, platform_name: str,
                    profile: PlatformProfile | None) -> None:
        deposit = ctype == "deposit"
        for w in (self.deposit_label, self.deposit_window, self.balance_label,
                  self.balance_window, self.follow_check):
            w.setVisible(deposit)
        self.sale_label.setVisible(not deposit)
        self.sale_window.setVisible(not deposit)
        self._fill_modes(ctype)
        if not self.tz_touched:
            want = PLATFORM_TIMEZONE.get(profile_code, self.cw.shop_timezone)
            self._set_tz(want)
        if profile is None:
            self.range_label.setText("")
        else:
            self.range_label.setText(
                self.tr("%1 allows %2–%3 days; %4–%5 days recommended")
                .replace("%1", platform_name).replace("%2", str(profile.ship_days_min))
                .replace("%3", str(profile.ship_days_max))
                .replace("%4", str(profile.recommended_min))
                .replace("%5", str(profile.recommended_max)))

    def _set_tz(self, tz: str) -> None:
        i = self.tz_combo.findData(tz)
        if i < 0:
            self.tz_combo.addItem(tz, tz)
            i = self.tz_combo.count() - 1
        self.tz_combo.setCurrentIndex(i)

    def show_promise(self, zh: str | None, en: str | None) -> None:
        if zh and en:
            self.promise_label.setText(self.tr("Buyers will read: %1 / %2")
                                       .replace("%1", zh).replace("%2", en))
        else:
            self.promise_label.setText("")

    # ------------------------------------------------------------------ definition
    def timezone(self) -> str:
        return str(self.tz_combo.currentData())

    def contribute(self, defn: dict[str, Any]) -> None:
        defn["timezone"] = self.timezone()
        if defn.get("type") == "full":
            defn["sale_window"] = self.sale_window.as_definition()
        else:
            defn["deposit_window"] = self.deposit_window.as_definition()
            defn["balance_window"] = self.balance_window.as_definition()
        mode = str(self.mode_combo.currentData())
        if mode == "fixed_date":
            d = self.date_edit.date()
            defn["ship"] = {"mode": mode,
                            "date": date(d.year(), d.month(), d.day()).isoformat()}
        else:
            defn["ship"] = {"mode": mode, "days": self.days_spin.value()}

    def load(self, defn: dict[str, Any]) -> None:
        tzname = str(defn.get("timezone") or self.cw.shop_timezone)
        if defn.get("timezone"):
            self.tz_touched = True
        self._set_tz(tzname)
        self._syncing = True
        for key, editor in (("deposit_window", self.deposit_window),
                            ("balance_window", self.balance_window),
                            ("sale_window", self.sale_window)):
            w = defn.get(key)
            if isinstance(w, dict):
                s = parse_wall_clock(w.get("start"), tzname)
                e = parse_wall_clock(w.get("end"), tzname)
                if s and e:
                    editor.set_value(s, e)
        self._syncing = False
        _, dep_end = self.deposit_window.value()
        b_start, _ = self.balance_window.value()
        self.follow_check.setChecked(b_start == dep_end + ONE_SECOND)
        ship = defn.get("ship")
        if isinstance(ship, dict):
            mode = ship.get("mode") or "after_payment"
            self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(mode)))
            if isinstance(ship.get("days"), int):
                self.days_spin.setValue(ship["days"])
            if ship.get("date"):
                try:
                    d = date.fromisoformat(str(ship["date"]))
                    self.date_edit.setDate(QDate(d.year, d.month, d.day))
                except ValueError:
                    pass
