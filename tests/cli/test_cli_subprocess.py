"""The installed `presale` console script, run as a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _presale() -> str:
    """The console script of this environment (the venv's bin next to the interpreter)."""
    here = Path(sys.executable).parent / "presale"
    if here.is_file():
        return str(here)
    found = shutil.which("presale")
    if found is None:
        pytest.fail("the `presale` console script is not installed (pip install -e .)")
    return found


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_presale(), *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})}, check=False)


def test_console_script_creates_and_quotes(tmp_path: Path, shared_data: Path) -> None:
    db = str(tmp_path / "proc.sqlite3")
    douyin = str(shared_data / "campaigns" / "douyin_down_jacket.json")
    r = _run("--db", db, "campaign", "create", "--file", douyin, "--json")
    assert (r.returncode, r.stderr) == (0, "")
    assert json.loads(r.stdout) == {"id": 1}
    r = _run("campaign", "quote", "1", "--sku", "YRF-001-BLK-M", "--qty", "3", "--json",
             env={"PRESALE_DB_URL": f"sqlite:///{db}"})
    assert r.returncode == 0
    quote = json.loads(r.stdout)
    assert (quote["balance"], quote["total"], quote["order_total"]) == (
        "729.00", "779.00", "2337.00")


def test_console_script_error_is_one_line_and_exit_1(tmp_path: Path) -> None:
    r = _run("--db", str(tmp_path / "proc.sqlite3"), "campaign", "show", "42")
    assert r.returncode == 1
    assert r.stdout == ""
    assert r.stderr == "presale: error: there is no campaign #42\n"


def test_console_script_shows_a_traceback_only_with_presale_debug(tmp_path: Path) -> None:
    """PRESALE_DEBUG=1 re-raises unexpected errors (here: an unusable database path)."""
    args = ("--db", str(tmp_path), "campaign", "list")  # a directory, not a file
    plain = _run(*args)
    assert plain.returncode == 1
    assert "Traceback" not in plain.stderr
    assert len(plain.stderr.splitlines()) == 1
    debug = _run(*args, env={"PRESALE_DEBUG": "1"})
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr
