"""Pre-flight safety checks for an .xlsx file, run before any spreadsheet parser sees it.

python-calamine is fast but trusts the file, and some failures are not exceptions at all:
a single cell at ``XFD1048576`` (or a forged ``<sst uniqueCount>``) makes its Rust core
allocate hundreds of GB and the whole process aborts. Add the classic zip bombs and
entity-expansion tricks, and a shop owner double-clicking a bad attachment would lose
the app. So we read every XML part once ourselves, streaming through ``zlib`` with a
bounded output size, and check:

* the zip is real and complete, entries are not encrypted, sizes and CRCs are honest;
* the declared total stays under a cap, and no entry unpacks to more than it declares;
* no XML part carries a DTD or entity declaration, or a non-UTF-8 encoding we cannot scan;
* every worksheet's real extent (what calamine will allocate) stays under a cell cap;
* the shared-strings table does not claim more entries than it holds.

Only then is the file handed to calamine. The scan costs roughly a third of calamine's
own load time on a large sheet (bench/bench_import.py: 1.7 s against 5 s for 200,000 rows
x 34 columns). Most of that is inflating the zip; the extent check reads each block's
``<row r>`` numbers and then runs one allocation-free regex that matches only a tag
*outside* the extent known so far (or without a plain leading reference). Only blocks
where it matches (the first, a wider row, anything unusual) get the per-tag scan, and
only odd layouts the exact expat pass, so the result is the same as scanning every tag.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from presale_engine.io.errors import FileRejected

# Compressed bytes read per step, and the most one zlib call may produce: together they
# bound memory no matter how compressible (or hostile) an entry is.
_READ = 1 << 20
_OUT = 4 << 20
_MAX_MEMBERS = 10_000
# A run this long without '<' is one text node or tag; no legitimate order export has
# one (Excel's own cell limit is 32,767 characters, well under 1 MB even in UTF-8).
_MAX_RUN = 4 << 20
_EXCEL_MAX_ROW = 1_048_576
_EXCEL_MAX_COL = 16_384

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_DTD = re.compile(rb"<!\s*(?:doctype|entity)", re.IGNORECASE)
# Fast path: Excel, WPS, openpyxl, xlsxwriter and POI all write every <row>/<c> as
# '<c r="B7"' with the reference first. Anything else (a prefix, another attribute
# first, no reference, an entity inside it) is "odd" and sends the part to the exact
# (slower) expat pass, so crafted layouts cannot slip past the cheap regexes.
_TAG_REF = re.compile(rb'<(?:c|row)(?=[\s/>])(?: r="([A-Z]{0,3})(\d{1,7})")?')
_PREFIXED_TAG = re.compile(rb":(?:c|row)[\s/>]")
_SHEET_PART = re.compile(r"^/?xl/(?:worksheets|dialogsheets|macrosheets|chartsheets)/", re.I)
_XML_PART = re.compile(r"\.(?:xml|rels|vml)$", re.I)
_SST_TAG = re.compile(rb"<(?:[\w.-]+:)?sst[\s>]")
_UNIQUE_COUNT = re.compile(rb"""uniqueCount\s*=\s*["']\s*(\d+)""")
_SI_TAG = re.compile(rb"<(?:[\w.-]+:)?si[\s/>]")
_ROW_REF = re.compile(rb'<row r="(\d{1,7})')
_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)""")
_CELL_REF = re.compile(r"^\s*([A-Za-z]{0,3})(\d{0,7})\s*$")

_first = itemgetter(0)
_second = itemgetter(1)


@dataclass
class SheetExtent:
    """How big calamine's dense grid for one worksheet part will be (1-based)."""

    rows: int = 0
    cols: int = 0
    exact: bool = False

    @property
    def cells(self) -> int:
        return self.rows * self.cols


@dataclass
class XlsxFacts:
    """What the scan learnt; mostly useful to tests and diagnostics."""

    declared_bytes: int = 0
    scanned_bytes: int = 0
    sheets: dict[str, SheetExtent] = field(default_factory=dict)


def col_number(letters: str | bytes) -> int:
    """``"A"`` -> 1, ``"XFD"`` -> 16384 (case-insensitive)."""
    text = letters.decode("ascii") if isinstance(letters, bytes) else letters
    n = 0
    for ch in text.upper():
        n = n * 26 + (ord(ch) - 64)
    return n


def sniff_file(path: Path) -> None:
    """Refuse files that are not a complete zip before anything opens them."""
    name = path.name
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise FileRejected(name, f"cannot open the file ({exc.strerror})", "unreadable") from exc
    if not head:
        raise FileRejected(name, "the file is empty", "empty")
    if head.startswith(b"%PDF"):
        raise FileRejected(name, "this is a PDF document, not an Excel workbook", "not_xlsx")
    if head.startswith(_OLE2):
        raise FileRejected(
            name,
            "this is an old-style .xls workbook or a password-protected file; "
            "open it in Excel or WPS and save it as .xlsx",
            "ole2",
        )
    if not head.startswith(b"PK"):
        raise FileRejected(name, "this is not an .xlsx workbook (unrecognised content)", "not_xlsx")
    if not zipfile.is_zipfile(path):
        raise FileRejected(
            name, "the workbook is damaged or truncated (its zip directory is missing)", "damaged"
        )


def inspect_xlsx(
    path: Path,
    *,
    max_uncompressed_bytes: int,
    max_cells: int,
    on_bytes: Callable[[int, int], None] | None = None,
    on_workbook_checked: Callable[[], None] | None = None,
) -> XlsxFacts:
    """Check ``path`` as described in the module docstring; raise ``FileRejected``.

    ``on_bytes(done, total)`` is called as parts are scanned (uncompressed bytes); it
    may raise (e.g. ``Cancelled``) to stop the scan. The worksheets are scanned last;
    ``on_workbook_checked()`` is called when everything else (the zip, the workbook,
    the shared strings, styles...) has passed, which is all that opening the workbook
    reads: the caller may start opening it then, beside the worksheet scan, but must
    not load a worksheet before this function returns.
    """
    name = path.name
    sniff_file(path)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise FileRejected(name, f"the workbook is damaged ({exc})", "damaged") from exc

    if len(infos) > _MAX_MEMBERS:
        raise FileRejected(name, f"the zip holds {len(infos)} entries; not a workbook", "too_big")
    facts = XlsxFacts(declared_bytes=sum(i.file_size for i in infos))
    if facts.declared_bytes > max_uncompressed_bytes:
        raise FileRejected(
            name,
            f"it would unpack to {_mb(facts.declared_bytes)}, over the "
            f"{_mb(max_uncompressed_bytes)} limit (a zip bomb, or far too big to import)",
            "too_big",
        )
    names = {i.filename.replace("\\", "/").lstrip("/").lower() for i in infos}
    if "xl/workbook.xml" not in names:
        raise FileRejected(
            name, "this zip file is not an Excel workbook (no xl/workbook.xml)", "not_xlsx"
        )

    xml_infos = [i for i in infos if not i.is_dir() and _XML_PART.search(i.filename)]
    # Worksheets last (a stable sort keeps the zip's order otherwise).
    xml_infos.sort(key=lambda i: bool(_SHEET_PART.match(i.filename.replace("\\", "/"))))
    total = sum(i.file_size for i in xml_infos)
    done = 0
    announced = False
    try:
        with path.open("rb") as raw:
            for info in xml_infos:
                part = info.filename.replace("\\", "/")
                if not announced and _SHEET_PART.match(part):
                    announced = True
                    if on_workbook_checked is not None:
                        on_workbook_checked()
                if info.flag_bits & 0x1:
                    raise FileRejected(name, "the workbook is password-protected", "encrypted")
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise FileRejected(
                        name, f"part {part} uses an unsupported compression method", "damaged"
                    )
                scanner = _PartScanner(name, part, sheet=bool(_SHEET_PART.match(part)))
                for block in _unpack(raw, info, name):
                    scanner.feed(block)
                    done += len(block)
                    if on_bytes is not None:
                        on_bytes(done, total)
                scanner.close()
                if scanner.extent is not None and scanner.needs_exact:
                    scanner.extent = _exact_extent(raw, info, name, part)
                if scanner.extent is not None:
                    _check_extent(name, part, scanner.extent, max_cells)
                    facts.sheets[part] = scanner.extent
    except OSError as exc:
        raise FileRejected(name, f"cannot read the file ({exc.strerror})", "unreadable") from exc
    if not announced and on_workbook_checked is not None:
        on_workbook_checked()  # a workbook without worksheets
    facts.scanned_bytes = done
    return facts


def _mb(n: int) -> str:
    return f"{n / 1_000_000:,.0f} MB"


def _check_extent(name: str, part: str, ext: SheetExtent, max_cells: int) -> None:
    if ext.rows > _EXCEL_MAX_ROW or ext.cols > _EXCEL_MAX_COL:
        raise FileRejected(
            name, f"sheet {part} refers to cells outside Excel's grid (crafted file?)", "forged"
        )
    if ext.cells > max_cells:
        raise FileRejected(
            name,
            f"sheet {part} spans {ext.rows:,} rows x {ext.cols:,} columns = {ext.cells:,} "
            f"cells, over the {max_cells:,}-cell limit (a far-away cell or a crafted file)",
            "too_many_cells",
        )


def _unpack(raw: BinaryIO, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """Yield the entry's uncompressed bytes in bounded blocks, verifying size and CRC.

    We decompress from the raw stream rather than ``ZipFile.open`` because the latter
    silently stops at the *declared* size: an entry that lies about its size would pass
    here yet be unpacked in full by calamine's own zip reader.
    """
    part = info.filename
    raw.seek(info.header_offset)
    local = raw.read(30)
    if len(local) != 30 or local[:4] != b"PK\x03\x04":
        raise FileRejected(name, f"the workbook is damaged (bad header for {part})", "damaged")
    name_len, extra_len = struct.unpack("<HH", local[26:30])
    raw.seek(info.header_offset + 30 + name_len + extra_len)
    remaining = info.compress_size
    produced = 0
    crc = 0

    def account(out: bytes) -> None:
        nonlocal produced, crc
        produced += len(out)
        if produced > info.file_size:
            raise FileRejected(
                name,
                f"part {part} unpacks to more than the {info.file_size:,} bytes it declares "
                "(a zip bomb?)",
                "zip_bomb",
            )
        crc = zlib.crc32(out, crc)

    if info.compress_type == zipfile.ZIP_STORED:
        while remaining:
            data = raw.read(min(_READ, remaining))
            if not data:
                raise _truncated(name)
            remaining -= len(data)
            account(data)
            yield data
    else:
        d = zlib.decompressobj(-15)
        try:
            while remaining and not d.eof:
                data = raw.read(min(_READ, remaining))
                if not data:
                    raise _truncated(name)
                remaining -= len(data)
                while data:
                    out = d.decompress(data, _OUT)
                    data = d.unconsumed_tail
                    if out:
                        account(out)
                        yield out
            while not d.eof:
                out = d.decompress(b"", _OUT)
                if not out:
                    break
                account(out)
                yield out
        except zlib.error as exc:
            raise FileRejected(name, f"the workbook is damaged ({part}: {exc})", "damaged") from exc
        if not d.eof:
            raise _truncated(name)
    if produced != info.file_size or crc != info.CRC:
        raise FileRejected(name, f"the workbook is damaged (checksum error in {part})", "damaged")


def _truncated(name: str) -> FileRejected:
    return FileRejected(name, "the workbook is truncated (incomplete download?)", "damaged")


def _count_si(buf: bytes, start: int, end: int) -> int:
    """``len(_SI_TAG.findall(buf, start, end))`` without building the list, usually."""
    plain = buf.count(b"<si>", start, end)
    if buf.find(b":si", start, end) < 0 and buf.count(b"<si", start, end) == plain:
        return plain
    return len(_SI_TAG.findall(buf, start, end))


_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _at_most(text: str, alphabet: str, anything: str) -> str:
    """A regex for the strings of ``len(text)`` characters of ``alphabet`` that do not
    sort after ``text`` (for digits or column letters of one length: the numbers up to
    it), as a trie so each position is tested once."""
    head, rest = text[0], text[1:]
    lower = alphabet[: alphabet.index(head)]
    options = []
    if lower:
        tail = f"{anything}{{{len(rest)}}}" if rest else ""
        options.append(f"[{lower[0]}-{lower[-1]}]{tail}")
    options.append(f"{head}(?:{_at_most(rest, alphabet, anything)})" if rest else head)
    return "|".join(options)


def _column_letters(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = _LETTERS[rem] + letters
    return letters


@lru_cache(maxsize=256)
def _outlier_probe(rows: int, cols: int) -> re.Pattern[bytes]:
    """A pattern for any <c>/<row> tag that ``_TAG_REF`` would not read as a plain
    reference within (rows, cols). It is a negative lookahead on the ordinary form, so
    an ordinary cell costs one short test. It may also match harmless tags (a leading
    zero, a long run of digits): that only sends the block to the exact scan."""
    if cols > 0:
        letters = _column_letters(cols)
        shorter = f"|[A-Z]{{0,{len(letters) - 1}}}+" if len(letters) > 1 else "|"
        small_letters = "(?:" + _at_most(letters, _LETTERS, "[A-Z]") + shorter + ")"
    else:
        small_letters = ""
    if rows > 0:
        digits = str(rows)
        shorter = rf"|\d{{1,{len(digits) - 1}}}+" if len(digits) > 1 else ""
        small_digits = "(?:" + _at_most(digits, _DIGITS, r"\d") + shorter + r")(?!\d)"
    else:
        small_digits = "(?!)"
    pattern = rf'<(?:c|row)(?=[\s/>])(?! r="{small_letters}{small_digits})'
    return re.compile(pattern.encode("ascii"))


class _PartScanner:
    """Streaming checks over one XML part; blocks are cut at tag starts."""

    def __init__(self, file: str, part: str, *, sheet: bool) -> None:
        self.file = file
        self.part = part
        self.extent: SheetExtent | None = SheetExtent() if sheet else None
        self.needs_exact = False
        self._carry = b""
        self._first = True
        self._is_sst = False
        self._unique_count = 0
        self._si_count = 0

    def feed(self, data: bytes) -> None:
        # Blocks are scanned in place (regex pos/endpos, find/count ranges) rather than
        # sliced: copying every 4 MB block twice cost as much as a regex pass.
        start = 0
        if self._carry:
            first = data.find(b"<")
            if first < 0:
                buf = self._carry + data  # still inside one tag or text run
                if len(buf) > _MAX_RUN:
                    raise self._run_too_long()
                self._carry = buf
                return
            # The carried tag ends before the block's first '<': scan it on its own.
            seam = self._carry + data[:first]
            self._carry = b""
            self._scan(seam, 0, len(seam))
            start = first
        cut = data.rfind(b"<")
        if cut <= 0 and start == 0:
            # Keep waiting for the next tag unless the run is absurdly long.
            if len(data) > _MAX_RUN:
                raise self._run_too_long()
            if cut < 0:
                self._scan(data, 0, len(data))
            else:
                self._carry = data
            return
        if cut > start:
            self._scan(data, start, cut)
        self._carry = data[cut:]

    def _run_too_long(self) -> FileRejected:
        return FileRejected(
            self.file,
            f"part {self.part} has a single value or tag over 4 MB (crafted file?)",
            "cell_too_long",
        )

    def close(self) -> None:
        if self._carry:
            self._scan(self._carry, 0, len(self._carry))
            self._carry = b""
        if self._is_sst and self._unique_count > self._si_count + 1024:
            raise FileRejected(
                self.file,
                f"the shared-strings table claims {self._unique_count:,} entries but holds "
                f"{self._si_count:,} (crafted to exhaust memory?)",
                "forged",
            )

    def _scan(self, buf: bytes, start: int, end: int) -> None:
        """Check ``buf[start:end]``, a run of whole tags (it ends before a '<')."""
        if self._first:
            self._first = False
            self._check_head(buf[start : start + 65536])
        # Rare bytes first: memchr-speed scans that almost never find anything.
        if buf.find(b"!", start, end) >= 0 and _DTD.search(buf, start, end):
            raise FileRejected(
                self.file,
                f"part {self.part} contains a DTD or entity declaration "
                "(entity-expansion attack?)",
                "xml_dtd",
            )
        if self._is_sst:
            self._si_count += _count_si(buf, start, end)
        ext = self.extent
        if ext is None or self.needs_exact:
            return
        if buf.find(b":", start, end) >= 0 and _PREFIXED_TAG.search(buf, start, end):
            self.needs_exact = True
            return
        # Fast path: the block's row numbers (one per row of cells) give a row bound;
        # one allocation-free regex pass then proves that no tag lies beyond the extent
        # known so far or lacks a plain reference. Only a block where one does (the
        # first block, a wider row, anything odd) pays for the per-tag scan below.
        row_refs = _ROW_REF.findall(buf, start, end)
        rows = max(ext.rows, max(map(int, row_refs))) if row_refs else ext.rows
        if _outlier_probe(rows, ext.cols).search(buf, start, end) is None:
            ext.rows = rows
            return
        refs = _TAG_REF.findall(buf, start, end)
        if not refs:
            return
        # Sets first: a block holds millions of refs but only a few distinct values.
        row_set = set(map(_second, refs))
        if b"" in row_set:  # a <c>/<row> without a plain leading reference
            self.needs_exact = True
            return
        letters = set(map(_first, refs))
        letters.discard(b"")
        if letters:
            ext.cols = max(ext.cols, max(map(col_number, letters)))
        ext.rows = max(ext.rows, max(map(int, row_set)))

    def _check_head(self, block: bytes) -> None:
        if block.startswith((b"\xff\xfe", b"\xfe\xff")) or (
            len(block) > 1 and block[1:2] == b"\x00"
        ):
            raise FileRejected(
                self.file, f"part {self.part} is UTF-16 encoded; not supported", "encoding"
            )
        m = _DECL_ENCODING.match(block[:512].lstrip(b"\xef\xbb\xbf"))
        if m and m.group(1).strip().lower() not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
            raise FileRejected(
                self.file,
                f"part {self.part} declares encoding {m.group(1).decode('ascii', 'replace')}; "
                "only UTF-8 is supported",
                "encoding",
            )
        head = block[:65536]
        sst = _SST_TAG.search(head)
        if sst:
            self._is_sst = True
            tag_end = head.find(b">", sst.start())
            unique = _UNIQUE_COUNT.search(head, sst.start(), tag_end if tag_end > 0 else len(head))
            if unique:
                self._unique_count = int(unique.group(1))


def _exact_extent(raw: BinaryIO, info: zipfile.ZipInfo, name: str, part: str) -> SheetExtent:
    """Compute the grid calamine will allocate by really parsing the part (expat).

    Follows calamine's rules: a row or cell without ``r`` takes the next index.
    """
    ext = SheetExtent(exact=True)
    row = 0  # 1-based index of the current row
    col = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal row, col
        local = tag.rsplit(" ", 1)[-1]
        if local == "row":
            ref = attrs.get("r")
            row = int(ref) if ref and ref.strip().isdigit() else row + 1
            col = 0
            ext.rows = max(ext.rows, row)
        elif local == "c":
            ref = attrs.get("r")
            m = _CELL_REF.match(ref) if ref is not None else None
            if m and (m.group(1) or m.group(2)):
                if m.group(1):
                    col = col_number(m.group(1))
                else:
                    col += 1
                if m.group(2):
                    ext.rows = max(ext.rows, int(m.group(2)))
            elif ref is not None:
                raise FileRejected(name, f"sheet {part} has a malformed cell reference", "forged")
            else:
                col += 1
            ext.cols = max(ext.cols, col)
            ext.rows = max(ext.rows, row)

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    try:
        for block in _unpack(raw, info, name):
            parser.Parse(block, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise FileRejected(name, f"sheet {part} is not well-formed XML ({exc})", "damaged") from exc
    return ext
