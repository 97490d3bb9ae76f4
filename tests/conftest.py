"""Test harness: offscreen Qt, no touching the user's settings or data, both databases.

``db_url`` runs a test on SQLite, and on PostgreSQL too when PRESALE_TEST_PG_URL is set
(CI starts a throwaway server; see scripts/dev.sh). Each PostgreSQL test gets a fresh
schema of its own, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
PG_URL = os.environ.get("PRESALE_TEST_PG_URL")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test off the real user data dir, settings and database URL."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("PRESALE_DB_URL", raising=False)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"the shared sample data is missing: {SHARED_DATA}")
    return SHARED_DATA


def _pg_schema_url(base: str) -> Iterator[str]:
    """A URL whose connections use a schema of their own, dropped afterwards."""
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'presale.sqlite3'}"
        return
    if not PG_URL:
        if os.environ.get("PRESALE_REQUIRE_PG"):
            pytest.fail("PRESALE_REQUIRE_PG is set but PRESALE_TEST_PG_URL is not")
        pytest.skip("PostgreSQL not configured (set PRESALE_TEST_PG_URL)")
    yield from _pg_schema_url(PG_URL)


NOW = datetime(2026, 11, 22, 4, 0, tzinfo=UTC)


@pytest.fixture
def svc(db_url: str) -> Iterator[object]:
    """A service on a fresh database, with the clock fixed at NOW (2026-11-22 12:00 +08)."""
    from presale_engine.service import Service, fixed_clock
    from presale_engine.store import open_database

    db = open_database(db_url)
    service = Service(db, clock=fixed_clock(NOW), actor="test")
    yield service
    db.dispose()
