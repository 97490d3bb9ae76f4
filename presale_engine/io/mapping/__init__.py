"""Map a read ``Table`` onto engine fields with a preset, validating every cell.

The output is plain, typed, immutable rows (``OrderRow``, ``ProductRow``, ``SupplyRow``)
plus a list of row errors a shop owner can act on ("row 17, 商品数量: not a whole
number of items"). No database here: the importer upserts these rows, and stops when
``errors`` or ``unknown_statuses`` is not empty, so nothing half-valid is stored.

Orders go through ``OrderMapper``, which maps a chunk column by column (memoised
converters, fast paths for ids and times) and redoes any row that is not plainly valid
with the row-at-a-time reader, so errors read exactly as they always have; ``map_orders``
is the mapper run over a whole ``Table``.
"""

from __future__ import annotations

from .orders import (
    LAZY_TEXT_FIELDS,
    ORDER_ROW_FIELDS,
    OrderMapper,
    map_orders,
)
from .rows import (
    OrderImport,
    OrderRow,
    ProductImport,
    ProductRow,
    RowError,
    SupplyImport,
    SupplyRow,
)
from .sheets import (
    map_products,
    map_supply,
    read_orders,
    read_products,
    read_supply,
)

__all__ = [
    "LAZY_TEXT_FIELDS",
    "ORDER_ROW_FIELDS",
    "OrderImport",
    "OrderMapper",
    "OrderRow",
    "ProductImport",
    "ProductRow",
    "RowError",
    "SupplyImport",
    "SupplyRow",
    "map_orders",
    "map_products",
    "map_supply",
    "read_orders",
    "read_products",
    "read_supply",
]
