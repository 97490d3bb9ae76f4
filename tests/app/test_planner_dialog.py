"""The planner (issue 12), driven as a seller would: open it from the campaigns page,
add the plan's batch in one click, see the P&L of a late supply, write delay notices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.main_window import MainWindow


def _open(qtbot: Any, window: MainWindow, campaign_id: int) -> Any:
    window.show_page("campaigns")
    page = window.campaigns
    qtbot.waitUntil(lambda: page.select_campaign(campaign_id), timeout=10000)
    assert page.act_plan.isEnabled()
    page.act_plan.trigger()
    dlg = page.planner
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.plan is not None and dlg.pnl is not None, timeout=10000)
    return dlg


def test_the_plan_adds_its_supply_batch_in_one_click(qtbot: Any, window: MainWindow,
                                                     svc: Any) -> None:
    dlg = _open(qtbot, window, 2)
    dlg.safety.lineEdit().selectAll()
    qtbot.keyClicks(dlg.safety, "500")  # typing a safety stock reloads the plan
    qtbot.waitUntil(lambda: dlg.plan.safety == 500, timeout=10000)
    todo = [r for r, it in enumerate(dlg.plan.items) if it.to_make > 0]
    assert todo, "500 units of safety stock are more than stock and supply hold"
    row = todo[0]
    item = dlg.plan.items[row]
    assert dlg.plan_table.item(row, 0).text() == item.sku
    assert dlg.plan_table.item(row, 8).text() == f"{item.to_make:,}"
    assert item.sku in dlg.next_label.text()
    before = {b.id for b in svc.stock.supply()}
    with qtbot.waitSignal(dlg.supply_added, timeout=10000):
        qtbot.mouseClick(dlg.plan_table.cellWidget(row, 10), Qt.MouseButton.LeftButton)
    new = [b for b in svc.stock.supply() if b.id not in before]
    assert len(new) == 1
    added = new[0]
    assert (added.sku, added.qty, added.expected) == (item.sku, item.to_make, item.arrive_by)
    qtbot.waitUntil(lambda: next(i for i in dlg.plan.items if i.sku == item.sku).to_make == 0,
                    timeout=10000)
    assert not dlg.plan_table.cellWidget(row, 10).isEnabled()


def test_the_pnl_shows_the_cost_of_a_late_supply(qtbot: Any, window: MainWindow) -> None:
    dlg = _open(qtbot, window, 2)
    dlg.tabs.setCurrentIndex(1)
    last = dlg.pnl_table.rowCount() - 1
    assert dlg.pnl_table.item(last, 7).text().startswith("CN¥")
    assert dlg.pnl_table.item(last, 0).text() == "Total"
    dlg.late_days.setValue(20)
    qtbot.waitUntil(lambda: dlg.pnl.late is not None and dlg.pnl.late.days == 20,
                    timeout=10000)
    assert "20" in dlg.late_text.text()


def test_delay_notices_with_compensation_are_exported_and_noted(
        qtbot: Any, window: MainWindow, svc: Any, shown: Any, tmp_path: Path,
        monkeypatch: Any) -> None:
    dlg = _open(qtbot, window, 4)
    dlg.tabs.setCurrentIndex(2)
    dlg.purpose.setCurrentIndex(dlg.purpose.findData("delay"))
    assert dlg.compensation.isEnabled()
    dlg.msg_lang.setCurrentIndex(dlg.msg_lang.findData("en"))
    qtbot.waitUntil(lambda: "{compensation}" in dlg.template.toPlainText(), timeout=10000)
    qtbot.keyClicks(dlg.compensation, "5")
    qtbot.mouseClick(dlg.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.batch is not None, timeout=10000)
    n = len(dlg.batch.lines)
    assert n > 0
    assert dlg.msg_table.rowCount() == n
    assert f"${5 * n:,}.00 in all" in dlg.msg_summary.text()
    out = tmp_path / "delay.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(out), "")))
    with qtbot.waitSignal(dlg.exported, timeout=10000):
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    assert out.exists()
    first = dlg.batch.lines[0]
    assert svc.orders.history(first.order_id)[-1].event == "message"


def test_a_blind_box_shows_its_pool_on_the_campaign_page(qtbot: Any, window: MainWindow,
                                                        svc: Any, shared_data: Any) -> None:
    import json

    d = json.loads((shared_data / "campaigns" / "tiktok_gift_box.json").read_text("utf-8"))
    d["name"] = "Mystery box"
    d["items"] = [{"sku": "XMAS-MYSTERY", "price": "29.90", "blind_box": {"pool": [
        {"sku": "XMAS-BOX-01", "weight": 3}, {"sku": "XMAS-BOX-02", "weight": 1}]}}]
    cid = svc.campaigns.create(d)
    window.show_page("campaigns")
    page = window.campaigns
    page.refresh()
    qtbot.waitUntil(lambda: page.select_campaign(cid), timeout=10000)
    qtbot.waitUntil(lambda: "XMAS-MYSTERY" in page.detail.body.text(), timeout=10000)
    assert "blind box drawn from XMAS-BOX-01 75%, XMAS-BOX-02 25%" in page.detail.body.text()
