"""`presale`: the engine from the command line (import, export, reports, demo data).

Every command takes ``--db PATH|URL``, ``--json`` and ``--now ISO``. Errors are one line
on stderr and a non-zero exit; set PRESALE_DEBUG=1 to see a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from .errors import CampaignInvalid, PresaleError

EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A message for the user and an exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


# --------------------------------------------------------------------------- output

class Out:
    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def emit(self, data: Any, human: Callable[[], None] | None = None) -> None:
        from .service.views import jsonable

        if self.as_json or human is None:
            print(json.dumps(jsonable(data), ensure_ascii=False, indent=2))
        else:
            human()


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A plain aligned text table (CJK characters count as two columns)."""
    import unicodedata

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)

    cells = [[_cell(v) for v in r] for r in rows]
    widths = [width(h) for h in headers]
    for r in cells:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], width(c))

    def line(vals: Sequence[str]) -> str:
        return "  ".join(v + " " * (widths[i] - width(v)) for i, v in enumerate(vals)).rstrip()

    print(line(headers))
    print(line(["-" * w for w in widths]))
    for r in cells:
        print(line(r))


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, list | tuple):
        return ",".join(str(x) for x in v)
    return str(v)


# --------------------------------------------------------------------------- helpers

def _parse_now(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"--now: '{text}' is not an ISO date-time like 2026-11-20T09:00",
                       EXIT_USAGE) from None
    return dt


def _load_json(path: str) -> Any:
    p = Path(path)
    try:
        return json.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise CliError(f"{path}: not a UTF-8 text file") from None
    except json.JSONDecodeError as e:
        raise CliError(f"{path}: line {e.lineno}, column {e.colno}: {e.msg}") from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-25") from None


def _money(text: str) -> Decimal:
    from .money import parse_money

    try:
        return parse_money(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


# --------------------------------------------------------------------------- commands

class Ctx:
    """What a command gets: parsed args, output, and the service (opened on demand)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.out = Out(args.json)
        self._svc: Any = None

    @property
    def svc(self) -> Any:
        if self._svc is None:
            from .service import Service, fixed_clock
            from .store import open_database

            db = open_database(self.args.db)
            now = _parse_now(self.args.now)
            self._svc = Service(db, actor="cli")
            if now is not None:
                if now.tzinfo is None:
                    now = now.replace(tzinfo=self._svc.shop.tz())
                self._svc.clock = fixed_clock(now.astimezone(UTC))
        return self._svc

    def close(self) -> None:
        if self._svc is not None:
            self._svc.db.dispose()


def cmd_init(ctx: Ctx) -> int:
    a = ctx.args
    svc = ctx.svc
    shop = svc.shop.update(name=a.shop_name, timezone=a.timezone, currency=a.currency)
    data = {"database": svc.db.display_name(), "revision": svc.db.current_revision(),
            "shop": shop}
    ctx.out.emit(data, lambda: print(f"Database ready: {svc.db.display_name()} "
                                     f"(shop '{shop.name}', {shop.timezone}, {shop.currency})"))
    return 0


def cmd_demo(ctx: Ctx) -> int:
    from .demo import generate_demo

    a = ctx.args
    svc = ctx.svc
    report = generate_demo(svc, orders=a.orders, seed=a.seed)
    ctx.out.emit(report, lambda: print(
        f"Demo shop written to {svc.db.display_name()}: {report['campaigns']} campaigns, "
        f"{report['orders']} orders, {report['products']} products in "
        f"{report['seconds']:.1f} s"))
    return 0


def _issues_human(result: Any) -> None:
    for kind, items in (("error", result.errors), ("warning", result.warnings)):
        for i in items:
            print(f"{kind}: [{i.code}] {i.field}: {i.message}")
    if not result.errors and not result.warnings:
        print("OK: no errors, no warnings")


def cmd_campaign_check(ctx: Ctx) -> int:
    result = ctx.svc.campaigns.check(_load_json(ctx.args.file))
    ctx.out.emit(result.as_dict(), lambda: _issues_human(result))
    return 0 if result.ok else EXIT_ERROR


def cmd_campaign_create(ctx: Ctx) -> int:
    defn = _load_json(ctx.args.file)
    svc = ctx.svc
    try:
        cid = svc.campaigns.create(defn)
    except CampaignInvalid as e:
        if ctx.args.json:
            ctx.out.emit(e.result.as_dict())
        else:
            _issues_human(e.result)
        raise CliError(f"{ctx.args.file}: campaign not created: {e.message}") from None
    warnings = svc.campaigns.check(svc.campaigns.definition(cid), exclude_id=cid).warnings

    def human() -> None:
        print(f"Created campaign #{cid}")
        for w in warnings:
            print(f"warning: [{w.code}] {w.field}: {w.message}")
    ctx.out.emit({"id": cid}, human)
    return 0


def cmd_campaign_update(ctx: Ctx) -> int:
    result = ctx.svc.campaigns.update(ctx.args.id, _load_json(ctx.args.file))

    def human() -> None:
        print(f"Updated campaign #{ctx.args.id}")
        _issues_human(result)
    ctx.out.emit(result.as_dict(), human)
    return 0


def cmd_campaign_list(ctx: Ctx) -> int:
    rows = ctx.svc.campaigns.all()
    ctx.out.emit(rows, lambda: table(
        ["id", "platform", "type", "status", "name", "starts", "ends", "orders", "units",
         "deposits", "days to ship"],
        [[r.id, r.platform, r.type, r.status, r.name, r.starts, r.ends, r.orders, r.units,
          r.deposits, r.days_to_ship_deadline] for r in rows]))
    return 0


def cmd_campaign_show(ctx: Ctx) -> int:
    d = ctx.svc.campaigns.get(ctx.args.id)
    r = d.row

    def human() -> None:
        print(f"#{d.id} {r.name} [{r.platform}, {r.type}, {d.status}]")
        print(f"  presale {_cell(r.starts)} - {_cell(r.ends)}; ship promise: "
              f"{d.campaign.ship_promise_text('zh')} / {d.campaign.ship_promise_text('en')}")
        print(f"  {r.orders} orders, {r.units} units, deposits {r.deposits} {r.currency}")
        for it in d.definition["items"]:
            print("  item " + ", ".join(f"{k}={v}" for k, v in it.items()))
    ctx.out.emit(d.as_dict(), human)
    return 0


def cmd_campaign_export(ctx: Ctx) -> int:
    defn = ctx.svc.campaigns.definition(ctx.args.id)
    out = Path(ctx.args.out)
    out.write_text(json.dumps(defn, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    ctx.out.emit({"id": ctx.args.id, "file": str(out)},
                 lambda: print(f"Campaign #{ctx.args.id} written to {out}"))
    return 0


def cmd_campaign_move(ctx: Ctx) -> int:
    a = ctx.args
    svc = ctx.svc
    fn = {"submit": svc.campaigns.submit, "approve": svc.campaigns.approve}.get(a.action)
    status = fn(a.id) if fn else getattr(svc.campaigns, a.action)(a.id, a.reason or "")
    ctx.out.emit({"id": a.id, "status": status},
                 lambda: print(f"Campaign #{a.id} is now {status}"))
    return 0


def cmd_campaign_duplicate(ctx: Ctx) -> int:
    a = ctx.args
    new_id = ctx.svc.campaigns.duplicate(a.id, name=a.name, shift_days=a.shift_days)
    ctx.out.emit({"id": new_id}, lambda: print(f"Created campaign #{new_id} (a draft copy)"))
    return 0


def cmd_campaign_quote(ctx: Ctx) -> int:
    a = ctx.args
    qt = ctx.svc.campaigns.quote(a.id, a.sku, qty=a.qty or 1, units_sold=a.units_sold)
    data = qt.as_dict(with_order=a.qty is not None)

    def human() -> None:
        for k, v in data.items():
            print(f"{k:20} {v}")
    ctx.out.emit(data, human)
    return 0


def cmd_product_add(ctx: Ctx) -> int:
    a = ctx.args
    p = ctx.svc.stock.add_product(a.sku, a.name, variant=a.variant or "", platform=a.platform,
                            on_hand=a.on_hand, location=a.location or "",
                            sales_30d=a.sales_30d, cost=a.cost, list_price=a.list_price)
    ctx.out.emit(p, lambda: print(f"Added {p.sku} ({p.name}), {p.on_hand} on hand"))
    return 0


def cmd_product_list(ctx: Ctx) -> int:
    rows = ctx.svc.stock.products()
    ctx.out.emit(rows, lambda: table(
        ["sku", "name", "variant", "platform", "location", "on hand", "sales 30d"],
        [[p.sku, p.name, p.variant, p.platform, p.location, p.on_hand, p.sales_30d]
         for p in rows]))
    return 0


def _order_filter(a: argparse.Namespace) -> Any:
    from .orders import Status
    from .service import OrderFilter

    statuses = [s.strip() for s in (a.status or "").split(",") if s.strip()]
    for st in statuses:
        if st not in Status.__members__.values():
            raise CliError(f"--status: unknown status '{st}' (one of "
                           f"{', '.join(s.value for s in Status)})", EXIT_USAGE)
    return OrderFilter(campaign_id=a.campaign, statuses=statuses, overdue=a.overdue,
                       due_within_hours=a.due_hours, sku=a.sku, platform=a.platform)


def cmd_order_list(ctx: Ctx) -> int:
    a = ctx.args
    f = _order_filter(a)
    svc = ctx.svc
    rows = svc.orders.find(f, limit=a.limit, offset=a.offset)
    total = svc.orders.count(f)
    if a.json:
        ctx.out.emit({"total": total, "orders": rows})
        return 0
    table(["id", "platform", "order no", "campaign", "sku", "qty", "status", "total",
           "ship by", "overdue"],
          [[o.id, o.platform, o.order_no, o.campaign_id, o.sku, o.qty, o.status,
            o.money("total"), o.ship_deadline, o.overdue] for o in rows])
    print(f"{len(rows)} of {total} orders")
    return 0


def cmd_order_show(ctx: Ctx) -> int:
    svc = ctx.svc
    o = svc.orders.get(ctx.args.id)
    hist = svc.orders.history(ctx.args.id)
    pays = svc.orders.payments(ctx.args.id)
    data = {"order": o, "history": hist, "payments": pays}

    def human() -> None:
        print(f"Order #{o.id} {o.platform} {o.order_no}: {o.sku} x{o.qty}, {o.status}"
              + (" (OVERDUE)" if o.overdue else ""))
        print(f"  total {o.money('total')} = deposit {o.money('deposit')} + balance "
              f"{o.money('balance')}; ship by {_cell(o.ship_deadline) or '-'}")
        for p in pays:
            print(f"  payment {p['kind']:8} {p['amount']:>10}  {_cell(p['at'])}")
        for h in hist:
            print(f"  {_cell(h.at)}  {h.event:14} {h.from_status or '-'} -> {h.to_status}"
                  f"  by {h.actor}" + (f": {h.reason}" if h.reason else ""))
    ctx.out.emit(data, human)
    return 0


def cmd_order_create(ctx: Ctx) -> int:
    a = ctx.args
    oid = ctx.svc.orders.place(a.campaign, a.sku, a.qty, buyer=a.buyer or "",
                              order_no=a.order_no)
    ctx.out.emit({"id": oid}, lambda: print(f"Created order #{oid}"))
    return 0


def cmd_order_transition(ctx: Ctx) -> int:
    a = ctx.args
    o = ctx.svc.orders.transition(a.id, a.event, reason=a.reason or "",
                                 carrier=a.carrier or "", tracking_no=a.tracking or "",
                                 seller_fault=a.seller_fault)
    ctx.out.emit(o, lambda: print(f"Order #{o.id} is now {o.status}"))
    return 0


def cmd_stock(ctx: Ctx) -> int:
    rows = ctx.svc.stock.overview()
    ctx.out.emit(rows, lambda: table(
        ["sku", "name", "location", "on hand", "reserved", "committed", "incoming",
         "available"],
        [[r.sku, r.name, r.location, r.on_hand, r.reserved, r.committed, r.incoming,
          r.available] for r in rows]))
    return 0


def cmd_stock_adjust(ctx: Ctx) -> int:
    a = ctx.args
    n = ctx.svc.stock.adjust(a.sku, a.delta, reason=a.reason, ref=a.ref or "")
    ctx.out.emit({"sku": a.sku, "on_hand": n}, lambda: print(f"{a.sku}: {n} on hand"))
    return 0


def cmd_supply_add(ctx: Ctx) -> int:
    a = ctx.args
    b = ctx.svc.stock.add_supply(a.sku, a.qty, a.expected, supplier=a.supplier or "",
                           note=a.note or "")
    ctx.out.emit(b, lambda: print(f"Supply batch #{b.id}: {b.qty} x {b.sku} expected "
                                  f"{b.expected.isoformat()}"))
    return 0


def cmd_supply_list(ctx: Ctx) -> int:
    rows = ctx.svc.stock.supply()
    ctx.out.emit(rows, lambda: table(
        ["id", "sku", "qty", "received", "expected", "supplier", "note"],
        [[b.id, b.sku, b.qty, b.received, b.expected, b.supplier, b.note] for b in rows]))
    return 0


def cmd_supply_receive(ctx: Ctx) -> int:
    b = ctx.svc.stock.receive_supply(ctx.args.id, ctx.args.qty)
    ctx.out.emit(b, lambda: print(f"Batch #{b.id}: {b.received} of {b.qty} received"))
    return 0


def cmd_allocate(ctx: Ctx) -> int:
    res = ctx.svc.stock.allocate(apply=ctx.args.apply)
    by_source: dict[str, int] = {}
    for al in res.allocations:
        by_source[al.source] = by_source.get(al.source, 0) + al.qty
    data = {"allocated_units": by_source, "short": res.short, "applied": ctx.args.apply}

    def human() -> None:
        print(f"Units from stock: {by_source.get('stock', 0)}, from supply batches: "
              f"{by_source.get('batch', 0)}")
        if not res.short:
            print("Every open order is covered in time.")
            return
        print(f"{len(res.short)} orders would ship late or not at all:")
        table(["order", "sku", "units short", "ship by", "late only", "covered on"],
              [[s.order_id, s.sku, s.qty_short, s.deadline, s.late, s.available_on]
               for s in res.short[:50]])
        if len(res.short) > 50:
            print(f"... and {len(res.short) - 50} more (use --json for all)")
    ctx.out.emit(data, human)
    return 0


def _progress_printer(enabled: bool) -> Callable[[int, int], None] | None:
    """Progress on stderr when it is a terminal (never in --json or piped output)."""
    if not enabled or not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = 100 * done // max(total, 1)
        if pct != last[0]:
            last[0] = pct
            print(f"\r{pct:3d} %", end="", file=sys.stderr, flush=True)
            if pct >= 100:
                print(file=sys.stderr)
    return show


def cmd_import(ctx: Ctx) -> int:
    from .service import ImportRefused

    a = ctx.args
    svc = ctx.svc
    prog = _progress_printer(not a.json)
    try:
        if a.what == "orders":
            rep = svc.imports.orders(a.file, platform=a.platform, dry_run=a.dry_run,
                                    valid_only=a.valid_only, progress=prog)
        elif a.what == "products":
            rep = svc.imports.products(a.file, dry_run=a.dry_run, progress=prog)
        else:
            rep = svc.imports.supply(a.file, dry_run=a.dry_run, progress=prog)
    except ImportRefused as e:
        if a.json:
            print(json.dumps(e.as_dict(), ensure_ascii=False, indent=2))
        else:
            for err in e.errors[:200]:
                print(str(err), file=sys.stderr)
            if len(e.errors) > 200:
                print(f"... and {len(e.errors) - 200} more", file=sys.stderr)
        raise CliError(e.message) from None
    data = rep.as_dict()

    def human() -> None:
        verb = "Would import" if rep.dry_run else "Imported"
        print(f"{verb} {rep.file} ({rep.platform or rep.kind}): {rep.created} new, "
              f"{rep.updated} updated, {rep.unchanged} unchanged, {rep.rejected} rejected, "
              f"{rep.skipped_rows} rows skipped")
        if rep.flagged:
            print(f"{rep.flagged} orders break a campaign rule and are flagged for review")
        for nb in rep.not_moved_back[:20]:
            print(f"row {nb['row']}: order {nb['order_no']} is {nb['stored_status']} here; the "
                  f"file says {nb['file_status']} (an older export): left as it is")
        if rep.extra_columns:
            print("Columns not used: " + ", ".join(rep.extra_columns))
        for w in rep.warnings[:20]:
            print(f"warning: {w}")
        if rep.rejects_file:
            print(f"Rejected rows with reasons: {rep.rejects_file}")
    ctx.out.emit(data, human)
    return 0


def _export_done(ctx: Ctx, r: Any) -> int:
    ctx.out.emit({"path": str(r.path), "rows": r.rows, "seconds": round(r.seconds, 2),
                  "format": r.format, "sheets": list(r.sheets)},
                 lambda: print(f"Wrote {r.rows} rows to {r.path} in {r.seconds:.1f} s"))
    return 0


def cmd_export_orders(ctx: Ctx) -> int:
    a = ctx.args
    return _export_done(ctx, ctx.svc.exports.orders(a.out, _order_filter(a), lang=a.lang,
                                                   encoding=a.encoding))


def cmd_export_summary(ctx: Ctx) -> int:
    a = ctx.args
    return _export_done(ctx, ctx.svc.exports.campaign_summary(a.campaign, a.out, lang=a.lang))


def cmd_export_ship_sheet(ctx: Ctx) -> int:
    a = ctx.args
    since = _parse_now(a.shipped_since)
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=ctx.svc.shop.tz())
    return _export_done(ctx, ctx.svc.exports.ship_sheet(a.platform, a.out, shipped_since=since,
                                                       encoding=a.encoding))


def cmd_export_reminders(ctx: Ctx) -> int:
    a = ctx.args
    return _export_done(ctx, ctx.svc.exports.reminders(a.campaign, a.out, lang=a.lang,
                                                      encoding=a.encoding))


def cmd_shop_show(ctx: Ctx) -> int:
    svc = ctx.svc
    shop = svc.shop.get()
    from .platforms import known_profiles

    profiles = {code: svc.shop.profile(code).as_dict() for code in known_profiles()}
    def human() -> None:
        print(f"{shop.name} ({shop.timezone}, {shop.currency}) in {svc.db.display_name()}")
        table(["profile", "ship days", "recommended", "late", "penalty"],
              [[c, f"{p['ship_days_min']}-{p['ship_days_max']}",
                f"{p['recommended_min']}-{p['recommended_max']}", p["late_consequence"],
                p["late_penalty"]] for c, p in profiles.items()])
    ctx.out.emit({"shop": shop, "profiles": profiles}, human)
    return 0


def cmd_shop_rules(ctx: Ctx) -> int:
    a = ctx.args
    over: dict[str, Any] = {}
    for pair in a.set or []:
        if "=" not in pair:
            raise CliError(f"--set expects key=value, got '{pair}'", EXIT_USAGE)
        k, v = pair.split("=", 1)
        over[k.strip()] = None if v.strip().lower() in ("", "none") else v.strip()
    prof = ctx.svc.shop.set_rule_override(a.profile, over)
    ctx.out.emit(prof.as_dict(), lambda: print(
        f"{prof.name}: ship window {prof.ship_days_min}-{prof.ship_days_max} days"))
    return 0


def _pairs(items: Sequence[str] | None, option: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in items or []:
        if "=" not in pair:
            raise CliError(f"{option} expects NAME=VALUE, got '{pair}'", EXIT_USAGE)
        k, v = pair.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def cmd_mapping_list(ctx: Ctx) -> int:
    from .io import load_presets, user_presets_dir

    where = user_presets_dir()
    presets = load_presets(where)
    rows = [{"name": p.name, "table": p.table, "platform": p.platform, "label": p.label,
             "custom": p.custom, "extends": p.raw.get("extends") if p.custom else None,
             "file": p.source} for p in sorted(presets.values(), key=lambda p: p.name)]

    def human() -> None:
        table(["name", "table", "platform", "yours", "label"],
              [[r["name"], r["table"], r["platform"] or "", "yes" if r["custom"] else "",
                r["label"]] for r in rows])
        print(f"Your mappings are kept in {where}")

    ctx.out.emit({"user_dir": str(where), "mappings": rows}, human)
    return 0


def cmd_mapping_save(ctx: Ctx) -> int:
    from .io import custom_mapping, save_custom_preset, user_presets_dir

    a = ctx.args
    columns: dict[str, str | None] = {
        fld: header or None for fld, header in _pairs(a.column, "--column").items()}
    data = custom_mapping(a.name, extends=a.extends, columns=columns,
                          statuses=_pairs(a.status, "--status"), label=a.label)
    path = save_custom_preset(data, user_presets_dir())
    ctx.out.emit({"name": a.name, "file": str(path), "mapping": data}, lambda: print(
        f"Saved column mapping '{a.name}' (based on {a.extends}) to {path}; imports now "
        "recognise files laid out this way"))
    return 0


def cmd_mapping_delete(ctx: Ctx) -> int:
    from .io import delete_custom_preset, user_presets_dir

    path = delete_custom_preset(ctx.args.name, user_presets_dir())
    ctx.out.emit({"name": ctx.args.name, "deleted": str(path)},
                 lambda: print(f"Deleted {path}"))
    return 0


# --------------------------------------------------------------------------- parser

def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help="database file or URL (default: $PRESALE_DB_URL, else the "
                             "file in the user data dir)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print machine-readable JSON")
    common.add_argument("--now", default=argparse.SUPPRESS,
                        help="pretend it is this time (ISO; shop time zone if none given)")

    p = argparse.ArgumentParser(prog="presale", parents=[common],
                                description="Presale Desk (预售管家) from the command line.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(parent: Any, name: str, fn: Callable[[Ctx], int], help_: str
            ) -> argparse.ArgumentParser:
        sp: argparse.ArgumentParser = parent.add_parser(name, parents=[common], help=help_,
                                                        description=help_)
        sp.set_defaults(fn=fn)
        return sp

    sp = add(sub, "init", cmd_init, "create or upgrade the database; set shop details")
    sp.add_argument("--shop-name")
    sp.add_argument("--timezone")
    sp.add_argument("--currency")

    sp = add(sub, "demo", cmd_demo, "fill a new database with a realistic demo shop")
    sp.add_argument("--orders", type=_positive, default=5000, help="number of orders")
    sp.add_argument("--seed", type=int, default=2026)

    camp = sub.add_parser("campaign", help="presale campaigns").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    sp = add(camp, "create", cmd_campaign_create, "create a campaign from a definition file")
    sp.add_argument("--file", required=True)
    sp = add(camp, "check", cmd_campaign_check,
             "check a definition file: errors and warnings (exit 1 on errors)")
    sp.add_argument("--file", required=True)
    sp = add(camp, "update", cmd_campaign_update, "replace a campaign's definition")
    sp.add_argument("id", type=int)
    sp.add_argument("--file", required=True)
    add(camp, "list", cmd_campaign_list, "list campaigns with their figures")
    sp = add(camp, "show", cmd_campaign_show, "show one campaign")
    sp.add_argument("id", type=int)
    sp = add(camp, "export", cmd_campaign_export, "write a campaign's definition file")
    sp.add_argument("id", type=int)
    sp.add_argument("out")
    for action in ("submit", "approve", "reject", "cancel"):
        sp = add(camp, action, cmd_campaign_move, f"{action} a campaign")
        sp.add_argument("id", type=int)
        sp.add_argument("--reason")
        sp.set_defaults(action=action)
    sp = add(camp, "duplicate", cmd_campaign_duplicate,
             "copy a campaign as a new draft (e.g. last year's Double 11)")
    sp.add_argument("id", type=int)
    sp.add_argument("--name")
    sp.add_argument("--shift-days", type=int, default=0)
    sp = add(camp, "quote", cmd_campaign_quote, "price a SKU of a campaign")
    sp.add_argument("id", type=int)
    sp.add_argument("--sku", required=True)
    sp.add_argument("--qty", type=_positive)
    sp.add_argument("--units-sold", type=_whole,
                    help="units sold so far (volume tiers); default: from the orders")

    prod = sub.add_parser("product", help="products (SKUs)").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    sp = add(prod, "add", cmd_product_add, "add a product")
    sp.add_argument("--sku", required=True)
    sp.add_argument("--name", required=True)
    sp.add_argument("--variant")
    sp.add_argument("--platform", choices=["taobao", "jd", "douyin", "tiktok", "other"])
    sp.add_argument("--on-hand", type=_whole, default=0)
    sp.add_argument("--location")
    sp.add_argument("--sales-30d", type=_whole)
    sp.add_argument("--cost", type=_money)
    sp.add_argument("--list-price", type=_money)
    add(prod, "list", cmd_product_list, "list products")

    order = sub.add_parser("order", help="orders").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    sp = add(order, "list", cmd_order_list, "list orders (earliest ship deadline first)")
    sp.add_argument("--campaign", type=int)
    sp.add_argument("--status", help="one or more states, comma-separated")
    sp.add_argument("--overdue", action="store_true", help="only overdue orders")
    sp.add_argument("--due-hours", type=float, help="only orders due within N hours")
    sp.add_argument("--sku")
    sp.add_argument("--platform")
    sp.add_argument("--limit", type=_positive, default=50)
    sp.add_argument("--offset", type=_whole, default=0)
    sp = add(order, "show", cmd_order_show, "one order with payments and history")
    sp.add_argument("id", type=int)
    sp = add(order, "create", cmd_order_create, "record an order placed by hand")
    sp.add_argument("--campaign", type=int, required=True)
    sp.add_argument("--sku", required=True)
    sp.add_argument("--qty", type=_positive, default=1)
    sp.add_argument("--buyer")
    sp.add_argument("--order-no")
    sp = add(order, "transition", cmd_order_transition,
             "apply an event: pay_deposit, open_balance, pay_balance, pay, ship, complete, "
             "balance_lapse, buyer_cancel, seller_cancel, refund, return")
    sp.add_argument("id", type=int)
    sp.add_argument("event")
    sp.add_argument("--reason")
    sp.add_argument("--carrier")
    sp.add_argument("--tracking")
    sp.add_argument("--seller-fault", action="store_true",
                    help="refund/return caused by the seller: the deposit is refunded too")

    sp = add(sub, "stock", cmd_stock, "stock per SKU: on hand, reserved, committed, incoming")
    stock_sub = sp.add_subparsers(dest="sub", metavar="ACTION", required=False)
    sp2 = add(stock_sub, "adjust", cmd_stock_adjust, "change stock on hand (ledger entry)")
    sp2.add_argument("--sku", required=True)
    sp2.add_argument("--delta", type=_whole, required=True)
    sp2.add_argument("--reason", default="adjust")
    sp2.add_argument("--ref")

    sup = sub.add_parser("supply", help="supply batches").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    sp = add(sup, "add", cmd_supply_add, "add an expected supply batch")
    sp.add_argument("--sku", required=True)
    sp.add_argument("--qty", type=_positive, required=True)
    sp.add_argument("--expected", type=_date, required=True)
    sp.add_argument("--supplier")
    sp.add_argument("--note")
    add(sup, "list", cmd_supply_list, "list supply batches")
    sp = add(sup, "receive", cmd_supply_receive, "book arrived units into stock")
    sp.add_argument("id", type=int)
    sp.add_argument("--qty", type=_positive)

    sp = add(sub, "allocate", cmd_allocate,
             "allocate stock and supply to open orders; list the orders left short")
    sp.add_argument("--apply", action="store_true",
                    help="make orders covered from stock hold it (reserve)")

    imp = sub.add_parser("import", help="import spreadsheets").add_subparsers(
        dest="what", metavar="WHAT", required=True)
    sp = add(imp, "orders", cmd_import,
             "import a platform order export (Taobao/Tmall, Douyin, TikTok Shop, JD, or our "
             "template); all or nothing")
    sp.add_argument("file")
    sp.add_argument("--platform", default="auto",
                    help="auto (default), taobao, douyin, tiktok, jd, template, or the name "
                         "of a saved column mapping")
    sp.add_argument("--dry-run", action="store_true", help="check and count; change nothing")
    sp.add_argument("--valid-only", metavar="REJECTS.xlsx",
                    help="import the valid rows; write the rejected ones with reasons here")
    for what, help_ in (("products", "import the product sheet (create or update by SKU)"),
                        ("supply", "import supply batches (expected arrivals)")):
        sp = add(imp, what, cmd_import, help_)
        sp.add_argument("file")
        sp.add_argument("--dry-run", action="store_true")
        sp.set_defaults(platform=None, valid_only=None)

    exp = sub.add_parser("export", help="orders, campaign summaries, ship sheets, reminder lists"
                         ).add_subparsers(dest="sub", metavar="WHAT", required=True)
    enc_help = "CSV only: UTF-8 with BOM (default) or GB18030"
    sp = add(exp, "orders", cmd_export_orders, "orders to .xlsx or .csv (format from the name)")
    sp.add_argument("out")
    sp.add_argument("--campaign", type=int)
    sp.add_argument("--status", help="one or more states, comma-separated")
    sp.add_argument("--overdue", action="store_true", help="only overdue orders")
    sp.add_argument("--due-hours", type=float, help="only orders due within N hours")
    sp.add_argument("--sku")
    sp.add_argument("--platform")
    sp.add_argument("--lang", choices=["zh", "en"], default="zh")
    sp.add_argument("--encoding", choices=["utf-8-sig", "gb18030"], default="utf-8-sig",
                    help=enc_help)
    sp = add(exp, "summary", cmd_export_summary,
             "campaign workbook (.xlsx): summary, by SKU, by day, by status, alerts")
    sp.add_argument("out")
    sp.add_argument("--campaign", type=int, required=True)
    sp.add_argument("--lang", choices=["zh", "en"], default="zh")
    sp = add(exp, "ship-sheet", cmd_export_ship_sheet, "a platform's bulk-shipping upload sheet")
    sp.add_argument("out")
    sp.add_argument("--platform", required=True, choices=["douyin", "taobao", "jd", "tiktok"])
    sp.add_argument("--shipped-since", help="also orders marked shipped here since then "
                    "(ISO; shop time zone if none given)")
    sp.add_argument("--encoding", choices=["utf-8-sig", "gb18030"], default="utf-8-sig",
                    help=enc_help)
    sp = add(exp, "reminders", cmd_export_reminders,
             "balance reminder list (催付) of a deposit presale")
    sp.add_argument("out")
    sp.add_argument("--campaign", type=int, required=True)
    sp.add_argument("--lang", choices=["zh", "en"], default="zh")
    sp.add_argument("--encoding", choices=["utf-8-sig", "gb18030"], default="utf-8-sig",
                    help=enc_help)

    mp = sub.add_parser("mapping", help="column mappings of imported files (yours and built-in)"
                        ).add_subparsers(dest="sub", metavar="ACTION", required=True)
    add(mp, "list", cmd_mapping_list, "built-in layouts and your saved column mappings")
    sp = add(mp, "save", cmd_mapping_save,
             "save your own column mapping on top of a layout; later imports detect it")
    sp.add_argument("name", help="letters, digits, - or _ (a built-in's name replaces it)")
    sp.add_argument("--extends", required=True,
                    help="the layout it starts from (see `presale mapping list`)")
    sp.add_argument("--column", action="append", metavar="FIELD=HEADER",
                    help="the file's header for a field, e.g. order_no=订单号码 "
                         "(empty: the file has no such column); repeatable")
    sp.add_argument("--status", action="append", metavar="TEXT=STATE",
                    help="what a status text means, e.g. 已锁定=paid; repeatable")
    sp.add_argument("--label", help="a name to show for it")
    sp = add(mp, "delete", cmd_mapping_delete, "delete one of your saved column mappings")
    sp.add_argument("name")

    shop = sub.add_parser("shop", help="shop settings and platform rules").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    add(shop, "show", cmd_shop_show, "shop details and platform rule profiles")
    sp = add(shop, "rules", cmd_shop_rules, "override a platform rule for this shop")
    sp.add_argument("profile")
    sp.add_argument("--set", action="append", metavar="KEY=VALUE")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name, default in (("db", None), ("json", False), ("now", None)):
        if not hasattr(args, name):
            setattr(args, name, default)
    if args.db is None:
        args.db = os.environ.get("PRESALE_DB_URL") or None
    ctx = Ctx(args)
    try:
        code: int = args.fn(ctx)
        return code
    except CliError as e:
        print(f"presale: error: {e}", file=sys.stderr)
        return e.code
    except PresaleError as e:
        print(f"presale: error: {e.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("presale: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as e:
        if os.environ.get("PRESALE_DEBUG"):
            raise
        print(f"presale: error: {_describe(e)}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        ctx.close()


def _describe(e: Exception) -> str:
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    if isinstance(e, OperationalError):
        return f"cannot use the database: {str(e.orig).strip().splitlines()[0]}"
    if isinstance(e, SQLAlchemyError):
        return f"database error: {str(e).splitlines()[0]}"
    if isinstance(e, OSError):
        return f"{e.filename or ''}: {e.strerror or e}".lstrip(": ")
    return f"{type(e).__name__}: {e}"


if __name__ == "__main__":
    sys.exit(main())
