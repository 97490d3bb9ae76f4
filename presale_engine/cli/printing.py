"""`presale print …`: a wave's pick list, packing slips or manifest, a campaign report
(PDF), and the thank-you card text on packing slips."""

from __future__ import annotations

from typing import Any

from .common import AddFn, Ctx


def _done(ctx: Ctx, r: Any) -> int:
    ctx.out.emit({"sheet": r.sheet, "path": str(r.path), "pages": r.pages,
                  "seconds": round(r.seconds, 2)},
                 lambda: print(f"Wrote {r.pages} pages to {r.path} in {r.seconds:.1f} s"))
    return 0


def _sheet(name: str) -> Any:
    def run(ctx: Ctx) -> int:
        a = ctx.args
        return _done(ctx, ctx.svc.printing.sheet(
            name, a.wave, a.out, size="label" if a.label else "a4", lang=a.lang or "zh",
            card=not getattr(a, "no_card", False)))
    return run


def cmd_print_report(ctx: Ctx) -> int:
    a = ctx.args
    return _done(ctx, ctx.svc.printing.report(a.campaign, a.out, lang=a.lang or "zh"))


def cmd_print_card(ctx: Ctx) -> int:
    a = ctx.args
    svc = ctx.svc
    if a.clear:
        text = svc.printing.set_card_text("")
    elif a.text is not None:
        text = svc.printing.set_card_text(a.text)
    else:
        text = svc.printing.card_text()
    ctx.out.emit({"card": text}, lambda: print(text or "(no thank-you card)"))
    return 0


def register(sub: Any, add: AddFn) -> None:
    pr = sub.add_parser("print", help="pick lists, packing slips, manifests, campaign reports "
                        "(PDF)").add_subparsers(dest="sub", metavar="SHEET", required=True)
    for name, help_ in (("picklist", "a wave's pick list: SKUs summed, by bin location"),
                        ("slips", "a wave's packing slips, one per order, with barcodes"),
                        ("manifest", "a wave's carrier hand-over manifest")):
        sp = add(pr, name, _sheet(name), help_)
        sp.add_argument("out", metavar="OUT.pdf")
        sp.add_argument("--wave", type=int, required=True)
        sp.add_argument("--label", action="store_true",
                        help="100 x 150 mm label instead of A4")
        if name == "slips":
            sp.add_argument("--no-card", action="store_true",
                            help="leave out the thank-you card")
    sp = add(pr, "report", cmd_print_report, "a campaign's report: metrics, charts, tables")
    sp.add_argument("out", metavar="OUT.pdf")
    sp.add_argument("--campaign", type=int, required=True)
    sp = add(pr, "card", cmd_print_card,
             "show or set the thank-you card text printed on packing slips")
    sp.add_argument("text", nargs="?")
    sp.add_argument("--clear", action="store_true", help="no card")
