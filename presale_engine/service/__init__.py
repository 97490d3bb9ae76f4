"""The use cases the GUI, the CLI and the tests share: the only door into the engine.

``Service`` is composed of parts, one per area, as a collection holds its decks and
scheduler: ``svc.shop``, ``svc.campaigns``, ``svc.orders``, ``svc.stock``,
``svc.imports``, ``svc.exports``. A new capability is a new part. Each public method
of a part is one transaction; results are plain view objects (``views``).
"""

from __future__ import annotations

from datetime import datetime

from ..store.db import Database
from ..store.queries import OrderFilter
from .base import Clock, Part, fixed_clock, system_clock
from .campaigns import CampaignsPart
from .exports import ExportsPart
from .import_results import ImportRefused, ImportReport
from .imports import ImportsPart
from .orders import OrdersPart
from .shop import ShopPart
from .stock import StockPart
from .views import (
    CampaignDetail,
    CampaignRow,
    HistoryEntry,
    OrderView,
    ProductView,
    ShopView,
    StockRow,
    SupplyView,
    jsonable,
)


class Service:
    """All use cases on one database, by area; the clock and actor are shared."""

    def __init__(self, db: Database, *, clock: Clock = system_clock,
                 actor: str = "user") -> None:
        self.db = db
        self.clock = clock
        self.actor = actor
        self.shop = ShopPart(self)
        self.campaigns = CampaignsPart(self)
        self.orders = OrdersPart(self)
        self.stock = StockPart(self)
        self.imports = ImportsPart(self)
        self.exports = ExportsPart(self)

    def now(self) -> datetime:
        return self.clock()


__all__ = [
    "CampaignDetail", "CampaignRow", "Clock", "HistoryEntry", "ImportRefused", "ImportReport",
    "OrderFilter", "OrderView", "Part",
    "ProductView", "Service", "ShopView", "StockRow", "SupplyView", "fixed_clock", "jsonable",
    "system_clock",
]
