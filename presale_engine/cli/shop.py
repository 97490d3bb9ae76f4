"""`presale init`, `demo` and `shop`: the database, demo data, shop settings and rules."""

from __future__ import annotations

from typing import Any

from .common import (
    EXIT_USAGE,
    AddFn,
    CliError,
    Ctx,
    positive_arg,
    table,
)


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
    from ..demo import generate_demo

    a = ctx.args
    svc = ctx.svc
    report = generate_demo(svc, orders=a.orders, seed=a.seed)
    ctx.out.emit(report, lambda: print(
        f"Demo shop written to {svc.db.display_name()}: {report['campaigns']} campaigns, "
        f"{report['orders']} orders, {report['products']} products in "
        f"{report['seconds']:.1f} s"))
    return 0


def cmd_shop_show(ctx: Ctx) -> int:
    svc = ctx.svc
    shop = svc.shop.get()
    from ..platforms import known_profiles

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
    # Risk thresholds (docs/RISK.md) and platform rules share this command; a key that
    # is both (late_penalty, penalty_currency) is the platform's rule, which the
    # thresholds follow.
    from dataclasses import fields

    from ..platforms import PlatformProfile
    from ..risk.thresholds import NAMES

    rule_keys = {f.name for f in fields(PlatformProfile)}
    risk = {k: v for k, v in over.items() if k in NAMES and k not in rule_keys}
    rules = {k: v for k, v in over.items() if k not in risk}
    svc = ctx.svc
    if a.profile == "*":  # thresholds for every profile
        th = svc.risk.set_thresholds("*", risk)
        ctx.out.emit({"risk": th.as_dict()}, lambda: print("Risk thresholds for every "
                                                          "platform updated"))
        return 0
    prof = (svc.shop.set_rule_override(a.profile, rules) if rules or not over
            else svc.shop.profile(a.profile))
    th = svc.risk.set_thresholds(a.profile, risk) if risk or not over \
        else svc.risk.thresholds(a.profile)
    ctx.out.emit({**prof.as_dict(), "risk": th.as_dict()}, lambda: print(
        f"{prof.name}: ship window {prof.ship_days_min}-{prof.ship_days_max} days; "
        f"due soon within {th.due_warning_hours} h, late rate above "
        f"{th.late_rate_critical * 100}%"))
    return 0


def cmd_shop_settings(ctx: Ctx) -> int:
    a = ctx.args
    svc = ctx.svc
    settings = (svc.shop.update_settings(require_approval=a.approval == "on")
                if a.approval else svc.shop.settings())
    ctx.out.emit(settings, lambda: print(
        "Approval step: " + ("on (draft → submitted → approved by a second person)"
                             if settings.require_approval else
                             "off (a valid campaign is active as soon as it is saved)")))
    return 0


def register_setup(sub: Any, add: AddFn) -> None:
    sp = add(sub, "init", cmd_init, "create or upgrade the database; set shop details")
    sp.add_argument("--shop-name")
    sp.add_argument("--timezone")
    sp.add_argument("--currency")

    sp = add(sub, "demo", cmd_demo, "fill a new database with a realistic demo shop")
    sp.add_argument("--orders", type=positive_arg, default=5000, help="number of orders")
    sp.add_argument("--seed", type=int, default=2026)


def register(sub: Any, add: AddFn) -> None:
    shop = sub.add_parser("shop", help="shop settings and platform rules").add_subparsers(
        dest="sub", metavar="ACTION", required=True)
    add(shop, "show", cmd_shop_show, "shop details and platform rule profiles")
    sp = add(shop, "rules", cmd_shop_rules,
             "override a platform rule or a risk threshold for this shop (profile or *)")
    sp.add_argument("profile")
    sp.add_argument("--set", action="append", metavar="KEY=VALUE")
    from .alerts import register_health

    register_health(shop, add)
    sp = add(shop, "settings", cmd_shop_settings, "shop-wide settings (the approval step)")
    sp.add_argument("--approval", choices=["on", "off"],
                    help="campaigns need a second person's approval (default: off)")
