"""Benchmark: a full risk evaluation on the 1,000,000-order demo database (issue 9).

    .venv/bin/python bench/bench_risk.py --db desk1m.sqlite3 [--runs 5]

Times ``svc.risk.evaluate()`` (every rule, alerts stored) at the demo's own "now", then
the same after a bulk change of 100 orders (marked shipped), and prints each rule
family's share of one evaluation and the query plans of the aggregate queries.
Work on a copy: evaluation writes alerts (and opening upgrades an older file).
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--now", default="2026-11-22T04:00:00+00:00")
    a = ap.parse_args()
    from presale_engine.service import OrderFilter, fixed_clock
    from presale_engine.service.setup import open_service

    now = datetime.fromisoformat(a.now).astimezone(UTC)
    svc: Any = open_service(a.db, clock=fixed_clock(now))
    print(f"orders: {svc.orders.count():,}")
    from sqlalchemy import delete

    from presale_engine.store.models import AllocationCache

    def timed(fn: Any) -> float:
        t = time.perf_counter()
        fn()
        return time.perf_counter() - t

    def cold() -> None:  # as after an upgrade: no product's allocation is cached
        with svc.db.session() as s:
            s.execute(delete(AllocationCache))

    report: list[tuple[str, list[float]]] = []
    runs = []
    for _ in range(a.runs):
        cold()
        runs.append(timed(svc.risk.evaluate))
    report.append(("full evaluation, no allocation cached (every product allocated)", runs))
    report.append(("full evaluation (allocations cached, nothing changed)",
                   [timed(svc.risk.evaluate) for _ in range(a.runs)]))
    # after a bulk change of 100 orders: each run ships 100 other paid orders, then
    # times the first evaluation after it
    runs, touched = [], []
    for _ in range(a.runs):
        ids = [o.id for o in svc.orders.find(OrderFilter(statuses=["paid", "balance_paid"]),
                                             limit=100)]
        touched.append(len({o.sku for o in svc.orders.find(OrderFilter(ids=tuple(ids)),
                                                           limit=100)}))
        svc.orders.bulk("ship", ids=ids, carrier="SF")
        runs.append(timed(svc.risk.evaluate))
    report.append((f"re-evaluation after shipping 100 orders ({', '.join(map(str, touched))}"
                   " SKUs touched)", runs))
    alerts = svc.risk.alerts()
    print(f"{len(alerts)} open alerts")
    for label, xs in report:
        print(f"{label}: runs " + ", ".join(f"{x:.3f}" for x in xs)
              + f" s; median {statistics.median(xs):.3f} s")
    if svc.db.is_sqlite:
        from presale_engine.store import risk_queries as RQ

        with svc.db.session() as s:
            for label, stmt in RQ.explain_statements(now):
                plan = s.connection().exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + stmt).all()
                print(f"plan of {label}: " + " | ".join(str(r[-1]) for r in plan))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
