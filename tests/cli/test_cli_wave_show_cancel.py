"""`presale wave show` and `presale wave cancel`: the two wave commands the print tests
do not drive."""

from __future__ import annotations

from collections.abc import Callable

from .helpers import Run, ok
from .test_cli_print import _shop


def test_wave_show_then_cancel(cli: Callable[..., Run], db: str) -> None:
    _shop(db)
    ok(cli("--json", "wave", "create", "--max", "2"))
    data = ok(cli("--json", "wave", "show", "1"))
    assert (data["wave"]["id"], data["wave"]["orders"], data["wave"]["status"]) == (
        1, 2, "open")
    assert len(data["parcels"]) == 2
    assert all(p["packed"] in (False, None, 0) for p in data["parcels"])
    assert "Wave #1 (open), 2 orders" in cli("wave", "show", "1").out
    cancelled = cli("--json", "wave", "cancel", "1")
    assert cancelled.code == 0
    listed = ok(cli("--json", "wave", "list"))
    assert [w["status"] for w in listed if w["id"] == 1] != ["open"]
    again = ok(cli("--json", "wave", "create", "--max", "2"))
    assert again["orders"] == 2  # a cancelled wave's orders are ready to pick again
