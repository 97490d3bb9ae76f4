"""Waves: batches of paid orders picked, packed and handed to the carrier together.

A wave takes orders ready to ship (paid in full, not shipped, in no other open wave),
most urgent deadline first, optionally only one campaign, platform or SKU or those due
by a time, up to a number of platform orders (parcels). A platform order is never split:
all its ready lines join the wave. The packing bench scans slips (marks the parcel
packed) and tracking labels (fills its tracking number); ``ship`` then marks the packed
lines shipped with the order bulk action's state machine (``order_bulk.run``) in the
same transaction that closes the wave, and lets unpacked lines go.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import and_, delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from ..errors import Conflict, InputError, NotFound
from ..io.export import ExportReport
from ..store import queries as Q
from ..store.models import Order, Product, Wave, WaveOrder, WavePrint
from . import order_bulk as OB
from .base import Part
from .wave_views import (
    ParcelLine,
    PrintRecord,
    ScanResult,
    WaveParcel,
    WaveShipResult,
    WaveView,
)

OPEN, SHIPPED, CANCELLED = "open", "shipped", "cancelled"
_CHUNK = 500
TRACKING_MIN, TRACKING_MAX = 6, 40
WAVE_CODE_PREFIX = "WAVE-"


@dataclass(frozen=True)
class WaveFilter:
    campaign_id: int | None = None
    platform: str | None = None
    sku: str | None = None
    due_within_hours: float | None = None
    due_by: datetime | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in self.__dict__.items():
            if v is not None:
                out[k] = v.isoformat() if isinstance(v, datetime) else v
        return out


def in_open_wave() -> Any:
    """SQL: the order line is in a wave that is still open."""
    return exists().where(WaveOrder.order_id == Order.id, WaveOrder.wave_id == Wave.id,
                          Wave.status == OPEN)


def wave_row(s: Session, wave_id: int) -> Wave:
    w = s.get(Wave, wave_id)
    if w is None:
        raise NotFound(code="wave_not_found", params={"id": wave_id})
    return w


def parcels(s: Session, wave_id: int, *, seq_from: int = 0, seq_to: int | None = None
            ) -> list[WaveParcel]:
    """The wave's parcels in picking order (lines of one platform order together)."""
    stmt = (select(WaveOrder.seq, WaveOrder.packed_at, Order.id, Order.platform,
                   Order.order_no, Order.recipient, Order.sku, Order.qty, Order.tracking_no,
                   Order.carrier, Product.name, Product.variant)
            .join(Order, Order.id == WaveOrder.order_id)
            .outerjoin(Product, Product.id == Order.product_id)
            .where(WaveOrder.wave_id == wave_id, WaveOrder.seq >= seq_from)
            .order_by(WaveOrder.seq, Order.id))
    if seq_to is not None:
        stmt = stmt.where(WaveOrder.seq < seq_to)
    out: list[WaveParcel] = []
    group: list[Any] = []

    def close() -> None:
        if group:
            f = group[0]
            out.append(WaveParcel(
                seq=f.seq, platform=f.platform, order_no=f.order_no, recipient=f.recipient,
                lines=[ParcelLine(r.id, r.sku, r.name or "", r.variant or "", r.qty)
                       for r in group],
                packed=all(r.packed_at is not None for r in group),
                tracking_no=next((r.tracking_no for r in group if r.tracking_no), ""),
                carrier=next((r.carrier for r in group if r.carrier), "")))
            group.clear()

    for r in s.execute(stmt).all():
        if group and group[0].seq != r.seq:
            close()
        group.append(r)
    close()
    return out


def iter_parcels(s: Session, wave_id: int, chunk: int = _CHUNK) -> Iterator[WaveParcel]:
    """The wave's parcels, read ``chunk`` at a time (slips for a big wave)."""
    start = 0
    last = int(s.execute(select(func.coalesce(func.max(WaveOrder.seq), 0))
                         .where(WaveOrder.wave_id == wave_id)).scalar_one())
    while start <= last:
        yield from parcels(s, wave_id, seq_from=start, seq_to=start + chunk)
        start += chunk


def wave_view(s: Session, w: Wave) -> WaveView:
    counts = s.execute(
        select(func.count(), func.count(func.distinct(WaveOrder.seq)),
               func.coalesce(func.sum(Order.qty), 0))
        .select_from(WaveOrder).join(Order, Order.id == WaveOrder.order_id)
        .where(WaveOrder.wave_id == w.id)).one()
    # a parcel is packed when none of its lines is unpacked
    unpacked = s.execute(select(func.count(func.distinct(WaveOrder.seq))).where(
        WaveOrder.wave_id == w.id, WaveOrder.packed_at.is_(None))).scalar_one()
    platforms = sorted(p for (p,) in s.execute(
        select(Order.platform).join(WaveOrder, WaveOrder.order_id == Order.id)
        .where(WaveOrder.wave_id == w.id).distinct()).all())
    printed = [PrintRecord(p.sheet, p.size, p.lang, p.pages, p.at, p.actor)
               for p in s.execute(select(WavePrint).where(WavePrint.wave_id == w.id)
                                  .order_by(WavePrint.id)).scalars()]
    lines, orders, units = int(counts[0]), int(counts[1]), int(counts[2])
    return WaveView(id=w.id, status=w.status, carrier=w.carrier, created_at=w.created_at,
                    shipped_at=w.shipped_at, orders=orders, lines=lines, units=units,
                    packed=orders - int(unpacked), platforms=platforms,
                    filters=dict(w.filters or {}), printed=printed)


class WavesPart(Part):
    # ------------------------------------------------------------------ create
    def create(self, flt: WaveFilter | None = None, *, max_orders: int | None = None,
               carrier: str = "") -> WaveView:
        """A new wave of the orders ready to ship that ``flt`` matches, most urgent first.

        ``max_orders`` caps the platform orders (parcels). Refused when nothing is ready.
        """
        flt = flt or WaveFilter()
        if max_orders is not None and max_orders < 1:
            raise InputError(code="wave_max_too_small", params={"max": max_orders})
        now = self.now()
        with self.db.session() as s:
            shop = self._shop(s)
            of = Q.OrderFilter(campaign_id=flt.campaign_id, platform=flt.platform,
                               sku=flt.sku, due_within_hours=flt.due_within_hours,
                               due_by=flt.due_by, statuses=Q.TO_SHIP_VALUES)
            stmt = (Q.order_select(of, now)
                    .with_only_columns(Order.id, Order.platform, Order.order_no)
                    .where(~in_open_wave())
                    .order_by(Order.ship_deadline.asc().nulls_last(), Order.paid_at, Order.id))
            chosen: dict[tuple[str, str], int] = {}
            for _oid, platform, order_no in s.execute(stmt):
                key = (platform, order_no)
                if key not in chosen:
                    if max_orders is not None and len(chosen) >= max_orders:
                        break
                    chosen[key] = len(chosen) + 1
            if not chosen:
                raise Conflict(code="wave_no_orders", params={})
            # every ready line of the chosen platform orders (an order is never split)
            lines: list[tuple[int, int]] = []
            keys = list(chosen)
            for i in range(0, len(keys), _CHUNK):
                part = keys[i:i + _CHUNK]
                nos = sorted({no for _, no in part})
                rows = s.execute(
                    select(Order.id, Order.platform, Order.order_no)
                    .where(Order.order_no.in_(nos), Order.shop_id == shop.id,
                           Order.status.in_(Q.TO_SHIP_VALUES), ~in_open_wave())).all()
                lines += [(oid, chosen[(p, no)]) for oid, p, no in rows if (p, no) in chosen]
            w = Wave(shop_id=shop.id, status=OPEN, carrier=carrier.strip(),
                     filters=flt.as_json() | ({"max": max_orders} if max_orders else {}),
                     created_at=now, actor=self.actor)
            s.add(w)
            s.flush()
            s.execute(insert(WaveOrder), [
                {"wave_id": w.id, "order_id": oid, "seq": seq, "packed_at": None,
                 "packed_by": ""} for oid, seq in sorted(lines, key=lambda x: (x[1], x[0]))])
            drawn = draw_blind_boxes(s, [oid for oid, _seq in lines])
            self._audit(s, "wave.create", "wave", w.id, {
                "orders": len(chosen), "lines": len(lines), "filters": w.filters,
                "blind_boxes_drawn": drawn})
            return wave_view(s, w)

    # ------------------------------------------------------------------ reading
    def all(self, *, status: str | None = None, limit: int = 100) -> list[WaveView]:
        """Waves, newest first."""
        with self.db.session() as s:
            stmt = select(Wave).order_by(Wave.id.desc()).limit(limit)
            if status:
                stmt = stmt.where(Wave.status == status)
            return [wave_view(s, w) for w in s.execute(stmt).scalars().all()]

    def get(self, wave_id: int) -> WaveView:
        with self.db.session() as s:
            return wave_view(s, wave_row(s, wave_id))

    def parcels(self, wave_id: int) -> list[WaveParcel]:
        """The wave's parcels in picking order, with their lines and packing state."""
        with self.db.session() as s:
            wave_row(s, wave_id)
            return parcels(s, wave_id)

    # ------------------------------------------------------------------ packing
    def scan(self, wave_id: int, code: str, *, current: str | None = None) -> ScanResult:
        """What the packing bench's scanner read: a slip's order number marks that parcel
        packed; anything else is a tracking number for ``current`` (the order number of
        the parcel on the bench). One transaction; a refused scan changes nothing."""
        code = code.strip()
        now = self.now()
        with self.db.session() as s:
            w = self._open(s, wave_id)
            all_parcels = parcels(s, wave_id)
            by_no = {p.order_no: p for p in all_parcels}

            def result(kind: str, parcel: WaveParcel | None,
                       fresh: list[WaveParcel] | None = None) -> ScanResult:
                ps = fresh if fresh is not None else all_parcels
                nxt = next((p for p in ps if not p.packed), None)
                return ScanResult(kind, code, parcel, nxt, sum(p.packed for p in ps), len(ps))

            if not code:
                return result("empty", None)
            if code.upper() == f"{WAVE_CODE_PREFIX}{w.id}":
                return result("wave", None)
            parcel = by_no.get(code)
            if parcel is not None:
                if parcel.packed:
                    return result("already_packed", parcel)
                s.execute(update(WaveOrder).where(
                    WaveOrder.wave_id == wave_id, WaveOrder.order_id.in_(parcel.order_ids))
                    .values(packed_at=now, packed_by=self.actor))
                self._audit(s, "wave.pack", "wave", wave_id, {"order_no": code})
                fresh = parcels(s, wave_id)
                return result("packed", next(p for p in fresh if p.order_no == code), fresh)
            known = s.execute(select(Order.id).where(Order.order_no == code).limit(1)
                              ).scalar_one_or_none()
            if known is not None:
                return result("not_in_wave", None)
            target = by_no.get(current or "")
            if target is None:
                return result("no_current", None)
            if not (TRACKING_MIN <= len(code) <= TRACKING_MAX and code.isascii()
                    and code.isalnum()):
                return result("bad_tracking", target)
            values: dict[str, Any] = {"tracking_no": code, "updated_at": now}
            if w.carrier:
                values["carrier"] = w.carrier
            s.execute(update(Order).where(Order.id.in_(target.order_ids)).values(values))
            self._audit(s, "wave.tracking", "wave", wave_id,
                        {"order_no": target.order_no, "tracking_no": code})
            fresh = parcels(s, wave_id)
            return result("tracking", next(p for p in fresh if p.order_no == target.order_no),
                          fresh)

    def unpack(self, wave_id: int, order_no: str) -> WaveView:
        """Undo a packing scan (the wrong parcel was scanned)."""
        with self.db.session() as s:
            self._open(s, wave_id)
            ids = [oid for (oid,) in s.execute(
                select(WaveOrder.order_id).join(Order, Order.id == WaveOrder.order_id)
                .where(WaveOrder.wave_id == wave_id, Order.order_no == order_no)).all()]
            if not ids:
                raise NotFound(code="wave_order_not_found",
                               params={"id": wave_id, "order_no": order_no})
            s.execute(update(WaveOrder).where(WaveOrder.wave_id == wave_id,
                                              WaveOrder.order_id.in_(ids))
                      .values(packed_at=None, packed_by=""))
            self._audit(s, "wave.unpack", "wave", wave_id, {"order_no": order_no})
            return wave_view(s, wave_row(s, wave_id))

    # ------------------------------------------------------------------ closing
    def ship(self, wave_id: int, *, carrier: str = "") -> WaveShipResult:
        """Mark the wave's packed lines shipped (the order bulk action's state machine,
        ``order_bulk.run``) and close the wave, in ONE transaction; unpacked lines leave
        the wave and can join another."""
        now = self.now()
        with self.db.session() as s:
            w = self._open(s, wave_id)
            shop = self._shop(s)
            rows = s.execute(select(WaveOrder.order_id, WaveOrder.packed_at)
                             .where(WaveOrder.wave_id == wave_id)
                             .order_by(WaveOrder.seq, WaveOrder.order_id)).all()
            packed = [oid for oid, at in rows if at is not None]
            unpacked = [oid for oid, at in rows if at is None]
            if not packed:
                raise Conflict(code="wave_nothing_packed", params={"id": wave_id})
            carrier = carrier.strip() or w.carrier
            res = OB.run(s, event="ship", ids=packed, now=now, actor=self.actor,
                         shop_currency=shop.currency, carrier=carrier)
            for part in OB.chunks(unpacked):
                s.execute(delete(WaveOrder).where(WaveOrder.wave_id == wave_id,
                                                  WaveOrder.order_id.in_(part)))
            w.status = SHIPPED
            w.shipped_at = now
            w.carrier = carrier
            shipped = res.applied_ids
            platforms: set[str] = set()
            missing = 0
            for part in OB.chunks(shipped):
                for platform, tracking in s.execute(
                        select(Order.platform, Order.tracking_no).where(Order.id.in_(part))):
                    platforms.add(platform)
                    missing += not tracking
            self._audit(s, "wave.ship", "wave", wave_id, {
                "shipped": len(shipped), "refused": len(res.refused),
                "released": len(unpacked), "carrier": carrier})
            return WaveShipResult(wave_id, len(shipped), res.refused, len(unpacked),
                                  sorted(platforms), shipped, missing)

    def cancel(self, wave_id: int) -> WaveView:
        """Give up a wave: its orders are free to join another (nothing is shipped)."""
        with self.db.session() as s:
            w = self._open(s, wave_id)
            w.status = CANCELLED
            self._audit(s, "wave.cancel", "wave", wave_id, {})
            return wave_view(s, w)

    def ship_sheets(self, wave_id: int, path: str | Path) -> list[ExportReport]:
        """The platforms' bulk-shipping upload sheets for a shipped wave's orders.

        One platform: ``path``; several: ``<stem>-<platform><suffix>`` beside it. Orders
        without a tracking number are not in a sheet (``WaveShipResult.missing_tracking``).
        """
        with self.db.session() as s:
            w = wave_row(s, wave_id)
            if w.status != SHIPPED:
                raise Conflict(code="wave_not_shipped", params={"id": wave_id})
            ids = [oid for (oid,) in s.execute(select(WaveOrder.order_id)
                                               .where(WaveOrder.wave_id == wave_id)).all()]
            platforms = sorted({p for (p,) in s.execute(
                select(Order.platform).where(and_(Order.id.in_(ids)))).all()}) if ids else []
        out = []
        for platform, target in ship_sheet_paths(Path(path), platforms).items():
            out.append(self.svc.exports.ship_sheet(platform, target,
                                                   Q.OrderFilter(ids=ids)))
        return out

    # ------------------------------------------------------------------ helpers
    def _open(self, s: Session, wave_id: int) -> Wave:
        w = wave_row(s, wave_id)
        if w.status != OPEN:
            raise Conflict(code="wave_not_open", params={"id": wave_id, "status": w.status})
        return w


def ship_sheet_paths(path: Path, platforms: Sequence[str]) -> dict[str, Path]:
    if len(platforms) <= 1:
        return {p: path for p in platforms}
    return {p: path.with_name(f"{path.stem}-{p}{path.suffix}") for p in platforms}


def draw_blind_boxes(s: Session, order_ids: list[int]) -> int:
    """Draw the pool SKU of every blind-box unit among these order lines that has not
    been drawn yet (``orders.drawn``, kept: a reprint shows the same); how many lines."""
    from ..blind_box import PoolEntry, draw_order
    from ..store.models import CampaignItem

    done = 0
    for i in range(0, len(order_ids), _CHUNK):
        part = order_ids[i:i + _CHUNK]
        rows = s.execute(
            select(Order, CampaignItem.pool)
            .join(CampaignItem, (CampaignItem.campaign_id == Order.campaign_id)
                  & (CampaignItem.sku == Order.sku))
            .where(Order.id.in_(part), CampaignItem.pool.is_not(None), Order.drawn == "")
        ).all()
        for o, pool in rows:
            entries = [PoolEntry(e["sku"], Decimal(str(e["weight"]))) for e in pool or ()]
            if not entries:
                continue
            o.drawn = ",".join(draw_order(entries, o.campaign_id or 0, o.order_no,
                                          o.sub_order_no, o.qty))
            done += 1
    return done
