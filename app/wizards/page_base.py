"""The base of the campaign wizard's pages: issue routing, completeness, no reset on Back.

A page writes its part of the definition (``contribute``), reads it back (``load``) and
shows the issues whose field it edits. Whether Next is enabled is decided by the wizard
from the last engine check (``CampaignWizard.page_ok``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QVBoxLayout, QWizardPage

from .common import IssueLabel, Names, ShownIssue, path_prefixes

if TYPE_CHECKING:
    from presale_engine.service import ProductView, Service


class WizardHost(Protocol):
    """What a page may ask of the wizard that holds it (pages never import the wizard)."""

    names: Names
    service: Service
    products: list[ProductView]
    shop_currency: str
    shop_timezone: str

    def labelled(self, where: str, text: str) -> str: ...
    def field_name(self, fld: str) -> str: ...
    def ctype(self) -> str: ...
    def currency(self) -> str: ...
    def skus(self) -> list[str]: ...
    def product(self, sku: str) -> ProductView | None: ...
    def basics_changed(self) -> None: ...
    def skus_changed(self) -> None: ...
    def schedule_check(self) -> None: ...
    def flush_check(self) -> None: ...
    def page_ok(self, index: int) -> bool: ...
    def save(self) -> bool: ...


class CampaignPage(QWizardPage):
    def __init__(self, wizard: WizardHost, index: int) -> None:
        super().__init__()
        self.cw = wizard
        self.index = index
        self.slots: dict[str, IssueLabel] = {}
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(4, 4, 4, 4)
        # Issues with no field of their own on this page, and earlier pages' errors.
        self.banner = IssueLabel(self)
        # Why Next is not available, in words: which SKU, which field, what is wrong
        # (the field itself may be out of sight, e.g. another SKU's price).
        self.blocker = IssueLabel(self)
        self.blocker.setObjectName("WizardBlocker")

    def finish_layout(self) -> None:
        self.outer.addWidget(self.banner)
        self.outer.addWidget(self.blocker)

    # ------------------------------------------------------------------ form
    def contribute(self, defn: dict[str, Any]) -> None:
        """Write this page's fields into the definition being built."""

    def load(self, defn: dict[str, Any]) -> None:
        """Fill this page from a definition (pre-filling for edit or duplicate)."""

    def changed(self, *_args: object) -> None:
        self.cw.schedule_check()

    # ------------------------------------------------------------------ issues
    def add_slot(self, path: str, label: IssueLabel) -> IssueLabel:
        self.slots[path] = label
        return label

    def route(self, issue: ShownIssue) -> IssueLabel | None:
        """The label that shows ``issue`` (longest matching field path), or None."""
        for prefix in path_prefixes(issue.field):
            if prefix in self.slots:
                return self.slots[prefix]
        return None

    def all_labels(self) -> list[IssueLabel]:
        return list(self.slots.values())

    def show_issues(self, mine: Sequence[ShownIssue],
                    earlier: Sequence[tuple[str, ShownIssue]]) -> None:
        """Show this page's issues at their fields; list earlier pages' errors below."""
        buckets: dict[int, list[ShownIssue]] = {id(lb): [] for lb in self.all_labels()}
        labels = {id(lb): lb for lb in self.all_labels()}
        rest: list[ShownIssue] = []
        for issue in mine:
            label = self.route(issue)
            if label is not None and id(label) in buckets:
                buckets[id(label)].append(self.decorate(issue))
            else:
                rest.append(issue)
        for key, label in labels.items():
            label.set_issues(buckets[key])
        extra = [ShownIssue(i.kind, self.cw.labelled(where, i.text), i.code, i.field)
                 for where, i in earlier]
        self.banner.set_issues([*rest, *extra])
        # What blocks Next (as the wizard counts it: anything but a warning), also when
        # its field is in view: the list says it in words, at the bottom of the page.
        routed = [i for i in mine if i.kind != "warning" and i not in rest]
        if routed:
            kind = "error" if any(i.kind == "error" for i in routed) else "hint"
            head = ShownIssue(kind, self.tr("Next is not available until this is fixed:"),
                              "", "")
            lines = [ShownIssue(i.kind, "• " + self.cw.labelled(
                self.cw.field_name(i.field), i.text), i.code, i.field) for i in routed]
            self.blocker.set_issues([head, *lines])
        else:
            self.blocker.set_issues([])

    def decorate(self, issue: ShownIssue) -> ShownIssue:
        """A page may prefix an issue's text (e.g. with its tier number)."""
        return issue

    # ------------------------------------------------------------------ QWizardPage
    def isComplete(self) -> bool:
        return self.cw.page_ok(self.index)

    def validatePage(self) -> bool:
        self.cw.flush_check()
        return self.cw.page_ok(self.index)

    def cleanupPage(self) -> None:
        """Keep what was entered when the user goes Back (QWizard would reset it)."""
