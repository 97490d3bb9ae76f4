"""Benchmark: `presale demo --orders N` into SQLite, then the key queries on it.

    .venv/bin/python bench/bench_demo.py --orders 1000000 --runs 3 [--index-study]

Generation is timed as a whole command (fresh process, fresh file) so start-up and
schema creation count. Each query is timed over several repetitions on a warm
connection and the median is reported. ``--index-study`` drops each orders index in
turn and re-times the queries, to show what every index buys (or costs).
Results go to stdout as Markdown rows for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from presale_engine.service import OrderFilter, Service, fixed_clock
from presale_engine.store import open_database

ROOT = Path(__file__).resolve().parents[1]
PRESALE = [sys.executable, "-c", "import sys; from presale_engine.cli import main; "
           "sys.exit(main())"]


def machine() -> str:
    """CPU model, cores and memory, for the figures in docs/BENCHMARKS.md."""
    model = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) // 2**20
    except OSError:
        mem = 0
    return f"{model}, {os.cpu_count()} cores, {mem} GiB"


def median_time(fn: Callable[[], object], reps: int) -> float:
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def generate(n: int, path: Path, now: str) -> float:
    path.unlink(missing_ok=True)
    t = time.perf_counter()
    subprocess.run([*PRESALE, "--db", str(path), "--now", now, "demo", "--orders", str(n)],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def queries(svc: Service) -> dict[str, Callable[[], object]]:
    return {
        "count by status (dashboard)": lambda: svc.db.engine.connect().execute(text(
            "SELECT status, count(*) FROM orders GROUP BY status")).all(),
        "orders by status: first page (balance_paid, by deadline)": lambda: svc.orders.find(
            OrderFilter(statuses=["balance_paid"]), limit=200),
        "orders by status: count (balance_paid)": lambda: svc.orders.count(
            OrderFilter(statuses=["balance_paid"])),
        "due in 48 h: count + first page": lambda: (
            svc.orders.count(OrderFilter(due_within_hours=48)),
            svc.orders.find(OrderFilter(due_within_hours=48), limit=200)),
        "overdue: count": lambda: svc.orders.count(OrderFilter(overdue=True)),
        "per-SKU committed (stock overview)": svc.stock.overview,
        "campaign list with figures": svc.campaigns.all,
    }


def time_queries(svc: Service, reps: int) -> dict[str, float]:
    out = {}
    for name, fn in queries(svc).items():
        fn()  # warm the page cache
        out[name] = median_time(fn, reps)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--now", default="2026-11-22T12:00:00+08:00")
    ap.add_argument("--index-study", action="store_true")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="presale-bench-"))
    db_path = tmp / "demo.sqlite3"
    gen = [generate(a.orders, db_path, a.now) for _ in range(a.runs)]
    print(f"machine: {machine()}; python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}; date {datetime.now(UTC).date()}")
    print(f"\n| demo --orders {a.orders:,} | runs {', '.join(f'{g:.1f}' for g in gen)} s "
          f"| median **{statistics.median(gen):.1f} s** | size "
          f"{db_path.stat().st_size / 2**20:.0f} MB |")
    now = datetime.fromisoformat(a.now).astimezone(UTC)
    db = open_database(db_path)
    svc = Service(db, clock=fixed_clock(now))
    base = time_queries(svc, a.reps)
    print("\n| query | median (ms) |\n|---|---|")
    for k, v in base.items():
        print(f"| {k} | {v * 1000:.1f} |")
    if a.index_study:
        with db.engine.connect() as conn:
            idx = conn.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='orders' "
                "AND name LIKE 'ix_orders_%'")).all()
        names = [n for n, _ in idx]
        print("\n| query | all indexes | " + " | ".join(f"without {n}" for n in names)
              + " |\n|---|---|" + "---|" * len(names))
        results: dict[str, list[float]] = {k: [v] for k, v in base.items()}
        for name, sql in idx:
            with db.engine.begin() as conn:
                conn.execute(text(f'DROP INDEX "{name}"'))
            for k, v in time_queries(svc, a.reps).items():
                results[k].append(v)
            with db.engine.begin() as conn:
                conn.execute(text(sql))
                conn.execute(text("ANALYZE"))
        for k, vals in results.items():
            print(f"| {k} | " + " | ".join(f"{v * 1000:.1f}" for v in vals) + " |")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
