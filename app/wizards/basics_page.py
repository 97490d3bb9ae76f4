"""Page 1: where the presale runs, what kind it is, its name and purpose."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from presale_engine.service.values import (
    PLATFORMS,
    PURPOSES,
    PlatformProfile,
    base_platform,
    known_profiles,
)

from .common import CURRENCIES, HINT_COLOR, PAGE_BASICS, IssueLabel, set_help
from .page_base import CampaignPage, WizardHost

# Currency a platform's shops usually settle in, used until the user picks one.
_PLATFORM_CURRENCY = {"tiktok_us": "USD", "tiktok": "USD", "tiktok_th": "THB"}


class BasicsPage(CampaignPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, PAGE_BASICS)
        self.setTitle(self.tr("Step 1 of 6 · Platform and type"))
        self.setSubTitle(self.tr("Where the presale runs, how buyers pay, and what it is for."))
        names = wizard.names
        self.shop_currency = wizard.shop_currency
        self.currency_touched = False

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(6)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Down jacket Double 11 deposit presale"))
        self.name_edit.setMaxLength(120)
        set_help(self.name_edit, self.tr("Shown in your campaign list; buyers do not see it."))
        form.addRow(self.tr("Campaign name:"), self._with_slot("name", self.name_edit))

        self.platform_combo = QComboBox()
        for code in PLATFORMS:
            self.platform_combo.addItem(names.platform(code), code)
        form.addRow(self.tr("Platform:"), self._with_slot("platform", self.platform_combo))

        self.profile_combo = QComboBox()
        set_help(self.profile_combo, self.tr(
            "TikTok Shop's presale rules differ by region; pick the region of the shop."))
        self.profile_label = QLabel(self.tr("Region rules:"))
        self.profile_box = self._with_slot("profile", self.profile_combo)
        form.addRow(self.profile_label, self.profile_box)

        type_box = QWidget()
        tl = QVBoxLayout(type_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(2)
        self.type_group = QButtonGroup(self)
        self.deposit_radio = QRadioButton(names.campaign_type("deposit"))
        self.full_radio = QRadioButton(names.campaign_type("full"))
        for radio, code, help_text in (
            (self.deposit_radio, "deposit", self.tr(
                "Buyers pay a deposit now and the balance in the balance window; "
                "deposit expansion, balance discounts and volume tiers are possible.")),
            (self.full_radio, "full", self.tr(
                "Buyers pay the whole price when they order; you ship by the promised time.")),
        ):
            radio.setProperty("code", code)
            self.type_group.addButton(radio)
            tl.addWidget(radio)
            hint = QLabel(help_text)
            hint.setWordWrap(True)
            hint.setStyleSheet(f"color: {HINT_COLOR}; margin-left: 22px;")
            tl.addWidget(hint)
        self.deposit_radio.setChecked(True)
        form.addRow(self.tr("Presale type:"), self._with_slot("type", type_box))

        self.purpose_combo = QComboBox()
        for code in PURPOSES:
            self.purpose_combo.addItem(names.purpose(code), code)
        self.purpose_combo.setCurrentIndex(PURPOSES.index("build_demand"))
        set_help(self.purpose_combo, self.tr(
            "Why you run this presale; reports group campaigns by it."))
        form.addRow(self.tr("Purpose:"), self._with_slot("purpose", self.purpose_combo))

        self.currency_combo = QComboBox()
        for code in CURRENCIES:
            self.currency_combo.addItem(code, code)
        self._set_combo(self.currency_combo, self.shop_currency)
        set_help(self.currency_combo, self.tr("The currency the shop settles in."))
        form.addRow(self.tr("Currency:"), self._with_slot("currency", self.currency_combo))

        self.outer.addLayout(form)

        rules = QGroupBox(self.tr("This platform's presale rules"))
        rl = QVBoxLayout(rules)
        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        self.rules_label.setTextFormat(Qt.TextFormat.PlainText)
        rl.addWidget(self.rules_label)
        self.outer.addWidget(rules)
        self.outer.addStretch(1)
        # Fields as wide as their content needs, not the whole window.
        for w in (self.platform_combo, self.profile_combo, self.purpose_combo,
                  self.currency_combo):
            w.setMaximumWidth(360)
        self.name_edit.setMaximumWidth(600)

        self.name_edit.textChanged.connect(self.changed)
        self.platform_combo.currentIndexChanged.connect(self._platform_changed)
        self.profile_combo.currentIndexChanged.connect(self._basics_changed)
        self.type_group.buttonToggled.connect(self._type_toggled)
        self.purpose_combo.currentIndexChanged.connect(self.changed)
        self.currency_combo.activated.connect(self._currency_chosen)
        self.currency_combo.currentIndexChanged.connect(self._basics_changed)
        self._fill_profiles()

    def _with_slot(self, path: str, widget: QWidget) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        lay.addWidget(self.add_slot(path, IssueLabel(box, [widget])))
        return box

    @staticmethod
    def _set_combo(combo: QComboBox, code: str | None) -> None:
        i = combo.findData(code)
        if i >= 0:
            combo.setCurrentIndex(i)

    # ------------------------------------------------------------------ state
    def platform(self) -> str:
        return str(self.platform_combo.currentData())

    def profile_code(self) -> str:
        prof = self.profile_combo.currentData()
        return str(prof) if self.profile_combo.count() > 1 and prof else self.platform()

    def ctype(self) -> str:
        return "full" if self.full_radio.isChecked() else "deposit"

    def currency(self) -> str:
        return str(self.currency_combo.currentData())

    # ------------------------------------------------------------------ reactions
    def _fill_profiles(self) -> None:
        plat = self.platform()
        regional = [p for p in known_profiles() if base_platform(p) == plat]
        self.profile_combo.blockSignals(True)
        current = self.profile_combo.currentData()
        self.profile_combo.clear()
        for code in regional:
            self.profile_combo.addItem(self.cw.names.profile(code), code)
        self._set_combo(self.profile_combo, current)
        self.profile_combo.blockSignals(False)
        show = len(regional) > 1
        self.profile_label.setVisible(show)
        self.profile_box.setVisible(show)

    def _platform_changed(self) -> None:
        self._fill_profiles()
        self._basics_changed()

    def _currency_chosen(self) -> None:
        self.currency_touched = True

    def _type_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._basics_changed()

    def _basics_changed(self, *_args: object) -> None:
        if not self.currency_touched:
            want = _PLATFORM_CURRENCY.get(self.profile_code(), self.shop_currency)
            if want != self.currency():
                self.currency_combo.blockSignals(True)
                self._set_combo(self.currency_combo, want)
                self.currency_combo.blockSignals(False)
        self.cw.basics_changed()
        self.changed()

    def show_rules(self, profile: PlatformProfile | None) -> None:
        """Summarise the platform's presale rules the engine checks against."""
        if profile is None:
            self.rules_label.setText("")
            return
        lines = [self.tr("Presale ship window: %1–%2 days; %3–%4 days recommended.")
                 .replace("%1", str(profile.ship_days_min))
                 .replace("%2", str(profile.ship_days_max))
                 .replace("%3", str(profile.recommended_min))
                 .replace("%4", str(profile.recommended_max))]
        if not profile.verified:
            lines.append(self.tr("The limit is the common one, not a published rule; "
                                 "check the platform's back office."))
        late = {
            "compensation": self.tr("Late shipment: you compensate the buyer."),
            "score_drop": self.tr("Late shipment: the shop's logistics score drops and "
                                  "buyers are compensated."),
            "auto_cancel": self.tr("Late shipment: the platform cancels and refunds the "
                                   "order."),
        }.get(profile.late_consequence)
        if late:
            if profile.late_penalty is not None:
                late += " " + (self.tr("Penalty: %1 %2 per late order.")
                               .replace("%1", str(profile.late_penalty))
                               .replace("%2", profile.penalty_currency))
            lines.append(late)
        if profile.requires_enterprise:
            lines.append(self.tr("Only enterprise shops whose DSR is at or above the "
                                 "industry average may run presales."))
        if profile.min_rating is not None:
            lines.append(self.tr("Eligibility: shop rating at least %1, cancel rate at most "
                                 "%2% in 30 days.")
                         .replace("%1", str(profile.min_rating))
                         .replace("%2", f"{(profile.max_cancel_rate or 0) * 100:g}"))
        self.rules_label.setText("\n".join(lines))

    # ------------------------------------------------------------------ definition
    def contribute(self, defn: dict[str, Any]) -> None:
        defn["name"] = self.name_edit.text().strip()
        defn["platform"] = self.platform()
        prof = self.profile_code()
        if prof != self.platform():
            defn["profile"] = prof
        defn["type"] = self.ctype()
        defn["currency"] = self.currency()
        defn["purpose"] = str(self.purpose_combo.currentData())

    def load(self, defn: dict[str, Any]) -> None:
        self.name_edit.setText(str(defn.get("name") or ""))
        self._set_combo(self.platform_combo, defn.get("platform"))
        self._fill_profiles()
        if defn.get("profile"):
            self._set_combo(self.profile_combo, defn.get("profile"))
        (self.full_radio if defn.get("type") == "full" else self.deposit_radio).setChecked(True)
        self._set_combo(self.purpose_combo, defn.get("purpose") or "build_demand")
        if defn.get("currency"):
            self.currency_touched = True
            cur = str(defn["currency"])
            if self.currency_combo.findData(cur) < 0:
                self.currency_combo.addItem(cur, cur)
            self._set_combo(self.currency_combo, cur)
