"""Opening a database: schema at head, SQLite settings, upgrade with a backup, URLs."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import StatementError

from presale_engine.errors import InputError
from presale_engine.store import db as dbmod
from presale_engine.store import open_database
from presale_engine.store.db import resolve_url
from presale_engine.store.models import Base, Shop


def _real_head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(dbmod.MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


# The newest real migration, and the tables the models declare (every one must exist).
HEAD = _real_head()
TABLES = {"alembic_version", *Base.metadata.tables}
TEST_REVISION = "9999"  # a test-only migration on top of the real ones


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _backups(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if ".bak-" in p.name)


# --------------------------------------------------------------------------- new file

def test_new_sqlite_file_is_created_at_head(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "new.sqlite3"  # missing parent dirs are made
    db = open_database(path)
    try:
        assert path.is_file()
        assert db.file_path == path
        assert db.current_revision() == db.head_revision() == HEAD
        assert set(inspect(db.engine).get_table_names()) == TABLES
        # every mapped table and column exists, as the models declare them
        insp = inspect(db.engine)
        for table in Base.metadata.sorted_tables:
            assert {c["name"] for c in insp.get_columns(table.name)} == set(table.columns.keys())
        assert db.backup_path is None
    finally:
        db.dispose()
    assert _rows(path, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert _backups(path.parent) == []


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.sqlite3")
    try:
        # every pooled connection gets the settings, not just the first one
        with db.engine.connect() as c1, db.engine.connect() as c2:
            for conn in (c1, c2):
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    finally:
        db.dispose()
    # WAL is a property of the file: a plain connection sees it too
    assert _rows(tmp_path / "p.sqlite3", "PRAGMA journal_mode") == [("wal",)]


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    from presale_engine.store.models import Product

    db = open_database(tmp_path / "fk.sqlite3")
    try:
        with pytest.raises(IntegrityError), db.session() as s:
            s.add(Product(shop_id=999, sku="X", name="x", updated_at=datetime.now(UTC)))
    finally:
        db.dispose()


def test_reopening_at_head_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "again.sqlite3"
    first = open_database(path)
    with first.session() as s:
        s.add(Shop(name="kept", timezone="UTC", currency="CNY", rule_overrides={},
                   created_at=datetime(2026, 11, 1, tzinfo=UTC)))
    first.dispose()
    second = open_database(path)
    try:
        assert second.backup_path is None
        assert second.current_revision() == HEAD
        with second.session() as s:
            assert [sh.name for sh in s.execute(select(Shop)).scalars()] == ["kept"]
    finally:
        second.dispose()
    assert _backups(tmp_path) == []


def test_open_without_upgrade_leaves_a_new_file_empty(tmp_path: Path) -> None:
    db = open_database(tmp_path / "raw.sqlite3", upgrade=False)
    try:
        assert db.current_revision() is None
        assert inspect(db.engine).get_table_names() == []
    finally:
        db.dispose()


# --------------------------------------------------------------------------- upgrades
#
# These tests copy the real migrations into a temporary directory and add a test-only
# revision on top of the newest one there: a file made at the real head is then a
# genuine older database, and opening it runs the real backup-and-upgrade path.

MIGRATION = '''
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
{body}


def downgrade():
    pass
'''

# SQLite rebuilds a table to change it (batch mode): here ``product``, which orders,
# stock moves and campaign items refer to, is rebuilt with its rows.
REBUILD_PRODUCT = '''    with op.batch_alter_table("product", recreate="always") as b:
        b.add_column(sa.Column("test_note", sa.String(50), nullable=True))'''


@pytest.fixture
def with_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Returns install(body): the real migrations plus a test-only one doing ``body``."""

    real = dbmod.MIGRATIONS
    made: list[Path] = []

    def install(body: str) -> None:
        mig = tmp_path / f"migrations{len(made)}"
        made.append(mig)
        shutil.copytree(real, mig, ignore=shutil.ignore_patterns("__pycache__"))
        (mig / "versions" / f"{TEST_REVISION}_test_only.py").write_text(
            MIGRATION.format(body=body, revision=TEST_REVISION, down=HEAD), encoding="utf-8")
        monkeypatch.setattr(dbmod, "MIGRATIONS", mig)

    return install


def _old_database_with_data(path: Path) -> None:
    """A database at the real head holding a shop, a product, its ledger and a batch."""
    from presale_engine.service import Service, fixed_clock

    db = open_database(path)
    svc = Service(db, clock=fixed_clock(datetime(2026, 11, 22, 4, tzinfo=UTC)), actor="t")
    svc.stock.add_product("SKU-OLD", "Old thing", on_hand=7)
    svc.stock.add_supply("SKU-OLD", 5, datetime(2026, 12, 1).date())
    assert db.current_revision() == HEAD
    db.dispose()


def test_older_database_is_backed_up_then_upgraded(
        tmp_path: Path, with_migration: Callable[[str], None]) -> None:
    path = tmp_path / "old.sqlite3"
    _old_database_with_data(path)
    with_migration(REBUILD_PRODUCT)

    db = open_database(path)
    try:
        assert db.head_revision() == TEST_REVISION
        assert db.current_revision() == TEST_REVISION
        backup = db.backup_path
        assert backup is not None
        assert backup.parent == tmp_path
        assert backup.name.startswith(f"old.sqlite3.bak-{HEAD}-")
        # the upgraded file kept its rows and has the new column
        assert _rows(path, "SELECT sku, on_hand, test_note FROM product") == [
            ("SKU-OLD", 7, None)]
        assert _rows(path, "SELECT count(*) FROM stock_move") == [(1,)]
        # foreign keys are back on for the connections the app uses afterwards
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    finally:
        db.dispose()
    # the backup is a complete SQLite database at the old revision with the old data
    assert _rows(backup, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(backup, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert _rows(backup, "SELECT sku, on_hand FROM product") == [("SKU-OLD", 7)]
    assert _rows(backup, "SELECT qty FROM supply_batch") == [(5,)]
    assert "test_note" not in {r[1] for r in _rows(backup, "PRAGMA table_info(product)")}
    assert _backups(tmp_path) == [backup]

    # opening the upgraded file again changes nothing and makes no second backup
    again = open_database(path)
    try:
        assert again.backup_path is None
    finally:
        again.dispose()
    assert _backups(tmp_path) == [backup]


def test_failed_upgrade_leaves_the_file_as_it_was(
        tmp_path: Path, with_migration: Callable[[str], None]) -> None:
    path = tmp_path / "old.sqlite3"
    _old_database_with_data(path)
    with_migration(REBUILD_PRODUCT + '\n    op.create_table("half_done", sa.Column("id", '
                   'sa.Integer(), primary_key=True))\n    raise RuntimeError("boom")')

    with pytest.raises(RuntimeError, match="boom"):
        open_database(path)
    backups = _backups(tmp_path)
    assert len(backups) == 1
    # nothing of the failed migration stayed behind: same revision, tables and rows
    names = {r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == TABLES
    assert _rows(path, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert _rows(path, "SELECT sku, on_hand FROM product") == [("SKU-OLD", 7)]
    assert "test_note" not in {r[1] for r in _rows(path, "PRAGMA table_info(product)")}

    # so once the migration is fixed, the same file upgrades normally
    with_migration(REBUILD_PRODUCT)
    db = open_database(path)
    try:
        assert db.current_revision() == TEST_REVISION
    finally:
        db.dispose()


def test_database_with_foreign_tables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customers (name) VALUES ('not ours')")
    con.commit()
    con.close()
    with pytest.raises(InputError, match="not a Presale Desk database"):
        open_database(path)
    # refused untouched: no schema of ours added, no backup made
    names = {r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == {"customers"}
    assert _backups(tmp_path) == []


# --------------------------------------------------------------------------- datetimes

def test_utc_datetimes_round_trip_aware(db_url: str) -> None:
    db = open_database(db_url)
    try:
        shanghai = timezone(timedelta(hours=8))
        local = datetime(2026, 11, 11, 0, 0, 1, 123456, tzinfo=shanghai)
        with db.session() as s:
            s.add(Shop(name="tz", timezone="Asia/Shanghai", currency="CNY",
                       rule_overrides={}, created_at=local))
        with db.session() as s:
            got = s.execute(select(Shop.created_at)).scalar_one()
        assert got == local
        assert got.tzinfo is UTC
        assert got == datetime(2026, 11, 10, 16, 0, 1, 123456, tzinfo=UTC)
    finally:
        db.dispose()


def test_naive_datetime_to_a_utc_column_raises(db_url: str) -> None:
    db = open_database(db_url)
    try:
        with pytest.raises(StatementError, match="naive datetime") as info, db.session() as s:
            s.add(Shop(name="naive", timezone="UTC", currency="CNY", rule_overrides={},
                       created_at=datetime(2026, 11, 11, 12, 0)))
        assert isinstance(info.value.orig, ValueError)
        with db.session() as s:  # and nothing was written
            assert s.execute(select(Shop)).first() is None
    finally:
        db.dispose()


# --------------------------------------------------------------------------- URLs

def test_presale_db_url_is_used_when_no_target_is_given(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'from_env.sqlite3'}"
    monkeypatch.setenv("PRESALE_DB_URL", url)
    assert resolve_url(None) == url
    assert resolve_url("") == url
    # an explicit target wins over the environment
    assert resolve_url(tmp_path / "x.sqlite3") == f"sqlite:///{tmp_path / 'x.sqlite3'}"
    db = open_database()
    try:
        assert db.file_path == tmp_path / "from_env.sqlite3"
    finally:
        db.dispose()
    assert (tmp_path / "from_env.sqlite3").is_file()


def test_default_is_the_file_in_the_user_data_dir(tmp_path: Path) -> None:
    # conftest points XDG_DATA_HOME into tmp and removes PRESALE_DB_URL
    from presale_engine.store import default_db_path

    assert resolve_url(None) == f"sqlite:///{default_db_path()}"
    assert default_db_path().name == "presale.sqlite3"
    assert "presale-desk" in default_db_path().parts


def test_a_path_becomes_a_sqlite_url(tmp_path: Path) -> None:
    assert resolve_url(str(tmp_path / "a" / "b.db")) == f"sqlite:///{tmp_path / 'a' / 'b.db'}"
    assert (tmp_path / "a").is_dir()


@pytest.mark.parametrize("url", [
    "://nothing",
    "postgresql+psycopg://user@host:notaport/db",
    "foo://somewhere/db",  # no such kind of database
    "mysql://user@host/db",  # a kind whose driver is not installed
])
def test_bad_url_is_an_input_error(url: str) -> None:
    with pytest.raises(InputError, match="database URL"):
        open_database(url)
