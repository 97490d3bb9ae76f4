"""What every part of the service shares: the database, the clock, the actor.

``Service`` (``__init__.py``) is composed of parts, one per area (``svc.shop``,
``svc.campaigns``, ``svc.orders``…). A part is a small class over the shared database
and clock; it talks to the other parts through their public methods, or through the
session-level helper functions their modules export when one use case (one
transaction) spans two areas. Each public method of a part is one use case: one
transaction and an audit or history row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.db import Database
from ..store.models import Audit, Shop

if TYPE_CHECKING:
    from . import Service

Clock = Callable[[], datetime]

DEFAULT_SHOP_NAME = "My shop"


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(at: datetime) -> Clock:
    if at.tzinfo is None:
        raise ValueError("a fixed clock needs an aware datetime")
    return lambda: at


def shop_row(s: Session, now: datetime) -> Shop:
    """The shop of this database (one per file; created on first use at ``now``)."""
    shop = s.execute(select(Shop).order_by(Shop.id).limit(1)).scalar_one_or_none()
    if shop is None:
        shop = Shop(name=DEFAULT_SHOP_NAME, timezone="Asia/Shanghai", currency="CNY",
                    rule_overrides={}, created_at=now)
        s.add(shop)
        s.flush()
    return shop


class Part:
    """One area of use cases over the service's database and clock."""

    def __init__(self, svc: Service) -> None:
        self.svc = svc
        self.db: Database = svc.db

    @property
    def actor(self) -> str:
        return self.svc.actor

    def now(self) -> datetime:
        return self.svc.now()

    def _shop(self, s: Session) -> Shop:
        return shop_row(s, self.now())

    def _audit(self, s: Session, action: str, entity: str, entity_id: int | None,
               detail: dict[str, Any] | None = None) -> None:
        s.add(Audit(at=self.now(), actor=self.actor, action=action, entity=entity,
                    entity_id=entity_id, detail=detail or {}))
