"""Backtesting the forecast on generated presales with a known final (docs/PLANNING.md).

A generated campaign draws its own shape around the seeds' story (an opening burst of
15-35 % of the units in the first tenth of the window, a closing surge of 25-45 % in
the last 15 %, the rest spread over the middle), a final of 50-3,000 units, and places
each unit at a random time by that shape, so its curve is lumpy as real ones are. The
forecast is asked at a fraction of the window and compared with the final it could not
see. Seeded: the same seed gives the same campaigns.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass
from statistics import median

from .forecast import Curve, forecast

_BUCKETS = 240  # hours of a ten-day window


@dataclass(frozen=True)
class Case:
    final: int
    curve: Curve


def generate(rng: random.Random, *, burst: tuple[float, float] = (0.15, 0.35),
             surge: tuple[float, float] = (0.25, 0.45)) -> Case:
    final = rng.randint(50, 3000)
    b, u = rng.uniform(*burst), rng.uniform(*surge)
    m = 1.0 - b - u
    # cumulative share at the end of each phase: [0, .10] burst, [.10, .85] middle, rest
    edges = [(0.0, 0.0), (0.10, b), (0.85, b + m), (1.0, 1.0)]
    shares = [s for _f, s in edges]
    counts = [0] * _BUCKETS
    for _ in range(final):
        x = rng.random()
        i = min(bisect_right(shares, x) - 1, len(edges) - 2)
        (f0, s0), (f1, s1) = edges[i], edges[i + 1]
        f = f0 + (f1 - f0) * ((x - s0) / (s1 - s0) if s1 > s0 else 0.0)
        counts[min(int(f * _BUCKETS), _BUCKETS - 1)] += 1
    run, pts = 0, []
    for h, n in enumerate(counts):
        run += n
        pts.append(((h + 1) / _BUCKETS, run))
    return Case(final, Curve(tuple(pts)))


@dataclass(frozen=True)
class Score:
    fraction: float
    cases: int
    median_abs_error: float  # |forecast - final| / final
    covered: float  # share of cases whose range held the final
    model: str


def score(cases: list[Case], f: float, history: list[Curve] | None = None) -> Score:
    errors, hits, model = [], 0, ""
    for c in cases:
        fc = forecast(c.curve.at(f), f, history or ())
        model = fc.model
        errors.append(abs(fc.forecast_units - c.final) / c.final)
        hits += fc.low <= c.final <= fc.high
    return Score(f, len(cases), median(errors), hits / len(cases), model)


def run(seed: int = 2026, n: int = 200, fractions: tuple[float, ...] = (0.25, 0.5, 0.75),
        history_size: int = 0) -> list[Score]:
    """Scores at each fraction over ``n`` generated campaigns; with ``history_size``,
    each is forecast from that many earlier campaigns of the same generated shop (their
    shapes drawn closer together, as one shop's campaigns are)."""
    rng = random.Random(seed)
    if history_size:
        b0, u0 = rng.uniform(0.18, 0.32), rng.uniform(0.28, 0.42)
        shop = {"burst": (b0 - 0.04, b0 + 0.04), "surge": (u0 - 0.04, u0 + 0.04)}
        past = [generate(rng, **shop).curve for _ in range(history_size)]
        cases = [generate(rng, **shop) for _ in range(n)]
        return [score(cases, f, past) for f in fractions]
    cases = [generate(rng) for _ in range(n)]
    return [score(cases, f) for f in fractions]
