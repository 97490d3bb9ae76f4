"""`presale product`, `stock`, `supply` and `allocate`: SKUs, the ledger, supply batches."""

from __future__ import annotations

from typing import Any

from .common import (
    AddFn,
    Ctx,
    date_arg,
    money_arg,
    positive_arg,
    table,
    whole_arg,
)


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


def cmd_supply_update(ctx: Ctx) -> int:
    a = ctx.args
    b = ctx.svc.stock.update_supply(a.id, qty=a.qty, supplier=a.supplier, note=a.note)
    ctx.out.emit(b, lambda: print(f"Batch #{b.id}: {b.qty} x {b.sku} expected "
                                  f"{b.expected.isoformat()}, supplier {b.supplier or '-'}"))
    return 0


def cmd_supply_delay(ctx: Ctx) -> int:
    from ..money import fmt

    a = ctx.args
    res = ctx.svc.stock.delay_supply(a.id, a.to, dry_run=a.dry_run)

    def human() -> None:
        verb = "Would move" if res.dry_run else "Moved"
        print(f"{verb} batch #{res.batch} ({res.sku}) from {res.old_date.isoformat()} to "
              f"{res.new_date.isoformat()}: {res.late_orders} orders become late")
        for t in res.totals:
            print(f"  penalty {fmt(t.penalty, t.currency)} {t.currency} "
                  f"({t.late_orders} orders)")
        if res.late:
            table(["order", "order no", "platform", "ship by", "stock on", "penalty"],
                  [[x.id, x.order_no, x.platform, x.deadline, x.available_on or "-",
                    f"{fmt(x.penalty, x.currency)} {x.currency}"] for x in res.late[:50]])
            if len(res.late) > 50:
                print(f"... and {len(res.late) - 50} more (use --json)")
    ctx.out.emit(res.as_contract(), human)
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


def register_products(sub: Any, add: AddFn) -> None:
    prod = sub.add_parser("product", help="products (SKUs)").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    sp = add(prod, "add", cmd_product_add, "add a product")
    sp.add_argument("--sku", required=True)
    sp.add_argument("--name", required=True)
    sp.add_argument("--variant")
    sp.add_argument("--platform", choices=["taobao", "jd", "douyin", "tiktok", "other"])
    sp.add_argument("--on-hand", type=whole_arg, default=0)
    sp.add_argument("--location")
    sp.add_argument("--sales-30d", type=whole_arg)
    sp.add_argument("--cost", type=money_arg)
    sp.add_argument("--list-price", type=money_arg)
    add(prod, "list", cmd_product_list, "list products")


def register(sub: Any, add: AddFn) -> None:
    sp = add(sub, "stock", cmd_stock, "stock per SKU: on hand, reserved, committed, incoming")
    stock_sub = sp.add_subparsers(dest="sub", metavar="ACTION", required=False)
    sp2 = add(stock_sub, "adjust", cmd_stock_adjust, "change stock on hand (ledger entry)")
    sp2.add_argument("--sku", required=True)
    sp2.add_argument("--delta", type=whole_arg, required=True)
    sp2.add_argument("--reason", default="adjust")
    sp2.add_argument("--ref")

    sup = sub.add_parser("supply", help="supply batches").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    sp = add(sup, "add", cmd_supply_add, "add an expected supply batch")
    sp.add_argument("--sku", required=True)
    sp.add_argument("--qty", type=positive_arg, required=True)
    sp.add_argument("--expected", type=date_arg, required=True)
    sp.add_argument("--supplier")
    sp.add_argument("--note")
    add(sup, "list", cmd_supply_list, "list supply batches")
    sp = add(sup, "receive", cmd_supply_receive, "book arrived units into stock")
    sp.add_argument("id", type=int)
    sp.add_argument("--qty", type=positive_arg)
    sp = add(sup, "update", cmd_supply_update, "change a batch's quantity, supplier or note")
    sp.add_argument("id", type=int)
    sp.add_argument("--qty", type=positive_arg)
    sp.add_argument("--supplier")
    sp.add_argument("--note")
    sp = add(sup, "delay", cmd_supply_delay,
             "move a batch to a new date: the orders that become late and their penalty")
    sp.add_argument("id", type=int)
    sp.add_argument("--to", type=date_arg, required=True, metavar="YYYY-MM-DD")
    sp.add_argument("--dry-run", action="store_true",
                    help="show what the delay would do and change nothing")

    sp = add(sub, "allocate", cmd_allocate,
             "allocate stock and supply to open orders; list the orders left short")
    sp.add_argument("--apply", action="store_true",
                    help="make orders covered from stock hold it (reserve)")
