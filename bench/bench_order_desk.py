"""Benchmark: the order desk on the 1,000,000-order demo database, driving the real widgets.

    .venv/bin/python bench/bench_order_desk.py [--db PATH] [--runs 3] [--plans]

Each run is a fresh process (offscreen Qt, the application's threaded task manager and
the page's own reader thread, as the app runs them) on the demo database (built once
with ``presale demo --orders 1000000`` and cached at --db). Measured, from the GUI
thread's point of view:

- first rows: the orders page shown → the first row's data on screen; then the count
  and the ordered ids arriving;
- each sort (deadline, buyer, order no., status, total, ordered) and filter (a state, a
  campaign, overdue, unpaid balances), a search (an order number, a buyer): the request
  → the first row's data;
- dragging the scroll bar to the end → the last row's data;
- the longest GUI-thread stall: a 5 ms timer on the GUI thread records the largest gap
  between its ticks over the whole run (everything above);
- process memory: VmRSS at the end and the peak (VmHWM);
- a bulk "mark shipped" of 10,000 selected orders through the confirmation dialog (on a
  copy of the file): the dry-run preview, then confirm → applied.

Goals (issue 10): first rows < 1 s; first page of any sort/filter/search < 300 ms; no
GUI stall > 100 ms; memory < 500 MB; the 10,000-order bulk action < 5 s.
``--plans`` prints SQLite's query plans of the statements behind those steps.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-11-22T12:00:00+08:00"
DEFAULT_DB = Path(os.environ.get("PRESALE_BENCH_DB", str(ROOT.parent / "cache" /
                                                          "desk1m.sqlite3")))
BULK = 10_000


def build(db: Path, orders: int) -> None:
    if db.exists():
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "presale_engine.cli", "--db", str(db), "--now", NOW,
                    "demo", "--orders", str(orders)], check=True, cwd=ROOT)


def rss() -> tuple[float, float]:
    """(VmRSS, VmHWM) in MB."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            k, v = line.split(":")
            out[k] = int(v.split()[0]) / 1024
    return out.get("VmRSS", 0.0), out.get("VmHWM", 0.0)


# --------------------------------------------------------------------------- child

def child(db: str, bulk_db: str | None) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import datetime

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from app import ops
    from app.context import DeskContext
    from app.main_window import MainWindow
    from presale_engine.service import OrderFilter, fixed_clock
    from presale_engine.service.setup import open_service

    now = datetime.fromisoformat(NOW)
    res: dict[str, Any] = {}

    # the GUI thread's longest stall: a 5 ms timer, the largest gap between ticks
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]
    worst = [0, ""]
    phase = ["start"]

    def tick() -> None:
        t = clock.elapsed()
        gap = t - last[0]
        if gap > worst[0]:
            worst[0], worst[1] = gap, phase[0]
        last[0] = t

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)

    def wait(cond: Any, limit: float = 60.0) -> float:
        t0 = time.perf_counter()
        while not cond():
            app.processEvents()
            if time.perf_counter() - t0 > limit:
                raise TimeoutError(phase[0])
            time.sleep(0.001)
        return time.perf_counter() - t0

    def calm(seconds: float = 0.3) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    svc = open_service(db, clock=fixed_clock(now))
    ctx = DeskContext.for_service(svc)
    w = MainWindow()
    w.resize(1366, 768)
    w.show()
    w.set_context(ctx)
    calm(1.0)  # the dashboard loads first; then the measured part starts
    timer.start()
    last[0] = clock.elapsed()
    page = w.orders
    model = page.model

    def first_row() -> bool:
        return model.rowCount() > 0 and model.order_at(0) is not None

    phase[0] = "open"
    w.show_page("orders")
    res["first_rows"] = wait(first_row)
    res["count"] = wait(lambda: model.counted) + res["first_rows"]
    res["ids"] = wait(lambda: model.ids is not None) + res["first_rows"]
    res["row_count"] = model.rowCount()
    calm()

    def timed(name: str, action: Any) -> None:
        phase[0] = name
        action()
        res[name] = wait(lambda: model.query is not None and first_row())
        wait(lambda: model.ids is not None)
        calm(0.2)

    for key in ("ship_deadline", "buyer", "order_no", "status", "total", "ordered_at"):
        timed(f"sort {key}", lambda k=key: page.sort_by(k))
        timed(f"sort {key} desc", lambda k=key: page.sort_by(k, True))
    # columns without an index of their own (hidden by default): a sort in SQLite's sorter
    for key in ("qty", "deposit", "paid_at"):
        timed(f"sort {key} (no index)", lambda k=key: page.sort_by(k))
    page.sort_by("ship_deadline")
    wait(first_row)
    timed("filter state balance_paid", lambda: page.show_filter(
        OrderFilter(statuses=("balance_paid",))))
    timed("filter campaign", lambda: page.show_filter(OrderFilter(campaign_id=2)))
    timed("filter overdue", lambda: page.show_filter(OrderFilter(overdue=True)))
    timed("filter balance unpaid", lambda: page.show_filter(OrderFilter(
        balance_unpaid=True)))
    timed("filter campaign + 2 states, by buyer", lambda: page.show_filter(OrderFilter(
        campaign_id=2, statuses=("balance_paid", "shipped")), sort="buyer"))
    some = svc.orders.page(limit=1, sort="order_no", desc=True).rows[0]
    timed("search order no", lambda: page.show_filter(OrderFilter(search=some.order_no)))
    timed("search buyer", lambda: page.show_filter(OrderFilter(search="buyer12345")))
    page.reset_filter()
    wait(lambda: model.ids is not None and model.rowCount() > 900_000)
    calm()
    phase[0] = "drag to end"
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    last_row = model.rowCount() - 1
    res["drag to end"] = wait(lambda: model.order_at(last_row) is not None)
    phase[0] = "drag to middle"
    bar.setValue(bar.maximum() // 2)
    mid = page.table.rowAt(10)
    res["drag to middle"] = wait(lambda: model.order_at(mid) is not None)
    calm()
    phase[0] = "minute tick"
    page.tick()
    calm(0.2)
    res["stall_ms"] = worst[0]
    res["stall_phase"] = worst[1]
    res["rss_mb"], res["hwm_mb"] = rss()
    page.reader.stop()
    ops.manager().wait_idle()
    svc.db.dispose()

    if bulk_db:
        svc2 = open_service(bulk_db, clock=fixed_clock(now))
        w.set_context(DeskContext.for_service(svc2))
        page = w.orders
        model = page.model
        page.show_filter(OrderFilter(statuses=("balance_paid", "paid")))
        wait(lambda: model.ids is not None)
        res["bulk_pool"] = model.total
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        sel = QItemSelection(model.index(0, 0), model.index(BULK - 1, model.columnCount() - 1))
        page.table.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        calm(0.2)
        worst[0] = 0
        phase[0] = "bulk preview"
        dlg = page.start_bulk("ship")
        res["bulk_preview"] = wait(lambda: dlg.preview is not None)
        assert dlg.preview.applied == BULK, dlg.preview.applied
        dlg.carrier.setCurrentText("顺丰速运")
        dlg.refresh_preview()
        wait(lambda: dlg.confirm.isEnabled())
        phase[0] = "bulk apply"
        dlg.confirm.click()
        res["bulk_apply"] = wait(lambda: dlg.outcome is not None)
        res["bulk_applied"] = dlg.outcome.applied
        res["bulk_stall_ms"] = worst[0]
        page.reader.stop()
        ops.manager().wait_idle()
        svc2.db.dispose()
    return res


# --------------------------------------------------------------------------- plans

def plans(db: str) -> None:
    import sqlite3
    from datetime import datetime

    from sqlalchemy import event

    from presale_engine.service import OrderFilter, fixed_clock
    from presale_engine.service.setup import open_service

    svc = open_service(db, clock=fixed_clock(datetime.fromisoformat(NOW)))
    seen: list[tuple[str, Any]] = []

    @event.listens_for(svc.db.engine, "before_cursor_execute")
    def grab(_c: Any, _cur: Any, statement: str, params: Any, _x: Any, _m: Any) -> None:
        seen.append((statement, params))

    raw = sqlite3.connect(db)
    steps = {
        "first page, by deadline": lambda: svc.orders.page(limit=200),
        "first page, by buyer": lambda: svc.orders.page(sort="buyer", limit=200),
        "last page, by deadline (reversed)": lambda: svc.orders.page(limit=200, reverse=True),
        "first page, state balance_paid": lambda: svc.orders.page(
            OrderFilter(statuses=("balance_paid",)), limit=200),
        "first page, search": lambda: svc.orders.page(OrderFilter(search="buyer12345"),
                                                      limit=200),
        "first page, one campaign by deadline": lambda: svc.orders.page(
            OrderFilter(campaign_id=5), limit=200),
        "first page, two states by deadline (merged)": lambda: svc.orders.page(
            OrderFilter(balance_unpaid=True), limit=200),
        "count, state balance_paid": lambda: svc.orders.count(
            OrderFilter(statuses=("balance_paid",))),
        "ordered ids, by status": lambda: svc.orders.ids(sort="status"),
        "rows by id (a window)": lambda: svc.orders.rows(list(range(500_000, 500_200))),
        "change token": svc.orders.change_token,
    }
    for name, fn in steps.items():
        seen.clear()
        fn()
        print(f"\n**{name}**\n```")
        shown: set[str] = set()
        for sql, params in seen:
            if "orders" not in sql or sql in shown:
                continue
            shown.add(sql)
            flat = " ".join(sql.split())
            if " IN (?, ?, ?" in flat:  # a window's 200 ids
                flat = flat[:flat.index(" IN (") + 5] + "?, … 200 ids)"
            cols = flat.index(" FROM ")
            print(("SELECT … " if flat.startswith("SELECT") else "") + flat[cols + 1:])
            for row in raw.execute("EXPLAIN QUERY PLAN " + sql, params or ()):
                print("   ", row[3])
        print("```")
    svc.db.dispose()


# --------------------------------------------------------------------------- parent

def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=str(DEFAULT_DB))
    ap.add_argument("--orders", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-bulk", action="store_true")
    ap.add_argument("--plans", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--bulk-db", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(a.db, a.bulk_db)))
        return 0
    db = Path(a.db)
    build(db, a.orders)
    if a.plans:
        plans(str(db))
        return 0
    results = []
    for n in range(a.runs):
        with tempfile.TemporaryDirectory(dir=db.parent) as tmp:
            cmd = [sys.executable, __file__, "--child", "--db", str(db)]
            if not a.no_bulk:
                copy = Path(tmp) / "bulk.sqlite3"
                shutil.copy(db, copy)
                cmd += ["--bulk-db", str(copy)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"run {n + 1}: {json.dumps(r)}", file=sys.stderr)
            results.append(r)
    keys = [k for k, v in results[0].items() if isinstance(v, int | float)]
    print("| step | runs | median |\n|---|---|---|")
    for k in keys:
        vals = [r[k] for r in results]
        ms = not k.endswith(("_mb", "_ms", "_count", "pool", "applied"))
        fmt = (lambda v: f"{v * 1000:.0f} ms") if ms else (lambda v: f"{v:,.0f}")
        print(f"| {k} | {', '.join(fmt(v) for v in vals)} | **{fmt(statistics.median(vals))}** |")
    print("\nlongest stall in:", [r["stall_phase"] for r in results])
    return 0


if __name__ == "__main__":
    sys.exit(main())
