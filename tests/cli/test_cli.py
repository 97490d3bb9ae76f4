"""`presale` in-process: every command with its JSON shape, options in either place,
`--now`, the demo, and errors as one line on stderr."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from presale_engine.cli import build_parser

from .helpers import Run, ok


def head_revision(db: str) -> str | None:
    """The newest migration (what `init` brings a new database to)."""
    from presale_engine.store import open_database

    opened = open_database(db, upgrade=False)
    try:
        return opened.head_revision()
    finally:
        opened.dispose()

MONEY_FIELDS = ("unit_price", "deposit", "deposit_value", "balance_discount", "balance",
                "total", "legal_deposit_cap", "deposit_excess")
NOW = "2026-11-22T12:00"  # shop time (Asia/Shanghai)


@pytest.fixture
def campaigns(shared_data: Path) -> Path:
    return shared_data / "campaigns"



def _one_error_line(r: Run, *needles: str) -> str:
    assert r.code != 0
    assert "Traceback" not in r.err + r.out
    lines = r.err.splitlines()
    assert len(lines) == 1, r.err
    assert lines[0].startswith("presale: error: ")
    for n in needles:
        assert n in lines[0]
    return lines[0]


# --------------------------------------------------------------------------- parser

def _leaf_commands() -> set[str]:
    import argparse

    def walk(p: argparse.ArgumentParser, prefix: str) -> set[str]:
        out: set[str] = set()
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    out.add(f"{prefix}{name}".strip())
                    out |= walk(sub, f"{prefix}{name} ")
        return out

    return walk(build_parser(), "")


COVERED = {
    "init", "demo", "campaign", "campaign create", "campaign check", "campaign update",
    "campaign list", "campaign show", "campaign export", "campaign submit", "campaign approve",
    "campaign reject", "campaign cancel", "campaign duplicate", "campaign quote", "product",
    "product add", "product list", "order", "order list", "order show", "order create",
    "order transition", "stock", "stock adjust", "supply", "supply add", "supply list",
    "supply receive", "allocate", "shop", "shop show", "shop rules", "shop settings",
    "shop health", "alerts", "alerts ack", "alerts snooze", "metrics",
}


# Import and export commands have test files of their own.
TESTED_ELSEWHERE = {"import", "import orders", "import products", "import supply",
                    "export", "export orders", "export summary", "export ship-sheet",
                    "export reminders",  # tests/cli/test_cli_import.py, test_cli_export.py
                    "mapping", "mapping list", "mapping save", "mapping delete",
                    # tests/cli/test_cli_order_desk.py
                    "order bulk", "supply delay", "supply update",
                    # tests/cli/test_cli_print.py
                    "wave", "wave create", "wave list", "wave show", "wave scan",
                    "wave ship", "wave cancel", "print", "print picklist", "print slips",
                    "print manifest", "print report", "print card",
                    # tests/cli/test_cli_planning.py
                    "forecast", "plan", "campaign pnl", "messages", "messages reminders",
                    "messages progress", "messages delay", "import members"}


def test_these_tests_cover_every_command() -> None:
    """A command added to the parser must be added to the tests below (and here)."""
    assert _leaf_commands() - TESTED_ELSEWHERE == COVERED


# --------------------------------------------------------------------------- commands

def test_init(cli: Any, db: str) -> None:
    data = ok(cli("init", "--shop-name", "星河优品", "--timezone", "Asia/Shanghai",
                   "--currency", "cny", "--json"))
    assert data == {"database": db, "revision": head_revision(db),
                    "shop": {"id": 1, "name": "星河优品", "timezone": "Asia/Shanghai",
                             "currency": "CNY", "rule_overrides": {}}}
    r = cli("init")
    assert r.code == 0
    assert r.out.startswith(f"Database ready: {db} (shop '星河优品', Asia/Shanghai, CNY)")
    _one_error_line(cli("init", "--timezone", "Mars/Olympus"), "unknown time zone")


def test_campaign_commands(cli: Any, campaigns: Path, tmp_path: Path) -> None:
    douyin = str(campaigns / "douyin_down_jacket.json")
    jd = str(campaigns / "jd_star_earrings.json")

    check = cli("campaign", "check", "--file", jd, "--json")
    data = ok(check)
    assert set(data) == {"errors", "warnings"}
    assert data["errors"] == []
    assert all(set(w) == {"code", "field", "message"} for w in data["warnings"])
    assert "ship_window_not_recommended" in {w["code"] for w in data["warnings"]}

    # the approval workflow (a shop without it is tested in test_cli_approval.py)
    assert ok(cli("shop", "settings", "--approval", "on", "--json")) == {
        "require_approval": True}
    assert ok(cli("campaign", "create", "--file", douyin, "--json")) == {"id": 1}
    assert ok(cli("campaign", "create", "--file", jd, "--json")) == {"id": 2}
    human = cli("campaign", "create", "--file", str(campaigns / "tiktok_gift_box.json"))
    assert human.code == 0
    assert human.out.startswith("Created campaign #3\n")
    assert "warning: [unknown_sku]" in human.out

    rows = ok(cli("campaign", "list", "--json"))
    assert [(r["id"], r["platform"], r["status"]) for r in rows] == [
        (1, "douyin", "draft"), (2, "jd", "draft"), (3, "tiktok", "draft")]
    assert rows[0]["deposits"] == "0.00"
    assert "days to ship" in cli("campaign", "list").out

    shown = ok(cli("campaign", "show", "1", "--json"))
    assert (shown["id"], shown["status"], shown["stats"]["orders"]) == (1, "draft", 0)
    assert shown["items"][0] == {"sku": "YRF-001-BLK-M", "price": "899.00",
                                 "deposit": "50.00", "deposit_value": "150.00",
                                 "balance_discount": "20.00", "cap": 120}
    assert shown["ship_promise"]["zh"] == "预售商品，尾款支付后10天内发货"
    assert "item sku=YRF-001-BLK-M" in cli("campaign", "show", "1").out

    out = tmp_path / "export.json"
    assert ok(cli("campaign", "export", "1", str(out), "--json")) == {"id": 1,
                                                                       "file": str(out)}
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["items"] == shown["items"]

    # the exported file is a definition: it overlaps campaign 1 until that is cancelled
    again = cli("campaign", "create", "--file", str(out), "--json")
    assert again.code == 1
    assert again.json["errors"][0]["code"] == "sku_in_overlapping_campaign"
    _one_error_line(again, "campaign not created")

    moves = [("submit", "1", "submitted"), ("reject", "1", "rejected"),
             ("submit", "1", "submitted"), ("approve", "1", "approved"),
             ("cancel", "1", "cancelled")]
    for action, cid, status in moves:
        extra = ["--reason", "why not"] if action in ("reject", "cancel") else []
        assert ok(cli("campaign", action, cid, *extra, "--json")) == {"id": int(cid),
                                                                       "status": status}
    assert cli("campaign", "submit", "2").out == "Campaign #2 is now submitted\n"
    _one_error_line(cli("campaign", "approve", "1"), "cannot approve", "cancelled")

    assert ok(cli("campaign", "create", "--file", str(out), "--json")) == {"id": 4}
    exported["name"] = "Renamed"
    out.write_text(json.dumps(exported), encoding="utf-8")
    upd = ok(cli("campaign", "update", "4", "--file", str(out), "--json"))
    assert upd == {"errors": [], "warnings": upd["warnings"]}
    assert ok(cli("campaign", "show", "4", "--json"))["name"] == "Renamed"

    dup = ok(cli("campaign", "duplicate", "2", "--shift-days", "365", "--name", "JD 2027",
                  "--json"))
    assert dup == {"id": 5}
    copy = ok(cli("campaign", "show", "5", "--json"))
    assert (copy["name"], copy["ship"]["date"]) == ("JD 2027", "2027-11-25")
    assert cli("campaign", "duplicate", "2", "--shift-days", "730").out == (
        "Created campaign #6 (a draft copy)\n")


def test_campaign_check_exits_1_on_errors(cli: Any, campaigns: Path, tmp_path: Path) -> None:
    bad = json.loads((campaigns / "douyin_down_jacket.json").read_text(encoding="utf-8"))
    bad["ship"]["days"] = 45
    bad["items"][1]["deposit_value"] = "10.00"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    r = cli("campaign", "check", "--file", str(path), "--json")
    assert r.code == 1
    assert r.err == ""
    errors = r.json["errors"]
    assert [(e["code"], e["field"]) for e in errors] == [
        ("ship_window_out_of_range", "ship.days"),
        ("deposit_value_below_deposit", "items[1].deposit_value")]
    assert all(set(e) == {"code", "field", "message"} and e["message"] for e in errors)
    human = cli("campaign", "check", "--file", str(path))
    assert human.code == 1
    assert "error: [ship_window_out_of_range] ship.days:" in human.out
    # a file the parser cannot read at all is reported the same way
    path.write_text('{"name": "x"}', encoding="utf-8")
    r = cli("campaign", "check", "--file", str(path), "--json")
    assert r.code == 1
    assert {e["field"] for e in r.json["errors"]} >= {"platform", "type", "items"}


def test_campaign_quote(cli: Any, campaigns: Path) -> None:
    cli("campaign", "create", "--file", str(campaigns / "douyin_down_jacket.json"))
    cli("campaign", "create", "--file", str(campaigns / "taobao_ice_machine.json"))
    unit = ok(cli("campaign", "quote", "1", "--sku", "YRF-001-BLK-M", "--json"))
    assert {k: unit[k] for k in MONEY_FIELDS} == {
        "unit_price": "899.00", "deposit": "50.00", "deposit_value": "150.00",
        "balance_discount": "20.00", "balance": "729.00", "total": "779.00",
        "legal_deposit_cap": "179.80", "deposit_excess": "0.00"}
    assert unit["effective_discount"] == "0.1335"
    assert "order_total" not in unit
    assert "qty" not in unit
    order = ok(cli("campaign", "quote", "1", "--sku", "YRF-001-BLK-M", "--qty", "3",
                    "--json"))
    assert (order["qty"], order["order_deposit"], order["order_balance"],
            order["order_total"]) == (3, "150.00", "2187.00", "2337.00")
    assert all(isinstance(order[k], str) for k in (*MONEY_FIELDS, "effective_discount"))
    tier = ok(cli("campaign", "quote", "2", "--sku", "ICE-200-WHT", "--units-sold", "300",
                   "--json"))
    assert (tier["unit_price"], tier["balance"], tier["total"]) == ("259.00", "199.00",
                                                                    "229.00")
    human = cli("campaign", "quote", "1", "--sku", "YRF-001-BLK-M")
    assert "balance              729.00" in human.out
    _one_error_line(cli("campaign", "quote", "1", "--sku", "NOPE"), "NOPE")


def test_products_orders_stock_supply_allocate_shop(cli: Any, campaigns: Path) -> None:
    p = ok(cli("product", "add", "--sku", "EAR-STAR-01", "--name", "闪星耳钉", "--variant",
                "银色", "--platform", "jd", "--on-hand", "5", "--location", "C-05",
                "--sales-30d", "3000", "--cost", "6.50", "--list-price", "29.90", "--json"))
    assert (p["sku"], p["on_hand"], p["cost"], p["list_price"], p["sales_30d"]) == (
        "EAR-STAR-01", 5, "6.50", "29.90", 3000)
    assert cli("product", "add", "--sku", "SPARE", "--name", "Spare").out == (
        "Added SPARE (Spare), 0 on hand\n")
    assert [x["sku"] for x in ok(cli("product", "list", "--json"))] == ["EAR-STAR-01",
                                                                          "SPARE"]
    assert "C-05" in cli("product", "list").out
    _one_error_line(cli("product", "add", "--sku", "SPARE", "--name", "Again"),
                    "already exists")

    cli("campaign", "create", "--file", str(campaigns / "jd_star_earrings.json"))
    now = ["--now", "2026-11-10T12:00"]
    assert ok(cli("order", "create", "--campaign", "1", "--sku", "EAR-STAR-01", "--qty", "3",
                   "--buyer", "b1", "--order-no", "JD-1", "--json", *now)) == {"id": 1}
    assert cli("order", "create", "--campaign", "1", "--sku", "EAR-STAR-01", "--qty", "4",
               *now).out == "Created order #2\n"
    paid = ok(cli("order", "transition", "1", "pay", "--reason", "platform", "--json", *now))
    assert (paid["status"], paid["total"], paid["reserved"]) == ("paid", "59.70", 3)
    assert datetime.fromisoformat(paid["ship_deadline"]) == datetime(
        2026, 11, 25, 15, 59, 59, tzinfo=UTC)
    cli("order", "transition", "2", "pay", *now)
    shipped = ok(cli("order", "transition", "1", "ship", "--carrier", "京东物流",
                      "--tracking", "JD0001", "--json", *now))
    assert (shipped["status"], shipped["carrier"], shipped["tracking_no"]) == (
        "shipped", "京东物流", "JD0001")
    shown = ok(cli("order", "show", "1", "--json"))
    assert set(shown) == {"order", "history", "payments"}
    assert [h["event"] for h in shown["history"]] == ["create", "pay", "ship"]
    assert shown["history"][1]["reason"] == "platform"
    assert shown["history"][1]["actor"] == "cli"
    assert [(x["kind"], x["amount"]) for x in shown["payments"]] == [("full", "59.70")]
    assert "payment full" in cli("order", "show", "1").out

    listed = ok(cli("order", "list", "--json"))
    assert listed["total"] == 2
    assert [o["id"] for o in listed["orders"]] == [1, 2]
    assert ok(cli("order", "list", "--status", "paid,shipped", "--sku", "EAR-STAR-01",
                   "--platform", "jd", "--campaign", "1", "--limit", "1", "--offset", "1",
                   "--json"))["total"] == 2
    assert cli("order", "list").out.endswith("2 of 2 orders\n")

    stock = ok(cli("stock", "--json"))
    assert stock[0] == {"sku": "EAR-STAR-01", "name": "闪星耳钉", "location": "C-05",
                        "on_hand": 2, "reserved": 0, "committed": 4, "incoming": 0,
                        "available": -2}
    assert "available" in cli("stock").out
    assert ok(cli("stock", "adjust", "--sku", "EAR-STAR-01", "--delta", "1", "--reason",
                   "found", "--json")) == {"sku": "EAR-STAR-01", "on_hand": 3}

    batch = ok(cli("supply", "add", "--sku", "EAR-STAR-01", "--qty", "10", "--expected",
                    "2026-11-30", "--supplier", "Factory", "--note", "run 1", "--json"))
    assert batch == {"id": 1, "sku": "EAR-STAR-01", "qty": 10, "received": 0,
                     "expected": "2026-11-30", "supplier": "Factory", "note": "run 1"}
    assert [b["id"] for b in ok(cli("supply", "list", "--json"))] == [1]
    assert "Factory" in cli("supply", "list").out

    alloc = ok(cli("allocate", "--json"))
    assert alloc["applied"] is False
    assert alloc["allocated_units"] == {"stock": 3, "batch": 1}
    # order 2 is due 25 Nov and the batch comes on 30 Nov: late
    assert [(s["order_id"], s["qty_short"], s["late"], s["available_on"])
            for s in alloc["short"]] == [(2, 0, True, "2026-11-30")]
    assert "1 orders would ship late" in cli("allocate").out

    got = ok(cli("supply", "receive", "1", "--qty", "4", "--json"))
    assert (got["received"], got["qty"]) == (4, 10)
    applied = ok(cli("allocate", "--apply", "--json"))
    assert applied == {"allocated_units": {"stock": 4}, "short": [], "applied": True}
    assert cli("allocate").out.startswith("Units from stock: 4, from supply batches: 0\n"
                                          "Every open order is covered in time.")

    shop = ok(cli("shop", "show", "--json"))
    assert shop["shop"]["currency"] == "CNY"
    assert shop["profiles"]["tiktok"]["late_penalty"] == "8.00"
    assert set(shop["profiles"]) >= {"taobao", "jd", "douyin", "tiktok", "tiktok_us"}
    rules = ok(cli("shop", "rules", "douyin", "--set", "ship_days_max=25", "--json"))
    assert (rules["code"], rules["ship_days_max"]) == ("douyin", 25)
    assert ok(cli("shop", "show", "--json"))["profiles"]["douyin"]["ship_days_max"] == 25
    assert "douyin" in cli("shop", "show").out
    _one_error_line(cli("shop", "rules", "douyin", "--set", "nonsense"), "key=value")


def test_db_and_json_work_before_and_after_the_command(cli: Any, tmp_path: Path) -> None:
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    ok(cli("--db", a, "--json", "product", "add", "--sku", "A", "--name", "a",
            with_db=False))
    ok(cli("product", "add", "--sku", "B", "--name", "b", "--db", b, "--json",
            with_db=False))
    # the option after the command wins over the one before it
    ok(cli("--db", a, "product", "add", "--sku", "B2", "--name", "b", "--db", b, "--json",
            with_db=False))
    assert [p["sku"] for p in ok(cli("--json", "product", "list", "--db", a,
                                      with_db=False))] == ["A"]
    assert [p["sku"] for p in ok(cli("--db", b, "product", "list", "--json",
                                      with_db=False))] == ["B", "B2"]
    # without --json the output is text
    assert cli("--db", b, "product", "list", with_db=False).out.startswith("sku ")


def test_presale_db_url_is_the_default_database(cli: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    monkeypatch.setenv("PRESALE_DB_URL", url)
    ok(cli("product", "add", "--sku", "ENV", "--name", "env", "--json", with_db=False))
    assert (tmp_path / "env.sqlite3").is_file()
    assert ok(cli("init", "--json", with_db=False))["database"] == str(
        tmp_path / "env.sqlite3")


def test_now_decides_which_orders_are_overdue(cli: Any, campaigns: Path) -> None:
    cli("campaign", "create", "--file", str(campaigns / "jd_star_earrings.json"))
    cli("order", "create", "--campaign", "1", "--sku", "EAR-STAR-01",
        "--now", "2026-11-06T12:00")
    cli("order", "transition", "1", "pay", "--now", "2026-11-06T12:01")
    # due 2026-11-25 23:59:59 Shanghai
    for now, total in (("2026-11-25T23:59", 0), ("2026-11-26T00:00", 1),
                       ("2026-11-25T16:00:00+00:00", 1), ("2026-11-25T15:00:00Z", 0)):
        listed = ok(cli("order", "list", "--overdue", "--json", "--now", now))
        assert listed["total"] == total, now
        assert [o["overdue"] for o in listed["orders"]] == [True] * total
    due = ok(cli("order", "list", "--due-hours", "24", "--json",
                  "--now", "2026-11-25T00:00"))
    assert due["total"] == 1
    assert ok(cli("order", "list", "--due-hours", "24", "--json",
                   "--now", "2026-11-24T00:00"))["total"] == 0
    r = cli("order", "list", "--now", "next tuesday")
    _one_error_line(r, "--now", "next tuesday")
    assert r.code == 2


def test_demo_then_reports(cli: Any) -> None:
    report = ok(cli("demo", "--orders", "300", "--seed", "7", "--now", NOW, "--json"))
    assert (report["orders"], report["campaigns"], report["products"]) == (300, 7, 11)
    assert report["supply_batches"] > 0

    overdue = ok(cli("order", "list", "--overdue", "--limit", "500", "--json", "--now", NOW))
    assert overdue["total"] > 0
    assert overdue["total"] == len(overdue["orders"])
    assert all(o["overdue"] and o["status"] in ("paid", "balance_paid")
               for o in overdue["orders"])
    deadlines = [o["ship_deadline"] for o in overdue["orders"]]
    assert deadlines == sorted(deadlines)
    assert all(d < "2026-11-22T04:00:00+00:00" for d in deadlines)
    # a day later more (or as many) orders are overdue; a month earlier fewer
    later = ok(cli("order", "list", "--overdue", "--json", "--now", "2026-11-23T12:00"))
    earlier = ok(cli("order", "list", "--overdue", "--json", "--now", "2026-10-22T12:00"))
    assert earlier["total"] < overdue["total"] <= later["total"]

    stock = ok(cli("stock", "--json"))
    assert len(stock) == 11
    for row in stock:
        assert set(row) == {"sku", "name", "location", "on_hand", "reserved", "committed",
                            "incoming", "available"}
        assert row["available"] == (row["on_hand"] + row["incoming"] - row["reserved"]
                                    - row["committed"])
    assert any(r["reserved"] for r in stock)
    assert any(r["incoming"] for r in stock)

    alloc = ok(cli("allocate", "--json", "--now", NOW))
    assert set(alloc) == {"allocated_units", "short", "applied"}
    assert alloc["applied"] is False
    units = alloc["allocated_units"]
    assert set(units) == {"stock", "batch"}
    assert 0 < units["stock"] <= sum(r["on_hand"] for r in stock)
    assert 0 < units["batch"] <= sum(r["incoming"] for r in stock)
    # with 300 orders every open order is covered (the e2e test sees the shortfalls)
    assert alloc["short"] == []

    again = cli("demo", "--orders", "10", "--now", NOW)
    _one_error_line(again, "already holds orders")


# --------------------------------------------------------------------------- errors

def test_errors_are_one_line_on_stderr(cli: Any, tmp_path: Path, campaigns: Path) -> None:
    _one_error_line(cli("campaign", "show", "99"), "no campaign #99")
    _one_error_line(cli("campaign", "quote", "99", "--sku", "X"), "#99")
    _one_error_line(cli("order", "show", "5"), "no order #5")
    _one_error_line(cli("supply", "receive", "3"), "no supply batch #3")
    _one_error_line(cli("stock", "adjust", "--sku", "NOPE", "--delta", "1"), "NOPE")

    missing = str(tmp_path / "missing.json")
    _one_error_line(cli("campaign", "create", "--file", missing), missing, "no such file")
    _one_error_line(cli("campaign", "check", "--file", missing), "no such file")

    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "name": "x",\n  "platform": douyin\n}\n', encoding="utf-8")
    line = _one_error_line(cli("campaign", "check", "--file", str(broken)))
    assert "line 3, column 15" in line
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    _one_error_line(cli("campaign", "create", "--file", str(binary)), "not a UTF-8")

    r = cli("order", "list", "--status", "paid,lost_in_mail")
    _one_error_line(r, "unknown status 'lost_in_mail'")
    assert r.code == 2

    cli("campaign", "create", "--file", str(campaigns / "douyin_down_jacket.json"))
    cli("order", "create", "--campaign", "1", "--sku", "YRF-001-BLK-M")
    r = cli("order", "transition", "1", "ship")
    _one_error_line(r, "cannot apply 'ship'", "awaiting_deposit")
    assert r.code == 1
    assert ok(cli("order", "show", "1", "--json"))["order"]["status"] == "awaiting_deposit"
    _one_error_line(cli("order", "transition", "1", "fly"), "'fly'")

    _one_error_line(cli("--db", str(tmp_path), "campaign", "list", with_db=False),
                    "cannot use the database")
    _one_error_line(cli("--db", "foo://nowhere", "campaign", "list", with_db=False),
                    "database URL")


def test_usage_errors_exit_2(cli: Any) -> None:
    with pytest.raises(SystemExit) as info:
        cli("campaign", "frobnicate")
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        cli("order", "create", "--campaign", "1", "--sku", "X", "--qty", "0")
    assert info.value.code == 2
