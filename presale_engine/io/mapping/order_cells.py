"""The order mapper's fast paths: lookup tables for time texts and the cell tests
they share (``OrderMapper`` keeps the logic; this module keeps its tables small).
"""


from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from operator import itemgetter
from typing import Any

from presale_engine.io import values as V

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# "00".."59" (ASCII only: the slow path would read other digits the same, but rarely
# sees them) to a number of seconds.
_SECOND_INTS = {f"{s:02d}": s for s in range(60)}
# _epoch_texts: the parts of 'YYYY-MM-DD HH:MM:SS', and sentinel sums for a blank cell
# (far below any instant) and a part the lookups do not read (far above).
_HOUR_PART, _MINUTE_PART, _SECOND_PART = (itemgetter(slice(0, 13)), itemgetter(slice(13, 16)),
                                          itemgetter(slice(16, None)))  # fmt: skip
_MINUTE_OFFSETS = {"": 0, **{f":{m:02d}": 60 * m for m in range(60)}}
_SECOND_OFFSETS = {"": 0, **{f":{s:02d}": s for s in range(60)}}
_BLANK, _UNREAD = -(1 << 62), 1 << 62
_BLANK_LIMIT, _UNREAD_LIMIT = -(1 << 61), 1 << 61
_TEXT_OR_NONE = frozenset({str, type(None)})
_BLANK_OR_TIME_LENGTHS = frozenset({0, 19})
_NOTHING_WORDS = frozenset({"null", "none", "na"})  # the letters-only "nothing" marks
_SECOND_DELTAS = {f"{s:02d}": timedelta(seconds=s) for s in range(60)}
_SPACE_OR_ODD = frozenset(" \t\r\n\v\f\x1c\x1d\x1e\x1f\x85\xa0\u3000=\ufeff\u200b\u200e\u200f")


class _KeyMemo(dict[Any, Any]):
    """A rule outcome per distinct key (few per file), looked up at C speed."""

    def __init__(self, decide: Callable[[Any], Any]) -> None:
        super().__init__()
        self.decide = decide

    def __missing__(self, key: Any) -> Any:
        got = self[key] = self.decide(key)
        return got


class _LineKeys(dict[str, str]):
    """``sku:<code>``, the line key of an order line without a sub-order number, made
    once per SKU."""

    def __missing__(self, sku: str) -> str:
        key = self[sku] = "sku:" + sku
        return key


def _present(value: object) -> bool:
    """The cell counts as filled (``_raw_cells`` keeps it)."""
    if value is None or value == "":
        return False
    if value.__class__ is not str:
        return True
    return value[0] not in _SPACE_OR_ODD or not V.is_blank(value)


def _present_flags(cells: list[Any]) -> list[bool]:
    return [c is not None and c != "" and (c.__class__ is not str or c[0] not in _SPACE_OR_ODD
            or not V.is_blank(c)) for c in cells]  # fmt: skip


def _epoch(dt: datetime) -> int:
    """Whole UTC epoch seconds, rounded (an Excel serial time can be a hair early)."""
    delta = dt - _EPOCH
    return delta.days * 86400 + delta.seconds + (1 if delta.microseconds >= 500_000 else 0)


@lru_cache(maxsize=256)
def _first_format(text: str, formats: tuple[str, ...]) -> str | None:
    """The first of ``formats`` whose pattern reads ``text`` (as ``parse_local`` tries)."""
    for fmt in formats:
        if V._compile(fmt)[0].match(text):
            return fmt
    return None


def _same(a: Any, b: Any) -> bool:
    """Equal apart from the row number (frozen dataclasses with ``excel_row``)."""
    return all(
        getattr(a, f.name) == getattr(b, f.name) for f in fields(a) if f.name != "excel_row"
    )
