"""Product and supply sheets, and the one-call readers of a whole file."""

from __future__ import annotations

from datetime import date, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any

from presale_engine.errors import InputError
from presale_engine.io import values as V
from presale_engine.io.presets import (
    Preset,
    detect_platform,
    get_preset,
    header_scorer,
    load_presets,
    normalize_value,
)
from presale_engine.io.tables import CancelCheck, Progress, Table, read_table

from .common import (
    _check_cancel,
    _prepare,
    _raw_cells,
    _RowReader,
)
from .order_cells import _same
from .orders import (
    map_orders,
)
from .rows import (
    OrderImport,
    ProductImport,
    ProductRow,
    RowError,
    SupplyImport,
    SupplyRow,
)

# ------------------------------------------------------------------------ products


def map_products(
    table: Table, preset: Preset, *, cancel: CancelCheck | None = None
) -> ProductImport:
    """Validate a product master sheet. Identical repeated rows are dropped (warning)."""
    match = _prepare(table.headers, table.file, preset, "products")
    result = ProductImport(
        file=table.file,
        preset=preset.name,
        header_row=table.header_row,
        columns=dict(match.headers),
        extra_columns=list(match.extra_columns),
        skipped_rows=table.skipped_rows,
    )
    cur = preset.currency
    seen: dict[tuple[str, str | None], tuple[int, ProductRow]] = {}

    def amount(value: object) -> Decimal | None:
        return V.money(value, cur)

    def platform(value: object) -> str | None:
        name = V.text(value)
        if name is None:
            return None
        code = preset.platform_names.get(normalize_value(name))
        if code is None:
            raise V.CellError("unknown_platform", "unknown platform")
        return code

    for i, (excel_row, cells) in enumerate(table.rows):
        _check_cancel(cancel, table.file, i)
        raw = _raw_cells(cells, match.indexes)
        if not raw:
            result.skipped_rows += 1
            continue
        rr = _RowReader(table.file, match.headers, excel_row)
        code = rr.get("code", raw, V.ident)
        rr.need("code", raw, code)
        for fld in preset.required:
            if fld != "code" and fld not in raw:
                rr.need(fld, raw, None)
        values: dict[str, Any] = {
            "name": rr.get("name", raw, V.text),
            "variant": rr.get("variant", raw, V.text),
            "platform": rr.get("platform", raw, platform),
            "location": rr.get("location", raw, V.text),
            "on_hand": rr.get("on_hand", raw, V.count),
            "cost": rr.get("cost", raw, amount),
            "list_price": rr.get("list_price", raw, amount),
            "sales_30d": rr.get("sales_30d", raw, V.count),
        }
        if rr.errors or code is None:
            result.errors.extend(rr.errors)
            continue
        row = ProductRow(code=code, excel_row=excel_row, **values)
        key = (code, row.platform)
        previous = seen.get(key)
        if previous is not None:
            if _same(previous[1], row):
                result.warnings.append(
                    RowError(table.file, excel_row, "", code,
                             f"repeats row {previous[0]} exactly; ignored", "duplicate_row")
                )  # fmt: skip
                result.skipped_rows += 1
            else:
                result.errors.append(
                    RowError(table.file, excel_row, match.headers.get("code", "code"), code,
                             f"product code already in row {previous[0]} with other values",
                             "duplicate_conflict")
                )  # fmt: skip
            continue
        seen[key] = (excel_row, row)
        result.rows.append(row)
    return result


# -------------------------------------------------------------------------- supply


def map_supply(table: Table, preset: Preset, *, cancel: CancelCheck | None = None) -> SupplyImport:
    """Validate incoming supply batches. Repeated rows are kept (two equal trucks are
    possible) but flagged as a warning in case a batch was typed twice."""
    match = _prepare(table.headers, table.file, preset, "supply")
    result = SupplyImport(
        file=table.file,
        preset=preset.name,
        header_row=table.header_row,
        columns=dict(match.headers),
        extra_columns=list(match.extra_columns),
        skipped_rows=table.skipped_rows,
    )
    formats = preset.date_formats
    seen: dict[SupplyRow, int] = {}

    def day(value: object) -> date | None:
        return V.calendar_date(value, formats)

    for i, (excel_row, cells) in enumerate(table.rows):
        _check_cancel(cancel, table.file, i)
        raw = _raw_cells(cells, match.indexes)
        if not raw:
            result.skipped_rows += 1
            continue
        rr = _RowReader(table.file, match.headers, excel_row)
        sku = rr.get("sku", raw, V.ident)
        qty = rr.get("qty", raw, V.quantity)
        expected = rr.get("expected_on", raw, day)
        for fld, got in (("sku", sku), ("qty", qty), ("expected_on", expected)):
            rr.need(fld, raw, got)
        supplier = rr.get("supplier", raw, V.text)
        note = rr.get("note", raw, V.text)
        if rr.errors or sku is None or qty is None or expected is None:
            result.errors.extend(rr.errors)
            continue
        row = SupplyRow(sku, qty, expected, supplier, note, excel_row)
        twin = SupplyRow(sku, qty, expected, supplier, note, 0)
        if twin in seen:
            result.warnings.append(
                RowError(table.file, excel_row, "", sku,
                         f"same as row {seen[twin]}; kept (delete one if it was typed twice)",
                         "duplicate_row")
            )  # fmt: skip
        else:
            seen[twin] = excel_row
        result.rows.append(row)
    return result


# ------------------------------------------------------------------ one-call readers


def read_orders(
    path: str | Path,
    *,
    platform: str | None = None,
    tz: str | tzinfo | None = None,
    custom_dir: Path | str | None = None,
    sheet: str | int | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    **read_options: Any,
) -> OrderImport:
    """Read, detect the platform (unless given) and map an orders export in one call."""
    presets = {n: p for n, p in load_presets(custom_dir).items() if p.table == "orders"}
    pool = [presets[platform]] if platform in presets else list(presets.values())
    if platform is not None and platform not in presets:
        raise InputError(f"no orders preset named '{platform}' (known: {', '.join(presets)})")
    table = read_table(
        path, sheet=sheet, header_hint=header_scorer(pool), header_min_score=3,
        progress=progress, cancel=cancel, **read_options,
    )  # fmt: skip
    name = platform or detect_platform(table.headers, presets)
    return map_orders(table, presets[name], tz, cancel=cancel)


def read_products(
    path: str | Path,
    *,
    preset: str = "products",
    custom_dir: Path | str | None = None,
    sheet: str | int | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    **read_options: Any,
) -> ProductImport:
    p = get_preset(preset, custom_dir)
    table = read_table(
        path, sheet=sheet, header_hint=header_scorer([p]), header_min_score=2,
        progress=progress, cancel=cancel, **read_options,
    )  # fmt: skip
    return map_products(table, p, cancel=cancel)


def read_supply(
    path: str | Path,
    *,
    preset: str = "supply",
    custom_dir: Path | str | None = None,
    sheet: str | int | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    **read_options: Any,
) -> SupplyImport:
    p = get_preset(preset, custom_dir)
    table = read_table(
        path, sheet=sheet, header_hint=header_scorer([p]), header_min_score=2,
        progress=progress, cancel=cancel, **read_options,
    )  # fmt: skip
    return map_supply(table, p, cancel=cancel)
