"""Look at a file before importing it: what it holds, how its columns map, which rows
the import would refuse. Reading only; nothing is written to the database.

The use case behind ``svc.imports.preview`` (the import dialog) and
``presale import orders FILE --dry-run`` (the CLI), so both show the same thing.

``build_preview`` runs on the worker (no Qt here). It reads the file once, the way the
importer will: the header row is found with the same column presets, orders go through
the same ``OrderMapper`` (so the errors and unknown status values are the ones the import
would report), product and supply sheets through ``map_products`` / ``map_supply``. The
first rows are kept as text for the preview table. Checks that need the database (a
supply SKU with no product, a product code used twice with other values) are left to
the import itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .mapping import RowError
    from .presets import Preset

PREVIEW_ROWS = 20
# Rows checked by the preview. Reading a 200,000-row export is most of an import's time,
# so a big file is checked in part here (and counted whole); the import checks every row.
CHECK_ROWS = 20_000
KINDS = ("orders", "products", "supply")
# The order layouts the platform combo always offers, in its order ("auto" first).
PLATFORM_CHOICES = ("auto", "taobao", "douyin", "tiktok", "jd", "template")


@dataclass
class Preview:
    path: Path
    kind: str  # orders | products | supply: what is previewed (and will be imported)
    guessed_kind: str | None  # what the headers look like (None: nothing fits)
    preset: str | None  # the layout used; None when no layout fits (see ``problem``)
    detected: str | None  # orders: the layout the headers point to (None: unclear)
    header_row: int = 1
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # the first rows, as text
    total_rows: int = 0
    checked_rows: int = 0  # rows the preview ran through the mapping (see CHECK_ROWS)
    skipped_rows: int = 0
    fields: dict[int, str] = field(default_factory=dict)  # column index -> engine field
    missing: list[str] = field(default_factory=list)  # required fields without a column
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    unknown_statuses: list[str] = field(default_factory=list)
    problem: str = ""  # why the columns cannot be mapped ("" when they can)
    layouts: list[tuple[str, str]] = field(default_factory=list)  # orders: (name, label)
    labels: dict[str, str] = field(default_factory=dict)  # preset name -> label
    required: list[str] = field(default_factory=list)  # the layout's required fields
    # Orders: the fields a seller may give a column (the mapping tab's choices).
    field_choices: list[str] = field(default_factory=list)
    # Unknown status texts that no rule of the layout names (a seller can say what they
    # mean); known texts in an odd combination are only listed in ``unknown_statuses``.
    new_statuses: list[str] = field(default_factory=list)
    mapping_file: Path | None = None  # the user's own mapping file, when the layout is one
    # Two-file exports (Taobao/Tmall): the second file read with ``path`` (the item
    # report), and which report the file still needs: "items" (an order report without
    # a SKU column), "orders" (an item report alone), None (nothing more).
    items_path: Path | None = None
    needs: str | None = None

    @property
    def file(self) -> str:
        if self.items_path is not None:
            return f"{self.path.name} + {self.items_path.name}"
        return self.path.name

    @property
    def extra(self) -> list[int]:
        """Columns with a header that no engine field takes (listed, never imported)."""
        return [i for i, h in enumerate(self.headers) if h and i not in self.fields]

    @property
    def error_rows(self) -> int:
        return len({e.row for e in self.errors})

    @property
    def can_import(self) -> bool:
        return (self.preset is not None and not self.problem and not self.missing
                and self.needs is None)

    @property
    def can_edit_mapping(self) -> bool:
        """An order layout was used, so its mapping can be changed and saved."""
        return self.kind == "orders" and self.preset is not None and bool(self.field_choices)


def cell_text(value: object) -> str:
    """A cell as the preview shows it (the file's own text; numbers without ``.0``)."""
    from .tables import clean_text

    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def guess_kind(headers: Sequence[str], presets: dict[str, Preset]) -> str | None:
    """The table whose best layout finds every required column and the most columns
    (orders win a tie); None when no layout finds its required columns."""
    from . import match_columns

    best: tuple[int, str] | None = None
    for kind in KINDS:
        for p in presets.values():
            if p.table != kind:
                continue
            m = match_columns(headers, p)
            if m.missing_required or m.score < 2:
                continue
            if best is None or m.score > best[0]:
                best = (m.score, kind)
    return best[1] if best else None


def build_preview(path: str | Path, *, kind: str | None = None, platform: str | None = None,
                  presets_dir: str | Path | None = None, check_rows: int | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  cancel: Callable[[], bool] | None = None,
                  items: str | Path | None = None) -> Preview:
    """Read ``path`` and map it as ``kind`` (None: guess) with the order layout
    ``platform`` (None or "auto": detect); ``items``: the item report of a Taobao order
    report, read with it as the importer joins them (orders only). Raises the io
    layer's errors for a file that cannot be read at all (``FileRejected``,
    ``UnknownLayout`` when no header row is found, ``Cancelled``); a file whose columns
    fit no layout gives a ``Preview`` whose ``problem`` says why. The first
    ``check_rows`` rows (default ``CHECK_ROWS``) are checked; the rest are only
    counted."""
    from ..errors import InputError
    from . import (
        UnknownLayout,
        detect_platform,
        header_scorer,
        load_presets,
        match_columns,
        open_table,
        user_presets_dir,
    )

    p = Path(path)
    check_rows = CHECK_ROWS if check_rows is None else check_rows
    builtin = load_presets(None)
    custom = presets_dir if presets_dir is not None else user_presets_dir()
    # The importer reads orders with the user's own layouts too; products and supply
    # with the built-in ones.
    order_presets = {n: pr for n, pr in load_presets(custom).items() if pr.table == "orders"}
    presets: dict[str, Preset] = {**{n: pr for n, pr in builtin.items()
                                     if pr.table != "orders"}, **order_presets}
    if platform in ("", "auto"):
        platform = None
    if platform is not None and platform not in order_presets:
        raise InputError(f"no order layout named '{platform}' "
                         f"(known: auto, {', '.join(sorted(order_presets))})")
    if kind is not None and kind not in KINDS:
        raise InputError(f"unknown kind of file '{kind}'")
    if kind is None:
        pool, min_score = list(presets.values()), 2
    elif kind == "orders":
        pool = [order_presets[platform]] if platform else list(order_presets.values())
        min_score = 3
    else:
        pool, min_score = [presets[kind]], 2

    try:
        if items is not None:
            from .mapping.taobao_pair import open_orders

            kind = "orders"
            stream = open_orders(p, items, pool, order_presets, progress=progress,
                                 cancel=cancel)
        else:
            stream = open_table(p, header_hint=header_scorer(pool),
                                header_min_score=min_score, clean=False, progress=progress,
                                cancel=cancel)
    except UnknownLayout:
        if kind is None or items is not None:
            raise
        # The kind (or layout) chosen does not fit this file: find the header row as
        # a guess would, so the preview shows which columns are missing.
        stream = open_table(p, header_hint=header_scorer(presets.values()),
                            header_min_score=2, clean=False, progress=progress, cancel=cancel)
    with stream:
        headers = list(stream.headers)
        guessed = guess_kind(headers, presets)
        chosen = kind or guessed or "orders"
        pv = Preview(path=p, kind=chosen, guessed_kind=guessed, preset=None, detected=None,
                     header_row=stream.header_row, headers=headers,
                     layouts=[(n, pr.label) for n, pr in order_presets.items()],
                     labels={n: pr.label for n, pr in presets.items()},
                     items_path=Path(items) if items is not None else None)
        preset: Preset | None = None
        if chosen == "orders":
            try:
                pv.detected = detect_platform(headers, order_presets)
            except UnknownLayout as exc:
                if platform is None:
                    pv.problem = exc.message
            name = platform or pv.detected
            preset = order_presets[name] if name else None
        else:
            preset = presets[chosen]
        mapper: Any = None
        if preset is not None:
            pv.preset = preset.name
            pv.required = list(preset.required)
            if chosen == "orders":
                from .presets import TABLE_FIELDS

                pv.field_choices = list(TABLE_FIELDS["orders"])
                pv.mapping_file = Path(preset.source) if preset.custom else None
            match = match_columns(headers, preset)
            pv.fields = {i: f for f, i in match.indexes.items()}
            pv.missing = list(match.missing_required)
            if chosen == "orders" and items is None:
                from .mapping.taobao_pair import needs_items, report_kind

                if needs_items(headers, preset):
                    pv.needs = "items"
                elif preset.platform == "taobao" and report_kind(headers) == "items":
                    pv.needs = "orders"
            if chosen == "orders" and not pv.missing:
                from . import LAZY_TEXT_FIELDS, OrderMapper

                mapper = OrderMapper(headers, stream.file, preset, times="epoch",
                                     money="minor", lazy=LAZY_TEXT_FIELDS,
                                     all_text=stream.all_text, header_row=stream.header_row)
        kept: list[tuple[int, list[object]]] = []  # products and supply: the whole sheet
        for chunk in stream.chunks(4096):
            if len(pv.rows) < PREVIEW_ROWS:
                pv.rows += [(r, [cell_text(c) for c in cells])
                            for r, cells in chunk[:PREVIEW_ROWS - len(pv.rows)]]
            pv.total_rows += len(chunk)
            part = chunk[:max(check_rows - pv.checked_rows, 0)]
            if not part or (mapper is None and (chosen == "orders" or preset is None
                                                or pv.missing)):
                continue
            pv.checked_rows += len(part)
            if mapper is not None:
                mapper.feed(part)
            else:
                kept.extend(part)
        pv.skipped_rows = stream.skipped_rows
    if mapper is not None:
        imp = mapper.finish()
        pv.errors, pv.warnings = list(imp.errors), list(imp.warnings)
        if hasattr(stream, "locate"):  # two files joined: errors name their own file
            pv.errors = [*stream.errors, *stream.locate(pv.errors)]
            pv.warnings = stream.locate(pv.warnings)
        pv.unknown_statuses = list(imp.unknown_statuses)
        pv.new_statuses = new_status_texts(pv.unknown_statuses, mapper.preset)
        pv.skipped_rows += imp.skipped_rows
    elif preset is not None and not pv.missing and chosen != "orders":
        _map_sheet(pv, headers, kept, preset)
    return pv


def new_status_texts(unknown: Sequence[str], preset: Preset) -> list[str]:
    """The unknown status values whose text no status rule of ``preset`` names.

    The mapper lists a known text met with odd stage/type columns as ``"text (col=v)"``;
    mapping that text to one state would override the preset's rules for every row, so
    only texts the layout does not know at all are offered."""
    from .presets import normalize_value

    known = preset.status_texts()
    return [s for s in unknown
            if normalize_value(s) not in known
            and normalize_value(s.split(" (", 1)[0]) not in known]


def own_mapping(name: str, pv: Preview, columns: Mapping[str, str | None],
                statuses: Mapping[str, str]) -> dict[str, Any]:
    """The data of the seller's column mapping ``name``: the layout ``pv`` used, with the
    seller's ``columns`` (field -> header, None: no such column) and ``statuses`` (status
    text -> order state), for ``save_custom_preset``.

    When the layout is already the seller's own mapping, its choices are carried over and
    the new mapping extends what that one extends: one level above a built-in, so saving
    under the same name again just updates it. Raises ``PresetInvalid`` when the old
    mapping file cannot be read."""
    from . import PresetInvalid, custom_mapping
    from .presets import normalize_header

    assert pv.preset is not None
    own: dict[str, Any] = {}
    if pv.mapping_file is not None:
        try:
            loaded = json.loads(pv.mapping_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PresetInvalid(f"{pv.mapping_file}: cannot read ({exc})") from exc
        if isinstance(loaded, dict) and isinstance(loaded.get("extends"), str):
            own = loaded
    data = custom_mapping(name, extends=str(own.get("extends") or pv.preset),
                          columns=columns, statuses=statuses, label=name)
    if not own:
        return data
    new_cols: dict[str, list[str]] = data.get("columns", {})
    claimed = {normalize_header(h) for hs in new_cols.values() for h in hs}
    kept: dict[str, list[str]] = {}
    for fld, old in dict(own.get("columns") or {}).items():
        hs = [old] if isinstance(old, str) else list(old)
        if fld in new_cols:
            continue
        left = [h for h in hs if normalize_header(h) not in claimed]
        if hs and not left:
            continue  # its header now feeds another field: back to the base's aliases
        kept[fld] = left
    merged = {k: v for k, v in own.items() if k not in ("name", "label", "extends")}
    merged.update(data)
    if kept or new_cols:
        merged["columns"] = {**kept, **new_cols}
    status_map = {**dict(own.get("status_map") or {}), **statuses}
    if status_map:
        merged["status_map"] = status_map
    return merged


def _map_sheet(pv: Preview, headers: list[str],
               rows: list[tuple[int, list[object]]], preset: Preset) -> None:
    """Products and supply: the importer's own row checks over the whole sheet."""
    from . import Table, map_products, map_supply
    from .tables import clean_text

    # open_table(clean=False) left CSV cells raw; read_table would have cleaned them.
    cleaned = [(r, [clean_text(c) if isinstance(c, str) else c for c in cells])
               for r, cells in rows]
    table = Table(path=pv.path, headers=headers, header_row=pv.header_row, rows=cleaned)
    result = (map_products if pv.kind == "products" else map_supply)(table, preset)
    pv.errors, pv.warnings = list(result.errors), list(result.warnings)
    pv.skipped_rows += result.skipped_rows


ERROR_COLUMNS = ("file", "row", "column", "value", "reason")


def write_errors_workbook(path: str | Path, errors: Sequence[RowError],
                          headers: Sequence[str] = ERROR_COLUMNS,
                          reason: Callable[[RowError], str] | None = None) -> Path:
    """The refused rows as a workbook: file, row, column, value, reason (one line per
    problem; ``reason`` may word the reasons as the dialog shows them).

    openpyxl's write-only mode streams; every text is stored as text, so a value like
    ``=HYPERLINK(...)`` stays a string and runs nothing. Written to a temporary name
    first: the file appears whole or not at all."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    target = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("errors")
    ws.freeze_panes = "A2"
    for letter, width in zip("ABCDE", (24, 8, 22, 28, 60), strict=True):
        ws.column_dimensions[letter].width = width
    bold = Font(bold=True)

    def text(value: object, font: Font | None = None) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
        cell.data_type = "s"  # never a formula
        if font is not None:
            cell.font = font
        return cell

    ws.append([text(h, bold) for h in headers])
    for e in errors:
        why = reason(e) if reason is not None else e.reason
        ws.append([text(e.file), e.row, text(e.column), text(e.value), text(why)])
    tmp = target.with_name(f".{target.name}.part")
    try:
        wb.save(str(tmp))
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
