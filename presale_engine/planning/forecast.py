"""How many units a campaign SKU will end at, from the curve of its sales so far.

Pure functions over plain numbers (docs/PLANNING.md). A presale's units come in a known
shape: a burst when the window opens, a steady middle, a surge before it closes. The
share of the final already in at a fraction ``f`` of the window, ``S(f)``, is taken
from the shop's earlier campaigns on the same platform where there are any (each one's
units at the same fraction of its own window over its final), else from a documented
default shape. The forecast is ``units so far / S(f)``; the range comes from how much
``S(f)`` varied between those campaigns, or, with the default, from a band that
narrows as the window runs.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import mean

# The default shape (no history): 25 % of the units in the first 10 % of the window,
# 40 % spread over the middle, 35 % in the last 15 % (seeds 000/002: the opening burst
# and the rush before the deposit window closes).
DEFAULT_SHAPE: tuple[tuple[float, float], ...] = ((0.0, 0.0), (0.10, 0.25), (0.85, 0.65),
                                                 (1.0, 1.0))
# Relative half-width of the default range at fraction f: wide early, narrow late.
DEFAULT_BAND_START = 0.45
DEFAULT_BAND_END = 0.05
# A single past campaign says little about the next: its share is widened by this.
ONE_HISTORY_BAND = 0.25
# Past campaigns' spread is widened by this much (a new campaign varies more than the
# few the shop has run).
HISTORY_SLACK = 0.10

MODEL_DEFAULT = "default_shape"
MODEL_HISTORY = "shop_history"
MODEL_ACTUAL = "actual"
MODEL_NOT_STARTED = "not_started"


@dataclass(frozen=True)
class Curve:
    """Cumulative units at fractions of a window: ``points`` sorted by fraction."""

    points: tuple[tuple[float, int], ...]

    def at(self, f: float) -> int:
        """Units in by fraction ``f`` (the last point at or before it)."""
        keys = [p for p, _u in self.points]
        i = bisect_right(keys, f)
        return self.points[i - 1][1] if i else 0

    @property
    def final(self) -> int:
        return self.points[-1][1] if self.points else 0


@dataclass(frozen=True)
class Forecast:
    units_so_far: int
    forecast_units: int
    low: int
    high: int
    model: str
    history_campaigns: int
    fraction: float  # of the window gone by


def default_share(f: float) -> float:
    """S(f) of the default shape: the share of the final in by fraction ``f``."""
    f = min(max(f, 0.0), 1.0)
    for (f0, s0), (f1, s1) in pairwise(DEFAULT_SHAPE):
        if f <= f1:
            return s0 + (s1 - s0) * (f - f0) / (f1 - f0)
    return 1.0


def fraction(start: float, end: float, now: float) -> float:
    """How much of the window [start, end] has gone by at ``now`` (0..1), as timestamps."""
    if end <= start:
        return 1.0
    return min(max((now - start) / (end - start), 0.0), 1.0)


def forecast(units_so_far: int, f: float, history: Sequence[Curve] = (),
             cap: int | None = None) -> Forecast:
    """Final units of one SKU with ``units_so_far`` in at fraction ``f`` of its window.

    ``history``: the curves of the shop's earlier campaigns (same platform) for this
    SKU's campaign, each on its own window's fractions; used when there are any with a
    final above zero. ``cap``: the most the campaign will sell of it.
    """
    usable = [h for h in history if h.final > 0]
    if f >= 1.0:
        return Forecast(units_so_far, units_so_far, units_so_far, units_so_far,
                        MODEL_ACTUAL, len(usable), 1.0)
    if f <= 0.0:
        return Forecast(units_so_far, units_so_far, units_so_far, units_so_far,
                        MODEL_NOT_STARTED, len(usable), 0.0)
    if usable:
        shares = [min(max(h.at(f) / h.final, 1e-6), 1.0) for h in usable]
        mid = mean(shares)
        if len(shares) == 1:
            lo_s, hi_s = mid * (1 - ONE_HISTORY_BAND), min(mid * (1 + ONE_HISTORY_BAND), 1.0)
        else:
            lo_s = min(shares) * (1 - HISTORY_SLACK)
            hi_s = min(max(shares) * (1 + HISTORY_SLACK), 1.0)
        model = MODEL_HISTORY
    else:
        mid = default_share(f)
        band = DEFAULT_BAND_START + (DEFAULT_BAND_END - DEFAULT_BAND_START) * f
        lo_s, hi_s = mid * (1 - band), min(mid * (1 + band), 1.0)
        model = MODEL_DEFAULT
    point = _units(units_so_far / mid)
    low = max(units_so_far, _units(units_so_far / hi_s))
    high = max(point, _units(units_so_far / max(lo_s, 1e-6)))
    if cap is not None:
        point, low, high = (min(max(x, units_so_far), max(cap, units_so_far))
                            for x in (point, low, high))
    return Forecast(units_so_far, max(point, units_so_far), min(low, point), high, model,
                    len(usable), f)


def _units(x: float) -> int:
    return math.floor(x + 0.5)
