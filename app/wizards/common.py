"""Small pieces the wizard pages share: field paths, issue labels, money entry, names.

Issue ``field`` paths come from the engine (``"ship.days"``, ``"items[0].tiers[1].price"``);
each page shows an issue under the widget whose path is the longest prefix of it.
Money is typed into a ``MoneyEdit`` (a line edit with a decimal regex) and travels as
text, never as a float.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QObject, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app import display
from presale_engine.service.values import exponent, fmt, known_currency, parse_money

# The wizard's pages, in order; ``page_for_field`` maps an issue to one of them.
PAGE_BASICS, PAGE_SKUS, PAGE_PRICING, PAGE_SCHEDULE, PAGE_LIMITS, PAGE_REVIEW = range(6)
PAGE_COUNT = 6

ERROR_COLOR = "#c62828"
WARNING_COLOR = "#b85c00"
HINT_COLOR = "#6b6b6b"

_ITEM = re.compile(r"^items\[(\d+)\](?:\.([A-Za-z_]+))?")
_TOKENS = re.compile(r"\[\d+\]|[^.\[\]]+")
_TOP_LEVEL = {
    "name": PAGE_BASICS, "platform": PAGE_BASICS, "profile": PAGE_BASICS,
    "type": PAGE_BASICS, "purpose": PAGE_BASICS, "currency": PAGE_BASICS,
    "items": PAGE_SKUS,
    "timezone": PAGE_SCHEDULE, "deposit_window": PAGE_SCHEDULE,
    "balance_window": PAGE_SCHEDULE, "sale_window": PAGE_SCHEDULE, "ship": PAGE_SCHEDULE,
    "per_buyer_limit": PAGE_LIMITS, "reservation": PAGE_LIMITS, "audience": PAGE_LIMITS,
}


def page_for_field(path: str) -> int:
    """The page that edits the field an issue names (unknown fields: the review page)."""
    m = _ITEM.match(path)
    if m:
        return PAGE_SKUS if m.group(2) in (None, "sku", "cap") else PAGE_PRICING
    top = _TOKENS.findall(path)
    return _TOP_LEVEL.get(top[0], PAGE_REVIEW) if top else PAGE_REVIEW


def path_prefixes(path: str) -> Iterator[str]:
    """``"items[0].tiers[1].price"`` → itself, ``items[0].tiers[1]``, ... ``items``."""
    tokens = _TOKENS.findall(path)
    built: list[str] = []
    acc = ""
    for tok in tokens:
        acc = acc + tok if tok.startswith("[") or not acc else f"{acc}.{tok}"
        built.append(acc)
    yield from reversed(built)


def item_index(path: str) -> int | None:
    m = _ITEM.match(path)
    return int(m.group(1)) if m else None


@dataclass(frozen=True)
class ShownIssue:
    """An engine issue, worded for the user: kind is error, warning or hint."""

    kind: str
    text: str
    code: str
    field: str


def _color(kind: str) -> str:
    return {"error": ERROR_COLOR, "warning": WARNING_COLOR}.get(kind, HINT_COLOR)


class IssueLabel(QLabel):
    """The small coloured line under a field; also puts the issue in the field's tooltip."""

    def __init__(self, parent: QWidget | None = None,
                 targets: Sequence[QWidget] = ()) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.targets: list[QWidget] = list(targets)
        self.issues: list[ShownIssue] = []
        self.setVisible(False)

    def set_issues(self, issues: Sequence[ShownIssue]) -> None:
        issues = list(issues)
        if issues == self.issues:
            return
        self.issues = issues
        kind = ("error" if any(i.kind == "error" for i in issues) else
                "warning" if any(i.kind == "warning" for i in issues) else "hint")
        text = "\n".join(i.text for i in issues)
        self.setText(text)
        self.setToolTip(text)
        self.setStyleSheet(f"color: {_color(kind)};")
        self.setProperty("issueKind", kind if issues else "")
        self.setVisible(bool(issues))
        for w in self.targets:
            set_issue_tooltip(w, text)

    def kind(self) -> str:
        return str(self.property("issueKind") or "")


def set_issue_tooltip(widget: QWidget, issue_text: str) -> None:
    """Append the issue to the widget's own help tooltip (kept in a property)."""
    base = widget.property("baseToolTip")
    if base is None:
        base = widget.toolTip()
        widget.setProperty("baseToolTip", base)
    parts = [p for p in (str(base), issue_text) if p]
    widget.setToolTip("\n".join(parts))


def set_help(widget: QWidget, text: str) -> None:
    """Set a widget's help tooltip so issue texts can be appended to it later."""
    widget.setProperty("baseToolTip", text)
    widget.setToolTip(text)


class MoneyEdit(QLineEdit):
    """Money entry: digits and up to the currency's decimals, kept as text (no floats)."""

    def __init__(self, parent: QWidget | None = None, currency: str = "CNY") -> None:
        super().__init__(parent)
        self._currency = "CNY"
        self.set_currency(currency)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(140)
        self.editingFinished.connect(self._normalize)

    def currency(self) -> str:
        return self._currency

    def set_currency(self, currency: str) -> None:
        self._currency = currency if known_currency(currency) else "CNY"
        decimals = exponent(self._currency)
        pattern = r"\d{0,10}" + (rf"(\.\d{{0,{decimals}}})?" if decimals else "")
        self.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self))
        self.setPlaceholderText("0." + "0" * decimals if decimals else "0")

    def value_text(self) -> str | None:
        """The amount as the definition carries it (``"899"`` → ``"899.00"``), or None.

        Text the engine cannot read is passed on as typed, so it reports the problem.
        """
        t = self.text().strip()
        if not t:
            return None
        value = self.amount()
        return fmt(value, self._currency) if value is not None else t

    def amount(self) -> Decimal | None:
        t = self.text().strip()
        if not t:
            return None
        try:
            return parse_money(t, self._currency)
        except ValueError:
            return None

    def set_amount_text(self, text: str | None) -> None:
        self.setText("" if text is None else str(text))
        self._normalize()

    def _normalize(self) -> None:
        """Show the entered amount with its minor unit (``899`` → ``899.00``)."""
        value = self.amount()
        if value is not None:
            shown = fmt(value, self._currency)
            if shown != self.text():
                self.setText(shown)


CURRENCIES = ("CNY", "USD", "HKD", "SGD", "MYR", "THB", "PHP", "IDR", "VND", "JPY", "KRW",
              "EUR", "GBP")


def money_str(amount: Decimal | None, currency: str) -> str:
    """An amount for display through the app's one formatter; ``—`` when unknown."""
    if amount is None:
        return "—"
    return display.money(amount, currency)


class Names(QObject):
    """Translated display names for the engine's codes (platforms, types, modes...)."""

    def platform(self, code: str) -> str:
        names = {
            "taobao": self.tr("Taobao/Tmall"),
            "jd": self.tr("JD"),
            "douyin": self.tr("Douyin"),
            "tiktok": self.tr("TikTok Shop"),
            "other": self.tr("Other channel"),
        }
        return names.get(code, code)

    def profile(self, code: str) -> str:
        names = {
            "tiktok": self.tr("Default rules"),
            "tiktok_us": self.tr("United States (ship 3–60 days)"),
            "tiktok_th": self.tr("Thailand (ship 3–15 days)"),
        }
        return names.get(code, self.platform(code))

    def profile_long(self, code: str) -> str:
        """The platform with its region, for sentences: "TikTok Shop US allows..."."""
        names = {"tiktok_us": self.tr("TikTok Shop US"),
                 "tiktok_th": self.tr("TikTok Shop Thailand")}
        return names.get(code, self.platform(code))

    def campaign_type(self, code: str) -> str:
        return {"deposit": self.tr("Deposit presale"),
                "full": self.tr("Full-payment presale")}.get(code, code)

    def purpose(self, code: str) -> str:
        return {"test": self.tr("Test the market"),
                "build_demand": self.tr("Build demand before launch"),
                "clearance": self.tr("Clear planned stock")}.get(code, code)

    def reservation(self, code: str) -> str:
        return {"reserve_stock": self.tr("Reserve real stock at payment"),
                "no_reserve": self.tr("Sell against incoming supply (no reservation)")
                }.get(code, code)

    def audience(self, code: str) -> str:
        return {"everyone": self.tr("Everyone"),
                "members": self.tr("Members only")}.get(code, code)
