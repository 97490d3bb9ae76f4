"""`presale alerts …` and `presale shop health`: risk alerts and the shop's typed-in health."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .common import EXIT_USAGE, AddFn, CliError, Ctx, cell, date_arg, table


def cmd_alerts(ctx: Ctx) -> int:
    """Evaluate at --now and list the open alerts (--all: the resolved ones too)."""
    a = ctx.args
    svc = ctx.svc
    svc.risk.evaluate(lang=ctx.lang)
    rows = svc.risk.alerts(campaign_id=a.campaign, include_resolved=a.all, lang=ctx.lang)
    data = {"evaluated_at": svc.now(), "alerts": [r.as_contract() for r in rows]}

    def human() -> None:
        if not rows:
            print(f"No open alerts: the shop is healthy (checked {cell(svc.now())} UTC).")
            return
        table(["id", "severity", "state", "code", "orders", "at stake", "message"],
              [[r.id, r.severity, r.state, r.code, r.order_count or "",
                f"{r.money_at_stake} {r.currency}" if r.money_at_stake is not None else "",
                r.message] for r in rows])
    ctx.out.emit(data, human)
    return 0


def cmd_alert_ack(ctx: Ctx) -> int:
    state = ctx.svc.risk.ack(ctx.args.id)
    ctx.out.emit({"id": ctx.args.id, "state": state},
                 lambda: print(f"Alert #{ctx.args.id} is {state}"))
    return 0


def cmd_alert_snooze(ctx: Ctx) -> int:
    a = ctx.args
    try:
        until = datetime.fromisoformat(a.until)
    except ValueError:
        raise CliError(f"--until: '{a.until}' is not an ISO date-time", EXIT_USAGE) from None
    if until.tzinfo is None:
        until = until.replace(tzinfo=ctx.svc.shop.tz())
    state = ctx.svc.risk.snooze(a.id, until)
    ctx.out.emit({"id": a.id, "state": state, "until": until},
                 lambda: print(f"Alert #{a.id} is {state} until {cell(until)}"))
    return 0


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text.strip().rstrip("%")) / (100 if text.strip().endswith("%") else 1)
    except InvalidOperation:
        raise CliError(f"'{text}' is not a number", EXIT_USAGE) from None


def cmd_shop_health(ctx: Ctx) -> int:
    """Record the shop's rating and bad-review rate (when given); show the history."""
    a = ctx.args
    svc = ctx.svc
    if a.rating is not None or a.bad_review_rate is not None:
        svc.risk.record_health(
            rating=_decimal(a.rating) if a.rating is not None else None,
            bad_review_rate=_decimal(a.bad_review_rate) if a.bad_review_rate is not None
            else None, day=a.date)
    history = svc.risk.health_history()
    data: dict[str, Any] = {"history": history, "latest": history[-1] if history else None}
    ctx.out.emit(data, lambda: table(["date", "rating", "bad-review rate"],
                                     [[h.day, h.rating, h.bad_review_rate] for h in history]))
    return 0


def cmd_metrics(ctx: Ctx) -> int:
    a = ctx.args
    rows = ctx.svc.risk.metrics(campaign_id=a.campaign, platform=a.platform, sku=a.sku,
                                by_day=a.by == "day")
    data = {"metrics": rows}

    def pct(v: Decimal | None) -> str:
        return "" if v is None else f"{v * 100:.2f}%"

    ctx.out.emit(data, lambda: table(
        ([["day"]] if a.by else [[]])[0] + ["currency", "orders", "units", "GMV", "deposits",
                                           "conversion", "forfeited", "on time", "late",
                                           "cancel", "return", "presale", "exposure",
                                           "liability"],
        [([r.day] if a.by else []) + [r.currency, r.orders, r.units, r.gmv,
                                      r.deposits_collected, pct(r.balance_conversion),
                                      r.forfeited_deposits, pct(r.on_time_rate),
                                      pct(r.late_rate), pct(r.cancel_rate),
                                      pct(r.return_rate), pct(r.presale_share),
                                      f"{r.penalty_exposure} {r.penalty_currency}",
                                      r.deposit_liability] for r in rows]))
    return 0


def register(sub: Any, add: AddFn) -> None:
    sp = add(sub, "alerts", cmd_alerts,
             "evaluate the risk rules at --now and list the open alerts")
    sp.add_argument("--campaign", type=int, help="only this campaign's alerts")
    sp.add_argument("--all", action="store_true", help="resolved alerts too")
    alert_sub = sp.add_subparsers(dest="sub", metavar="ACTION", required=False)
    sp2 = add(alert_sub, "ack", cmd_alert_ack, "acknowledge an alert (it stays until fixed)")
    sp2.add_argument("id", type=int)
    sp2 = add(alert_sub, "snooze", cmd_alert_snooze, "hide an alert until a time")
    sp2.add_argument("id", type=int)
    sp2.add_argument("--until", required=True, help="ISO time (shop time zone if none given)")


def register_metrics(sub: Any, add: AddFn) -> None:
    sp = add(sub, "metrics", cmd_metrics,
             "GMV, deposits, conversion, on-time, cancel and return rates, exposure, liability")
    sp.add_argument("--campaign", type=int)
    sp.add_argument("--platform")
    sp.add_argument("--sku")
    sp.add_argument("--by", choices=["day"], help="one line per day of ordering")


def register_health(shop_sub: Any, add: AddFn) -> None:
    sp = add(shop_sub, "health", cmd_shop_health,
             "the shop's rating and bad-review rate: record them (typed in) and list them")
    sp.add_argument("--rating", help="shop rating / DSR, e.g. 4.6")
    sp.add_argument("--bad-review-rate", help="share of bad reviews, e.g. 0.025 or 2.5%%")
    sp.add_argument("--date", type=date_arg, help="the day they are for (default today)")
