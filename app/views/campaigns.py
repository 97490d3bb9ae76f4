"""Campaigns: the list with its figures, and what a seller does with a campaign.

New (and later Edit) open the campaign wizard, which another module provides
(``app.wizards.campaign_wizard``, imported only when asked for and allowed to be
missing). Every action is one service call on the worker; the engine decides whether a
move is allowed (its ``Conflict`` is shown as a friendly message).
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from datetime import tzinfo
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import display, i18n, ops
from app.models.base import SORT_ROLE
from app.models.campaigns import CampaignTableModel
from app.views.base import Page
from app.views.empty_state import EmptyState

if TYPE_CHECKING:
    from presale_engine.service import CampaignDetail, CampaignRow


def wizard_available() -> bool:
    """Whether the wizard is part of the app, without importing it (start-up time)."""
    import sys
    from importlib.util import find_spec

    if getattr(sys, "frozen", False):  # a bundle has no .py files to look for
        return wizard_class() is not None
    # find_spec of the module itself would import app.wizards (and with it the wizard);
    # the package's spec only locates it.
    spec = find_spec("app.wizards")
    if spec is None or not spec.submodule_search_locations:
        return False
    return any(Path(p, "campaign_wizard.py").is_file() or Path(p, "campaign_wizard").is_dir()
               for p in spec.submodule_search_locations)


def wizard_class() -> type | None:
    """The campaign wizard class, or None while it is not part of the app yet."""
    try:
        from app.wizards.campaign_wizard import CampaignWizard
    except ImportError:
        return None
    return CampaignWizard


def wizard_can_edit(cls: type | None) -> bool:
    """Whether the wizard takes an existing campaign (a ``campaign_id`` argument)."""
    if cls is None:
        return False
    try:
        return "campaign_id" in inspect.signature(cls).parameters
    except (TypeError, ValueError):
        return False


def read_definition(path: str) -> Any:
    """A campaign definition file's content; unreadable files are an input error."""
    from presale_engine.errors import InputError

    p = Path(path)
    try:
        return json.loads(p.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{p.name}: not a UTF-8 text file") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{p.name}: line {e.lineno}, column {e.colno}: {e.msg}") from None


class CampaignDetailView(QFrame):
    """What the selected campaign promises: its windows, ship promise and prices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DetailPanel")
        self.detail: CampaignDetail | None = None
        self.tz: tzinfo | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.title)
        lay.addWidget(self.body, 1)
        self.show_detail(None)

    def show_detail(self, detail: CampaignDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.title.setText(self.tr("Select a campaign to see its details"))
            self.body.setText("")
            return
        c = detail.campaign
        self.title.setText(f"#{detail.id} {c.name}")
        rows: list[tuple[str, str]] = []

        # Windows in the campaign's own zone (a TikTok US campaign runs on Los Angeles
        # time), named when it is not the shop's.
        own = str(c.tz) if self.tz is None or str(c.tz) != getattr(self.tz, "key", "") \
            else None
        tz = c.tz if own else self.tz

        def span(w: Any) -> str:
            text = f"{display.when(w.start, tz)} – {display.when(w.end, tz)}"
            if own:
                text = self.tr("%1 (%2 time)").replace("%1", text).replace(
                    "%2", display.zone_city(own))
            return text

        if c.deposit_window is not None:
            rows.append((self.tr("Deposit window"), span(c.deposit_window)))
        if c.balance_window is not None:
            rows.append((self.tr("Balance window"), span(c.balance_window)))
        if c.sale_window is not None:
            rows.append((self.tr("Sale window"), span(c.sale_window)))
        lang = "zh" if i18n.current_language().startswith("zh") else "en"
        rows.append((self.tr("Ship promise"), c.ship_promise_text(lang)))
        cur = c.currency
        for item in detail.definition.get("items", []):
            rows.append((item.get("sku", ""), self._item_text(item, cur)))
        html = "".join(
            f"<tr><td style='padding-right:14px;color:#5a6068'>{escape(k)}</td>"
            f"<td>{escape(v)}</td></tr>" for k, v in rows)
        self.body.setText(f"<table cellspacing='0' cellpadding='1'>{html}</table>")

    def _item_text(self, item: dict[str, Any], currency: str) -> str:
        def money(key: str) -> str:
            return display.money(Decimal(str(item[key])), currency)

        parts = []
        if item.get("tiers"):
            tiers = " / ".join(
                self.tr("≥%1: %2").replace("%1", str(t["min_units"])).replace(
                    "%2", display.money(Decimal(str(t["price"])), currency))
                for t in item["tiers"])
            parts.append(self.tr("tiers %1").replace("%1", tiers))
        elif item.get("price") is not None:
            parts.append(self.tr("price %1").replace("%1", money("price")))
        if item.get("deposit") is not None:
            text = self.tr("deposit %1").replace("%1", money("deposit"))
            if item.get("deposit_value") not in (None, item.get("deposit")):
                text += " " + self.tr("worth %1").replace("%1", money("deposit_value"))
            parts.append(text)
        if item.get("balance_discount") not in (None, "0", "0.00"):
            parts.append(self.tr("balance discount %1").replace("%1", money("balance_discount")))
        if item.get("cap") is not None:
            parts.append(self.tr("cap %Ln unit(s)", "", int(item["cap"])))
        pool = (item.get("blind_box") or {}).get("pool") or []
        if pool:
            total = sum(Decimal(str(e["weight"])) for e in pool)
            drawn = ", ".join(
                f"{e['sku']} {Decimal(str(e['weight'])) * 100 / total:.0f}%" for e in pool)
            parts.append(self.tr("blind box drawn from %1").replace("%1", drawn))
        return " · ".join(parts)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_detail(self.detail)
        super().changeEvent(event)


def _file_stem(name: str) -> str:
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("_")
    return stem or "campaign"


class CampaignsPage(Page):
    name = "campaigns"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._select_after_load: int | None = None
        self._applying = False
        self.wizard: QWidget | None = None  # the last wizard opened (tests look at it)
        self.planner: QWidget | None = None  # the last planner opened (tests look at it)
        lay, self.heading, self.count_label = self.page_layout()

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setObjectName("PageToolbar")
        self.act_new = self.toolbar.addAction("", self.new_campaign)
        self.act_edit = self.toolbar.addAction("", self.edit_campaign)
        self.act_duplicate = self.toolbar.addAction("", self.duplicate)
        self.toolbar.addSeparator()
        self.act_submit = self.toolbar.addAction("", lambda: self.change_status("submit"))
        self.act_approve = self.toolbar.addAction("", lambda: self.change_status("approve"))
        self.act_reject = self.toolbar.addAction("", lambda: self.change_status("reject"))
        self.act_cancel = self.toolbar.addAction("", lambda: self.change_status("cancel"))
        self.toolbar.addSeparator()
        self.act_plan = self.toolbar.addAction("", self.open_planner)
        self.toolbar.addSeparator()
        self.act_export = self.toolbar.addAction("", self.export_definition)
        self.act_import = self.toolbar.addAction("", self.import_definition)
        lay.addWidget(self.toolbar)

        self.model = CampaignTableModel(self)
        self.proxy = QSortFilterProxyModel(self)  # a few dozen rows: a proxy is fine
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Sized to the contents once per load, not on every layout (ResizeToContents asks
        # the model for every cell again and again).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.model.columns.index("name"),
                                    QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.doubleClicked.connect(lambda _i: self.edit_campaign())
        # No campaign yet: say what a campaign is for and offer to create one.
        self.empty_state = EmptyState(self.table)
        self.empty_new = self.empty_state.add_button(lambda: self.new_campaign())
        self.empty_import = self.empty_state.add_button(lambda: self.import_definition())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(self._load_detail)
        self.detail = CampaignDetailView()
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setWidget(self.detail)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail_scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 260])
        split.setChildrenCollapsible(False)
        lay.addWidget(split, 1)
        self.retranslate_ui()
        self._update_actions()

    # ------------------------------------------------------------------ page
    def nav_title(self) -> str:
        return self.tr("Campaigns")

    def refresh(self) -> None:
        """Reload the list and, in the same op, the details of the campaign to select
        (the one asked for, else the one selected, else the first)."""
        ctx = self.ctx
        if ctx is None:
            return
        self._stale = False
        want = self._select_after_load
        if want is None:
            current = self.selected()
            want = current.id if current is not None else None
        self._select_after_load = None

        def fetch(_task: Any) -> tuple[list[CampaignRow], CampaignDetail | None]:
            rows = ctx.svc.campaigns.all()
            ids = [r.id for r in rows]
            target = want if want in ids else (ids[0] if ids else None)
            return rows, ctx.svc.campaigns.get(target) if target is not None else None

        self.run(fetch, self._applied)

    def apply(self, data: Any) -> None:
        rows, detail = data
        if self.ctx is not None:
            self.model.tz = self.ctx.tz
            self.model.this_year = self.ctx.svc.now().astimezone(self.ctx.tz).year
            self.detail.tz = self.ctx.tz
        self._applying = True  # the detail comes with the rows: no second read
        try:
            self.model.set_rows(rows)
            self.table.resizeColumnsToContents()
            self.empty_state.show_over(not rows)
            self.count_label.setText(self.tr("Total: %1").replace("%1", str(len(rows))))
            if detail is not None:
                self.select_campaign(detail.id)
        finally:
            self._applying = False
        self.detail.show_detail(detail)
        self._update_actions()

    def clear(self) -> None:
        self.empty_state.show_over(False)
        self.model.set_rows([])
        self.count_label.setText("")
        self.detail.show_detail(None)
        self._update_actions()

    def _load_detail(self, *_args: Any) -> None:
        if self._applying:
            return
        row, ctx = self.selected(), self.ctx
        if row is None or ctx is None:
            self.detail.show_detail(None)
            return
        self.detail.tz = ctx.tz

        def show(detail: CampaignDetail) -> None:
            current = self.selected()
            if current is not None and current.id == detail.id:
                self.detail.show_detail(detail)

        ops.run(lambda _t: ctx.svc.campaigns.get(row.id), parent=self, on_success=show)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Campaigns"))
        self.act_new.setText(self.tr("New…"))
        self.act_edit.setText(self.tr("Edit…"))
        self.act_duplicate.setText(self.tr("Duplicate…"))
        self.act_submit.setText(self.tr("Submit"))
        self.act_approve.setText(self.tr("Approve"))
        self.act_reject.setText(self.tr("Reject…"))
        self.act_cancel.setText(self.tr("Cancel campaign…"))
        self.act_export.setText(self.tr("Export definition…"))
        self.act_plan.setText(self.tr("Plan: forecast, P&&L, messages…"))
        self.act_plan.setToolTip(self.tr("How many units this campaign will sell, what to "
                                         "make and by when, what it earns, what to tell "
                                         "buyers"))
        self.act_import.setText(self.tr("Import definition…"))
        self.act_new.setToolTip(self.tr("Set up a new presale campaign (Ctrl+N)"))
        self.act_duplicate.setToolTip(self.tr("Copy the selected campaign as a new draft"))
        self.act_export.setToolTip(self.tr("Save the selected campaign's definition as a "
                                           "JSON file"))
        self.act_import.setToolTip(self.tr("Create a campaign from a JSON definition file"))
        self.empty_state.set_texts(self.tr("No campaigns yet"), self.tr(
            "A campaign holds a presale's rules: its SKUs and prices, deposit and balance "
            "windows, caps and ship promise. Imported orders are matched to it."))
        self.empty_new.setText(self.tr("New campaign…"))
        self.empty_import.setText(self.tr("Import a definition…"))
        self.model.retranslate()
        if self.ctx is not None and not self.loading:
            self.count_label.setText(self.tr("Total: %1").replace(
                "%1", str(self.model.rowCount())))
        self._update_actions()

    # ------------------------------------------------------------------ selection
    def selected(self) -> CampaignRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def select_campaign(self, campaign_id: int) -> bool:
        for r, row in enumerate(self.model.rows()):
            if row.id == campaign_id:
                index = self.proxy.mapFromSource(self.model.index(r, 0))
                self.table.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return True
        return False

    def _update_actions(self, *_args: Any) -> None:
        has_db = self.ctx is not None
        has_row = has_db and self.selected() is not None
        self.act_new.setEnabled(has_db and wizard_available())
        if not self.act_new.isEnabled():
            self.act_new.setToolTip(self.tr("The campaign wizard is not available yet"))
        self.act_edit.setEnabled(has_row and wizard_available()
                                  and wizard_can_edit(wizard_class()))
        for act in (self.act_duplicate, self.act_submit, self.act_approve, self.act_reject,
                    self.act_cancel, self.act_export, self.act_plan):
            act.setEnabled(has_row)
        self.act_import.setEnabled(has_db)

    # ------------------------------------------------------------------ actions
    def _after_write(self, message: str, select_id: int | None = None) -> None:
        self._select_after_load = select_id
        self.message.emit(message)
        self.refresh()

    def new_campaign(self) -> None:
        cls = wizard_class()
        if cls is None or self.ctx is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, self.tr("Not available yet"),
                                    self.tr("The campaign wizard is not available yet."))
            return
        wizard = cls(self.ctx.svc, parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accepted.connect(lambda: self._after_wizard(
            self.tr("Campaign created"), getattr(wizard, "created_id", None)))
        self.wizard = wizard
        wizard.open()

    def edit_campaign(self) -> None:
        cls = wizard_class()
        row = self.selected()
        if row is None or self.ctx is None or not wizard_can_edit(cls):
            return
        assert cls is not None
        wizard = cls(self.ctx.svc, parent=self, campaign_id=row.id)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accepted.connect(lambda: self._after_wizard(self.tr("Campaign saved"), row.id))
        self.wizard = wizard
        wizard.open()

    def open_planner(self) -> None:
        """Forecast, production plan, P&L and buyer messages of the selected campaign."""
        from app.dialogs.planner_dialog import PlannerDialog

        row = self.selected()
        if row is None or self.ctx is None:
            return
        dlg = PlannerDialog(self.ctx.svc, row.id, self, name=row.name, currency=row.currency)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.supply_added.connect(lambda _sku: self.data_changed.emit())
        dlg.exported.connect(lambda path: self.message.emit(
            self.tr("Buyer messages written to %1").replace("%1", path)))
        self.planner = dlg
        dlg.open()

    def _after_wizard(self, message: str, campaign_id: int | None = None) -> None:
        """The wizard's ``accepted`` means a campaign was stored: show and select it."""
        self._select_after_load = campaign_id
        self.message.emit(message)
        self.refresh()
        self.data_changed.emit()

    def duplicate(self) -> None:
        row, ctx = self.selected(), self.ctx
        if row is None or ctx is None:
            return
        from app.dialogs.duplicate_dialog import DuplicateDialog

        answer = DuplicateDialog.ask(self, row.name)
        if answer is None:
            return
        name, shift = answer
        self.run(lambda _t: ctx.svc.campaigns.duplicate(row.id, name=name, shift_days=shift),
                 lambda new_id: self._after_write(
                     self.tr("Created draft campaign #%1").replace("%1", str(new_id)),
                     new_id),
                 changes_data=True)

    def change_status(self, action: str) -> None:
        """Submit, approve, reject or cancel the selected campaign (after asking)."""
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        row, ctx = self.selected(), self.ctx
        if row is None or ctx is None:
            return
        reason = ""
        if action in ("submit", "approve"):
            title = self.tr("Submit campaign") if action == "submit" else self.tr(
                "Approve campaign")
            text = (self.tr("Submit “%1” for approval?") if action == "submit"
                    else self.tr("Approve “%1”? Approved campaigns take orders."))
            answer = QMessageBox.question(
                self, title, text.replace("%1", row.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        else:
            title = self.tr("Reject campaign") if action == "reject" else self.tr(
                "Cancel campaign")
            label = (self.tr("Reject “%1”? Reason (optional):") if action == "reject"
                     else self.tr("Cancel “%1”? This cannot be undone. Reason (optional):"))
            reason, ok = QInputDialog.getText(self, title, label.replace("%1", row.name))
            if not ok:
                return
        svc = ctx.svc
        calls: dict[str, Callable[[], str]] = {
            "submit": lambda: svc.campaigns.submit(row.id),
            "approve": lambda: svc.campaigns.approve(row.id),
            "reject": lambda: svc.campaigns.reject(row.id, reason),
            "cancel": lambda: svc.campaigns.cancel(row.id, reason),
        }
        call = calls[action]
        self.run(lambda _t: call(),
                 lambda status: self._after_write(
                     self.tr("Campaign “%1” is now: %2").replace("%1", row.name).replace(
                         "%2", self._status_name(status)), row.id),
                 changes_data=True)

    @staticmethod
    def _status_name(code: str) -> str:
        from app import labels

        return labels.campaign_status(code)

    def export_definition(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        row, ctx = self.selected(), self.ctx
        if row is None or ctx is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export campaign definition"), f"{_file_stem(row.name)}.json",
            self.tr("Campaign definition (*.json)"))
        if not path:
            return
        if not path.lower().endswith(".json"):
            path += ".json"

        def write(_task: Any) -> str:
            definition = ctx.svc.campaigns.definition(row.id)
            Path(path).write_text(json.dumps(definition, ensure_ascii=False, indent=2) + "\n",
                                  encoding="utf-8")
            return path

        self.run(write, lambda p: self.message.emit(
            self.tr("Campaign definition written to %1").replace("%1", p)))

    def import_definition(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        ctx = self.ctx
        if ctx is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import campaign definition"), "",
            self.tr("Campaign definition (*.json);;All files (*)"))
        if not path:
            return

        def create(_task: Any) -> tuple[int, list[Any]]:
            definition = read_definition(path)
            cid = ctx.svc.campaigns.create(definition)
            warnings = ctx.svc.campaigns.check(ctx.svc.campaigns.definition(cid),
                                              exclude_id=cid).warnings
            return cid, warnings

        self.run(create, self._imported, changes_data=True)

    def _imported(self, result: tuple[int, list[Any]]) -> None:
        from PySide6.QtWidgets import QMessageBox

        from app.errors import issue_line

        cid, warnings = result
        self._after_write(self.tr("Created campaign #%1").replace("%1", str(cid)), cid)
        if warnings:
            lines = [f"• {issue_line(w)}" for w in warnings]
            QMessageBox.information(
                self, self.tr("Campaign imported with warnings"),
                self.tr("Campaign #%1 was created as a draft. Please check:").replace(
                    "%1", str(cid)) + "\n\n" + "\n".join(lines[:12]))
