"""`presale export …` end to end: files written, JSON shape, values read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from presale_engine.cli import main

NOW = "2026-11-22T12:00:00+08:00"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("exp") / "demo.sqlite3")
    assert main(["--db", db, "--now", NOW, "demo", "--orders", "1500"]) == 0
    return db


def _rows(path: Path) -> list[tuple[object, ...]]:
    wb = load_workbook(path, read_only=True)
    try:
        return list(wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()


def run(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["--db", db, "--now", NOW, "--json", *args]) == 0
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def test_export_overdue_orders_to_xlsx_has_exactly_the_overdue_rows(
        demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    count = run(demo_db, capsys, "order", "list", "--overdue", "--limit", "1")["total"]
    out = tmp_path / "overdue.xlsx"
    data = run(demo_db, capsys, "export", "orders", str(out), "--overdue", "--lang", "en")
    assert data["rows"] == count
    assert data["format"] == "xlsx"
    rows = _rows(out)
    assert len(rows) == 1 + int(str(count))
    no_col = next(i for i, h in enumerate(rows[0]) if str(h).lower().startswith("order no"))
    assert all(isinstance(r[no_col], str) and len(r[no_col]) >= 12 for r in rows[1:])


def test_export_orders_csv_in_gb18030(demo_db: str, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "orders.csv"
    data = run(demo_db, capsys, "export", "orders", str(out), "--campaign", "1",
               "--encoding", "gb18030")
    total = run(demo_db, capsys, "order", "list", "--campaign", "1", "--limit", "1")["total"]
    assert data["rows"] == total
    with out.open(encoding="gb18030", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 1 + int(str(total))
    assert any("羽绒服" in cell for cell in rows[1])


def test_export_summary_ship_sheet_and_reminders(demo_db: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    summary = tmp_path / "summary.xlsx"
    data = run(demo_db, capsys, "export", "summary", "--campaign", "1", str(summary))
    wb = load_workbook(summary, read_only=True)
    names = wb.sheetnames
    wb.close()
    assert len(names) >= 4
    assert data["sheets"] == names

    ship = tmp_path / "ship.xlsx"
    data = run(demo_db, capsys, "export", "ship-sheet", "--platform", "douyin", str(ship),
               "--shipped-since", "2026-11-01T00:00")
    assert int(str(data["rows"])) > 0
    header = _rows(ship)[0]
    assert "订单号" in " ".join(str(h) for h in header)

    rem = tmp_path / "remind.xlsx"
    data = run(demo_db, capsys, "export", "reminders", "--campaign", "2", str(rem))
    unpaid = run(demo_db, capsys, "order", "list", "--campaign", "2", "--status",
                 "deposit_paid,awaiting_balance", "--limit", "1")["total"]
    assert data["rows"] == unpaid


def test_export_summary_of_an_unknown_campaign_is_one_clear_error(
        demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code = main(["--db", demo_db, "export", "summary", "--campaign", "99",
                 str(tmp_path / "x.xlsx")])
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("presale: error:")
    assert "Traceback" not in err
    assert not (tmp_path / "x.xlsx").exists()
