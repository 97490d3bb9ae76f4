"""What the order, product and supply mappers share: reading a row's cells, status rules, zones."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from presale_engine.errors import InputError
from presale_engine.io import values as V
from presale_engine.io.errors import Cancelled, MissingColumns
from presale_engine.io.presets import (
    ColumnMatch,
    Condition,
    Preset,
    Rule,
    match_columns,
    normalize_value,
)
from presale_engine.io.tables import CancelCheck

from .rows import (
    _CHECK_EVERY,
    _VALUE_CHARS,
    RowError,
)

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


def _prepare(headers: Sequence[str], file: str, preset: Preset, table_kind: str) -> ColumnMatch:
    if preset.table != table_kind:
        raise InputError(f"preset '{preset.name}' is for {preset.table}, not {table_kind}")
    match = match_columns(headers, preset)
    if match.missing_required:
        wanted = [f"{f} ({' / '.join(preset.columns[f][:3])})" for f in match.missing_required]
        raise MissingColumns(file, preset.name, wanted)
    return match


class _RowReader:
    """Converts the cells of one row, collecting errors instead of stopping at the first."""

    def __init__(self, file: str, headers: Mapping[str, str], excel_row: int) -> None:
        self.file = file
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
