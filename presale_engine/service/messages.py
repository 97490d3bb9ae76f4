"""Buyer messages (issue 12): balance reminders, progress updates, delay notices.

A message list (order number, buyer, text) per campaign and purpose, from a template in
the buyer's language (the catalogue's default, or the shop's own edit) with the order's
figures filled in. Exported as .xlsx or .csv for the platforms' bulk-messaging tools;
exporting records a ``message`` entry on each order's timeline, in one transaction. A
delay notice may offer a compensation per order (a coupon or a partial refund), totalled
before anything is sent. docs/MESSAGES.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InputError, NotFound
from ..messages import Money, fill, template_text
from ..messages import normalize_lang as _norm
from ..messages.catalogue import placeholders_of
from ..money import ZERO, from_minor, q
from ..orders import Status
from ..store.models import Campaign, Order, OrderEvent, Product
from .base import Part

PURPOSES = ("reminders", "progress", "delay")
# The placeholders a template may use (docs/MESSAGES.md).
PLACEHOLDERS = ("order_no", "buyer", "sku", "product", "qty", "campaign", "shop",
                "deposit", "balance", "balance_end", "ship_by", "new_date", "compensation")
_STATUSES = {
    "reminders": (Status.DEPOSIT_PAID.value, Status.AWAITING_BALANCE.value),
    "progress": (Status.DEPOSIT_PAID.value, Status.AWAITING_BALANCE.value,
                 Status.BALANCE_PAID.value, Status.PAID.value),
    "delay": (Status.DEPOSIT_PAID.value, Status.AWAITING_BALANCE.value,
              Status.BALANCE_PAID.value, Status.PAID.value),
}


@dataclass(frozen=True)
class MessageLine:
    order_id: int
    order_no: str
    buyer: str
    sku: str
    text: str
    compensation: Decimal | None


@dataclass(frozen=True)
class MessageBatch:
    campaign_id: int
    purpose: str
    lang: str
    template: str
    currency: str
    lines: list[MessageLine] = field(default_factory=list)
    compensation_each: Decimal | None = None
    compensation_total: Decimal = ZERO
    path: str | None = None
    recorded: int = 0

    def as_contract(self) -> dict[str, Any]:
        return {"campaign_id": self.campaign_id, "purpose": self.purpose, "lang": self.lang,
                "messages": len(self.lines), "currency": self.currency,
                "compensation_each": (str(self.compensation_each)
                                      if self.compensation_each is not None else None),
                "compensation_total": str(self.compensation_total),
                "file": self.path, "recorded": self.recorded,
                "sample": self.lines[0].text if self.lines else None}


class MessagesPart(Part):
    # ------------------------------------------------------------------ templates
    def template(self, purpose: str, lang: str = "zh") -> str:
        """The shop's template for ``purpose`` in ``lang``, else the catalogue's."""
        self._check_purpose(purpose)
        lang = _norm(lang)
        with self.db.session() as s:
            own = ((self._shop(s).settings or {}).get("messages", {})
                   .get(purpose, {}).get(lang))
        return str(own) if own else _default(purpose, lang)

    def set_template(self, purpose: str, lang: str, text: str | None) -> str:
        """Keep the shop's own wording (``None`` or "" restores the default)."""
        self._check_purpose(purpose)
        lang = _norm(lang)
        if text:
            unknown = sorted(placeholders_of(text) - set(PLACEHOLDERS))
            if unknown:
                raise InputError(code="message_unknown_placeholder",
                                 params={"names": ", ".join(unknown),
                                         "known": ", ".join(PLACEHOLDERS)})
        with self.db.session() as s:
            sh = self._shop(s)
            settings = dict(sh.settings or {})
            msgs = {k: dict(v) for k, v in settings.get("messages", {}).items()}
            per = msgs.setdefault(purpose, {})
            if text:
                per[lang] = text
            else:
                per.pop(lang, None)
            settings["messages"] = msgs
            sh.settings = settings
            self._audit(s, "messages.template", "shop", sh.id,
                        {"purpose": purpose, "lang": lang, "custom": bool(text)})
        return self.template(purpose, lang)

    @staticmethod
    def _check_purpose(purpose: str) -> None:
        if purpose not in PURPOSES:
            raise InputError(code="message_unknown_purpose",
                             params={"purpose": purpose, "known": ", ".join(PURPOSES)})

    # ------------------------------------------------------------------ the list
    def build(self, campaign_id: int, purpose: str, *, lang: str = "zh",
              new_date: date | None = None, compensation: Decimal | None = None,
              template: str | None = None) -> MessageBatch:
        """The messages of a campaign for ``purpose``, nothing recorded."""
        with self.db.session() as s:
            return self._build(s, campaign_id, purpose, lang, new_date, compensation,
                               template)

    def _build(self, s: Session, campaign_id: int, purpose: str, lang: str,
               new_date: date | None, compensation: Decimal | None,
               template: str | None) -> MessageBatch:
        self._check_purpose(purpose)
        lang = _norm(lang)
        row = s.get(Campaign, campaign_id)
        if row is None:
            raise NotFound(code="campaign_not_found", params={"id": campaign_id})
        if purpose == "reminders" and row.type != "deposit":
            raise InputError(code="reminders_need_deposit_campaign", params={"id": campaign_id})
        if purpose == "delay" and new_date is None:
            raise InputError(code="message_delay_needs_date", params={})
        if compensation is not None and compensation < 0:
            raise InputError(code="message_compensation_negative",
                             params={"value": str(compensation)})
        cur = row.currency
        comp = q(compensation, cur) if compensation else None
        text = template or self._own(s, purpose, lang) or _default(purpose, lang)
        tz = self.svc.shop.tz()
        shop_name = self._shop(s).name
        names = dict(s.execute(select(Product.id, Product.name)).all())
        orders = s.execute(select(Order).where(
            Order.campaign_id == campaign_id, Order.status.in_(_STATUSES[purpose]))
            .order_by(Order.ship_deadline, Order.id)).scalars()
        lines = []
        for o in orders:
            params: dict[str, Any] = {
                "order_no": o.order_no, "buyer": o.buyer, "sku": o.sku,
                "product": names.get(o.product_id, o.sku) if o.product_id else o.sku,
                "qty": o.qty, "campaign": row.name, "shop": shop_name,
                "deposit": Money(from_minor(o.deposit, cur), cur),
                "balance": Money(from_minor(o.balance, cur), cur),
                "balance_end": _local(row.balance_end, tz),
                "ship_by": _local(o.ship_deadline, tz, with_time=False),
                "new_date": new_date.isoformat() if new_date else "",
                "compensation": Money(comp, cur) if comp else "",
            }
            lines.append(MessageLine(o.id, o.order_no, o.buyer, o.sku,
                                     fill(text, params, lang), comp))
        total = q((comp or ZERO) * len(lines), cur)
        return MessageBatch(campaign_id, purpose, lang, text, cur, lines, comp, total)

    def _own(self, s: Session, purpose: str, lang: str) -> str | None:
        own = (self._shop(s).settings or {}).get("messages", {}).get(purpose, {}).get(lang)
        return str(own) if own else None

    def export(self, campaign_id: int, purpose: str, path: str | Path, *,
               lang: str = "zh", new_date: date | None = None,
               compensation: Decimal | None = None, template: str | None = None,
               fmt: str | None = None) -> MessageBatch:
        """Write the message list and record a ``message`` entry on each order's
        timeline (all or nothing: the file is written before the transaction ends)."""
        from ..io.message_exports import MessagesExport

        now = self.now()
        with self.db.session() as s:
            batch = self._build(s, campaign_id, purpose, lang, new_date, compensation,
                                template)
            exp = MessagesExport(batch, lang=batch.lang)
            report = exp.write(path, fmt=fmt)
            for ln in batch.lines:
                reason = f"{purpose}: {ln.text}"
                s.add(OrderEvent(order_id=ln.order_id, event="message", from_status=None,
                                 to_status=self._status(s, ln.order_id), at=now,
                                 actor=self.actor, reason=reason[:2000]))
            self._audit(s, "messages.export", "campaign", campaign_id,
                        {"purpose": purpose, "messages": len(batch.lines),
                         "compensation_total": str(batch.compensation_total),
                         "file": str(report.path)})
            return MessageBatch(batch.campaign_id, purpose, batch.lang, batch.template,
                                batch.currency, batch.lines, batch.compensation_each,
                                batch.compensation_total, str(report.path), len(batch.lines))

    @staticmethod
    def _status(s: Session, order_id: int) -> str:
        o = s.get(Order, order_id)
        return o.status if o is not None else ""


def _default(purpose: str, lang: str) -> str:
    """The catalogue's template, unfilled (msgid ``message.<purpose>``)."""
    return template_text(f"message.{purpose}", lang)


def _local(t: datetime | None, tz: Any, *, with_time: bool = True) -> str:
    if t is None:
        return ""
    aware = t.replace(tzinfo=UTC) if t.tzinfo is None else t
    return aware.astimezone(tz).strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
