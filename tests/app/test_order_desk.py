"""The order desk and the inventory page, driven as a seller would (issue 10): sort by a
header, filters, search, jump to the end, bulk actions with their refusals and money,
the detail panel, a live refresh after another process changed the file, and supply
receive / delay / allocate."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from app.main_window import MainWindow


def _orders(window: MainWindow) -> Any:
    window.show_page("orders")
    page = window.orders
    page.reset_filter()
    return page


def _fill_visible(qtbot: Any, page: Any, rows: range) -> None:
    for r in rows:
        page.model.order_at(r)
    qtbot.waitUntil(lambda: all(page.model.order_at(r) is not None for r in rows),
                    timeout=5000)


def test_header_click_sorts_in_sql(qtbot: Any, window: MainWindow, svc: Any) -> None:
    page = _orders(window)
    col = page.model.columns.index("buyer")
    page.table.setColumnHidden(col, False)
    page.table.horizontalHeader().sectionClicked.emit(col)
    assert (page.model.query.sort, page.model.query.desc) == ("buyer", False)
    assert list(page.model.ids) == list(svc.orders.ids(sort="buyer"))
    _fill_visible(qtbot, page, range(20))
    buyers = [page.model.order_at(r).buyer for r in range(20)]
    assert buyers == sorted(buyers)
    page.table.horizontalHeader().sectionClicked.emit(col)  # again: descending
    assert page.model.query.desc
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # a computed column (paid) does not sort
    page.table.horizontalHeader().sectionClicked.emit(page.model.columns.index("paid"))
    assert page.model.query.sort == "buyer"


def test_filters_search_and_jump_to_the_end(qtbot: Any, window: MainWindow,
                                            svc: Any) -> None:
    from presale_engine.service import OrderFilter

    page = _orders(window)
    page.status_combo.set_checked({"balance_paid", "paid"})
    page.status_combo.activated.emit(1)
    page.platform_combo.setCurrentIndex(page.platform_combo.findData("douyin"))
    want = OrderFilter(statuses=("balance_paid", "paid"), platform="douyin")
    assert page.model.total == svc.orders.count(want) > 0
    assert page.status_combo.currentText() == "2 states"
    page.unpaid_check.setChecked(True)  # paid and unpaid at once: nothing
    assert page.model.total == 0
    assert page.count_label.text() == "No orders match"
    page.reset_filter()
    o = svc.orders.find(OrderFilter(statuses=["shipped"]), limit=1)[0]
    page.search.setText(o.tracking_no)
    page.search.returnPressed.emit()
    assert [page.model.id_at(r) for r in range(page.model.rowCount())] == [o.id]
    page.reset_filter()
    page.table.scrollToBottom()
    last = page.model.rowCount() - 1
    qtbot.waitUntil(lambda: page.model.order_at(last) is not None, timeout=5000)
    assert page.model.order_at(last).id == svc.orders.page(limit=1, reverse=True).rows[0].id


def test_saved_views_in_the_sidebar(qtbot: Any, window: MainWindow, svc: Any,
                                    shown: Any) -> None:
    from presale_engine.service import OrderFilter

    page = _orders(window)
    names = [page.views_list.item(i).text() for i in range(page.views_list.count())]
    assert names[:2] == ["All orders", "To ship today"]
    unpaid = names.index("Unpaid balances")
    page.views_list.itemClicked.emit(page.views_list.item(unpaid))
    assert page.unpaid_check.isChecked()
    assert page.model.total == svc.orders.count(OrderFilter(balance_unpaid=True))
    assert page.model.query.sort == "ordered_at"
    shown.answers["get_text"] = ("抖音 未付尾款", True)
    page.platform_combo.setCurrentIndex(page.platform_combo.findData("douyin"))
    page.ask_save_view()
    assert [v.name for v in svc.orders.views() if not v.builtin] == ["抖音 未付尾款"]
    assert page.views_list.item(page.views_list.count() - 1).text() == "抖音 未付尾款"
    page.reset_filter()
    page.views_list.itemClicked.emit(page.views_list.item(page.views_list.count() - 1))
    assert page.platform_combo.currentData() == "douyin"
    assert page.model.total == svc.orders.count(OrderFilter(balance_unpaid=True,
                                                             platform="douyin"))


def test_order_numbers_whole_columns_and_copy(qtbot: Any, window: MainWindow,
                                              svc: Any) -> None:
    page = _orders(window)
    long_no = "6917926768823643751"
    with svc.db.session() as s:
        from presale_engine.store.models import Order

        s.get(Order, page.model.id_at(0)).order_no = long_no
    page.refresh()
    _fill_visible(qtbot, page, range(3))
    col = page.model.columns.index("order_no")
    width = page.table.columnWidth(col)
    assert page.table.fontMetrics().horizontalAdvance(long_no) + 8 <= width
    assert page.model.data(page.model.index(0, col)) == long_no
    assert page.model.data(page.model.index(0, col), Qt.ItemDataRole.ToolTipRole) == long_no
    # the column chooser
    tags = page.model.columns.index("tags")
    assert page.table.isColumnHidden(tags)
    page.columns_menu.actions()[tags].setChecked(True)
    assert not page.table.isColumnHidden(tags)
    # copy: the selected rows' shown cells, order numbers whole
    page.table.selectRow(0)
    page.copy_selection()
    text = QApplication.clipboard().text()
    assert text.split("\t")[0] == long_no
    assert len(text.split("\t")) == len(page.visible_columns())


def test_bulk_ship_shows_money_and_refusals_then_applies(qtbot: Any, window: MainWindow,
                                                         svc: Any) -> None:
    from presale_engine.service import OrderFilter

    page = _orders(window)
    page.status_combo.set_checked({"balance_paid", "shipped"})
    page.status_combo.activated.emit(1)
    total = page.model.total
    owed = svc.orders.count(OrderFilter(statuses=["balance_paid"]))
    page.scope_combo.setCurrentIndex(page.scope_combo.findData("all"))
    dlg = page.start_bulk("ship")
    assert dlg.scope.text() == f"All {total:,} orders matching the filter"
    assert dlg.preview is not None
    assert dlg.preview.applied == owed
    assert dlg.refused_label.text().startswith(f"{total - owed:,} orders are skipped")
    assert dlg.refused.item(0, 1).text() == "already shipped"
    assert not dlg.confirm.isEnabled()  # no carrier yet
    dlg.carrier.setCurrentText("顺丰速运")
    dlg.refresh_preview()
    assert dlg.confirm.isEnabled()
    dlg.confirm.click()
    assert dlg.outcome is not None
    assert dlg.outcome.applied == owed
    assert svc.orders.count(OrderFilter(statuses=["balance_paid"])) == 0
    assert page.model.total == total  # the filter still holds them (now shipped)


def test_bulk_seller_cancel_shows_the_double_deposit(qtbot: Any, window: MainWindow,
                                                     svc: Any) -> None:
    from presale_engine.service import OrderFilter

    page = _orders(window)
    o = svc.orders.find(OrderFilter(statuses=["balance_paid"], kind="deposit"), limit=1)[0]
    page.search.setText(o.order_no)
    page.search.returnPressed.emit()
    page.table.selectRow(0)
    assert page.scope_combo.currentData() == "selection"
    dlg = page.start_bulk("seller_cancel")
    assert dlg.scope.text() == "1 selected order"
    expect = o.paid + o.deposit  # balance + deposit paid, and the deposit once more
    assert dlg.preview.totals[0].refund_total == expect
    shown = f"¥{expect:,}"
    assert shown in dlg.summary.text()
    dlg.confirm.click()
    assert svc.orders.get(o.id).status == "cancelled_by_seller"


def test_detail_panel(qtbot: Any, window: MainWindow, svc: Any, shown: Any) -> None:
    from presale_engine.service import OrderFilter

    page = _orders(window)
    o = svc.orders.find(OrderFilter(statuses=["balance_paid"], kind="deposit"), limit=1)[0]
    page.search.setText(o.order_no)
    page.search.returnPressed.emit()
    page.table.selectionModel().setCurrentIndex(
        page.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=3000)
    d = page.detail
    assert o.order_no in d.title.text()
    html = d.body.toPlainText()
    for text in ("Items", "Price", "Deposit", "Balance", "Payments and refunds", "History",
                 "Ship to", "A late shipment may cost"):
        assert text in html
    assert d.action_buttons["ship"].isVisible()
    assert not d.action_buttons["complete"].isVisible()
    assert d.actions_button.isEnabled()
    d.note_edit.setPlainText("Call before shipping")
    d.tags_edit.setText("vip，gift")
    d.save_button.click()
    got = svc.orders.get(o.id)
    assert (got.note, got.tags) == ("Call before shipping", ["vip", "gift"])
    qtbot.waitUntil(lambda: "Call before shipping" in page.detail.body.toPlainText()
                    or page.detail.note_edit.toPlainText() == "Call before shipping")


def test_live_refresh_after_another_process_keeps_the_selection(
        qtbot: Any, window: MainWindow, svc: Any, demo_path: Path) -> None:
    from presale_engine.service import OrderFilter

    page = _orders(window)
    page.status_combo.set_checked({"balance_paid"})
    page.status_combo.activated.emit(1)
    before = page.model.total
    assert before > 5
    keep = page.model.id_at(4)
    page.table.selectRow(4)
    gone = [page.model.id_at(r) for r in range(2)]
    # another program ships the first two orders of this view
    run = subprocess.run([sys.executable, "-m", "presale_engine.cli", "--db", str(demo_path),
                          "--now", "2026-11-22T12:00", "order", "bulk", "ship", "--carrier",
                          "SF", "--ids", ",".join(map(str, gone))],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    page.check_for_changes()  # what the 3-second poll does
    qtbot.waitUntil(lambda: page.model.total == before - 2, timeout=5000)
    assert page.model.total == svc.orders.count(OrderFilter(statuses=["balance_paid"]))
    assert page.selected_ids() == [keep]  # the same order stays selected
    assert page.model.id_at(2) == keep  # ... at its new place


def test_live_refresh_on_the_real_reader_thread(qtbot: Any, ctx: Any, threaded_ops: Any,
                                                svc: Any) -> None:
    """The application's reader thread: results come back queued; a note written
    elsewhere shows without a reload by hand."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.set_context(ctx)
    w.show_page("orders")
    page = w.orders
    qtbot.waitUntil(lambda: page.model.ids is not None, timeout=10000)
    tags = page.model.columns.index("tags")
    page.show_column(tags, True)
    oid = page.model.id_at(0)
    qtbot.waitUntil(lambda: page.model.order_at(0) is not None, timeout=5000)
    svc.orders.annotate(oid, tags=["urgent"])
    page.check_for_changes()
    qtbot.waitUntil(lambda: page.model.order_at(0) is not None
                    and page.model.order_at(0).tags == ["urgent"], timeout=10000)
    assert page.model.data(page.model.index(0, tags)) == "urgent"
    page.reader.stop()
    threaded_ops.wait_idle()


def test_countdown_repaints_every_minute(window: MainWindow, svc: Any, qtbot: Any) -> None:
    from datetime import timedelta

    from presale_engine.service import OrderFilter

    page = _orders(window)
    page.show_filter(OrderFilter(due_within_hours=48))
    _fill_visible(qtbot, page, range(1))
    o = page.model.order_at(0)
    col = page.model.columns.index("time_left")
    first = page.model.data(page.model.index(0, col))
    assert page.tick_timer.interval() == 60_000
    page.model.set_now(page.model.now + timedelta(minutes=61))  # what tick() does
    later = page.model.data(page.model.index(0, col))
    assert first != later
    page.model.set_now(o.ship_deadline + timedelta(minutes=1))
    assert page.model.data(page.model.index(0, col)).startswith("overdue")
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None


def test_inventory_receive_delay_allocate(qtbot: Any, window: MainWindow, svc: Any) -> None:
    from datetime import date

    window.show_page("inventory")
    page = window.inventory
    assert page.stock_model.rowCount() == len(svc.stock.products())
    proxy = page.stock_table.model()
    shown = [page.stock_model.row_at(proxy.mapToSource(proxy.index(r, 0)).row())
             for r in range(proxy.rowCount())]
    short = [p.short_orders + p.late_orders for p in shown]
    assert short == sorted(short, reverse=True)  # the problems sort first
    assert page.chart.flow is not None
    assert len(page.chart.flow.days) == 14

    # receive: stock moves into on hand through the ledger
    batch = svc.stock.supply()[0]
    page._select(page.supply_table, page.supply_model, lambda b: b.id == batch.id)
    dlg = page.receive_batch()
    dlg.qty.setValue(1)
    dlg.save_button.click()
    assert svc.stock.ledger(batch.sku)[-1].reason == "receive"
    assert [b.received for b in svc.stock.supply() if b.id == batch.id] == [1]

    # delay, with the late orders and their penalty shown before saving
    box = {p.sku: p for p in svc.stock.overview()}["XMAS-BOX-02"]
    svc.stock.adjust("XMAS-BOX-02", -box.on_hand, reason="damaged")
    gift = svc.stock.add_supply("XMAS-BOX-02", box.committed, date(2026, 11, 24))
    page.refresh()
    page._select(page.supply_table, page.supply_model, lambda b: b.id == gift.id)
    dlg = page.delay_batch()
    dlg.new_date.setDate(dlg.new_date.date().addDays(30))
    dlg.refresh_preview()
    assert dlg.preview is not None
    assert dlg.preview.late_orders > 0
    assert "orders become late" in dlg.summary.text()
    assert f"${8 * dlg.preview.late_orders}.00" in dlg.summary.text()
    assert dlg.late.rowCount() == dlg.preview.late_orders
    dlg.save_button.click()
    assert [b.expected for b in svc.stock.supply() if b.id == gift.id] == [
        date(2026, 12, 31)]  # the suggested week later, then 30 days more

    # allocate: what changes first, then apply
    dlg = page.allocate()
    assert dlg.plan is not None
    n = len(dlg.plan.changes)
    assert f"{len(dlg.plan.reserve):,} orders start holding stock" in dlg.summary.text()
    assert dlg.changes.rowCount() == n
    if n:
        dlg.save_button.click()
        assert svc.stock.allocation_plan().changes == []

    # adjust with a reason, then the ledger
    dlg = page.adjust_stock()
    dlg.sku.setCurrentText("SOCK-5P-01")
    dlg.delta.setValue(-3)
    dlg.reason.setCurrentIndex(dlg.reason.findData("damaged"))
    dlg.save_button.click()
    assert svc.stock.ledger("SOCK-5P-01")[-1].delta == -3
    page._select(page.stock_table, page.stock_model, lambda r: r.sku == "SOCK-5P-01")
    led = page.show_ledger()
    assert led.table.item(0, 1).text() == "-3"
    assert led.table.item(0, 3).text() == "Damaged"


def test_money_in_the_detail_is_exact(window: MainWindow, svc: Any, qtbot: Any) -> None:
    from presale_engine.service import OrderFilter

    page = _orders(window)
    o = svc.orders.find(OrderFilter(platform="tiktok", statuses=["paid"]), limit=1)[0]
    page.show_order(o.id)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=3000)
    assert page.detail.detail.paid == o.total
    assert "$8.00" in page.detail.body.toPlainText()  # TikTok: the late penalty
    assert Decimal(str(o.total)) == o.total


def test_the_desk_in_chinese(qtbot: Any, window: MainWindow, svc: Any) -> None:
    from app import i18n

    page = _orders(window)
    i18n.apply_language("zh_CN")
    assert page.heading.text() == "订单"
    assert page.actions_button.text() == "批量操作"
    assert page.views_list.item(1).text() == "今天要发货"
    col = page.model.columns.index("time_left")
    assert page.model.headerData(col, Qt.Orientation.Horizontal) == "剩余时间"
    assert page.detail.title.text() == "未选择订单"
    header = page.table.horizontalHeader()
    for i, key in enumerate(page.model.columns):  # no header cut after the switch
        if page.table.isColumnHidden(i):
            continue
        need = header.fontMetrics().horizontalAdvance(page.model.header(key))
        assert page.table.columnWidth(i) >= need, key
    dlg = page.start_bulk("balance_lapse")
    assert dlg.windowTitle() == "关闭未付尾款"
    assert dlg.confirm.text() == "确认：关闭未付尾款"
    window.show_page("inventory")
    assert window.inventory.allocate_button.text() == "分配…"
