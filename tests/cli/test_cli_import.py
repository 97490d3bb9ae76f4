"""`presale import orders|products|supply` in-process: JSON shapes, exit codes, options."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from .helpers import Run, ok

COUNT_KEYS = {"created", "updated", "unchanged", "rejected", "skipped_rows", "platform"}
SAMPLES = {
    "douyin_orders.xlsx": "douyin",
    "jd_orders.xlsx": "jd",
    "taobao_orders.csv": "taobao",
    "tiktok_orders.csv": "tiktok",
}



def order_count(cli: Callable[..., Run]) -> int:
    return int(ok(cli("--json", "order", "list", "--limit", "1"))["total"])


def bad_douyin(shared_data: Path, tmp_path: Path) -> Path:
    wb = openpyxl.load_workbook(shared_data / "douyin_orders.xlsx")
    ws = wb.worksheets[0]
    col = {c.value: c.column for c in ws[1]}
    ws.cell(5, col["商品数量"]).value = "两件"
    ws.cell(9, col["商品单价"]).value = "-899.00"
    ws.cell(13, col["订单提交时间"]).value = "2026-02-30 10:00:00"
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize(("file", "platform"), list(SAMPLES.items()))
def test_each_sample_imports_with_counts_as_json(cli: Callable[..., Run], shared_data: Path,
                                                 file: str, platform: str) -> None:
    data = ok(cli("--json", "import", "orders", str(shared_data / file)))
    assert set(data) >= COUNT_KEYS
    assert {k: data[k] for k in COUNT_KEYS} == {
        "created": 40, "updated": 0, "unchanged": 0, "rejected": 0, "skipped_rows": 0,
        "platform": platform}
    assert (data["kind"], data["file"], data["dry_run"]) == ("orders", file, False)
    again = ok(cli("--json", "import", "orders", str(shared_data / file), "--platform", platform))
    assert (again["created"], again["unchanged"]) == (0, 40)
    assert order_count(cli) == 40


def test_campaigns_first_then_orders_link(cli: Callable[..., Run], shared_data: Path) -> None:
    for path in sorted((shared_data / "campaigns").glob("*.json")):
        assert cli("campaign", "create", "--file", str(path)).code == 0
    data = ok(cli("--json", "import", "orders", str(shared_data / "taobao_orders.csv")))
    assert (data["created"], data["flagged"]) == (40, 1)
    orders = ok(cli("--json", "order", "list", "--limit", "100"))["orders"]
    assert {o["campaign_id"] for o in orders} == {3}
    first = next(o for o in orders if o["order_no"] == "3712450084159525624")
    assert (first["buyer"], first["total"], first["deposit"]) == ("月亮7404", "538.00", "60.00")


def test_human_output(cli: Callable[..., Run], shared_data: Path) -> None:
    r = cli("import", "orders", str(shared_data / "douyin_orders.xlsx"))
    assert r.code == 0
    assert "Imported douyin_orders.xlsx (douyin): 40 new, 0 updated, 0 unchanged" in r.out
    assert "Columns not used: 商品ID" in r.out
    assert "40 orders break a campaign rule" in r.out  # presale orders, no campaign yet
    assert r.err == ""  # progress only goes to a terminal


def test_refused_file_prints_the_errors_and_exits_non_zero(cli: Callable[..., Run],
                                                           shared_data: Path,
                                                           tmp_path: Path) -> None:
    path = bad_douyin(shared_data, tmp_path)
    r = cli("--json", "import", "orders", str(path))
    assert r.code == 1
    data = r.json
    assert [(e["row"], e["column"], e["value"], e["reason"]) for e in data["errors"]] == [
        (5, "商品数量", "两件", "not a whole number of items"),
        (9, "商品单价", "-899.00", "negative amount"),
        (13, "订单提交时间", "2026-02-30 10:00:00", "impossible date"),
    ]
    assert all(e["file"] == "bad.xlsx" for e in data["errors"])
    assert "nothing was imported" in data["error"]
    assert r.err.startswith("presale: error: bad.xlsx, row 5, 商品数量")
    assert order_count(cli) == 0
    human = cli("import", "orders", str(path))
    assert (human.code, human.out) == (1, "")
    assert "bad.xlsx, row 9, 商品单价: '-899.00' negative amount" in human.err


def test_valid_only_writes_the_rejects_workbook(cli: Callable[..., Run], shared_data: Path,
                                                tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.xlsx"
    data = ok(cli("--json", "import", "orders", str(bad_douyin(shared_data, tmp_path)),
                  "--valid-only", str(rejects)))  # fmt: skip
    assert (data["created"], data["rejected"], data["rejects_file"]) == (37, 3, str(rejects))
    rows = list(openpyxl.load_workbook(rejects).worksheets[0].iter_rows(values_only=True))
    assert [(r[0], r[1].split(":")[0]) for r in rows[1:]] == [
        (5, "商品数量"), (9, "商品单价"), (13, "订单提交时间")]
    assert order_count(cli) == 37


def test_dry_run_counts_and_changes_nothing(cli: Callable[..., Run], shared_data: Path) -> None:
    data = ok(cli("--json", "import", "orders", str(shared_data / "jd_orders.xlsx"),
                  "--dry-run"))  # fmt: skip
    assert (data["created"], data["dry_run"]) == (40, True)
    assert order_count(cli) == 0
    r = cli("import", "orders", str(shared_data / "jd_orders.xlsx"), "--dry-run")
    assert "Would import jd_orders.xlsx (jd): 40 new" in r.out


def test_unknown_status_lists_the_values(cli: Callable[..., Run], shared_data: Path,
                                         tmp_path: Path) -> None:
    text = (shared_data / "tiktok_orders.csv").read_text("utf-8-sig")
    path = tmp_path / "odd.csv"
    path.write_text(text.replace("Awaiting collection,Awaiting collection",
                                 "On hold,On hold", 1), "utf-8-sig")  # fmt: skip
    r = cli("--json", "import", "orders", str(path))
    assert r.code == 1
    assert r.json["unknown_statuses"] == ["On hold"]
    assert "unknown status values: On hold" in r.err


def test_hostile_file_is_one_clear_error(cli: Callable[..., Run], tmp_path: Path) -> None:
    pdf = tmp_path / "orders.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n%%EOF\n")
    r = cli("--json", "import", "orders", str(pdf))
    assert (r.code, r.out) == (1, "")
    assert r.err == "presale: error: orders.xlsx: this is a PDF document, not an Excel workbook\n"
    missing = cli("import", "orders", str(tmp_path / "nope.csv"))
    assert missing.code == 1
    assert "nope.csv: cannot open the file" in missing.err


def test_platform_option(cli: Callable[..., Run], shared_data: Path) -> None:
    r = cli("import", "orders", str(shared_data / "douyin_orders.xlsx"), "--platform", "jd")
    assert r.code == 1
    assert "missing required columns for 'jd'" in r.err
    ebay = cli("import", "orders", str(shared_data / "douyin_orders.xlsx"), "--platform", "ebay")
    assert ebay.code == 1
    assert "no order layout named 'ebay' (known: auto, douyin, jd, taobao, template, tiktok)" \
        in ebay.err


def test_products_and_supply(cli: Callable[..., Run], shared_data: Path) -> None:
    supply_first = cli("--json", "import", "supply", str(shared_data / "supply.xlsx"))
    assert supply_first.code == 1
    assert supply_first.json["errors"][0]["reason"].startswith("no product with this SKU")
    p = ok(cli("--json", "import", "products", str(shared_data / "products.xlsx")))
    assert {k: p[k] for k in COUNT_KEYS} == {
        "created": 7, "updated": 0, "unchanged": 0, "rejected": 0, "skipped_rows": 0,
        "platform": None}
    s = ok(cli("--json", "import", "supply", str(shared_data / "supply.xlsx")))
    assert (s["created"], s["unchanged"], s["kind"]) == (7, 0, "supply")
    again = ok(cli("--json", "import", "supply", str(shared_data / "supply.xlsx")))
    assert (again["created"], again["unchanged"]) == (0, 7)
    stock = {r["sku"]: r for r in ok(cli("--json", "stock"))}
    assert stock["ICE-200-WHT"]["on_hand"] == 40
    dry = ok(cli("--json", "import", "products", str(shared_data / "products.xlsx"),
                 "--dry-run"))  # fmt: skip
    assert (dry["unchanged"], dry["dry_run"]) == (7, True)


def test_a_saved_column_mapping_makes_a_shops_own_export_import(
        cli: Callable[..., Run], shared_data: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESALE_PRESETS_DIR", str(tmp_path / "mine"))
    wb = openpyxl.load_workbook(shared_data / "douyin_orders.xlsx")
    ws = wb.worksheets[0]
    col = {c.value: c.column for c in ws[1]}
    ws.cell(1, col["主订单编号"]).value = "订单号码"  # this shop's export says so
    ws.cell(3, col["订单状态"]).value = "已锁定"  # and has a state Douyin's layout lacks
    locked = str(ws.cell(3, col["主订单编号"]).value)
    path = tmp_path / "shop2.xlsx"
    wb.save(path)
    refused = cli("import", "orders", str(path))
    assert refused.code == 1
    assert "missing required columns" in refused.err

    saved = ok(cli("--json", "mapping", "save", "douyin_shop2", "--extends", "douyin",
                   "--column", "order_no=订单号码", "--status", "已锁定=balance_paid",
                   "--label", "抖店 二店"))  # fmt: skip
    assert saved["file"] == str(tmp_path / "mine" / "douyin_shop2.json")
    listed = ok(cli("--json", "mapping", "list"))["mappings"]
    mine = [m for m in listed if m["custom"]]
    assert [(m["name"], m["extends"], m["label"]) for m in mine] == [
        ("douyin_shop2", "douyin", "抖店 二店")]

    data = ok(cli("--json", "import", "orders", str(path)))
    assert (data["created"], data["platform"]) == (40, "douyin")
    listed_orders = ok(cli("--json", "order", "list", "--limit", "100"))["orders"]
    assert {o["status"] for o in listed_orders if o["order_no"] == locked} == {"balance_paid"}
    again = ok(cli("--json", "import", "orders", str(path), "--platform", "douyin_shop2"))
    assert again["unchanged"] == 40

    assert ok(cli("--json", "mapping", "delete", "douyin_shop2"))["name"] == "douyin_shop2"
    assert cli("import", "orders", str(path), "--dry-run").code == 1
    bad = cli("mapping", "save", "x", "--extends", "douyin", "--column", "order_numbr=A")
    assert bad.code == 1
    assert "unknown field 'order_numbr'" in bad.err
    usage = cli("mapping", "save", "x", "--extends", "douyin", "--status", "已锁定")
    assert usage.code == 2
    assert "--status expects NAME=VALUE" in usage.err


def test_dry_run_prints_the_preview_the_import_dialog_shows(cli: Callable[..., Run],
                                                            shared_data: Path,
                                                            tmp_path: Path) -> None:
    data = ok(cli("--json", "import", "orders", str(shared_data / "douyin_orders.xlsx"),
                  "--dry-run"))  # fmt: skip
    pv = data["preview"]
    assert (pv["kind"], pv["layout"], pv["detected"], pv["header_row"]) == (
        "orders", "douyin", "douyin", 1)
    fields = {c["header"]: c["field"] for c in pv["columns"]}
    assert (fields["主订单编号"], fields["商家编码"], fields["商品ID"]) == (
        "order_no", "sku", None)
    assert (pv["total_rows"], len(pv["rows"]), pv["errors"], pv["missing"]) == (40, 20, [], [])
    assert pv["rows"][0]["row"] == 2
    assert data["created"] == 40  # and what the import would do, as before
    # a file with bad rows: the preview names each row, column and reason, exit 1
    r = cli("--json", "import", "orders", str(bad_douyin(shared_data, tmp_path)), "--dry-run")
    assert r.code == 1
    assert [(e["row"], e["column"]) for e in r.json["preview"]["errors"]] == [
        (5, "商品数量"), (9, "商品单价"), (13, "订单提交时间")]
    human = cli("import", "orders", str(shared_data / "douyin_orders.xlsx"), "--dry-run")
    assert "layout douyin" in human.out
    assert "商家编码" in human.out
    assert "Would import douyin_orders.xlsx (douyin): 40 new" in human.out


def test_taobao_order_report_with_its_item_report(cli: Callable[..., Run],
                                                  tmp_path: Path) -> None:
    from export_layouts import TB_LINES, write_pair

    orders, items = write_pair(tmp_path, ".csv")
    # The order report alone has no SKUs: refused, saying which file to add.
    r = cli("--json", "import", "orders", str(orders))
    assert r.code == 1
    assert "item report (宝贝报表)" in r.err
    assert orders.name in r.err
    zh = cli("--lang", "zh", "import", "orders", str(orders))
    assert zh.code == 1
    assert "宝贝报表" in zh.err
    dry = cli("import", "orders", str(orders), "--dry-run")
    assert "add its item report (宝贝报表)" in dry.out
    # Both files: a dry run shows the joined preview, then the import.
    data = ok(cli("--json", "import", "orders", str(orders), str(items), "--dry-run"))
    assert (data["created"], data["dry_run"]) == (len(TB_LINES), True)
    pv = data["preview"]
    assert (pv["layout"], pv["items_file"], pv["needs"], pv["errors"]) == (
        "taobao", items.name, None, [])
    assert order_count(cli) == 0
    data = ok(cli("--json", "import", "orders", str(orders), str(items), "--platform", "taobao"))
    assert (data["created"], data["platform"]) == (len(TB_LINES), "taobao")
    assert order_count(cli) == len(TB_LINES)
