"""The exporter base: typed cells, the formula guard, money, ids, CSV flavours, progress,
cancel and the no-partial-file rule. No database here."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from presale_engine.errors import InputError
from presale_engine.io import read_table
from presale_engine.io.errors import Cancelled
from presale_engine.io.export import (
    Column,
    ExportCancelled,
    Exporter,
    Sheet,
    Value,
    csv_id,
    csv_safe,
    excel_text,
    looks_like_formula,
    sheet_name,
)

D = Decimal
FORMULA_LIKE = ["=1+1", "+86 138 0000 0000", "-x", "@SUM(A1)", "\tfoo", "\rbar",
                '=HYPERLINK("http://x","y")', "＝1+1"]
LONG_ORDER_NO = "6912345678901234567"  # 19 digits: a float keeps 15-17


COLUMNS = (
    Column("order_no", "订单号", "Order no.", "id", 22),
    Column("buyer", "买家", "Buyer", "text", 16),
    Column("qty", "数量", "Qty", "int", 6),
    Column("total", "金额", "Total", "money", 10),
    Column("at", "下单时间", "Ordered", "datetime", 17),
    Column("day", "日期", "Date", "date", 11),
)


class Simple(Exporter):
    columns = COLUMNS
    title = ("订单", "Orders")

    def __init__(self, rows: Sequence[Sequence[object]], **kw: Any) -> None:
        super().__init__(**kw)
        self._rows = rows

    def rows(self) -> Iterator[Sequence[object]]:
        yield from self._rows

    def total(self) -> int | None:
        return len(self._rows)


PRICE = D("899.00")


def _row(i: int, buyer: str = "张三", total: Decimal = PRICE) -> tuple[object, ...]:
    return (f"{1000 + i}", buyer, 1, total, datetime(2026, 11, 2, 10, 0), date(2026, 11, 2))


def _xlsx_rows(path: Path, sheet: str | None = None) -> list[list[Any]]:
    wb = load_workbook(path)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    return [[c for c in row] for row in ws.iter_rows()]


# --------------------------------------------------------------------------- safety

def test_formula_like_text_is_a_text_cell_in_xlsx(tmp_path: Path) -> None:
    rows = [(LONG_ORDER_NO, v, 1, D("1.00"), None, None) for v in FORMULA_LIKE]
    out = tmp_path / "guard.xlsx"
    Simple(rows).write(out)
    cells = _xlsx_rows(out)[1:]
    for cell_row, original in zip(cells, FORMULA_LIKE, strict=True):
        buyer = cell_row[1]
        assert buyer.data_type == "s", original  # a string cell, never 'f' (formula)
        order = cell_row[0]
        assert (order.data_type, order.value) == ("s", LONG_ORDER_NO)
    sheet_xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    # Our importer's reader (calamine) gets every original text back, \r and \t included.
    table = read_table(out)
    assert [r[1][1] for r in table.rows] == FORMULA_LIKE
    assert {r[1][0] for r in table.rows} == {LONG_ORDER_NO}


def test_formula_like_text_is_wrapped_in_csv_and_reads_back(tmp_path: Path) -> None:
    rows = [(LONG_ORDER_NO, v, 1, D("1.00"), None, None) for v in FORMULA_LIKE]
    rows.append(("ABC-1", 'say "hi"', 2, D("-5.00"), None, None))
    out = tmp_path / "guard.csv"
    Simple(rows).write(out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the Chinese right
    with out.open(encoding="utf-8-sig", newline="") as f:
        got = list(csv.reader(f))
    assert got[0] == ["订单号", "买家", "数量", "金额", "下单时间", "日期"]
    for line, original in zip(got[1:], FORMULA_LIKE, strict=False):
        assert line[1] == '="' + original.replace('"', '""') + '"'
        assert line[0] == f'="{LONG_ORDER_NO}"'
    assert got[-1][:4] == ["ABC-1", 'say "hi"', "2", "-5.00"]  # plain when harmless
    # Re-imported through our reading layer: the original text (the reader trims
    # surrounding whitespace of every CSV cell, so \tfoo and \rbar come back trimmed).
    table = read_table(out)
    assert [r[1][1] for r in table.rows][:len(FORMULA_LIKE)] == [
        v.strip() for v in FORMULA_LIKE]
    assert table.rows[0][1][0] == LONG_ORDER_NO


def test_guard_helpers() -> None:
    assert all(looks_like_formula(v) for v in FORMULA_LIKE)
    assert not any(looks_like_formula(v) for v in ["", "abc", " =1", "86-138", "李四"])
    assert csv_safe("李四") == "李四"
    assert csv_safe("=1") == '="=1"'
    assert excel_text('a"b') == '="a""b"'
    long = "=" + "x" * 300  # over Excel's 255-character string constant
    assert csv_safe(long) == "'" + long
    assert csv_id("6912345678901234567") == '="6912345678901234567"'
    assert csv_id("00123") == '="00123"'  # Excel would drop the zeros
    assert csv_id("1-2") == '="1-2"'  # ... or read a date
    assert csv_id("YRF-001-BLK-M") == "YRF-001-BLK-M"
    assert csv_id("T000000000001") == "T000000000001"


# --------------------------------------------------------------------------- values

def test_money_shows_exactly_the_decimal(tmp_path: Path) -> None:
    amounts = [D("0.10"), D("0.01"), D("899.00"), D("-729.00"), D("12345678.91"),
               D("99999999999.99"), D("1500")]
    rows = [_row(i, total=a) for i, a in enumerate(amounts)]
    out = tmp_path / "money.xlsx"
    Simple(rows).write(out)
    cells = [r[3] for r in _xlsx_rows(out)[1:]]
    for cell, amount in zip(cells, amounts, strict=True):
        assert cell.data_type == "n"
        decimals = max(-amount.as_tuple().exponent, 0)  # type: ignore[operator]
        assert cell.number_format == ("0." + "0" * decimals if decimals else "0")
        # The stored double is the nearest to the amount: shown with its format, it is
        # the amount, to the cent.
        assert Decimal(repr(cell.value)).quantize(amount) == amount
        assert f"{cell.value:.{decimals}f}" == str(amount)
    csv_out = tmp_path / "money.csv"
    Simple(rows).write(csv_out)
    with csv_out.open(encoding="utf-8-sig", newline="") as f:
        assert [line[3] for line in list(csv.reader(f))[1:]] == [str(a) for a in amounts]


def test_dates_ints_and_layout(tmp_path: Path) -> None:
    sh = ZoneInfo("Asia/Shanghai")
    aware = datetime(2026, 11, 1, 16, 30, tzinfo=UTC)  # 00:30 on the 2nd in Shanghai
    rows = [("1", "a", 3, D("1.00"), aware, date(2026, 11, 2))]
    out = tmp_path / "layout.xlsx"
    Simple(rows, tz=sh).write(out)
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    assert ws.title == "订单"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F2"
    assert ws.column_dimensions["A"].width == pytest.approx(22, abs=1)
    assert ws["A1"].font.b
    at, day, qty = ws["E2"], ws["F2"], ws["C2"]
    assert (at.value, at.number_format) == (datetime(2026, 11, 2, 0, 30), "yyyy-mm-dd hh:mm")
    assert (day.value, day.number_format) == (datetime(2026, 11, 2), "yyyy-mm-dd")
    assert (qty.value, qty.data_type) == (3, "n")
    csv_out = tmp_path / "layout.csv"
    Simple(rows, tz=sh).write(csv_out)
    with csv_out.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f))[1][3:] == ["1.00", "2026-11-02 00:30:00", "2026-11-02"]


def test_headers_follow_the_language(tmp_path: Path) -> None:
    Simple([_row(1)], lang="en").write(tmp_path / "en.xlsx")
    Simple([_row(1)], lang="zh").write(tmp_path / "zh.xlsx")
    en = [c.value for c in _xlsx_rows(tmp_path / "en.xlsx")[0]]
    zh = [c.value for c in _xlsx_rows(tmp_path / "zh.xlsx")[0]]
    assert en == ["Order no.", "Buyer", "Qty", "Total", "Ordered", "Date"]
    assert zh == ["订单号", "买家", "数量", "金额", "下单时间", "日期"]
    assert load_workbook(tmp_path / "en.xlsx").sheetnames == ["Orders"]
    with pytest.raises(InputError):
        Simple([], lang="fr")


def test_empty_export_still_has_its_header(tmp_path: Path) -> None:
    report = Simple([]).write(tmp_path / "none.xlsx")
    assert report.rows == 0
    assert _xlsx_rows(tmp_path / "none.xlsx")[0][0].value == "订单号"
    Simple([]).write(tmp_path / "none.csv")
    assert (tmp_path / "none.csv").read_text("utf-8-sig").splitlines() == [
        "订单号,买家,数量,金额,下单时间,日期"]


def test_gb18030_csv(tmp_path: Path) -> None:
    out = tmp_path / "gbk.csv"
    Simple([_row(1, buyer="张三·𠮷")], lang="zh").write(out, encoding="gb18030")
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert "张三·𠮷" in raw.decode("gb18030")
    table = read_table(out)
    assert table.encoding == "gb18030"
    assert table.rows[0][1][1] == "张三·𠮷"
    with pytest.raises(InputError):
        Simple([]).write(tmp_path / "x.csv", encoding="latin-1")


def test_any_column_mixes_kinds(tmp_path: Path) -> None:
    class Facts(Exporter):
        columns = (Column("k", "指标", "Metric"), Column("v", "数值", "Value", "any"))

        def rows(self) -> Iterator[Sequence[object]]:
            yield ("money", D("12.30"))
            yield ("rate", Value(D("0.9750"), "percent"))
            yield ("count", 7)
            yield ("when", datetime(2026, 11, 22, 4, 0, tzinfo=UTC))
            yield ("text", "=cmd")
            yield ("flag", True)
            yield ("none", None)

    out = tmp_path / "facts.xlsx"
    Facts(tz=ZoneInfo("Asia/Shanghai"), lang="en").write(out)
    v = {r[0].value: r[1] for r in _xlsx_rows(out)[1:]}
    assert (v["money"].value, v["money"].number_format) == (12.3, "0.00")
    assert (v["rate"].value, v["rate"].number_format) == (0.975, "0.00%")
    assert (v["count"].value, v["count"].data_type) == (7, "n")
    assert v["when"].value == datetime(2026, 11, 22, 12, 0)
    assert (v["text"].value, v["text"].data_type) == ("=cmd", "s")
    assert v["flag"].value == "yes"
    assert v["none"].value is None
    Facts(lang="zh").write(tmp_path / "facts.csv")
    with (tmp_path / "facts.csv").open(encoding="utf-8-sig", newline="") as f:
        got = dict(list(csv.reader(f))[1:])
    assert got == {"money": "12.30", "rate": "97.50%", "count": "7",
                   "when": "2026-11-22 04:00:00", "text": '="=cmd"', "flag": "是", "none": ""}


# --------------------------------------------------------------------------- files

def test_format_from_suffix_and_refusals(tmp_path: Path) -> None:
    assert Simple([_row(1)]).write(tmp_path / "a.XLSX").format == "xlsx"
    assert Simple([_row(1)]).write(tmp_path / "a.txt", fmt="csv").format == "csv"
    with pytest.raises(InputError):
        Simple([]).write(tmp_path / "a.xls")
    with pytest.raises(InputError):
        Simple([]).write(tmp_path / "missing" / "a.xlsx")

    class Two(Simple):
        def sheets(self) -> list[Sheet]:
            return [Sheet(("一", "One"), COLUMNS, []), Sheet(("二", "Two"), COLUMNS, [])]

    with pytest.raises(InputError, match="sheets"):
        Two([]).write(tmp_path / "two.csv")
    assert Two([]).write(tmp_path / "two.xlsx").sheets == ("一", "二")


def test_progress_then_cancel_leaves_no_file(tmp_path: Path) -> None:
    rows = [_row(i) for i in range(5000)]
    seen: list[tuple[int, int]] = []
    report = Simple(rows, progress=lambda d, t: seen.append((d, t))).write(tmp_path / "p.xlsx")
    assert report.rows == 5000
    assert seen[-1] == (5000, 5000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) >= 5

    target = tmp_path / "keep.xlsx"
    target.write_bytes(b"the seller's previous export")
    polls = 0

    def cancel() -> bool:
        nonlocal polls
        polls += 1
        return polls > 2  # after two thousand rows

    for name in ("keep.xlsx", "keep.csv"):
        with pytest.raises(ExportCancelled) as err:
            Simple(rows, cancel=cancel).write(tmp_path / name)
        assert isinstance(err.value, Cancelled)  # the GUI catches one type for both
        polls = 0
    assert target.read_bytes() == b"the seller's previous export"
    assert not (tmp_path / "keep.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.xlsx", "p.xlsx"]


def test_error_in_rows_leaves_no_partial_file(tmp_path: Path) -> None:
    class Broken(Simple):
        def rows(self) -> Iterator[Sequence[object]]:
            yield _row(1)
            raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        Broken([]).write(tmp_path / "b.xlsx")
    with pytest.raises(ValueError, match="cells"):
        Simple([("1", "a")]).write(tmp_path / "short.csv")
    assert list(tmp_path.iterdir()) == []


def test_a_full_sheet_continues_on_the_next(tmp_path: Path) -> None:
    class Small(Simple):
        max_rows_per_sheet = 4  # header + 3 data rows

    out = tmp_path / "split.xlsx"
    report = Small([_row(i) for i in range(7)]).write(out)
    assert report.rows == 7
    assert report.sheets == ("订单", "订单 2", "订单 3")
    wb = load_workbook(out)
    assert [ws.max_row for ws in wb.worksheets] == [4, 4, 2]
    assert wb.worksheets[1]["A1"].value == "订单号"
    assert wb.worksheets[2]["A2"].value == "1006"


def test_sheet_names() -> None:
    assert sheet_name("a/b:c*d?[e]") == "a_b_c_d__e_"
    assert sheet_name("x" * 40) == "x" * 31
    assert sheet_name("Orders", ["orders"]) == "Orders (2)"
