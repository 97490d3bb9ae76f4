"""Backtest of the forecast (issue 12): its error at 25, 50 and 75 % of the window.

    .venv/bin/python bench/bench_forecast.py [--orders 20000] [--cases 300]

1. Generated presales with a known final (``presale_engine.planning.backtest``): the
   default shape alone, and a shop's own shape learnt from 3 earlier campaigns.
2. The demo shop (``presale demo``): each campaign whose selling window has closed by
   the demo's "now" is forecast as it stood at 25, 50 and 75 % of its window (the
   service's clock moved back; only payments before then are seen) and compared with
   the units it ended with.
Prints a Markdown table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=20000)
    ap.add_argument("--cases", type=int, default=300)
    a = ap.parse_args()
    from presale_engine.planning import backtest as B

    print("| cases | model | at 25 % | at 50 % | at 75 % |")
    print("|---|---|---|---|---|")
    for label, hist in (("generated, no history", 0), ("generated, 3 earlier campaigns", 3)):
        scores = B.run(seed=2026, n=a.cases, history_size=hist)
        cells = [f"error {s.median_abs_error:.1%}, range holds {s.covered:.0%}"
                 for s in scores]
        print(f"| {label} ({a.cases}) | {scores[0].model} | " + " | ".join(cells) + " |")

    from presale_engine.service import fixed_clock
    from presale_engine.service.setup import generate_demo_shop, open_service

    now = datetime(2026, 11, 22, 4, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        svc: Any = open_service(Path(tmp) / "demo.sqlite3", clock=fixed_clock(now))
        generate_demo_shop(svc, orders=a.orders)
        for c in svc.campaigns.all():
            final = svc.planning.forecast(c.id)
            if final.model != "actual" or final.window_start is None:
                continue
            total = sum(i.forecast_units for i in final.items)
            if not total:
                continue
            start, end = final.window_start, final.window_end
            cells, model = [], ""
            for f in (0.25, 0.5, 0.75):
                when = start + (end - start) * f
                svc.clock = fixed_clock(when)
                fc = svc.planning.forecast(c.id)
                model = fc.model
                got = sum(i.forecast_units for i in fc.items)
                lo = sum(i.low for i in fc.items)
                hi = sum(i.high for i in fc.items)
                err = abs(got - total) / total
                cells.append(f"{got} vs {total} ({err:.0%}), range {lo}-{hi}")
            svc.clock = fixed_clock(now)
            print(f"| demo #{c.id} {c.platform} {c.type} | {model} | " + " | ".join(cells)
                  + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
