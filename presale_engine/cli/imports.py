"""`presale import …` and `presale mapping …`: spreadsheets in, and the column mappings."""

from __future__ import annotations

import json
import sys
from typing import Any

from .common import (
    AddFn,
    CliError,
    Ctx,
    pairs,
    progress_printer,
    table,
)

PREVIEW_ERRORS = 50  # row errors a dry run lists (all of them count)


def preview_dict(pv: Any) -> dict[str, Any]:
    """The preview of ``svc.imports.preview`` for --json (what the import dialog shows)."""
    return {
        "kind": pv.kind, "layout": pv.preset, "detected": pv.detected,
        "header_row": pv.header_row,
        "columns": [{"column": i + 1, "header": h, "field": pv.fields.get(i)}
                    for i, h in enumerate(pv.headers)],
        "missing": list(pv.missing), "problem": pv.problem,
        "rows": [{"row": r, "cells": cells} for r, cells in pv.rows],
        "total_rows": pv.total_rows, "checked_rows": pv.checked_rows,
        "skipped_rows": pv.skipped_rows, "error_rows": pv.error_rows,
        "errors": [{"file": e.file, "row": e.row, "column": e.column, "value": e.value,
                    "reason": e.reason, "code": e.code} for e in pv.errors[:PREVIEW_ERRORS]],
        "unknown_statuses": list(pv.unknown_statuses),
        "items_file": pv.items_path.name if pv.items_path is not None else None,
        "needs": pv.needs,
    }


def _print_preview(pv: Any) -> None:
    print(f"{pv.file}: {pv.total_rows} rows, header on row {pv.header_row}; layout "
          f"{pv.preset or '-'}" + (f" (detected {pv.detected})" if pv.detected else ""))
    if pv.problem:
        print(f"cannot map the columns: {pv.problem}")
    if pv.needs == "items":
        print("this is a Taobao/Tmall order report (订单报表) without SKUs: add its item "
              "report (宝贝报表) as a second file")
    elif pv.needs == "orders":
        print("this is a Taobao/Tmall item report (宝贝报表): add its order report (订单报表) "
              "as the other file")
    table(["column", "header", "field"],
          [[i + 1, h, pv.fields.get(i) or ("(not used)" if h else "")]
           for i, h in enumerate(pv.headers)])
    if pv.missing:
        print("required columns missing: " + ", ".join(pv.missing))
    if pv.rows:
        print(f"first {len(pv.rows)} rows:")
        width = min(len(pv.headers), 8)
        table(["row", *pv.headers[:width]], [[r, *cells[:width]] for r, cells in pv.rows])
    for e in pv.errors[:PREVIEW_ERRORS]:
        print(f"row error: {e}")
    if pv.unknown_statuses:
        print("unknown status values: " + ", ".join(pv.unknown_statuses))


def cmd_import(ctx: Ctx) -> int:
    from ..service import ImportRefused

    a = ctx.args
    svc = ctx.svc
    prog = progress_printer(not a.json)
    preview = None
    if a.dry_run and a.what == "orders":
        # The dry run shows what the import dialog shows, then what the import would do.
        preview = svc.imports.preview(a.file, a.items, kind="orders", platform=a.platform)
        if not a.json:
            _print_preview(preview)
    try:
        if a.what == "orders":
            rep = svc.imports.orders(a.file, a.items, platform=a.platform,
                                     dry_run=a.dry_run, valid_only=a.valid_only, progress=prog)
        elif a.what == "products":
            rep = svc.imports.products(a.file, dry_run=a.dry_run, progress=prog)
        elif a.what == "members":
            rep = svc.imports.members(a.file, dry_run=a.dry_run, progress=prog)
        else:
            rep = svc.imports.supply(a.file, dry_run=a.dry_run, progress=prog)
    except ImportRefused as e:
        if a.json:
            refused = e.as_dict()
            if preview is not None:
                refused["preview"] = preview_dict(preview)
            print(json.dumps(refused, ensure_ascii=False, indent=2))
        else:
            for err in e.errors[:200]:
                print(str(err), file=sys.stderr)
            if len(e.errors) > 200:
                print(f"... and {len(e.errors) - 200} more", file=sys.stderr)
        raise CliError(ctx.error_text(e)) from None
    data = rep.as_dict()
    if preview is not None:
        data["preview"] = preview_dict(preview)

    def human() -> None:
        verb = "Would import" if rep.dry_run else "Imported"
        print(f"{verb} {rep.file} ({rep.platform or rep.kind}): {rep.created} new, "
              f"{rep.updated} updated, {rep.unchanged} unchanged, {rep.rejected} rejected, "
              f"{rep.skipped_rows} rows skipped")
        if rep.flagged:
            why = ", ".join(f"{n} {reason}" for reason, n in rep.flagged_by_reason.items())
            print(f"{rep.flagged} orders break a campaign rule and are flagged for review "
                  f"({why}); list them with `presale order list --flagged`")
        for c in rep.inactive_campaigns:
            print(f"Campaign #{c['id']} '{c['name']}' is {c['status']}, and {c['orders']} "
                  f"orders came in for it: activate it with `presale campaign submit "
                  f"{c['id']}`")
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


def cmd_mapping_list(ctx: Ctx) -> int:
    from ..io import load_presets, user_presets_dir

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
    from ..io import custom_mapping, save_custom_preset, user_presets_dir

    a = ctx.args
    columns: dict[str, str | None] = {
        fld: header or None for fld, header in pairs(a.column, "--column").items()}
    data = custom_mapping(a.name, extends=a.extends, columns=columns,
                          statuses=pairs(a.status, "--status"), label=a.label)
    path = save_custom_preset(data, user_presets_dir())
    ctx.out.emit({"name": a.name, "file": str(path), "mapping": data}, lambda: print(
        f"Saved column mapping '{a.name}' (based on {a.extends}) to {path}; imports now "
        "recognise files laid out this way"))
    return 0


def cmd_mapping_delete(ctx: Ctx) -> int:
    from ..io import delete_custom_preset, user_presets_dir

    path = delete_custom_preset(ctx.args.name, user_presets_dir())
    ctx.out.emit({"name": ctx.args.name, "deleted": str(path)},
                 lambda: print(f"Deleted {path}"))
    return 0


def register(sub: Any, add: AddFn) -> None:
    imp = sub.add_parser("import", help="import spreadsheets").add_subparsers(
        dest="what", metavar="WHAT", required=True)
    sp = add(imp, "orders", cmd_import,
             "import a platform order export (Taobao/Tmall, Douyin, TikTok Shop, JD, or our "
             "template); all or nothing")
    sp.add_argument("file")
    sp.add_argument("items", nargs="?", default=None, metavar="ITEMS",
                    help="Taobao/Tmall: the item report (宝贝报表) that goes with the order "
                         "report FILE (订单报表); the two are joined by 订单编号")
    sp.add_argument("--platform", default="auto",
                    help="auto (default), taobao, douyin, tiktok, jd, template, or the name "
                         "of a saved column mapping")
    sp.add_argument("--dry-run", action="store_true", help="check and count; change nothing")
    sp.add_argument("--valid-only", metavar="REJECTS.xlsx",
                    help="import the valid rows; write the rejected ones with reasons here")
    for what, help_ in (("products", "import the product sheet (create or update by SKU)"),
                        ("supply", "import supply batches (expected arrivals)"),
                        ("members", "import the shop's member list (会员名单): orders of "
                                    "member-only presales from other buyers are flagged")):
        sp = add(imp, what, cmd_import, help_)
        sp.add_argument("file")
        sp.add_argument("--dry-run", action="store_true")
        sp.set_defaults(platform=None, valid_only=None, items=None)


def register_mapping(sub: Any, add: AddFn) -> None:
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
