"""Helpers for the service tests: sample definitions, local times, counting rows."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

SH = ZoneInfo("Asia/Shanghai")
LA = ZoneInfo("America/Los_Angeles")

DOUYIN = "douyin_down_jacket.json"  # deposit 50 worth 150, 20 off, 899; 10 days after balance
JD = "jd_star_earrings.json"  # full 19.90, fixed date 2026-11-25, reserve_stock
TAOBAO = "taobao_ice_machine.json"  # deposit 30 worth 60, tiers 299/279/259, reserve_stock
TIKTOK = "tiktok_gift_box.json"  # full 39.90 USD, 15 days after payment
SAMPLES = (DOUYIN, JD, TAOBAO, TIKTOK)


def sh(text: str) -> datetime:
    """A Shanghai wall-clock time, aware."""
    return datetime.fromisoformat(text).replace(tzinfo=SH)


def la(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LA)


@pytest.fixture
def sample(shared_data: Path) -> Callable[[str], dict[str, Any]]:
    """sample(name) -> a fresh copy of a shared campaign definition."""
    cache: dict[str, dict[str, Any]] = {}

    def load(name: str) -> dict[str, Any]:
        if name not in cache:
            cache[name] = json.loads((shared_data / "campaigns" / name).read_text("utf-8"))
        return copy.deepcopy(cache[name])

    return load


def count(svc: Any, model: type) -> int:
    with svc.db.session() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())
