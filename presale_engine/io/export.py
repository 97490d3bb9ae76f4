"""Exports: one base for every sheet the engine writes (rows and progress in, a file out).

Like pretix's exporters (STYLE.md): a subclass names its ``columns`` and yields
``rows()``; the base writes .xlsx or .csv, reports ``progress(done, total)``, honours
``cancel()`` and never leaves a partial file behind: it writes a temporary file beside
the target and renames it over the target only when everything was written.

.xlsx goes through xlsxwriter in constant-memory mode: rows stream to disk as they come,
so memory stays flat whatever the row count (bench/bench_export.py measured the other
writers; docs/DECISIONS.md, "Exports", says why this one). Every cell is written with
the call for its kind (``write_string``, ``write_number``, ``write_datetime``), never the
type-sniffing ``write()``, which would turn a buyer called "=1+1" into a formula.
Money is a number with as many decimals as the amount has ("0.00" for fen and cents),
so the cell shows exactly the ``Decimal`` it came from; order numbers are text.

CSV is UTF-8 with a byte-order mark (Excel then reads Chinese correctly) or GB18030 on
request. A cell that a spreadsheet would run as a formula (it starts with = + - @, a tab
or a carriage return) is written ``="…"``: Excel and WPS show the original text and
evaluate nothing, and our importer (``io.tables.clean_text``) reads the original back.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar, Literal

from ..errors import InputError, PresaleError
from .errors import Cancelled

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

ColumnKind = Literal["text", "id", "money", "int", "number", "percent", "datetime", "date",
                     "any"]
"""How a column's cells are written.

``text``: user or platform text, always a text cell (guarded in CSV). ``id``: order,
tracking and SKU numbers: text that must keep every digit (in CSV, one that Excel would
read as a number or a date is written ``="…"``, so 19 digits do not become 6.9E+18).
``money``: ``Decimal``, exact. ``int``. ``number``: a ``Decimal`` or ``int`` with the
column's ``num_format`` (default one decimal).
``percent``: a ``Decimal`` fraction (0.975 shows 97.50%). ``datetime``: aware (shown in
the exporter's time zone) or naive local. ``date``. ``any``: decided per cell from the
Python type, or by wrapping the value in ``Value`` (summary sheets mix kinds in a column).
"""

LANGS = ("zh", "en")
FORMATS = ("xlsx", "csv")
ENCODINGS = ("utf-8-sig", "gb18030")

# OWASP "CSV injection": cells starting with these are run as formulas by Excel, WPS or
# LibreOffice. The full-width forms are added because CJK input methods produce them
# and some spreadsheet builds accept them as formula starters; wrapping them is harmless.
FORMULA_TRIGGERS = frozenset("=+-@\t\r") | frozenset("＝＋－＠")
# Characters of what Excel's CSV reader turns into a number, date or time (6.9E+18,
# 2026/11/5, 1-2, 12:30, 50%). An id made only of these is wrapped in CSV.
_EXCEL_NUMBER_LIKE = re.compile(r"[0-9 .,:/+\-eE%]+")
# Excel refuses a string constant longer than this inside a formula.
_EXCEL_FORMULA_STRING_MAX = 255
XLSX_MAX_ROWS = 1_048_576  # per sheet, header included
XLSX_MAX_CHARS = 32_767  # per cell
_SHEET_NAME_BAD = str.maketrans({c: "_" for c in "[]:*?/\\"})

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0.00%"
CSV_DATETIME = "%Y-%m-%d %H:%M:%S"
CSV_DATE = "%Y-%m-%d"

_YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}


class ExportCancelled(Cancelled):
    """The user cancelled an export; the target file was left as it was."""

    def __init__(self, file: str) -> None:
        PresaleError.__init__(self, f"{file}: the export was cancelled")
        self.file = file


@dataclass(frozen=True)
class Column:
    """One column: a stable key, its header in each language, its kind and width."""

    key: str
    zh: str
    en: str
    kind: ColumnKind = "text"
    width: float = 12.0
    num_format: str | None = None  # "number" columns: Excel format, e.g. "0.0"

    def header(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Value:
    """A cell of an ``any`` column with its own kind (a rate next to an amount)."""

    value: object
    kind: ColumnKind


@dataclass
class Sheet:
    """One sheet of a workbook: title (zh, en), columns and a row iterable."""

    title: tuple[str, str]
    columns: Sequence[Column]
    rows: Iterable[Sequence[object]]
    total: int | None = None  # rows expected, for progress; None when unknown
    autofilter: bool = True


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: the file, the data rows (all sheets), how long it took."""

    path: Path
    rows: int
    seconds: float
    format: str = "xlsx"
    sheets: tuple[str, ...] = field(default_factory=tuple)


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The file format: ``fmt`` if given, else from the suffix (.xlsx or .csv)."""
    if fmt is None:
        suffix = Path(path).suffix.lower()
        fmt = {".xlsx": "xlsx", ".csv": "csv"}.get(suffix)
        if fmt is None:
            raise InputError(f"{Path(path).name}: cannot tell the format from the name; "
                             "end it in .xlsx or .csv")
    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}' (xlsx or csv)")
    return fmt


def looks_like_formula(text: str) -> bool:
    """Would a spreadsheet run this cell as a formula if it were typed or read from CSV?"""
    return bool(text) and text[0] in FORMULA_TRIGGERS


def excel_text(text: str) -> str:
    """``="…"``: a CSV cell Excel shows as exactly ``text``, as text, running nothing.

    Longer than a formula string may be (255 characters), fall back to a leading single
    quote: still inert, but the quote stays visible and in a re-import.
    """
    if len(text) > _EXCEL_FORMULA_STRING_MAX:
        return "'" + text
    return '="' + text.replace('"', '""') + '"'


def excel_would_convert(text: str) -> bool:
    """Would Excel read this CSV cell as a number, date or time (losing digits, leading
    zeros, or the text itself)? True for digit strings like order numbers."""
    return _EXCEL_NUMBER_LIKE.fullmatch(text) is not None and any(c.isdigit() for c in text)


def csv_id(text: str) -> str:
    """An id for a CSV cell: ``="…"`` when Excel would convert it, else as is (guarded)."""
    if excel_would_convert(text) or looks_like_formula(text):
        return excel_text(text)
    return text


def csv_safe(text: str) -> str:
    """A user text for a CSV cell: unchanged unless a spreadsheet would run it."""
    return excel_text(text) if looks_like_formula(text) else text


def sheet_name(title: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique worksheet name (31 characters, none of []:*?/\\)."""
    base = (title.translate(_SHEET_NAME_BAD).strip("'") or "Sheet")[:31]
    used = {t.lower() for t in taken}
    name, n = base, 1
    while name.lower() in used:
        n += 1
        tail = f" ({n})"
        name = base[:31 - len(tail)] + tail
    return name


def money_decimals(value: Decimal) -> int:
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def money_format(decimals: int) -> str:
    return "0." + "0" * decimals if decimals > 0 else "0"


class Exporter:
    """Base of every export: columns and rows in, an .xlsx or .csv file out.

    Subclasses set ``columns`` and ``title`` and implement ``rows()`` (and ``total()``
    when they can count cheaply), or override ``sheets()`` for several sheets. Rows are
    sequences in column order. ``progress(done, total)`` is called about every
    ``progress_every`` rows and at the end, with data rows written so far and the
    expected total (0 when unknown); ``cancel()`` is polled at the same pace and stops
    the export with ``ExportCancelled``.
    """

    columns: ClassVar[Sequence[Column]] = ()
    title: ClassVar[tuple[str, str]] = ("数据", "Data")
    # CSV: write ids Excel would turn into numbers or dates as ="…" (see the module doc).
    csv_ids_as_text: ClassVar[bool] = True
    progress_every: ClassVar[int] = 1000
    max_rows_per_sheet: ClassVar[int] = XLSX_MAX_ROWS

    def __init__(self, *, lang: str = "zh", tz: tzinfo | None = None,
                 progress: Progress | None = None, cancel: CancelCheck | None = None) -> None:
        if lang not in LANGS:
            raise InputError(f"unknown language '{lang}' (zh or en)")
        self.lang = lang
        self.tz: tzinfo = tz or UTC
        self.progress = progress
        self.cancel = cancel
        self._file = ""
        self._done = 0
        self._total = 0

    # ------------------------------------------------------------------ to override
    def rows(self) -> Iterable[Sequence[object]]:
        raise NotImplementedError

    def total(self) -> int | None:
        return None

    def sheets(self) -> list[Sheet]:
        return [Sheet(self.title, self.columns, self.rows(), self.total())]

    # ------------------------------------------------------------------ helpers
    def label(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def yes_no(self, flag: bool) -> str:
        yes, no = _YES_NO[self.lang]
        return yes if flag else no

    def local(self, value: datetime | None) -> datetime | None:
        """An aware time as naive wall-clock time in the exporter's zone."""
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(self.tz).replace(tzinfo=None)

    # ------------------------------------------------------------------ writing
    def write(self, path: str | Path, *, fmt: str | None = None,
              encoding: str = "utf-8-sig") -> ExportReport:
        """Write the export to ``path`` (format from ``fmt`` or the suffix)."""
        started = time.perf_counter()
        target = Path(path)
        kind = format_for(target, fmt)
        if kind == "csv" and encoding.lower().replace("_", "-") not in ENCODINGS:
            raise InputError(f"unknown CSV encoding '{encoding}' (utf-8-sig or gb18030)")
        if not target.parent.is_dir():
            raise InputError(f"{target.parent}: no such folder")
        self._file = target.name
        self._done = 0
        self._check_cancel()
        sheets = self.sheets()
        if kind == "csv" and len(sheets) != 1:
            raise InputError(f"{target.name}: this export has {len(sheets)} sheets; "
                             "save it as .xlsx")
        totals = [s.total for s in sheets]
        self._total = sum(t for t in totals if t is not None) if None not in totals else 0
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                        suffix=".part")
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            if kind == "xlsx":
                names = self._write_xlsx(tmp, sheets)
            else:
                self._write_csv(tmp, sheets[0], encoding.lower().replace("_", "-"))
                names = [self._title(sheets[0])]
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        self._report()
        return ExportReport(target, self._done, time.perf_counter() - started, kind,
                            tuple(names))

    def _title(self, sheet: Sheet) -> str:
        return sheet.title[0] if self.lang == "zh" else sheet.title[1]

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ExportCancelled(self._file or "export")

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self._done, max(self._total, self._done) if self._total else 0)

    def _counted(self, rows: Iterable[Sequence[object]]) -> Iterator[Sequence[object]]:
        """Count rows, report progress and poll cancel every ``progress_every`` rows."""
        every = self.progress_every
        n = 0
        for row in rows:
            yield row
            n += 1
            if n == every:
                self._done += n
                n = 0
                self._check_cancel()
                self._report()
        self._done += n

    # ------------------------------------------------------------------ csv
    def _write_csv(self, tmp: Path, sheet: Sheet, encoding: str) -> None:
        convert = [self._csv_cell(c) for c in sheet.columns]
        width = len(convert)
        with tmp.open("w", encoding=encoding, newline="") as f:
            out = csv.writer(f, lineterminator="\r\n")
            out.writerow([csv_safe(c.header(self.lang)) for c in sheet.columns])
            for row in self._counted(sheet.rows):
                if len(row) != width:
                    raise ValueError(f"a row has {len(row)} cells for {width} columns")
                out.writerow([conv(v) for conv, v in zip(convert, row, strict=True)])

    def _csv_cell(self, col: Column) -> Callable[[object], str]:
        kind = col.kind

        def blank_or(fn: Callable[[Any], str]) -> Callable[[object], str]:
            return lambda v: "" if v is None or v == "" else fn(v)

        if kind == "text":
            return blank_or(lambda v: csv_safe(str(v)))
        if kind == "id":
            return blank_or(lambda v: self._csv_id(str(v)))
        if kind in ("money", "int", "number"):
            return blank_or(str)
        if kind == "percent":
            return blank_or(_percent_text)
        if kind == "datetime":
            return blank_or(lambda v: self._csv_datetime(v))
        if kind == "date":
            return blank_or(lambda v: v.strftime(CSV_DATE))
        return blank_or(self._csv_any)

    def _csv_id(self, v: str) -> str:
        return csv_id(v) if self.csv_ids_as_text else csv_safe(v)

    def _csv_datetime(self, v: datetime) -> str:
        local = self.local(v)
        assert local is not None
        return local.strftime(CSV_DATETIME)

    def _csv_any(self, v: object) -> str:
        kind, value = _any_kind(v)
        if kind == "bool":
            return self.yes_no(bool(value))
        if value is None or value == "":
            return ""
        if kind == "percent":
            return _percent_text(value)
        if kind == "datetime":
            assert isinstance(value, datetime)
            return self._csv_datetime(value)
        if kind == "date":
            assert isinstance(value, date)
            return value.strftime(CSV_DATE)
        if kind == "id":
            return self._csv_id(str(value))
        if kind == "text":
            return csv_safe(str(value))
        return str(value)

    # ------------------------------------------------------------------ xlsx
    def _write_xlsx(self, tmp: Path, sheets: Sequence[Sheet]) -> list[str]:
        import xlsxwriter  # type: ignore[import-untyped]

        # Constant-memory row data goes to temp files here until the workbook is closed.
        scratch = tempfile.mkdtemp(prefix="presale_xlsx_rows_")
        wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "tmpdir": scratch})
        try:
            book = _XlsxBook(wb, self)
            for sheet in sheets:
                book.add(sheet)
            wb.close()
            return book.names
        except BaseException:
            # Abandon the workbook without assembling it: close its row-data files
            # (xlsxwriter keeps one open per sheet until close()).
            for ws in wb.worksheets():
                fh = getattr(ws, "row_data_fh", None)
                if fh is not None and not fh.closed:
                    fh.close()
            raise
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def _percent_text(v: object) -> str:
    assert isinstance(v, Decimal | int | float)
    return f"{(Decimal(str(v)) * 100).quantize(Decimal('0.01'))}%"


def _any_kind(v: object) -> tuple[str, object]:
    """The kind of a cell in an ``any`` column (``bool`` is its own case)."""
    if isinstance(v, Value):
        return v.kind, v.value
    if isinstance(v, bool):
        return "bool", v
    if isinstance(v, Decimal):
        return "money", v
    if isinstance(v, int):
        return "int", v
    if isinstance(v, float):
        return "number", v
    if isinstance(v, datetime):
        return "datetime", v
    if isinstance(v, date):
        return "date", v
    return "text", v


class _XlsxBook:
    """Writes sheets into one xlsxwriter workbook, each cell with its typed call."""

    def __init__(self, wb: Any, exporter: Exporter) -> None:
        self.wb = wb
        self.ex = exporter
        self.names: list[str] = []
        self.head = wb.add_format({"bold": True, "bg_color": "#F2F2F2", "border": 1,
                                   "valign": "vcenter"})
        self.when = wb.add_format({"num_format": DATETIME_FORMAT})
        self.day = wb.add_format({"num_format": DATE_FORMAT})
        self.pct = wb.add_format({"num_format": PERCENT_FORMAT})
        self.whole = wb.add_format({"num_format": "0"})
        self._money: dict[int, Any] = {}
        self._numbers: dict[str, Any] = {}

    def money(self, decimals: int) -> Any:
        fmt = self._money.get(decimals)
        if fmt is None:
            fmt = self._money[decimals] = self.wb.add_format(
                {"num_format": money_format(decimals)})
        return fmt

    def number(self, num_format: str) -> Any:
        fmt = self._numbers.get(num_format)
        if fmt is None:
            fmt = self._numbers[num_format] = self.wb.add_format({"num_format": num_format})
        return fmt

    def _new_sheet(self, sheet: Sheet, part: int) -> Any:
        title = self.ex._title(sheet)
        if part > 1:
            title = f"{title} {part}"
        name = sheet_name(title, self.names)
        self.names.append(name)
        ws = self.wb.add_worksheet(name)
        ws.freeze_panes(1, 0)
        for c, col in enumerate(sheet.columns):
            ws.set_column(c, c, col.width)
            ws.write_string(0, c, col.header(self.ex.lang), self.head)
        return ws

    def add(self, sheet: Sheet) -> None:
        ncols = len(sheet.columns)
        limit = self.ex.max_rows_per_sheet - 1  # data rows per sheet
        part = 1
        ws = self._new_sheet(sheet, part)
        writers = [self._cell_writer(col) for col in sheet.columns]
        r = 0
        for row in self.ex._counted(sheet.rows):
            if r == limit:
                self._finish(ws, sheet, r, ncols)
                part += 1
                ws = self._new_sheet(sheet, part)
                r = 0
            if len(row) != ncols:
                raise ValueError(f"a row has {len(row)} cells for {ncols} columns")
            r += 1
            for c, v in enumerate(row):
                if v is not None and v != "":
                    writers[c](ws, r, c, v)
        self._finish(ws, sheet, r, ncols)

    def _finish(self, ws: Any, sheet: Sheet, rows: int, ncols: int) -> None:
        if sheet.autofilter and ncols:
            ws.autofilter(0, 0, rows, ncols - 1)

    def _cell_writer(self, col: Column) -> Callable[[Any, int, int, Any], object]:
        kind = col.kind
        if kind in ("text", "id"):
            return lambda ws, r, c, v: ws.write_string(r, c, v if isinstance(v, str) else str(v))
        if kind == "money":
            return self._write_money
        if kind == "int":
            return lambda ws, r, c, v: ws.write_number(r, c, v)
        if kind == "number":
            fmt = self.number(col.num_format or "0.0")
            return lambda ws, r, c, v: ws.write_number(r, c, float(v), fmt)
        if kind == "percent":
            return lambda ws, r, c, v: ws.write_number(r, c, float(v), self.pct)
        if kind == "datetime":
            return lambda ws, r, c, v: ws.write_datetime(r, c, self.ex.local(v), self.when)
        if kind == "date":
            return lambda ws, r, c, v: ws.write_datetime(r, c, v, self.day)
        return self._write_any

    def _write_money(self, ws: Any, r: int, c: int, v: Any) -> None:
        if isinstance(v, Decimal):
            ws.write_number(r, c, float(v), self.money(money_decimals(v)))
        else:
            ws.write_number(r, c, v, self.money(0))

    def _write_any(self, ws: Any, r: int, c: int, v: object) -> None:
        kind, value = _any_kind(v)
        if value is None or value == "":
            return
        if kind == "bool":
            ws.write_string(r, c, self.ex.yes_no(bool(value)))
        elif kind == "money":
            self._write_money(ws, r, c, value)
        elif kind == "int":
            ws.write_number(r, c, value, self.whole)
        elif kind == "number":
            ws.write_number(r, c, float(str(value)), self.number("0.0"))
        elif kind == "percent":
            ws.write_number(r, c, float(str(value)), self.pct)
        elif kind == "datetime":
            assert isinstance(value, datetime)
            ws.write_datetime(r, c, self.ex.local(value), self.when)
        elif kind == "date":
            ws.write_datetime(r, c, value, self.day)
        else:
            ws.write_string(r, c, str(value))
