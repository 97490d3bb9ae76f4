"""Page 6: the whole campaign in one read-only view, its warnings, and the ship sentences.

Nothing is stored before Finish; Finish calls the service and stays on this page with
the errors shown when the service refuses the campaign.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
)

from app import display
from app.views.pnl_table import PnlTable
from presale_engine.errors import PresaleError
from presale_engine.service.values import Campaign, parse_money, quote

from .common import (
    ERROR_COLOR,
    PAGE_REVIEW,
    WARNING_COLOR,
    IssueLabel,
    ShownIssue,
    money_str,
)
from .page_base import CampaignPage, WizardHost


class ReviewPage(CampaignPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, PAGE_REVIEW)
        self.setTitle(self.tr("Step 6 of 6 · Review"))
        self.setFinalPage(True)
        self._warning_key: tuple[tuple[str, str], ...] = ()

        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)
        self.outer.addWidget(self.summary, 1)

        # The P&L of the campaign as it stands, again after every engine check (a price,
        # deposit or tier changed) and when the assumed units change.
        self._defn: dict[str, Any] | None = None
        self.pnl_box = QGroupBox()
        pnl_lay = QVBoxLayout(self.pnl_box)
        units_row = QHBoxLayout()
        self.units_label = QLabel()
        self.units_spin = QSpinBox()
        self.units_spin.setRange(0, 1_000_000)
        self.units_spin.setSingleStep(10)
        self.units_spin.setValue(100)
        self.units_spin.valueChanged.connect(lambda _v: self.update_pnl())
        units_row.addWidget(self.units_label)
        units_row.addWidget(self.units_spin)
        units_row.addStretch(1)
        pnl_lay.addLayout(units_row)
        self.pnl_view = PnlTable()
        pnl_lay.addWidget(self.pnl_view)
        self.pnl_box.setMaximumHeight(240)
        self.outer.addWidget(self.pnl_box)

        promise = QGroupBox(self.tr("Ship promise for the listing"))
        grid = QGridLayout(promise)
        grid.setVerticalSpacing(4)
        self.promise_zh = QLineEdit()
        self.promise_en = QLineEdit()
        self.copy_zh = QPushButton(self.tr("Copy"))
        self.copy_en = QPushButton(self.tr("Copy"))
        for row, (label, edit, button) in enumerate((
                (self.tr("Chinese:"), self.promise_zh, self.copy_zh),
                (self.tr("English:"), self.promise_en, self.copy_en))):
            edit.setReadOnly(True)
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        self.outer.addWidget(promise)

        self.ack_check = QCheckBox(self.tr("I have read the warnings"))
        self.ack_check.setVisible(False)
        self.outer.addWidget(self.ack_check)
        self.save_error = IssueLabel(self)
        self.outer.addWidget(self.save_error)

        self.copy_zh.clicked.connect(lambda: self._copy(self.promise_zh))
        self.copy_en.clicked.connect(lambda: self._copy(self.promise_en))
        self.ack_check.toggled.connect(lambda _on: self.completeChanged.emit())

    def _copy(self, edit: QLineEdit) -> None:
        QGuiApplication.clipboard().setText(edit.text())

    def acknowledged(self) -> bool:
        return self.ack_check.isChecked()

    def show_issues(self, mine: Sequence[ShownIssue],
                    earlier: Sequence[tuple[str, ShownIssue]]) -> None:
        """Everything is listed in the summary; the banner stays for unplaced issues."""
        self.banner.set_issues(list(mine))

    # ------------------------------------------------------------------ summary
    def refresh(self, defn: dict[str, Any], campaign: Campaign | None,
                issues: Sequence[tuple[str, ShownIssue]]) -> None:
        warnings = [(step, i) for step, i in issues if i.kind == "warning"]
        key = tuple((i.code, i.field) for _, i in warnings)
        if key != self._warning_key:
            self._warning_key = key
            self.ack_check.setChecked(False)
        self.ack_check.setVisible(bool(warnings))
        self.summary.setHtml(self._html(defn, campaign, issues))
        self._defn = defn if campaign is not None else None
        self.update_pnl()
        if campaign is not None:
            self.promise_zh.setText(campaign.ship_promise_text("zh"))
            self.promise_en.setText(campaign.ship_promise_text("en"))
        else:
            self.promise_zh.clear()
            self.promise_en.clear()
        for b in (self.copy_zh, self.copy_en):
            b.setEnabled(campaign is not None)

    def update_pnl(self) -> None:
        """The P&L preview for the definition as it stands (units per SKU: its cap, else
        the units typed here)."""
        pnl = None
        if self._defn is not None:
            try:
                pnl = self.cw.service.planning.preview_pnl(
                    self._defn, default_units=self.units_spin.value())
            except (PresaleError, ValueError):
                pnl = None
        self.pnl_view.show_pnl(pnl)
        self.pnl_box.setTitle(self.tr("Profit and loss if it sells as planned"))
        self.units_label.setText(self.tr("Units per SKU without a cap:"))

    def _html(self, defn: dict[str, Any], campaign: Campaign | None,
              issues: Sequence[tuple[str, ShownIssue]]) -> str:
        n = self.cw.names
        cur = str(defn.get("currency") or "CNY")
        e = escape
        out: list[str] = []
        errors = [(s, i) for s, i in issues if i.kind in ("error", "hint")]
        warnings = [(s, i) for s, i in issues if i.kind == "warning"]
        if errors:
            title = self.tr("To fix before saving")
            out.append(f"<p style='color:{ERROR_COLOR}'><b>{e(title)}</b></p><ul>")
            out += [f"<li style='color:{ERROR_COLOR}'>{e(self.cw.labelled(s, i.text))}</li>"
                    for s, i in errors]
            out.append("</ul>")
        if warnings:
            title = self.tr("Warnings")
            out.append(f"<p style='color:{WARNING_COLOR}'><b>{e(title)}</b></p><ul>")
            out += [f"<li style='color:{WARNING_COLOR}'>{e(self.cw.labelled(s, i.text))}</li>"
                    for s, i in warnings]
            out.append("</ul>")
        if not errors and not warnings:
            title = self.tr("No problems found: ready to save.")
            out.append(f"<p style='color:#2e7d32'><b>{e(title)}</b></p>")

        name = str(defn.get("name") or self.tr("(no name)"))
        out.append(f"<h3>{e(name)}</h3>")
        rows: list[tuple[str, str]] = []
        platform = str(defn.get("platform") or "")
        plat = n.platform(platform)
        if defn.get("profile"):
            plat += f" · {n.profile(str(defn['profile']))}"
        rows.append((self.tr("Platform"), plat))
        rows.append((self.tr("Presale type"), n.campaign_type(str(defn.get("type")))))
        rows.append((self.tr("Purpose"), n.purpose(str(defn.get("purpose")))))
        rows.append((self.tr("Currency"), cur))
        rows.append((self.tr("Time zone"), str(defn.get("timezone") or "")))
        for key, label in (("deposit_window", self.tr("Deposit window")),
                           ("balance_window", self.tr("Balance window")),
                           ("sale_window", self.tr("Sale window"))):
            w = defn.get(key)
            if isinstance(w, dict):
                rows.append((label, f"{_t(w.get('start'))} → {_t(w.get('end'))}"))
        rows.append((self.tr("Ship promise"), self._ship_text(defn)))
        limit = defn.get("per_buyer_limit")
        rows.append((self.tr("Purchase limit"),
                     str(limit) if limit else self.tr("No limit")))
        rows.append((self.tr("Stock"), n.reservation(str(defn.get("reservation")))))
        rows.append((self.tr("Who may buy"), n.audience(str(defn.get("audience")))))
        out.append("<table cellspacing='0' cellpadding='3'>")
        for k, v in rows:
            out.append(f"<tr><td style='color:#555'>{e(k)}</td><td>{e(v)}</td></tr>")
        out.append("</table>")

        deposit = defn.get("type") == "deposit"
        heads = [self.tr("SKU"), self.tr("Product"), self.tr("Cap"), self.tr("Price")]
        if deposit:
            heads += [self.tr("Deposit"), self.tr("Counts as"), self.tr("Balance discount")]
        heads.append(self.tr("Buyer total"))
        skus_title = self.tr("SKUs")
        out.append(f"<h4>{e(skus_title)}</h4>")
        out.append("<table cellspacing='0' cellpadding='4'><tr style='background:#e8e8e8'>")
        out += [f"<th align='left'>{e(h)}</th>" for h in heads]
        out.append("</tr>")
        items = campaign.items if campaign is not None else ()
        by_sku = {it.sku: it for it in items}
        for raw in defn.get("items") or []:
            sku = str(raw.get("sku"))
            prod = self.cw.product(sku)
            price = self._price_text(raw, cur)
            pname = f"{prod.name} · {prod.variant}" if prod and prod.variant else (
                prod.name if prod else "")
            cells = [sku, pname,
                     _count(raw.get("cap")) if raw.get("cap") else self.tr("No cap"), price]
            if deposit:
                cells += [_m(raw.get("deposit"), cur),
                          _m(raw.get("deposit_value") or raw.get("deposit"), cur),
                          _m(raw.get("balance_discount") or "0", cur)]
            dom = by_sku.get(sku)
            total = "—"
            if dom is not None:
                try:
                    total = money_str(quote(dom.pricing, units_sold=0).total, cur)
                except ValueError:
                    total = "—"
            cells.append(total)
            out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
        out.append("</table>")
        return "".join(out)

    def _ship_text(self, defn: dict[str, Any]) -> str:
        ship = defn.get("ship") or {}
        mode = ship.get("mode")
        if mode == "fixed_date":
            return self.tr("Ships by %1").replace("%1", str(ship.get("date")))
        days = str(ship.get("days"))
        if mode == "after_presale_end":
            return self.tr("Ships within %1 days after the presale ends").replace("%1", days)
        if defn.get("type") == "deposit":
            return self.tr("Ships within %1 days after the balance is paid").replace("%1", days)
        return self.tr("Ships within %1 days after payment").replace("%1", days)

    def _price_text(self, raw: dict[str, Any], cur: str) -> str:
        tiers = raw.get("tiers") or []
        if tiers:
            parts = [f"≥{t.get('min_units')}: {_m(t.get('price'), cur)}" for t in tiers]
            return " / ".join(parts)
        return _m(raw.get("price"), cur)

    # ------------------------------------------------------------------ finish
    def validatePage(self) -> bool:
        self.cw.flush_check()
        if not self.cw.page_ok(self.index):
            return False
        return self.cw.save()


def _t(v: object) -> str:
    return str(v).replace("T", " ") if v else "—"


def _count(v: object) -> str:
    return display.count(v) if isinstance(v, int) else str(v)


def _m(v: object, cur: str) -> str:
    try:
        return money_str(parse_money(v, cur), cur)
    except ValueError:
        return "—"
