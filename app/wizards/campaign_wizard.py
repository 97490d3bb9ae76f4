"""The campaign wizard: six pages, validated live by the engine, saved only on Finish.

Every change rebuilds the definition dict (the campaign file's format) from the form and,
after a short pause, asks ``Service.campaigns.check`` about it. Each issue is shown under
the widget its ``field`` path names; errors block Next on the page that owns the field
and on every later page. While a later page's fields cannot be read yet (no price typed
so far), the check is repeated with stand-in values there, so the rules about what is
already filled in (SKU exclusivity, ship window) still answer at once.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from presale_engine.errors import CampaignInvalid, Issue, PresaleError, ValidationResult
from presale_engine.messages import describe_field
from presale_engine.service import ProductView, Service
from presale_engine.service.values import Campaign, PlatformProfile, parse_definition

from .basics_page import BasicsPage
from .common import (
    PAGE_BASICS,
    PAGE_LIMITS,
    PAGE_PRICING,
    PAGE_REVIEW,
    PAGE_SCHEDULE,
    PAGE_SKUS,
    Names,
    ShownIssue,
    item_index,
    page_for_field,
)
from .issue_text import IssueTexts, message_language
from .limits_page import LimitsPage
from .page_base import CampaignPage
from .pricing_page import PricingPage
from .review_page import ReviewPage
from .schedule_page import SchedulePage
from .sku_page import SkuPage

# Item keys the pricing page edits; any other key of a pre-filled item is kept as is.
_PRICING_KEYS = ("price", "tiers", "deposit", "deposit_value", "balance_discount",
                 "list_price")
_ITEM_KEYS = ("sku", "cap", *_PRICING_KEYS)


class CampaignWizard(QWizard):
    """Create (or, with ``campaign_id``, edit) a presale campaign.

    ``definition`` pre-fills the pages (a campaign file's dict, e.g. a sample file or
    ``Service.campaigns.definition`` for a duplicate); with ``campaign_id`` alone the stored
    campaign is loaded and Finish calls ``update_campaign``. After Finish, ``created_id``
    holds the campaign's id and ``campaignSaved(id)`` has been emitted.
    """

    campaignSaved = Signal(int)
    validated = Signal()
    CHECK_DELAY_MS = 150

    def __init__(self, service: Service, parent: QWidget | None = None,
                 definition: dict[str, Any] | None = None, *,
                 campaign_id: int | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.campaign_id = campaign_id
        self.created_id: int | None = None
        self.confirm_discard = True
        self.names = Names(self)
        self.texts = IssueTexts(self)
        shop = service.shop.get()
        self.shop_currency = shop.currency
        self.shop_timezone = shop.timezone
        self.products: list[ProductView] = service.stock.products()
        self._by_sku = {p.sku: p for p in self.products}
        self._profiles: dict[str, PlatformProfile | None] = {}
        self._item_extras: dict[str, dict[str, Any]] = {}
        self._last_platform: str | None = None
        self._blocking: set[int] = set()
        self._has_warnings = False
        self._dirty = False
        self._loading = True
        self.check_result = ValidationResult()
        self.shown: list[ShownIssue] = []
        self.campaign: Campaign | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.CHECK_DELAY_MS)
        self._timer.timeout.connect(self.revalidate)

        self.setWindowTitle(self.tr("New presale campaign") if campaign_id is None
                            else self.tr("Edit presale campaign"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton,
                           self.tr("Create campaign") if campaign_id is None
                           else self.tr("Save changes"))

        self.basics = BasicsPage(self)
        self.sku_page = SkuPage(self)
        self.pricing = PricingPage(self)
        self.schedule = SchedulePage(self)
        self.limits = LimitsPage(self)
        self.review = ReviewPage(self)
        self.pages: list[CampaignPage] = [self.basics, self.sku_page, self.pricing,
                                          self.schedule, self.limits, self.review]
        for page in self.pages:
            page.finish_layout()
            self.setPage(page.index, page)
        self.review.setSubTitle(
            self.tr("Check everything once more. Nothing is saved until you press “%1”.")
            .replace("%1", self.buttonText(QWizard.WizardButton.FinishButton)))

        self.schedule.set_defaults(service.now().astimezone(service.shop.tz()))
        self.basics_changed()
        if definition is None and campaign_id is not None:
            definition = service.campaigns.definition(campaign_id)
        if definition is not None:
            self.load_definition(definition)
        self._loading = False
        self._fit_to_screen()
        self.revalidate()

    def _fit_to_screen(self) -> None:
        """1000x700, or less on a small screen (a 1366x768 laptop with a task bar)."""
        width, height = 1000, 700
        screen = self.screen()
        if screen is not None:
            avail = screen.availableGeometry()
            width = min(width, avail.width() - 40)
            height = min(height, avail.height() - 40)
        self.resize(max(width, 640), max(height, 480))

    # ------------------------------------------------------------------ state
    def step_name(self, index: int) -> str:
        return {PAGE_BASICS: self.tr("Platform and type"), PAGE_SKUS: self.tr("SKUs"),
                PAGE_PRICING: self.tr("Prices"), PAGE_SCHEDULE: self.tr("Schedule"),
                PAGE_LIMITS: self.tr("Limits"), PAGE_REVIEW: self.tr("Review")}[index]

    def where(self, fld: str) -> str:
        """Where an issue is, for lists away from its field: "SKUs · YRF-001-BLK-M"."""
        step = self.step_name(page_for_field(fld))
        i = item_index(fld)
        skus = self.skus()
        if i is not None and 0 <= i < len(skus):
            return f"{step} · {skus[i]}"
        return step

    def field_name(self, fld: str) -> str:
        """A field in words for the page's own list: "SKU YRF-001-BLK-M · Deposit"."""
        i = item_index(fld)
        skus = self.skus()
        lang = message_language()
        if i is not None and "." in fld:
            tail = describe_field(fld.split(".", 1)[1], lang)
            sku = skus[i] if 0 <= i < len(skus) else describe_field(fld.split(".", 1)[0], lang)
            return self.tr("SKU %1 · %2").replace("%1", sku).replace("%2", tail)
        return describe_field(fld, lang)

    def labelled(self, where: str, text: str) -> str:
        """``"SKUs · YRF-001-BLK-M: text"`` with the UI language's colon."""
        return self.tr("%1: %2").replace("%1", where).replace("%2", text)

    def platform(self) -> str:
        return self.basics.platform()

    def profile_code(self) -> str:
        return self.basics.profile_code()

    def ctype(self) -> str:
        return self.basics.ctype()

    def currency(self) -> str:
        return self.basics.currency()

    def skus(self) -> list[str]:
        return self.sku_page.skus()

    def product(self, sku: str) -> ProductView | None:
        return self._by_sku.get(sku)

    def profile(self, code: str) -> PlatformProfile | None:
        if code not in self._profiles:
            try:
                self._profiles[code] = self.service.shop.profile(code)
            except PresaleError:
                self._profiles[code] = None
        return self._profiles[code]

    # ------------------------------------------------------------------ page links
    def basics_changed(self) -> None:
        """Platform, type, region or currency changed: the other pages follow."""
        prof = self.profile_code()
        self.basics.show_rules(self.profile(prof))
        self.pricing.sync_basics(self.ctype(), self.currency())
        self.schedule.sync_basics(self.ctype(), prof, self.names.profile_long(prof),
                                  self.profile(prof))
        if self.platform() != self._last_platform:
            self._last_platform = self.platform()
            self.sku_page.sync_platform(self.platform())

    def skus_changed(self) -> None:
        self.pricing.sync_skus(self.skus())

    # ------------------------------------------------------------------ definition
    def definition(self) -> dict[str, Any]:
        """The campaign as the form stands, in the campaign file's format."""
        defn: dict[str, Any] = {}
        for page in self.pages:
            page.contribute(defn)
        for item in defn.get("items", []):
            for key, value in self._item_extras.get(item["sku"], {}).items():
                item.setdefault(key, copy.deepcopy(value))
        return defn

    def load_definition(self, definition: dict[str, Any]) -> None:
        """Fill every page from a definition; keys the wizard does not edit are kept."""
        was_loading = self._loading
        self._loading = True
        defn = copy.deepcopy(definition)
        self._item_extras = {
            str(it.get("sku")): {k: v for k, v in it.items() if k not in _ITEM_KEYS}
            for it in defn.get("items") or [] if isinstance(it, dict)}
        self.basics.load(defn)
        self.basics_changed()
        self.pricing.load(defn)  # before the SKU page creates the editors
        self.sku_page.load(defn)
        self.schedule.load(defn)
        self.limits.load(defn)
        self.basics_changed()
        self._loading = was_loading
        if not was_loading:
            self.revalidate()

    # ------------------------------------------------------------------ checking
    def schedule_check(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self.review.save_error.set_issues([])
        self._timer.start()

    def check_pending(self) -> bool:
        """True while a change waits for its (debounced) engine check."""
        return self._timer.isActive()

    def flush_check(self) -> None:
        """Check now (before Next/Finish), so a click right after typing sees it."""
        self.revalidate()

    def revalidate(self) -> None:
        self._timer.stop()
        defn = self.definition()
        issues, campaign, _ = self._check(defn)
        self.campaign = campaign
        self.check_result = ValidationResult(
            errors=[i for i in issues if i.severity == "error"],
            warnings=[i for i in issues if i.severity != "error"])
        shown = self.texts.show_all(issues)
        self.shown = shown
        by_page: dict[int, list[ShownIssue]] = defaultdict(list)
        for s in shown:
            by_page[page_for_field(s.field)].append(s)
        self._blocking = {page_for_field(s.field) for s in shown if s.kind != "warning"}
        self._has_warnings = any(s.kind == "warning" for s in shown)
        for page in self.pages:
            earlier = [(self.where(s.field), s) for p in range(page.index)
                       for s in by_page[p] if s.kind != "warning"]
            page.show_issues(by_page[page.index], earlier)
        self.review.refresh(defn, campaign, [(self.where(s.field), s) for s in shown])
        if campaign is not None:
            self.schedule.show_promise(campaign.ship_promise_text("zh"),
                                       campaign.ship_promise_text("en"))
        else:
            self.schedule.show_promise(None, None)
        for page in self.pages:
            page.completeChanged.emit()
        self.validated.emit()

    def _check(self, defn: dict[str, Any]
               ) -> tuple[list[Issue], Campaign | None, Campaign | None]:
        """Issues, the campaign as read (or None) and a campaign to word issues with."""
        real = self.service.campaigns.check(defn, exclude_id=self.campaign_id)
        issues = [*real.errors, *real.warnings]
        campaign, _ = parse_definition(defn)
        if campaign is not None or not real.errors:
            return issues, campaign, campaign
        if not all(_stand_in_field(i.field) for i in real.errors):
            return issues, None, None
        probe, replaced = _probe(defn, real.errors)
        probe_campaign, _ = parse_definition(probe)
        if probe_campaign is None:
            return issues, None, None
        checked = self.service.campaigns.check(probe, exclude_id=self.campaign_id)

        def stood_in(fld: str) -> bool:
            return any(fld == r or fld.startswith((f"{r}.", f"{r}[")) for r in replaced)

        merged = [i for i in issues if stood_in(i.field)]
        merged += [i for i in (*checked.errors, *checked.warnings) if not stood_in(i.field)]
        return merged, None, probe_campaign

    def page_ok(self, index: int) -> bool:
        """May the user leave page ``index`` forward (or finish on the last page)?"""
        if index == PAGE_REVIEW:
            return not self._blocking and (not self._has_warnings
                                          or self.review.acknowledged())
        return not any(p <= index for p in self._blocking)

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        """Store the campaign (Finish). False, with the errors shown, if it is refused."""
        defn = self.definition()
        try:
            if self.campaign_id is None:
                cid = self.service.campaigns.create(defn)
            else:
                self.service.campaigns.update(self.campaign_id, defn)
                cid = self.campaign_id
        except CampaignInvalid as e:
            lines = [ShownIssue("error", self.tr("Not saved. Fix these first:"), e.code, "")]
            for issue in e.result.errors:
                s = self.texts.show(issue)
                text = self.labelled(self.where(issue.field), s.text)
                lines.append(ShownIssue("error", f"• {text}", s.code, s.field))
            self.review.save_error.set_issues(lines)
            return False
        except PresaleError as e:
            self.review.save_error.set_issues([ShownIssue(
                "error", self.tr("Not saved: %1").replace("%1", e.text(message_language())),
                e.code, "")])
            return False
        self.created_id = cid
        self._dirty = False
        self.campaignSaved.emit(cid)
        return True

    def reject(self) -> None:
        """Cancel: nothing was saved; ask first if the user entered anything."""
        if self._dirty and self.confirm_discard and self.created_id is None:
            answer = QMessageBox.question(
                self, self.tr("Discard this campaign?"),
                self.tr("Nothing has been saved yet. Close the wizard and lose what you "
                        "entered?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._timer.stop()
        super().reject()


def _stand_in_field(fld: str) -> bool:
    """Fields the check can stand in for while they are still empty or unreadable."""
    return fld == "name" or page_for_field(fld) == PAGE_PRICING


def _probe(defn: dict[str, Any], errors: Sequence[Issue]) -> tuple[dict[str, Any], set[str]]:
    """A copy with readable stand-ins for the broken fields, and those fields' paths."""
    probe = copy.deepcopy(defn)
    replaced: set[str] = set()
    if any(i.field == "name" for i in errors):
        probe["name"] = "probe"
        replaced.add("name")
    broken = {int(i.field[6:].split("]", 1)[0]) for i in errors
              if page_for_field(i.field) == PAGE_PRICING}
    for n in broken:
        item = probe["items"][n]
        for key in _PRICING_KEYS:
            item.pop(key, None)
            replaced.add(f"items[{n}].{key}")
        item["price"] = "1000000"  # readable in every currency, deposit far under 20 %
        if probe.get("type") == "deposit":
            item["deposit"] = "1"
    return probe, replaced
