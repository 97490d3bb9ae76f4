"""The shop's own settings: name, time zone, currency, platform rule overrides, audit."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InputError, NotFound
from ..platforms import PlatformProfile, base_platform, known_profiles, profile_for
from ..store.models import Audit
from .base import Part
from .views import ShopSettings, ShopView


class ShopPart(Part):
    def get(self) -> ShopView:
        with self.db.session() as s:
            sh = self._shop(s)
            return ShopView(sh.id, sh.name, sh.timezone, sh.currency, dict(sh.rule_overrides))

    def settings(self, s: Session | None = None) -> ShopSettings:
        if s is None:
            with self.db.session() as s2:
                return self.settings(s2)
        stored = self._shop(s).settings or {}
        return ShopSettings(require_approval=bool(stored.get("require_approval", False)))

    def update_settings(self, *, require_approval: bool | None = None) -> ShopSettings:
        with self.db.session() as s:
            sh = self._shop(s)
            before = dict(sh.settings or {})
            after = dict(before)
            if require_approval is not None:
                after["require_approval"] = bool(require_approval)
            sh.settings = after
            self._audit(s, "shop.settings", "shop", sh.id, {"before": before, "after": after})
        return self.settings()

    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.get().timezone)

    def update(self, *, name: str | None = None, timezone: str | None = None,
               currency: str | None = None) -> ShopView:
        from ..money import known_currency

        if timezone is not None:
            try:
                ZoneInfo(timezone)
            except Exception:
                raise InputError(code="value.unknown_timezone",
                                 params={"value": timezone}) from None
        if currency is not None and not known_currency(currency):
            raise InputError(code="value.unknown_currency", params={"currency": currency})
        with self.db.session() as s:
            sh = self._shop(s)
            before = {"name": sh.name, "timezone": sh.timezone, "currency": sh.currency}
            if name is not None:
                sh.name = name
            if timezone is not None:
                sh.timezone = timezone
            if currency is not None:
                sh.currency = currency.upper()
            self._audit(s, "shop.update", "shop", sh.id, {"before": before})
        return self.get()

    def set_rule_override(self, profile: str, overrides: dict[str, Any]) -> PlatformProfile:
        """Override platform rules for this shop (``{}`` restores the defaults)."""
        if profile not in known_profiles():
            raise InputError(code="unknown_profile", params={"code": profile})
        try:
            result = profile_for(profile, overrides)
        except ValueError as e:
            raise InputError.from_value_error(e) from None
        except TypeError as e:
            raise InputError(str(e)) from None
        with self.db.session() as s:
            sh = self._shop(s)
            all_over = dict(sh.rule_overrides)
            if overrides:
                all_over[profile] = overrides
            else:
                all_over.pop(profile, None)
            sh.rule_overrides = all_over
            self._audit(s, "shop.rules", "shop", sh.id, {"profile": profile,
                                                          "overrides": overrides})
        return result

    def profile(self, code: str, s: Session | None = None) -> PlatformProfile:
        """The platform rule profile ``code`` with this shop's overrides applied."""
        if s is None:
            with self.db.session() as s2:
                return self.profile(code, s2)
        if code not in known_profiles():
            raise NotFound(code="unknown_profile", params={"code": code})
        over = self._shop(s).rule_overrides.get(code)
        if over is None and code != base_platform(code):
            over = None
        return profile_for(code, over)

    def audit_log(self, limit: int = 100) -> list[dict[str, Any]]:
        with self.db.session() as s:
            rows = s.execute(select(Audit).order_by(Audit.id.desc()).limit(limit)).scalars()
            return [{"at": a.at.isoformat(), "actor": a.actor, "action": a.action,
                     "entity": a.entity, "entity_id": a.entity_id, "detail": a.detail}
                    for a in rows]

    def record(self, action: str, entity: str, entity_id: int | None,
               detail: dict[str, Any] | None = None) -> None:
        """An audit row for work done outside the parts (the demo generator)."""
        with self.db.session() as s:
            self._audit(s, action, entity, entity_id, detail)
