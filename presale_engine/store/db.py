"""Opening a database: SQLite file (WAL) by default, PostgreSQL by URL.

On open the schema is brought to the newest Alembic revision. A SQLite file at an older
revision is copied aside first (``name.bak-<rev>-<time>``) so a failed upgrade loses
nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import InputError

APP_NAME = "presale-desk"
ENV_URL = "PRESALE_DB_URL"
MIGRATIONS = Path(__file__).with_name("migrations")


def default_db_path() -> Path:
    """``<user data dir>/presale.sqlite3`` (platformdirs decides the dir per OS)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "presale.sqlite3"


def resolve_url(target: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL from a path, a URL, ``PRESALE_DB_URL`` or the default file."""
    if target is None or str(target) == "":
        env = os.environ.get(ENV_URL)
        target = env if env else default_db_path()
    s = str(target)
    if "://" in s:
        try:
            make_url(s)
        except Exception as e:
            raise InputError(code="database_url_invalid",
                             params={"url": s, "reason": str(e)}) from None
        return s
    path = Path(s).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, much faster than FULL
    cur.close()


class Database:
    """One database: its engine and a session factory. Use ``session()`` per use case."""

    def __init__(self, url: str, *, upgrade: bool = True) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": 10}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine: Engine = create_engine(url, **kwargs)
        except (ArgumentError, NoSuchModuleError, ImportError) as e:
            # An unknown database kind ("foo://") or one whose driver is not installed.
            raise InputError(code="database_url_unusable",
                             params={"url": url, "reason": str(e)}) from None
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.backup_path: Path | None = None
        if upgrade:
            self.upgrade()

    @property
    def file_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        db = make_url(self.url).database
        return Path(db) if db and db != ":memory:" else None

    def display_name(self) -> str:
        p = self.file_path
        if p is not None:
            return str(p)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on error."""
        with self._sessions() as s, s.begin():
            yield s

    # ------------------------------------------------------------------ migrations
    def _alembic_config(self) -> Any:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        return cfg

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def head_revision(self) -> str | None:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self._alembic_config()).get_current_head()

    def upgrade(self) -> None:
        """Bring the schema to head; back a SQLite file up first if it holds data."""
        from alembic import command

        current = self.current_revision()
        head = self.head_revision()
        if current == head:
            return
        has_tables = bool(inspect(self.engine).get_table_names())
        if has_tables and current is None:
            raise InputError(code="not_presale_database", params={"name": self.display_name()})
        path = self.file_path
        if current is not None and path is not None and path.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            backup = path.with_name(f"{path.name}.bak-{current}-{stamp}")
            with sqlite3.connect(path) as src, sqlite3.connect(backup) as dst:
                src.backup(dst)  # consistent copy, WAL included
            self.backup_path = backup
        cfg = self._alembic_config()
        if self.is_sqlite:
            self._upgrade_sqlite(cfg)
            return
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def _upgrade_sqlite(self, cfg: Any) -> None:
        """Run the migrations in one real transaction, with foreign keys off.

        pysqlite only opens a transaction before INSERT/UPDATE/DELETE, so DDL would
        autocommit statement by statement and a failed migration would leave half-built
        tables behind (the file could then not be opened again). And SQLite alters a table
        by rebuilding it (Alembic batch mode), which fails with foreign keys on when other
        tables refer to it. So: foreign keys off, an explicit BEGIN, a foreign key check
        before COMMIT; then the connection's settings are put back.
        """
        from alembic import command

        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            saved = raw.isolation_level
            try:
                raw.isolation_level = None  # no implicit transactions: BEGIN is ours
                raw.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction
                with conn.begin():  # Alembic joins this; its commit/rollback end ours
                    raw.execute("BEGIN")
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                    bad = raw.execute("PRAGMA foreign_key_check").fetchall()
                    if bad:
                        raise RuntimeError(
                            f"the upgrade broke {len(bad)} foreign key reference(s)")
            finally:
                raw.execute("PRAGMA foreign_keys=ON")
                raw.isolation_level = saved

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(target: str | os.PathLike[str] | None = None, *,
                  upgrade: bool = True) -> Database:
    return Database(resolve_url(target), upgrade=upgrade)




