"""Benchmark: writing 200,000 orders to .xlsx, bare writers against our export path.

    .venv/bin/python bench/bench_export.py [--rows 200000] [--runs 3] [--db-orders 200000]
                                            [--skip-writers] [--skip-db] [--no-verify]

Part 1 times each candidate writer on the same in-memory rows (25 columns of realistic
order data: Chinese text, 19-digit order numbers as text, money, local date-times,
blanks), median of ``--runs``. Each writer is driven the way a correct exporter would
have to drive it (text stays text, money gets a 0.00 format, dates a date format, frozen
header, autofilter) so the figures compare like with like. Every output is then opened
with openpyxl and converted by LibreOffice (``soffice --headless --convert-to csv``) and
a few cells are compared with the input.

Part 2 times our ``OrdersExport`` on the same rows (the writer cost plus our columns and
the formula guard) and ``Service.exports.orders`` on a ``presale demo`` database of
``--db-orders`` orders (reading in keyset pages, converting, writing), also as CSV.
The candidate writers are not project dependencies: ``pip install pyexcelerate
rustpy-xlsxwriter`` into the venv to compare them (missing ones are reported as such);
the LibreOffice check needs ``apt-get install -y libreoffice-calc-nogui``.
Results go to stdout as Markdown rows for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import csv
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (header, kind, width) of the 25 benchmark columns; kinds as in presale_engine.io.export.
COLUMNS: list[tuple[str, str, float]] = [
    ("平台", "text", 8), ("订单号", "text", 22), ("子订单号", "text", 22),
    ("活动", "text", 24), ("SKU", "text", 16), ("商品", "text", 24), ("规格", "text", 10),
    ("数量", "int", 6), ("状态", "text", 10), ("类型", "text", 8), ("单价", "money", 10),
    ("定金", "money", 10), ("尾款", "money", 10), ("总价", "money", 10),
    ("买家", "text", 14), ("下单时间", "datetime", 17), ("定金支付时间", "datetime", 17),
    ("付款时间", "datetime", 17), ("最晚发货时间", "datetime", 17),
    ("发货时间", "datetime", 17), ("超时", "text", 6), ("物流公司", "text", 10),
    ("运单号", "text", 18), ("标记", "text", 12), ("备注", "text", 20),
]
KINDS = [k for _, k, _ in COLUMNS]

_PRODUCTS = [("YRF-001-BLK-M", "星河 秋冬新款羽绒服", "黑色 M", Decimal("899.00")),
             ("ICE-200-WHT", "雪峰 家用碎冰机", "白色", Decimal("279.00")),
             ("EAR-STAR-01", "闪星 925银星星耳钉", "银色", Decimal("19.90")),
             ("XMAS-BOX-01", "Starlight Christmas Gift Box", "Red", Decimal("39.90"))]
_CAMPAIGNS = ["双11 羽绒服定金预售", "碎冰机 阶梯价预售", "耳钉 全款预售 11.25 发货",
              "TikTok Christmas pre-order"]
_BUYERS = ["张***", "李小姐", "tb_8812***", "王先生", "jd_陈**", "Emily R.", "赵***",
           "抖音用户_5521", "+86 138****1234"]
_STATUS = ["待付尾款", "已付尾款", "已发货", "已完成", "已付定金", "已付款"]
_CARRIERS = ["中通快递", "圆通速递", "顺丰速运", "韵达快递", "", ""]
_REMARKS = ["", "", "", "请尽快发货", "送礼物 需要贺卡", "=HYPERLINK(\"x\")", "@备注"]


def make_rows(n: int, seed: int = 2026) -> list[tuple[Any, ...]]:
    """``n`` realistic order rows (Python values: str, int, Decimal, naive local datetime)."""
    rnd = random.Random(seed)
    base = datetime(2026, 10, 20, 20, 0)
    rows: list[tuple[Any, ...]] = []
    for i in range(n):
        p = rnd.randrange(len(_PRODUCTS))
        sku, name, variant, price = _PRODUCTS[p]
        qty = rnd.choice((1, 1, 1, 2, 3))
        deposit = Decimal("50.00") * qty if p < 2 else Decimal("0.00")
        total = price * qty
        ordered = base + timedelta(minutes=rnd.randrange(0, 40 * 1440))
        dep_paid = ordered + timedelta(minutes=3) if deposit else None
        paid = ordered + timedelta(days=rnd.randrange(1, 12)) if rnd.random() < 0.8 else None
        deadline = paid + timedelta(days=10) if paid else None
        shipped = deadline - timedelta(days=2) if deadline and rnd.random() < 0.4 else None
        carrier = rnd.choice(_CARRIERS) if shipped else ""
        tracking = f"7{rnd.randrange(10**13, 10**14)}" if carrier else ""
        rows.append((
            ("douyin", "taobao", "jd", "tiktok")[p], str(6_900_000_000_000_000_000 + i * 7919),
            "", _CAMPAIGNS[p], sku, name, variant, qty, rnd.choice(_STATUS),
            "定金预售" if deposit else "全款预售", price, deposit, total - deposit, total,
            rnd.choice(_BUYERS), ordered, dep_paid, paid, deadline, shipped,
            "是" if rnd.random() < 0.03 else "否", carrier, tracking,
            "over_cap" if rnd.random() < 0.01 else "", rnd.choice(_REMARKS)))
    return rows


# --------------------------------------------------------------------------- writers

def w_xlsxwriter(path: Path, rows: Sequence[tuple[Any, ...]]) -> None:
    """xlsxwriter, constant_memory, one typed call per cell (write_string never parses)."""
    import xlsxwriter  # type: ignore[import-untyped]

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("订单")
    head = wb.add_format({"bold": True})
    money = wb.add_format({"num_format": "0.00"})
    when = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for c, (_, kind, width) in enumerate(COLUMNS):
        ws.set_column(c, c, width, money if kind == "money" else when
                      if kind == "datetime" else None)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(rows), len(COLUMNS) - 1)
    for c, (h, _, _) in enumerate(COLUMNS):
        ws.write_string(0, c, h, head)
    fns: list[Callable[..., Any]] = []
    for kind in KINDS:
        fns.append({"text": ws.write_string, "int": ws.write_number,
                    "money": ws.write_number, "datetime": ws.write_datetime}[kind])
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            k = KINDS[c]
            if k == "money":
                ws.write_number(r, c, float(v), money)
            elif k == "datetime":
                ws.write_datetime(r, c, v, when)
            else:
                fns[c](r, c, v)
    wb.close()


def w_xlsxwriter_row(path: Path, rows: Sequence[tuple[Any, ...]]) -> None:
    """xlsxwriter write_row (type sniffing; turns '=...' text into formulas: unsafe)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True,
                                         "default_date_format": "yyyy-mm-dd hh:mm"})
    ws = wb.add_worksheet("订单")
    ws.freeze_panes(1, 0)
    ws.write_row(0, 0, [h for h, _, _ in COLUMNS])
    for r, row in enumerate(rows, 1):
        ws.write_row(r, 0, [float(v) if isinstance(v, Decimal) else v for v in row])
    wb.close()


def w_openpyxl(path: Path, rows: Sequence[tuple[Any, ...]]) -> None:
    """openpyxl write_only, cells typed by hand so '=...' stays text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("订单")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:Y{len(rows) + 1}"
    for c, (_, _, width) in enumerate(COLUMNS):
        from openpyxl.utils import get_column_letter

        ws.column_dimensions[get_column_letter(c + 1)].width = width
    ws.append([h for h, _, _ in COLUMNS])
    for row in rows:
        out: list[Any] = []
        for c, v in enumerate(row):
            k = KINDS[c]
            if v is None or v == "":
                out.append(None)
            elif k == "money":
                cell = WriteOnlyCell(ws, value=float(v))
                cell.number_format = "0.00"
                out.append(cell)
            elif k == "datetime":
                cell = WriteOnlyCell(ws, value=v)
                cell.number_format = "yyyy-mm-dd hh:mm"
                out.append(cell)
            elif k == "text" and v[0] == "=":
                cell = WriteOnlyCell(ws, value=v)
                cell.data_type = "s"
                out.append(cell)
            else:
                out.append(v)
        ws.append(out)
    wb.save(str(path))


def w_pyexcelerate(path: Path, rows: Sequence[tuple[Any, ...]]) -> None:
    """pyexcelerate (whole sheet in memory; '=...' text is a formula unless styled)."""
    from pyexcelerate import Format, Style, Workbook  # type: ignore[import-untyped]
    from pyexcelerate.DataTypes import DataTypes  # type: ignore[import-untyped]

    wb = Workbook()
    data = [[h for h, _, _ in COLUMNS]]
    data.extend([None if v == "" else v for v in row] for row in rows)
    ws = wb.new_sheet("订单", data=data)
    for c, (_, kind, width) in enumerate(COLUMNS, 1):
        if kind == "money":
            st = Style(size=width, format=Format("0.00"))
        elif kind == "datetime":
            st = Style(size=width, format=Format("yyyy-mm-dd hh:mm"))
        elif kind == "text":
            # A data_type on the column style is the only way to keep "=..." text from
            # being written as a formula.
            st = Style(size=width, data_type=DataTypes.INLINE_STRING)
        else:
            st = Style(size=width)
        ws.set_col_style(c, st)
    from pyexcelerate import Panes

    ws.panes = Panes(y=1)
    ws.auto_filter = True
    wb.save(str(path))


def w_rustpy(path: Path, rows: Sequence[tuple[Any, ...]]) -> None:
    """rustpy-xlsxwriter (rust_xlsxwriter under PyO3; records as dicts, streamed)."""
    from rustpy_xlsxwriter import Format, write_worksheet

    heads = [h for h, _, _ in COLUMNS]
    money = Format().set_num_format("0.00")
    fmts = {h: money for h, k, _ in COLUMNS if k == "money"}

    def records() -> Iterator[dict[str, Any]]:
        for row in rows:
            yield {h: (None if v == "" else v) for h, v in zip(heads, row, strict=True)}

    write_worksheet(records(), str(path), sheet_name="订单", freeze_row=1, autofilter=True,
                    datetime_format="yyyy-mm-dd hh:mm", bold_headers=True,
                    column_widths=[w for _, _, w in COLUMNS], column_formats=fmts)


WRITERS: dict[str, Callable[[Path, Sequence[tuple[Any, ...]]], None]] = {
    "xlsxwriter 3.3.1 constant_memory, typed cells": w_xlsxwriter,
    "xlsxwriter write_row (unsafe, reference)": w_xlsxwriter_row,
    "openpyxl 3.1.5 write_only": w_openpyxl,
    "pyexcelerate 0.13.0": w_pyexcelerate,
    "rustpy-xlsxwriter 0.8.0": w_rustpy,
}


# --------------------------------------------------------------------------- checks

def check_openpyxl(path: Path, rows: Sequence[tuple[Any, ...]], sheet: str | None = None,
                   cols: Sequence[int] = (1, 10, 13, 14, 15, 24)) -> list[str]:
    """Compare a few cells of a few rows with the input; return the mismatches."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    want = {1, 2, len(rows) // 2, len(rows)}
    bad: list[str] = []
    for r, cells in enumerate(ws.iter_rows(values_only=False), 0):
        if r not in want:
            continue
        row = rows[r - 1]
        for c in cols:
            if c >= len(cells):  # read-only rows stop at their last filled cell
                got, exp, cell = None, row[c], None
                if exp not in ("", None):
                    bad.append(f"row {r} col {c}: missing, expected {exp!r}")
                continue
            got, exp, cell = cells[c].value, row[c], cells[c]
            if isinstance(exp, Decimal):
                ok = got is not None and Decimal(repr(got)).quantize(Decimal("0.01")) == exp
            elif exp in ("", None):
                ok = got in ("", None)
            else:
                ok = got == exp and (not isinstance(exp, str) or cell.data_type == "s")
            if not ok:
                bad.append(f"row {r} col {c}: {got!r} != {exp!r} ({cell.data_type})")
    wb.close()
    return bad


def check_libreoffice(path: Path, rows: Sequence[tuple[Any, ...]],
                      cols: Sequence[int] = (1, 10, 14, 15, 24)) -> list[str]:
    """Convert with LibreOffice to CSV (formatted text) and compare a few cells."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return ["soffice not installed (apt-get install libreoffice-calc-nogui)"]
    out = path.parent / f"lo-{path.stem}"
    out.mkdir(exist_ok=True)
    # Filter options: comma, double quote, UTF-8 (76), start row 1, as shown (true).
    subprocess.run([soffice, "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                    "--outdir", str(out), str(path)], check=True, capture_output=True,
                   timeout=900)
    with (out / f"{path.stem}.csv").open(encoding="utf-8", newline="") as f:
        got = list(csv.reader(f))
    bad: list[str] = []
    if len(got) != len(rows) + 1:
        bad.append(f"LibreOffice sees {len(got) - 1} rows, not {len(rows)}")
    for r in (1, 2, len(rows) // 2, len(rows)):
        if r >= len(got):
            continue
        for c in cols:
            exp = rows[r - 1][c]
            if isinstance(exp, datetime):
                exp = exp.strftime("%Y-%m-%d %H:%M")
            exp = "" if exp is None else str(exp)
            if got[r][c] != exp:
                bad.append(f"LO row {r} col {c}: {got[r][c]!r} != {exp!r}")
    shutil.rmtree(out, ignore_errors=True)
    return bad


def timed(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times


def peak_mib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


# --------------------------------------------------------------------------- ours

def ours_rows(path: Path, rows: Sequence[tuple[Any, ...]]) -> None:
    """Our Exporter base driven by the same rows (columns, guard, formats, temp+rename)."""
    from presale_engine.io.export import Column, Exporter

    cols = [Column(f"c{i}", h, h, kind, w) for i, (h, kind, w) in enumerate(COLUMNS)]

    class Bench(Exporter):
        columns = cols
        sheet_name = "订单"

        def rows(self) -> Iterator[Sequence[Any]]:
            yield from rows

    Bench(lang="zh").write(path)


def generate_db(n: int, path: Path, now: str) -> float:
    path.unlink(missing_ok=True)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sys; from presale_engine.cli import main; "
                    "sys.exit(main())", "--db", str(path), "--now", now, "demo",
                    "--orders", str(n)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--db-orders", type=int, default=200_000)
    ap.add_argument("--now", default="2026-11-22T12:00:00+08:00")
    ap.add_argument("--only", action="append", help="writer names containing this text")
    ap.add_argument("--skip-writers", action="store_true")
    ap.add_argument("--skip-db", action="store_true")
    ap.add_argument("--no-verify", action="store_true")
    ap.add_argument("--memory", action="store_true", help="also trace peak Python memory")
    a = ap.parse_args()
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="export-", dir=out_dir))
    print(f"machine: {platform.machine()} {platform.processor() or ''}, "
          f"python {platform.python_version()}, {platform.platform()}; "
          f"date {datetime.now(UTC).date()}; rows {a.rows:,} x {len(COLUMNS)} columns; "
          f"median of {a.runs}")
    rows = make_rows(a.rows)
    base: float | None = None
    if not a.skip_writers:
        print("\n| writer | runs (s) | median (s) | vs xlsxwriter | size (MB) | openpyxl "
              "| LibreOffice |\n|---|---|---|---|---|---|---|")
        todo = dict(WRITERS)
        todo["ours: OrdersExport base on the same rows (xlsx)"] = ours_rows
        for name, fn in todo.items():
            if a.only and not any(o in name for o in a.only):
                continue
            path = tmp / f"writer{list(todo).index(name)}.xlsx"
            try:
                med, runs = timed(lambda fn=fn, path=path: fn(path, rows), a.runs)
            except ImportError as e:  # candidates are not project dependencies
                print(f"| {name} | not installed ({e.name}: pip install it to compare) "
                      "| | | | | |", flush=True)
                continue
            if base is None and "typed cells" in name:
                base = med
            ratio = f"{med / base:.2f}x" if base else "-"
            ox = lo = "not checked"
            if not a.no_verify:
                bad = check_openpyxl(path, rows)
                ox = "ok" if not bad else "; ".join(bad[:3])
                bad = check_libreoffice(path, rows)
                lo = "ok" if not bad else "; ".join(bad[:3])
            print(f"| {name} | {', '.join(f'{t:.1f}' for t in runs)} | **{med:.1f}** | "
                  f"{ratio} | {path.stat().st_size / 1e6:.1f} | {ox} | {lo} |", flush=True)
            path.unlink()
    if not a.skip_db:
        from presale_engine.service import OrderFilter, Service, fixed_clock
        from presale_engine.store import open_database

        db_path = tmp / "demo.sqlite3"
        g = generate_db(a.db_orders, db_path, a.now)
        print(f"\ndemo database: {a.db_orders:,} orders generated in {g:.1f} s")
        db = open_database(db_path)
        svc: Any = Service(db, clock=fixed_clock(datetime.fromisoformat(a.now).astimezone(UTC)))
        print("\n| our export from the database | runs (s) | median (s) | rows | size (MB) |"
              "\n|---|---|---|---|---|")
        for suffix in (".xlsx", ".csv"):
            out = tmp / f"orders{suffix}"
            reports: list[Any] = []
            med, runs = timed(lambda out=out, reports=reports: reports.append(
                svc.exports.orders(out, OrderFilter())), a.runs)
            print(f"| Service.exports.orders → {suffix} | {', '.join(f'{t:.1f}' for t in runs)}"
                  f" | **{med:.1f}** | {reports[-1].rows:,} | {out.stat().st_size / 1e6:.1f} |",
                  flush=True)
        if a.memory:
            out = tmp / "orders-mem.xlsx"
            print(f"\npeak traced Python memory, export_orders → xlsx: "
                  f"{peak_mib(lambda: svc.exports.orders(out, OrderFilter())):.0f} MiB")
        db.dispose()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
