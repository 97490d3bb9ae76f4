"""The use cases the GUI, the CLI and the tests share: the only door into the engine.

Each public method is one transaction. Results are plain view objects (``views``).
"""

from ..store.queries import OrderFilter
from .base import Clock, fixed_clock, system_clock
from .export_ops import ExportOps
from .import_ops import ImportOps, ImportRefused, ImportReport
from .stock_ops import StockOps
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


class Service(ExportOps, ImportOps, StockOps):
    """All use cases (campaigns, orders, stock, imports, exports, shop settings) on one database."""


__all__ = [
    "CampaignDetail", "CampaignRow", "Clock", "HistoryEntry", "ImportRefused", "ImportReport",
    "OrderFilter", "OrderView",
    "ProductView", "Service", "ShopView", "StockRow", "SupplyView", "fixed_clock", "jsonable",
    "system_clock",
]
