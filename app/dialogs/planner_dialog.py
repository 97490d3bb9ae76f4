"""Plan a campaign (issue 12): the forecast and production plan, the P&L, buyer messages.

One dialog from the campaigns page, three tabs, each saying what to do next: order this
many units by this day (one click adds the supply batch), what the campaign earns and
what a late supply would cost, and the messages to send buyers (exported for the
platform's bulk-messaging tool and written on each order's timeline).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import display, ops
from app.views.pnl_table import PnlTable


def _fill(text: str, *args: Any) -> str:
    """Qt's ``%1 %2`` placeholders of a translated text filled in (``QString.arg``)."""
    return re.sub(r"%(\d+)", lambda m: str(args[int(m.group(1)) - 1])
                  if 0 < int(m.group(1)) <= len(args) else m.group(0), text)


def _table(headers: int) -> QTableWidget:
    t = QTableWidget(0, headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _cell(text: Any, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class PlannerDialog(QDialog):
    """``PlannerDialog(svc, campaign_id)``: plan, P&L and messages of one campaign."""

    supply_added = Signal(str)  # SKU
    exported = Signal(str)  # the file written

    def __init__(self, svc: Any, campaign_id: int, parent: QWidget | None = None,
                 *, name: str = "", currency: str = "CNY") -> None:
        super().__init__(parent)
        self.svc = svc
        self.campaign_id = campaign_id
        self.name = name
        self.currency = currency
        self.plan: Any = None
        self.fc: Any = None
        self.pnl: Any = None
        self.batch: Any = None
        self.resize(980, 560)
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        self.tabs.addTab(self._plan_tab(), "")
        self.tabs.addTab(self._pnl_tab(), "")
        self.tabs.addTab(self._messages_tab(), "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.retranslate_ui()
        self.load_plan()
        self.load_pnl()
        self.load_template()

    # ------------------------------------------------------------------ forecast & plan
    def _plan_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        self.safety_label = QLabel()
        self.safety = QSpinBox()
        self.safety.setRange(0, 1_000_000)
        self.safety.valueChanged.connect(lambda _v: self.load_plan())
        row.addWidget(self.safety_label)
        row.addWidget(self.safety)
        row.addStretch(1)
        lay.addLayout(row)
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        lay.addWidget(self.model_label)
        self.plan_table = _table(11)
        lay.addWidget(self.plan_table, 1)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setObjectName("NextStep")
        lay.addWidget(self.next_label)
        return w

    def load_plan(self) -> None:
        svc, cid, safety = self.svc, self.campaign_id, self.safety.value()
        ops.run(lambda _t: (svc.planning.forecast(cid), svc.planning.plan(cid, safety=safety)),
                parent=self, on_success=self._show_plan)

    def _show_plan(self, result: tuple[Any, Any]) -> None:
        fc, plan = result
        self.fc, self.plan = fc, plan
        model = {"default_shape": self.tr("the default presale shape (no earlier campaign "
                                          "on this platform)"),
                 "shop_history": self.tr("%n earlier campaign(s) of this shop on the "
                                         "platform", "", fc.history_campaigns),
                 "actual": self.tr("the actual figures: the selling window has closed"),
                 "not_started": self.tr("nothing yet: the selling window has not opened")
                 }.get(fc.model, fc.model)
        source = {"campaign": self.tr("this campaign's own"),
                  "history": self.tr("the shop's earlier campaigns"),
                  "default": self.tr("the default"),
                  "full_payment": self.tr("full payment")}.get(plan.conversion_source, "")
        self.model_label.setText(_fill(self.tr(
            "Forecast from %1; %2 % of the selling window has gone by. Balance conversion "
            "%3 % (%4)."), model, round(fc.fraction * 100), f"{plan.conversion * 100:.1f}",
            source))
        by_sku = {i.sku: i for i in fc.items}
        t = self.plan_table
        t.setRowCount(len(plan.items))
        for r, it in enumerate(plan.items):
            f = by_sku.get(it.sku)
            rng = f"{f.low:,} – {f.high:,}" if f else ""
            values = [it.sku, f"{f.units_so_far:,}" if f else "", f"{it.forecast_units:,}",
                      rng, f"{it.needed:,}", f"{it.other_demand:,}", f"{it.on_hand:,}",
                      f"{it.incoming:,}", f"{it.to_make:,}",
                      display.day(it.arrive_by) if it.arrive_by else "—"]
            for c, v in enumerate(values):
                t.setItem(r, c, _cell(v, right=c not in (0, 3, 9)))
            button = QPushButton(self.tr("Add as supply batch"))
            button.setEnabled(it.to_make > 0)
            button.clicked.connect(lambda _c=False, sku=it.sku: self.add_supply(sku))
            t.setCellWidget(r, 10, button)
        todo = [it for it in plan.items if it.to_make > 0]
        if todo:
            each = [_fill(self.tr("%1 units of %2 by %3"), f"{it.to_make:,}", it.sku,
                          display.day(it.arrive_by)) for it in todo]
            self.next_label.setText(_fill(self.tr("Next: order %1 from the factory."),
                                          self.tr("; ").join(each)))
        else:
            self.next_label.setText(self.tr("Stock and incoming supply cover the forecast: "
                                            "nothing to order now."))

    def add_supply(self, sku: str) -> None:
        svc, cid, safety = self.svc, self.campaign_id, self.safety.value()

        def done(_batch: Any) -> None:
            self.supply_added.emit(sku)
            self.load_plan()
            self.load_pnl()

        ops.run(lambda _t: svc.planning.add_plan_as_supply(cid, sku, safety=safety),
                parent=self, on_success=done)

    # ------------------------------------------------------------------ P&L
    def _pnl_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        self.late_label = QLabel()
        self.late_days = QSpinBox()
        self.late_days.setRange(0, 90)
        self.late_days.valueChanged.connect(lambda _v: self.load_pnl())
        row.addWidget(self.late_label)
        row.addWidget(self.late_days)
        row.addStretch(1)
        lay.addLayout(row)
        self.pnl_view = PnlTable()
        self.pnl_table = self.pnl_view.table
        lay.addWidget(self.pnl_view, 1)
        self.late_text = QLabel()
        self.late_text.setWordWrap(True)
        lay.addWidget(self.late_text)
        return w

    def load_pnl(self) -> None:
        svc, cid, days = self.svc, self.campaign_id, self.late_days.value()
        ops.run(lambda _t: svc.planning.pnl(cid, late_days=days), parent=self,
                on_success=self._show_pnl)

    def _show_pnl(self, r: Any) -> None:
        self.pnl = r
        cur = r.currency
        self.pnl_view.show_pnl(r)
        late = r.late
        if late is None or late.days == 0:
            self.late_text.setText(self.tr("Set the days late to see what a late supply "
                                           "would cost."))
        elif late.late_orders == 0:
            self.late_text.setText(self.tr("If supply arrives %n day(s) late, no order of "
                                           "this campaign ships late.", "", late.days))
        else:
            self.late_text.setText(_fill(self.tr(
                "If supply arrives %1 days late: %2 orders ship late; penalty %3; refunds "
                "if they are cancelled %4. Add supply sooner or tell buyers now."),
                late.days, f"{late.late_orders:,}",
                display.money(late.penalty, late.penalty_currency),
                display.money(late.refunds, cur)))

    # ------------------------------------------------------------------ messages
    def _messages_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        form = QFormLayout()
        self.purpose = QComboBox()
        for code in ("reminders", "progress", "delay"):
            self.purpose.addItem("", code)
        self.purpose.currentIndexChanged.connect(lambda _i: self._purpose_changed())
        self.msg_lang = QComboBox()
        self.msg_lang.addItem("中文", "zh")
        self.msg_lang.addItem("English", "en")
        self.msg_lang.currentIndexChanged.connect(lambda _i: self.load_template())
        self.new_date = QDateEdit(QDate.currentDate().addDays(7))
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("yyyy-MM-dd")
        self.compensation = QLineEdit()
        self.compensation.setPlaceholderText("0.00")
        self.template = QPlainTextEdit()
        self.template.setFixedHeight(90)
        self.purpose_label, self.lang_label = QLabel(), QLabel()
        self.date_label, self.comp_label, self.template_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.purpose_label, self.purpose)
        form.addRow(self.lang_label, self.msg_lang)
        form.addRow(self.date_label, self.new_date)
        form.addRow(self.comp_label, self.compensation)
        form.addRow(self.template_label, self.template)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.preview)
        self.save_template_button = QPushButton()
        self.save_template_button.clicked.connect(self.save_template)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        row.addWidget(self.preview_button)
        row.addWidget(self.save_template_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        lay.addLayout(row)
        self.msg_table = _table(3)
        self.msg_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.msg_table, 1)
        self.msg_summary = QLabel()
        self.msg_summary.setWordWrap(True)
        lay.addWidget(self.msg_summary)
        self._purpose_changed(load=False)
        return w

    def _purpose_changed(self, load: bool = True) -> None:
        delay = self.purpose.currentData() == "delay"
        self.new_date.setEnabled(delay)
        self.compensation.setEnabled(delay)
        if load:
            self.load_template()

    def load_template(self) -> None:
        purpose, lang = self.purpose.currentData(), self.msg_lang.currentData()
        svc = self.svc
        ops.run(lambda _t: svc.messages.template(purpose, lang), parent=self,
                on_success=self.template.setPlainText)
        self.batch = None
        self.export_button.setEnabled(False)
        self.msg_table.setRowCount(0)
        self.msg_summary.setText("")

    def _args(self) -> dict[str, Any] | None:
        comp: Decimal | None = None
        text = self.compensation.text().strip()
        if self.purpose.currentData() == "delay" and text:
            try:
                comp = Decimal(text)
            except InvalidOperation:
                self.msg_summary.setText(self.tr("The compensation is an amount, like 10.00."))
                return None
        new_date = self.new_date.date().toPython() \
            if self.purpose.currentData() == "delay" else None
        return {"lang": self.msg_lang.currentData(), "new_date": new_date,
                "compensation": comp, "template": self.template.toPlainText() or None}

    def preview(self) -> None:
        args = self._args()
        if args is None:
            return
        svc, cid, purpose = self.svc, self.campaign_id, self.purpose.currentData()
        ops.run(lambda _t: svc.messages.build(cid, purpose, **args), parent=self,
                on_success=self._show_batch)

    def _show_batch(self, b: Any) -> None:
        self.batch = b
        t = self.msg_table
        t.setRowCount(len(b.lines))
        for r, ln in enumerate(b.lines):
            for c, v in enumerate((ln.order_no, ln.buyer, ln.text)):
                t.setItem(r, c, _cell(v))
        if not b.lines:
            self.msg_summary.setText(self.tr("No order of this campaign needs this message "
                                             "now."))
        elif b.compensation_each is not None:
            self.msg_summary.setText(_fill(self.tr(
                "%1 messages. Compensation %2 each, %3 in all: check it before you send."),
                f"{len(b.lines):,}", display.money(b.compensation_each, b.currency),
                display.money(b.compensation_total, b.currency)))
        else:
            self.msg_summary.setText(_fill(self.tr(
                "%1 messages. Export them for the platform's bulk-messaging tool."),
                f"{len(b.lines):,}"))
        self.export_button.setEnabled(bool(b.lines))

    def save_template(self) -> None:
        purpose, lang = self.purpose.currentData(), self.msg_lang.currentData()
        text, svc = self.template.toPlainText(), self.svc
        ops.run(lambda _t: svc.messages.set_template(purpose, lang, text), parent=self,
                on_success=lambda _t: self.msg_summary.setText(
                    self.tr("Saved as this shop's template.")))

    def export(self, path: str | None = None) -> None:
        args = self._args()
        if args is None:
            return
        if not path:
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export messages"), f"{self.purpose.currentData()}.xlsx",
                self.tr("Sheets (*.xlsx *.csv)"))
        if not path:
            return
        svc, cid, purpose = self.svc, self.campaign_id, self.purpose.currentData()

        def done(b: Any) -> None:
            self.msg_summary.setText(_fill(self.tr(
                "%1 messages written to %2 and noted on each order's timeline."),
                f"{len(b.lines):,}", b.path))
            self.exported.emit(str(b.path))

        ops.run(lambda _t: svc.messages.export(cid, purpose, path, **args), parent=self,
                on_success=done)

    # ------------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        self.setWindowTitle(_fill(self.tr("Plan “%1”"), self.name or f"#{self.campaign_id}"))
        self.tabs.setTabText(0, self.tr("Forecast and production"))
        self.tabs.setTabText(1, self.tr("Profit and loss"))
        self.tabs.setTabText(2, self.tr("Buyer messages"))
        self.safety_label.setText(self.tr("Safety stock per SKU:"))
        self.late_label.setText(self.tr("If supply arrives this many days late:"))
        self.plan_table.setHorizontalHeaderLabels([
            self.tr("SKU"), self.tr("Sold so far"), self.tr("Forecast"), self.tr("Range"),
            self.tr("Still to ship"), self.tr("Other campaigns"), self.tr("On hand"),
            self.tr("Incoming"), self.tr("To make"), self.tr("Arrive by"), ""])
        self.msg_table.setHorizontalHeaderLabels([self.tr("Order no."), self.tr("Buyer"),
                                                  self.tr("Message")])
        names = {"reminders": self.tr("Balance reminder (催付)"),
                 "progress": self.tr("Progress update"),
                 "delay": self.tr("Delay notice with compensation")}
        for i in range(self.purpose.count()):
            self.purpose.setItemText(i, names[self.purpose.itemData(i)])
        self.purpose_label.setText(self.tr("Message:"))
        self.lang_label.setText(self.tr("Buyers' language:"))
        self.date_label.setText(self.tr("New ship date:"))
        self.comp_label.setText(self.tr("Compensation per order:"))
        self.template_label.setText(self.tr("Text:"))
        self.preview_button.setText(self.tr("Preview the list"))
        self.save_template_button.setText(self.tr("Keep this text as my template"))
        self.export_button.setText(self.tr("Export…"))
        if self.plan is not None:
            self._show_plan((self.fc, self.plan))
        if self.pnl is not None:
            self._show_pnl(self.pnl)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
