"""Shared CLI test helpers: run `presale` in-process against a temporary database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from presale_engine.cli import main

from .helpers import Run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite3")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages follow the locale without --lang: the tests pin it (whatever the machine's)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], db: str) -> Callable[..., Run]:
    """cli(*args) runs `presale --db <tmp> *args` in-process."""

    def run(*args: str, with_db: bool = True) -> Run:
        code = main((["--db", db] if with_db else []) + list(args))
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run
