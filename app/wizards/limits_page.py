"""Page 5: per-buyer limit, whether paid orders hold real stock, and who may buy."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from presale_engine.service.values import AUDIENCES, RESERVATION_MODES

from .common import HINT_COLOR, PAGE_LIMITS, IssueLabel, set_help
from .page_base import CampaignPage, WizardHost


class LimitsPage(CampaignPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, PAGE_LIMITS)
        self.setTitle(self.tr("Step 5 of 6 · Limits and stock"))
        self.setSubTitle(self.tr(
            "How many units one buyer may take, whether paid orders hold real stock, and "
            "who may buy."))
        names = wizard.names

        form = QFormLayout()
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(0, 9999)
        self.limit_spin.setSpecialValueText(self.tr("No limit"))
        self.limit_spin.setSuffix(self.tr(" per buyer"))
        self.limit_spin.setMinimumWidth(160)
        self.limit_spin.setMaximumWidth(220)
        set_help(self.limit_spin, self.tr(
            "The most units one buyer may order in this presale (限购)."))
        box = QWidget()
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(1)
        bl.addWidget(self.limit_spin)
        bl.addWidget(self.add_slot("per_buyer_limit", IssueLabel(box, [self.limit_spin])))
        form.addRow(self.tr("Purchase limit:"), box)
        self.outer.addLayout(form)

        res_box = QGroupBox(self.tr("Stock"))
        rl = QVBoxLayout(res_box)
        self.reservation_group = QButtonGroup(self)
        helps = {
            "reserve_stock": self.tr(
                "Each paid order holds stock you have on hand. Safest when the goods are "
                "already in the warehouse."),
            "no_reserve": self.tr(
                "Sell against stock still to arrive (produce to presale demand). Watch the "
                "supply dates: an order whose deadline comes before its stock ships late."),
        }
        self.reservation_radios: dict[str, QRadioButton] = {}
        for code in RESERVATION_MODES:
            radio = QRadioButton(names.reservation(code))
            radio.setProperty("code", code)
            self.reservation_group.addButton(radio)
            self.reservation_radios[code] = radio
            rl.addWidget(radio)
            hint = QLabel(helps[code])
            hint.setWordWrap(True)
            hint.setStyleSheet(f"color: {HINT_COLOR}; margin-left: 22px;")
            rl.addWidget(hint)
        self.reservation_radios["no_reserve"].setChecked(True)
        rl.addWidget(self.add_slot("reservation", IssueLabel(res_box)))
        self.outer.addWidget(res_box)

        aud_box = QGroupBox(self.tr("Who may buy"))
        al = QVBoxLayout(aud_box)
        self.audience_group = QButtonGroup(self)
        self.audience_radios: dict[str, QRadioButton] = {}
        for code in AUDIENCES:
            radio = QRadioButton(names.audience(code))
            radio.setProperty("code", code)
            self.audience_group.addButton(radio)
            self.audience_radios[code] = radio
            al.addWidget(radio)
        self.audience_radios["everyone"].setChecked(True)
        al.addWidget(self.add_slot("audience", IssueLabel(aud_box)))
        self.outer.addWidget(aud_box)
        self.outer.addStretch(1)

        self.limit_spin.valueChanged.connect(self.changed)
        self.reservation_group.buttonToggled.connect(self.changed)
        self.audience_group.buttonToggled.connect(self.changed)

    def _checked(self, radios: dict[str, QRadioButton], default: str) -> str:
        return next((code for code, r in radios.items() if r.isChecked()), default)

    def contribute(self, defn: dict[str, Any]) -> None:
        defn["reservation"] = self._checked(self.reservation_radios, "no_reserve")
        if self.limit_spin.value():
            defn["per_buyer_limit"] = self.limit_spin.value()
        defn["audience"] = self._checked(self.audience_radios, "everyone")

    def load(self, defn: dict[str, Any]) -> None:
        limit = defn.get("per_buyer_limit")
        self.limit_spin.setValue(limit if isinstance(limit, int) else 0)
        res = defn.get("reservation")
        if res in self.reservation_radios:
            self.reservation_radios[res].setChecked(True)
        aud = defn.get("audience")
        if aud in self.audience_radios:
            self.audience_radios[aud].setChecked(True)
