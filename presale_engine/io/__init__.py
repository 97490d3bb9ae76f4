"""Spreadsheet import, reading side: files in, validated plain rows out (no database).

Layers, bottom up: ``xlsxguard`` vets .xlsx files before any parser runs, ``tables``
reads a sheet or CSV into a ``Table``, ``presets`` holds the per-platform column
mappings (JSON data in ``resources/presets``), ``values`` converts single cells and
``mapping`` turns a ``Table`` into ``OrderRow``/``ProductRow``/``SupplyRow`` plus
row errors. The importer that writes to the database builds on ``read_orders`` & co.
"""

from presale_engine.io.errors import (
    Cancelled,
    FileRejected,
    MissingColumns,
    PresetInvalid,
    UnknownLayout,
)
from presale_engine.io.mapping import (
    LAZY_TEXT_FIELDS,
    ORDER_ROW_FIELDS,
    OrderImport,
    OrderMapper,
    OrderRow,
    ProductImport,
    ProductRow,
    RowError,
    SupplyImport,
    SupplyRow,
    map_orders,
    map_products,
    map_supply,
    read_orders,
    read_products,
    read_supply,
)
from presale_engine.io.presets import (
    CUSTOM_NAME,
    ORDER_KINDS,
    ORDER_STATES,
    Preset,
    custom_mapping,
    delete_custom_preset,
    detect_platform,
    get_preset,
    header_scorer,
    load_presets,
    match_columns,
    save_custom_preset,
    user_presets_dir,
)
from presale_engine.io.tables import PROGRESS_TOTAL, Table, TableStream, open_table, read_table

__all__ = [
    "CUSTOM_NAME",
    "LAZY_TEXT_FIELDS",
    "ORDER_KINDS",
    "ORDER_ROW_FIELDS",
    "ORDER_STATES",
    "PROGRESS_TOTAL",
    "Cancelled",
    "FileRejected",
    "MissingColumns",
    "OrderImport",
    "OrderMapper",
    "OrderRow",
    "Preset",
    "PresetInvalid",
    "ProductImport",
    "ProductRow",
    "RowError",
    "SupplyImport",
    "SupplyRow",
    "Table",
    "TableStream",
    "UnknownLayout",
    "custom_mapping",
    "delete_custom_preset",
    "detect_platform",
    "get_preset",
    "header_scorer",
    "load_presets",
    "map_orders",
    "map_products",
    "map_supply",
    "match_columns",
    "open_table",
    "read_orders",
    "read_products",
    "read_supply",
    "read_table",
    "save_custom_preset",
    "user_presets_dir",
]
