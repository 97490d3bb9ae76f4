"""`presale order …`: list, show, create, transition."""

from __future__ import annotations

from typing import Any

from .common import (
    EXIT_USAGE,
    AddFn,
    CliError,
    Ctx,
    cell,
    date_arg,
    order_filter,
    positive_arg,
    table,
    whole_arg,
)


def cmd_order_list(ctx: Ctx) -> int:
    a = ctx.args
    svc = ctx.svc
    f = desk_filter(ctx)
    cursor = None
    skipped = 0
    while skipped < a.offset:  # keyset pages up to the offset (no deep OFFSET)
        skip = svc.orders.page(f, sort=a.sort, desc=a.desc, after=cursor,
                               limit=min(a.offset - skipped, 5000))
        skipped += len(skip.rows)
        cursor = skip.cursor
        if cursor is None:
            break
    rows = [] if a.offset and cursor is None else svc.orders.page(
        f, sort=a.sort, desc=a.desc, after=cursor, limit=a.limit).rows
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


# The bulk actions (service.order_bulk.BULK_EVENTS; a test keeps the two the same):
# listed here so that building the parser imports no database code.
BULK_EVENTS = ("ship", "complete", "seller_cancel", "buyer_cancel", "balance_lapse",
               "refund", "note", "tag")


def desk_filter(ctx: Ctx) -> Any:
    """``order list``'s filter options as an engine filter (shared by ``order bulk``)."""
    from dataclasses import replace

    from ..service import end_of_day

    a = ctx.args
    f = order_filter(a)
    due_by = None
    if a.due_by is not None:
        due_by = end_of_day(a.due_by, ctx.svc.shop.tz())
    flags = [x.strip() for x in (a.flag or "").split(",") if x.strip()]
    return replace(f, statuses=tuple(f.statuses), kind=a.kind, search=a.search,
                   flagged=a.flagged, due_by=due_by, balance_unpaid=a.balance_unpaid,
                   flags=tuple(flags))


def add_filter_args(sp: Any) -> None:
    sp.add_argument("--campaign", type=int)
    sp.add_argument("--status", help="one or more states, comma-separated")
    sp.add_argument("--overdue", action="store_true", help="only overdue orders")
    sp.add_argument("--due-hours", type=float, help="only orders due within N hours")
    sp.add_argument("--due-by", type=date_arg, metavar="YYYY-MM-DD",
                    help="only orders owed a shipment due by the end of that day")
    sp.add_argument("--sku")
    sp.add_argument("--platform")
    sp.add_argument("--kind", choices=["deposit", "full", "normal"])
    sp.add_argument("--search", help="start of an order no., buyer, recipient, tracking "
                                     "number or SKU")
    sp.add_argument("--flagged", action="store_true", help="only orders flagged at import")
    sp.add_argument("--flag", help="only orders with one of these import flags "
                                   "(no_campaign, outside_window, over_cap, over_limit)")
    sp.add_argument("--balance-unpaid", action="store_true",
                    help="only deposit orders whose balance is not paid yet")


def cmd_order_bulk(ctx: Ctx) -> int:
    from ..money import fmt
    from ..service import OrderFilter

    a = ctx.args
    svc = ctx.svc
    ids = None
    if a.ids:
        try:
            ids = [int(x) for x in a.ids.split(",") if x.strip()]
        except ValueError:
            raise CliError(f"--ids: '{a.ids}' is not a list of order ids like 1,2,3",
                           EXIT_USAGE) from None
    flt = desk_filter(ctx)
    if ids is None and flt == OrderFilter():
        raise CliError("say which orders: --ids or a filter (e.g. --status balance_paid); "
                       "an empty filter would act on every order", EXIT_USAGE)
    tracking = None
    if a.tracking_file:
        if a.event != "ship":
            raise CliError("--tracking-file is for the ship action", EXIT_USAGE)
        from ..service import read_tracking

        tracking = read_tracking(a.tracking_file).tracking
    if a.event == "ship" and not (a.carrier or "").strip():
        raise CliError("ship needs --carrier", EXIT_USAGE)
    res = svc.orders.bulk(a.event, ids=ids, filter=None if ids is not None and
                          flt == OrderFilter() else flt, carrier=a.carrier or "",
                          tracking=tracking, note=a.note or "", tag=a.tag or "",
                          seller_fault=a.seller_fault, dry_run=a.dry_run)

    def human() -> None:
        lang = ctx.lang
        verb = "would apply" if res.dry_run else "applied"
        for t in res.totals:
            print(f"{t.currency}: {verb} to {t.applied} orders; refunds "
                  f"{fmt(t.refund_total, t.currency)}, deposits forfeited "
                  f"{fmt(t.forfeited_total, t.currency)}; refused {len(t.refused)}")
        refused = res.refused
        if refused:
            table(["id", "order no", "reason"],
                  [[r.id, r.order_no, r.text(lang)] for r in refused[:50]])
            if len(refused) > 50:
                print(f"... and {len(refused) - 50} more (use --json for all)")
        if res.unmatched_tracking:
            print(f"{len(res.unmatched_tracking)} order numbers in the tracking file match "
                  "no selected order")
    ctx.out.emit(res.as_contract(), human)
    return 0


def register(sub: Any, add: AddFn) -> None:
    order = sub.add_parser("order", help="orders").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    sp = add(order, "list", cmd_order_list, "list orders (earliest ship deadline first)")
    add_filter_args(sp)
    sp.add_argument("--sort", default="ship_deadline",
                    help="sort by this column: order_no, buyer, ordered_at, total, status, "
                         "ship_deadline... (empty values last)")
    sp.add_argument("--desc", action="store_true", help="largest / latest first")
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
    sp = add(order, "bulk", cmd_order_bulk,
             "apply one action to many orders in one transaction: ship, complete, "
             "seller_cancel, buyer_cancel, balance_lapse, refund, note, tag; orders the "
             "state machine refuses are listed with the reason")
    sp.add_argument("event", choices=BULK_EVENTS, metavar="EVENT",
                    help=", ".join(BULK_EVENTS))
    add_filter_args(sp)
    sp.add_argument("--ids", help="order ids, comma-separated (with filters: those of "
                                  "them that match)")
    sp.add_argument("--carrier", help="carrier for ship")
    sp.add_argument("--tracking-file", metavar="F.xlsx",
                    help="sheet with order number and tracking number columns (ship); "
                         "orders it does not list are refused")
    sp.add_argument("--note", help="the note to add (note), or the reason recorded")
    sp.add_argument("--tag", help="tag(s) to add, comma-separated (tag)")
    sp.add_argument("--seller-fault", action="store_true",
                    help="refund caused by the seller: the deposit is refunded too")
    sp.add_argument("--dry-run", action="store_true",
                    help="compute the same result and change nothing")
