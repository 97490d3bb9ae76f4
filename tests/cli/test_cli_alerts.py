"""`presale alerts`, `alerts ack|snooze` and `presale shop health`: the JSON contract."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .helpers import ok

KEYS = {"id", "code", "severity", "state", "campaign_id", "platform", "sku", "order_count",
        "money_at_stake", "currency", "message", "action", "first_seen_at", "resolved_at"}


def test_alerts_json_contract_ack_snooze_and_health(cli: Any, shared_data: Path) -> None:
    tiktok = str(shared_data / "campaigns" / "tiktok_gift_box.json")
    ok(cli("product", "add", "--sku", "XMAS-BOX-01", "--name", "Gift box", "--on-hand", "50",
           "--json"))
    empty = ok(cli("--now", "2026-11-05T10:00:00-08:00", "alerts", "--json"))
    assert empty["alerts"] == []
    assert empty["evaluated_at"] == "2026-11-05T18:00:00+00:00"
    assert "healthy" in cli("--now", "2026-11-05T10:00:00-08:00", "alerts").out
    ok(cli("--now", "2026-11-05T10:00:00-08:00", "campaign", "create", "--file", tiktok,
           "--json"))
    for _ in range(3):
        oid = ok(cli("--now", "2026-11-05T10:00:00-08:00", "order", "create", "--campaign",
                     "1", "--sku", "XMAS-BOX-01", "--json"))["id"]
        ok(cli("--now", "2026-11-05T10:00:00-08:00", "order", "transition", str(oid), "pay",
               "--json"))
    late = "2026-11-21T10:00:00-08:00"  # past the 15-day promise
    data = ok(cli("--now", late, "alerts", "--json"))
    over = next(a for a in data["alerts"] if a["code"] == "ship_overdue")
    assert set(over) >= KEYS
    assert (over["severity"], over["state"], over["campaign_id"], over["platform"],
            over["sku"], over["order_count"], over["money_at_stake"], over["currency"]) == (
        "critical", "new", 1, "tiktok", None, 3, "24.00", "USD")
    assert over["resolved_at"] is None
    zh = ok(cli("--lang", "zh", "--now", late, "alerts", "--json"))
    assert "超过发货期限" in next(a for a in zh["alerts"] if a["code"] == "ship_overdue")[
        "message"]
    assert ok(cli("--now", late, "alerts", "ack", str(over["id"]), "--json"))["state"] == \
        "acknowledged"
    snoozed = ok(cli("--now", late, "alerts", "snooze", str(over["id"]), "--until",
                     "2026-11-22T10:00:00-08:00", "--json"))
    assert snoozed["state"] == "snoozed"
    assert ok(cli("--now", late, "alerts", "--campaign", "2", "--json"))["alerts"] == []
    r = cli("--now", late, "alerts", "snooze", str(over["id"]), "--until", "yesterday")
    assert r.code == 2
    health = ok(cli("--now", late, "shop", "health", "--rating", "4.3",
                    "--bad-review-rate", "2.5%", "--json"))
    assert (health["latest"]["rating"], health["latest"]["bad_review_rate"]) == (
        "4.3", "0.025")
    codes = {a["code"] for a in ok(cli("--now", late, "alerts", "--json"))["alerts"]}
    assert {"rating_low", "bad_review_rate_high"} <= codes
    # --all lists resolved ones too: ship the orders, the overdue alert resolves
    for oid in (1, 2, 3):
        ok(cli("--now", late, "order", "transition", str(oid), "ship", "--json"))
    assert "ship_overdue" not in {a["code"] for a in ok(cli("--now", late, "alerts",
                                                            "--json"))["alerts"]}
    every = ok(cli("--now", late, "alerts", "--all", "--json"))["alerts"]
    gone = next(a for a in every if a["code"] == "ship_overdue")
    assert (gone["state"], gone["resolved_at"]) == ("resolved", "2026-11-21T18:00:00+00:00")


def test_metrics_json(cli: Any, shared_data: Path) -> None:
    tiktok = str(shared_data / "campaigns" / "tiktok_gift_box.json")
    now = "2026-11-05T10:00:00-08:00"
    ok(cli("--now", now, "campaign", "create", "--file", tiktok, "--json"))
    for _ in range(2):
        oid = ok(cli("--now", now, "order", "create", "--campaign", "1", "--sku",
                     "XMAS-BOX-01", "--json"))["id"]
        ok(cli("--now", now, "order", "transition", str(oid), "pay", "--json"))
    [m] = ok(cli("--now", now, "metrics", "--platform", "tiktok", "--json"))["metrics"]
    assert (m["currency"], m["orders"], m["gmv"], m["presale_share"]) == (
        "USD", 2, "79.80", "1.0000")
    days = ok(cli("--now", now, "metrics", "--by", "day", "--json"))["metrics"]
    assert [d["day"] for d in days] == ["2026-11-05"]
    assert "GMV" in cli("--now", now, "metrics").out


def test_shop_rules_sets_risk_thresholds_too(cli: Any) -> None:
    got = ok(cli("shop", "rules", "tiktok", "--set", "due_warning_hours=72", "--json"))
    assert (got["code"], got["risk"]["due_warning_hours"]) == ("tiktok", 72)
    assert got["risk"]["late_penalty"] == "8.00"  # from the platform rule
    assert got["ship_days_max"] == 30  # the platform rules are left as they were
    both = ok(cli("shop", "rules", "tiktok", "--set", "ship_days_max=20",
                  "--set", "late_rate_critical=0.08", "--json"))
    assert (both["ship_days_max"], both["risk"]["late_rate_critical"]) == (20, "0.08")
    every = ok(cli("shop", "rules", "*", "--set", "presale_share_warning=0.4", "--json"))
    assert every["risk"]["presale_share_warning"] == "0.4"
    r = cli("shop", "rules", "tiktok", "--set", "late_rate_critical=lots")
    assert r.code == 1
    assert "not a number" in r.err
    restored = ok(cli("shop", "rules", "tiktok", "--json"))
    assert (restored["ship_days_max"], restored["risk"]["due_warning_hours"]) == (30, 48)
