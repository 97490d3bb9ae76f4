"""`presale wave …`: batches of ready orders to pick, pack and hand to the carrier."""

from __future__ import annotations

from typing import Any

from .common import AddFn, Ctx, cell, date_arg, positive_arg, table


def cmd_wave_create(ctx: Ctx) -> int:
    from ..service import WaveFilter, end_of_day

    a = ctx.args
    due_by = end_of_day(a.due_by, ctx.svc.shop.tz()) if a.due_by is not None else None
    w = ctx.svc.waves.create(WaveFilter(campaign_id=a.campaign, platform=a.platform,
                                        sku=a.sku, due_within_hours=a.due_hours,
                                        due_by=due_by),
                             max_orders=a.max, carrier=a.carrier or "")
    ctx.out.emit({"wave": w.id, "orders": w.orders, "lines": w.lines, "units": w.units},
                 lambda: print(f"Wave #{w.id}: {w.orders} orders, {w.lines} lines, "
                               f"{w.units} units"))
    return 0


def cmd_wave_list(ctx: Ctx) -> int:
    waves = ctx.svc.waves.all(status=ctx.args.status)

    def human() -> None:
        table(["wave", "status", "created", "orders", "packed", "units", "carrier",
               "platforms", "printed"],
              [[w.id, w.status, w.created_at, w.orders, w.packed, w.units, w.carrier,
                w.platforms, sorted({p.sheet for p in w.printed})] for w in waves])
    ctx.out.emit(waves, human)
    return 0


def cmd_wave_show(ctx: Ctx) -> int:
    svc = ctx.svc
    w = svc.waves.get(ctx.args.id)
    parcels = svc.waves.parcels(ctx.args.id)

    def human() -> None:
        print(f"Wave #{w.id} ({w.status}), {w.orders} orders, {w.packed} packed, "
              f"{w.units} units; created {cell(w.created_at)}")
        for p in w.printed:
            print(f"  printed {p.sheet} ({p.size}, {p.lang}, {p.pages} pages) "
                  f"{cell(p.at)} by {p.actor}")
        table(["#", "platform", "order no", "recipient", "items", "packed", "tracking"],
              [[p.seq, p.platform, p.order_no, p.recipient,
                ", ".join(f"{x.sku} x{x.qty}" for x in p.lines), p.packed, p.tracking_no]
               for p in parcels])
    ctx.out.emit({"wave": w, "parcels": parcels}, human)
    return 0


def cmd_wave_scan(ctx: Ctx) -> int:
    a = ctx.args
    r = ctx.svc.waves.scan(a.id, a.code, current=a.order)
    data: dict[str, Any] = {"kind": r.kind, "ok": r.ok, "text": r.text(ctx.lang),
                            "order_no": r.parcel.order_no if r.parcel else None,
                            "tracking_no": r.parcel.tracking_no if r.parcel else None,
                            "next": r.next.order_no if r.next else None,
                            "packed": r.packed, "total": r.total}

    def human() -> None:
        print(r.text(ctx.lang))
        print(f"{r.packed} of {r.total} packed"
              + (f"; next: {r.next.order_no}" if r.next else "; all packed"))
    ctx.out.emit(data, human)
    return 0 if r.ok else 1


def cmd_wave_ship(ctx: Ctx) -> int:
    a = ctx.args
    svc = ctx.svc
    res = svc.waves.ship(a.id, carrier=a.carrier or "")
    sheets = [str(r.path) for r in svc.waves.ship_sheets(a.id, a.sheet)] if a.sheet else []
    data = {"wave": res.wave_id, "shipped": res.shipped, "released": res.released,
            "refused": [{"id": r.id, "order_no": r.order_no, "reason": r.reason}
                        for r in res.refused],
            "missing_tracking": res.missing_tracking, "platforms": res.platforms,
            "sheets": sheets}

    def human() -> None:
        print(f"Wave #{res.wave_id}: {res.shipped} order lines shipped, "
              f"{res.released} unpacked lines released, {len(res.refused)} refused")
        for r in res.refused:
            print(f"  {r.order_no}: {r.text(ctx.lang)}")
        if res.missing_tracking:
            print(f"  {res.missing_tracking} shipped lines have no tracking number "
                  "(not in a ship sheet)")
        for path in sheets:
            print(f"Wrote {path}")
    ctx.out.emit(data, human)
    return 0


def cmd_wave_cancel(ctx: Ctx) -> int:
    w = ctx.svc.waves.cancel(ctx.args.id)
    ctx.out.emit({"wave": w.id, "status": w.status},
                 lambda: print(f"Wave #{w.id} cancelled: its orders can join another wave"))
    return 0


def register(sub: Any, add: AddFn) -> None:
    wave = sub.add_parser("wave", help="waves of orders to pick, pack and ship").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    sp = add(wave, "create", cmd_wave_create,
             "a new wave of orders ready to ship (paid in full, not shipped, in no open "
             "wave), most urgent deadline first")
    sp.add_argument("--campaign", type=int)
    sp.add_argument("--platform")
    sp.add_argument("--sku", help="orders with this SKU (the whole order joins)")
    sp.add_argument("--due-hours", type=float, help="only orders due within N hours")
    sp.add_argument("--due-by", type=date_arg, metavar="YYYY-MM-DD",
                    help="only orders due by the end of that day (overdue too)")
    sp.add_argument("--max", type=positive_arg, help="at most N orders (parcels)")
    sp.add_argument("--carrier", help="the carrier the wave goes to")
    sp = add(wave, "list", cmd_wave_list, "waves, newest first")
    sp.add_argument("--status", choices=["open", "shipped", "cancelled"])
    sp = add(wave, "show", cmd_wave_show, "a wave's orders, packing state and print history")
    sp.add_argument("id", type=int)
    sp = add(wave, "scan", cmd_wave_scan,
             "what the packing bench's scanner read: a slip's order number marks it "
             "packed; a tracking number goes to --order")
    sp.add_argument("id", type=int)
    sp.add_argument("code")
    sp.add_argument("--order", help="order number of the parcel a tracking label is for")
    sp = add(wave, "ship", cmd_wave_ship,
             "mark the packed orders shipped (unpacked ones leave the wave) and close it")
    sp.add_argument("id", type=int)
    sp.add_argument("--carrier")
    sp.add_argument("--sheet", metavar="OUT.xlsx",
                    help="also write the platform's bulk-shipping sheet (one per platform)")
    sp = add(wave, "cancel", cmd_wave_cancel, "give up a wave (its orders are free again)")
    sp.add_argument("id", type=int)
