"""Read one sheet of an order/product/supply export into plain rows, safely.

This is the only module that touches file formats. Everything above it (column mapping,
validation, the database upsert) works on a ``Table``: header texts plus rows of raw
cell values with their Excel row numbers, so an error can say "row 17, 商品数量".

Formats: .xlsx through python-calamine (fast; values are the cached results, formulas
are never evaluated) after ``xlsxguard`` has vetted the zip, and CSV (UTF-8 with or
without BOM, UTF-16 with BOM, else GB18030, which is a superset of GBK/GB2312).
Real exports put title rows above the header and totals rows below the data, wrap ids
as ``="..."`` or prefix them with a tab so Excel keeps them as text; all of that is
undone here so later layers only see values.

``read_table`` returns the whole sheet; ``open_table`` finds the header and then streams
the data rows in chunks, so an importer never holds a 200,000-row export twice (and, with
``clean=False``, leaves CSV cells raw for the mapping layer to clean only the columns it
uses).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeGuard, cast

from presale_engine.io.errors import Cancelled, FileRejected, UnknownLayout
from presale_engine.io.xlsxguard import inspect_xlsx

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
HeaderHint = Callable[[list[str]], int]

PROGRESS_TOTAL = 1000
"""``progress(done, total)`` always gets this ``total``; ``done`` only grows."""

HEADER_SEARCH_ROWS = 30
_CHECK_EVERY = 1024  # rows between cancel checks / progress reports
_CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Characters Excel/WPS users never mean as data but exports leave around values.
_INVISIBLE = "\ufeff\u200b\u200e\u200f"
_TOTAL_PREFIXES = ("合计", "总计", "小计", "總計", "合計")
_TOTAL_WORDS = {"total", "totals", "grand total", "sum", "subtotal", "summe"}
_TOTAL_INITIALS = frozenset("合总小總tTsSgG")
_PADDING = frozenset(" \t\r\n\v\f\u3000" + _INVISIBLE)
_MAYBE_TOTAL = _TOTAL_INITIALS | _PADDING | {"="}
# A C-level type test for filter(); the cast tells mypy what it guarantees.
_is_str = cast("Callable[[object], TypeGuard[str]]", str.__instancecheck__)


@dataclass
class Table:
    """One sheet: the header row and the data rows below it.

    ``rows`` holds ``(excel_row, cells)`` with ``cells`` aligned to ``headers`` (padded
    with ``""``). CSV cells are cleaned text; .xlsx cells are what calamine returns
    (``str``, ``float`` for every number, ``bool``, ``date``/``datetime``/``time``,
    ``""`` for empty), left raw so the mapping layer decides per field how to read them.
    Blank rows and totals rows are not in ``rows``; they are counted.
    """

    path: Path
    headers: list[str]
    header_row: int
    rows: list[tuple[int, list[object]]]
    sheet: str | None = None
    encoding: str | None = None
    skipped_blank: int = 0
    skipped_totals: list[int] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def skipped_rows(self) -> int:
        return self.skipped_blank + len(self.skipped_totals)


class _Ticker:
    """Turns phase-local progress into one monotone ``progress(done, 1000)`` stream."""

    def __init__(self, file: str, progress: Progress | None, cancel: CancelCheck | None) -> None:
        self.file = file
        self.progress = progress
        self.cancel = cancel
        self.done = 0

    def at(self, lo: int, hi: int, part: int, whole: int) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled(self.file)
        if self.progress is None:
            return
        pos = lo + (hi - lo) * min(part, whole) // whole if whole > 0 else hi
        if pos > self.done:
            self.done = pos
            self.progress(pos, PROGRESS_TOTAL)


def read_table(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    max_uncompressed_bytes: int = 512 * 2**20,
    max_cell_chars: int = 32767,
    max_cells: int = 25_000_000,
    header_hint: HeaderHint | None = None,
    header_min_score: int = 2,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Table:
    """Read ``path`` (.xlsx or .csv) into a ``Table``.

    ``header_hint(cells) -> score`` picks the header row: the first of the first 30
    non-blank rows scoring at least ``header_min_score`` (see ``presets.header_scorer``).
    Without it the first row with two or more filled cells is the header.
    ``max_uncompressed_bytes`` caps the unpacked .xlsx (or the CSV file size);
    ``max_cells`` caps the grid a sheet may span. Raises ``FileRejected`` for files we
    will not read, ``UnknownLayout`` when no header row is found, ``Cancelled`` when
    ``cancel()`` returns true (checked about every thousand rows).
    """
    with open_table(
        path,
        sheet=sheet,
        encoding=encoding,
        max_uncompressed_bytes=max_uncompressed_bytes,
        max_cell_chars=max_cell_chars,
        max_cells=max_cells,
        header_hint=header_hint,
        header_min_score=header_min_score,
        progress=progress,
        cancel=cancel,
    ) as stream:
        rows = list(stream)
        return Table(
            path=stream.path,
            headers=stream.headers,
            header_row=stream.header_row,
            rows=rows,
            sheet=stream.sheet,
            encoding=stream.encoding,
            skipped_blank=stream.skipped_blank,
            skipped_totals=stream.skipped_totals,
        )


def open_table(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    max_uncompressed_bytes: int = 512 * 2**20,
    max_cell_chars: int = 32767,
    max_cells: int = 25_000_000,
    header_hint: HeaderHint | None = None,
    header_min_score: int = 2,
    clean: bool = True,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> TableStream:
    """Like ``read_table``, but the data rows are read as the caller iterates.

    The file is vetted and the header row found before this returns; the rows then
    stream (``for excel_row, cells in stream`` or ``stream.chunks(n)``), so a 200k-row
    export is never held whole. Use it as a context manager. ``clean=False`` leaves CSV
    cells as the file wrote them (``="123"``, tabs): the mapping layer cleans the cells
    it uses, so the importer skips cleaning columns it ignores.
    """
    p = Path(path)
    ticker = _Ticker(p.name, progress, cancel)
    ticker.at(0, 0, 0, 1)
    try:
        with p.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise FileRejected(p.name, f"cannot open the file ({exc.strerror})", "unreadable") from exc
    if head.startswith(b"PK") or p.suffix.lower() not in _CSV_SUFFIXES:
        return _open_xlsx(
            p,
            sheet=sheet,
            max_uncompressed_bytes=max_uncompressed_bytes,
            max_cell_chars=max_cell_chars,
            max_cells=max_cells,
            header_hint=header_hint,
            header_min_score=header_min_score,
            ticker=ticker,
        )
    return _open_csv(
        p,
        encoding=encoding,
        max_bytes=max_uncompressed_bytes,
        max_cell_chars=max_cell_chars,
        header_hint=header_hint,
        header_min_score=header_min_score,
        clean=clean,
        ticker=ticker,
    )


Record = tuple[int, list[Any]]
Batches = Generator[list[Record], None, None]


class TableStream:
    """An open sheet whose header row is known; data rows are read on demand.

    Iterating yields ``(excel_row, cells)`` exactly as ``Table.rows`` holds them.
    ``skipped_blank`` and ``skipped_totals`` grow as the rows go by.
    """

    def __init__(
        self,
        path: Path,
        asm: _Assembler,
        batches: Batches,
        *,
        sheet: str | None = None,
        encoding: str | None = None,
        on_close: Callable[[], None] | None = None,
    ) -> None:
        assert asm.headers is not None
        self.path = path
        self.headers: list[str] = asm.headers
        self.header_row = asm.header_row
        self.sheet = sheet
        self.encoding = encoding
        self.all_text = asm.all_text
        self._asm = asm
        self._batches = batches
        self._on_close = on_close

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def skipped_blank(self) -> int:
        return self._asm.blank

    @property
    def skipped_totals(self) -> list[int]:
        return self._asm.totals

    @property
    def skipped_rows(self) -> int:
        return self._asm.blank + len(self._asm.totals)

    def __iter__(self) -> Iterator[tuple[int, list[object]]]:
        for chunk in self.chunks():
            yield from chunk

    def chunks(self, size: int = 4096) -> Iterator[list[tuple[int, list[object]]]]:
        """The data rows in lists of up to ``size`` (a list may be shorter when blank or
        totals rows were dropped from it)."""
        asm = self._asm
        if asm.leftover:
            yield asm.leftover
            asm.leftover = []
        pending: list[tuple[int, list[object]]] = []
        for batch in self._batches:
            rows = asm.add_batch(batch)
            if not rows:
                continue
            if pending or len(rows) < size:
                pending.extend(rows)
                if len(pending) >= size:
                    yield pending
                    pending = []
            else:
                yield rows
        if pending:
            yield pending

    def close(self) -> None:
        self._batches.close()
        if self._on_close is not None:
            self._on_close()
            self._on_close = None

    def __enter__(self) -> TableStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------------------- cells


def clean_text(value: str) -> str:
    """Undo export tricks: surrounding whitespace/tabs, ``="..."``, invisible marks."""
    s = value.strip()
    if s and (s[0] in _INVISIBLE or s[-1] in _INVISIBLE or s[0] == "="):
        s = s.strip(_INVISIBLE).strip()
        if len(s) >= 3 and s.startswith('="') and s.endswith('"'):
            s = s[2:-1].replace('""', '"').strip()
        elif s == '=""':
            s = ""
    return s


def _header_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(value) if isinstance(value, str) else str(value)
    return " ".join(text.split())


def _is_totals(row: list[object]) -> bool:
    first = row[0]
    if isinstance(first, str) and first:
        lead = first[0]
        if lead == "=" and first.startswith('="'):
            lead = first[2:3]  # a raw CSV cell: look past the ="..." wrapper
        if lead and lead not in _TOTAL_INITIALS and lead not in _PADDING:
            return False  # the common case, decided without a loop
    for c in row:
        if c == "" or c is None:
            continue
        if not isinstance(c, str):
            return False
        s = clean_text(c).rstrip(":：").strip()
        if not s:
            continue
        if s.startswith(_TOTAL_PREFIXES):
            return True
        low = s.casefold()
        return low in _TOTAL_WORDS or low.startswith(("total:", "totals:", "grand total"))
    return False


def _too_long(file: str, excel_row: int, max_cell_chars: int) -> FileRejected:
    return FileRejected(
        file,
        f"row {excel_row} has a cell longer than {max_cell_chars:,} characters "
        "(Excel's own limit); the file is damaged or crafted",
        "cell_too_long",
    )


class _Assembler:
    """Finds the header among the first rows, then vets and shapes each data row."""

    def __init__(
        self,
        file: str,
        *,
        max_cell_chars: int,
        header_hint: HeaderHint | None,
        header_min_score: int,
        clean_all: bool,
        all_text: bool = False,
    ) -> None:
        self.file = file
        self.max_cell_chars = max_cell_chars
        self.hint = header_hint
        self.min_score = header_min_score
        self.clean_all = clean_all
        self.all_text = all_text  # every cell is a str (CSV)
        self.pending: list[tuple[int, list[object]]] = []
        self.headers: list[str] | None = None
        self.header_row = 0
        self.width = 0
        self.leftover: list[tuple[int, list[object]]] = []
        self.blank = 0
        self.totals: list[int] = []

    def add(self, excel_row: int, raw: list[Any]) -> list[object] | None:
        """The data row (cells padded to the header's width), or None for a header,
        title, blank or totals row."""
        # xlsx cells stay as calamine gave them (the mapping layer cleans the columns it
        # uses); CSV cells are all text, and the export tricks live there.
        row: list[object] = (
            [clean_text(c) if c.__class__ is str else c for c in raw] if self.clean_all else raw
        )
        # C-level scan: this runs on every row of 200k-row sheets.
        if max(map(len, filter(_is_str, row)), default=0) > self.max_cell_chars:
            raise _too_long(self.file, excel_row, self.max_cell_chars)
        if row.count("") + row.count(None) == len(row):
            if self.headers is not None:
                self.blank += 1
            return None
        if self.headers is None:
            self.pending.append((excel_row, row))
            if self._try_header():
                return None
            if len(self.pending) >= HEADER_SEARCH_ROWS:
                self._fail()
            return None
        if _is_totals(row):
            self.totals.append(excel_row)
            return None
        n = len(row)
        if n < self.width:
            row.extend([""] * (self.width - n))
        elif n > self.width:
            del row[self.width :]
        return row

    def add_batch(self, batch: list[Record]) -> list[tuple[int, list[object]]]:
        """``add`` for many rows after the header: the same checks, with the per-cell
        ones done in one C-level pass over the whole batch."""
        assert self.headers is not None
        if self.clean_all:
            batch = [(r, [clean_text(c) if c.__class__ is str else c for c in raw])
                     for r, raw in batch]  # fmt: skip
        if self.all_text:
            # No cell is longer than its whole row: joined rows are checked first.
            longest = max(map(len, map("".join, (raw for _, raw in batch))), default=0)
        else:
            cells = chain.from_iterable(raw for _, raw in batch)
            longest = max(map(len, filter(_is_str, cells)), default=0)
        if longest > self.max_cell_chars:
            for r, raw in batch:
                if max(map(len, filter(_is_str, raw)), default=0) > self.max_cell_chars:
                    raise _too_long(self.file, r, self.max_cell_chars)
        out: list[tuple[int, list[object]]] = []
        append = out.append
        width = self.width
        maybe_total = _MAYBE_TOTAL
        for excel_row, row in batch:
            # any() stops at the first filled cell; only a row without one (or with
            # nothing but 0 / False) needs the exact count.
            if not any(row) and row.count("") + row.count(None) == len(row):
                self.blank += 1
                continue
            first = row[0]
            if first.__class__ is str and first:
                c0 = first[0]
                if (c0 in maybe_total and (c0 != "=" or first[1:2] != '"'
                                           or first[2:3] in maybe_total)
                        and _is_totals(row)):  # fmt: skip
                    self.totals.append(excel_row)
                    continue
            elif _is_totals(row):
                self.totals.append(excel_row)
                continue
            n = len(row)
            if n != width:
                if n < width:
                    row.extend([""] * (width - n))
                else:
                    del row[width:]
            append((excel_row, row))
        return out

    def _try_header(self) -> bool:
        excel_row, row = self.pending[-1]
        texts = [_header_text(c) if c != "" else "" for c in row]
        if self.hint is not None:
            ok = self.hint(texts) >= self.min_score
        else:
            ok = sum(1 for t in texts if t) >= 2
        if not ok:
            return False
        while texts and texts[-1] == "":
            texts.pop()
        self.headers = texts
        self.header_row = excel_row
        self.width = len(texts)
        self.pending.clear()
        return True

    def finish(self) -> None:
        """The rows ran out before a header was found: decide, or raise UnknownLayout."""
        if self.headers is not None:
            return
        if self.pending and self.hint is None:
            # Only single-cell rows: take the first one rather than fail.
            excel_row, row = self.pending[0]
            self.headers = [_header_text(c) if c != "" else "" for c in row]
            self.header_row = excel_row
            self.width = len(self.headers)
            for r, cells in self.pending[1:]:
                self.leftover.append((r, (cells + [""] * self.width)[: self.width]))
            return
        self._fail()

    def find_header(self, batches: Iterator[list[Record]]) -> None:
        """Consume ``batches`` up to the header row; the data rows after it in the same
        batch are kept in ``leftover``."""
        for batch in batches:
            for i, (excel_row, raw) in enumerate(batch):
                self.add(excel_row, raw)
                if self.headers is not None:
                    self.leftover = self.add_batch(batch[i + 1 :])
                    return
        self.finish()

    def _fail(self) -> None:
        if not self.pending:
            raise UnknownLayout(f"{self.file}: the sheet is empty")
        first = [_header_text(c) for c in self.pending[0][1] if c != ""][:8]
        raise UnknownLayout(
            f"{self.file}: no header row with known column names in the first "
            f"{HEADER_SEARCH_ROWS} rows (first row reads: {' | '.join(first)})"
        )


# ----------------------------------------------------------------------------- xlsx


def _open_xlsx(
    p: Path,
    *,
    sheet: str | int | None,
    max_uncompressed_bytes: int,
    max_cell_chars: int,
    max_cells: int,
    header_hint: HeaderHint | None,
    header_min_score: int,
    ticker: _Ticker,
) -> TableStream:
    name = p.name
    # Imported late: python-calamine is a compiled extension we only need for xlsx.
    import python_calamine as pc

    # Opening the workbook reads everything but the worksheets, and calamine does it
    # without the GIL: it starts on a helper thread as soon as those parts have passed
    # the safety scan and runs beside the worksheets' scan (about 0.5 s of a 200k-row
    # file). No worksheet is loaded before the whole scan has passed.
    opening: Future[Any] | None = None
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xlsx-open")

    def open_workbook() -> None:
        nonlocal opening
        opening = pool.submit(pc.CalamineWorkbook.from_path, str(p))

    try:
        inspect_xlsx(  # sniffs the file first: PDF, old .xls, truncated zip...
            p,
            max_uncompressed_bytes=max_uncompressed_bytes,
            max_cells=max_cells,
            on_bytes=lambda done, total: ticker.at(0, 400, done, total),
            on_workbook_checked=open_workbook,
        )
    except BaseException:
        if opening is not None:
            with suppress(BaseException):
                opening.result().close()
        raise
    finally:
        pool.shutdown(wait=True)
    try:
        assert opening is not None  # inspect_xlsx announces every workbook it passes
        wb = opening.result()
    except BaseException as exc:  # pyo3 panics derive from BaseException
        raise _calamine_failure(name, exc) from exc
    try:
        ticker.at(400, 450, 1, 1)
        candidates = _sheet_candidates(wb, sheet, name)
        last_error: UnknownLayout | None = None
        for index, sheet_name in enumerate(candidates):
            try:
                ws = wb.get_sheet_by_name(sheet_name)
            except BaseException as exc:
                raise _calamine_failure(name, exc) from exc
            lo = 500 + 500 * index // len(candidates)
            hi = 500 + 500 * (index + 1) // len(candidates)
            ticker.at(lo, lo, 0, 1)
            asm = _Assembler(
                name,
                max_cell_chars=max_cell_chars,
                header_hint=header_hint,
                header_min_score=header_min_score,
                clean_all=False,
            )
            batches = _sheet_batches(ws, ticker, lo, hi)
            try:
                asm.find_header(batches)
            except UnknownLayout as exc:
                batches.close()
                last_error = exc
                continue
            return TableStream(p, asm, batches, sheet=sheet_name, on_close=wb.close)
        assert last_error is not None
        raise last_error
    except BaseException:
        wb.close()
        raise


def _sheet_batches(ws: Any, ticker: _Ticker, lo: int, hi: int) -> Batches:
    if ws.start is None:  # empty sheet; iter_rows() would panic on it
        return
    height = int(ws.end[0]) + 1
    rows = ws.iter_rows()
    # iter_rows() pads the rows above the used range, so position i is Excel row i + 1.
    excel_row = 1
    while batch := list(islice(rows, _CHECK_EVERY)):
        yield list(zip(range(excel_row, excel_row + len(batch)), batch, strict=True))
        excel_row += len(batch)
        ticker.at(lo, hi, excel_row - 1, height)
    ticker.at(lo, hi, 1, 1)


def _sheet_candidates(wb: Any, sheet: str | int | None, file: str) -> list[str]:
    names: list[str] = list(wb.sheet_names)
    if not names:
        raise FileRejected(file, "the workbook has no sheets", "empty")
    if isinstance(sheet, int):
        if not 0 <= sheet < len(names):
            raise FileRejected(file, f"there is no sheet number {sheet + 1}", "no_sheet")
        return [names[sheet]]
    if isinstance(sheet, str):
        if sheet not in names:
            raise FileRejected(
                file, f"there is no sheet named '{sheet}' (sheets: {', '.join(names)})", "no_sheet"
            )
        return [sheet]
    import python_calamine as pc

    # Hidden sheets hold lookup lists and notes, never the export itself.
    visible = [
        meta.name
        for meta in wb.sheets_metadata
        if meta.visible == pc.SheetVisibleEnum.Visible and meta.typ == pc.SheetTypeEnum.WorkSheet
    ]
    return visible or names[:1]


def _calamine_failure(file: str, exc: BaseException) -> FileRejected:
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
        raise exc
    kind = type(exc).__name__
    if kind == "PasswordError":
        return FileRejected(file, "the workbook is password-protected", "encrypted")
    detail = str(exc).splitlines()[0][:200] if str(exc) else kind
    return FileRejected(file, f"the workbook is damaged or not a valid .xlsx ({detail})", "damaged")


# ------------------------------------------------------------------------------ csv


def _open_csv(
    p: Path,
    *,
    encoding: str | None,
    max_bytes: int,
    max_cell_chars: int,
    header_hint: HeaderHint | None,
    header_min_score: int,
    clean: bool,
    ticker: _Ticker,
) -> TableStream:
    name = p.name
    try:
        size = p.stat().st_size
        with p.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise FileRejected(name, f"cannot open the file ({exc.strerror})", "unreadable") from exc
    if size > max_bytes:
        raise FileRejected(
            name, f"the file is {size / 1e6:,.0f} MB, over the {max_bytes / 1e6:,.0f} MB limit",
            "too_big",
        )
    if not head:
        raise UnknownLayout(f"{name}: the file is empty")
    if head.startswith(b"%PDF"):
        raise FileRejected(name, "this is a PDF document, not a CSV file", "not_csv")
    if head.startswith(_OLE2):
        raise FileRejected(
            name, "this is an old-style .xls workbook saved with a .csv name", "not_csv"
        )
    enc = encoding or _detect_encoding(p, head, ticker)
    ticker.at(0, 100, 1, 1)
    try:
        codecs.lookup(enc)
    except LookupError as exc:
        raise FileRejected(name, f"unknown text encoding '{enc}'", "encoding") from exc
    if b"\x00" in head and not enc.lower().startswith("utf-16"):
        raise FileRejected(name, "the file is binary, not a CSV text file", "not_csv")
    # GB18030 is our last guess: it is not checked over the whole file first (that
    # would decode it twice); a byte sequence it cannot read stops the reading instead.
    guessed = encoding is None and enc == "gb18030"

    asm = _Assembler(
        name,
        max_cell_chars=max_cell_chars,
        header_hint=header_hint,
        header_min_score=header_min_score,
        clean_all=clean,
        all_text=True,
    )
    batches = _csv_batches(p, enc, size, ticker, guessed)
    try:
        asm.find_header(batches)
    except BaseException:
        batches.close()
        raise
    return TableStream(p, asm, batches, encoding=enc)


def _csv_batches(p: Path, enc: str, size: int, ticker: _Ticker, guessed: bool) -> Batches:
    name = p.name
    try:
        with (
            p.open("rb") as raw,
            io.TextIOWrapper(raw, encoding=enc, errors="strict", newline="") as text,
        ):
            delimiter = _sniff_delimiter(text.read(65536))
            text.seek(0)
            reader = csv.reader(text, delimiter=delimiter)
            record = 1
            while True:
                try:
                    batch = list(islice(reader, _CHECK_EVERY))
                except csv.Error as exc:
                    raise _csv_failure(name, exc) from exc
                if not batch:
                    break
                yield list(zip(range(record, record + len(batch)), batch, strict=True))
                record += len(batch)
                ticker.at(100, 1000, raw.tell(), size)
    except UnicodeDecodeError as exc:
        if guessed:
            raise FileRejected(
                name, "cannot tell the text encoding (not UTF-8 or GBK); save it as UTF-8 CSV",
                "encoding",
            ) from exc
        raise FileRejected(
            name, f"the file is not valid {enc} text; save it as UTF-8 CSV", "encoding"
        ) from exc
    except OSError as exc:
        raise FileRejected(name, f"cannot read the file ({exc.strerror})", "unreadable") from exc
    ticker.at(100, 1000, 1, 1)


def _csv_failure(name: str, exc: csv.Error) -> FileRejected:
    msg = str(exc)
    if "field larger than field limit" in msg:
        return FileRejected(
            name, "a cell is longer than 32,767 characters (damaged or crafted file)",
            "cell_too_long",
        )
    if "NUL" in msg:
        return FileRejected(name, "the file contains NUL bytes: not a CSV text file", "not_csv")
    return FileRejected(name, f"the CSV is malformed ({msg})", "damaged")


def _detect_encoding(p: Path, head: bytes, ticker: _Ticker) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    # Strict UTF-8 over the whole file (it is cheap, C speed, and a Chinese GBK file
    # fails within its first line); anything else from a Chinese shop is GBK, which
    # GB18030 extends.
    size = max(p.stat().st_size, 1)
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    try:
        with p.open("rb") as f:
            done = 0
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
                done += len(chunk)
                ticker.at(0, 100, done, size)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def _sniff_delimiter(sample: str) -> str:
    lines = [ln for ln in sample.splitlines() if ln.strip()][:5]
    best, best_count = ",", 0
    for cand in (",", "\t", ";", "|"):
        count = sum(ln.count(cand) for ln in lines)
        if count > best_count:
            best, best_count = cand, count
    return best
