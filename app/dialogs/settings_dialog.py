"""Preferences: the shop (name, time zone, currency, the approval step), language,
platform rule overrides, the shared PostgreSQL database, the alert thresholds and the
shop's health (``settings_risk``), one tab each.

Shop and rules are stored in the database through the service (one op on the worker
when OK is pressed; an engine error keeps the dialog open). Language and the shared
database URL are this computer's preferences (QSettings). The language applies at once;
the URL is used the next time Presale Desk starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import i18n, labels, ops
from app import settings as prefs
from app.dialogs.settings_risk import HealthTab, ThresholdsTab

if TYPE_CHECKING:
    from presale_engine.service import Service, ShopView

TIMEZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore",
             "Asia/Bangkok", "Asia/Ho_Chi_Minh", "Asia/Kuala_Lumpur", "Asia/Manila",
             "Asia/Jakarta", "Asia/Tokyo", "Asia/Seoul", "Europe/London", "Europe/Berlin",
             "America/Los_Angeles", "America/New_York", "UTC")
CURRENCIES = ("CNY", "USD", "HKD", "SGD", "THB", "MYR", "PHP", "VND", "IDR", "JPY", "KRW",
              "EUR", "GBP")
# The rules a seller may override here (others stay at the platform's published values).
RULES = ("ship_days_min", "ship_days_max", "recommended_min", "recommended_max",
         "late_penalty")


@dataclass
class SettingsData:
    """What the dialog shows, read on the worker before it opens (None: no database)."""

    shop: ShopView | None = None
    profiles: dict[str, Any] = field(default_factory=dict)  # code -> PlatformProfile
    require_approval: bool = False
    # risk thresholds per profile code, as ``Thresholds.as_dict()``: the shop's, the
    # defaults; the shop's overrides as stored; the health history
    thresholds: dict[str, dict[str, Any]] = field(default_factory=dict)
    threshold_defaults: dict[str, dict[str, Any]] = field(default_factory=dict)
    threshold_overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    health: list[Any] = field(default_factory=list)


def read_settings_data(svc: Service | None) -> SettingsData:
    if svc is None:
        return SettingsData()
    from presale_engine.errors import NotFound

    profiles = {}
    for code in labels.PLATFORMS:
        try:
            profiles[code] = svc.shop.profile(code)
        except NotFound:
            continue
    return SettingsData(
        svc.shop.get(), profiles, svc.shop.settings().require_approval,
        {c: svc.risk.thresholds(c).as_dict() for c in profiles},
        {c: svc.risk.default_thresholds(c).as_dict() for c in profiles},
        svc.risk.threshold_overrides(), svc.risk.health_history())


def _rule_text(value: Any) -> str:
    return "" if value is None else str(value)


class SettingsDialog(QDialog):
    # Emitted after a successful save, with the shop as now stored (or None).
    saved = Signal(object)
    # Something the alerts depend on changed (thresholds saved, health recorded).
    risk_changed = Signal()

    def __init__(self, data: SettingsData, svc: Service | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.svc = svc
        self.setMinimumWidth(560)
        # Rule edits per profile code: {rule: value as the engine takes it}.
        self._rule_edits: dict[str, dict[str, Any]] = {}
        self._rule_resets: set[str] = set()
        self._shown_profile: str | None = None
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs)
        self.general_tab = QWidget()
        lay = QVBoxLayout(self.general_tab)

        # --- shop
        self.shop_box = QGroupBox()
        form = QFormLayout(self.shop_box)
        self.name_edit = QLineEdit()
        self.tz_combo = QComboBox()
        self.tz_combo.setEditable(True)
        self.tz_combo.addItems(TIMEZONES)
        self.currency_combo = QComboBox()
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(CURRENCIES)
        self.name_label, self.tz_label, self.currency_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.tz_label, self.tz_combo)
        form.addRow(self.currency_label, self.currency_combo)
        self.approval_check = QCheckBox()
        self.approval_note = QLabel()
        self.approval_note.setWordWrap(True)
        self.approval_note.setObjectName("FigureCaption")
        form.addRow(self.approval_check)
        form.addRow(self.approval_note)
        lay.addWidget(self.shop_box)

        # --- language
        self.lang_box = QGroupBox()
        lf = QFormLayout(self.lang_box)
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("", i18n.SYSTEM)
        self.lang_combo.addItem("中文", "zh_CN")
        self.lang_combo.addItem("English", "en")
        self.lang_label = QLabel()
        lf.addRow(self.lang_label, self.lang_combo)
        lay.addWidget(self.lang_box)

        # --- platform rules
        self.rules_tab = QWidget()
        rules_lay = QVBoxLayout(self.rules_tab)
        self.rules_box = QGroupBox()
        rl = QVBoxLayout(self.rules_box)
        top = QHBoxLayout()
        self.profile_label = QLabel()
        self.profile_combo = QComboBox()
        self.reset_rules_button = QPushButton()
        top.addWidget(self.profile_label)
        top.addWidget(self.profile_combo, 1)
        top.addWidget(self.reset_rules_button)
        rl.addLayout(top)
        rf = QFormLayout()
        self.ship_min = QSpinBox()
        self.ship_max = QSpinBox()
        self.rec_min = QSpinBox()
        self.rec_max = QSpinBox()
        for spin in (self.ship_min, self.ship_max, self.rec_min, self.rec_max):
            spin.setRange(0, 365)
        self.penalty_edit = QLineEdit()
        self.ship_label, self.rec_label, self.penalty_label = QLabel(), QLabel(), QLabel()
        ship_row = QHBoxLayout()
        self.ship_to = QLabel("–")
        ship_row.addWidget(self.ship_min)
        ship_row.addWidget(self.ship_to)
        ship_row.addWidget(self.ship_max)
        ship_row.addStretch(1)
        rec_row = QHBoxLayout()
        self.rec_to = QLabel("–")
        rec_row.addWidget(self.rec_min)
        rec_row.addWidget(self.rec_to)
        rec_row.addWidget(self.rec_max)
        rec_row.addStretch(1)
        pen_row = QHBoxLayout()
        self.penalty_currency = QLabel()
        pen_row.addWidget(self.penalty_edit)
        pen_row.addWidget(self.penalty_currency)
        pen_row.addStretch(1)
        rf.addRow(self.ship_label, ship_row)
        rf.addRow(self.rec_label, rec_row)
        rf.addRow(self.penalty_label, pen_row)
        rl.addLayout(rf)
        self.rules_note = QLabel()
        self.rules_note.setWordWrap(True)
        self.rules_note.setObjectName("FigureCaption")
        rl.addWidget(self.rules_note)
        rules_lay.addWidget(self.rules_box)
        rules_lay.addStretch(1)

        # --- database
        self.db_box = QGroupBox()
        df = QVBoxLayout(self.db_box)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql+psycopg://user:password@host:5432/shop")
        self.url_note = QLabel()
        self.url_note.setWordWrap(True)
        self.url_note.setObjectName("FigureCaption")
        df.addWidget(self.url_edit)
        df.addWidget(self.url_note)
        lay.addWidget(self.db_box)
        lay.addStretch(1)

        # --- risk: thresholds and shop health
        self.thresholds_tab = ThresholdsTab(data.thresholds, data.threshold_defaults,
                                            data.threshold_overrides)
        self.health_tab = HealthTab(svc if data.shop is not None else None, data.health)
        self.health_tab.recorded.connect(self.risk_changed)
        for tab in (self.general_tab, self.rules_tab, self.thresholds_tab, self.health_tab):
            self.tabs.addTab(tab, "")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self._fill()
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.reset_rules_button.clicked.connect(self._reset_profile)
        self.retranslate_ui()

    # ------------------------------------------------------------------ filling
    def _fill(self) -> None:
        shop = self.data.shop
        has_db = shop is not None and self.svc is not None
        self.shop_box.setEnabled(has_db)
        self.rules_box.setEnabled(has_db)
        self.thresholds_tab.setEnabled(has_db)
        self.health_tab.setEnabled(has_db)
        self.approval_check.setChecked(self.data.require_approval)
        if shop is not None:
            self.name_edit.setText(shop.name)
            self._set_combo_text(self.tz_combo, shop.timezone)
            self._set_combo_text(self.currency_combo, shop.currency)
        pref = prefs.get_str(prefs.LANGUAGE, i18n.SYSTEM)
        self.lang_combo.setCurrentIndex(max(self.lang_combo.findData(pref), 0))
        self.url_edit.setText(prefs.get_str(prefs.SHARED_URL))
        for code in self.data.profiles:
            self.profile_combo.addItem(labels.platform(code), code)
        if self.data.profiles:
            self._show_profile(self.profile_combo.currentData())

    @staticmethod
    def _set_combo_text(combo: QComboBox, text: str) -> None:
        i = combo.findText(text)
        if i < 0:
            combo.addItem(text)
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    def _values(self, code: str) -> dict[str, Any]:
        """What the form shows for ``code``: stored rules with this dialog's edits on top."""
        prof = self.data.profiles[code]
        shown = {r: getattr(prof, r) for r in RULES}
        shown["late_penalty"] = _rule_text(shown["late_penalty"])
        shown.update(self._rule_edits.get(code, {}))
        return shown

    def _show_profile(self, code: str | None) -> None:
        if code is None:
            return
        self._shown_profile = code
        v = self._values(code)
        self.ship_min.setValue(int(v["ship_days_min"]))
        self.ship_max.setValue(int(v["ship_days_max"]))
        self.rec_min.setValue(int(v["recommended_min"]))
        self.rec_max.setValue(int(v["recommended_max"]))
        self.penalty_edit.setText(str(v["late_penalty"]))
        self.penalty_currency.setText(self.data.profiles[code].penalty_currency)
        reset = code in self._rule_resets
        for w in (self.ship_min, self.ship_max, self.rec_min, self.rec_max, self.penalty_edit):
            w.setEnabled(not reset)
        self._update_rules_note()

    def _collect_profile(self) -> None:
        """Remember the edits of the profile on screen (before showing another one)."""
        code = self._shown_profile
        if code is None or code in self._rule_resets:
            return
        prof = self.data.profiles[code]
        now = {"ship_days_min": self.ship_min.value(), "ship_days_max": self.ship_max.value(),
               "recommended_min": self.rec_min.value(),
               "recommended_max": self.rec_max.value(),
               "late_penalty": self.penalty_edit.text().strip()}
        edits = {}
        for rule, value in now.items():
            stored = getattr(prof, rule)
            if rule == "late_penalty":
                if value != _rule_text(stored):
                    edits[rule] = value or None
            elif value != stored:
                edits[rule] = value
        if edits:
            self._rule_edits[code] = edits
        else:
            self._rule_edits.pop(code, None)

    def _profile_changed(self, _index: int) -> None:
        self._collect_profile()
        self._show_profile(self.profile_combo.currentData())

    def _reset_profile(self) -> None:
        code = self.profile_combo.currentData()
        if code is None:
            return
        self._rule_resets.add(code)
        self._rule_edits.pop(code, None)
        self._show_profile(code)

    def _update_rules_note(self) -> None:
        code = self._shown_profile
        if code is not None and code in self._rule_resets:
            self.rules_note.setText(self.tr("The platform's default rules are restored when "
                                            "you press OK."))
        elif code is not None and self.data.shop is not None and \
                self.data.shop.rule_overrides.get(code):
            self.rules_note.setText(self.tr("This shop has its own values for some of these "
                                            "rules."))
        else:
            self.rules_note.setText(self.tr("These are the platform's default rules."))

    # ------------------------------------------------------------------ saving
    def rule_changes(self) -> dict[str, dict[str, Any]]:
        """Overrides to store per profile: the shop's existing ones plus this dialog's."""
        self._collect_profile()
        out: dict[str, dict[str, Any]] = {}
        stored = self.data.shop.rule_overrides if self.data.shop is not None else {}
        for code in self._rule_resets:
            out[code] = {}
        for code, edits in self._rule_edits.items():
            merged = dict(stored.get(code, {}))
            merged.update(edits)
            out[code] = merged
        return out

    def shop_changes(self) -> dict[str, str]:
        shop = self.data.shop
        if shop is None:
            return {}
        out = {}
        name = self.name_edit.text().strip()
        tz = self.tz_combo.currentText().strip()
        cur = self.currency_combo.currentText().strip().upper()
        if name and name != shop.name:
            out["name"] = name
        if tz and tz != shop.timezone:
            out["timezone"] = tz
        if cur and cur != shop.currency:
            out["currency"] = cur
        return out

    def approval_change(self) -> bool | None:
        """The approval setting if it was changed, else None."""
        if self.data.shop is None:
            return None
        want = self.approval_check.isChecked()
        return want if want != self.data.require_approval else None

    def save(self) -> None:
        shop_changes = self.shop_changes()
        rule_changes = self.rule_changes()
        threshold_changes = self.thresholds_tab.changes() if self.data.shop else {}
        approval = self.approval_change()
        svc = self.svc
        if svc is None or (not shop_changes and not rule_changes and not threshold_changes
                           and approval is None):
            self._finish(None)
            return

        def write(_task: ops.Task) -> Any:
            if shop_changes:
                svc.shop.update(**shop_changes)
            for code, overrides in rule_changes.items():
                svc.shop.set_rule_override(code, overrides)
            for code, overrides in threshold_changes.items():
                svc.risk.set_thresholds(code, overrides)
            if approval is not None:
                svc.shop.update_settings(require_approval=approval)
            return svc.shop.get()

        self._risk_dirty = bool(rule_changes or threshold_changes)

        self.buttons.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            from app.errors import show_error

            show_error(self, error)

        ops.run(write, parent=self, on_success=self._finish, on_failure=failed,
                label=self.tr("Saving settings…"))

    def _finish(self, shop: ShopView | None) -> None:
        self.buttons.setEnabled(True)
        prefs.set_value(prefs.SHARED_URL, self.url_edit.text().strip())
        lang = self.lang_combo.currentData()
        prefs.set_value(prefs.LANGUAGE, lang)
        if i18n.resolve(lang) != i18n.current_language():
            i18n.apply_language(lang)
        self.saved.emit(shop)
        if getattr(self, "_risk_dirty", False):
            self._risk_dirty = False
            self.risk_changed.emit()
        self.accept()

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        for i, text in enumerate((self.tr("Shop"), self.tr("Platform rules"),
                                  self.tr("Alert thresholds"), self.tr("Shop health"))):
            self.tabs.setTabText(i, text)
        self.approval_check.setText(self.tr("Require approval before a campaign goes live"))
        self.approval_note.setText(self.tr(
            "Off: saving a valid campaign makes it active at once. On: a campaign is saved "
            "as a draft and goes live only after someone approves it (for shops with more "
            "than one person)."))
        self.shop_box.setTitle(self.tr("Shop"))
        self.name_label.setText(self.tr("Shop name:"))
        self.tz_label.setText(self.tr("Time zone:"))
        self.currency_label.setText(self.tr("Currency:"))
        self.lang_box.setTitle(self.tr("Language"))
        self.lang_label.setText(self.tr("Language:"))
        self.lang_combo.setItemText(0, self.tr("System language"))
        self.rules_box.setTitle(self.tr("Platform rules for this shop"))
        self.profile_label.setText(self.tr("Platform:"))
        self.reset_rules_button.setText(self.tr("Restore defaults"))
        self.ship_label.setText(self.tr("Allowed ship window (days):"))
        self.rec_label.setText(self.tr("Recommended window (days):"))
        self.penalty_label.setText(self.tr("Late penalty per order:"))
        self.penalty_edit.setPlaceholderText(self.tr("none"))
        for i in range(self.profile_combo.count()):
            self.profile_combo.setItemText(i, labels.platform(self.profile_combo.itemData(i)))
        self.db_box.setTitle(self.tr("Shared database (PostgreSQL)"))
        self.url_note.setText(self.tr(
            "Leave empty to work with a database file on this computer. A URL set here is "
            "opened the next time Presale Desk starts."))
        self._update_rules_note()
