"""A tracking sheet: order numbers and the tracking numbers a warehouse or a carrier's
system wrote next to them (.xlsx or .csv), for ``svc.orders.bulk("ship", tracking=...)``.

The columns are found by their header in Chinese or English (订单号/订单编号/主订单编号/
Order ID…, 运单号/快递单号/物流单号/Tracking ID…; optionally 物流公司/快递公司/Carrier);
ids are read as exact text (``values.ident``): a 19-digit order number Excel stored as a
number has lost digits and its row is reported, not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .tables import read_table
from .values import CellError, ident, text

ORDER_HEADERS = ("订单号", "订单编号", "主订单编号", "子订单编号", "平台订单号", "order_no",
                 "order no", "order number", "order id", "orderid")
TRACKING_HEADERS = ("运单号", "快递单号", "物流单号", "运单编号", "tracking_no", "tracking no",
                    "tracking number", "tracking id", "tracking")
CARRIER_HEADERS = ("物流公司", "快递公司", "承运商", "carrier", "shipping provider name",
                   "shipping provider", "courier")


def _norm(h: str) -> str:
    return " ".join(h.replace("_", " ").split()).casefold()


def _find(headers: list[str], names: tuple[str, ...]) -> int | None:
    wanted = {_norm(n) for n in names}
    for i, h in enumerate(headers):
        if _norm(h) in wanted:
            return i
    return None


def _score(cells: list[str]) -> int:
    return sum(_find([c], names) is not None
               for c in cells for names in (ORDER_HEADERS, TRACKING_HEADERS))


@dataclass
class TrackingSheet:
    tracking: dict[str, str]  # order number -> tracking number
    carriers: dict[str, str] = field(default_factory=dict)  # order number -> carrier
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row, reason code)


def read_tracking(path: str | Path) -> TrackingSheet:
    """Read a tracking sheet; raises ``InputError`` when it lacks either column."""
    table = read_table(path, header_hint=_score, header_min_score=2)
    oi = _find(table.headers, ORDER_HEADERS)
    ti = _find(table.headers, TRACKING_HEADERS)
    if oi is None or ti is None:
        raise InputError(f"{table.file}: needs an order number column (订单号) and a "
                         "tracking number column (运单号)")
    ci = _find(table.headers, CARRIER_HEADERS)
    out = TrackingSheet({})
    for row, cells in table.rows:
        try:
            order_no = ident(cells[oi])
            tn = ident(cells[ti])
        except CellError as e:
            out.problems.append((row, e.code))
            continue
        if not order_no or not tn:
            continue
        if order_no in out.tracking and out.tracking[order_no] != tn:
            out.problems.append((row, "two_tracking_numbers"))
            continue
        out.tracking[order_no] = tn
        if ci is not None:
            carrier = text(cells[ci])
            if carrier:
                out.carriers[order_no] = carrier
    return out
