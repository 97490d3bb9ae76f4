"""The streaming read path the importer uses gives exactly what the whole-table path
gives: ``open_table`` against ``read_table``, ``OrderMapper`` against ``map_orders``, the
guard's fast extent probe against its exact (expat) scan."""

from __future__ import annotations

import csv
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from io_xlsx_parts import NS, XML_DECL, XlsxBuilder, inline_cell

from presale_engine.io import (
    LAZY_TEXT_FIELDS,
    ORDER_ROW_FIELDS,
    FileRejected,
    OrderMapper,
    Table,
    get_preset,
    header_scorer,
    load_presets,
    map_orders,
    open_table,
    read_table,
)
from presale_engine.io.mapping.orders import _BAD, _epoch
from presale_engine.io.xlsxguard import _exact_extent, inspect_xlsx
from presale_engine.money import to_minor

SAMPLES = {"douyin_orders.xlsx": "douyin", "jd_orders.xlsx": "jd",
           "taobao_orders.csv": "taobao", "tiktok_orders.csv": "tiktok"}  # fmt: skip
TIME_FIELDS = {"ordered_at", "deposit_paid_at", "balance_paid_at", "paid_at",
               "promised_ship_at", "shipped_at"}  # fmt: skip
MONEY_FIELDS = {"unit_price", "deposit", "balance", "total"}


def orders_pool() -> list[Any]:
    return [p for p in load_presets().values() if p.table == "orders"]


def stored_form(row: Any, currency: str) -> tuple[Any, ...]:
    """An ``OrderRow`` as the importer's mapper hands it over (epoch, minor, lazy)."""
    out = []
    for f in ORDER_ROW_FIELDS:
        v = getattr(row, f)
        if f in LAZY_TEXT_FIELDS:
            v = None
        elif f in TIME_FIELDS and v is not None:
            v = _epoch(v)
        elif f in MONEY_FIELDS and v is not None:
            v = to_minor(v, currency)
        out.append(v)
    return tuple(out)


def errors_of(result: Any) -> list[tuple[Any, ...]]:
    return [(e.row, e.column, e.value, e.reason, e.code) for e in result.errors]


@pytest.mark.parametrize("file", list(SAMPLES))
@pytest.mark.parametrize("size", [1, 7, 4096])
def test_stream_rows_equal_the_table(shared_data: Path, file: str, size: int) -> None:
    table = read_table(shared_data / file)
    with open_table(shared_data / file) as stream:
        assert (stream.headers, stream.header_row) == (table.headers, table.header_row)
        rows = [r for chunk in stream.chunks(size) for r in chunk]
        assert all(len(chunk) <= size for chunk in stream.chunks(size))
    assert rows == table.rows
    assert stream.skipped_rows == table.skipped_rows


@pytest.mark.parametrize(("file", "preset"), list(SAMPLES.items()))
def test_the_importer_mapping_equals_map_orders(shared_data: Path, file: str,
                                                preset: str) -> None:
    p = get_preset(preset)
    ref = map_orders(read_table(shared_data / file), p)
    with open_table(shared_data / file, header_hint=header_scorer(orders_pool()),
                    header_min_score=3, clean=False) as stream:  # fmt: skip
        mapper = OrderMapper(stream.headers, stream.file, p, times="epoch", money="minor",
                             lazy=LAZY_TEXT_FIELDS, all_text=stream.all_text)
        got = [t for chunk in stream.chunks(9) for t in mapper.feed(chunk)]
    assert got == [stored_form(r, ref.currency) for r in ref.rows]
    assert errors_of(mapper.finish()) == errors_of(ref) == []


def test_raw_csv_cells_are_cleaned_by_the_mapper(tmp_path: Path) -> None:
    # Excel text wrappers, tabs and spaces around values; a wrapped totals row.
    path = tmp_path / "template.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "sku", "qty", "status", "ordered_at", "buyer", "total"])
        w.writerow(['="000123"', "\tMUG-01", " 2 ", '="paid"', "2026-11-10 10:00:05",
                    '=HYPERLINK("x")', '="25.00"'])  # fmt: skip
        w.writerow(["\t456", "MUG-02", "1", "paid", '="2026-11-10 10:01:00"', "  ann  ", "9"])
        w.writerow(["\t", '=""', " ", "", "", "", ""])  # blank once cleaned
        w.writerow(['="合计"', "", "3", "", "", "", "34.00"])
    p = get_preset("template")
    ref = map_orders(read_table(path), p)
    with open_table(path, clean=False) as stream:
        mapper = OrderMapper(stream.headers, stream.file, p, all_text=True)
        got = [t for chunk in stream.chunks() for t in mapper.feed(chunk)]
        skipped = stream.skipped_rows + mapper.finish().skipped_rows
    assert got == [tuple(getattr(r, f) for f in ORDER_ROW_FIELDS) for r in ref.rows]
    assert [(t[1], t[3], t[6]) for t in got] == [("000123", "MUG-01", 2), ("456", "MUG-02", 1)]
    assert got[0][ORDER_ROW_FIELDS.index("buyer")] == '=HYPERLINK("x")'
    assert skipped == ref.skipped_rows == 2


def test_time_fast_path_keeps_the_exact_errors(tmp_path: Path) -> None:
    p = get_preset("tiktok")  # Pacific time; its formats also take 2026-03-08 02:30:00
    ok = "Awaiting shipment"
    rows = [
        ["1", ok, "Normal", "A", "1", "2026-11-10 10:00:05"],
        ["2", ok, "Normal", "A", "1", "2026-11-10 10:00:59"],
        ["3", ok, "Normal", "A", "1", "2026-11-10 10:00:60"],  # no second 60
        ["4", ok, "Normal", "A", "1", "2026-02-30 10:00:00"],  # no Feb 30
        ["5", ok, "Normal", "A", "1", "2026-03-08 02:30:00"],  # skipped by DST
        ["6", ok, "Normal", "A", "1", "2026/11/10 10:00:05"],  # not a TikTok format
    ]
    headers = ["Order ID", "Order Status", "Normal or Pre-order", "Seller SKU", "Quantity",
               "Created Time"]  # fmt: skip
    table_rows = [(i + 2, list(r)) for i, r in enumerate(rows)]
    table = Table(path=tmp_path / "t.csv", headers=headers, header_row=1, rows=table_rows)
    ref = map_orders(table, p)
    mapper = OrderMapper(headers, "t.csv", p, times="epoch", money="minor", all_text=True)
    got = mapper.feed(table_rows)
    assert [t[ORDER_ROW_FIELDS.index("ordered_at")] for t in got] == [
        _epoch(r.ordered_at) for r in ref.rows]
    assert got[0][ORDER_ROW_FIELDS.index("ordered_at")] == _epoch(
        datetime(2026, 11, 10, 18, 0, 5, tzinfo=UTC))
    assert errors_of(mapper.finish()) == errors_of(ref)
    assert [(e.row, e.code) for e in ref.errors] == [
        (4, "impossible_date"), (5, "impossible_date"), (6, "nonexistent_time"),
        (7, "impossible_date")]


@pytest.mark.parametrize("preset", ["tiktok", "douyin"])
def test_time_columns_read_at_once_equal_the_cell_by_cell_loop(preset: str) -> None:
    # _epoch_texts works a column at a time with one instant per hour; it must give
    # what the per-cell loop gives, across both 2026 DST changes in Pacific time
    # (skipped hour, repeated hour), blanks, and texts the lookups cannot read.
    rnd = random.Random(5)
    start = datetime(2026, 3, 7)
    texts: list[object] = [
        (start + timedelta(seconds=rnd.randrange(0, 260 * 86400))).strftime("%Y-%m-%d %H:%M:%S")
        for _ in range(3000)]  # fmt: skip
    texts += ["2026-03-08 02:30:00", "2026-11-01 01:30:00", "2026-11-01 01:59:59", "", None,
              "2026-10-24 21:61:00", "2026-10-24 21:48:60", "2026/10/24 21:48:37",
              "2026-02-30 10:00:00", "2026-10-24T21:48:37"]
    layout = get_preset(preset)
    headers = [layout.columns[f][0] for f in layout.required]
    mapper = OrderMapper(headers, "t.csv", layout, times="epoch", money="minor", all_text=True)
    column = mapper._epoch_texts(list(texts), mapper._when)
    assert column is not None
    loop = OrderMapper(headers, "t.csv", layout, times="epoch", money="minor", all_text=True)
    loop._epoch_texts = lambda cells, slow: None  # type: ignore[method-assign]
    assert column == loop._times(list(texts), loop._when)
    assert column[3003:3005] == [None, None]  # the blanks
    assert sum(v is _BAD for v in column) >= 3
    # Any other shape of cell leaves the column to the loop.
    assert mapper._epoch_texts([*texts, "2026-10-24 21:48"], mapper._when) is None
    assert mapper._epoch_texts([*texts, datetime(2026, 10, 24)], mapper._when) is None


# ------------------------------------------------------------------ the guard's probe


def _sheet(rows: list[str]) -> str:
    return f"{XML_DECL}<worksheet {NS}><sheetData>{''.join(rows)}</sheetData></worksheet>"


def _col(n: int) -> str:
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def _exact(path: Path) -> tuple[int, int]:
    import zipfile

    with zipfile.ZipFile(path) as z, path.open("rb") as raw:
        info = z.getinfo("xl/worksheets/sheet1.xml")
        ext = _exact_extent(raw, info, path.name, "xl/worksheets/sheet1.xml")
    return ext.rows, ext.cols


@pytest.mark.parametrize("where", ["early", "middle", "late"])
@pytest.mark.parametrize("odd", ["far_row", "far_col", "no_ref", "attr_first", "long_digits"])
def test_fast_probe_finds_an_odd_cell_in_any_block(make_xlsx: XlsxBuilder, where: str,
                                                   odd: str) -> None:
    # ~8 MB of sheet XML: the guard scans it in more than one 4 MB block.
    n = 50_000
    at = {"early": 10, "middle": n // 2, "late": n - 3}[where]
    rows = []
    for r in range(1, n + 1):
        cells = [inline_cell(f"{_col(c)}{r}", "x") for c in range(1, 4)]
        if r == at:
            cells.append({
                "far_row": '<c r="B900000"><v>1</v></c>',
                "far_col": '<c r="AZ7"><v>1</v></c>',
                "no_ref": "<c><v>1</v></c>" * 40,
                "attr_first": '<c t="n" r="KK9"><v>1</v></c>',
                "long_digits": '<c r="A12345678"><v>1</v></c>',
            }[odd])
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    path = make_xlsx(_sheet(rows), name=f"{odd}_{where}.xlsx")
    if odd == "long_digits":  # read as row 1,234,567: beyond Excel's grid
        with pytest.raises(FileRejected) as exc:
            inspect_xlsx(path, max_uncompressed_bytes=400_000_000, max_cells=10**12)
        assert exc.value.reason_code == "forged"
        return
    facts = inspect_xlsx(path, max_uncompressed_bytes=400_000_000, max_cells=10**12)
    ext = facts.sheets["xl/worksheets/sheet1.xml"]
    expected = {
        "far_row": (900_000, 3), "far_col": (n, 52), "no_ref": (n, 43), "attr_first": (n, 297),
    }[odd]
    assert (ext.rows, ext.cols) == expected
    if odd in ("no_ref", "attr_first"):
        assert (ext.rows, ext.cols) == _exact(path)


def test_fast_probe_matches_the_exact_scan_on_random_sheets(make_xlsx: XlsxBuilder) -> None:
    rnd = random.Random(20261122)
    for trial in range(40):
        rows = []
        for r in range(1, rnd.randint(2, 300)):
            cells = []
            for c in range(1, rnd.randint(2, 30)):
                rr, cc = r, c
                if rnd.random() < 0.01:
                    rr = rnd.randint(1, 1_048_576)
                if rnd.random() < 0.01:
                    cc = rnd.randint(1, 16_384)
                cells.append(f'<c r="{_col(cc)}{rr}"><v>1</v></c>')
            rows.append(f'<row r="{r}">{"".join(cells)}</row>')
        path = make_xlsx(_sheet(rows), name=f"r{trial}.xlsx")
        facts = inspect_xlsx(path, max_uncompressed_bytes=50_000_000, max_cells=10**12)
        ext = facts.sheets["xl/worksheets/sheet1.xml"]
        assert (ext.rows, ext.cols) == _exact(path)
