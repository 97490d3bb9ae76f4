"""The use cases the GUI, the CLI and the tests share: the only door into the engine.

``Service`` is composed of parts, one per area, as a collection holds its decks and
scheduler: ``svc.shop``, ``svc.campaigns``, ``svc.orders``, ``svc.stock``,
``svc.imports``, ``svc.exports``. A new capability is a new part. Each public method
of a part is one transaction; results are plain view objects (``views``).
"""

from __future__ import annotations

from datetime import datetime

from ..io.tracking import TrackingSheet
from ..store.db import Database
from ..store.order_query import SORT_KEYS, Cursor
from ..store.queries import OrderFilter
from .base import Clock, Part, fixed_clock, system_clock
from .campaigns import CampaignsPart
from .exports import ExportsPart
from .import_results import ImportRefused, ImportReport
from .imports import ImportsPart
from .messages import MessageBatch, MessageLine, MessagesPart
from .order_bulk import BULK_EVENTS, BulkRefusal, BulkResult, BulkTotals
from .order_desk import (
    BUILTIN_VIEWS,
    DEFAULT_SORT,
    OrderDetail,
    OrderLine,
    OrderPage,
    PaymentLine,
    PriceBreakdown,
    SavedView,
    end_of_day,
)
from .orders import OrdersPart
from .planning import CampaignForecast, CampaignPnl, PlanningPart, ProductionPlan
from .printing import PrintingPart
from .risk import RiskPart
from .shop import ShopPart
from .stock import StockPart
from .stock_plan import (
    AllocationChange,
    AllocationPlan,
    DelayResult,
    Flow,
    FlowDay,
    LateOrder,
    LedgerEntry,
    SkuPosition,
)
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
from .wave_views import (
    ParcelLine,
    PrintRecord,
    PrintResult,
    ScanResult,
    WaveParcel,
    WaveShipResult,
    WaveView,
)
from .waves import WaveFilter, WavesPart


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
        self.waves = WavesPart(self)
        self.printing = PrintingPart(self)
        self.risk = RiskPart(self)
        self.planning = PlanningPart(self)
        self.messages = MessagesPart(self)

    def now(self) -> datetime:
        return self.clock()



def read_tracking(path: str) -> TrackingSheet:
    """Order numbers and tracking numbers from a sheet (for ``orders.bulk("ship")``)."""
    from ..io.tracking import read_tracking as read

    return read(path)


__all__ = [
    "BUILTIN_VIEWS",
    "BULK_EVENTS",
    "DEFAULT_SORT",
    "SORT_KEYS",
    "AllocationChange",
    "AllocationPlan",
    "BulkRefusal",
    "BulkResult",
    "BulkTotals",
    "CampaignDetail",
    "CampaignForecast",
    "CampaignPnl",
    "CampaignRow",
    "Clock",
    "Cursor",
    "DelayResult",
    "Flow",
    "FlowDay",
    "HistoryEntry",
    "ImportRefused",
    "ImportReport",
    "LateOrder",
    "LedgerEntry",
    "MessageBatch",
    "MessageLine",
    "OrderDetail",
    "OrderFilter",
    "OrderLine",
    "OrderPage",
    "OrderView",
    "ParcelLine",
    "Part",
    "PaymentLine",
    "PriceBreakdown",
    "PrintRecord",
    "PrintResult",
    "ProductView",
    "ProductionPlan",
    "SavedView",
    "ScanResult",
    "Service",
    "ShopView",
    "SkuPosition",
    "StockRow",
    "SupplyView",
    "TrackingSheet",
    "WaveFilter",
    "WaveParcel",
    "WaveShipResult",
    "WaveView",
    "end_of_day",
    "fixed_clock",
    "jsonable",
    "read_tracking",
    "system_clock",
]
