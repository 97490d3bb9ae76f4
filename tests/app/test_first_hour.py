"""Issue 13 (a seller's first hour): what a widget shows after the fixes.

One money formatter, dates with their year and zone, full-payment orders with what was
paid, the import's flagged orders, the wizard's blocker in words, empty states, plurals,
headers after a language switch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

APP = Path(__file__).resolve().parents[2] / "app"


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    from app import i18n

    i18n.apply_language("zh_CN")
    yield
    i18n.apply_language("en")


# ---------------------------------------------------------------- one money formatter
def test_money_is_written_by_the_engine_formatter_in_the_ui_language(qapp: Any) -> None:
    from app import display, i18n
    from presale_engine.messages import format_money

    assert display.money(Decimal("1299"), "CNY") == "CN¥1,299.00"  # en: ¥ alone reads as yen
    assert display.money(Decimal("39.9"), "USD") == "$39.90"
    assert display.money(Decimal("-5"), "CNY") == "-CN¥5.00"
    assert display.count(12345) == "12,345"
    i18n.apply_language("zh_CN")
    try:
        assert display.money(Decimal("1299"), "CNY") == "¥1,299.00"
        assert display.money(Decimal("39.9"), "USD") == "US$39.90"
        assert display.money(Decimal("1299"), "CNY") == format_money(Decimal("1299"), "CNY", "zh")
    finally:
        i18n.apply_language("en")
    assert display.money(None, "CNY") == ""


def test_the_wizard_writes_money_through_the_same_formatter(chinese: None) -> None:
    from app.wizards.common import money_str

    assert money_str(Decimal("1299"), "CNY") == "¥1,299.00"
    assert money_str(None, "CNY") == "—"


_HAND_MONEY = re.compile(r"""["'][¥￥$€£]|:,?\.2f\}|_SIGNS|_SYMBOLS""")


def test_no_money_is_formatted_by_hand_in_the_app() -> None:
    """Every amount goes through display.money (Babel): no currency signs or .2f here."""
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if _HAND_MONEY.search(code) and "effective_discount" not in code:
                offenders.append(f"{path.relative_to(APP)}:{n}: {line.strip()}")
    assert offenders == []


# ---------------------------------------------------------------- dates
def _campaign_row(**kw: Any) -> Any:
    from datetime import UTC, datetime

    from presale_engine.service import CampaignRow

    base = dict(id=1, name="c", platform="douyin", type="full", status="draft", currency="CNY",
                starts=datetime(2027, 10, 27, 16, tzinfo=UTC),
                ends=datetime(2027, 11, 7, 15, 59, tzinfo=UTC), skus=["A"], orders=0,
                units=0, deposits=Decimal("0"), next_ship_deadline=None,
                days_to_ship_deadline=None, timezone="Asia/Shanghai")
    base.update(kw)
    return CampaignRow(**base)


def _campaign_model(rows: list[Any]) -> Any:
    from zoneinfo import ZoneInfo

    from app.models.campaigns import CampaignTableModel

    model = CampaignTableModel()
    model.tz = ZoneInfo("Asia/Shanghai")
    model.this_year = 2026
    model.set_rows(rows)
    return model


def test_campaign_windows_show_the_year_and_a_foreign_zone(qapp: Any) -> None:
    from datetime import UTC, datetime

    next_year = _campaign_row()
    this_year = _campaign_row(starts=datetime(2026, 11, 1, 16, tzinfo=UTC),
                              ends=datetime(2026, 11, 11, 15, 59, tzinfo=UTC))
    la = _campaign_row(platform="tiktok", timezone="America/Los_Angeles",
                       starts=datetime(2026, 11, 1, 7, tzinfo=UTC),
                       ends=datetime(2026, 11, 26, 7, 59, tzinfo=UTC))
    model = _campaign_model([next_year, this_year, la])
    col = model.columns.index("window")
    assert model.data(model.index(0, col)) == "2027-10-28 – 2027-11-07"
    assert model.data(model.index(1, col)) == "11-02 – 11-11"
    # 07:00 UTC is midnight in Los Angeles: the window is in LA time and says so
    assert model.data(model.index(2, col)) == "11-01 – 11-25 (Los Angeles time)"
    assert "11-01 – 11-26" in model.data(model.index(2, col), 3)  # tooltip: shop time


def test_nothing_is_overdue_where_nothing_can_be_late(qapp: Any) -> None:
    from datetime import UTC, datetime

    draft = _campaign_row(days_to_ship_deadline=-9.0)  # its fixed ship date passed, no orders
    late = _campaign_row(id=2, orders=3, days_to_ship_deadline=-1.5,
                         next_ship_deadline=datetime(2026, 11, 20, tzinfo=UTC))
    model = _campaign_model([draft, late])
    col = model.columns.index("days")
    assert model.data(model.index(0, col)) == "—"
    assert "nothing can be late" in model.data(model.index(0, col), 3)
    assert model.data(model.index(0, col), 9) is None  # no red
    assert model.data(model.index(1, col)) == "overdue 1.5 d"
    assert model.data(model.index(1, col), 9) is not None


# ---------------------------------------------------------------- full payment
def test_a_full_payment_campaign_shows_what_was_paid_not_deposits(
        qapp: Any, svc: Any, sync_ops: Any) -> None:
    rows = svc.campaigns.all()
    full = next(r for r in rows if r.type == "full" and r.orders)
    deposit = next(r for r in rows if r.type == "deposit" and r.orders)
    model = _campaign_model([full, deposit])
    dep_col, paid_col = model.columns.index("deposits"), model.columns.index("paid")
    assert model.data(model.index(0, dep_col)) == ""
    assert full.paid > 0
    assert model.data(model.index(0, paid_col)) == f"CN¥{full.paid:,}"
    assert model.data(model.index(1, dep_col)) == f"CN¥{deposit.deposits:,}"
    assert deposit.paid >= deposit.deposits
    # the campaign's paid equals the desk's "Paid" column summed over its orders
    from presale_engine.service import OrderFilter

    orders = svc.orders.find(OrderFilter(campaign_id=full.id), limit=10_000)
    assert sum(o.paid for o in orders) == full.paid


# ---------------------------------------------------------------- import results
@pytest.fixture
def empty_window(qtbot: Any, empty_svc: Any, sync_ops: Any) -> Any:
    from app.context import DeskContext
    from app.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.set_context(DeskContext.for_service(empty_svc))
    return w


def test_import_lists_the_flagged_orders_and_opens_them_in_the_table(
        qtbot: Any, empty_window: Any, empty_svc: Any, shared_data: Path) -> None:
    from PySide6.QtCore import Qt

    w = empty_window
    w.import_orders(str(shared_data / "douyin_orders.xlsx"))
    dlg = w.import_dialog
    dlg.start_import()
    rep = dlg.report
    assert rep is not None
    assert rep.flagged == len(rep.flagged_orders) > 0
    assert dlg.flagged_view.isVisibleTo(dlg)
    m = dlg.flagged_model
    assert m.rowCount() == rep.flagged
    assert m.data(m.index(0, 0)) == rep.flagged_orders[0]["order_no"]
    assert m.data(m.index(0, 2)) == "No campaign"
    assert f"{rep.flagged} flagged order lines" in dlg.flagged_label.text()
    assert "No campaign: " in dlg.flagged_label.text()
    qtbot.mouseClick(dlg.show_flagged_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    page = w.orders
    assert w.current_page() is page
    qtbot.waitUntil(lambda: page.model.total == rep.flagged, timeout=3000)
    assert "Flagged by the import of douyin_orders.xlsx" in page.heading.text() + \
        page.count_label.text() + w.windowTitle() + _texts(page)


def _texts(widget: Any) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(lb.text() for lb in widget.findChildren(QLabel))


def test_import_into_a_draft_campaign_offers_to_activate_it(
        qtbot: Any, empty_window: Any, empty_svc: Any, shared_data: Path) -> None:
    import json

    from PySide6.QtCore import Qt

    definition = json.loads((shared_data / "campaigns" / "douyin_down_jacket.json")
                            .read_text("utf-8"))
    cid = empty_svc.campaigns.save_draft(definition)
    w = empty_window
    w.import_orders(str(shared_data / "douyin_orders.xlsx"))
    dlg = w.import_dialog
    dlg.start_import()
    assert not dlg.flagged_view.isVisibleTo(dlg)  # nothing flagged: no empty list
    [(label, button)] = dlg.result_page.draft_rows
    assert "40 order lines went to" in label.text()
    assert "still a draft" in label.text()
    assert button.text() == f"Activate “{definition['name']}”"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert empty_svc.campaigns.get(cid).status == "approved"
    assert "is active now" in label.text()
    assert not button.isVisibleTo(dlg)


def test_not_moved_back_is_explained(qtbot: Any, empty_window: Any, shared_data: Path) -> None:
    dlg_texts = []
    w = empty_window
    w.import_orders(str(shared_data / "douyin_orders.xlsx"))
    dlg = w.import_dialog
    dlg.start_import()
    dlg_texts.append(dlg.result_label.text())
    assert "Older, not moved back" in dlg.result_label.text()


# ---------------------------------------------------------------- the wizard
def test_the_wizard_says_in_words_which_sku_and_field_block_next(
        qtbot: Any, empty_svc: Any) -> None:
    from tests.app.test_campaign_wizard import (
        add_products,
        fill_basics,
        go_next,
        next_enabled,
        open_wizard,
        settle,
        type_into,
    )

    empty_svc.stock.add_product("XMAS-BOX-01", "Gift box", variant="red", platform="tiktok",
                                sales_30d=500)
    empty_svc.stock.add_product("XMAS-BOX-02", "Gift box", variant="gold", platform="tiktok",
                                sales_30d=400)
    w = open_wizard(qtbot, empty_svc)
    fill_basics(qtbot, w, platform="tiktok", name="Gift box presale", full=True)
    go_next(qtbot, w)
    add_products(qtbot, w, "XMAS")
    go_next(qtbot, w)
    page = w.pricing
    w.pricing.sku_list.setCurrentRow(0)
    type_into(qtbot, page.current_editor().price_edit, "39.9")
    settle(qtbot, w)
    assert not next_enabled(w)
    text = page.blocker.text()
    assert page.blocker.isVisibleTo(w)
    assert text.startswith("Next is not available until this is fixed:")
    first, other = (page.sku_list.item(r).text() for r in range(2))
    assert f"SKU {other} · price: Required" in text  # the SKU out of sight, its field
    assert f"SKU {first}" not in text
    assert "[" not in text  # no field path


# ---------------------------------------------------------------- empty states
def test_an_empty_shop_says_no_orders_yet_and_offers_the_first_steps(
        qtbot: Any, empty_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt

    w = empty_window
    w.show_page("orders")
    page = w.orders
    qtbot.waitUntil(lambda: page.empty_state.isVisible(), timeout=3000)
    assert page.empty_state.title.text() == "No orders yet"
    assert "Import an order export" in page.empty_state.body.text()
    assert page.empty_import.isVisible() and page.empty_demo.isVisible()  # noqa: PT018
    assert not page.empty_reset.isVisible()
    asked = []
    monkeypatch.setattr(w, "import_orders", lambda *a: asked.append("import"))
    monkeypatch.setattr(w, "open_demo", lambda *a, **k: asked.append("demo"))
    w.page_request("import")  # the button's signal goes here
    qtbot.mouseClick(page.empty_demo, Qt.MouseButton.LeftButton)
    assert asked == ["import", "demo"]
    # a filter that matches nothing is another story
    page.search.setText("no-such-order")
    page.show_filter(page.current_filter())
    qtbot.waitUntil(lambda: page.empty_state.title.text() == "No orders match this filter",
                    timeout=3000)
    assert page.empty_reset.isVisible()
    assert not page.empty_import.isVisible()


def test_an_empty_campaigns_page_offers_to_create_one(
        qtbot: Any, empty_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt

    w = empty_window
    w.show_page("campaigns")
    page = w.campaigns
    qtbot.waitUntil(lambda: page.empty_state.isVisible(), timeout=3000)
    assert page.empty_state.title.text() == "No campaigns yet"
    opened = []
    monkeypatch.setattr(page, "new_campaign", lambda: opened.append(True))
    qtbot.mouseClick(page.empty_new, Qt.MouseButton.LeftButton)
    assert opened == [True]


def test_empty_states_in_chinese(qtbot: Any, empty_window: Any, chinese: None) -> None:
    w = empty_window
    w.show_page("orders")
    qtbot.waitUntil(lambda: w.orders.empty_state.isVisible(), timeout=3000)
    assert w.orders.empty_state.title.text() == "还没有订单"
    assert w.orders.empty_import.text() == "导入订单…"
    w.show_page("campaigns")
    qtbot.waitUntil(lambda: w.campaigns.empty_state.isVisible(), timeout=3000)
    assert w.campaigns.empty_new.text() == "新建活动…"


# ---------------------------------------------------------------- plurals
def test_counts_use_plural_forms_in_english_and_chinese(qapp: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    from app import i18n

    def tr(ctx: str, text: str, n: int) -> str:
        return QCoreApplication.translate(ctx, text, "", n)

    i18n.apply_language("en")
    assert tr("OrdersPage", "%Ln order(s)", 1) == "1 order"
    assert tr("OrdersPage", "%Ln order(s)", 1159) == "1,159 orders"
    assert tr("BulkDialog", "%Ln selected order(s)", 2) == "2 selected orders"
    i18n.apply_language("zh_CN")
    try:
        assert tr("OrdersPage", "%Ln order(s)", 1159) == "共 1,159 个订单"
        assert tr("InventoryPage", "%Ln SKU(s)", 1) == "1 个 SKU"
    finally:
        i18n.apply_language("en")


def test_every_numerus_text_has_its_english_forms_and_chinese() -> None:
    """A %n text needs the English .ts (singular, plural) and a Chinese entry."""
    import xml.etree.ElementTree as ET

    folder = APP.parent / "resources" / "i18n"
    en = {(c.findtext("name"), m.findtext("source"))
          for c in ET.parse(folder / "plurals_en.ts").getroot().iter("context")
          for m in c.iter("message")
          if len(m.findall("translation/numerusform")) == 2}
    zh = {(c.findtext("name"), m.findtext("source"))
          for f in folder.glob("*_zh_CN.ts")
          for c in ET.parse(f).getroot().iter("context") for m in c.iter("message")
          if m.get("numerus") == "yes"}
    import ast

    used = set()
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                    node.func, "id", "")) in ("tr", "translate"):
                for arg in node.args[:2]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                            and re.search(r"%L?n", arg.value):
                        used.add(arg.value)
    in_en = {src for _c, src in en}
    in_zh = {src for _c, src in zh}
    assert sorted(used - in_en) == []
    assert sorted(used - in_zh) == []


# ---------------------------------------------------------------- layout
def test_no_header_is_cut_after_a_live_language_switch(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView, QTableView

    from app import i18n

    i18n.apply_language("zh_CN")  # the pages load, and size their columns, in Chinese
    window.refresh()
    for name in ("campaigns", "inventory", "alerts", "orders"):
        window.show_page(name)
        qtbot.wait(50)
    i18n.apply_language("en")  # then the seller switches to English
    qtbot.wait(50)  # sections sized to their contents are laid out on the next pass
    cut = []
    for view in window.findChildren(QTableView):
        model, header = view.model(), view.horizontalHeader()
        if model is None:
            continue
        fm = header.fontMetrics()
        for col in range(model.columnCount()):
            if view.isColumnHidden(col) or header.sectionResizeMode(col) in (
                    QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents):
                continue  # Qt sizes these itself
            text = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            if view.columnWidth(col) < fm.horizontalAdvance(text) + 12:
                cut.append(f"{type(view.parent()).__name__}: {text}")
    assert cut == []


def test_the_campaign_filter_opens_wide_enough_for_its_names(qtbot: Any, window: Any) -> None:
    window.show_page("orders")
    combo = window.orders.campaign_combo
    qtbot.waitUntil(lambda: combo.count() > 1, timeout=3000)
    fm = combo.view().fontMetrics()
    widest = max(fm.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.view().minimumWidth() >= widest
    combo.setCurrentIndex(combo.count() - 1)
    assert combo.toolTip() == combo.itemText(combo.count() - 1)


# ---------------------------------------------------------------- the screenshot set
def test_one_command_renders_the_screenshot_set(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from app import screenshots

    files = screenshots.render_all(tmp_path, langs=("zh",), sizes=((1024, 640),),
                                   only=lambda n: n in ("empty", "import"), demo_orders=60)
    names = {f.name for f in files}
    assert "empty_orders_zh_1024x640.png" in names
    assert "import_result_flagged_zh_1024x640.png" in names
    for f in files:
        img = QImage(str(f))
        assert img.width() <= 1024
        assert img.height() <= 640
