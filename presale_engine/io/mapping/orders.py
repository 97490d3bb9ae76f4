"""Platform order exports onto engine fields: ``OrderMapper`` maps a chunk column by column
(memoised converters, fast paths for ids and times) and redoes any row that is not
plainly valid with the row-at-a-time reader, so errors read exactly as they always have."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from datetime import datetime, tzinfo
from decimal import Decimal
from itertools import repeat
from operator import add
from typing import Any

from presale_engine.io import values as V
from presale_engine.io.presets import (
    DEPOSIT_ONLY_STATES,
    PAYMENT_ONLY_STATES,
    Preset,
    normalize_value,
)
from presale_engine.io.tables import CancelCheck, Table
from presale_engine.money import to_minor

from .common import (
    _RULE_TEXT_FIELDS,
    _check_cancel,
    _fold,
    _prepare,
    _raw_cells,
    _RowReader,
    _RuleCache,
    _zone,
)

# -------------------------------------------------------------------------- orders
from .marks import unmark
from .order_cells import (
    _BLANK,
    _BLANK_LIMIT,
    _BLANK_OR_TIME_LENGTHS,
    _HOUR_PART,
    _MINUTE_OFFSETS,
    _MINUTE_PART,
    _NOTHING_WORDS,
    _SECOND_DELTAS,
    _SECOND_INTS,
    _SECOND_OFFSETS,
    _SECOND_PART,
    _TEXT_OR_NONE,
    _UNREAD,
    _UNREAD_LIMIT,
    _epoch,
    _first_format,
    _KeyMemo,
    _LineKeys,
    _present,
    _present_flags,
)
from .rows import (
    _CHECK_EVERY,
    OrderImport,
    OrderRow,
    RowError,
)

ORDER_ROW_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(OrderRow))
"""The positions of an order tuple from ``OrderMapper.feed``: ``OrderRow(*t)``."""
_POS = {name: i for i, name in enumerate(ORDER_ROW_FIELDS)}
LAZY_TEXT_FIELDS = frozenset({"product_name", "variant", "recipient", "phone", "address"})
"""Free-text fields the database does not keep: an importer may leave them unread."""
_TIME_FIELDS = ("ordered_at", "deposit_paid_at", "balance_paid_at", "paid_at", "shipped_at")
_MONEY_FIELDS = ("unit_price", "deposit", "balance", "total")
_IDENT_FIELDS = ("order_no", "sub_order_no", "tracking_no")
_NUMBER_TYPES = frozenset({bool, int, float})
_MEMO_LIMIT = 1 << 16
_BAD: Any = object()  # a cell that did not convert; the row goes to the exact path
_FAST_TIME_FORMATS = frozenset({"%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S"})
_FROM_RULES = frozenset({"platform", "kind", "status", "excel_row", "platform_status",
                         "currency"})  # fmt: skip


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
    mapper = OrderMapper(table.headers, table.file, preset, tz, currency=currency,
                         header_row=table.header_row, skipped_rows=table.skipped_rows)  # fmt: skip
    rows = table.rows
    for start in range(0, len(rows), _CHECK_EVERY):
        _check_cancel(cancel, table.file, start)
        mapper.result.rows.extend(map(_order_row, mapper.feed(rows[start : start + _CHECK_EVERY])))
    return mapper.finish()


def _order_row(values: tuple[Any, ...]) -> OrderRow:
    return OrderRow(*values)


class _Memo(dict[Any, Any]):
    """``conv(value)`` per distinct cell value: exports repeat a few SKUs, prices and
    states thousands of times. A failed conversion is remembered as ``_BAD``."""

    def __init__(self, conv: Callable[[object], Any]) -> None:
        super().__init__()
        self.conv = conv
        self.bad: set[Any] = set()

    def __missing__(self, key: Any) -> Any:
        try:
            value = self.conv(key)
        except V.CellError:
            value = _BAD
            self.bad.add(key)
        if len(self) < _MEMO_LIMIT:
            self[key] = value
        return value


class OrderMapper:
    """``map_orders`` a chunk at a time, column by column.

    Each needed column of a chunk is converted with C-level ``map`` over a memo (or a
    fast path for ids and times), and the rule keys (kind, state) are looked up once per
    distinct combination. Any row where something is off (a cell that does not convert,
    an unknown state, a missing value) is redone by the row-at-a-time code, which
    reports exactly what ``map_orders`` always reported; so the fast path only ever
    handles rows that are plainly valid.

    ``feed(rows)`` returns tuples in ``ORDER_ROW_FIELDS`` order for the valid rows;
    errors, warnings and unknown states gather in ``result`` (an ``OrderImport`` whose
    ``rows`` the caller fills if it wants them). ``times="epoch"`` gives instants as
    whole UTC epoch seconds instead of datetimes, ``money="minor"`` amounts as integer
    minor units (fen, cents) instead of ``Decimal`` (both what the database stores);
    ``lazy`` names free-text fields (of ``LAZY_TEXT_FIELDS``) to leave as ``None``.
    """

    def __init__(
        self,
        headers: Sequence[str],
        file: str,
        preset: Preset,
        tz: str | tzinfo | None = None,
        *,
        currency: str | None = None,
        header_row: int = 1,
        skipped_rows: int = 0,
        times: str = "datetime",
        money: str = "decimal",
        lazy: frozenset[str] = frozenset(),
        all_text: bool = False,
    ) -> None:
        match = _prepare(headers, file, preset, "orders")
        zone = _zone(tz, preset)
        cur = (currency or preset.currency).upper()
        self.file = file
        self.preset = preset
        self.match = match
        self.zone = zone
        self.cur = cur
        self.epoch = times == "epoch"
        self.minor = money == "minor"
        self.lazy = frozenset(lazy) & LAZY_TEXT_FIELDS
        self._lazy_order = tuple(sorted(self.lazy))
        self.all_text = all_text
        self.platform = preset.platform or "other"
        self._mapped = sorted(set(match.indexes.values()))  # the columns ``unmark`` reads
        self.result = OrderImport(
            file=file,
            preset=preset.name,
            header_row=header_row,
            columns=dict(match.headers),
            extra_columns=list(match.extra_columns),
            skipped_rows=skipped_rows,
            platform=self.platform,
            timezone=str(getattr(zone, "key", zone)),
            currency=cur,
        )
        self._unknown: dict[str, None] = {}
        self._seen: dict[tuple[str, str], tuple[tuple[Any, ...], int]] = {}
        self._line_keys = _LineKeys()
        self._kind_of = _RuleCache(preset.kind_rules)
        self._status_of = _RuleCache(preset.status_rules)
        self._kind_memo = _KeyMemo(self._decide_kind)
        self._status_memo = _KeyMemo(self._decide_status)
        self._known_texts = preset.status_texts()
        formats = preset.date_formats

        def when(value: object) -> datetime | None:
            return V.to_utc(value, zone, formats)

        def ship_by(value: object) -> datetime | None:
            return V.to_utc(value, zone, formats, date_only_end_of_day=True)

        def amount(value: object) -> Decimal | None:
            return V.money(value, cur)

        def minor(value: object) -> int | None:
            got = V.money(value, cur)
            return None if got is None else to_minor(got, cur)

        self._when, self._ship_by, self._amount = when, ship_by, amount
        self._memos: dict[str, _Memo] = {}
        for fld in ("sku", "qty", *_MONEY_FIELDS, "carrier", "product_name", "variant"):
            conv: Callable[[object], Any] = (
                V.ident if fld == "sku" else V.quantity if fld == "qty"
                else (minor if self.minor else amount) if fld in _MONEY_FIELDS else V.text
            )  # fmt: skip
            self._memos[fld] = _Memo(conv)
        self._fold = _Memo(_fold)
        self._text = _Memo(V.text)
        # The whole-minute cache of the time fast path (see _times).
        self._fast_times = any(
            _first_format(sample, formats) in _FAST_TIME_FORMATS
            for sample in ("2026-10-24 21:48:37", "2026/10/24 21:48:37")
        )
        self._minutes: dict[str, Any] = {}
        self._hours = _KeyMemo(self._hour)  # for _epoch_texts
        self._hours[""] = _BLANK
        rules = (*preset.kind_rules, *preset.status_rules)
        filled = {c.field for r in rules for c in r.conditions if c.filled is not None}
        # Rules that test a composed or remapped field's presence are rare; those
        # presets simply take the row-at-a-time path.
        moved = {f for m in preset.remap_by_kind.values() for pair in m.items() for f in pair}
        self._fast_rules = not (filled & (set(preset.compose) | moved))

    # ------------------------------------------------------------------ public
    def feed(self, rows: Sequence[tuple[int, list[object]]]) -> list[tuple[Any, ...]]:
        """Map one chunk; return the valid rows as tuples (see the class docstring)."""
        if not rows:
            return []
        if self.preset.empty_marks:
            rows = unmark(rows, self.preset.empty_marks, self._mapped)
        n = len(rows)
        columns = list(zip(*[cells for _, cells in rows], strict=True))
        idx = self.match.indexes

        def col(fld: str) -> list[Any]:
            i = idx.get(fld)
            return list(columns[i]) if i is not None else [None] * n

        slow: set[int] = set()
        if not self._fast_rules:
            slow.update(range(n))
        kinds, statuses, status_raw = self._rules(col, n, slow)
        values: dict[str, list[Any]] = {}
        # Remapped fields (Taobao deposit rows: total -> deposit, paid_at -> deposit...).
        # A blank source moved onto a blank target changes nothing, so rows of the kind
        # move unless the target is filled.
        raw_cols: dict[str, list[Any]] = {}
        for kind, moves in self.preset.remap_by_kind.items():
            if kind not in kinds:
                continue
            for src, dst in moves.items():
                if src not in idx:
                    continue
                s_col = raw_cols.get(src) or col(src)
                d_col = raw_cols.get(dst) or col(dst)
                d_keep = _present_flags(d_col) if dst in idx else [False] * n
                raw_cols[dst] = [s if k == kind and not keep else d
                                 for s, d, k, keep in zip(s_col, d_col, kinds, d_keep, strict=True)]
                raw_cols[src] = [None if k == kind and not keep else s
                                 for s, k, keep in zip(s_col, kinds, d_keep, strict=True)]

        def raw(fld: str) -> list[Any]:
            got = raw_cols.get(fld)
            return got if got is not None else col(fld)

        for fld in ORDER_ROW_FIELDS:
            if fld in _FROM_RULES:
                continue
            if fld in self.lazy:
                values[fld] = [None] * n
                continue
            cells = raw(fld)
            if fld in self.preset.compose:
                cells = self._compose(fld, cells, raw, n)
            if fld in _IDENT_FIELDS:
                out = self._idents(cells)
            elif fld in _TIME_FIELDS or fld == "promised_ship_at":
                out = self._times(cells, self._when if fld != "promised_ship_at"
                                  else self._ship_by)  # fmt: skip
            elif fld in self._memos:
                out = self._memo_map(self._memos[fld], cells)
            else:  # buyer, recipient, phone, address: mostly distinct texts
                out = [None if c is None else V.text(c) for c in cells]
            if _BAD in out:
                slow.update(i for i, v in enumerate(out) if v is _BAD)
            values[fld] = out
        for fld in ("order_no", "sku", "qty", "ordered_at"):
            if None in values[fld]:
                slow.update(i for i, v in enumerate(values[fld]) if v is None)
        values["platform"] = [self.platform] * n
        values["kind"] = kinds
        values["status"] = statuses
        values["excel_row"] = [r for r, _ in rows]
        values["platform_status"] = status_raw
        values["currency"] = [self.cur] * n
        tuples = list(zip(*[values[f] for f in ORDER_ROW_FIELDS], strict=True))
        # Lazy fields are not read, so a repeated line is compared on them by a hash of
        # their cells (kept instead of the cells, which would hold every row's address).
        lazy_keys: list[int] = [0] * n
        if self.lazy:
            lazy_keys = list(map(hash, zip(*[self._lazy_source(f, raw)
                                             for f in self._lazy_order], strict=True)))
        if not slow:
            # Usually every row is new and valid: record them all in C-level calls.
            line_keys = self._line_keys
            keys = list(zip(values["order_no"],
                            [s or line_keys[k] for s, k in zip(values["sub_order_no"],
                                                               values["sku"], strict=True)],
                            strict=True))  # fmt: skip
            if len(set(keys)) == n and self._seen.keys().isdisjoint(keys):
                self._seen.update(zip(keys, zip(tuples, lazy_keys, strict=True), strict=True))
                return tuples
        out_rows: list[tuple[Any, ...]] = []
        for i in range(n):
            if i in slow:
                row = self._slow_row(*rows[i])
                if row is None:
                    continue
                t = self._as_tuple(row)
            else:
                t = tuples[i]
            if self._is_new(t, lazy_keys[i]):
                out_rows.append(t)
        return out_rows

    def finish(self) -> OrderImport:
        self.result.unknown_statuses = list(self._unknown)
        return self.result

    # ------------------------------------------------------------------ columns
    def _memo_map(self, memo: _Memo, cells: list[Any]) -> list[Any]:
        if self.all_text or len(set(map(type, cells)) & _NUMBER_TYPES) <= 1:
            # One number type per column: True == 1 == 1.0 cannot mix up memo keys.
            return list(map(memo.__getitem__, cells))
        conv = memo.conv
        out = []
        for c in cells:
            try:
                out.append(conv(c))
            except V.CellError:
                out.append(_BAD)
        return out

    def _idents(self, cells: list[Any]) -> list[Any]:
        ident = V.ident
        out: list[Any] = []
        append = out.append
        for c in cells:
            if c.__class__ is str:
                if c.isdigit():
                    append(c)
                    continue
                if not c:
                    append(None)
                    continue
                if c[0] == "=" and c[1:2] == '"' and c[-1] == '"':
                    inner = c[2:-1]
                    if inner.isdigit():
                        append(inner)  # Excel's ="..." text wrapper around a number
                        continue
                elif (c.isascii() and c.isalnum() and not c[0].isdigit()
                      and c.lower() not in _NOTHING_WORDS):
                    # A tracking number like SF3622...: nothing to clean, and with a
                    # letter first it cannot be a number in scientific notation.
                    append(c)
                    continue
            elif c is None:
                append(None)
                continue
            try:
                append(ident(c))
            except V.CellError:
                append(_BAD)
        return out

    def _times(self, cells: list[Any], slow: Callable[[object], datetime | None]) -> list[Any]:
        """Instants. ``YYYY-MM-DD HH:MM:SS`` texts (most exports) are read as a cached
        whole minute plus seconds; everything else goes through ``values.to_utc``."""
        if self.epoch and self._fast_times:
            column = self._epoch_texts(cells, slow)
            if column is not None:
                return column
        epoch = self.epoch
        # A text with a time of day means the same for ship-by (end of day is for dates).
        minutes = self._minutes if self._fast_times else None
        seconds = _SECOND_INTS if epoch else _SECOND_DELTAS
        out: list[Any] = []
        append = out.append
        for c in cells:
            if c is None or c == "":
                append(None)
                continue
            if minutes is not None and c.__class__ is str and len(c) == 19 and c[16] == ":":
                sec = seconds.get(c[17:])
                if sec is not None:
                    base = minutes.get(c[:16])
                    if base is None:
                        base = minutes[c[:16]] = self._minute(c[:16])
                    if base is not _BAD:
                        append(base + sec)
                        continue
            try:
                got = slow(c)
            except V.CellError:
                append(_BAD)
                continue
            append(_epoch(got) if epoch and got is not None else got)
        return out

    def _epoch_texts(self, cells: list[Any], slow: Callable[[object], datetime | None]
                     ) -> list[Any] | None:  # fmt: skip
        """``_times`` for a column of 19-character time texts and blanks, in epoch
        seconds, a column at a time: hour, minute and second are cut out and looked up
        by C-level ``map`` calls (the hour's instant is worked out once per hour: the UTC
        offset cannot change within one). None when the column holds anything else (the
        cell-by-cell loop then reads it); a cell the lookups do not read (another format,
        an impossible date) is read on its own as the loop would."""
        types = set(map(type, cells))
        if not types <= _TEXT_OR_NONE:
            return None
        texts = [c or "" for c in cells] if type(None) in types else cells
        if not set(map(len, texts)) <= _BLANK_OR_TIME_LENGTHS:
            return None
        hours = map(self._hours.__getitem__, map(_HOUR_PART, texts))
        minutes = map(_MINUTE_OFFSETS.get, map(_MINUTE_PART, texts), repeat(_UNREAD))
        seconds = map(_SECOND_OFFSETS.get, map(_SECOND_PART, texts), repeat(_UNREAD))
        out: list[Any] = list(map(add, map(add, hours, minutes), seconds))
        if min(out, default=0) > _BLANK_LIMIT and max(out, default=0) < _UNREAD_LIMIT:
            return out
        for i, v in enumerate(out):
            if v <= _BLANK_LIMIT:
                out[i] = None
            elif v >= _UNREAD_LIMIT:
                try:
                    when = slow(texts[i])
                except V.CellError:
                    out[i] = _BAD
                    continue
                out[i] = None if when is None else _epoch(when)
        return out

    def _hour(self, prefix: str) -> int:
        """The instant of ``prefix`` (``YYYY-MM-DD HH``) at minute 0, or ``_UNREAD``."""
        got = self._minute(prefix + ":00")
        return _UNREAD if got is _BAD else int(got)

    def _minute(self, prefix: str) -> Any:
        """The instant of ``prefix + ':00'`` when a fast-path format reads it, else _BAD
        (those texts, and impossible dates, then take the exact path cell by cell)."""
        text = prefix + ":00"
        if _first_format(text, self.preset.date_formats) not in _FAST_TIME_FORMATS:
            return _BAD
        try:
            got = self._when(text)
        except V.CellError:
            return _BAD
        if got is None:
            return _BAD
        return _epoch(got) if self.epoch else got

    def _compose(self, fld: str, cells: list[Any], raw: Callable[[str], list[Any]], n: int
                 ) -> list[Any]:  # fmt: skip
        comp = self.preset.compose[fld]
        parts = [raw(p) for p in comp.parts if p in self.match.indexes]
        out = list(cells)
        for i in range(n):
            if not _present(out[i]):
                texts = [V.text(p[i]) for p in parts if _present(p[i])]
                out[i] = comp.sep.join(t for t in texts if t) or None
        return out

    def _lazy_source(self, fld: str, raw: Callable[[str], list[Any]]) -> list[Any]:
        """What a lazy field's value is made of (its cell, or the parts it is composed
        of), to tell repeated lines apart."""
        cells = raw(fld)
        comp = self.preset.compose.get(fld)
        if comp is None:
            return cells
        parts = [raw(p) for p in comp.parts if p in self.match.indexes]
        return list(zip(repeat(comp.sep), cells, *parts))

    def _rules(self, col: Callable[[str], list[Any]], n: int, slow: set[int]
               ) -> tuple[list[str], list[Any], list[str]]:  # fmt: skip
        """Kind and state of every row, decided once per distinct combination of the
        rule columns (folded texts, filled or not)."""
        idx = self.match.indexes
        folded = {f: self._memo_map(self._fold, col(f)) for f in _RULE_TEXT_FIELDS if f in idx}
        filled: dict[str, list[bool]] = {}
        blank = [""] * n

        def columns(cache: _RuleCache) -> list[Any]:
            parts: list[Any] = [folded.get(f, blank) for f in cache.text_fields]
            for f in cache.filled_fields:
                if f not in filled:
                    filled[f] = _present_flags(col(f)) if f in idx else [False] * n
                parts.append(filled[f])
            return parts

        kind_parts = columns(self._kind_of)
        kinds: list[str] = (list(map(self._kind_memo.__getitem__, zip(*kind_parts, strict=True)))
                            if kind_parts else [self._kind_memo[()]] * n)  # fmt: skip
        # Remaps never move a field a rule tests for presence here (see _fast_rules),
        # so the same flags serve the state rules.
        statuses: list[str | None] = list(map(self._status_memo.__getitem__, zip(
            kinds, *columns(self._status_of), strict=True)))  # fmt: skip
        pairs = set(zip(kinds, statuses, strict=True))
        odd = {(k, st) for k, st in pairs if st is None or (k == "deposit" and st in
               PAYMENT_ONLY_STATES) or (k != "deposit" and st in DEPOSIT_ONLY_STATES)}
        if odd:
            slow.update(i for i, pair in enumerate(zip(kinds, statuses, strict=True))
                        if pair in odd)  # fmt: skip
        status_raw = self._memo_map(self._text, col("status_text"))
        return kinds, statuses, [s or "" for s in status_raw]

    def _decide_kind(self, key: tuple[Any, ...]) -> str:
        return self._decide(self._kind_of, key, "") or self.preset.default_kind

    def _decide_status(self, key: tuple[Any, ...]) -> str | None:
        return self._decide(self._status_of, key[1:], key[0])

    def _decide(self, cache: _RuleCache, key: tuple[Any, ...], kind: str) -> str | None:
        k = len(cache.text_fields)
        folded = dict(zip(cache.text_fields, key[:k], strict=True))
        raw = {f: True for f, filled in zip(cache.filled_fields, key[k:], strict=True) if filled}
        return cache(raw, folded, kind)

    # ------------------------------------------------------------------ rows
    def _as_tuple(self, row: OrderRow) -> tuple[Any, ...]:
        t = [getattr(row, f) for f in ORDER_ROW_FIELDS]
        for f in self.lazy:
            t[_POS[f]] = None
        if self.epoch:
            for f in (*_TIME_FIELDS, "promised_ship_at"):
                v = t[_POS[f]]
                if v is not None:
                    t[_POS[f]] = _epoch(v)
        if self.minor:
            for f in _MONEY_FIELDS:
                v = t[_POS[f]]
                if v is not None:
                    t[_POS[f]] = to_minor(v, self.cur)
        return tuple(t)

    def _is_new(self, t: tuple[Any, ...], lazy_key: int) -> bool:
        """Record the row, or report it as a repeat of an earlier line (and drop it).

        With lazy fields, two lines whose unread cells differ at all (even in spaces)
        count as different: the stricter reading of a repeated line.
        """
        order_no, sub, sku, excel_row = t[_P_ORDER], t[_P_SUB], t[_P_SKU], t[_P_ROW]
        key = (order_no, sub or self._line_keys[sku])
        previous = self._seen.get(key)
        if previous is None:
            self._seen[key] = (t, lazy_key)
            return True
        first, first_lazy = previous
        first_row = first[_P_ROW]
        same = first_lazy == lazy_key and all(
            a == b for i, (a, b) in enumerate(zip(first, t, strict=True)) if i != _P_ROW)
        res = self.result
        if same:
            res.warnings.append(RowError(self.file, excel_row, "", order_no,
                                         f"repeats row {first_row} exactly; ignored",
                                         "duplicate_row"))  # fmt: skip
            res.skipped_rows += 1
        else:
            res.errors.append(RowError(self.file, excel_row,
                                       self.match.headers.get("order_no", "order_no"), order_no,
                                       f"the same order line is in row {first_row} "
                                       "with different values", "duplicate_conflict"))  # fmt: skip
        return False

    def _slow_row(self, excel_row: int, cells: list[object]) -> OrderRow | None:
        """One row the way ``map_orders`` has always read it: the exact errors."""
        preset = self.preset
        match = self.match
        result = self.result
        raw = _raw_cells(cells, match.indexes)
        if not raw:
            result.skipped_rows += 1
            return None
        headers: Mapping[str, str] = match.headers
        folded = {f: _fold(raw[f]) for f in _RULE_TEXT_FIELDS if f in raw}
        kind = self._kind_of(raw, folded, "") or preset.default_kind
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

        rr = _RowReader(self.file, headers, excel_row)
        order_no = rr.get("order_no", raw, V.ident)
        sku = rr.get("sku", raw, V.ident)
        qty = rr.get("qty", raw, V.quantity)
        ordered_at = rr.get("ordered_at", raw, self._when)
        for fld, got in (("order_no", order_no), ("sku", sku), ("qty", qty),
                         ("ordered_at", ordered_at)):  # fmt: skip
            if fld in preset.required:
                rr.need(fld, raw, got)
        status_raw = V.text(raw.get("status_text")) or ""
        status = self._status_of(raw, folded, kind)
        if status is None:
            if not status_raw:
                rr.need("status_text", raw, None)
            else:
                label = status_raw
                if normalize_value(status_raw) in self._known_texts:
                    # The text is known; the combination with stage/reason columns is not.
                    ctx = [
                        f"{headers[f]}={V.text(raw[f])}"
                        for f in _RULE_TEXT_FIELDS
                        if f != "status_text" and f in raw and f in headers
                    ]
                    if ctx:
                        label = f"{status_raw} ({'; '.join(ctx)})"
                self._unknown.setdefault(label, None)
                rr.fail("status_text", status_raw, "unknown status", "unknown_status")
        elif (kind == "deposit" and status in PAYMENT_ONLY_STATES) or (
            kind != "deposit" and status in DEPOSIT_ONLY_STATES
        ):
            rr.fail("status_text", status_raw, f"status '{status}' does not fit a {kind} order",
                    "status_kind_mismatch")  # fmt: skip

        amount = self._amount
        row_values: dict[str, Any] = {
            "sub_order_no": rr.get("sub_order_no", raw, V.ident),
            "product_name": rr.get("product_name", raw, V.text),
            "variant": rr.get("variant", raw, V.text),
            "unit_price": rr.get("unit_price", raw, amount),
            "deposit": rr.get("deposit", raw, amount),
            "balance": rr.get("balance", raw, amount),
            "total": rr.get("total", raw, amount),
            "deposit_paid_at": rr.get("deposit_paid_at", raw, self._when),
            "balance_paid_at": rr.get("balance_paid_at", raw, self._when),
            "paid_at": rr.get("paid_at", raw, self._when),
            "promised_ship_at": rr.get("promised_ship_at", raw, self._ship_by),
            "shipped_at": rr.get("shipped_at", raw, self._when),
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
            return None
        assert status is not None
        return OrderRow(
            platform=self.platform,
            order_no=order_no,
            sku=sku,
            qty=qty,
            kind=kind,
            status=status,
            ordered_at=ordered_at,
            excel_row=excel_row,
            platform_status=status_raw,
            currency=self.cur,
            **row_values,
        )


_P_ORDER, _P_SUB, _P_SKU, _P_ROW = (_POS[f] for f in ("order_no", "sub_order_no", "sku",
                                                      "excel_row"))  # fmt: skip
