"""The campaigns table: one row per ``svc.campaigns.all()`` entry, with its figures."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from app import display, labels
from app.models.base import ListTableModel

if TYPE_CHECKING:
    from presale_engine.service import CampaignRow

_LATE = QBrush(QColor("#b3261e"))
_MUTED = QBrush(QColor("#7a7a7a"))


class CampaignTableModel(ListTableModel["CampaignRow"]):
    columns = ("platform", "type", "status", "name", "window", "skus", "orders", "units",
               "deposits", "days")
    numeric = frozenset({"skus", "orders", "units", "deposits", "days"})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tz: tzinfo | None = None

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
            return display.window(row.starts, row.ends, self.tz)
        if key == "skus":
            return str(len(row.skus))
        if key == "orders":
            return display.count(row.orders)
        if key == "units":
            return display.count(row.units)
        if key == "deposits":
            return display.money(row.deposits, row.currency)
        if key == "days":
            return display.days(row.days_to_ship_deadline)
        return ""

    def sort_value(self, row: CampaignRow, key: str) -> Any:
        if key == "skus":
            return len(row.skus)
        if key in ("orders", "units"):
            return getattr(row, key)
        if key == "deposits":
            return float(row.deposits)  # ordering only; never shown or summed
        if key == "days":
            d = row.days_to_ship_deadline
            return float("inf") if d is None else d
        if key == "window":
            return row.starts.isoformat() if row.starts else ""
        return self.text(row, key)

    def foreground(self, row: CampaignRow, key: str) -> Any:
        if key == "days" and row.days_to_ship_deadline is not None \
                and row.days_to_ship_deadline < 0:
            return _LATE
        if row.status in ("cancelled", "rejected"):
            return _MUTED
        return None

    def tooltip(self, row: CampaignRow, key: str) -> str | None:
        if key == "skus":
            return ", ".join(row.skus)
        if key == "days" and row.next_ship_deadline is not None:
            return QCoreApplication.translate(
                "CampaignTableModel", "Earliest ship deadline of an unshipped order: %1"
            ).replace("%1", display.when(row.next_ship_deadline, self.tz))
        return None
