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
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
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
    p = Path(path)
    ticker = _Ticker(p.name, progress, cancel)
    ticker.at(0, 0, 0, 1)
    try:
        with p.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise FileRejected(p.name, f"cannot open the file ({exc.strerror})", "unreadable") from exc
    if head.startswith(b"PK") or p.suffix.lower() not in _CSV_SUFFIXES:
        return _read_xlsx(
            p,
            sheet=sheet,
            max_uncompressed_bytes=max_uncompressed_bytes,
            max_cell_chars=max_cell_chars,
            max_cells=max_cells,
            header_hint=header_hint,
            header_min_score=header_min_score,
            ticker=ticker,
        )
    return _read_csv(
        p,
        encoding=encoding,
        max_bytes=max_uncompressed_bytes,
        max_cell_chars=max_cell_chars,
        header_hint=header_hint,
        header_min_score=header_min_score,
        ticker=ticker,
    )


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
    if isinstance(first, str) and first and first[0] not in _TOTAL_INITIALS:
        return False  # the common case, decided without a loop
    for c in row:
        if c == "" or c is None:
            continue
        if not isinstance(c, str):
            return False
        s = c.strip().rstrip(":：").strip()
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
    """Finds the header among the first rows, then collects cleaned data rows."""

    def __init__(
        self,
        file: str,
        *,
        max_cell_chars: int,
        header_hint: HeaderHint | None,
        header_min_score: int,
        clean_all: bool,
    ) -> None:
        self.file = file
        self.max_cell_chars = max_cell_chars
        self.hint = header_hint
        self.min_score = header_min_score
        self.clean_all = clean_all
        self.pending: list[tuple[int, list[object]]] = []
        self.headers: list[str] | None = None
        self.header_row = 0
        self.width = 0
        self.rows: list[tuple[int, list[object]]] = []
        self.blank = 0
        self.totals: list[int] = []

    def add(self, excel_row: int, raw: list[Any]) -> None:
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
            return
        if self.headers is None:
            self.pending.append((excel_row, row))
            if self._try_header():
                return
            if len(self.pending) >= HEADER_SEARCH_ROWS:
                self._fail()
            return
        if _is_totals(row):
            self.totals.append(excel_row)
            return
        n = len(row)
        if n < self.width:
            row.extend([""] * (self.width - n))
        elif n > self.width:
            del row[self.width :]
        self.rows.append((excel_row, row))

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
        if self.headers is not None:
            return
        if self.pending and self.hint is None:
            # Only single-cell rows: take the first one rather than fail.
            excel_row, row = self.pending[0]
            self.headers = [_header_text(c) if c != "" else "" for c in row]
            self.header_row = excel_row
            self.width = len(self.headers)
            for r, cells in self.pending[1:]:
                self.rows.append((r, (cells + [""] * self.width)[: self.width]))
            return
        self._fail()

    def _fail(self) -> None:
        if not self.pending:
            raise UnknownLayout(f"{self.file}: the sheet is empty")
        first = [_header_text(c) for c in self.pending[0][1] if c != ""][:8]
        raise UnknownLayout(
            f"{self.file}: no header row with known column names in the first "
            f"{HEADER_SEARCH_ROWS} rows (first row reads: {' | '.join(first)})"
        )


# ----------------------------------------------------------------------------- xlsx


def _read_xlsx(
    p: Path,
    *,
    sheet: str | int | None,
    max_uncompressed_bytes: int,
    max_cell_chars: int,
    max_cells: int,
    header_hint: HeaderHint | None,
    header_min_score: int,
    ticker: _Ticker,
) -> Table:
    name = p.name
    inspect_xlsx(  # sniffs the file first: PDF, old .xls, truncated zip...
        p,
        max_uncompressed_bytes=max_uncompressed_bytes,
        max_cells=max_cells,
        on_bytes=lambda done, total: ticker.at(0, 400, done, total),
    )
    # Imported late: python-calamine is a compiled extension we only need for xlsx.
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_path(str(p))
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
            try:
                return _table_from_sheet(
                    p, ws, sheet_name, max_cell_chars, header_hint, header_min_score,
                    ticker, lo, hi,
                )
            except UnknownLayout as exc:
                last_error = exc
        assert last_error is not None
        raise last_error
    finally:
        wb.close()


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


def _table_from_sheet(
    p: Path,
    ws: Any,
    sheet_name: str,
    max_cell_chars: int,
    header_hint: HeaderHint | None,
    header_min_score: int,
    ticker: _Ticker,
    lo: int,
    hi: int,
) -> Table:
    asm = _Assembler(
        p.name,
        max_cell_chars=max_cell_chars,
        header_hint=header_hint,
        header_min_score=header_min_score,
        clean_all=False,
    )
    if ws.start is None:  # empty sheet; iter_rows() would panic on it
        asm.finish()
    height = int(ws.end[0]) + 1
    # iter_rows() pads the rows above the used range, so position i is Excel row i + 1.
    for excel_row, raw in enumerate(ws.iter_rows(), start=1):
        asm.add(excel_row, raw)
        if excel_row % _CHECK_EVERY == 0:
            ticker.at(lo, hi, excel_row, height)
    asm.finish()
    ticker.at(lo, hi, 1, 1)
    assert asm.headers is not None
    return Table(
        path=p,
        headers=asm.headers,
        header_row=asm.header_row,
        rows=asm.rows,
        sheet=sheet_name,
        skipped_blank=asm.blank,
        skipped_totals=asm.totals,
    )


def _calamine_failure(file: str, exc: BaseException) -> FileRejected:
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
        raise exc
    kind = type(exc).__name__
    if kind == "PasswordError":
        return FileRejected(file, "the workbook is password-protected", "encrypted")
    detail = str(exc).splitlines()[0][:200] if str(exc) else kind
    return FileRejected(file, f"the workbook is damaged or not a valid .xlsx ({detail})", "damaged")


# ------------------------------------------------------------------------------ csv


def _read_csv(
    p: Path,
    *,
    encoding: str | None,
    max_bytes: int,
    max_cell_chars: int,
    header_hint: HeaderHint | None,
    header_min_score: int,
    ticker: _Ticker,
) -> Table:
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
    try:
        codecs.lookup(enc)
    except LookupError as exc:
        raise FileRejected(name, f"unknown text encoding '{enc}'", "encoding") from exc
    if b"\x00" in head and not enc.lower().startswith("utf-16"):
        raise FileRejected(name, "the file is binary, not a CSV text file", "not_csv")

    asm = _Assembler(
        name,
        max_cell_chars=max_cell_chars,
        header_hint=header_hint,
        header_min_score=header_min_score,
        clean_all=True,
    )
    try:
        with (
            p.open("rb") as raw,
            io.TextIOWrapper(raw, encoding=enc, errors="strict", newline="") as text,
        ):
            delimiter = _sniff_delimiter(text.read(65536))
            text.seek(0)
            reader = csv.reader(text, delimiter=delimiter)
            for record, cells in enumerate(_guarded(reader, name), start=1):
                asm.add(record, cells)
                if record % _CHECK_EVERY == 0:
                    ticker.at(100, 1000, raw.tell(), size)
    except UnicodeDecodeError as exc:
        raise FileRejected(
            name, f"the file is not valid {enc} text; save it as UTF-8 CSV", "encoding"
        ) from exc
    except OSError as exc:
        raise FileRejected(name, f"cannot read the file ({exc.strerror})", "unreadable") from exc
    asm.finish()
    ticker.at(100, 1000, 1, 1)
    assert asm.headers is not None
    return Table(
        path=p,
        headers=asm.headers,
        header_row=asm.header_row,
        rows=asm.rows,
        encoding=enc,
        skipped_blank=asm.blank,
        skipped_totals=asm.totals,
    )


def _guarded(reader: Iterable[list[str]], name: str) -> Iterator[list[str]]:
    it = iter(reader)
    while True:
        try:
            cells = next(it)
        except StopIteration:
            return
        except csv.Error as exc:
            msg = str(exc)
            if "field larger than field limit" in msg:
                raise FileRejected(
                    name, "a cell is longer than 32,767 characters (damaged or crafted file)",
                    "cell_too_long",
                ) from exc
            if "NUL" in msg:
                raise FileRejected(name, "the file contains NUL bytes: not a CSV text file",
                                   "not_csv") from exc
            raise FileRejected(name, f"the CSV is malformed ({msg})", "damaged") from exc
        yield cells


def _detect_encoding(p: Path, head: bytes, ticker: _Ticker) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    # Strict UTF-8 over the whole file (it is cheap, C speed); anything else from a
    # Chinese shop is GBK, which GB18030 extends.
    size = max(p.stat().st_size, 1)
    for enc in ("utf-8", "gb18030"):
        decoder = codecs.getincrementaldecoder(enc)(errors="strict")
        try:
            with p.open("rb") as f:
                done = 0
                while chunk := f.read(1 << 20):
                    decoder.decode(chunk)
                    done += len(chunk)
                    ticker.at(0, 100, done, size)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return enc
    raise FileRejected(
        p.name, "cannot tell the text encoding (not UTF-8 or GBK); save it as UTF-8 CSV",
        "encoding",
    )


def _sniff_delimiter(sample: str) -> str:
    lines = [ln for ln in sample.splitlines() if ln.strip()][:5]
    best, best_count = ",", 0
    for cand in (",", "\t", ";", "|"):
        count = sum(ln.count(cand) for ln in lines)
        if count > best_count:
            best, best_count = cand, count
    return best
