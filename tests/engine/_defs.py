"""Minimal campaign definitions for the engine tests (plain dicts, as the JSON files)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from presale_engine import campaigns
from presale_engine.campaigns import Campaign, ValidationContext
from presale_engine.errors import ValidationResult
from presale_engine.platforms import profile_for

# Copies of /work/shared/data/campaigns/*.json, so the suite runs on a fresh checkout.
SAMPLES = Path(__file__).parent / "data" / "campaigns"


def deposit_def(**over: Any) -> dict[str, Any]:
    """A clean Douyin deposit campaign: 10 days after the balance, 899 / 50 抵 150 / 20 off."""
    d: dict[str, Any] = {
        "name": "Test deposit",
        "platform": "douyin",
        "type": "deposit",
        "currency": "CNY",
        "timezone": "Asia/Shanghai",
        "deposit_window": {"start": "2026-10-20T00:00:00", "end": "2026-10-31T23:59:59"},
        "balance_window": {"start": "2026-11-01T00:00:00", "end": "2026-11-03T23:59:59"},
        "ship": {"mode": "after_payment", "days": 10},
        "items": [{"sku": "SKU-1", "price": "899.00", "deposit": "50.00",
                   "deposit_value": "150.00", "balance_discount": "20.00"}],
    }
    d.update(copy.deepcopy(over))
    return d


def full_def(**over: Any) -> dict[str, Any]:
    """A clean JD full-payment campaign: 10 days after payment, 19.90."""
    d: dict[str, Any] = {
        "name": "Test full",
        "platform": "jd",
        "type": "full",
        "currency": "CNY",
        "timezone": "Asia/Shanghai",
        "sale_window": {"start": "2026-11-05T00:00:00", "end": "2026-11-15T23:59:59"},
        "ship": {"mode": "after_payment", "days": 10},
        "items": [{"sku": "SKU-1", "price": "19.90"}],
    }
    d.update(copy.deepcopy(over))
    return d


def item(d: dict[str, Any], **over: Any) -> dict[str, Any]:
    """``d`` with its first item updated (``None`` removes a key)."""
    out = copy.deepcopy(d)
    it = out["items"][0]
    for k, v in over.items():
        if v is None:
            it.pop(k, None)
        else:
            it[k] = v
    return out


def parse(d: dict[str, Any]) -> Campaign:
    c, res = campaigns.parse_definition(d)
    assert res.errors == [], res.as_dict()
    assert c is not None
    return c


def check(d: dict[str, Any], ctx: ValidationContext | None = None) -> ValidationResult:
    """Parse (must succeed) and validate against the campaign's own platform profile."""
    c = parse(d)
    return campaigns.validate(c, profile_for(c.profile_code), ctx)


def load_sample(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
    return data


def fields_of(res: ValidationResult, code: str) -> list[str]:
    return [i.field for i in [*res.errors, *res.warnings] if i.code == code]
