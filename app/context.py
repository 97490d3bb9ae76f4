"""What every page needs once a database is open: the service and the shop's time zone."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.targets import display_target

if TYPE_CHECKING:
    from presale_engine.service import Service, ShopView


@dataclass(frozen=True)
class DeskContext:
    svc: Service
    shop: ShopView
    target: str  # the path or URL the user opened (kept in the recent list)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.shop.timezone)

    @property
    def name(self) -> str:
        """What the status bar shows: the file name or the URL without its password."""
        return display_target(self.target)

    def with_shop(self, shop: ShopView) -> DeskContext:
        return replace(self, shop=shop)

    @classmethod
    def for_service(cls, svc: Service, target: str | None = None) -> DeskContext:
        """Wrap an already opened service (tests, the demo builder). Reads the shop."""
        return cls(svc=svc, shop=svc.shop.get(), target=target or svc.db.display_name())
