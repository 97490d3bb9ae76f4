"""Hostile and broken files end in a clear FileRejected, never a crash or a memory blow-up.

Every file is generated here. A regression in the guard would not fail politely: the
'far cell' files make python-calamine abort the whole test process.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from io_xlsx_parts import NS, XML_DECL, XlsxBuilder, inline_cell, sheet_xml

from presale_engine.io import Cancelled, FileRejected, read_orders, read_table
from presale_engine.io.xlsxguard import inspect_xlsx


def rejected(
    path: Path, *, max_uncompressed_bytes: int = 200_000_000, max_cells: int = 25_000_000
) -> FileRejected:
    with pytest.raises(FileRejected) as exc:
        read_table(path, max_uncompressed_bytes=max_uncompressed_bytes, max_cells=max_cells)
    assert exc.value.file == path.name
    assert path.name in str(exc.value)
    return exc.value


def test_truncated_download(shared_data: Path, tmp_path: Path) -> None:
    data = (shared_data / "douyin_orders.xlsx").read_bytes()
    path = tmp_path / "half.xlsx"
    path.write_bytes(data[: len(data) // 2])
    err = rejected(path)
    assert err.reason_code == "damaged"
    assert "truncated" in err.reason


def test_corrupted_entry_fails_its_checksum(shared_data: Path, tmp_path: Path) -> None:
    data = bytearray((shared_data / "douyin_orders.xlsx").read_bytes())
    with zipfile.ZipFile(shared_data / "douyin_orders.xlsx") as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + 40
    data[start : start + 8] = b"\x00" * 8
    path = tmp_path / "bitrot.xlsx"
    path.write_bytes(bytes(data))
    assert rejected(path).reason_code == "damaged"


def test_pdf_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "orders.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    err = rejected(path)
    assert err.reason_code == "not_xlsx"
    assert "PDF" in err.reason


def test_old_xls_and_empty_and_plain_zip(tmp_path: Path) -> None:
    xls = tmp_path / "old.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert rejected(xls).reason_code == "ole2"
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert rejected(empty).reason_code == "empty"
    plain = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    assert rejected(plain).reason_code == "not_xlsx"


def test_entity_expansion_is_refused(make_xlsx: XlsxBuilder) -> None:
    lol = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    path = make_xlsx(sheet_xml([["a", "&lol3;"]], prolog=lol), name="lol.xlsx")
    err = rejected(path)
    assert err.reason_code == "xml_dtd"
    assert "entity" in err.reason


def test_entity_declaration_in_shared_strings_is_refused(make_xlsx: XlsxBuilder) -> None:
    dtd = '<!DOCTYPE x [<!ENTITY e "boom">]>'
    sst = f'{XML_DECL}{dtd}<sst {NS} uniqueCount="1"><si><t>&e;</t></si></sst>'
    path = make_xlsx(sheet_xml([["a"]]), sst=sst, name="sst_dtd.xlsx")
    assert rejected(path).reason_code == "xml_dtd"


def test_zip_bomb_over_the_cap(make_xlsx: XlsxBuilder) -> None:
    # 60 MB of whitespace deflates to ~60 KB.
    bomb = sheet_xml([["a", "b"]]).replace("<sheetData>", "<sheetData>" + " " * 60_000_000)
    path = make_xlsx(bomb, name="bomb.xlsx")
    assert path.stat().st_size < 1_000_000
    err = rejected(path, max_uncompressed_bytes=50_000_000)
    assert err.reason_code == "too_big"
    assert "limit" in err.reason


def test_entry_lying_about_its_size(make_xlsx: XlsxBuilder, tmp_path: Path) -> None:
    big = sheet_xml([["a", "b"]]).replace("<sheetData>", "<sheetData>" + " " * 5_000_000)
    path = make_xlsx(big, name="liar.xlsx")
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    # Patch the declared uncompressed size (local header +22, central header +24).
    local = data.find(b"PK\x03\x04" + data[4:6])
    while data[local + 30 : local + 30 + len(name)] != name:
        local = data.find(b"PK\x03\x04", local + 1)
    struct.pack_into("<I", data, local + 22, 1000)
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 1)
    struct.pack_into("<I", data, central + 24, 1000)
    path.write_bytes(bytes(data))
    assert rejected(path).reason_code == "zip_bomb"


def test_cell_over_32767_characters_xlsx(make_xlsx: XlsxBuilder) -> None:
    path = make_xlsx(sheet_xml([["a", "b"], ["x", "y" * 40_000]]), name="longcell.xlsx")
    err = rejected(path)
    assert err.reason_code == "cell_too_long"
    assert "row 2" in err.reason


@pytest.mark.parametrize("size", [40_000, 200_000])
def test_cell_over_32767_characters_csv(tmp_path: Path, size: int) -> None:
    path = tmp_path / "long.csv"
    path.write_text("a,b\n1," + "z" * size + "\n", encoding="utf-8")
    assert rejected(path).reason_code == "cell_too_long"


def test_forged_dimension_is_read_within_real_bounds(make_xlsx: XlsxBuilder) -> None:
    # openpyxl would pad every row to 16,384 cells; calamine sizes the sheet by its real
    # cells, so this file is harmless: it reads normally, with two columns.
    sheet = sheet_xml([["order_no", "sku"], ["1", "A"]], head='<dimension ref="A1:XFD1048576"/>')
    path = make_xlsx(sheet, name="dim.xlsx")
    facts = inspect_xlsx(path, max_uncompressed_bytes=50_000_000, max_cells=1_000_000)
    assert facts.sheets["xl/worksheets/sheet1.xml"].cells == 4
    table = read_table(path)
    assert table.headers == ["order_no", "sku"]
    assert table.rows == [(2, ["1", "A"])]


@pytest.mark.parametrize(
    "rows_xml",
    [
        # a real far-away cell: calamine would allocate 16384 x 1048576 cells and abort
        f'<row r="1">{inline_cell("A1", "a")}</row><row r="1048576">'
        f'{inline_cell("XFD1048576", "z")}</row>',
        # the same hidden behind a row without r and a cell with another attribute first
        f'<row>{inline_cell("A1", "a")}</row><row><c t="inlineStr" r="XFD1048576">'
        "<is><t>z</t></is></c></row>",
        # namespace-prefixed elements
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>'
        '<x:row r="900000"><x:c r="ZZ900000"><x:v>1</x:v></x:c></x:row>',
    ],
)
def test_far_away_cell_is_refused_before_calamine(make_xlsx: XlsxBuilder, rows_xml: str) -> None:
    sheet = (
        f'{XML_DECL}<worksheet {NS} xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows_xml}</sheetData></worksheet>"
    )
    err = rejected(make_xlsx(sheet, name="far.xlsx"))
    assert err.reason_code in ("too_many_cells", "forged")


def test_wide_row_of_cells_without_references(make_xlsx: XlsxBuilder) -> None:
    wide = "<c><v>1</v></c>" * 10_000
    rows = "".join(f"<row>{wide if i == 0 else '<c><v>1</v></c>'}</row>" for i in range(200))
    sheet = f"{XML_DECL}<worksheet {NS}><sheetData>{rows}</sheetData></worksheet>"
    path = make_xlsx(sheet, name="wide.xlsx")
    facts_err = rejected(path, max_cells=1_000_000)
    assert facts_err.reason_code == "too_many_cells"
    assert "10,000 columns" in facts_err.reason


def test_forged_shared_string_count(make_xlsx: XlsxBuilder) -> None:
    sst = f'{XML_DECL}<sst {NS} count="1" uniqueCount="4000000000"><si><t>a</t></si></sst>'
    cell = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    sheet = f"{XML_DECL}<worksheet {NS}><sheetData>{cell}</sheetData></worksheet>"
    err = rejected(make_xlsx(sheet, sst=sst, name="sst.xlsx"))
    assert err.reason_code == "forged"


def test_encrypted_entry(make_xlsx: XlsxBuilder) -> None:
    path = make_xlsx(sheet_xml([["a", "b"]]), name="locked.xlsx")
    data = bytearray(path.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        data[pos + 8] |= 0x01  # general-purpose flag bit 0: encrypted
        pos = data.find(b"PK\x01\x02", pos + 1)
    path.write_bytes(bytes(data))
    assert rejected(path).reason_code == "encrypted"


def test_utf16_xml_part(make_xlsx: XlsxBuilder) -> None:
    sheet = sheet_xml([["a", "b"]]).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = make_xlsx(sheet.encode("utf-16"), name="u16.xlsx")
    assert rejected(path).reason_code == "encoding"


def test_binary_renamed_csv(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(b"%PDF-1.4 binary")
    assert rejected(path).reason_code == "not_csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert rejected(path).reason_code in ("not_csv", "encoding")


def test_cancel_stops_xlsx_and_csv_reads(shared_data: Path) -> None:
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with pytest.raises(Cancelled) as exc:
        read_orders(shared_data / "douyin_orders.xlsx", cancel=cancel)
    assert exc.value.file == "douyin_orders.xlsx"
    calls = 0
    with pytest.raises(Cancelled):
        read_table(shared_data / "taobao_orders.csv", cancel=cancel)


def test_cancel_mid_sheet_and_progress_is_monotone(make_xlsx: XlsxBuilder) -> None:
    rows = [["order_no", "sku"]] + [[str(i), "A"] for i in range(5000)]
    path = make_xlsx(sheet_xml(rows), name="many.xlsx")
    seen: list[tuple[int, int]] = []
    read_table(path, progress=lambda d, t: seen.append((d, t)))
    assert seen == sorted(seen)
    assert seen[-1] == (1000, 1000)

    ticks = 0

    def cancel_late() -> bool:
        nonlocal ticks
        ticks += 1
        return ticks > 4  # past the scan and load, inside the row loop

    with pytest.raises(Cancelled):
        read_table(path, cancel=cancel_late)


def test_the_workbook_may_open_only_after_everything_but_the_worksheets_passed(
        make_xlsx: XlsxBuilder) -> None:
    # The importer opens the workbook (shared strings, styles: never a worksheet) on a
    # helper thread while the worksheets are still being scanned. So the hook must come
    # after every other part has been checked, and never for a file failing there.
    events: list[str] = []

    def scan(path: Path) -> None:
        inspect_xlsx(path, max_uncompressed_bytes=10**8, max_cells=10**6,
                     on_bytes=lambda done, total: events.append(f"bytes {done}"),
                     on_workbook_checked=lambda: events.append("open"))  # fmt: skip

    sst = f'{XML_DECL}<sst {NS} count="1" uniqueCount="1"><si><t>a</t></si></sst>'
    cell = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    sheet = f"{XML_DECL}<worksheet {NS}><sheetData>{cell}</sheetData></worksheet>"
    good = make_xlsx(sheet, sst=sst, name="good.xlsx")
    with zipfile.ZipFile(good) as z:
        sizes = {i.filename: i.file_size for i in z.infolist()}
        # The worksheet is written before the shared strings, as Excel does.
        names = z.namelist()
        assert names.index("xl/worksheets/sheet1.xml") < names.index("xl/sharedStrings.xml")
    scan(good)
    opened_at = events.index("open")
    before = sum(v for k, v in sizes.items() if "worksheets/" not in k and k.endswith(
        (".xml", ".rels")))
    assert events[opened_at - 1] == f"bytes {before}"
    assert events[-1] == f"bytes {before + sizes['xl/worksheets/sheet1.xml']}"

    events.clear()
    forged = f'{XML_DECL}<sst {NS} count="1" uniqueCount="4000000000"><si><t>a</t></si></sst>'
    with pytest.raises(FileRejected):
        scan(make_xlsx(sheet, sst=forged, name="sst.xlsx"))
    assert "open" not in events

    events.clear()
    far = f"{XML_DECL}<worksheet {NS}><sheetData><row r=\"1\">{inline_cell('XFD1048576', 'z')}" \
          "</row></sheetData></worksheet>"
    with pytest.raises(FileRejected):
        scan(make_xlsx(far, name="far.xlsx"))
    assert events.count("open") == 1  # the workbook opens; its sheet is never loaded
    with pytest.raises(FileRejected) as exc:
        read_table(make_xlsx(far, name="far2.xlsx"))
    assert exc.value.reason_code in ("forged", "too_many_cells")
