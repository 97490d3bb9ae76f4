"""Benchmark: cold start of Presale Desk to a usable window on the demo database.

    .venv/bin/python bench/bench_startup.py [--db demo.sqlite3] [--runs 5] [--page dashboard]

Each run is a fresh process (``python -m app --exit-when-ready --timing``) on the
offscreen platform with a throwaway HOME, so nothing is cached in the app's settings.
"Ready" means: the window is shown, the first page has its data on screen and the status
bar has its figures. The wall time is taken from just before the process is spawned to
the moment it reports ready; the app's own milestones (printed by ``--timing``) split
that time up. Without ``--db`` a 20,000-order demo database is made once in a temporary
folder (as the app's "Open the demo shop" does). Prints Markdown for docs/BENCHMARKS.md.

``--importtime`` adds the slowest imports of one run (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARK = re.compile(r"^\s*([\d.]+) ms\s+\(\+\s*[\d.]+\)\s+(.*)$")
WORKER = re.compile(r"^\s*worker:\s+([\d.]+) ms\s+(.*)$")


def make_demo(folder: Path, orders: int) -> Path:
    db = folder / "demo.sqlite3"
    subprocess.run([sys.executable, "-m", "presale_engine.cli", "--db", str(db), "demo",
                    "--orders", str(orders)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return db


Steps = list[tuple[str, float]]


def one_run(db: Path, page: str, home: Path, extra: list[str] | None = None
            ) -> tuple[float, Steps, Steps, str]:
    """(wall ms, the app's milestones, the worker's steps, stderr) of one fresh start."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"))
    cmd = [sys.executable, *(extra or []), "-m", "app", "--db", str(db), "--page", page,
           "--exit-when-ready", "--timing"]
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    marks: list[tuple[str, float]] = []
    worker: list[tuple[str, float]] = []
    wall = None
    lines = []
    for line in proc.stderr:
        lines.append(line)
        m = MARK.match(line)
        if m:
            marks.append((m.group(2).strip(), float(m.group(1))))
        w = WORKER.match(line)
        if w:
            worker.append((w.group(2).strip(), float(w.group(1))))
        if line.startswith("ready "):
            wall = (time.perf_counter() - t0) * 1000
    proc.wait()
    if proc.returncode != 0 or wall is None:
        raise SystemExit(f"run failed ({proc.returncode}):\n{''.join(lines)}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    marks.append(("(process CPU time, user+sys, whole run)", cpu))
    return wall, marks, worker, "".join(lines)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", type=Path, help="database to open (default: a fresh demo)")
    p.add_argument("--orders", type=int, default=20_000, help="orders in the fresh demo")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--page", default="dashboard",
                   choices=["dashboard", "campaigns", "orders", "inventory", "alerts"])
    p.add_argument("--importtime", action="store_true",
                   help="also list the slowest imports of one run")
    a = p.parse_args()

    with tempfile.TemporaryDirectory(prefix="presale-bench-startup-") as tmp:
        folder = Path(tmp)
        db = a.db or make_demo(folder, a.orders)
        one_run(db, a.page, folder / "warm")  # warm the OS file cache and .pyc files
        walls: list[float] = []
        cpus: list[float] = []
        worker_steps: dict[str, list[float]] = {}
        per_mark: dict[str, list[float]] = {}
        order: list[str] = []
        for i in range(a.runs):
            wall, marks, worker, _ = one_run(db, a.page, folder / f"home{i}")
            walls.append(wall)
            _cpu_name, cpu = marks.pop()
            cpus.append(cpu)
            for name, ms in worker:
                worker_steps.setdefault(name, []).append(ms)
            prev = 0.0
            for name, at in marks:
                if name not in per_mark:
                    order.append(name)
                per_mark.setdefault(name, []).append(at - prev)
                prev = at
            per_mark.setdefault("interpreter start + `import app`", []).append(
                wall - marks[-1][1] if marks else 0.0)

        print(f"Cold start to a usable window ({a.page} page populated), {a.runs} runs, "
              f"median; {platform.python_implementation()} {platform.python_version()}, "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}\n")
        print("| | median ms | min ms | max ms |\n|---|---:|---:|---:|")
        print(f"| **wall clock, spawn → ready** | **{statistics.median(walls):.0f}** | "
              f"{min(walls):.0f} | {max(walls):.0f} |")
        print(f"| CPU time of the process (user+sys, to exit) | {statistics.median(cpus):.0f} | "
              f"{min(cpus):.0f} | {max(cpus):.0f} |")
        print("\nWhere the time goes (median of each step; steps measured inside the "
              "process from `app.main` being imported):\n")
        print("| step | median ms |\n|---|---:|")
        for name in order:
            print(f"| {name} | {statistics.median(per_mark[name]):.0f} |")
        rest = per_mark["interpreter start + `import app`"]
        print(f"| (outside: interpreter start, site, process exit lag) | "
              f"{statistics.median(rest):.0f} |")
        print("\nOn the database worker thread, overlapping the steps above from "
              "\"database opening started\":\n")
        print("| worker step | median ms |\n|---|---:|")
        for name, values in worker_steps.items():
            print(f"| {name} | {statistics.median(values):.0f} |")

        if a.importtime:
            _, _, _, err = one_run(db, a.page, folder / "imp", ["-X", "importtime"])
            rows = []
            for line in err.splitlines():
                m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
                if m:
                    rows.append((int(m.group(2)), len(m.group(3)), m.group(4)))
            top = [r for r in rows if r[1] <= 3]
            top.sort(reverse=True)
            print("\nSlowest top-level imports (cumulative, one run, -X importtime "
                  "inflates them):\n")
            print("| module | ms |\n|---|---:|")
            for cum, _depth, name in top[:15]:
                print(f"| {name} | {cum / 1000:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
