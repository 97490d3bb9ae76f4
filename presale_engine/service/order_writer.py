"""Writing an import of platform orders: one transaction of bulk inserts and updates.

``ImportsPart.orders`` reads and maps the file (``presale_engine.io``); this module
decides what each mapped row means for the database: which campaign an order belongs
to (and whether it broke the campaign's cap, per-buyer limit or window: flagged, never
refused), which lines are new, which move forward, which an older export would move
backwards (reported, not applied). Rows are small tuples with times as epoch seconds;
the database gets driver-level bulk inserts and updates (bench/bench_import.py).
"""


from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from typing import Any, NamedTuple, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text

from .. import orders as odom
from ..money import to_minor
from ..pricing import PriceItem, quote
from ..store import bulk
from ..store.models import (
    Audit,
    Campaign,
    CampaignItem,
    Order,
    OrderEvent,
    Payment,
    Product,
)
from .base import Part
from .campaigns import campaign_from_row
from .import_results import FLAGGED_LISTED, ImportReport, _DryRun

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

# How far outside a campaign's window an order may fall and still belong to it (flagged).
WINDOW_SLACK = timedelta(days=30)
_SLACK = int(WINDOW_SLACK.total_seconds())
_WRITE_CHUNK = 20_000  # order lines built and inserted at a time
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Statuses whose units count against a cap (``queries.units_deposited``): paid at least
# the deposit; a cancelled order only if it had been paid.
_UNPAID = frozenset({odom.Status.AWAITING_DEPOSIT.value, odom.Status.AWAITING_PAYMENT.value})
_CANCELLED = frozenset({odom.Status.CANCELLED_BY_BUYER.value,
                        odom.Status.CANCELLED_BY_SELLER.value})  # fmt: skip
_PROGRESS = {s.value: p for s, p in odom.PROGRESS.items()}
# Campaign statuses whose orders still come in but that the dashboard does not count as running.
_NOT_ACTIVE = frozenset({"draft", "submitted"})


@dataclass
class _CampaignFacts:
    id: int
    type: str
    start: int  # presale window, epoch seconds
    end: int
    ship_mode: str
    ship_days: int | None
    fixed_deadline: int | None  # fixed date, or presale end + days
    caps: dict[str, int | None]
    per_buyer: int | None
    pricing: dict[str, PriceItem]
    currency: str
    name: str = ""
    status: str = "approved"
    members_only: bool = False


class _Existing(NamedTuple):
    """An order line already in the database, as the driver returned it."""

    id: int
    kind: str
    status: str
    campaign_id: int | None
    sku: str
    qty: int
    deposit_paid_at: int | None  # epoch seconds, as the mapper gives the file's
    paid_at: int | None
    shipped_at: int | None
    ship_deadline: int | None
    carrier: str
    tracking_no: str
    deposit: int
    balance: int
    total: int
    flags: str


_EXISTING_COLS = ("id", "order_no", "sub_order_no", "kind", "status", "campaign_id", "sku",
                  "qty", "deposit_paid_at", "paid_at", "shipped_at", "ship_deadline",
                  "carrier", "tracking_no", "deposit", "balance", "total", "flags")


def _positions() -> dict[str, int]:
    from ..io.mapping import ORDER_ROW_FIELDS

    return {name: i for i, name in enumerate(ORDER_ROW_FIELDS)}



class OrderWriter(Part):
    """Writes the mapped rows of one order export for ``ImportsPart``."""

    def _campaign_facts(self, shop_id: int, platform: str) -> dict[str, list[_CampaignFacts]]:
        by_sku: dict[str, list[_CampaignFacts]] = defaultdict(list)
        with self.db.session() as s:
            rows = s.execute(select(Campaign).where(
                Campaign.shop_id == shop_id, Campaign.platform == platform,
                Campaign.status.not_in(["cancelled", "rejected"]))).scalars().all()
            items: dict[int, list[CampaignItem]] = defaultdict(list)
            if rows:
                for it in s.execute(select(CampaignItem).where(
                        CampaignItem.campaign_id.in_([r.id for r in rows]))).scalars():
                    items[it.campaign_id].append(it)
            for row in rows:
                dom = campaign_from_row(row, items[row.id])
                win = dom.presale_window
                if win is None:
                    continue
                fixed = None
                if row.ship_mode != "after_payment":
                    end = odom.ship_deadline(mode=row.ship_mode, days=row.ship_days,
                                             fixed=row.ship_date, paid_at=None,
                                             presale_end=dom.presale_end, tz=dom.tz)
                    fixed = _epoch(end) if end is not None else None
                facts = _CampaignFacts(
                    id=row.id, type=row.type, start=_epoch(win.start), end=_epoch(win.end),
                    ship_mode=row.ship_mode, ship_days=row.ship_days, fixed_deadline=fixed,
                    caps={it.sku: it.cap for it in items[row.id]},
                    per_buyer=row.per_buyer_limit,
                    pricing={it.sku: it.pricing for it in dom.items}, currency=dom.currency,
                    name=row.name, status=row.status,
                    members_only=row.audience == "members")
                for sku in facts.caps:
                    by_sku[sku].append(facts)
        return by_sku

    def write(self, rows: list[tuple[Any, ...]], platform: str, currency: str,
                      file: str, report: ImportReport, dry_run: bool,
                      progress: Progress | None, cancel: CancelCheck | None) -> None:
        from ..io import Cancelled

        now = self.now()
        shop = self.svc.shop.get()
        profile = self.svc.shop.profile(platform)
        camps = self._campaign_facts(shop.id, platform)
        camp_by_id = {c.id: c for cs in camps.values() for c in cs}
        normal_ship = int(profile.normal_ship_hours) * 3600
        P = _positions()
        p_order, p_sub, p_sku, p_qty = P["order_no"], P["sub_order_no"], P["sku"], P["qty"]
        p_kind, p_status, p_at = P["kind"], P["status"], P["ordered_at"]
        p_dep_at, p_bal_at, p_paid_at = P["deposit_paid_at"], P["balance_paid_at"], P["paid_at"]
        p_promised, p_shipped = P["promised_ship_at"], P["shipped_at"]
        p_carrier, p_tracking, p_buyer = P["carrier"], P["tracking_no"], P["buyer"]
        p_unit, p_dep, p_bal, p_tot = P["unit_price"], P["deposit"], P["balance"], P["total"]
        shop_id = shop.id

        with self.db.engine.begin() as conn, _bulk_settings(conn):
            enc = bulk.datetime_encoder(conn)
            now_e = enc(_epoch(now))
            pids = {sku: pid for sku, pid in conn.execute(
                select(Product.sku, Product.id).where(Product.shop_id == shop_id)).all()}
            units, bought = self._running_totals(conn, camp_by_id)
            members = _members(conn, shop_id, platform) \
                if any(c.members_only for c in camp_by_id.values()) else set()
            existing = self._existing(conn, shop_id, platform, rows, p_order)
            next_id = int(conn.execute(select(func.coalesce(func.max(Order.id), 0))
                                       ).scalar_one()) + 1
            total = len(rows)
            # Oldest first: running cap and per-buyer counts flag the orders that
            # actually went over, and ids follow order time.
            rows.sort(key=itemgetter(p_at))
            line_keys: dict[str, str] = {}
            lines = [r[p_sub] or line_keys.get(r[p_sku]) or line_keys.setdefault(
                r[p_sku], "sku:" + r[p_sku]) for r in rows]
            match_cache: dict[str, list[_CampaignFacts]] = {}

            def campaign_of(sku: str, at: int, kind: str) -> tuple[_CampaignFacts | None, bool]:
                cands = match_cache.get(sku)
                if cands is None:
                    cands = match_cache[sku] = camps.get(sku, [])
                camp: _CampaignFacts | None = None
                inside = False
                if cands:
                    camp, inside = _match(cands, at)
                if kind == "normal" and camp is not None and not (
                        platform == "taobao" and camp.type == "full" and inside):
                    # Taobao writes full-payment presale orders like normal ones: a normal
                    # row on a full campaign's SKU inside its window is that presale's
                    # order. Other exports say which orders are presales: believe them.
                    camp = None
                return camp, inside

            # Each new line's campaign, once, and the units deposited per campaign after
            # this import: volume tiers price every deposit order of a campaign at that
            # count (DECISIONS.md) where the export leaves the balance to the campaign.
            no_match: tuple[_CampaignFacts | None, bool] = (None, False)
            final_units: dict[int, int] = defaultdict(int)
            if not camps:
                matched = [no_match] * total
            else:
                tiered = {c.id for c in camp_by_id.values()
                          if any(p.tiers for p in c.pricing.values())}  # fmt: skip
                for (cid, _sku), n in units.items():
                    if cid in tiered:
                        final_units[cid] += n
                matched = []
                for r, line in zip(rows, lines, strict=True):
                    if existing and (r[p_order], line) in existing:
                        matched.append(no_match)  # a stored line: see _update
                        continue
                    kind = r[p_kind]
                    found = campaign_of(r[p_sku], r[p_at], kind)
                    matched.append(found)
                    camp = found[0]
                    if camp is not None and camp.id in tiered:
                        paid_at = r[p_bal_at] if kind == "deposit" else (r[p_paid_at]
                                                                         or r[p_bal_at])
                        if _counts(r[p_status], r[p_dep_at], paid_at):
                            final_units[camp.id] += r[p_qty]
            quotes: dict[tuple[int, str, int], tuple[int, int, int]] = {}
            updates: list[dict[str, Any]] = []
            events: list[tuple[Any, ...]] = []
            created = flagged = 0
            to_drafts: dict[int, int] = {}  # new orders of campaigns not active yet
            flag_counts: dict[str, int] = {}
            suspended: list[str] | None = None
            for start in range(0, total, _WRITE_CHUNK):
                if cancel is not None and cancel():
                    raise Cancelled(file)
                records: list[tuple[Any, ...]] = []
                pays: list[tuple[Any, ...]] = []
                for i in range(start, min(start + _WRITE_CHUNK, total)):
                    r = rows[i]
                    sku = r[p_sku]
                    sub = lines[i]
                    if existing:
                        old = existing.get((r[p_order], sub))
                        if old is not None:
                            self._update(r, P, old, camp_by_id, units, normal_ship, enc,
                                         now_e, report, updates, pays, events, file)
                            continue
                    status = r[p_status]
                    at = r[p_at]
                    kind = r[p_kind]
                    flags: tuple[str, ...] = ()
                    camp, inside = matched[i]
                    if kind == "normal" and camp is not None:
                        kind = "full"
                    if kind != "normal":
                        if camp is None:
                            flags += ("no_campaign",)
                        else:
                            if camp.type != kind:
                                flags += ("kind_differs",)
                            if not inside:
                                flags += ("outside_window",)
                    dep_at = r[p_dep_at]
                    paid_at = r[p_bal_at] if kind == "deposit" else (r[p_paid_at]
                                                                     or r[p_bal_at])
                    qty = r[p_qty]
                    buyer = r[p_buyer] or ""
                    deadline = r[p_promised]
                    if camp is not None:
                        if _counts(status, dep_at, paid_at):
                            key = (camp.id, sku)
                            units[key] = n_units = units.get(key, 0) + qty
                            cap = camp.caps.get(sku)
                            if cap is not None and n_units > cap:
                                flags += ("over_cap",)
                        if buyer and camp.per_buyer is not None:
                            bkey = (camp.id, buyer)
                            bought[bkey] = n_bought = bought.get(bkey, 0) + qty
                            if n_bought > camp.per_buyer:
                                flags += ("over_limit",)
                        if camp.members_only and buyer not in members:
                            flags += ("not_a_member",)
                        if deadline is None and paid_at is not None:
                            deadline = _deadline(camp, paid_at)
                    elif deadline is None and paid_at is not None:
                        deadline = paid_at + normal_ship
                    # Money is in minor units already (the mapper's money="minor").
                    unit = r[p_unit]
                    if kind == "deposit":
                        dep_m = r[p_dep] or 0
                        balance = r[p_bal]
                        tot_m = r[p_tot]
                        if (balance is None and camp is not None and camp.type == "deposit"
                                and sku in camp.pricing):
                            qkey = (camp.id, sku, qty)
                            got = quotes.get(qkey)
                            if got is None:
                                got = quotes[qkey] = _quote_minor(
                                    camp, sku, qty, final_units.get(camp.id, 0), currency)
                            unit, balance, quoted_dep = got
                            dep_m = dep_m or quoted_dep
                            tot_m = dep_m + balance
                        bal_m = balance or 0
                        if tot_m is None:
                            tot_m = dep_m + bal_m
                    else:
                        dep_m = 0
                        tot_m = r[p_tot]
                        if tot_m is None:
                            tot_m = (unit or 0) * qty
                        bal_m = tot_m
                    if unit is None:  # the line total over its units, rounded half up
                        unit = (2 * tot_m + qty) // (2 * qty)
                    oid = next_id
                    next_id += 1
                    dep_e = enc(dep_at) if dep_at is not None else None
                    paid_e = enc(paid_at) if paid_at is not None else None
                    shipped = r[p_shipped]
                    records.append((
                        oid, shop_id, platform, r[p_order], sub, camp.id if camp else None,
                        pids.get(sku), sku, kind, status, qty, currency, unit, dep_m, bal_m,
                        tot_m, buyer, enc(at), dep_e, paid_e,
                        enc(deadline) if deadline is not None else None,
                        enc(shipped) if shipped is not None else None,
                        r[p_carrier] or "", r[p_tracking] or "", 0,
                        ",".join(flags) if flags else "", now_e))
                    if dep_e is not None and kind == "deposit":
                        pays.append((oid, "deposit", dep_m, dep_e))
                    if paid_e is not None:
                        pays.append((oid, "balance", bal_m, paid_e) if kind == "deposit"
                                    else (oid, "full", tot_m, paid_e))
                    if flags:
                        flagged += 1
                        if len(report.flagged_orders) < FLAGGED_LISTED:
                            report.flagged_orders.append({"id": oid, "order_no": r[p_order],
                                                          "sku": sku, "flags": list(flags)})
                        for flag in flags:
                            flag_counts[flag] = flag_counts.get(flag, 0) + 1
                    if camp is not None and camp.status in _NOT_ACTIVE:
                        to_drafts[camp.id] = to_drafts.get(camp.id, 0) + 1
                if records:
                    created += len(records)
                    if suspended is None and _worth_suspending(conn, total):
                        # Building indexes once over the loaded rows beats keeping them
                        # up to date row by row, but only for big loads.
                        suspended = bulk.drop_indexes(conn, ["orders", "payment"])
                    bulk.insert_rows(conn, cast(Table, Order.__table__), _ORDER_COLS, records)
                bulk.insert_rows(conn, cast(Table, Payment.__table__), _PAY_COLS, pays)
                if progress is not None:
                    progress(min(start + _WRITE_CHUNK, total), total)
            report.created += created
            report.flagged += flagged
            report.flagged_by_reason = dict(sorted(flag_counts.items()))
            report.inactive_campaigns = [
                {"id": cid, "name": camp_by_id[cid].name, "status": camp_by_id[cid].status,
                 "orders": n} for cid, n in sorted(to_drafts.items())]
            bulk.update_rows(conn, cast(Table, Order.__table__), updates)
            if suspended:
                bulk.create_indexes(conn, suspended)
            bulk.insert_rows(conn, cast(Table, OrderEvent.__table__), _EVENT_COLS, events)
            conn.execute(insert(Audit).values(
                at=now, actor=self.actor, action="import.orders", entity="shop",
                entity_id=shop_id, detail={"file": file, "platform": platform,
                                           **{k: v for k, v in report.as_dict().items()
                                              if isinstance(v, int)}}))
            if dry_run:
                raise _DryRun()

    def _update(self, r: tuple[Any, ...], P: dict[str, int], old: _Existing,
                camp_by_id: dict[int, _CampaignFacts], units: dict[tuple[int, str], int],
                normal_ship: int, enc: Callable[[int | None], Any], now_e: Any,
                report: ImportReport,
                updates: list[dict[str, Any]], new_pays: list[tuple[Any, ...]],
                events: list[tuple[Any, ...]], file: str) -> None:
        """A later (or the same, or an older) export of an order line we already have."""
        before, after = old.status, r[P["status"]]
        if _PROGRESS[after] < _PROGRESS[before]:
            report.not_moved_back.append({"row": r[P["excel_row"]], "order_no": r[P["order_no"]],
                                          "file_status": after, "stored_status": before})
            return
        kind = old.kind
        dep_at = r[P["deposit_paid_at"]]
        paid_at = r[P["balance_paid_at"]] if kind == "deposit" else (
            r[P["paid_at"]] or r[P["balance_paid_at"]])
        camp = camp_by_id.get(old.campaign_id) if old.campaign_id is not None else None
        deadline = r[P["promised_ship_at"]]
        if deadline is None and paid_at is not None:
            deadline = _deadline(camp, paid_at) if camp is not None else paid_at + normal_ship
        changes: dict[str, Any] = {}
        for col, val in (("deposit_paid_at", dep_at), ("paid_at", paid_at),
                         ("shipped_at", r[P["shipped_at"]]), ("ship_deadline", deadline)):
            if val is not None and getattr(old, col) != val:
                changes[col] = enc(val)
        for col, val in (("carrier", r[P["carrier"]]), ("tracking_no", r[P["tracking_no"]])):
            if val and getattr(old, col) != val:
                changes[col] = val
        if after != before:
            changes["status"] = after
            if (camp is not None and not _counts(before, old.deposit_paid_at, old.paid_at)
                    and _counts(after, dep_at, paid_at)):  # fmt: skip
                key = (camp.id, old.sku)
                units[key] = n_units = units.get(key, 0) + old.qty
                cap = camp.caps.get(old.sku)
                flags = [f for f in old.flags.split(",") if f]
                if cap is not None and n_units > cap and "over_cap" not in flags:
                    changes["flags"] = ",".join([*flags, "over_cap"])
        if not changes:
            report.unchanged += 1
            return
        changes["updated_at"] = now_e
        changes["id"] = old.id
        updates.append(changes)
        if "deposit_paid_at" in changes and old.deposit_paid_at is None and kind == "deposit":
            new_pays.append((old.id, "deposit", old.deposit, changes["deposit_paid_at"]))
        if "paid_at" in changes and old.paid_at is None:
            new_pays.append((old.id, "balance" if kind == "deposit" else "full",
                             old.balance if kind == "deposit" else old.total,
                             changes["paid_at"]))
        if "status" in changes:
            events.append((old.id, "import", before, after, now_e, self.actor,
                           f"{file} row {r[P['excel_row']]}"))
        report.updated += 1

    def _running_totals(self, conn: Connection, camps: dict[int, _CampaignFacts]
                        ) -> tuple[dict[tuple[int, str], int], dict[tuple[int, str], int]]:
        """Units counted against each campaign SKU's cap, and units per campaign buyer,
        as the database has them before this import."""
        units: dict[tuple[int, str], int] = {}
        bought: dict[tuple[int, str], int] = {}
        if not camps:
            return units, bought
        ids = list(camps)
        o = Order.__table__.c
        counted = (o.status.not_in(sorted(_UNPAID)) &
                   (o.status.not_in(sorted(_CANCELLED)) | o.deposit_paid_at.is_not(None)
                    | o.paid_at.is_not(None)))  # fmt: skip
        for cid, sku, n in conn.execute(
                select(o.campaign_id, o.sku, func.sum(o.qty))
                .where(o.campaign_id.in_(ids), counted).group_by(o.campaign_id, o.sku)).all():
            units[(int(cid), sku)] = int(n or 0)
        limited = [c.id for c in camps.values() if c.per_buyer is not None]
        if limited:
            for cid, buyer, n in conn.execute(
                    select(o.campaign_id, o.buyer, func.sum(o.qty))
                    .where(o.campaign_id.in_(limited), o.buyer != "")
                    .group_by(o.campaign_id, o.buyer)).all():
                bought[(int(cid), buyer)] = int(n or 0)
        return units, bought

    def _existing(self, conn: Connection, shop_id: int, platform: str,
                  rows: Sequence[tuple[Any, ...]], p_order: int
                  ) -> dict[tuple[str, str], _Existing] | None:
        """The order lines of this file already stored, by (order number, line key);
        None when the shop has no orders of this platform at all (the first import).

        Lines stored without a sub-order number (entered by hand, or by older versions)
        also answer to ``sku:<code>``. Raw driver values: no per-value type processing.
        """
        have = int(conn.execute(select(func.count()).select_from(Order).where(
            Order.shop_id == shop_id, Order.platform == platform)).scalar_one())
        if not have or not rows:
            return None
        cols = ", ".join(_EXISTING_COLS)
        base = f"SELECT {cols} FROM orders WHERE shop_id = :shop AND platform = :platform"
        nos = {r[p_order] for r in rows}
        params: dict[str, Any] = {"shop": shop_id, "platform": platform}
        if have <= 4 * len(nos):
            # Most of what is stored is in the file: one scan beats many lookups.
            results = [conn.execute(text(base), params)]
        else:
            stmt = text(base + " AND order_no IN :nos").bindparams(
                bindparam("nos", expanding=True))
            ordered = sorted(nos)
            results = [conn.execute(stmt, {**params, "nos": ordered[i:i + 900]})
                       for i in range(0, len(ordered), 900)]  # fmt: skip
        when = _stored_epoch_reader(conn)
        out: dict[tuple[str, str], _Existing] = {}
        aliases: dict[tuple[str, str], _Existing] = {}
        # The same few kinds, states, SKUs and carriers on every row: share one string.
        common: dict[str, str] = {}  # NOT NULL text columns
        intern = common.setdefault
        make = _Existing._make
        for result in results:
            for part in result.partitions(10_000):
                for row in part:
                    order_no = row[1]
                    if order_no not in nos:
                        continue
                    sub = intern(row[2], row[2])
                    e = make((row[0], intern(row[3], row[3]), intern(row[4], row[4]), row[5],
                              intern(row[6], row[6]), row[7], when(row[8]), when(row[9]),
                              when(row[10]), when(row[11]), intern(row[12], row[12]), row[13],
                              row[14], row[15], row[16], intern(row[17], row[17])))
                    out[(order_no, sub)] = e
                    if sub == "":
                        aliases[(order_no, "sku:" + e.sku)] = e
        for key, e in aliases.items():
            out.setdefault(key, e)
        return out

    # ------------------------------------------------------------------ products


_ORDER_COLS = ("id", "shop_id", "platform", "order_no", "sub_order_no", "campaign_id",
               "product_id", "sku", "kind", "status", "qty", "currency", "unit_price",
               "deposit", "balance", "total", "buyer", "ordered_at", "deposit_paid_at",
               "paid_at", "ship_deadline", "shipped_at", "carrier", "tracking_no", "reserved",
               "flags", "updated_at")
_PAY_COLS = ("order_id", "kind", "amount", "at")
_EVENT_COLS = ("order_id", "event", "from_status", "to_status", "at", "actor", "reason")

def _epoch(dt: datetime) -> int:
    delta = dt - _EPOCH
    return delta.days * 86400 + delta.seconds + (1 if delta.microseconds >= 500_000 else 0)


def _quote_minor(camp: _CampaignFacts, sku: str, qty: int, units_sold: int,
                 currency: str) -> tuple[int, int, int]:
    """(unit price, line balance, line deposit) in minor units, from the campaign."""
    qt = quote(camp.pricing[sku], units_sold=units_sold, qty=qty)
    return (to_minor(qt.unit_price, currency), to_minor(qt.order_balance, currency),
            to_minor(qt.order_deposit, currency))


def _worth_suspending(conn: Connection, new_rows: int) -> bool:
    """Drop and rebuild the order indexes for this load? Only for a big load that is a
    good share of the table (the rebuild costs the whole table, not just the load)."""
    if conn.dialect.name != "sqlite" or new_rows <= 20_000:
        return False
    stored = int(conn.execute(select(func.count()).select_from(Order)).scalar_one())
    return new_rows * 2 >= stored


def _counts(status: str, deposit_paid_at: Any, paid_at: Any) -> bool:
    """Do this order's units count against its campaign's cap (``units_deposited``)?"""
    if status in _UNPAID:
        return False
    return status not in _CANCELLED or deposit_paid_at is not None or paid_at is not None


def _match(cands: list[_CampaignFacts], at: int) -> tuple[_CampaignFacts | None, bool]:
    """The campaign an order belongs to: platform + SKU + order time.

    Returns (campaign, inside its window). An order up to 30 days outside every window
    goes to the nearest campaign, flagged.
    """
    best: tuple[int, _CampaignFacts] | None = None
    for c in cands:
        if c.start <= at <= c.end:
            return c, True
        gap = c.start - at if at < c.start else at - c.end
        if gap <= _SLACK and (best is None or gap < best[0]):
            best = (gap, c)
    return (best[1], False) if best else (None, False)


def _deadline(camp: _CampaignFacts, paid_at: int) -> int | None:
    if camp.ship_mode == "after_payment":
        return paid_at + camp.ship_days * 86400 if camp.ship_days is not None else None
    return camp.fixed_deadline


def _stored_epoch_reader(conn: Connection) -> Callable[[Any], int | None]:
    """Raw stored datetimes to epoch seconds, to compare with the file's: SQLite keeps
    SQLAlchemy's text ``YYYY-MM-DD HH:MM:SS.ffffff`` (UTC), PostgreSQL hands back naive
    UTC datetimes. Fractions of a second round, as the file's times do."""
    if conn.dialect.name != "sqlite":
        def from_datetime(v: Any) -> int | None:
            if v is None:
                return None
            return _epoch(v if v.tzinfo is not None else v.replace(tzinfo=UTC))

        return from_datetime
    minutes: dict[str, int] = {}

    def from_text(v: Any) -> int | None:
        if v is None:
            return None
        base = minutes.get(v[:16])
        if base is None:
            base = minutes[v[:16]] = _epoch(
                datetime.fromisoformat(v[:16]).replace(tzinfo=UTC))
        frac = v[19:]
        return base + int(v[17:19]) + (1 if frac and frac[1:2] >= "5" else 0)

    return from_text



@contextmanager
def _bulk_settings(conn: Connection) -> Iterator[None]:
    """SQLite: a page cache big enough for a 200k-row load (the default 2 MB makes
    every insert into the order-number index go back to the file), for this
    transaction only."""
    if conn.dialect.name != "sqlite":
        yield
        return
    old = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MiB, allocated as used
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(old or -2000)}")


def _members(conn: Any, shop_id: int, platform: str) -> set[str]:
    """The buyers on the shop's member list for this platform (or any platform)."""
    from ..store.models import Member

    return {b for (b,) in conn.execute(select(Member.buyer).where(
        Member.shop_id == shop_id, Member.platform.in_(["", platform]))).all()}
