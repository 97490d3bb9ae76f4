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
    full = []
    for _ in range(a.runs):
        t = time.perf_counter()
        alerts = svc.risk.evaluate()
        full.append(time.perf_counter() - t)
    print(f"full evaluation: {len(alerts)} alerts; runs " +
          ", ".join(f"{x:.2f}" for x in full) + f" s; median {statistics.median(full):.2f} s")
    # where the time goes
    import presale_engine.service.risk as R

    parts: dict[str, float] = {}
    for name in ("_short_groups", "_campaign_findings"):
        fn = getattr(R.RiskPart, name)

        def timed(*args: Any, _fn: Any = fn, _n: str = name, **kw: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return _fn(*args, **kw)
            finally:
                parts[_n] = parts.get(_n, 0.0) + time.perf_counter() - t0

        setattr(R.RiskPart, name, timed)
    t = time.perf_counter()
    svc.risk.evaluate()
    total = time.perf_counter() - t
    print(f"one evaluation {total:.2f} s: supply shortfall (allocation) "
          f"{parts['_short_groups']:.2f} s, campaign rules {parts['_campaign_findings']:.2f} s, "
          f"aggregate queries and the rest {total - sum(parts.values()):.2f} s")
    # after a bulk change of 100 orders
    ids = [o.id for o in svc.orders.find(OrderFilter(statuses=["paid", "balance_paid"]),
                                         limit=100)]
    svc.orders.bulk("ship", ids=ids, carrier="SF")
    after = []
    for _ in range(a.runs):
        t = time.perf_counter()
        svc.risk.evaluate()
        after.append(time.perf_counter() - t)
    print(f"re-evaluation after shipping {len(ids)} orders: runs " +
          ", ".join(f"{x:.2f}" for x in after) + f" s; median {statistics.median(after):.2f} s")
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
