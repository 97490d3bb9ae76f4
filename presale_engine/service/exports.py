"""Export use cases: orders, a campaign summary workbook, ship sheets, balance reminders.

Each method reads in one read-only transaction (a consistent snapshot however long the
file takes), streams orders in id-keyset pages so memory stays bounded, lets SQL do
every sum and count, and hands rows to an exporter (``io.order_exports``) that writes
the file: to a temporary name first, renamed over ``path`` only when complete.
Times in files are in the shop's time zone.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from sqlalchemy.orm import Session

from ..errors import InputError, NotFound
from ..io import order_exports as X
from ..io.export import CancelCheck, ExportReport, Progress
from ..store import queries as Q
from ..store.models import Campaign
from .base import Part
from .campaigns import campaign_from_row

SHIP_PLATFORMS = ("douyin", "taobao", "jd", "tiktok")


class ExportsPart(Part):
    def orders(self, path: str | Path, f: Q.OrderFilter | None = None, *,
                      fmt: str | None = None, lang: str = "zh",
                      encoding: str = "utf-8-sig", progress: Progress | None = None,
                      cancel: CancelCheck | None = None) -> ExportReport:
        """All orders matching ``f`` (all orders without it) to .xlsx or .csv.

        ``fmt`` defaults to the file suffix; ``encoding`` (CSV) is ``utf-8-sig`` or
        ``gb18030``. ``progress(done, total)`` counts orders.
        """
        f = f or Q.OrderFilter()
        now = self.now()
        tz = self.svc.shop.tz()
        with self.db.session() as s:
            total = Q.count_orders(s, f, now)
            campaigns, products = Q.order_labels(s)
            exp = X.OrdersExport(Q.iter_orders(s, f, now, X.ORDER_FIELDS), total,
                                 campaigns=campaigns, products=products, now=now,
                                 lang=lang, tz=tz, progress=progress, cancel=cancel)
            return exp.write(path, fmt=fmt, encoding=encoding)

    def campaign_summary(self, campaign_id: int, path: str | Path, *,
                                lang: str = "zh", progress: Progress | None = None,
                                cancel: CancelCheck | None = None) -> ExportReport:
        """A workbook: Summary, By SKU, By day, By status and, when any, Alerts (.xlsx)."""
        now = self.now()
        tz = self.svc.shop.tz()
        with self.db.session() as s:
            row = _campaign(s, campaign_id)
            items = Q.campaign_skus(s).get(campaign_id, [])
            dom = campaign_from_row(row, [])
            window = dom.deposit_window if dom.type == "deposit" else dom.sale_window
            shop = self._shop(s)
            names = {sku: f"{p.name} {p.variant}".strip()
                     for sku, p in Q.products_by_sku(s, shop.id, items).items()}
            facts = X.CampaignFacts(
                id=row.id, name=row.name, platform=row.platform, type=row.type,
                status=row.status, currency=row.currency,
                window=(window.start, window.end) if window else None,
                balance_window=((dom.balance_window.start, dom.balance_window.end)
                                if dom.balance_window else None),
                ship_promise=dom.ship_promise_text(lang), skus=tuple(items),
                product_names=names)
            groups = Q.campaign_groups(s, campaign_id, now)
            payments = Q.campaign_payment_sums(s, campaign_id)
            by_hour = Q.campaign_orders_by_time(s, campaign_id,
                                                minutes=_half_hour_zone(tz, now))
            figures = X.campaign_figures(groups, payments, row.currency, row.type)
            alert_count = figures.overdue + figures.due_48h + figures.flagged
            alerts = self._campaign_alerts(s, campaign_id, now) if alert_count else iter(())
            exp = X.CampaignSummaryExport(facts, groups, payments, by_hour, alerts,
                                          alert_count, now=now, lang=lang, tz=tz,
                                          progress=progress, cancel=cancel)
            return exp.write(path)

    def _campaign_alerts(self, s: Session, campaign_id: int, now: datetime) -> Iterator[X.AlertRow]:
        """Overdue, then due within 48 h, then flagged orders of the campaign."""
        for kind, f in (("overdue", Q.OrderFilter(campaign_id=campaign_id, overdue=True)),
                        ("due_48h", Q.OrderFilter(campaign_id=campaign_id,
                                                  due_within_hours=48)),
                        ("flagged", Q.OrderFilter(campaign_id=campaign_id, flagged=True))):
            for _, order_no, sku, buyer, status, deadline, flags in Q.iter_orders(
                    s, f, now, X.ALERT_FIELDS):
                yield X.AlertRow(kind, order_no, sku, buyer, status, deadline,
                                 flags if kind == "flagged" else "")

    def ship_sheet(self, platform: str, path: str | Path,
                          f: Q.OrderFilter | None = None, *, fmt: str | None = None,
                          shipped_since: datetime | None = None,
                          encoding: str = "utf-8-sig", progress: Progress | None = None,
                          cancel: CancelCheck | None = None) -> ExportReport:
        """The platform's bulk-shipping upload sheet (order number, carrier, tracking).

        Which orders: without ``f``, those owed a shipment (balance paid / paid) that
        carry a tracking number, i.e. were packed, plus orders marked shipped in the app
        since ``shipped_since`` when given. With ``f``: its orders of ``platform`` that
        carry a tracking number. A platform order whose lines share one parcel is one row.
        """
        if platform not in SHIP_PLATFORMS:
            raise InputError(code="no_ship_sheet", params={
                "platform": platform, "known": ", ".join(SHIP_PLATFORMS)})
        layout = X.ship_layout(platform)
        now = self.now()
        with self.db.session() as s:
            records = Q.iter_ship_orders(s, platform, f, now, X.SHIP_FIELDS,
                                         shipped_since=shipped_since)
            exp = X.ShipSheetExport(layout, records, progress=progress, cancel=cancel)
            return exp.write(path, fmt=fmt, encoding=encoding)

    def reminders(self, campaign_id: int, path: str | Path, *, lang: str = "zh",
                         fmt: str | None = None, encoding: str = "utf-8-sig",
                         progress: Progress | None = None,
                         cancel: CancelCheck | None = None) -> ExportReport:
        """催付: the campaign's orders with the deposit paid and the balance still unpaid."""
        now = self.now()
        tz = self.svc.shop.tz()
        with self.db.session() as s:
            row = _campaign(s, campaign_id)
            if row.type != "deposit":
                raise InputError(code="reminders_need_deposit_campaign", params={"id": campaign_id})
            f = Q.OrderFilter(campaign_id=campaign_id, statuses=X.REMINDER_STATUSES)
            total = Q.count_orders(s, f, now)
            _, products = Q.order_labels(s)
            exp = X.RemindersExport(Q.iter_orders(s, f, now, X.REMINDER_FIELDS), total,
                                    products=products, balance_end=row.balance_end,
                                    now=now, lang=lang, tz=tz, progress=progress,
                                    cancel=cancel)
            return exp.write(path, fmt=fmt, encoding=encoding)



def _campaign(s: Session, campaign_id: int) -> Campaign:
    row = s.get(Campaign, campaign_id)
    if row is None:
        raise NotFound(code="campaign_not_found", params={"id": campaign_id})
    return row


def _half_hour_zone(tz: tzinfo, now: datetime) -> bool:
    """Does the zone use an offset that is not whole hours (India, Nepal...)?"""
    probes = [now + timedelta(days=d) for d in range(-200, 201, 50)]
    return any((off := tz.utcoffset(p)) is not None and off % timedelta(hours=1)
               for p in probes)
