"""`presale forecast`, `plan`, `campaign pnl` and `messages`: planning a presale (issue 12)."""

from __future__ import annotations

from typing import Any

from ..messages import render
from .common import AddFn, Ctx, date_arg, money_arg, table, whole_arg


def cmd_forecast(ctx: Ctx) -> int:
    fc = ctx.svc.planning.forecast(ctx.args.campaign)

    def human() -> None:
        print(f"{render('forecast.model.' + fc.model, {}, ctx.lang)}; "
              f"{fc.history_campaigns} · {fc.fraction:.0%}")
        table(["sku", "so far", "forecast", "low", "high"],
              [[i.sku, i.units_so_far, i.forecast_units, i.low, i.high] for i in fc.items])

    ctx.out.emit(fc.as_contract(), human)
    return 0


def cmd_plan(ctx: Ctx) -> int:
    p = ctx.svc.planning.plan(ctx.args.campaign, safety=ctx.args.safety)

    def human() -> None:
        print(f"conversion {p.conversion} ({p.conversion_source}), safety {p.safety}")
        table(["sku", "forecast", "needed", "other", "on hand", "incoming", "to make",
               "arrive by"],
              [[i.sku, i.forecast_units, i.needed, i.other_demand, i.on_hand, i.incoming,
                i.to_make, i.arrive_by.isoformat() if i.arrive_by else "-"]
               for i in p.items])

    ctx.out.emit(p.as_contract(), human)
    return 0


def cmd_pnl(ctx: Ctx) -> int:
    r = ctx.svc.planning.pnl(ctx.args.id, late_days=ctx.args.late_days)
    data = r.as_contract()

    def human() -> None:
        cur = data["currency"]
        rows = [[i["sku"], i["units"], i["revenue"], i["cost"], i["fees"], i["forfeits"],
                 i["margin"]] for i in data["items"]]
        t = data["total"]
        rows.append(["total", t["units"], t["revenue"], t["cost"], t["fees"], t["forfeits"],
                     t["margin"]])
        print(f"currency {cur}, balance conversion {data['conversion']}")
        table(["sku", "units", "revenue", "cost", "fees", "forfeits", "margin"], rows)
        late = data.get("late")
        if late and late["days"]:
            print(f"supply {late['days']} days late: {late['late_orders']} orders late, "
                  f"penalty {late['penalty']} {late['penalty_currency']}, refunds "
                  f"{late['refunds']} {cur}")

    ctx.out.emit(data, human)
    return 0


def cmd_messages(ctx: Ctx) -> int:
    a = ctx.args
    lang = a.lang or "zh"
    b = ctx.svc.messages.export(a.campaign, a.purpose, a.out, lang=lang,
                                new_date=a.new_date, compensation=a.compensation)

    def human() -> None:
        print(f"{len(b.lines)} messages written to {b.path}")
        if b.compensation_each is not None:
            print(f"compensation {b.compensation_each} × {len(b.lines)} = "
                  f"{b.compensation_total} {b.currency}")

    ctx.out.emit(b.as_contract(), human)
    return 0


def register(sub: Any, add: AddFn) -> None:
    sp = add(sub, "forecast", cmd_forecast,
             "forecast a campaign's final units per SKU, with a range")
    sp.add_argument("--campaign", type=int, required=True)
    sp = add(sub, "plan", cmd_plan,
             "production plan of a campaign: units to make per SKU and when they must arrive")
    sp.add_argument("--campaign", type=int, required=True)
    sp.add_argument("--safety", type=whole_arg, default=0, help="safety stock per SKU")
    msg = sub.add_parser("messages", help="buyer messages: balance reminders, progress, "
                                          "delay notices").add_subparsers(
        dest="purpose", metavar="PURPOSE", required=True)
    for purpose, help_ in (("reminders", "balance reminders (催付) of a deposit presale"),
                           ("progress", "progress update to every buyer still waiting"),
                           ("delay", "delay notice with a new date and a compensation")):
        sp = add(msg, purpose, cmd_messages, help_)
        sp.add_argument("--campaign", type=int, required=True)
        sp.add_argument("--new-date", type=date_arg, dest="new_date")
        sp.add_argument("--compensation", type=money_arg,
                        help="per order: a coupon amount or a partial refund")
        sp.add_argument("out", help="the list to write (.xlsx or .csv)")


def register_pnl(camp: Any, add: AddFn) -> None:
    sp = add(camp, "pnl", cmd_pnl, "profit and loss of a campaign, per SKU and in total")
    sp.add_argument("id", type=int)
    sp.add_argument("--late-days", type=whole_arg, default=0, dest="late_days",
                    help="the worst case if supply arrives this many days late")
