"""``presale-desk --check-install``: what a bundle must carry is checked, and reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.main import app_icon_path, main


def test_everything_is_in_place_from_source(qapp: Any,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check-install"]) == 0
    out = capsys.readouterr().out
    assert "(from source)" in out
    assert "MISSING" not in out
    for what in ("font", "column presets", "translations", "migrations", "time zones"):
        assert f"ok       {what}:" in out
    assert out.rstrip().endswith("all present")


def test_missing_resources_are_named(qapp: Any, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PRESALE_RESOURCES", str(tmp_path))  # an empty folder
    assert main(["--check-install"]) == 1
    out = capsys.readouterr().out
    for what in ("font", "style sheet", "column presets", "ship sheets", "translations"):
        assert f"MISSING  {what}:" in out
    assert "ok       migrations" in out  # those live with the engine, not in resources/


def test_the_window_icon_is_found_in_the_source_tree() -> None:
    icon = app_icon_path()
    assert icon is not None
    assert icon.parts[-3:] == ("packaging", "icons", "presale-desk.png")
