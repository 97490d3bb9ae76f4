"""Printing use cases: a wave's pick list, packing slips and hand-over manifest, the
campaign report, and the shop's thank-you card text.

The data is read in one read-only transaction and streamed to the renderer (slips a
chunk of parcels at a time, so a big wave never sits in memory whole); what was printed
is then recorded (``wave_print``, audit) in a short transaction of its own, so a long
render never holds the database's write lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import printing as P
from ..errors import InputError
from ..io import order_exports as X
from ..messages import Money, Percent, normalize_lang
from ..printing.base import check_size
from ..store import queries as Q
from ..store.models import Campaign, CampaignItem, Order, Product, WaveOrder, WavePrint
from .base import Part
from .campaigns import campaign_from_row, campaign_items
from .exports import _campaign, _half_hour_zone
from .wave_views import PrintResult, WaveParcel
from .waves import iter_parcels, wave_row, wave_view

CARD_KEY = "slip_card"
CARD_MAX = 400


class PrintingPart(Part):
    # ------------------------------------------------------------------ the card
    def card_text(self) -> str:
        """The shop's thank-you card text for packing slips ('' = no card)."""
        with self.db.session() as s:
            return str((self._shop(s).settings or {}).get(CARD_KEY, ""))

    def set_card_text(self, text: str) -> str:
        text = text.strip()
        if len(text) > CARD_MAX:
            raise InputError(code="print_card_too_long", params={"max": CARD_MAX,
                                                                  "length": len(text)})
        with self.db.session() as s:
            sh = self._shop(s)
            before = (sh.settings or {}).get(CARD_KEY, "")
            sh.settings = {**(sh.settings or {}), CARD_KEY: text}
            self._audit(s, "print.card", "shop", sh.id, {"before": before, "after": text})
        return text

    # ------------------------------------------------------------------ wave sheets
    def sheet(self, sheet: str, wave_id: int, path: str | Path, *, size: str = "a4",
              lang: str = "zh", card: bool = True) -> PrintResult:
        """``sheet`` (picklist, slips, manifest) of a wave to ``path`` (PDF)."""
        if sheet not in P.SHEETS:
            raise InputError(code="print_unknown_sheet",
                             params={"sheet": sheet, "known": ", ".join(P.SHEETS)})
        check_size(size)
        lang = normalize_lang(lang)
        with self.db.session() as s:
            w = wave_row(s, wave_id)
            view = wave_view(s, w)
            head = self._head(s, lang)
            tz = self._tz(s)
            facts = P.WaveFacts(id=w.id, created_at=w.created_at.astimezone(tz),
                                carrier=w.carrier, orders=view.orders, lines=view.lines,
                                units=view.units, platforms=tuple(view.platforms))
            r: P.Sheet
            if sheet == "picklist":
                r = P.PickList(head, facts, self._pick_lines(s, wave_id), size=size)
            elif sheet == "manifest":
                r = P.Manifest(head, facts, self._manifest_rows(s, wave_id), size=size)
            else:
                card_text = str((self._shop(s).settings or {}).get(CARD_KEY, "")) if card else ""
                r = P.PackingSlips(head, self._slip_orders(s, wave_id, tz, lang), size=size,
                                   wave_id=w.id, wave_orders=view.orders, card=card_text)
            done = r.write(path)
        with self.db.session() as s:
            s.add(WavePrint(wave_id=wave_id, sheet=sheet, size=size, lang=lang,
                            pages=done.pages, at=self.now(), actor=self.actor))
            self._audit(s, "print.sheet", "wave", wave_id, {
                "sheet": sheet, "size": size, "lang": lang, "pages": done.pages})
        return PrintResult(sheet, done.path, done.pages, done.seconds)

    def picklist(self, wave_id: int, path: str | Path, **kw: Any) -> PrintResult:
        return self.sheet("picklist", wave_id, path, **kw)

    def slips(self, wave_id: int, path: str | Path, **kw: Any) -> PrintResult:
        return self.sheet("slips", wave_id, path, **kw)

    def manifest(self, wave_id: int, path: str | Path, **kw: Any) -> PrintResult:
        return self.sheet("manifest", wave_id, path, **kw)

    # ------------------------------------------------------------------ the report
    def report(self, campaign_id: int, path: str | Path, *, lang: str = "zh") -> PrintResult:
        """The campaign's report (A4, two or three pages: metrics, charts, tables)."""
        lang = normalize_lang(lang)
        now = self.now()
        with self.db.session() as s:
            row = _campaign(s, campaign_id)
            tz = self._tz(s)
            data = self._report_data(s, row, now, tz, lang)
            done = P.CampaignReport(self._head(s, lang), data).write(path)
        with self.db.session() as s:
            self._audit(s, "print.report", "campaign", campaign_id,
                        {"lang": lang, "pages": done.pages})
        return PrintResult("report", done.path, done.pages, done.seconds)

    # ------------------------------------------------------------------ reading
    def _tz(self, s: Session) -> ZoneInfo:
        return ZoneInfo(self._shop(s).timezone)

    def _head(self, s: Session, lang: str) -> P.SheetHead:
        shop = self._shop(s)
        return P.SheetHead(shop=shop.name, printed_at=self.now().astimezone(ZoneInfo(
            shop.timezone)), lang=lang)

    def _pick_lines(self, s: Session, wave_id: int) -> list[P.PickLine]:
        rows = s.execute(
            select(Order.sku, func.max(Product.location), func.max(Product.name),
                   func.max(Product.variant), func.sum(Order.qty),
                   func.count(func.distinct(WaveOrder.seq)))
            .select_from(WaveOrder).join(Order, Order.id == WaveOrder.order_id)
            .outerjoin(Product, Product.id == Order.product_id)
            .where(WaveOrder.wave_id == wave_id, Order.drawn == "")
            .group_by(Order.sku)).all()
        lines = [P.PickLine(location=loc or "", sku=sku, name=name or "", variant=var or "",
                            qty=int(qty), orders=int(n))
                 for sku, loc, name, var, qty, n in rows]
        return lines + self._blind_box_picks(s, wave_id)

    def _blind_box_picks(self, s: Session, wave_id: int) -> list[P.PickLine]:
        """Blind boxes are picked as what was drawn for them: units per pool SKU."""
        units: dict[str, int] = {}
        parcels: dict[str, set[int]] = {}
        for drawn, seq in s.execute(
                select(Order.drawn, WaveOrder.seq).select_from(WaveOrder)
                .join(Order, Order.id == WaveOrder.order_id)
                .where(WaveOrder.wave_id == wave_id, Order.drawn != "")).all():
            for sku in drawn.split(","):
                units[sku] = units.get(sku, 0) + 1
                parcels.setdefault(sku, set()).add(seq)
        if not units:
            return []
        prods = Q.products_by_sku(s, self._shop(s).id, list(units))
        return [P.PickLine(location=prods[sku].location if sku in prods else "", sku=sku,
                           name=prods[sku].name if sku in prods else "",
                           variant=prods[sku].variant if sku in prods else "",
                           qty=n, orders=len(parcels[sku]))
                for sku, n in sorted(units.items())]

    def _manifest_rows(self, s: Session, wave_id: int) -> list[P.ManifestRow]:
        return [P.ManifestRow(seq=p.seq, order_no=p.order_no, platform=p.platform,
                              recipient=p.recipient, tracking_no=p.tracking_no,
                              units=p.units)
                for p in iter_parcels(s, wave_id)]

    def _slip_orders(self, s: Session, wave_id: int, tz: ZoneInfo, lang: str
                     ) -> Iterator[P.SlipOrder]:
        promises: dict[int, str] = {}

        def promise(campaign_id: int | None) -> str:
            if campaign_id is None:
                return ""
            if campaign_id not in promises:
                row = s.get(Campaign, campaign_id)
                promises[campaign_id] = (campaign_from_row(row, []).ship_promise_text(lang)
                                         if row is not None else "")
            return promises[campaign_id]

        def local(at: datetime | None) -> datetime | None:
            return at.astimezone(tz) if at is not None else None

        for chunk in _chunks(iter_parcels(s, wave_id), 500):
            ids = [oid for p in chunk for oid in p.order_ids]
            facts = {r.id: r for r in s.execute(
                select(Order.id, Order.campaign_id, Order.ordered_at, Order.ship_deadline,
                       Order.phone, Order.address, Order.drawn)
                .where(Order.id.in_(ids))).all()}
            for p in chunk:
                rows = [facts[i] for i in p.order_ids if i in facts]
                first = rows[0] if rows else None
                deadlines = [r.ship_deadline for r in rows if r.ship_deadline is not None]
                yield P.SlipOrder(
                    order_no=p.order_no, platform=p.platform, seq=p.seq,
                    ordered_at=local(first.ordered_at) if first else None,
                    recipient=p.recipient, phone=first.phone if first else "",
                    address=first.address if first else "",
                    lines=tuple(P.SlipLine(_box_sku(x.sku, facts.get(x.order_id)), x.name,
                                           x.variant, x.qty) for x in p.lines),
                    ship_by=local(min(deadlines)) if deadlines else None,
                    promise=promise(first.campaign_id if first else None),
                    tracking_no=p.tracking_no)

    def _report_data(self, s: Session, row: Campaign, now: datetime, tz: ZoneInfo,
                     lang: str) -> P.ReportData:
        cur = row.currency
        dom = campaign_from_row(row, campaign_items(s, row.id))
        groups = Q.campaign_groups(s, row.id, now)
        payments = Q.campaign_payment_sums(s, row.id)
        fig = X.campaign_figures(groups, payments, cur, row.type)

        def pct(v: Any) -> Percent | None:
            return Percent(v) if v is not None else None

        metrics = [("orders", fig.orders), ("paid_orders", fig.paid_orders),
                   ("units", fig.units), ("gmv", Money(fig.gmv, cur)),
                   ("aov", Money(fig.aov, cur) if fig.aov is not None else None),
                   ("deposits", Money(fig.deposits, cur))]
        if row.type == "deposit":
            metrics += [("balance_conversion", pct(fig.balance_conversion)),
                        ("forfeited", Money(fig.forfeited, cur)),
                        ("balances_open", fig.balances_open),
                        ("balances_open_value", Money(fig.balances_open_value, cur))]
        metrics += [("shipped", fig.shipped), ("on_time_rate", pct(fig.on_time_rate)),
                    ("cancel_rate", pct(fig.cancel_rate)), ("return_rate", pct(fig.return_rate)),
                    ("overdue", fig.overdue), ("due_48h", fig.due_48h)]
        shop = self._shop(s)
        skus = [it.sku for it in s.execute(select(CampaignItem).where(
            CampaignItem.campaign_id == row.id).order_by(CampaignItem.id)).scalars()]
        names = {sku: f"{p.name} {p.variant}".strip()
                 for sku, p in Q.products_by_sku(s, shop.id, skus).items()}
        by_sku: dict[str, list[Any]] = {}
        for g in groups:
            by_sku.setdefault(g.sku, []).append(g)
        sku_rows = []
        for sku in dict.fromkeys([*skus, *by_sku]):
            gs = by_sku.get(sku, [])
            f = X.campaign_figures(gs, [p for p in payments if p[0] == sku], cur, row.type)
            sku_rows.append(P.ReportSku(sku=sku, name=names.get(sku, ""), orders=f.orders,
                                        units=f.units, gmv=f.gmv, shipped=f.shipped,
                                        overdue=f.overdue))
        status: dict[str, int] = {}
        for g in groups:
            status[g.status] = status.get(g.status, 0) + g.orders
        by_hour = Q.campaign_orders_by_time(s, row.id, minutes=_half_hour_zone(tz, now))
        days: dict[Any, list[int]] = {}
        for at, n, units in by_hour:
            d = at.astimezone(tz).date()
            acc = days.setdefault(d, [0, 0])
            acc[0] += n
            acc[1] += units
        window = dom.deposit_window if dom.type == "deposit" else dom.sale_window
        by_day = []
        if days:
            # the whole window so far, not only the days that had orders
            d, last = min(days), max(days)
            if window is not None:
                d = min(d, window.start.astimezone(tz).date())
                last = max(last, min(window.end, now).astimezone(tz).date())
            while d <= last:  # every day, empty ones too
                n, u = days.get(d, [0, 0])
                by_day.append((d, n, u))
                d += timedelta(days=1)
        bw = dom.balance_window
        alerts = [(k, v) for k, v in (("overdue", fig.overdue), ("due_48h", fig.due_48h),
                                      ("flagged", fig.flagged),
                                      ("balances_open", fig.balances_open)) if v]
        return P.ReportData(
            id=row.id, name=row.name, platform=row.platform, type=row.type,
            status=row.status, currency=cur,
            window=(window.start.astimezone(tz), window.end.astimezone(tz)) if window else None,
            balance_window=((bw.start.astimezone(tz), bw.end.astimezone(tz)) if bw else None),
            promise=dom.ship_promise_text(lang),
            metrics=tuple(P.ReportMetric(c, v) for c, v in metrics),
            skus=tuple(sorted(sku_rows, key=lambda r: -r.units)),
            by_status=tuple(sorted(status.items(), key=lambda kv: -kv[1])),
            by_day=tuple(by_day), alerts=tuple(alerts))


def _chunks(items: Iterator[WaveParcel], size: int) -> Iterator[list[WaveParcel]]:
    batch: list[WaveParcel] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _box_sku(sku: str, fact: Any) -> str:
    """A blind box line on a slip says what went in: ``BOX → A, B``."""
    drawn = getattr(fact, "drawn", "") if fact is not None else ""
    return f"{sku} → {', '.join(drawn.split(','))}" if drawn else sku
