"""`presale order …`: list, show, create, transition."""

from __future__ import annotations

from typing import Any

from .common import (
    AddFn,
    Ctx,
    cell,
    order_filter,
    positive_arg,
    table,
    whole_arg,
)


def cmd_order_list(ctx: Ctx) -> int:
    a = ctx.args
    f = order_filter(a)
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
              f"{o.money('balance')}; ship by {cell(o.ship_deadline) or '-'}")
        for p in pays:
            print(f"  payment {p['kind']:8} {p['amount']:>10}  {cell(p['at'])}")
        for h in hist:
            print(f"  {cell(h.at)}  {h.event:14} {h.from_status or '-'} -> {h.to_status}"
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


def register(sub: Any, add: AddFn) -> None:
    order = sub.add_parser("order", help="orders").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    sp = add(order, "list", cmd_order_list, "list orders (earliest ship deadline first)")
    sp.add_argument("--campaign", type=int)
    sp.add_argument("--status", help="one or more states, comma-separated")
    sp.add_argument("--overdue", action="store_true", help="only overdue orders")
    sp.add_argument("--due-hours", type=float, help="only orders due within N hours")
    sp.add_argument("--sku")
    sp.add_argument("--platform")
    sp.add_argument("--limit", type=positive_arg, default=50)
    sp.add_argument("--offset", type=whole_arg, default=0)
    sp = add(order, "show", cmd_order_show, "one order with payments and history")
    sp.add_argument("id", type=int)
    sp = add(order, "create", cmd_order_create, "record an order placed by hand")
    sp.add_argument("--campaign", type=int, required=True)
    sp.add_argument("--sku", required=True)
    sp.add_argument("--qty", type=positive_arg, default=1)
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
