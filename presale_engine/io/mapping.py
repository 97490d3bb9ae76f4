"""Map a read ``Table`` onto engine fields with a preset, validating every cell.

The output is plain, typed, immutable rows (``OrderRow``, ``ProductRow``, ``SupplyRow``)
plus a list of row errors a shop owner can act on ("row 17, 商品数量: not a whole
number of items"). No database here: the importer upserts these rows, and stops when
``errors`` or ``unknown_statuses`` is not empty, so nothing half-valid is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, tzinfo
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from presale_engine.errors import InputError
from presale_engine.io import values as V
from presale_engine.io.errors import Cancelled, MissingColumns
from presale_engine.io.presets import (
    DEPOSIT_ONLY_STATES,
    PAYMENT_ONLY_STATES,
    ColumnMatch,
    Condition,
    Preset,
    Rule,
    detect_platform,
    get_preset,
    header_scorer,
    load_presets,
    match_columns,
    normalize_value,
)
from presale_engine.io.tables import CancelCheck, Progress, Table, read_table

_VALUE_CHARS = 100
_CHECK_EVERY = 1024


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in one cell (or row) of the file, in the file's own terms."""

    file: str
    row: int
    column: str
    value: str
    reason: str
    code: str = "invalid"

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", {self.column}" if self.column else "")
        shown = f" '{self.value}'" if self.value else ""
        return f"{self.file}, {where}:{shown} {self.reason}"


@dataclass(frozen=True, slots=True)
class OrderRow:
    """One order line as the platform exported it, normalised to engine terms.

    Money is per line (as exports show it) except ``unit_price``; times are UTC.
    """

    platform: str
    order_no: str
    sub_order_no: str | None
    sku: str
    product_name: str | None
    variant: str | None
    qty: int
    unit_price: Decimal | None
    deposit: Decimal | None
    balance: Decimal | None
    total: Decimal | None
    kind: str
    status: str
    ordered_at: datetime
    deposit_paid_at: datetime | None
    balance_paid_at: datetime | None
    paid_at: datetime | None
    promised_ship_at: datetime | None
    shipped_at: datetime | None
    carrier: str | None
    tracking_no: str | None
    buyer: str | None
    recipient: str | None
    phone: str | None
    address: str | None
    excel_row: int
    platform_status: str = ""
    currency: str = "CNY"


@dataclass(frozen=True, slots=True)
class ProductRow:
    code: str
    name: str | None
    variant: str | None
    platform: str | None
    location: str | None
    on_hand: int | None
    cost: Decimal | None
    list_price: Decimal | None
    sales_30d: int | None
    excel_row: int


@dataclass(frozen=True, slots=True)
class SupplyRow:
    sku: str
    qty: int
    expected_on: date
    supplier: str | None
    note: str | None
    excel_row: int


@dataclass
class _Import:
    file: str
    preset: str
    header_row: int
    columns: dict[str, str]  # engine field -> header text used
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    skipped_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class OrderImport(_Import):
    platform: str = "other"
    timezone: str = "Asia/Shanghai"
    currency: str = "CNY"
    rows: list[OrderRow] = field(default_factory=list)
    unknown_statuses: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unknown_statuses


@dataclass
class ProductImport(_Import):
    rows: list[ProductRow] = field(default_factory=list)


@dataclass
class SupplyImport(_Import):
    rows: list[SupplyRow] = field(default_factory=list)


# ----------------------------------------------------------------------- helpers


def _zone(tz: str | tzinfo | None, preset: Preset) -> tzinfo:
    if isinstance(tz, tzinfo):
        return tz
    name = tz or preset.timezone
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"unknown timezone '{name}'") from None


def _shown(value: object) -> str:
    s = V.text(value) or ""
    return s if len(s) <= _VALUE_CHARS else s[: _VALUE_CHARS - 1] + "…"


def _prepare(table: Table, preset: Preset, table_kind: str) -> ColumnMatch:
    if preset.table != table_kind:
        raise InputError(f"preset '{preset.name}' is for {preset.table}, not {table_kind}")
    match = match_columns(table.headers, preset)
    if match.missing_required:
        wanted = [f"{f} ({' / '.join(preset.columns[f][:3])})" for f in match.missing_required]
        raise MissingColumns(table.file, preset.name, wanted)
    return match


class _RowReader:
    """Converts the cells of one row, collecting errors instead of stopping at the first."""

    def __init__(self, table: Table, headers: Mapping[str, str], excel_row: int) -> None:
        self.file = table.file
        self.headers = headers
        self.excel_row = excel_row
        self.errors: list[RowError] = []

    def get(self, fld: str, raw: Mapping[str, object], conv: Callable[[object], Any]) -> Any:
        value = raw.get(fld)
        if value is None:
            return None
        try:
            return conv(value)
        except V.CellError as exc:
            self.fail(fld, value, exc.reason, exc.code)
            return None

    def fail(self, fld: str, value: object, reason: str, code: str) -> None:
        self.errors.append(
            RowError(
                file=self.file,
                row=self.excel_row,
                column=self.headers.get(fld, fld),
                value=_shown(value),
                reason=reason,
                code=code,
            )
        )

    def need(self, fld: str, raw: Mapping[str, object], got: object) -> None:
        if got is None and not any(e.column == self.headers.get(fld, fld) for e in self.errors):
            self.fail(fld, raw.get(fld), "missing value", "missing_value")


def _raw_cells(cells: Sequence[object], indexes: Mapping[str, int]) -> dict[str, object]:
    out: dict[str, object] = {}
    for fld, i in indexes.items():
        v = cells[i]
        if v is None or v == "":
            continue
        if v.__class__ is str and V.is_blank(v):
            continue
        out[fld] = v
    return out


def _holds(
    cond: Condition, raw: Mapping[str, object], folded: Mapping[str, str], kind: str
) -> bool:
    if cond.field == "kind":
        return kind in cond.equals
    if cond.filled is not None:
        return (cond.field in raw) == cond.filled
    text = folded.get(cond.field, "")
    if cond.equals:
        return text in cond.equals
    return any(part in text for part in cond.contains)


def _first_match(
    rules: Sequence[Rule], raw: Mapping[str, object], folded: Mapping[str, str], kind: str
) -> str | None:
    for rule in rules:
        if all(_holds(c, raw, folded, kind) for c in rule.conditions):
            return rule.result
    return None


class _RuleCache:
    """Memoises rule outcomes: a file has a handful of distinct status combinations
    but up to hundreds of thousands of rows, so each combination is decided once."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = rules
        self.text_fields = sorted(
            {c.field for r in rules for c in r.conditions if c.filled is None} - {"kind"}
        )
        self.filled_fields = sorted(
            {c.field for r in rules for c in r.conditions if c.filled is not None}
        )
        self.memo: dict[tuple[object, ...], str | None] = {}

    def __call__(
        self, raw: Mapping[str, object], folded: Mapping[str, str], kind: str
    ) -> str | None:
        key = (
            kind,
            *(folded.get(f, "") for f in self.text_fields),
            *(f in raw for f in self.filled_fields),
        )
        try:
            return self.memo[key]
        except KeyError:
            result = self.memo[key] = _first_match(self.rules, raw, folded, kind)
            return result


def _fold(value: object) -> str:
    if isinstance(value, str):
        return _fold_text(value)
    return normalize_value(V.text(value) or "")


@lru_cache(maxsize=4096)
def _fold_text(value: str) -> str:
    return normalize_value(V.text(value) or "")


def _check_cancel(cancel: CancelCheck | None, file: str, i: int) -> None:
    if cancel is not None and i % _CHECK_EVERY == 0 and cancel():
        raise Cancelled(file)


_RULE_TEXT_FIELDS = (
    "status_text", "substatus_text", "stage_text", "close_reason", "kind_text",
    "after_sale_text", "cancel_by", "cancel_type",
)  # fmt: skip


# -------------------------------------------------------------------------- orders


def map_orders(
    table: Table,
    preset: Preset,
    tz: str | tzinfo | None = None,
    *,
    currency: str | None = None,
    cancel: CancelCheck | None = None,
) -> OrderImport:
    """Validate and normalise an orders table with ``preset``.

    ``tz`` is the zone the export's wall-clock times are in (default: the preset's);
    results are UTC. Raises ``MissingColumns`` when required columns are absent; every
    other problem is a ``RowError`` (or an entry of ``unknown_statuses``).
    """
    match = _prepare(table, preset, "orders")
    zone = _zone(tz, preset)
    cur = (currency or preset.currency).upper()
    result = OrderImport(
        file=table.file,
        preset=preset.name,
        header_row=table.header_row,
        columns=dict(match.headers),
        extra_columns=list(match.extra_columns),
        skipped_rows=table.skipped_rows,
        platform=preset.platform or "other",
        timezone=str(getattr(zone, "key", zone)),
        currency=cur,
    )
    known_texts = preset.status_texts()
    unknown: dict[str, None] = {}
    formats = preset.date_formats
    seen: dict[tuple[str, str], tuple[int, OrderRow]] = {}

    def when(value: object) -> datetime | None:
        return V.to_utc(value, zone, formats)

    def ship_by(value: object) -> datetime | None:
        return V.to_utc(value, zone, formats, date_only_end_of_day=True)

    def amount(value: object) -> Decimal | None:
        return V.money(value, cur)

    kind_of = _RuleCache(preset.kind_rules)
    status_of = _RuleCache(preset.status_rules)
    for i, (excel_row, cells) in enumerate(table.rows):
        _check_cancel(cancel, table.file, i)
        raw = _raw_cells(cells, match.indexes)
        if not raw:
            result.skipped_rows += 1
            continue
        headers: Mapping[str, str] = match.headers
        folded = {f: _fold(raw[f]) for f in _RULE_TEXT_FIELDS if f in raw}
        kind = kind_of(raw, folded, "") or preset.default_kind
        remap = preset.remap_by_kind.get(kind)
        if remap or preset.compose:
            headers = dict(headers)  # this row's fields may come from other columns
            for src, dst in (remap or {}).items():
                if src in raw and dst not in raw:
                    raw[dst] = raw.pop(src)
                    headers[dst] = headers.get(src, src)
            for target, comp in preset.compose.items():
                if target not in raw:
                    parts = [V.text(raw[p]) for p in comp.parts if p in raw]
                    joined = comp.sep.join(p for p in parts if p)
                    if joined:
                        raw[target] = joined
                        headers[target] = "+".join(
                            headers[p] for p in comp.parts if p in headers
                        )

        rr = _RowReader(table, headers, excel_row)
        order_no = rr.get("order_no", raw, V.ident)
        sku = rr.get("sku", raw, V.ident)
        qty = rr.get("qty", raw, V.quantity)
        ordered_at = rr.get("ordered_at", raw, when)
        for fld, got in (("order_no", order_no), ("sku", sku), ("qty", qty),
                         ("ordered_at", ordered_at)):  # fmt: skip
            if fld in preset.required:
                rr.need(fld, raw, got)
        status_raw = V.text(raw.get("status_text")) or ""
        status = status_of(raw, folded, kind)
        if status is None:
            if not status_raw:
                rr.need("status_text", raw, None)
            else:
                label = status_raw
                if normalize_value(status_raw) in known_texts:
                    # The text is known; the combination with stage/reason columns is not.
                    ctx = [
                        f"{headers[f]}={V.text(raw[f])}"
                        for f in _RULE_TEXT_FIELDS
                        if f != "status_text" and f in raw and f in headers
                    ]
                    if ctx:
                        label = f"{status_raw} ({'; '.join(ctx)})"
                unknown.setdefault(label, None)
                rr.fail("status_text", status_raw, "unknown status", "unknown_status")
        elif (kind == "deposit" and status in PAYMENT_ONLY_STATES) or (
            kind != "deposit" and status in DEPOSIT_ONLY_STATES
        ):
            rr.fail("status_text", status_raw, f"status '{status}' does not fit a {kind} order",
                    "status_kind_mismatch")  # fmt: skip

        row_values: dict[str, Any] = {
            "sub_order_no": rr.get("sub_order_no", raw, V.ident),
            "product_name": rr.get("product_name", raw, V.text),
            "variant": rr.get("variant", raw, V.text),
            "unit_price": rr.get("unit_price", raw, amount),
            "deposit": rr.get("deposit", raw, amount),
            "balance": rr.get("balance", raw, amount),
            "total": rr.get("total", raw, amount),
            "deposit_paid_at": rr.get("deposit_paid_at", raw, when),
            "balance_paid_at": rr.get("balance_paid_at", raw, when),
            "paid_at": rr.get("paid_at", raw, when),
            "promised_ship_at": rr.get("promised_ship_at", raw, ship_by),
            "shipped_at": rr.get("shipped_at", raw, when),
            "carrier": rr.get("carrier", raw, V.text),
            "tracking_no": rr.get("tracking_no", raw, V.ident),
            "buyer": rr.get("buyer", raw, V.text),
            "recipient": rr.get("recipient", raw, V.text),
            "phone": rr.get("phone", raw, V.text),
            "address": rr.get("address", raw, V.text),
        }
        if rr.errors or order_no is None or sku is None or qty is None or ordered_at is None:
            result.errors.extend(rr.errors)
            if not rr.errors:  # a non-required core field was absent
                for fld, got in (("order_no", order_no), ("sku", sku), ("qty", qty),
                                 ("ordered_at", ordered_at)):  # fmt: skip
                    rr.need(fld, raw, got)
                result.errors.extend(rr.errors)
            continue
        assert status is not None
        row = OrderRow(
            platform=preset.platform or "other",
            order_no=order_no,
            sku=sku,
            qty=qty,
            kind=kind,
            status=status,
            ordered_at=ordered_at,
            excel_row=excel_row,
            platform_status=status_raw,
            currency=cur,
            **row_values,
        )
        key = (order_no, row.sub_order_no or f"sku:{sku}")
        previous = seen.get(key)
        if previous is not None:
            if _same(previous[1], row):
                result.warnings.append(
                    RowError(table.file, excel_row, "", order_no,
                             f"repeats row {previous[0]} exactly; ignored", "duplicate_row")
                )  # fmt: skip
                result.skipped_rows += 1
            else:
                result.errors.append(
                    RowError(table.file, excel_row, headers.get("order_no", "order_no"),
                             order_no, f"the same order line is in row {previous[0]} "
                             "with different values", "duplicate_conflict")
                )  # fmt: skip
            continue
        seen[key] = (excel_row, row)
        result.rows.append(row)
    result.unknown_statuses = list(unknown)
    return result


def _same(a: Any, b: Any) -> bool:
    """Equal apart from the row number (frozen dataclasses with ``excel_row``)."""
    return all(
        getattr(a, f.name) == getattr(b, f.name) for f in fields(a) if f.name != "excel_row"
    )


# ------------------------------------------------------------------------ products


def map_products(
    table: Table, preset: Preset, *, cancel: CancelCheck | None = None
) -> ProductImport:
    """Validate a product master sheet. Identical repeated rows are dropped (warning)."""
    match = _prepare(table, preset, "products")
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
        rr = _RowReader(table, match.headers, excel_row)
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
    match = _prepare(table, preset, "supply")
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
        rr = _RowReader(table, match.headers, excel_row)
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
