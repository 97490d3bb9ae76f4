"""`presale shop settings` and the campaign moves of a shop without the approval step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .helpers import ok


def test_shop_settings_and_moves_without_approval(cli: Any, shared_data: Path) -> None:
    campaigns = shared_data / "campaigns"
    assert ok(cli("shop", "settings", "--json")) == {"require_approval": False}
    assert "off" in cli("shop", "settings").out
    jd = str(campaigns / "jd_star_earrings.json")
    assert ok(cli("campaign", "create", "--file", jd, "--json")) == {"id": 1}
    assert ok(cli("campaign", "show", "1", "--json"))["status"] == "approved"
    r = cli("campaign", "submit", "1")
    assert r.code == 0
    assert "no approval step" in r.out
    assert "already active" in r.out
    assert ok(cli("campaign", "approve", "1", "--json")) == {"id": 1, "status": "approved"}
    dup = ok(cli("campaign", "duplicate", "1", "--shift-days", "365", "--json"))
    r = cli("campaign", "submit", str(dup["id"]))
    assert "is active now" in r.out
    assert ok(cli("shop", "settings", "--approval", "on", "--json")) == {
        "require_approval": True}
    assert "on" in cli("shop", "settings").out
