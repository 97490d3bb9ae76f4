"""Blind boxes (盲盒, seed 000): a campaign item whose SKU is a box drawn from a pool of
SKUs with weights.

The definition gives the pool on the item: ``"blind_box": {"pool": [{"sku": "A",
"weight": 3}, {"sku": "B", "weight": 1}]}``. Stock planning counts the pool (a box unit
is expected to take each pool SKU in proportion to its weight); at packing each box is
drawn once, from a seed made of the campaign, the order number, its line and the unit,
so a reprint or another machine draws the same SKU (docs/BLIND_BOX_AND_MEMBERS.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any


@dataclass(frozen=True)
class PoolEntry:
    sku: str
    weight: Decimal


def parse_pool(raw: Any, base: str, err: Any) -> tuple[PoolEntry, ...]:
    """The pool of an item's ``blind_box`` (``err(code, field, params)`` for problems)."""
    if raw is None:
        return ()
    pool_raw = raw.get("pool") if isinstance(raw, Mapping) else None
    fld = f"{base}.blind_box.pool"
    if not isinstance(pool_raw, list) or not pool_raw:
        err("blind_box_empty", fld, {})
        return ()
    out: list[PoolEntry] = []
    seen: set[str] = set()
    for j, e in enumerate(pool_raw):
        sku = str(e.get("sku", "")).strip() if isinstance(e, Mapping) else ""
        try:
            weight = Decimal(str(e.get("weight", "1"))) if isinstance(e, Mapping) \
                else Decimal(0)
        except InvalidOperation:
            weight = Decimal(0)
        if not sku:
            err("blind_box_no_sku", f"{fld}[{j}].sku", {"n": j + 1})
            continue
        if not weight.is_finite() or weight <= 0:
            err("blind_box_weight", f"{fld}[{j}].weight", {"sku": sku,
                                                         "value": str(e.get("weight"))})
            continue
        if sku in seen:
            err("blind_box_duplicate", f"{fld}[{j}].sku", {"sku": sku})
            continue
        seen.add(sku)
        out.append(PoolEntry(sku, weight))
    return tuple(out)


def pool_definition(pool: Sequence[PoolEntry]) -> dict[str, Any]:
    return {"pool": [{"sku": e.sku, "weight": format(e.weight.normalize(), "f")}
                     for e in pool]}


def shares(pool: Sequence[PoolEntry]) -> dict[str, Decimal]:
    """Each pool SKU's share of the boxes (weights over their sum)."""
    total = sum((e.weight for e in pool), Decimal(0))
    return {e.sku: e.weight / total for e in pool} if total else {}


def expected_units(pool: Sequence[PoolEntry], boxes: int) -> dict[str, Decimal]:
    """Units of each pool SKU ``boxes`` boxes are expected to take (not rounded)."""
    return {sku: share * boxes for sku, share in shares(pool).items()}


def draw(pool: Sequence[PoolEntry], seed: str) -> str:
    """The pool SKU of one box: a weighted draw from a hash of ``seed`` (the same seed
    draws the same SKU on every machine, in every run)."""
    if not pool:
        raise ValueError("an empty pool draws nothing")
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    x = Decimal(int.from_bytes(digest[:8], "big")) / Decimal(2 ** 64)  # [0, 1)
    total = sum((e.weight for e in pool), Decimal(0))
    run = Decimal(0)
    for e in pool:
        run += e.weight / total
        if x < run:
            return e.sku
    return pool[-1].sku


def draw_order(pool: Sequence[PoolEntry], campaign_id: int, order_no: str, line: str,
               qty: int) -> list[str]:
    """The SKUs of an order line's ``qty`` boxes, one draw per unit."""
    return [draw(pool, f"{campaign_id}|{order_no}|{line}|{unit}") for unit in range(qty)]
