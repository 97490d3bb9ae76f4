"""`presale --lang zh|en`: findings worded from the engine's catalogue, in either language."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .helpers import ok

CJK = re.compile(r"[\u4e00-\u9fff]")
FIELD_PATH = re.compile(r"\b(items\[\d+\]|ship\.days|deposit_window|balance_window)\b")

# Names and SKUs in ASCII, so any Chinese in an English message would be a leak.
BAD = {
    "name": "Star earrings deposit", "platform": "douyin", "type": "deposit",
    "currency": "CNY", "timezone": "Asia/Shanghai",
    "deposit_window": {"start": "2026-11-05T00:00:00", "end": "2026-11-15T23:59:59"},
    "balance_window": {"start": "2026-11-18T00:00:00", "end": "2026-11-20T23:59:59"},
    "ship": {"mode": "after_payment", "days": 40},
    "items": [
        {"sku": "EAR-STAR-01", "price": "120.00", "list_price": "100.00", "deposit": "50.00",
         "cap": 1000},
        {"sku": "NOPE-1", "price": "80.00", "list_price": "90.00", "deposit": "10.00",
         "deposit_value": "5.00"},
        {"sku": "CAP-1", "price": "100.00", "list_price": "100.00", "deposit": "10.00",
         "cap": 500},
    ],
}
EXPECTED = {"ship_window_out_of_range", "price_above_list", "deposit_value_below_deposit",
            "balance_window_gap", "deposit_over_legal_cap", "unknown_sku", "no_real_discount",
            "cap_over_supply"}


@pytest.fixture
def bad_file(tmp_path: Path, cli: Any) -> Path:
    ok(cli("product", "add", "--sku", "CAP-1", "--name", "Cap", "--on-hand", "20", "--json"))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(BAD), encoding="utf-8")
    return path


def _findings(data: dict[str, Any]) -> list[dict[str, str]]:
    return [*data["errors"], *data["warnings"]]


def test_check_speaks_chinese_with_lang_zh_and_english_with_lang_en(cli: Any,
                                                                    bad_file: Path) -> None:
    zh = cli("--lang", "zh", "--json", "campaign", "check", "--file", str(bad_file))
    en = cli("--lang", "en", "--json", "campaign", "check", "--file", str(bad_file))
    assert zh.code == en.code == 1  # errors
    zh_items, en_items = _findings(json.loads(zh.out)), _findings(json.loads(en.out))
    assert {i["code"] for i in zh_items} >= EXPECTED
    assert [i["code"] for i in zh_items] == [i["code"] for i in en_items]
    for z, e in zip(zh_items, en_items, strict=True):
        assert CJK.search(z["message"]), z
        assert not FIELD_PATH.search(z["message"]), z
        assert not CJK.search(e["message"]), e
        assert z["message"] != e["message"]
    cap = next(i for i in zh_items if i["code"] == "cap_over_supply")
    assert "500" in cap["message"]
    assert "20" in cap["message"]


def test_human_output_and_errors_follow_lang(cli: Any, bad_file: Path) -> None:
    zh = cli("--lang", "zh", "campaign", "check", "--file", str(bad_file))
    line = next(x for x in zh.out.splitlines() if x.startswith("error: [price_above_list]"))
    assert "¥120.00" in line
    assert CJK.search(line)
    en = cli("--lang", "en", "campaign", "check", "--file", str(bad_file))
    assert "is above its list price" in en.out


def test_without_lang_the_locale_decides(cli: Any, bad_file: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    data = json.loads(cli("--json", "campaign", "check", "--file", str(bad_file)).out)
    assert all(CJK.search(i["message"]) for i in _findings(data))


def test_an_engine_error_is_worded_in_chinese_with_lang_zh(cli: Any, tmp_path: Path,
                                                          shared_data: Path) -> None:
    ok(cli("campaign", "create", "--file",
           str(shared_data / "campaigns" / "jd_star_earrings.json"), "--json"))
    oid = ok(cli("order", "create", "--campaign", "1", "--sku", "EAR-STAR-01", "--json"))["id"]
    r = cli("--lang", "zh", "order", "transition", str(oid), "ship")
    assert r.code == 1
    assert CJK.search(r.err)
    assert "ship" not in r.err.replace("presale: error:", "")
