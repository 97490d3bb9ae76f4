"""Opening a shop's database as a service, building the demo shop, checking an install.

The application and the tools open databases through these, so that nothing outside
the engine reaches into ``store`` or ``demo``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import resources_dir
from .base import Clock, system_clock

if TYPE_CHECKING:
    from . import Service


def open_service(target: str | Path | None, *, clock: Clock = system_clock,
                 actor: str = "user") -> Service:
    """Open (create or upgrade) the database at ``target``, a path or a URL, as a service."""
    from ..store import open_database
    from . import Service

    db = open_database(target)
    try:
        svc = Service(db, clock=clock, actor=actor)
        svc.shop.get()
        return svc
    except BaseException:
        db.dispose()
        raise


def generate_demo_shop(svc: Service, *, orders: int, seed: int = 2026) -> dict[str, Any]:
    """Fill an empty database with the demo shop (``presale demo``)."""
    from ..demo import generate_demo

    return generate_demo(svc, orders=orders, seed=seed)


def engine_checks() -> list[tuple[str, Callable[[], str]]]:
    """What the engine reads from disk at run time, each as (name, check → what was found)."""

    def presets() -> str:
        from ..io import load_presets

        return ", ".join(sorted(load_presets()))

    def migrations() -> str:
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        from ..store.db import MIGRATIONS

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        script = ScriptDirectory.from_config(cfg)
        heads = script.get_heads()
        if len(heads) != 1:
            raise LookupError(f"{MIGRATIONS}: heads {heads}")
        if not (MIGRATIONS / "env.py").is_file():
            raise FileNotFoundError(MIGRATIONS / "env.py")
        return f"{MIGRATIONS} (head {heads[0]})"

    return [("column presets", presets), ("migrations", migrations)]


__all__ = ["engine_checks", "generate_demo_shop", "open_service", "resources_dir"]
