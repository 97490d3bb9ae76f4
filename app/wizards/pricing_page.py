"""Page 3: the price terms of each SKU, with the live quote and the legal deposit check."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .common import HINT_COLOR, PAGE_PRICING, IssueLabel, ShownIssue, item_index
from .item_pricing import ItemPricingEditor
from .page_base import CampaignPage, WizardHost


def _subpath(path: str) -> str:
    """``items[2].tiers[0].price`` → ``tiers[0].price``."""
    return path.split(".", 1)[1] if "." in path else ""


class PricingPage(CampaignPage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, PAGE_PRICING)
        self.setTitle(self.tr("Step 3 of 6 · Prices"))
        self.setSubTitle(self.tr(
            "Set each SKU's price or volume tiers and, for a deposit presale, the deposit, "
            "what it counts as and the balance discount."))
        self.editors: dict[str, ItemPricingEditor] = {}
        self._loaded_items: dict[str, dict[str, Any]] = {}

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.sku_list = QListWidget()
        self.sku_list.setIconSize(QSize(14, 14))
        self.sku_list.setMaximumWidth(210)
        self.sku_list.setMinimumWidth(170)
        left.addWidget(self.sku_list, 1)
        self.copy_button = QPushButton(self.tr("Use these prices for all SKUs"))
        self.copy_button.setToolTip(self.tr(
            "Copy the shown SKU's price, tiers and deposit terms to every SKU."))
        left.addWidget(self.copy_button)
        body.addLayout(left)

        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Choose SKUs on the previous page first."))
        self.empty.setStyleSheet(f"color: {HINT_COLOR};")
        self.stack.addWidget(self.empty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        hl = QVBoxLayout(holder)
        hl.setContentsMargins(0, 0, 6, 0)
        hl.addWidget(self.stack)
        scroll.setWidget(holder)
        body.addWidget(scroll, 1)
        self.outer.addLayout(body, 1)

        self.sku_list.currentRowChanged.connect(self._show_row)
        self.copy_button.clicked.connect(self.copy_to_all)

    # ------------------------------------------------------------------ SKUs
    def sync_skus(self, skus: Sequence[str]) -> None:
        """Follow the SKU page: one editor per SKU, kept while the SKU stays chosen."""
        for sku in list(self.editors):
            if sku not in skus:
                ed = self.editors.pop(sku)
                kept: dict[str, Any] = {"sku": sku}  # restored if the SKU comes back
                ed.contribute(kept)
                self._loaded_items[sku] = kept
                self.stack.removeWidget(ed)
                ed.deleteLater()
        for sku in skus:
            if sku not in self.editors:
                self.editors[sku] = self._new_editor(sku)
        current = self.current_sku()
        self.sku_list.blockSignals(True)
        self.sku_list.clear()
        for sku in skus:
            self.sku_list.addItem(QListWidgetItem(sku))
        self.sku_list.blockSignals(False)
        row = list(skus).index(current) if current is not None and current in skus else 0
        if skus:
            self.sku_list.setCurrentRow(row)
            self._show_row(row)
        else:
            self.stack.setCurrentWidget(self.empty)
        self.copy_button.setEnabled(len(skus) > 1)

    def _new_editor(self, sku: str) -> ItemPricingEditor:
        product = self.cw.product(sku)
        ed = ItemPricingEditor(sku, product, self.cw.currency(), self.cw.ctype())
        loaded = self._loaded_items.pop(sku, None)
        if loaded is not None:
            ed.load(loaded)
        elif (product is not None and product.list_price is not None
              and self.cw.currency() == self.cw.shop_currency):
            ed.list_price_edit.set_amount_text(str(product.list_price))
        ed.changed.connect(self.changed)
        self.stack.addWidget(ed)
        return ed

    def current_sku(self) -> str | None:
        item = self.sku_list.currentItem()
        return item.text() if item is not None else None

    def current_editor(self) -> ItemPricingEditor | None:
        sku = self.current_sku()
        return self.editors.get(sku) if sku else None

    def _show_row(self, row: int) -> None:
        item = self.sku_list.item(row)
        if item is not None and item.text() in self.editors:
            self.stack.setCurrentWidget(self.editors[item.text()])

    def copy_to_all(self) -> None:
        src = self.current_editor()
        if src is None:
            return
        for ed in self.editors.values():
            if ed is not src:
                ed.copy_terms_from(src)
        self.changed()

    def sync_basics(self, ctype: str, currency: str) -> None:
        for ed in self.editors.values():
            if ed.currency != currency:
                ed.set_currency(currency)
            if ed.ctype != ctype:
                ed.set_type(ctype)

    # ------------------------------------------------------------------ issues
    def route(self, issue: ShownIssue) -> IssueLabel | None:
        i = item_index(issue.field)
        skus = self.cw.skus()
        if i is None or not 0 <= i < len(skus) or skus[i] not in self.editors:
            return super().route(issue)
        return self.editors[skus[i]].route(_subpath(issue.field))

    def all_labels(self) -> list[IssueLabel]:
        out = super().all_labels()
        for ed in self.editors.values():
            out.extend(ed.slots.values())
        return out

    def decorate(self, issue: ShownIssue) -> ShownIssue:
        sub = _subpath(issue.field)
        if sub.startswith("tiers["):
            n = int(sub[6:].split("]", 1)[0]) + 1
            text = self.tr("Tier %1: %2").replace("%1", str(n)).replace("%2", issue.text)
            return ShownIssue(issue.kind, text, issue.code, issue.field)
        return issue

    def show_issues(self, mine: Sequence[ShownIssue],
                    earlier: Sequence[tuple[str, ShownIssue]]) -> None:
        super().show_issues(mine, earlier)
        style = self.style()
        icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                 "hint": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)}
        for r in range(self.sku_list.count()):
            it = self.sku_list.item(r)
            ed = self.editors.get(it.text())
            worst = ed.worst() if ed else ""
            if worst in icons:
                it.setIcon(icons[worst])
            else:
                it.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))

    # ------------------------------------------------------------------ definition
    def contribute(self, defn: dict[str, Any]) -> None:
        for item in defn.get("items") or []:
            ed = self.editors.get(item["sku"])
            if ed is not None:
                ed.contribute(item)

    def load(self, defn: dict[str, Any]) -> None:
        """Remember each item's terms; editors read them when the SKU page creates them."""
        for item in defn.get("items") or []:
            if isinstance(item, dict) and item.get("sku"):
                sku = str(item["sku"])
                if sku in self.editors:
                    self.editors[sku].load(item)
                else:
                    self._loaded_items[sku] = item
