"""`presale wave …` and `presale print …` (issue 11 contract)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pdf_check import pages_text
from wave_shop import NOW, build_shop, order_no

from .helpers import Run, ok


def _shop(db: str, n: int = 4) -> dict[str, object]:
    from presale_engine.service import Service, fixed_clock
    from presale_engine.store import open_database

    d = open_database(db)
    try:
        return build_shop(Service(d, clock=fixed_clock(NOW), actor="test"), n)
    finally:
        d.dispose()


def test_wave_create_list_print_scan_ship(cli: Callable[..., Run], db: str,
                                          tmp_path: Path) -> None:
    shop = _shop(db)
    assert ok(cli("--json", "wave", "create", "--max", "3", "--carrier", "SF")) == {
        "wave": 1, "orders": 3, "lines": 3, "units": 6}
    assert ok(cli("wave", "create", "--platform", "douyin", "--json"))["orders"] == 1
    r = cli("wave", "create")
    assert r.code == 1
    assert "no orders are ready to ship" in r.err
    listed = ok(cli("--json", "wave", "list"))
    assert [(w["id"], w["orders"], w["status"]) for w in listed] == [(2, 1, "open"),
                                                                    (1, 3, "open")]
    for sheet in ("picklist", "slips", "manifest"):
        out = tmp_path / f"{sheet}.pdf"
        got = ok(cli("--json", "--lang", "en", "print", sheet, "--wave", "1", str(out),
                     "--label"))
        assert (got["sheet"], got["path"]) == (sheet, str(out))
        assert out.is_file()
    text = "".join(pages_text(tmp_path / "slips.pdf"))
    for i in (3, 2, 1):
        assert order_no(i) in text
    assert "Packing slip" in text
    report = tmp_path / "report.pdf"
    assert ok(cli("--json", "print", "report", "--campaign", str(shop["campaign"]),
                  str(report)))["pages"] >= 2
    assert "关键指标" in "".join(pages_text(report))
    scan = ok(cli("--json", "wave", "scan", "1", order_no(3)))
    assert (scan["kind"], scan["packed"], scan["next"]) == ("packed", 1, order_no(2))
    scan = ok(cli("--json", "wave", "scan", "1", "SF5550001", "--order", order_no(3)))
    assert (scan["kind"], scan["tracking_no"]) == ("tracking", "SF5550001")
    r = cli("wave", "scan", "1", "SF5550002")
    assert r.code == 1
    assert "Scan a slip first" in r.out
    shown = cli("wave", "show", "1")
    assert "printed slips (label, en" in shown.out
    sheet = tmp_path / "ship.xlsx"
    shipped = ok(cli("--json", "wave", "ship", "1", "--sheet", str(sheet)))
    assert (shipped["shipped"], shipped["released"], shipped["sheets"]) == (1, 2, [str(sheet)])
    assert sheet.is_file()
    assert cli("wave", "list", "--status", "shipped").out.count("shipped") == 1


def test_print_card_and_errors(cli: Callable[..., Run], db: str, tmp_path: Path) -> None:
    _shop(db, 1)
    assert ok(cli("--json", "print", "card", "谢谢 & <3")) == {"card": "谢谢 & <3"}
    assert cli("print", "card").out.strip() == "谢谢 & <3"
    assert ok(cli("--json", "print", "card", "--clear")) == {"card": ""}
    r = cli("print", "slips", "--wave", "9", str(tmp_path / "x.pdf"))
    assert (r.code, r.err.strip()) == (1, "presale: error: there is no wave #9")
    r = cli("--lang", "zh", "print", "slips", "--wave", "9", str(tmp_path / "x.pdf"))
    assert "没有波次 #9" in r.err
    with pytest.raises(SystemExit) as e:
        cli("wave", "create", "--max", "0")
    assert e.value.code == 2
