"""Benchmark: what bounds a 200,000-row import (the study behind docs/BENCHMARKS.md).

    .venv/bin/python bench/bench_import_limits.py --dir DIR [--runs 3] [--part readers|floor]

``DIR`` holds the files ``bench/bench_import.py --dir DIR`` generates (it makes them
if they are missing). Two studies, each step the median of ``--runs``:

readers   Every reader we could use, on the same Douyin-style .xlsx and Taobao-style GBK
          .csv: python-calamine (``to_python``, the issue's yardstick), fastexcel (a
          calamine-based reader that returns Arrow columns: load, to Arrow, to Python
          lists) and polars for the CSV, when they are installed (they are not project
          dependencies; install them in a scratch venv to run this part), and the csv
          module. Also what fastexcel makes of a column that mixes text and number
          cells, which is why it is not used (docs/DECISIONS.md, "Imports").
floor     The database's share alone: the rows a real import of the CSV stored (orders
          and payments), written again into a fresh copy of the schema by the bare
          driver (``executemany``, indexes built after, commit), which no import can
          beat; then the same write in a second thread while the first runs pure Python,
          to show whether a writer thread could hide it (the driver needs the GIL to
          bind every row, so it cannot).
"""

from __future__ import annotations

import argparse
import csv
import gc
import importlib.util
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _median(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times = []
    result = None
    for _ in range(runs):
        result = None  # let the last run's data go before the next run
        gc.collect()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def _have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


# ------------------------------------------------------------------ readers
def _calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    return len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())


def _fastexcel(path: Path) -> int:
    import fastexcel

    batch = fastexcel.read_excel(str(path)).load_sheet(0).to_arrow()
    cols = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
    return len(cols[0])


def _csv_module(path: Path) -> int:
    with path.open(encoding="gb18030", newline="") as f:
        return len(list(csv.reader(f)))


def _polars_csv(path: Path) -> int:
    import io

    import polars as pl

    text = path.read_bytes().decode("gb18030")
    return pl.read_csv(io.StringIO(text), infer_schema=False).height


def _mixed_column_demo() -> str:
    """What fastexcel returns for an order-number column with one number cell."""
    import fastexcel
    import xlsxwriter

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mixed.xlsx"
        wb = xlsxwriter.Workbook(str(path))
        ws = wb.add_worksheet()
        ws.write_row(0, 0, ["主订单编号"])
        ws.write_string(1, 0, "6934512094788948184")
        ws.write_number(2, 0, 6934512094788948184)  # Excel keeps 15 digits of it
        wb.close()
        got = fastexcel.read_excel(str(path)).load_sheet(0).to_arrow().column(0).to_pylist()
    return f"text cell -> {got[0]!r}, number cell -> {got[1]!r}"


def readers(data: Path, runs: int) -> None:
    xlsx = next(data.glob("douyin_*0.xlsx"))
    gbk = next(data.glob("taobao_*.csv"))
    print("| file | reader | median (s) |\n|---|---|---:|")
    steps: list[tuple[Path, str, Callable[[Path], int], str | None]] = [
        (xlsx, "python-calamine to_python (the yardstick)", _calamine, "python_calamine"),
        (xlsx, "fastexcel load + Arrow + Python lists", _fastexcel, "fastexcel"),
        (gbk, "csv module (the yardstick)", _csv_module, None),
        (gbk, "polars read_csv (text decoded first)", _polars_csv, "polars"),
    ]
    for path, label, fn, module in steps:
        if module is not None and not _have(module):
            print(f"| {path.name} | {label} | not installed |")
            continue
        secs, n = _median(lambda fn=fn, path=path: fn(path), runs)
        print(f"| {path.name} | {label} ({n:,} rows) | {secs:.2f} |")
    if _have("fastexcel") and _have("xlsxwriter"):
        print(f"\nfastexcel, one column of text and number order numbers: {_mixed_column_demo()}")


# ------------------------------------------------------------------ floor
def _stored_rows(data: Path, work: Path) -> Path:
    """Import the CSV once with the real code; return that database."""
    sys.path.insert(0, str(HERE))
    import bench_import as B

    db = B._fresh_db(work, "floor-source")
    svc = B._open_service(db)
    svc.imports.orders(next(data.glob("taobao_*.csv")))
    svc.db.dispose()
    return db


def _write(src: sqlite3.Connection, dst: Path, *, busy: Callable[[], None] | None = None
           ) -> dict[str, float]:  # fmt: skip
    """Copy orders and payments from ``src`` into a fresh schema at ``dst`` the bare way."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    tables = [r[0] for r in src.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN ('orders', 'payment') "
        "ORDER BY name")]  # fmt: skip
    indexes = [r[0] for r in src.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('orders', 'payment')")]  # fmt: skip
    orders = src.execute("SELECT * FROM orders").fetchall()
    pays = src.execute("SELECT * FROM payment").fetchall()
    con = sqlite3.connect(dst, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA cache_size = -262144")
    for sql in tables:
        con.execute(sql)  # foreign keys are off on a bare connection
    spent: dict[str, float] = {}

    def work() -> None:
        t = time.perf_counter()
        con.execute("BEGIN")
        con.executemany(f"INSERT INTO orders VALUES ({', '.join('?' * len(orders[0]))})",
                        orders)
        con.executemany(f"INSERT INTO payment VALUES ({', '.join('?' * len(pays[0]))})", pays)
        spent["insert"] = time.perf_counter() - t
        for sql in indexes:
            con.execute(sql)
        spent["indexes"] = time.perf_counter() - t - spent["insert"]
        con.execute("COMMIT")
        spent["total"] = time.perf_counter() - t

    if busy is None:
        work()
    else:
        t = time.perf_counter()
        writer = threading.Thread(target=work)
        writer.start()
        busy()
        spent["python done"] = time.perf_counter() - t
        writer.join()
        spent["both done"] = time.perf_counter() - t
    con.close()
    spent["rows"] = len(orders) + len(pays)
    return spent


def floor(data: Path, runs: int) -> None:
    gbk = next(data.glob("taobao_*.csv"))
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as tmp:
        work = Path(tmp)
        src = sqlite3.connect(_stored_rows(data, work))
        dst = work / "floor.sqlite3"
        bare_csv, _ = _median(lambda: _csv_module(gbk), runs)
        results = [_write(src, dst) for _ in range(runs)]
        med = {k: statistics.median(r[k] for r in results) for k in ("insert", "indexes", "total")}
        print(f"bare csv-module read of {gbk.name}: {bare_csv:.2f} s; the 3x budget: "
              f"{3 * bare_csv:.2f} s")
        print(f"bare database write of the same import ({int(results[0]['rows']):,} rows: "
              f"orders and payments): insert {med['insert']:.2f} s, indexes "
              f"{med['indexes']:.2f} s, with commit {med['total']:.2f} s = "
              f"{med['total'] / bare_csv:.2f}x the csv read, "
              f"{med['total'] / (3 * bare_csv):.0%} of the budget before a byte is parsed")

        def spin() -> None:
            x = 0
            for i in range(25_000_000):
                x += i

        alone, _ = _median(spin, runs)
        both = [_write(src, dst, busy=spin) for _ in range(runs)]
        print(f"writer thread beside {alone:.2f} s of pure Python: Python done at "
              f"{statistics.median(b['python done'] for b in both):.2f} s, write done at "
              f"{statistics.median(b['both done'] for b in both):.2f} s (one after the "
              f"other: {alone + med['total']:.2f} s)")
        src.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--part", choices=["readers", "floor"])
    args = ap.parse_args()
    if not list(args.dir.glob("taobao_*.csv")) or not list(args.dir.glob("douyin_*0.xlsx")):
        raise SystemExit(f"no generated files in {args.dir}: run bench/bench_import.py "
                         f"--dir {args.dir} first")
    if args.part in (None, "readers"):
        readers(args.dir, args.runs)
    if args.part in (None, "floor"):
        floor(args.dir, args.runs)


if __name__ == "__main__":
    main()
