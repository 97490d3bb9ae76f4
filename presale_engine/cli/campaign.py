"""`presale campaign …`: check, create, update, list, show, export, move, duplicate, quote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import CampaignInvalid
from . import planning
from .common import (
    EXIT_ERROR,
    AddFn,
    CliError,
    Ctx,
    cell,
    load_json,
    positive_arg,
    table,
    whole_arg,
)


def _issues(result: Any, lang: str) -> dict[str, list[dict[str, str]]]:
    """The check result for --json, each message in the --lang language."""
    return {kind: [{"code": i.code, "field": i.field, "message": i.text(lang)}
                   for i in items]
            for kind, items in (("errors", result.errors), ("warnings", result.warnings))}


def _issues_human(result: Any, lang: str) -> None:
    for kind, items in (("error", result.errors), ("warning", result.warnings)):
        for i in items:
            print(f"{kind}: [{i.code}] {i.field}: {i.text(lang)}")
    if not result.errors and not result.warnings:
        print("OK: no errors, no warnings")


def cmd_campaign_check(ctx: Ctx) -> int:
    result = ctx.svc.campaigns.check(load_json(ctx.args.file))
    ctx.out.emit(_issues(result, ctx.lang), lambda: _issues_human(result, ctx.lang))
    return 0 if result.ok else EXIT_ERROR


def cmd_campaign_create(ctx: Ctx) -> int:
    defn = load_json(ctx.args.file)
    svc = ctx.svc
    try:
        cid = svc.campaigns.create(defn)
    except CampaignInvalid as e:
        if ctx.args.json:
            ctx.out.emit(_issues(e.result, ctx.lang))
        else:
            _issues_human(e.result, ctx.lang)
        raise CliError(f"{ctx.args.file}: campaign not created: {ctx.error_text(e)}") from None
    warnings = svc.campaigns.check(svc.campaigns.definition(cid), exclude_id=cid).warnings

    def human() -> None:
        print(f"Created campaign #{cid}")
        for w in warnings:
            print(f"warning: [{w.code}] {w.field}: {w.text(ctx.lang)}")
    ctx.out.emit({"id": cid}, human)
    return 0


def cmd_campaign_update(ctx: Ctx) -> int:
    result = ctx.svc.campaigns.update(ctx.args.id, load_json(ctx.args.file))

    def human() -> None:
        print(f"Updated campaign #{ctx.args.id}")
        _issues_human(result, ctx.lang)
    ctx.out.emit(_issues(result, ctx.lang), human)
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
        print(f"  presale {cell(r.starts)} - {cell(r.ends)}; ship promise: "
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
    approval = svc.shop.settings().require_approval
    before = svc.campaigns.get(a.id).status
    fn = {"submit": svc.campaigns.submit, "approve": svc.campaigns.approve}.get(a.action)
    status = fn(a.id) if fn else getattr(svc.campaigns, a.action)(a.id, a.reason or "")
    note = None
    if not approval and a.action in ("submit", "approve"):
        note = ("this shop has no approval step (`presale shop settings --approval on` "
                "adds one): " + (f"campaign #{a.id} was already active" if before == status
                                 else f"campaign #{a.id} is active now"))

    def human() -> None:
        print(f"Campaign #{a.id} is now {status}" if note is None else note[0].upper()
              + note[1:])

    ctx.out.emit({"id": a.id, "status": status}, human)
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


def register(sub: Any, add: AddFn) -> None:
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
    planning.register_pnl(camp, add)
    sp = add(camp, "quote", cmd_campaign_quote, "price a SKU of a campaign")
    sp.add_argument("id", type=int)
    sp.add_argument("--sku", required=True)
    sp.add_argument("--qty", type=positive_arg)
    sp.add_argument("--units-sold", type=whole_arg,
                    help="units sold so far (volume tiers); default: from the orders")
