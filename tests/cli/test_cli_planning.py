"""`presale forecast`, `plan`, `campaign pnl` and `messages` (issue 12): the JSON shapes
are a contract, on the demo shop at its own "now"."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from .helpers import ok

NOW = ("--now", "2026-11-22T12:00+08:00")


@pytest.fixture
def demo(cli: Any) -> Any:
    ok(cli("demo", "--orders", "1500", "--json"))
    return cli


def test_forecast_json(demo: Any) -> None:
    data = ok(demo("forecast", "--campaign", "2", "--json", *NOW))
    assert set(data) >= {"campaign_id", "model", "history_campaigns", "items"}
    assert data["campaign_id"] == 2
    assert data["model"] in ("default_shape", "shop_history", "actual", "not_started")
    assert isinstance(data["history_campaigns"], int)
    for it in data["items"]:
        assert set(it) >= {"sku", "units_so_far", "forecast_units", "low", "high"}
        assert it["low"] <= it["forecast_units"] <= it["high"]
        assert it["units_so_far"] <= it["forecast_units"]
    closed = ok(demo("forecast", "--campaign", "6", "--json", *NOW))
    assert closed["model"] == "actual"
    assert all(i["forecast_units"] == i["units_so_far"] for i in closed["items"])


def test_plan_json(demo: Any) -> None:
    data = ok(demo("plan", "--campaign", "2", "--safety", "10", "--json", *NOW))
    assert data["items"]
    for it in data["items"]:
        assert set(it) >= {"sku", "forecast_units", "conversion", "needed", "on_hand",
                           "incoming", "to_make", "arrive_by"}
        assert it["to_make"] == max(0, it["needed"] + it["other_demand"] + 10
                                    - max(it["on_hand"], 0) - it["incoming"])
        assert (it["arrive_by"] is None) == (it["to_make"] == 0)
    human = demo("plan", "--campaign", "2", *NOW)
    assert human.code == 0
    assert "to make" in human.out


def test_campaign_pnl_json(demo: Any) -> None:
    data = ok(demo("campaign", "pnl", "4", "--late-days", "10", "--json", *NOW))
    assert data["currency"] == "USD"
    assert set(data["total"]) >= {"revenue", "cost", "fees", "forfeits", "margin"}
    assert set(data["late"]) >= {"days", "late_orders", "penalty", "refunds"}
    assert data["late"]["days"] == 10
    for it in data["items"]:
        assert set(it) >= {"sku", "units", "revenue", "cost", "fees", "forfeits", "margin"}
        assert "." in it["revenue"]  # money as decimal strings
    from decimal import Decimal

    assert sum(Decimal(i["margin"]) for i in data["items"]) == Decimal(data["total"]["margin"])


def test_messages_delay_csv_with_compensation(demo: Any, tmp_path: Path) -> None:
    out = tmp_path / "delay.csv"
    data = ok(demo("messages", "delay", "--campaign", "4", "--new-date", "2026-12-20",
                   "--compensation", "5", str(out), "--lang", "en", "--json", *NOW))
    assert data["messages"] > 0
    assert data["compensation_total"] == f"{5 * data['messages']}.00"
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["Order no.", "Buyer", "SKU", "Message"]
    assert len(rows) == data["messages"] + 1
    assert "2026-12-20" in rows[1][3]
    refused = demo("messages", "delay", "--campaign", "4", str(out), *NOW)
    assert refused.code != 0
    assert "new ship date" in refused.err


def test_messages_reminders_zh_xlsx(demo: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    data = ok(demo("messages", "reminders", "--campaign", "2", str(out), "--json", *NOW))
    assert data["lang"] == "zh"
    assert data["messages"] == data["recorded"]
    assert data["sample"].startswith("亲爱的")
    full = demo("messages", "reminders", "--campaign", "4", str(out), *NOW)
    assert full.code != 0  # a full-payment presale has no balances


def test_messages_progress(demo: Any, tmp_path: Path) -> None:
    data = ok(demo("messages", "progress", "--campaign", "4", str(tmp_path / "p.xlsx"),
                   "--json", *NOW))
    assert data["purpose"] == "progress"
    assert data["messages"] > 0
    assert data["compensation_each"] is None


def test_import_members(cli: Any, tmp_path: Path) -> None:
    ok(cli("init", "--json"))
    members = tmp_path / "members.csv"
    members.write_text("会员名\nalice\nbob\nalice\n", encoding="utf-8")
    data = ok(cli("import", "members", str(members), "--json"))
    assert (data["kind"], data["created"]) == ("members", 2)
    bad = tmp_path / "bad.csv"
    bad.write_text("会员名,平台\n,jd\n", encoding="utf-8")
    r = cli("import", "members", str(bad))
    assert r.code != 0
    assert "bad.csv, row 2, 会员名" in r.err
