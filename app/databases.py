"""Opening databases for the window: files, URLs, the demo shop. Runs on the worker.

The engine does the opening (``open_service`` creates or upgrades the schema); this
module only decides which target, builds the demo when it is missing, and names a
target for the screen without its password.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.context import DeskContext
from app.targets import normalize_target

if TYPE_CHECKING:
    from app.ops import Task

APP_NAME = "presale-desk"
DEMO_ENV = "PRESALE_DEMO_DB"
DEMO_ORDERS = 20_000


def demo_path() -> Path:
    """``$PRESALE_DEMO_DB``, else ``<user data dir>/demo.sqlite3`` (as scripts/dev.sh)."""
    env = os.environ.get(DEMO_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "demo.sqlite3"


def _marker(path: Path) -> Path:
    # The same marker scripts/dev.sh uses: present while a build is unfinished.
    return path.with_name(path.name + ".incomplete")


def demo_ready(path: Path | None = None) -> bool:
    path = path or demo_path()
    return path.is_file() and not _marker(path).exists()


class Opening:
    """A database being opened on the worker, for a window that may not exist yet.

    Start-up begins opening (the worker imports the engine) before the window is even
    built; ``attach`` hands the outcome to the window whenever both are ready.
    """

    def __init__(self, target: str, *, remember: bool = True, label: str | None = None,
                 parent: Any = None) -> None:
        from app import ops

        self.target = normalize_target(target)
        self.remember = remember
        self.outcome: tuple[str, Any] | None = None
        self.timing: dict[str, float] = {}  # worker seconds, for --timing
        self._window: Any = None
        ops.run(self._open, parent=parent,
                on_success=lambda ctx: self._done(("ok", ctx)),
                on_failure=lambda e: self._done(("error", e)), label=label)

    def _open(self, task: Task) -> DeskContext:
        import time

        t0 = time.perf_counter()
        from presale_engine.service import Service  # noqa: F401  (the import, timed)

        t1 = time.perf_counter()
        ctx = open_context(self.target, task)
        self.timing.update({"import the engine (SQLAlchemy, models)": t1 - t0,
                            "open the database (Alembic check), read the shop":
                                time.perf_counter() - t1})
        return ctx

    def _done(self, outcome: tuple[str, Any]) -> None:
        self.outcome = outcome
        self._deliver()

    def attach(self, window: Any) -> None:
        """``window._opened(ctx, remember)`` or ``window._open_failed(target, error)``."""
        self._window = window
        self._deliver()

    def _deliver(self) -> None:
        if self._window is None or self.outcome is None:
            return
        kind, value = self.outcome
        window, self._window = self._window, None
        if kind == "ok":
            window._opened(value, self.remember)
        else:
            window._open_failed(self.target, value)


def open_context(target: str, task: Task | None = None) -> DeskContext:
    """Open (create or upgrade) the database at ``target``: a path or a URL."""
    from presale_engine.service.setup import open_service

    svc = open_service(target)
    try:
        return DeskContext(svc=svc, shop=svc.shop.get(), target=target)
    except BaseException:
        svc.db.dispose()
        raise


def build_demo(path: Path, task: Task | None = None, orders: int | None = None
               ) -> DeskContext:
    """Make a fresh demo shop at ``path`` (around the current time) and open it."""
    orders = DEMO_ORDERS if orders is None else orders
    from presale_engine.service.setup import generate_demo_shop, open_service

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    marker = _marker(path)
    marker.touch()
    svc = open_service(path)
    try:
        if task is not None:
            task.check()
        generate_demo_shop(svc, orders=orders)
        marker.unlink(missing_ok=True)
        return DeskContext(svc=svc, shop=svc.shop.get(), target=str(path))
    except BaseException:
        svc.db.dispose()
        raise
