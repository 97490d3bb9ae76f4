"""The campaigns table: one row per ``svc.campaigns.all()`` entry, with its figures."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from app import display, labels
from app.models.base import ListTableModel

if TYPE_CHECKING:
    from presale_engine.service import CampaignRow

_LATE = QBrush(QColor("#b3261e"))
_MUTED = QBrush(QColor("#7a7a7a"))


def _can_be_late(row: CampaignRow) -> bool:
    """Only an unshipped order can be late: without one, a past ship date is no alarm."""
    return row.next_ship_deadline is not None or (
        row.days_to_ship_deadline is not None and row.days_to_ship_deadline >= 0)


class CampaignTableModel(ListTableModel["CampaignRow"]):
    columns = ("platform", "type", "status", "name", "window", "skus", "orders", "units",
               "deposits", "paid", "days")
    numeric = frozenset({"skus", "orders", "units", "deposits", "paid", "days"})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tz: tzinfo | None = None  # the shop's
        self.this_year: int | None = None  # dates in it are shown without the year

    def header(self, key: str) -> str:
        return {
            "platform": self.tr("Platform"),
            "type": self.tr("Type"),
            "status": self.tr("Status"),
            "name": self.tr("Campaign"),
            "window": self.tr("Presale window"),
            "skus": self.tr("SKUs"),
            "orders": self.tr("Orders"),
            "units": self.tr("Units"),
            "deposits": self.tr("Deposits"),
            "paid": self.tr("Paid"),
            "days": self.tr("Ship deadline in"),
        }[key]

    def text(self, row: CampaignRow, key: str) -> str:
        if key == "platform":
            return labels.platform(row.platform)
        if key == "type":
            return labels.kind(row.type)
        if key == "status":
            return labels.campaign_status(row.status)
        if key == "name":
            return row.name
        if key == "window":
            zone = self._own_zone(row)
            if zone is None:
                return display.window(row.starts, row.ends, self.tz, self.this_year)
            return QCoreApplication.translate("CampaignTableModel", "%1 (%2 time)").replace(
                "%1", display.window(row.starts, row.ends, ZoneInfo(zone), self.this_year)
            ).replace("%2", display.zone_city(zone))
        if key == "skus":
            return str(len(row.skus))
        if key == "orders":
            return display.count(row.orders)
        if key == "units":
            return display.count(row.units)
        if key == "deposits":
            # A full-payment campaign takes no deposits: nothing to show, not ¥0.00.
            return display.money(row.deposits, row.currency) if row.type == "deposit" else ""
        if key == "paid":
            return display.money(row.paid, row.currency)
        if key == "days":
            if not _can_be_late(row):
                return "" if row.days_to_ship_deadline is None else "—"
            return display.days(row.days_to_ship_deadline)
        return ""

    def _own_zone(self, row: CampaignRow) -> str | None:
        """The campaign's zone when it is not the shop's (its windows are shown in it)."""
        shop = getattr(self.tz, "key", None)
        return row.timezone if row.timezone and shop and row.timezone != shop else None

    def sort_value(self, row: CampaignRow, key: str) -> Any:
        if key == "skus":
            return len(row.skus)
        if key in ("orders", "units"):
            return getattr(row, key)
        if key in ("deposits", "paid"):
            return float(getattr(row, key))  # ordering only; never shown or summed
        if key == "days":
            d = row.days_to_ship_deadline
            return float("inf") if d is None else d
        if key == "window":
            return row.starts.isoformat() if row.starts else ""
        return self.text(row, key)

    def foreground(self, row: CampaignRow, key: str) -> Any:
        if key == "days" and _can_be_late(row) and row.days_to_ship_deadline is not None \
                and row.days_to_ship_deadline < 0:
            return _LATE
        if row.status in ("cancelled", "rejected"):
            return _MUTED
        return None

    def tooltip(self, row: CampaignRow, key: str) -> str | None:
        if key == "skus":
            return ", ".join(row.skus)
        if key == "window" and (zone := self._own_zone(row)) is not None:
            return QCoreApplication.translate(
                "CampaignTableModel", "In the campaign's time zone (%1); in shop time: %2"
            ).replace("%1", zone).replace(
                "%2", display.window(row.starts, row.ends, self.tz, self.this_year))
        if key == "days" and not _can_be_late(row) and row.days_to_ship_deadline is not None:
            return QCoreApplication.translate(
                "CampaignTableModel", "No order waits to ship: nothing can be late")
        if key == "days" and row.next_ship_deadline is not None:
            return QCoreApplication.translate(
                "CampaignTableModel", "Earliest ship deadline of an unshipped order: %1"
            ).replace("%1", display.when(row.next_ship_deadline, self.tz))
        return None
