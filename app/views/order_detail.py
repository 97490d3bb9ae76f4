"""The order detail panel: one order's lines, price breakdown, payments and refunds,
address, timeline from its history, notes and tags (``svc.orders.detail``).

It only shows what it is given; the orders page fetches the detail on its reader thread
and saves notes and tags through an op (``annotate``). Buttons for what the state
machine allows next ask the page to open the bulk confirmation for this one order.
"""

from __future__ import annotations

from datetime import tzinfo
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import desk_labels, display, labels

if TYPE_CHECKING:
    from presale_engine.service import OrderDetail

# Buttons for the next events a seller starts from here (the others come from imports).
ACTIONS = ("ship", "seller_cancel", "balance_lapse", "refund", "complete")


class OrderDetailPanel(QWidget):
    # (event, order id): open the confirmation for this order
    action_requested = Signal(str, int)
    # (order id, note, tags)
    save_requested = Signal(int, str, list)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OrderDetail")
        self.detail: OrderDetail | None = None
        self.tz: tzinfo | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 0, 0, 0)
        lay.setSpacing(6)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.closed.emit)
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(top)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        lay.addWidget(self.body, 1)
        # What the state machine allows next, in one menu (a row of buttons is cut in a
        # narrow panel).
        self.actions_row = QHBoxLayout()
        self.actions_button = QToolButton()
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.actions_menu = QMenu(self)
        self.actions_button.setMenu(self.actions_menu)
        self.action_buttons: dict[str, QAction] = {}
        for ev in ACTIONS:
            act = self.actions_menu.addAction("")
            act.triggered.connect(lambda _c=False, e=ev: self._act(e))
            self.action_buttons[ev] = act
        self.actions_row.addWidget(self.actions_button)
        self.actions_row.addStretch(1)
        lay.addLayout(self.actions_row)
        self.note_label = QLabel()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(54)
        self.tags_label = QLabel()
        self.tags_edit = QLineEdit()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._save)
        lay.addWidget(self.note_label)
        lay.addWidget(self.note_edit)
        row = QHBoxLayout()
        row.addWidget(self.tags_label)
        row.addWidget(self.tags_edit, 1)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        self.retranslate_ui()
        self.show_detail(None)

    # ------------------------------------------------------------------ content
    def show_detail(self, d: OrderDetail | None) -> None:
        self.detail = d
        has = d is not None
        for w in (self.note_edit, self.tags_edit, self.save_button):
            w.setEnabled(has)
        if d is None:
            self.title.setText(self.tr("No order selected"))
            self.body.setHtml("<p>" + escape(self.tr(
                "Select an order to see its lines, price, payments, address and "
                "history.")) + "</p>")
            self.note_edit.setPlainText("")
            self.tags_edit.setText("")
            for b in self.action_buttons.values():
                b.setVisible(False)
            self.actions_button.setEnabled(False)
            return
        o = d.order
        self.title.setText(f"{labels.platform(o.platform)} {o.order_no}")
        self.title.setToolTip(o.order_no)
        self.body.setHtml(self.html(d))
        self.note_edit.setPlainText(d.note)
        self.tags_edit.setText(", ".join(d.tags))
        for ev, b in self.action_buttons.items():
            b.setVisible(ev in d.next_events)
        self.actions_button.setEnabled(any(ev in d.next_events for ev in ACTIONS))

    def html(self, d: OrderDetail) -> str:
        o = d.order
        cur = o.currency
        tz = self.tz

        def money(v: Any) -> str:
            return escape(display.money(v, cur))

        def row(label: str, value: str, cls: str = "") -> str:
            style = ' style="color:#b3261e"' if cls == "bad" else ""
            return (f"<tr><td style='color:#555;padding-right:10px'>{escape(label)}</td>"
                    f"<td align='right'{style}>{value}</td></tr>")

        parts = []
        state = escape(labels.order_status(o.status))
        if o.overdue:
            state += " · <span style='color:#b3261e'>" + escape(self.tr("overdue")) + "</span>"
        parts.append(f"<p><b>{state}</b> · {escape(labels.kind(o.kind))}"
                     + (f"<br>{escape(d.campaign)}" if d.campaign else "") + "</p>")
        if o.ship_deadline is not None:
            parts.append("<p>" + escape(self.tr("Ship by %1").replace(
                "%1", display.when(o.ship_deadline, tz))) + "</p>")
        # lines
        parts.append("<h4>" + escape(self.tr("Items")) + "</h4><table width='100%'>")
        for ln in d.lines:
            name = " ".join(x for x in (ln.product, ln.variant) if x) or ln.sku
            mark = "▶ " if ln.id == o.id else ""
            parts.append(row(f"{mark}{ln.sku} × {ln.qty}", escape(name)))
        parts.append("</table>")
        # price
        p = d.price
        parts.append("<h4>" + escape(self.tr("Price")) + "</h4><table width='100%'>")
        parts.append(row(self.tr("Unit price × quantity"),
                         f"{money(p.unit_price)} × {p.qty}"))
        if p.list_price is not None:
            parts.append(row(self.tr("List price"), money(p.list_price)))
        if o.kind == "deposit":
            parts.append(row(self.tr("Deposit"), money(p.deposit)))
            if p.deposit_value is not None and p.deposit_value != p.deposit:
                parts.append(row(self.tr("Deposit counts for"), money(p.deposit_value)))
            if p.balance_discount:
                parts.append(row(self.tr("Balance discount"), "−" + money(p.balance_discount)))
            parts.append(row(self.tr("Balance"), money(p.balance)))
        parts.append(row(self.tr("Order total"), f"<b>{money(p.total)}</b>"))
        parts.append("</table>")
        # payments
        title = escape(self.tr("Payments and refunds"))
        parts.append(f"<h4>{title}</h4><table width='100%'>")
        if not d.payments:
            parts.append(row(self.tr("Nothing paid yet"), ""))
        for pay in d.payments:
            label = desk_labels.payment_kind(pay.kind) + "  " + display.when_short(
                pay.at, tz, None)
            parts.append(row(label, money(pay.amount), "bad" if pay.amount < 0 else ""))
        parts.append(row(self.tr("Paid"), money(d.paid)))
        if d.refunded:
            parts.append(row(self.tr("Refunded"), money(d.refunded), "bad"))
        if d.forfeited_deposit:
            parts.append(row(self.tr("Deposit kept"), money(d.forfeited_deposit)))
        if d.late_penalty is not None and o.status in ("balance_paid", "paid"):
            parts.append(row(self.tr("A late shipment may cost"),
                             escape(display.money(d.late_penalty, d.penalty_currency))))
        parts.append("</table>")
        # address
        parts.append("<h4>" + escape(self.tr("Ship to")) + "</h4>")
        addr = [x for x in (d.recipient, d.phone, d.address) if x]
        parts.append("<p>" + ("<br>".join(escape(x) for x in addr) if addr else escape(
            self.tr("No address in the data (the platform keeps it)"))) + "</p>")
        if o.carrier or o.tracking_no:
            parts.append("<p>" + escape(f"{o.carrier} {o.tracking_no}".strip()) + "</p>")
        parts.append("<p style='color:#555'>" + escape(self.tr("Buyer: %1").replace(
            "%1", o.buyer or "—")) + "</p>")
        # timeline
        parts.append("<h4>" + escape(self.tr("History")) + "</h4><table width='100%'>")
        if not d.timeline:
            parts.append(row(self.tr("No changes recorded yet"), ""))
        for h in reversed(d.timeline):
            what = desk_labels.event(h.event)
            if h.event not in ("note", "tag") and h.from_status != h.to_status:
                what += " → " + labels.order_status(h.to_status)
            extra = f"<br><span style='color:#555'>{escape(h.reason)}</span>" if h.reason \
                else ""
            parts.append(f"<tr><td style='color:#555;padding-right:10px'>"
                         f"{escape(display.when_short(h.at, tz, None))}</td>"
                         f"<td>{escape(what)} <span style='color:#888'>({escape(h.actor)})"
                         f"</span>{extra}</td></tr>")
        parts.append("</table>")
        return "".join(parts)

    # ------------------------------------------------------------------ actions
    def _act(self, event: str) -> None:
        if self.detail is not None:
            self.action_requested.emit(event, self.detail.order.id)

    def _save(self) -> None:
        if self.detail is None:
            return
        tags = [t.strip() for t in self.tags_edit.text().replace("，", ",").split(",")
                if t.strip()]
        self.save_requested.emit(self.detail.order.id, self.note_edit.toPlainText(), tags)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        for ev, b in self.action_buttons.items():
            b.setText(desk_labels.bulk_action(ev) + "…")
        self.actions_button.setText(self.tr("Act on this order"))
        self.note_label.setText(self.tr("Notes"))
        self.tags_label.setText(self.tr("Tags:"))
        self.tags_edit.setPlaceholderText(self.tr("vip, gift, call back"))
        self.save_button.setText(self.tr("Save notes"))
        self.close_button.setToolTip(self.tr("Close the detail panel"))
        self.show_detail(self.detail)
