"""The campaign wizard, driven as a seller drives it: typing, clicking, picking.

Each test runs on its own SQLite file with the clock fixed at 2026-10-10 12:00 Shanghai
time. ASCII is typed with ``qtbot.keyClicks``; Chinese goes in with ``setText`` (typing
it aborts the process, see PLATFORM_NOTES.md).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt, QTranslator
from PySide6.QtWidgets import QMessageBox, QSpinBox, QWidget, QWizard

from app.wizards import CampaignWizard
from app.wizards.common import PAGE_PRICING, PAGE_REVIEW, MoneyEdit
from app.wizards.schedule_page import to_qdatetime
from presale_engine.campaigns import parse_definition
from presale_engine.errors import CampaignInvalid, ValidationResult
from presale_engine.service import Service, fixed_clock
from presale_engine.store import open_database

# QWizard resizes its top-level window; the offscreen platform says it cannot pass that on.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOW = datetime(2026, 10, 10, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
REPO = Path(__file__).resolve().parents[2]
TS_FILE = REPO / "resources" / "i18n" / "wizard_zh_CN.ts"
JACKETS = ("YRF-001-BLK-M", "YRF-001-BLK-L", "YRF-001-WHT-M")
NEXT = QWizard.WizardButton.NextButton
BACK = QWizard.WizardButton.BackButton
FINISH = QWizard.WizardButton.FinishButton
CANCEL = QWizard.WizardButton.CancelButton


# --------------------------------------------------------------------------- fixtures

@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    db = open_database(f"sqlite:///{tmp_path / 'wizard.sqlite3'}")
    svc = Service(db, clock=fixed_clock(NOW), actor="test")
    for sku, variant in zip(JACKETS, ("黑色 M", "黑色 L", "白色 M"), strict=True):
        svc.stock.add_product(sku, "星河羽绒服", variant=variant, platform="douyin", on_hand=300,
                        sales_30d=200)
    svc.stock.add_product("EAR-STAR-01", "闪星 925银耳钉", platform="jd", on_hand=500,
                    sales_30d=2000)
    svc.stock.add_product("ICE-200-WHT", "雪峰碎冰机", platform="taobao", on_hand=500,
                    sales_30d=800)
    svc.stock.add_product("XMAS-BOX-01", "Starlight gift box", variant="red", platform="tiktok",
                    sales_30d=500)
    svc.stock.add_product("XMAS-BOX-02", "Starlight gift box", variant="gold", platform="tiktok",
                    sales_30d=400)
    svc.stock.add_product("SCF-002-RED", "羊绒围巾", variant="红色", on_hand=60,
                    list_price=Decimal("399.00"))
    yield svc
    db.dispose()


@pytest.fixture
def sample(shared_data: Path) -> Any:
    def load(name: str) -> dict[str, Any]:
        return json.loads((shared_data / "campaigns" / name).read_text("utf-8"))
    return load


def open_wizard(qtbot: Any, service: Service, definition: dict[str, Any] | None = None,
                **kwargs: Any) -> CampaignWizard:
    w = CampaignWizard(service, definition=definition, **kwargs)
    w.confirm_discard = False  # teardown closes the wizard: no question box then
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def settle(qtbot: Any, w: CampaignWizard) -> None:
    """Wait for the debounced engine check of the last change."""
    qtbot.waitUntil(lambda: not w.check_pending(), timeout=3000)


def click(qtbot: Any, w: CampaignWizard, which: QWizard.WizardButton) -> None:
    button = w.button(which)
    assert button.isVisible(), button.text()
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tick(qtbot: Any, button: Any) -> None:
    """Click a check box or radio button on its indicator, where a user clicks."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def go_next(qtbot: Any, w: CampaignWizard) -> None:
    settle(qtbot, w)
    before = w.currentId()
    click(qtbot, w, NEXT)
    assert w.currentId() == before + 1


def go_back(qtbot: Any, w: CampaignWizard, steps: int = 1) -> None:
    for _ in range(steps):
        click(qtbot, w, BACK)


def type_into(qtbot: Any, edit: QWidget, text: str) -> None:
    """Replace a field's text the way a user does: select all, type."""
    target = edit.lineEdit() if isinstance(edit, QSpinBox) else edit
    target.setFocus()
    target.selectAll()
    qtbot.keyClick(target, Qt.Key.Key_Delete)
    qtbot.keyClicks(target, text)


def pick(combo: Any, code: str) -> None:
    i = combo.findData(code)
    assert i >= 0, code
    combo.setCurrentIndex(i)


def next_enabled(w: CampaignWizard) -> bool:
    return w.button(NEXT).isEnabled()


def fill_basics(qtbot: Any, w: CampaignWizard, *, platform: str = "douyin",
                name: str = "星河羽绒服 双11定金预售", full: bool = False) -> None:
    pick(w.basics.platform_combo, platform)
    w.basics.name_edit.setText(name)
    tick(qtbot, w.basics.full_radio if full else w.basics.deposit_radio)
    settle(qtbot, w)


def add_products(qtbot: Any, w: CampaignWizard, search: str) -> None:
    page = w.sku_page
    type_into(qtbot, page.search_edit, search)
    page.product_view.selectAll()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, w)


def set_window(editor: Any, start: str, end: str) -> None:
    editor.start.setDateTime(to_qdatetime(datetime.fromisoformat(start)))
    editor.end.setDateTime(to_qdatetime(datetime.fromisoformat(end)))


def issue_text(label: Any) -> str:
    return label.text() if label.isVisibleTo(label.window()) else ""


# --------------------------------------------------------------------------- the main path

def test_douyin_deposit_campaign_from_first_page_to_finish(qtbot: Any,
                                                           service: Service) -> None:
    w = open_wizard(qtbot, service)
    assert w.currentId() == 0
    settle(qtbot, w)
    assert not next_enabled(w), "no name yet"
    assert "name" in w.basics.slots["name"].text()

    fill_basics(qtbot, w)
    pick(w.basics.purpose_combo, "test")
    # Nothing is chosen or priced yet: those pages' problems must not block this one.
    assert {i.field for i in w.check_result.errors} >= {"items"}
    assert next_enabled(w)
    assert "7–30" in w.basics.rules_label.text()
    go_next(qtbot, w)

    # ---- SKUs: the filter follows the platform; the search narrows it
    page = w.sku_page
    assert page.platform_filter.currentData() == "douyin"
    assert not next_enabled(w)
    add_products(qtbot, w, "BLK")
    assert page.skus() == ["YRF-001-BLK-L", "YRF-001-BLK-M"]
    hint = page.table.cellWidget(0, page.COL_HINT).text()
    assert "100–140" in hint
    assert "200" in hint
    type_into(qtbot, page.spins[0], "100")
    type_into(qtbot, page.spins[1], "120")
    settle(qtbot, w)
    assert [r.cap for r in page.rows] == [100, 120]
    assert all(not lb.issues for lb in page.row_labels)
    type_into(qtbot, page.spins[1], "150")  # above 70 % of 200 sold
    settle(qtbot, w)
    assert page.row_labels[1].kind() == "warning"
    assert "140" in page.row_labels[1].text()
    type_into(qtbot, page.spins[1], "120")
    go_next(qtbot, w)

    # ---- prices: deposit 200 on 899 is over the legal cap: a warning with the figures
    pricing = w.pricing
    assert pricing.current_sku() == "YRF-001-BLK-L"
    ed = pricing.current_editor()
    assert ed is not None
    assert not ed.deposit_box.isHidden()
    type_into(qtbot, ed.price_edit, "899")
    type_into(qtbot, ed.deposit_edit, "200")
    settle(qtbot, w)
    cap_issue = ed.slots["deposit"]
    assert cap_issue.kind() == "warning"
    assert "179.80" in cap_issue.text()
    assert "20.20" in cap_issue.text()
    assert "179.80" in ed.cap_label.text()
    assert "20.20" in ed.excess_label.text()
    assert "20.20" in ed.deposit_edit.toolTip()
    qtbot.mouseClick(pricing.copy_button, Qt.MouseButton.LeftButton)
    settle(qtbot, w)
    other = pricing.editors["YRF-001-BLK-M"]
    assert other.deposit_edit.text() == "200.00"
    assert other.slots["deposit"].kind() == "warning"
    assert next_enabled(w), "a warning does not block"
    go_next(qtbot, w)

    # ---- schedule: ship window checked against Douyin's 7-30 days, 7-15 recommended
    sched = w.schedule
    assert sched.timezone() == "Asia/Shanghai"
    assert "7–30" in sched.range_label.text()
    assert "7–15" in sched.range_label.text()
    assert not sched.sale_window.isVisibleTo(w)
    set_window(sched.deposit_window, "2026-10-20T00:00:00", "2026-10-31T23:59:59")
    assert sched.balance_window.start.dateTime() == to_qdatetime(
        datetime(2026, 11, 1)), "the balance window follows the deposit window"
    sched.balance_window.end.setDateTime(to_qdatetime(datetime(2026, 11, 3, 23, 59, 59)))
    type_into(qtbot, sched.days_spin, "35")
    settle(qtbot, w)
    assert sched.ship_issue.kind() == "error"
    assert "7–30" in sched.ship_issue.text()
    assert "35" in sched.ship_issue.text()
    assert "35" in sched.days_spin.toolTip()
    assert not next_enabled(w)
    type_into(qtbot, sched.days_spin, "20")
    settle(qtbot, w)
    assert sched.ship_issue.kind() == "warning"
    assert "7–15" in sched.ship_issue.text()
    assert next_enabled(w)
    type_into(qtbot, sched.days_spin, "10")
    settle(qtbot, w)
    assert not sched.ship_issue.issues
    assert "尾款支付后10天内发货" in sched.promise_label.text()
    go_next(qtbot, w)

    # ---- limits
    lim = w.limits
    type_into(qtbot, lim.limit_spin, "2")
    tick(qtbot, lim.reservation_radios["reserve_stock"])
    go_next(qtbot, w)

    # ---- review: the deposit warnings must be acknowledged before Finish
    review = w.review
    settle(qtbot, w)
    assert review.ack_check.isVisibleTo(w)
    assert not w.button(FINISH).isEnabled()
    assert "179.80" in review.summary.toPlainText()
    tick(qtbot, review.ack_check)
    assert w.button(FINISH).isEnabled()

    # ---- go back and fix the deposit: 50 counting as 150, 20 off the balance
    go_back(qtbot, w, 3)
    assert w.currentId() == 2
    type_into(qtbot, ed.deposit_edit, "50")
    type_into(qtbot, ed.value_edit, "150")
    type_into(qtbot, ed.discount_edit, "20")
    qtbot.mouseClick(pricing.copy_button, Qt.MouseButton.LeftButton)
    settle(qtbot, w)
    assert not ed.slots["deposit"].issues
    assert "×3" in ed.expansion_label.text()
    total_row = [ed.quote_table.item(r, 0).text() for r in range(ed.quote_table.rowCount())]
    assert total_row == ["CN¥899.00", "CN¥50.00", "CN¥150.00", "CN¥20.00", "CN¥729.00",
                         "CN¥779.00",
                         "13.35%"]
    for _ in range(3):
        go_next(qtbot, w)
    settle(qtbot, w)
    assert not review.ack_check.isVisibleTo(w), "no warnings left"
    assert review.promise_zh.text() == "预售商品，尾款支付后10天内发货"
    assert review.promise_en.text() == ("Pre-order item, ships within 10 days after the "
                                        "balance is paid")
    assert service.campaigns.all() == [], "nothing is saved before Finish"
    with qtbot.waitSignal(w.campaignSaved) as saved:
        click(qtbot, w, FINISH)
    assert w.created_id is not None
    assert saved.args == [w.created_id]
    assert w.result() == QWizard.DialogCode.Accepted

    exported = service.campaigns.definition(w.created_id)
    assert exported["name"] == "星河羽绒服 双11定金预售"
    assert (exported["platform"], exported["type"], exported["purpose"]) == (
        "douyin", "deposit", "test")
    assert exported["items"] == [
        {"sku": "YRF-001-BLK-L", "price": "899.00", "deposit": "50.00",
         "deposit_value": "150.00", "balance_discount": "20.00", "cap": 100},
        {"sku": "YRF-001-BLK-M", "price": "899.00", "deposit": "50.00",
         "deposit_value": "150.00", "balance_discount": "20.00", "cap": 120},
    ]
    assert exported["deposit_window"] == {"start": "2026-10-20T00:00:00",
                                          "end": "2026-10-31T23:59:59"}
    assert exported["balance_window"] == {"start": "2026-11-01T00:00:00",
                                          "end": "2026-11-03T23:59:59"}
    assert exported["ship"] == {"mode": "after_payment", "days": 10}
    assert (exported["timezone"], exported["reservation"], exported["per_buyer_limit"],
            exported["audience"]) == ("Asia/Shanghai", "reserve_stock", 2, "everyone")
    detail = service.campaigns.get(w.created_id)
    assert detail.status == "approved"  # no approval step (the default): active on Finish
    assert str(detail.campaign.item("YRF-001-BLK-M").pricing.deposit_value) == "150.00"


# --------------------------------------------------------------------------- exclusivity

def test_sku_already_in_an_overlapping_campaign_shows_on_its_row(
        qtbot: Any, service: Service, sample: Any) -> None:
    existing = sample("douyin_down_jacket.json")
    existing["deposit_window"] = {"start": "2026-10-11T00:00:00", "end": "2026-10-31T23:59:59"}
    cid = service.campaigns.create(existing)

    w = open_wizard(qtbot, service)
    fill_basics(qtbot, w, name="Second jacket presale")
    go_next(qtbot, w)
    add_products(qtbot, w, "WHT")
    row = w.sku_page.row_labels[0]
    # No price typed yet, and still the clash shows at once.
    assert row.kind() == "error"
    assert f"#{cid}" in row.text()
    assert existing["name"] in row.text()
    assert "sku_in_overlapping_campaign" in {i.code for i in w.check_result.errors}
    assert not next_enabled(w)

    # Another platform is no clash (exclusivity is per shop platform).
    go_back(qtbot, w)
    pick(w.basics.platform_combo, "jd")
    settle(qtbot, w)
    assert not any(i.code == "sku_in_overlapping_campaign" for i in w.check_result.errors)
    pick(w.basics.platform_combo, "douyin")
    go_next(qtbot, w)
    settle(qtbot, w)
    assert w.sku_page.row_labels[0].kind() == "error"
    remove = w.sku_page.table.cellWidget(0, w.sku_page.COL_REMOVE)
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    add_products(qtbot, w, "SCF")  # a scarf nobody presells yet
    assert w.sku_page.skus() == ["SCF-002-RED"]
    assert not w.sku_page.row_labels[0].issues
    assert next_enabled(w)


def test_a_later_window_change_that_clashes_blocks_until_fixed(
        qtbot: Any, service: Service, sample: Any) -> None:
    service.campaigns.create(sample("douyin_down_jacket.json"))  # Oct 20 - Nov 3
    w = open_wizard(qtbot, service)
    fill_basics(qtbot, w)
    go_next(qtbot, w)
    add_products(qtbot, w, "BLK-M")
    # the default windows (Oct 11-23) already overlap; move them after the other one
    assert not next_enabled(w)
    w.sku_page.remove_sku("YRF-001-BLK-M")
    add_products(qtbot, w, "SCF")
    go_next(qtbot, w)
    ed = w.pricing.current_editor()
    type_into(qtbot, ed.price_edit, "399")
    type_into(qtbot, ed.deposit_edit, "39")
    go_next(qtbot, w)
    assert next_enabled(w)
    # Add the clashing SKU later through the SKU page: the schedule page lists it.
    go_back(qtbot, w, 2)
    add_products(qtbot, w, "BLK-M")
    assert not next_enabled(w)
    set_window(w.schedule.deposit_window, "2026-11-10T00:00:00", "2026-11-20T23:59:59")
    w.schedule.balance_window.end.setDateTime(to_qdatetime(datetime(2026, 11, 23, 23, 59, 59)))
    settle(qtbot, w)
    assert not w.sku_page.row_labels[1].issues
    assert w.sku_page.row_labels[0].issues == [], "the scarf is clean"


# --------------------------------------------------------------------------- variants

def test_full_payment_hides_the_deposit_fields(qtbot: Any, service: Service) -> None:
    w = open_wizard(qtbot, service)
    fill_basics(qtbot, w, platform="jd", name="Star earrings full payment", full=True)
    go_next(qtbot, w)
    add_products(qtbot, w, "EAR")
    go_next(qtbot, w)
    ed = w.pricing.current_editor()
    assert ed.deposit_box.isHidden()
    assert not ed.deposit_box.isVisibleTo(w)
    hidden_rows = [r for r in range(ed.quote_table.rowCount()) if ed.quote_table.isRowHidden(r)]
    assert hidden_rows == [1, 2, 3, 4]
    type_into(qtbot, ed.price_edit, "19.9")
    settle(qtbot, w)
    assert ed.quote_table.item(5, 0).text() == "CN¥19.90"  # en: CN¥ (¥ alone is yen)
    go_next(qtbot, w)
    sched = w.schedule
    assert sched.sale_window.isVisibleTo(w)
    assert not sched.deposit_window.isVisibleTo(w)
    assert not sched.balance_window.isVisibleTo(w)
    assert sched.mode_combo.itemData(0) == "after_payment"
    assert "balance" not in sched.mode_combo.itemText(0)
    set_window(sched.sale_window, "2026-11-05T00:00:00", "2026-11-15T23:59:59")
    pick(sched.mode_combo, "fixed_date")
    assert sched.date_edit.isVisibleTo(w)
    assert not sched.days_spin.isVisibleTo(w)
    sched.date_edit.setDate(QDate(2026, 11, 25))
    settle(qtbot, w)
    # 20 days from the first payment to the ship date: allowed, not recommended
    assert sched.ship_issue.kind() == "warning"
    go_next(qtbot, w)
    go_next(qtbot, w)
    settle(qtbot, w)
    assert not w.button(FINISH).isEnabled()
    tick(qtbot, w.review.ack_check)
    assert w.review.promise_zh.text() == "预售商品，2026年11月25日前发货"
    defn = w.definition()
    assert "deposit" not in defn["items"][0]
    assert "deposit_window" not in defn
    assert "balance_window" not in defn
    click(qtbot, w, FINISH)
    exported = service.campaigns.definition(w.created_id)
    assert exported["type"] == "full"
    assert exported["items"] == [{"sku": "EAR-STAR-01", "price": "19.90", "cap": 1000}]
    assert exported["sale_window"] == {"start": "2026-11-05T00:00:00",
                                       "end": "2026-11-15T23:59:59"}
    assert exported["ship"] == {"mode": "fixed_date", "date": "2026-11-25"}


def test_tiers_editor_produces_the_tier_list(qtbot: Any, service: Service) -> None:
    w = open_wizard(qtbot, service)
    fill_basics(qtbot, w, platform="taobao", name="Ice machine tiers")
    go_next(qtbot, w)
    add_products(qtbot, w, "ICE")
    go_next(qtbot, w)
    ed = w.pricing.current_editor()
    type_into(qtbot, ed.price_edit, "299")
    tick(qtbot, ed.tiers_radio)
    assert ed.price_edit.isHidden() or not ed.price_edit.isVisibleTo(w)
    tiers = ed.tiers
    assert tiers.tiers() == [(1, "299.00")], "the first tier starts from the fixed price"
    qtbot.mouseClick(tiers.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tiers.add_button, Qt.MouseButton.LeftButton)
    assert [mu for mu, _ in tiers.tiers()] == [1, 101, 201]
    type_into(qtbot, tiers.spin(1), "100")
    type_into(qtbot, tiers.price_edit(1), "279")
    type_into(qtbot, tiers.spin(2), "50")  # out of order: an error on that tier
    type_into(qtbot, tiers.price_edit(2), "259")
    type_into(qtbot, ed.deposit_edit, "30")
    type_into(qtbot, ed.value_edit, "60")
    settle(qtbot, w)
    tier_issue = ed.slots["tiers"]
    assert tier_issue.kind() == "error"
    assert tier_issue.text().startswith("Tier 3:")
    assert not next_enabled(w)
    type_into(qtbot, tiers.spin(2), "300")
    settle(qtbot, w)
    assert not tier_issue.issues
    assert next_enabled(w)
    heads = [ed.quote_table.horizontalHeaderItem(c).text()
             for c in range(ed.quote_table.columnCount())]
    assert heads == ["From 1 sold", "From 100 sold", "From 300 sold"]
    assert [ed.quote_table.item(5, c).text() for c in range(3)] == [
        "CN¥269.00", "CN¥249.00", "CN¥229.00"]
    # remove the middle tier, then add it back
    remove = tiers.table.cellWidget(1, 2)
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert tiers.tiers() == [(1, "299.00"), (300, "259.00")]
    qtbot.mouseClick(tiers.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, tiers.spin(2), "600")
    type_into(qtbot, tiers.price_edit(2), "249")
    settle(qtbot, w)
    item = w.definition()["items"][0]
    assert item["tiers"] == [{"min_units": 1, "price": "299.00"},
                             {"min_units": 300, "price": "259.00"},
                             {"min_units": 600, "price": "249.00"}]
    assert item["price"] == "299.00"
    for _ in range(3):
        go_next(qtbot, w)
    click(qtbot, w, FINISH)
    stored = service.campaigns.definition(w.created_id)["items"][0]
    assert stored["tiers"] == item["tiers"]


def test_deposit_worth_less_than_the_deposit_blocks_next(qtbot: Any,
                                                         service: Service) -> None:
    w = open_wizard(qtbot, service)
    fill_basics(qtbot, w)
    go_next(qtbot, w)
    add_products(qtbot, w, "WHT")
    go_next(qtbot, w)
    ed = w.pricing.current_editor()
    type_into(qtbot, ed.price_edit, "899")
    type_into(qtbot, ed.deposit_edit, "100")
    type_into(qtbot, ed.value_edit, "50")
    settle(qtbot, w)
    assert ed.slots["deposit_value"].kind() == "error"
    assert "100.00" in ed.slots["deposit_value"].text()
    assert not next_enabled(w)
    type_into(qtbot, ed.value_edit, "900")  # worth more than the price
    settle(qtbot, w)
    assert "899.00" in ed.slots["deposit_value"].text()
    assert not next_enabled(w)
    type_into(qtbot, ed.value_edit, "300")
    settle(qtbot, w)
    assert not ed.slots["deposit_value"].issues
    assert next_enabled(w)
    icon_ok = w.pricing.sku_list.item(0).icon()
    assert not icon_ok.isNull()


def test_a_sku_removed_and_added_again_keeps_its_prices(qtbot: Any,
                                                        service: Service) -> None:
    w = open_wizard(qtbot, service)
    fill_basics(qtbot, w)
    go_next(qtbot, w)
    add_products(qtbot, w, "WHT")
    go_next(qtbot, w)
    ed = w.pricing.current_editor()
    type_into(qtbot, ed.price_edit, "899")
    type_into(qtbot, ed.deposit_edit, "50")
    go_back(qtbot, w)
    w.sku_page.remove_sku("YRF-001-WHT-M")
    settle(qtbot, w)
    assert not next_enabled(w)
    assert w.pricing.editors == {}
    add_products(qtbot, w, "WHT")
    go_next(qtbot, w)
    again = w.pricing.current_editor()
    assert again is not ed
    assert (again.price_edit.text(), again.deposit_edit.text()) == ("899.00", "50.00")
    assert next_enabled(w)


def test_money_fields_take_digits_and_two_decimals_only(qtbot: Any) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "12.345")
    assert edit.text() == "12.34"
    edit.clear()
    qtbot.keyClicks(edit, "-1a9,9")
    assert edit.text() == "199"
    edit.editingFinished.emit()
    assert edit.text() == "199.00"
    assert edit.amount() == Decimal("199.00")
    edit.set_currency("VND")  # no minor unit
    edit.clear()
    qtbot.keyClicks(edit, "12.5")
    assert edit.text() == "125"


def test_tiktok_defaults_to_los_angeles_and_dollars(qtbot: Any, service: Service) -> None:
    w = open_wizard(qtbot, service)
    fill_basics(qtbot, w, platform="tiktok", name="Gift box", full=True)
    assert w.basics.currency() == "USD"
    assert w.basics.profile_combo.isVisibleTo(w)
    assert w.schedule.timezone() == "America/Los_Angeles"
    assert w.schedule.range_label.text().startswith("TikTok Shop allows 3–30 days")
    pick(w.basics.profile_combo, "tiktok_us")
    settle(qtbot, w)
    assert w.definition()["profile"] == "tiktok_us"
    assert "3–60" in w.schedule.range_label.text()
    pick(w.basics.platform_combo, "douyin")
    settle(qtbot, w)
    assert not w.basics.profile_combo.isVisibleTo(w)
    assert "profile" not in w.definition()
    assert (w.basics.currency(), w.schedule.timezone()) == ("CNY", "Asia/Shanghai")


# --------------------------------------------------------------------------- pre-filling

@pytest.mark.parametrize("name", ["douyin_down_jacket.json", "jd_star_earrings.json",
                                  "taobao_ice_machine.json", "tiktok_gift_box.json"])
def test_prefill_from_a_sample_file_reads_back_the_same_campaign(
        qtbot: Any, service: Service, sample: Any, name: str) -> None:
    service.shop.update_settings(require_approval=True)  # stored as the draft it was read as
    defn = sample(name)
    w = open_wizard(qtbot, service, defn)
    settle(qtbot, w)
    assert parse_definition(w.definition())[0] == parse_definition(defn)[0]
    assert w.basics.name_edit.text() == defn["name"]
    assert w.sku_page.skus() == [i["sku"] for i in defn["items"]]
    for _ in range(5):
        go_next(qtbot, w)
    if w.review.ack_check.isVisibleTo(w):
        tick(qtbot, w.review.ack_check)
    click(qtbot, w, FINISH)
    direct = parse_definition(defn)[0]
    assert service.campaigns.get(w.created_id).campaign == direct


def test_prefill_shows_tiers_and_deposit_terms(qtbot: Any, service: Service,
                                               sample: Any) -> None:
    w = open_wizard(qtbot, service, sample("taobao_ice_machine.json"))
    ed = w.pricing.editors["ICE-200-WHT"]
    assert ed.is_tiered()
    assert ed.tiers.tiers() == [(1, "299.00"), (100, "279.00"), (300, "259.00")]
    assert (ed.deposit_edit.text(), ed.value_edit.text()) == ("30.00", "60.00")
    assert w.sku_page.spins[0].value() == 400
    assert w.limits.reservation_radios["reserve_stock"].isChecked()
    assert w.schedule.deposit_window.start.dateTime() == to_qdatetime(
        datetime(2026, 10, 24, 20, 0))
    assert w.schedule.days_spin.value() == 7


def test_edit_mode_updates_without_clashing_with_itself(qtbot: Any, service: Service,
                                                        sample: Any) -> None:
    cid = service.campaigns.create(sample("douyin_down_jacket.json"))
    w = open_wizard(qtbot, service, campaign_id=cid)  # loads the stored campaign itself
    assert w.windowTitle() == "Edit presale campaign"
    assert w.sku_page.skus() == list(JACKETS)
    assert w.button(FINISH).text() == "Save changes"
    settle(qtbot, w)
    assert w.check_result.ok, w.check_result.errors
    for _ in range(3):
        go_next(qtbot, w)
    type_into(qtbot, w.schedule.days_spin, "12")
    for _ in range(2):
        go_next(qtbot, w)
    click(qtbot, w, FINISH)
    assert w.created_id == cid
    assert service.campaigns.definition(cid)["ship"] == {"mode": "after_payment", "days": 12}
    assert len(service.campaigns.all()) == 1


# --------------------------------------------------------------------------- leaving

def test_cancel_saves_nothing(qtbot: Any, service: Service,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def answer(parent: Any, title: str, text: str, *args: Any) -> Any:
        asked.append(title)
        return answers.pop(0)

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", answer)
    w = open_wizard(qtbot, service)
    w.confirm_discard = True
    fill_basics(qtbot, w)
    go_next(qtbot, w)
    add_products(qtbot, w, "BLK-M")
    click(qtbot, w, CANCEL)
    assert w.isVisible(), "the user chose to keep editing"
    click(qtbot, w, CANCEL)
    assert not w.isVisible()
    assert w.result() == QWizard.DialogCode.Rejected
    assert len(asked) == 2
    assert w.created_id is None
    assert service.campaigns.all() == []


def test_untouched_wizard_cancels_without_asking(qtbot: Any, service: Service,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: pytest.fail("should not ask"))  # pragma: no cover
    w = open_wizard(qtbot, service)
    w.confirm_discard = True
    click(qtbot, w, CANCEL)
    assert not w.isVisible()
    assert service.campaigns.all() == []


def test_refused_save_shows_the_errors_and_stays(qtbot: Any, service: Service,
                                                 sample: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    w = open_wizard(qtbot, service, sample("douyin_down_jacket.json"))
    for _ in range(5):
        go_next(qtbot, w)
    refused = ValidationResult()
    refused.error("sku_in_overlapping_campaign", "items[0].sku", "clash")

    def create(defn: Any) -> int:
        raise CampaignInvalid(refused)

    monkeypatch.setattr(service.campaigns, "create", create)
    click(qtbot, w, FINISH)
    assert w.isVisible()
    assert w.currentId() == 5
    assert w.created_id is None
    assert w.review.save_error.kind() == "error"
    assert "Not saved" in w.review.save_error.text()
    assert "overlaps" in w.review.save_error.text()


def test_copy_buttons_put_the_promise_on_the_clipboard(qtbot: Any, service: Service,
                                                       sample: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    w = open_wizard(qtbot, service, sample("douyin_down_jacket.json"))
    for _ in range(5):
        go_next(qtbot, w)
    qtbot.mouseClick(w.review.copy_zh, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "预售商品，尾款支付后10天内发货"
    qtbot.mouseClick(w.review.copy_en, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("Pre-order item, ships within 10")


# --------------------------------------------------------------------------- Chinese

def _lrelease() -> str:
    import sys

    here = Path(sys.executable).parent / "pyside6-lrelease"
    return str(here) if here.exists() else (shutil.which("pyside6-lrelease") or "")


@pytest.fixture
def chinese(tmp_path: Path) -> Iterator[None]:
    tool = _lrelease()
    if not tool:
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "wizard_zh_CN.qm"
    subprocess.run([tool, "-silent", str(TS_FILE), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_wizard_string_has_a_chinese_translation() -> None:
    import xml.etree.ElementTree as ET

    root = ET.parse(TS_FILE).getroot()
    messages = root.findall("./context/message")
    assert len(messages) > 150
    missing = []
    for m in messages:
        tr = m.find("translation")
        if (tr is None or not (tr.text or "").strip() or tr.get("type") in
                ("unfinished", "obsolete", "vanished")):
            missing.append(m.findtext("source"))
    assert missing == []


@pytest.mark.usefixtures("chinese")
def test_the_wizard_speaks_chinese(qtbot: Any, service: Service) -> None:
    w = open_wizard(qtbot, service)
    assert w.windowTitle() == "新建预售活动"
    assert w.basics.platform_combo.itemText(0) == "淘宝/天猫"
    assert [w.basics.platform_combo.itemText(i) for i in range(5)] == [
        "淘宝/天猫", "京东", "抖音", "TikTok Shop", "其他渠道"]
    fill_basics(qtbot, w)
    go_next(qtbot, w)
    add_products(qtbot, w, "BLK-M")
    go_next(qtbot, w)
    ed = w.pricing.current_editor()
    type_into(qtbot, ed.price_edit, "899")
    type_into(qtbot, ed.deposit_edit, "200")
    settle(qtbot, w)
    assert "179.80" in ed.slots["deposit"].text()
    assert "定金" in ed.slots["deposit"].text()
    go_next(qtbot, w)
    assert w.schedule.range_label.text() == "抖音允许 7–30 天，建议 7–15 天"
    type_into(qtbot, w.schedule.days_spin, "35")
    settle(qtbot, w)
    assert w.schedule.ship_issue.text() == "抖音允许 7–30 天，本次承诺 35 天"


# --------------------------------------------------------------------------- screenshots

def test_screenshots_of_every_page_in_both_languages(qtbot: Any, tmp_path: Path) -> None:
    """Renders the 12 screenshots (``python -m app.wizards.screenshots`` for docs/)."""
    from app.wizards import screenshots

    if screenshots.load_cjk_font() is None:
        pytest.skip("no CJK font installed (fonts-wqy-microhei)")
    if not _lrelease():
        pytest.skip("pyside6-lrelease is not installed")
    files = screenshots.render_all(tmp_path)
    assert [f.name for f in files] == [
        f"wizard_{n}_{slug}_{lang}.png" for lang in ("zh", "en")
        for n, slug in enumerate(screenshots.PAGE_SLUGS, start=1)]
    from PySide6.QtGui import QImage

    for f in files:
        img = QImage(str(f))
        assert (img.width(), img.height()) == screenshots.SIZE, f.name


def test_the_review_page_shows_the_pnl_and_follows_a_price_change(
        qtbot: Any, service: Service, sample: Any) -> None:
    """Issue 12: the P&L preview on the review page, live with the prices."""
    w = open_wizard(qtbot, service, sample("douyin_down_jacket.json"))
    while w.currentId() < PAGE_REVIEW:
        go_next(qtbot, w)
    review = w.review
    settle(qtbot, w)
    pnl = review.pnl_view.pnl
    assert pnl is not None
    assert [i.units for i in pnl.items] == [120, 100, 60]  # the caps
    before = review.pnl_view.margin_text()
    assert before.startswith("CN¥")  # English: CN¥, as the engine writes yuan
    # 899 with 50 worth 150 and 20 off: a buyer pays 779; 85 % of 120 deposits pay it
    first = pnl.items[0]
    assert first.unit_price == Decimal("779.00")
    assert first.paid_units == 102
    go_back(qtbot, w, PAGE_REVIEW - PAGE_PRICING)
    type_into(qtbot, w.pricing.editors["YRF-001-BLK-M"].price_edit, "999")
    while w.currentId() < PAGE_REVIEW:
        go_next(qtbot, w)
    settle(qtbot, w)
    assert review.pnl_view.pnl.items[0].unit_price == Decimal("879.00")
    assert review.pnl_view.margin_text() != before
