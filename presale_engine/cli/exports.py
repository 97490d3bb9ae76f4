"""`presale export …`: orders, campaign summaries, ship sheets, reminder lists."""

from __future__ import annotations

from typing import Any

from .common import (
    AddFn,
    Ctx,
    order_filter,
    parse_now,
)


def _export_done(ctx: Ctx, r: Any) -> int:
    ctx.out.emit({"path": str(r.path), "rows": r.rows, "seconds": round(r.seconds, 2),
                  "format": r.format, "sheets": list(r.sheets)},
                 lambda: print(f"Wrote {r.rows} rows to {r.path} in {r.seconds:.1f} s"))
    return 0


def cmd_export_orders(ctx: Ctx) -> int:
    a = ctx.args
    return _export_done(ctx, ctx.svc.exports.orders(a.out, order_filter(a), lang=a.lang or "zh",
                                                   encoding=a.encoding))


def cmd_export_summary(ctx: Ctx) -> int:
    a = ctx.args
    report = ctx.svc.exports.campaign_summary(a.campaign, a.out, lang=a.lang or "zh")
    return _export_done(ctx, report)


def cmd_export_ship_sheet(ctx: Ctx) -> int:
    a = ctx.args
    since = parse_now(a.shipped_since)
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=ctx.svc.shop.tz())
    return _export_done(ctx, ctx.svc.exports.ship_sheet(a.platform, a.out, shipped_since=since,
                                                       encoding=a.encoding))


def cmd_export_reminders(ctx: Ctx) -> int:
    a = ctx.args
    return _export_done(ctx, ctx.svc.exports.reminders(a.campaign, a.out, lang=a.lang or "zh",
                                                      encoding=a.encoding))


def register(sub: Any, add: AddFn) -> None:
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
    sp.add_argument("--encoding", choices=["utf-8-sig", "gb18030"], default="utf-8-sig",
                    help=enc_help)
    sp = add(exp, "summary", cmd_export_summary,
             "campaign workbook (.xlsx): summary, by SKU, by day, by status, alerts")
    sp.add_argument("out")
    sp.add_argument("--campaign", type=int, required=True)
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
    sp.add_argument("--encoding", choices=["utf-8-sig", "gb18030"], default="utf-8-sig",
                    help=enc_help)
