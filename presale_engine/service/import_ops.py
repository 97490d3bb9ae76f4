"""Import use cases: platform order exports, product sheets, supply sheets.

Reading and checking every cell happens in ``presale_engine.io``; this module decides
what the rows mean for the database, in ONE transaction per file:

- a file with any unreadable row imports nothing (unless the caller asks for the valid
  rows only, in which case the rejected rows go to a workbook with their reasons);
- importing the same export twice changes nothing; a later export updates status,
  payments and tracking; an older export never moves an order backwards (those rows
  are reported);
- orders are facts: breaking a campaign rule (cap, per-buyer limit, window) is flagged
  for the risk view, never refused;
- cancelling (the ``cancel`` callable) rolls everything back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import nullcontext, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, func, insert, select, update

from .. import orders as odom
from ..errors import InputError
from ..money import to_minor
from ..store import bulk
from ..store.models import (
    Audit,
    Campaign,
    CampaignItem,
    Order,
    OrderEvent,
    Payment,
    Product,
    StockMove,
    SupplyBatch,
)
from .base import ServiceBase
from .campaign_ops import campaign_from_row

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

# How far outside a campaign's window an order may fall and still belong to it (flagged).
WINDOW_SLACK = timedelta(days=30)
_CHUNK = 5000


class ImportRefused(InputError):
    """The file cannot be imported as it is; ``errors`` lists the rows and reasons."""

    code = "import_refused"

    def __init__(self, message: str, errors: Sequence[Any] = (),
                 unknown_statuses: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors)
        self.unknown_statuses = list(unknown_statuses)

    def as_dict(self) -> dict[str, Any]:
        return {
            "error": self.message,
            "errors": [{"file": e.file, "row": e.row, "column": e.column, "value": e.value,
                        "reason": e.reason, "code": e.code} for e in self.errors],
            "unknown_statuses": self.unknown_statuses,
        }


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


@dataclass
class ImportReport:
    file: str
    kind: str  # orders | products | supply
    platform: str | None = None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    skipped_rows: int = 0
    flagged: int = 0
    dry_run: bool = False
    not_moved_back: list[dict[str, Any]] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rejects_file: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated,
                "unchanged": self.unchanged, "rejected": self.rejected,
                "skipped_rows": self.skipped_rows, "platform": self.platform,
                "kind": self.kind, "file": self.file, "flagged": self.flagged,
                "dry_run": self.dry_run, "not_moved_back": self.not_moved_back,
                "extra_columns": self.extra_columns, "warnings": self.warnings,
                "rejects_file": self.rejects_file}


def _refuse(imp: Any, file: str) -> None:
    if imp.errors:
        first = imp.errors[0]
        more = f" (and {len(imp.errors) - 1} more)" if len(imp.errors) > 1 else ""
        raise ImportRefused(f"{first}{more}; nothing was imported", imp.errors,
                            getattr(imp, "unknown_statuses", ()))


def write_rejects(path: str | Path, table: Any, errors: Sequence[Any]) -> None:
    """The rejected rows as the file had them, with the reasons in front."""
    from openpyxl import Workbook

    by_row: dict[int, list[str]] = defaultdict(list)
    for e in errors:
        by_row[e.row].append(f"{e.column}: {e.reason}" + (f" ('{e.value}')" if e.value else ""))
    cells = {n: c for n, c in table.rows} if table is not None else {}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("rejected")
    ws.append(["row", "reasons", *(table.headers if table is not None else [])])
    for n in sorted(by_row):
        raw = ["" if v is None else str(v) for v in cells.get(n, [])]
        ws.append([n, "; ".join(by_row[n]), *raw])
    tmp = Path(f"{path}.part")
    wb.save(tmp)
    tmp.replace(path)


@dataclass
class _CampaignFacts:
    id: int
    type: str
    start: datetime
    end: datetime
    ship_mode: str
    ship_days: int | None
    ship_date: Any
    presale_end: datetime | None
    tz: ZoneInfo
    caps: dict[str, int | None]
    per_buyer: int | None


class ImportOps(ServiceBase):
    # ------------------------------------------------------------------ orders
    def import_orders(self, path: str | Path, *, platform: str | None = None,
                      dry_run: bool = False, valid_only: str | Path | None = None,
                      progress: Progress | None = None, cancel: CancelCheck | None = None
                      ) -> ImportReport:
        """Import a platform order export (platform detected from the headers)."""
        from ..io import detect_platform as detect
        from ..io import header_scorer, load_presets, map_orders, read_table

        presets = {n: p for n, p in load_presets().items() if p.table == "orders"}
        if platform in (None, "", "auto"):
            pool = list(presets.values())
        elif platform in presets:
            pool = [presets[platform]]
        else:
            raise InputError(f"no order layout named '{platform}' "
                             f"(known: auto, {', '.join(sorted(presets))})")
        read_progress = _scaled(progress, 0, 600)
        table = read_table(path, header_hint=header_scorer(pool), header_min_score=3,
                           progress=read_progress, cancel=cancel)
        name = pool[0].name if len(pool) == 1 else detect(table.headers, presets)
        imp = map_orders(table, presets[name], None, cancel=cancel)
        report = ImportReport(file=table.file, kind="orders", platform=imp.platform,
                              skipped_rows=imp.skipped_rows + table.skipped_blank
                              + len(table.skipped_totals),
                              extra_columns=list(imp.extra_columns),
                              warnings=[str(w) for w in imp.warnings], dry_run=dry_run)
        if imp.unknown_statuses:
            raise ImportRefused(
                f"{table.file}: unknown status values: {', '.join(imp.unknown_statuses)}; "
                "add them to the column preset or a custom mapping; nothing was imported",
                imp.errors, imp.unknown_statuses)
        if imp.errors:
            if valid_only is None:
                _refuse(imp, table.file)
            report.rejected = len({e.row for e in imp.errors})
        write_progress = _scaled(progress, 600, 1000)
        with suppress(_DryRun):
            self._write_orders(imp.rows, imp.platform, table.file, report, dry_run,
                               write_progress, cancel)
        if imp.errors and valid_only is not None:
            write_rejects(valid_only, table, imp.errors)
            report.rejects_file = str(valid_only)
        return report

    def _campaign_facts(self, shop_id: int, platform: str) -> dict[str, list[_CampaignFacts]]:
        by_sku: dict[str, list[_CampaignFacts]] = defaultdict(list)
        with self.db.session() as s:
            rows = s.execute(select(Campaign).where(
                Campaign.shop_id == shop_id, Campaign.platform == platform,
                Campaign.status.not_in(["cancelled", "rejected"]))).scalars().all()
            item_rows = s.execute(select(CampaignItem.campaign_id, CampaignItem.sku,
                                         CampaignItem.cap)).all()
        caps: dict[int, dict[str, int | None]] = defaultdict(dict)
        for cid, sku, cap in item_rows:
            caps[int(cid)][sku] = cap
        for row in rows:
            dom = campaign_from_row(row, [])
            win = dom.presale_window
            if win is None:
                continue
            facts = _CampaignFacts(
                id=row.id, type=row.type, start=win.start, end=win.end,
                ship_mode=row.ship_mode, ship_days=row.ship_days, ship_date=row.ship_date,
                presale_end=dom.presale_end, tz=dom.tz, caps=caps.get(row.id, {}),
                per_buyer=row.per_buyer_limit)
            for sku in facts.caps:
                by_sku[sku].append(facts)
        return by_sku

    def _write_orders(self, rows: Sequence[Any], platform: str, file: str,
                      report: ImportReport, dry_run: bool, progress: Progress | None,
                      cancel: CancelCheck | None) -> None:
        from ..io import Cancelled

        now = self.now()
        shop = self.shop()
        profile = self.profile(platform)
        camps = self._campaign_facts(shop.id, platform)
        with self.db.engine.begin() as conn:
            pids = {sku: pid for sku, pid in conn.execute(
                select(Product.sku, Product.id).where(Product.shop_id == shop.id)).all()}
            # Running units per campaign+SKU and per campaign+buyer, for the flags.
            units: dict[tuple[int, str], int] = defaultdict(int)
            for cid, sku, n in conn.execute(
                    select(Order.campaign_id, Order.sku, func.sum(Order.qty))
                    .where(Order.campaign_id.is_not(None),
                           Order.status.not_in([odom.Status.AWAITING_DEPOSIT.value,
                                                odom.Status.AWAITING_PAYMENT.value]))
                    .group_by(Order.campaign_id, Order.sku)).all():
                if cid is not None:
                    units[(int(cid), sku)] = int(n or 0)
            bought: dict[tuple[int, str], int] = defaultdict(int)

            enc = bulk.datetime_encoder(conn)
            next_id = int(conn.execute(select(func.coalesce(func.max(Order.id), 0))
                                       ).scalar_one()) + 1
            new_orders: list[tuple[Any, ...]] = []
            new_pays: list[tuple[Any, ...]] = []
            events: list[dict[str, Any]] = []
            total = len(rows)
            ordered_rows = sorted(rows, key=lambda r: r.ordered_at)
            for start in range(0, total, _CHUNK):
                if cancel is not None and cancel():
                    raise Cancelled(file)
                chunk = ordered_rows[start:start + _CHUNK]
                existing = self._existing(conn, shop.id, platform, chunk)
                for r in chunk:
                    key = (r.order_no, r.sub_order_no or "")
                    old = existing.get(key)
                    if old is None:
                        oid = next_id
                        next_id += 1
                        rec, pays, flagged = self._new_order(
                            oid, r, shop.id, platform, camps, pids, units, bought, profile,
                            now, enc)
                        new_orders.append(rec)
                        new_pays.extend(pays)
                        report.created += 1
                        report.flagged += flagged
                        existing[key] = {"id": oid, "status": r.status}  # a repeat line
                    else:
                        self._update_order(conn, old, r, report, events, now, file)
                if progress is not None:
                    progress(min(start + _CHUNK, total), total)
            # Rebuilding indexes pays off only for big loads.
            with (bulk.indexes_suspended(conn, ["orders", "payment"])
                  if len(new_orders) > 20_000 else nullcontext()):
                bulk.insert_rows(conn, cast(Table, Order.__table__), _ORDER_COLS, new_orders)
                bulk.insert_rows(conn, cast(Table, Payment.__table__), _PAY_COLS, new_pays)
            if events:
                conn.execute(insert(OrderEvent), events)
            conn.execute(insert(Audit).values(
                at=now, actor=self.actor, action="import.orders", entity="shop",
                entity_id=shop.id, detail={"file": file, "platform": platform,
                                           **{k: v for k, v in report.as_dict().items()
                                              if isinstance(v, int)}}))
            if dry_run:
                raise _DryRun()

    def _existing(self, conn: Connection, shop_id: int, platform: str,
                  chunk: Sequence[Any]) -> dict[tuple[str, str], dict[str, Any]]:
        nos = sorted({r.order_no for r in chunk})
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for i in range(0, len(nos), 900):
            res = conn.execute(select(
                Order.id, Order.order_no, Order.sub_order_no, Order.status, Order.kind,
                Order.deposit_paid_at, Order.paid_at, Order.shipped_at, Order.carrier,
                Order.tracking_no, Order.ship_deadline, Order.deposit, Order.balance,
                Order.total).where(Order.shop_id == shop_id, Order.platform == platform,
                                   Order.order_no.in_(nos[i:i + 900])))
            for m in res.mappings():
                out[(m["order_no"], m["sub_order_no"])] = dict(m)
        return out

    def _match(self, camps: dict[str, list[_CampaignFacts]], r: Any
               ) -> tuple[_CampaignFacts | None, bool]:
        """The campaign an order belongs to: platform + SKU + order time.

        Returns (campaign, inside its window). An order up to 30 days outside every
        window goes to the nearest campaign, flagged.
        """
        best: tuple[timedelta, _CampaignFacts] | None = None
        for c in camps.get(r.sku, []):
            if c.start <= r.ordered_at <= c.end:
                return c, True
            gap = c.start - r.ordered_at if r.ordered_at < c.start else r.ordered_at - c.end
            if gap <= WINDOW_SLACK and (best is None or gap < best[0]):
                best = (gap, c)
        return (best[1], False) if best else (None, False)

    def _new_order(self, oid: int, r: Any, shop_id: int, platform: str,
                   camps: dict[str, list[_CampaignFacts]], pids: dict[str, int],
                   units: dict[tuple[int, str], int], bought: dict[tuple[int, str], int],
                   profile: Any, now: datetime, enc: Callable[[int | None], Any]
                   ) -> tuple[tuple[Any, ...], list[tuple[Any, ...]], int]:
        cur = r.currency
        kind = r.kind
        flags: list[str] = []
        camp, inside = self._match(camps, r) if kind != "normal" or camps.get(r.sku) else (
            None, False)
        if kind == "normal" and camp is not None:
            # Taobao writes full-payment presale orders like normal ones: a normal row on
            # a full campaign's SKU inside its window is that presale's order. Other
            # exports say which orders are presales, and we believe them.
            if platform == "taobao" and camp.type == "full" and inside:
                kind = "full"
            else:
                camp = None
        if camp is not None and camp.type != kind and kind != "normal":
            flags.append("kind_differs")
        if kind != "normal":
            if camp is None:
                flags.append("no_campaign")
            elif not inside:
                flags.append("outside_window")
        status = r.status
        paid_at = r.balance_paid_at if kind == "deposit" else (r.paid_at or r.balance_paid_at)
        if camp is not None:
            counted = status not in (odom.Status.AWAITING_DEPOSIT.value,
                                     odom.Status.AWAITING_PAYMENT.value)
            if counted:
                units[(camp.id, r.sku)] += r.qty
                cap = camp.caps.get(r.sku)
                if cap is not None and units[(camp.id, r.sku)] > cap:
                    flags.append("over_cap")
            if r.buyer:
                bought[(camp.id, r.buyer)] += r.qty
                if camp.per_buyer is not None and bought[(camp.id, r.buyer)] > camp.per_buyer:
                    flags.append("over_limit")
        deadline = r.promised_ship_at
        if deadline is None and paid_at is not None:
            if camp is not None:
                deadline = odom.ship_deadline(
                    mode=camp.ship_mode, days=camp.ship_days, fixed=camp.ship_date,
                    paid_at=paid_at, presale_end=camp.presale_end, tz=camp.tz)
            else:
                deadline = paid_at + timedelta(hours=profile.normal_ship_hours)
        deposit = r.deposit if kind == "deposit" and r.deposit is not None else Decimal(0)
        balance = r.balance if kind == "deposit" and r.balance is not None else Decimal(0)
        total = r.total
        if total is None:
            total = (deposit + balance) if kind == "deposit" else (
                (r.unit_price or Decimal(0)) * r.qty)
        if kind != "deposit":
            balance = total
        unit = r.unit_price if r.unit_price is not None else (total / r.qty)
        dep_m, bal_m, tot_m = to_minor(deposit, cur), to_minor(balance, cur), to_minor(total, cur)
        rec = (oid, shop_id, platform, r.order_no, r.sub_order_no or "",
               camp.id if camp else None, pids.get(r.sku), r.sku, kind, status, r.qty, cur,
               to_minor(unit, cur), dep_m if kind == "deposit" else 0, bal_m, tot_m,
               r.buyer or "", _e(enc, r.ordered_at), _e(enc, r.deposit_paid_at),
               _e(enc, paid_at), _e(enc, deadline), _e(enc, r.shipped_at), r.carrier or "",
               r.tracking_no or "", 0, ",".join(flags), _e(enc, now))
        pays: list[tuple[Any, ...]] = []
        if kind == "deposit" and r.deposit_paid_at is not None:
            pays.append((oid, "deposit", dep_m, _e(enc, r.deposit_paid_at)))
        if paid_at is not None:
            pays.append((oid, "balance" if kind == "deposit" else "full",
                         bal_m if kind == "deposit" else tot_m, _e(enc, paid_at)))
        return rec, pays, 1 if flags else 0

    def _update_order(self, conn: Connection, old: dict[str, Any], r: Any,
                      report: ImportReport, events: list[dict[str, Any]], now: datetime,
                      file: str) -> None:
        """A later (or the same, or an older) export of an order we already have."""
        if "kind" not in old:  # the same line twice in one file
            report.unchanged += 1
            return
        before, after = old["status"], r.status
        if odom.PROGRESS[odom.Status(after)] < odom.PROGRESS[odom.Status(before)]:
            report.not_moved_back.append({"row": r.excel_row, "order_no": r.order_no,
                                          "file_status": after, "stored_status": before})
            return
        kind = old["kind"]
        paid_at = r.balance_paid_at if kind == "deposit" else (r.paid_at or r.balance_paid_at)
        changes: dict[str, Any] = {}
        if after != before:
            changes["status"] = after
        for col, val in (("deposit_paid_at", r.deposit_paid_at), ("paid_at", paid_at),
                         ("shipped_at", r.shipped_at), ("ship_deadline", r.promised_ship_at)):
            if val is not None and _aware(old[col]) != val:
                changes[col] = val
        for col, val in (("carrier", r.carrier), ("tracking_no", r.tracking_no)):
            if val and old[col] != val:
                changes[col] = val
        if not changes:
            report.unchanged += 1
            return
        changes["updated_at"] = now
        conn.execute(update(Order).where(Order.id == old["id"]).values(**changes))
        if "deposit_paid_at" in changes and old["deposit_paid_at"] is None and kind == "deposit":
            conn.execute(insert(Payment).values(order_id=old["id"], kind="deposit",
                                                amount=old["deposit"],
                                                at=changes["deposit_paid_at"]))
        if "paid_at" in changes and old["paid_at"] is None:
            conn.execute(insert(Payment).values(
                order_id=old["id"], kind="balance" if kind == "deposit" else "full",
                amount=old["balance"] if kind == "deposit" else old["total"],
                at=changes["paid_at"]))
        if "status" in changes:
            events.append({"order_id": old["id"], "event": "import", "from_status": before,
                           "to_status": after, "at": now, "actor": self.actor,
                           "reason": f"{file} row {r.excel_row}"})
        report.updated += 1

    # ------------------------------------------------------------------ products
    def import_products(self, path: str | Path, *, dry_run: bool = False,
                        progress: Progress | None = None, cancel: CancelCheck | None = None
                        ) -> ImportReport:
        """Create or update products by SKU code; stock changes go to the ledger."""
        from ..io import read_products

        imp = read_products(path, progress=progress, cancel=cancel)
        report = ImportReport(file=Path(path).name, kind="products",
                              skipped_rows=imp.skipped_rows, dry_run=dry_run,
                              extra_columns=list(imp.extra_columns),
                              warnings=[str(w) for w in imp.warnings])
        _refuse(imp, report.file)
        now = self.now()
        try:
            with self.db.session() as s:
                shop = self._shop(s)
                cur = shop.currency
                have = {p.sku: p for p in s.execute(
                    select(Product).where(Product.shop_id == shop.id)).scalars()}
                for r in imp.rows:
                    if cancel is not None and cancel():
                        from ..io import Cancelled

                        raise Cancelled(report.file)
                    values: dict[str, Any] = {
                        "name": r.name, "variant": r.variant, "platform": r.platform,
                        "location": r.location, "sales_30d": r.sales_30d,
                        "cost": to_minor(r.cost, cur) if r.cost is not None else None,
                        "list_price": (to_minor(r.list_price, cur)
                                       if r.list_price is not None else None)}
                    values = {k: v for k, v in values.items() if v is not None}
                    p = have.get(r.code)
                    if p is None:
                        p = Product(shop_id=shop.id, sku=r.code, name=r.name or r.code,
                                    variant=r.variant or "", platform=r.platform,
                                    location=r.location or "", on_hand=r.on_hand or 0,
                                    cost=values.get("cost"), list_price=values.get("list_price"),
                                    sales_30d=r.sales_30d, updated_at=now)
                        s.add(p)
                        s.flush()
                        have[r.code] = p
                        if p.on_hand:
                            s.add(StockMove(product_id=p.id, delta=p.on_hand, reason="count",
                                            ref=f"import:{report.file}", at=now,
                                            actor=self.actor))
                        self._link_product(s, shop.id, p)
                        report.created += 1
                        continue
                    changed = {k: v for k, v in values.items() if getattr(p, k) != v}
                    for k, v in changed.items():
                        setattr(p, k, v)
                    if r.on_hand is not None and r.on_hand != p.on_hand:
                        s.add(StockMove(product_id=p.id, delta=r.on_hand - p.on_hand,
                                        reason="count", ref=f"import:{report.file}", at=now,
                                        actor=self.actor))
                        p.on_hand = r.on_hand
                        changed["on_hand"] = r.on_hand
                    if changed:
                        p.updated_at = now
                        report.updated += 1
                    else:
                        report.unchanged += 1
                self._audit(s, "import.products", "shop", shop.id,
                            {"file": report.file, "created": report.created,
                             "updated": report.updated})
                if dry_run:
                    raise _DryRun()
        except _DryRun:
            pass
        return report

    def _link_product(self, s: Any, shop_id: int, p: Product) -> None:
        s.execute(update(CampaignItem).where(CampaignItem.sku == p.sku,
                                             CampaignItem.product_id.is_(None))
                  .values(product_id=p.id))
        s.execute(update(Order).where(Order.sku == p.sku, Order.shop_id == shop_id,
                                      Order.product_id.is_(None)).values(product_id=p.id))

    # ------------------------------------------------------------------ supply
    def import_supply(self, path: str | Path, *, dry_run: bool = False,
                      progress: Progress | None = None, cancel: CancelCheck | None = None
                      ) -> ImportReport:
        """Add supply batches; a batch already there (same SKU, qty, date, supplier,
        note) is left alone, so re-importing the sheet changes nothing."""
        from ..io import RowError, read_supply

        imp = read_supply(path, progress=progress, cancel=cancel)
        report = ImportReport(file=Path(path).name, kind="supply",
                              skipped_rows=imp.skipped_rows, dry_run=dry_run,
                              extra_columns=list(imp.extra_columns),
                              warnings=[str(w) for w in imp.warnings])
        _refuse(imp, report.file)
        now = self.now()
        try:
            with self.db.session() as s:
                shop = self._shop(s)
                pids = {sku: pid for sku, pid in s.execute(
                    select(Product.sku, Product.id).where(Product.shop_id == shop.id)).all()}
                sku_col = imp.columns.get("sku", "sku")
                unknown = [RowError(report.file, r.excel_row, sku_col, r.sku,
                                    "no product with this SKU code; import the products first",
                                    "unknown_sku")
                           for r in imp.rows if r.sku not in pids]
                if unknown:
                    imp.errors.extend(unknown)
                    _refuse(imp, report.file)
                have: dict[tuple[Any, ...], int] = defaultdict(int)
                for b in s.execute(select(SupplyBatch)).scalars():
                    have[(b.product_id, b.qty, b.expected, b.supplier, b.note)] += 1
                seen: dict[tuple[Any, ...], int] = defaultdict(int)
                for r in imp.rows:
                    key = (pids[r.sku], r.qty, r.expected_on, r.supplier or "", r.note or "")
                    seen[key] += 1
                    if seen[key] <= have[key]:
                        report.unchanged += 1
                        continue
                    s.add(SupplyBatch(product_id=pids[r.sku], qty=r.qty, received=0,
                                      expected=r.expected_on, supplier=r.supplier or "",
                                      note=r.note or "", created_at=now))
                    report.created += 1
                self._audit(s, "import.supply", "shop", shop.id,
                            {"file": report.file, "created": report.created})
                if dry_run:
                    raise _DryRun()
        except _DryRun:
            pass
        return report


_ORDER_COLS = ("id", "shop_id", "platform", "order_no", "sub_order_no", "campaign_id",
               "product_id", "sku", "kind", "status", "qty", "currency", "unit_price",
               "deposit", "balance", "total", "buyer", "ordered_at", "deposit_paid_at",
               "paid_at", "ship_deadline", "shipped_at", "carrier", "tracking_no", "reserved",
               "flags", "updated_at")
_PAY_COLS = ("order_id", "kind", "amount", "at")


def _e(enc: Callable[[int | None], Any], dt: datetime | None) -> Any:
    return None if dt is None else enc(bulk.epoch(dt))


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _scaled(progress: Progress | None, lo: int, hi: int) -> Progress | None:
    """Map a step's (done, total) into [lo, hi] of one 0..1000 progress bar."""
    if progress is None:
        return None
    outer = progress

    def inner(done: int, total: int) -> None:
        outer(lo + (hi - lo) * done // max(total, 1), 1000)

    return inner

