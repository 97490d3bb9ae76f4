"""The order desk in the engine (SQLite and PostgreSQL): every sortable column sorted in
SQL with keyset pages that agree with the ordered ids, the filters and search, saved
views, the change token, the detail view, bulk actions with their money, and supply
delay / update / allocation plans."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from presale_engine.demo import generate_demo
from presale_engine.errors import InputError
from presale_engine.service import SORT_KEYS, OrderFilter

ORDERS = 600


@pytest.fixture
def demo(svc: Any) -> Any:
    generate_demo(svc, orders=ORDERS)
    return svc


def _walk(svc: Any, f: OrderFilter | None, key: str, desc: bool, size: int) -> list[int]:
    got: list[int] = []
    cursor = None
    while True:
        page = svc.orders.page(f, sort=key, desc=desc, after=cursor, limit=size)
        got += [o.id for o in page.rows]
        cursor = page.cursor
        if cursor is None:
            return got


def _python_order(svc: Any, key: str, desc: bool, f: OrderFilter | None = None) -> list[int]:
    """The sort done by hand: empty values last either way, ties by id."""
    from presale_engine.store.order_query import KIND_ORDER, STATUS_ORDER

    rows = svc.orders.find(f, limit=None)
    attr = {"campaign": "campaign_id"}.get(key, key)

    def value(o: Any) -> Any:
        v = getattr(o, attr)
        if key == "status":
            return STATUS_ORDER.index(v)
        if key == "kind":
            return KIND_ORDER.index(v)
        if key in ("flags", "tags"):
            return ",".join(v)
        return v

    def empty(o: Any) -> bool:
        v = value(o)
        return v is None or v == ""

    full = sorted((o for o in rows if not empty(o)), key=lambda o: (value(o), o.id),
                  reverse=desc)
    rest = sorted((o for o in rows if empty(o)), key=lambda o: o.id, reverse=desc)
    return [o.id for o in full + rest]


@pytest.mark.parametrize("desc", [False, True])
def test_every_sortable_column_pages_and_ids_agree(demo: Any, desc: bool) -> None:
    for key in SORT_KEYS:
        ids = list(demo.orders.ids(sort=key, desc=desc))
        assert len(ids) == ORDERS
        assert _walk(demo, None, key, desc, 97) == ids, key
        tail = demo.orders.page(sort=key, desc=desc, limit=25, reverse=True)
        assert [o.id for o in tail.rows] == ids[-25:], key
        if key not in ("flags", "tags", "updated_at", "recipient"):
            assert ids == _python_order(demo, key, desc), key


def test_sort_under_a_filter_and_unknown_column(demo: Any) -> None:
    f = OrderFilter(statuses=["balance_paid", "shipped", "paid"])
    ids = list(demo.orders.ids(f, sort="buyer"))
    assert ids == _python_order(demo, "buyer", False, f)
    assert _walk(demo, f, "buyer", False, 50) == ids
    # several states by deadline: one walk per state, merged (same order, same pages)
    for f in (OrderFilter(statuses=["awaiting_deposit", "balance_paid", "deposit_paid"]),
              OrderFilter(balance_unpaid=True), OrderFilter(campaign_id=1)):
        for desc in (False, True):
            ids = list(demo.orders.ids(f, desc=desc))
            assert ids == _python_order(demo, "ship_deadline", desc, f)
            assert _walk(demo, f, "ship_deadline", desc, 41) == ids
            tail = demo.orders.page(f, desc=desc, limit=30, reverse=True)
            assert [o.id for o in tail.rows] == ids[-30:]
    with pytest.raises(InputError, match="cannot be sorted by 'colour'"):
        demo.orders.page(sort="colour")


def test_filters_of_the_desk(demo: Any) -> None:
    svc = demo
    now = svc.now()
    owed = {"balance_paid", "paid"}
    due_by = now + timedelta(days=1)
    rows = svc.orders.find(OrderFilter(due_by=due_by), limit=None)
    assert rows
    assert all(o.status in owed and o.ship_deadline <= due_by for o in rows)
    unpaid = svc.orders.find(OrderFilter(balance_unpaid=True), limit=None)
    assert unpaid
    assert {o.status for o in unpaid} <= {"deposit_paid", "awaiting_balance"}
    assert svc.orders.count(OrderFilter(kind="normal")) == sum(
        o.kind == "normal" for o in svc.orders.find(limit=None))
    some = svc.orders.find(limit=3)
    assert [o.id for o in svc.orders.find(OrderFilter(ids=[some[1].id]))] == [some[1].id]
    with svc.db.session() as s:
        from presale_engine.store.models import Order

        s.get(Order, some[0].id).flags = "over_cap,outside_window"
        s.get(Order, some[2].id).flags = "no_campaign"
    assert {o.id for o in svc.orders.find(OrderFilter(flags=["outside_window"]))} == {
        some[0].id}
    assert {o.id for o in svc.orders.find(OrderFilter(flags=["no_campaign", "over_cap"]))
            } == {some[0].id, some[2].id}


def test_search_by_the_start_of_any_of_five_fields(demo: Any) -> None:
    svc = demo
    o = svc.orders.find(OrderFilter(statuses=["shipped"]), limit=1)[0]
    with svc.db.session() as s:
        from presale_engine.store.models import Order

        row = s.get(Order, o.id)
        row.recipient = "林小姐"
    for text in (o.order_no, o.order_no[:9], o.tracking_no, "林小", f"  {o.order_no}\t"):
        found = {x.id for x in svc.orders.find(OrderFilter(search=text), limit=None)}
        assert o.id in found, text
    by_buyer = svc.orders.find(OrderFilter(search=o.buyer), limit=None)
    assert by_buyer
    assert all(x.buyer.startswith(o.buyer) for x in by_buyer)
    by_sku = svc.orders.count(OrderFilter(search="XMAS-BOX"))
    assert by_sku == sum(x.sku.startswith("XMAS-BOX") for x in svc.orders.find(limit=None))
    assert svc.orders.count(OrderFilter(search="%")) == 0  # no wildcards
    # a selective filter sorts its own rows (SQLite: "+column"): same order, same pages
    f = OrderFilter(search="buyer1")
    for key in ("ship_deadline", "status", "buyer", "tracking_no"):
        for desc in (False, True):
            ids = list(svc.orders.ids(f, sort=key, desc=desc))
            assert ids == _python_order(svc, key, desc, f), key
            assert _walk(svc, f, key, desc, 7) == ids, key


def test_change_token_moves_on_every_kind_of_change(demo: Any) -> None:
    svc = demo
    t0 = svc.orders.change_token()
    assert svc.orders.change_token() == t0
    svc.orders.annotate(1, note="hello")
    t1 = svc.orders.change_token()
    assert t1 != t0
    svc.stock.adjust("SOCK-5P-01", 1, reason="found")
    t2 = svc.orders.change_token()
    assert t2 != t1
    batch = svc.stock.supply()[0]
    svc.stock.update_supply(batch.id, note="call the factory")
    assert svc.orders.change_token() != t2


def test_detail_view(demo: Any) -> None:
    svc = demo
    o = svc.orders.find(OrderFilter(statuses=["balance_paid"], campaign_id=1), limit=1)[0]
    d = svc.orders.detail(o.id)
    assert d.order.id == o.id
    assert d.campaign
    assert d.product
    assert [ln.id for ln in d.lines] == [o.id]
    p = d.price
    assert p.deposit_value == Decimal("150.00") * o.qty
    assert p.balance_discount == Decimal("20.00") * o.qty
    assert p.deposit + p.balance == p.total
    assert [x.kind for x in d.payments] == ["deposit", "balance"]
    assert d.paid == p.total
    assert d.refunded == 0
    assert set(d.next_events) == {"ship", "refund", "seller_cancel"}
    assert d.late_penalty == d.paid  # Douyin: no fixed penalty, the paid amount is at risk
    tiktok = svc.orders.find(OrderFilter(platform="tiktok", statuses=["paid"]), limit=1)[0]
    td = svc.orders.detail(tiktok.id)
    assert (td.late_penalty, td.penalty_currency) == (Decimal("8.00"), "USD")


def test_bulk_applies_the_state_machine_in_one_transaction(demo: Any) -> None:
    svc = demo
    f = OrderFilter(statuses=["balance_paid", "awaiting_balance", "shipped"], campaign_id=1)
    rows = svc.orders.find(f, limit=None)
    dry = svc.orders.bulk("seller_cancel", filter=f, dry_run=True)
    assert svc.orders.find(f, limit=None) == rows  # nothing written
    shipped = {o.id for o in rows if o.status == "shipped"}
    assert {r.id for r in dry.refused} == shipped
    assert {r.reason for r in dry.refused} == {"already_shipped"}
    assert dry.applied == len(rows) - len(shipped)
    # refund = what was paid + the deposit once more (its legal part; 50 < 20 % of 899)
    expect = sum((o.paid + (o.deposit if o.deposit_paid_at else 0)
                  for o in rows if o.status != "shipped"), Decimal(0))
    [cny] = dry.totals
    assert (cny.currency, cny.refund_total, cny.forfeited_total) == ("CNY", expect, 0)
    done = svc.orders.bulk("seller_cancel", filter=f)
    assert done.as_contract() == dry.as_contract()
    after = svc.orders.find(OrderFilter(ids=done.applied_ids), limit=None)
    assert {o.status for o in after} == {"cancelled_by_seller"}
    assert {e.event for e in svc.orders.history(done.applied_ids[0])} >= {"seller_cancel"}
    assert svc.shop.audit_log(1)[0]["action"] == "orders.bulk"


def test_bulk_lapse_forfeits_deposits_and_ship_moves_stock(demo: Any) -> None:
    svc = demo
    f = OrderFilter(balance_unpaid=True)
    rows = svc.orders.find(f, limit=None)
    res = svc.orders.bulk("balance_lapse", filter=f)
    assert res.applied == len(rows)
    assert res.totals[0].forfeited_total == sum((o.deposit for o in rows), Decimal(0))
    owed = svc.orders.find(OrderFilter(statuses=["paid"], sku="EAR-STAR-01"), limit=5)
    before = {p.sku: p.on_hand for p in svc.stock.products()}["EAR-STAR-01"]
    res = svc.orders.bulk("ship", ids=[o.id for o in owed], carrier="京东物流",
                          tracking={owed[0].order_no: "JD1"})
    assert res.applied == 1
    assert {r.reason for r in res.refused} == {"no_tracking_number"}
    after = {p.sku: p.on_hand for p in svc.stock.products()}["EAR-STAR-01"]
    assert after == before - owed[0].qty
    got = svc.orders.get(owed[0].id)
    assert (got.status, got.carrier, got.tracking_no) == ("shipped", "京东物流", "JD1")
    assert svc.stock.moves("EAR-STAR-01")[-1][1:] == (-owed[0].qty, "ship",
                                                      f"jd:{owed[0].order_no}")


def test_bulk_refuses_bad_requests(demo: Any) -> None:
    with pytest.raises(InputError, match="not a bulk action"):
        demo.orders.bulk("pay", ids=[1])
    with pytest.raises(InputError, match="ids or a filter"):
        demo.orders.bulk("ship")
    with pytest.raises(InputError, match="note needs some text"):
        demo.orders.bulk("note", ids=[1], note="  ")


def test_saved_views(demo: Any) -> None:
    svc = demo
    keys = [v.key for v in svc.orders.views()]
    assert keys[:3] == ["all", "to_ship_today", "overdue"]
    v = svc.orders.save_view("今天要发的京东", {"due": "today", "platform": "jd",
                                                "sort": "buyer", "desc": True})
    again = svc.orders.save_view("今天要发的京东", {"platform": "jd"})
    assert again.id == v.id
    assert [x.name for x in svc.orders.views() if not x.builtin] == ["今天要发的京东"]
    f, sort, desc = svc.orders.view_filter(v.spec)
    assert (f.platform, sort, desc) == ("jd", "buyer", True)
    assert f.due_by is not None
    assert f.due_by.hour == 23
    with pytest.raises(InputError, match="unknown view settings"):
        svc.orders.save_view("x", {"colour": "red"})
    with pytest.raises(InputError, match="unknown order state"):
        svc.orders.save_view("x", {"statuses": ["lost"]})
    svc.orders.delete_view(v.id)
    assert all(x.builtin for x in svc.orders.views())


def test_supply_update_delay_and_allocation_plan(demo: Any) -> None:
    svc = demo
    # TikTok gift boxes: the stock is damaged, a batch is to bring what is sold on 11-24
    box = {p.sku: p for p in svc.stock.overview()}["XMAS-BOX-02"]
    svc.stock.adjust("XMAS-BOX-02", -box.on_hand, reason="damaged")
    b = svc.stock.add_supply("XMAS-BOX-02", box.committed + 5, date(2026, 11, 24))
    svc.stock.receive_supply(b.id, 5)
    with pytest.raises(InputError, match="cannot be lower"):
        svc.stock.update_supply(b.id, qty=4)
    dry = svc.stock.delay_supply(b.id, date(2026, 12, 20), dry_run=True)
    assert dry.late_orders > 0
    assert dry.as_contract() == {"batch": b.id, "new_date": "2026-12-20",
                                 "late_orders": dry.late_orders,
                                 "penalty": f"{8 * dry.late_orders}.00", "currency": "USD"}
    assert [x.expected for x in svc.stock.supply() if x.id == b.id] == [date(2026, 11, 24)]
    assert svc.stock.delay_supply(b.id, date(2026, 12, 20)).late_orders == dry.late_orders
    assert [x.expected for x in svc.stock.supply() if x.id == b.id] == [date(2026, 12, 20)]
    assert svc.shop.audit_log(1)[0]["action"] == "supply.delay"

    plan = svc.stock.allocation_plan()
    applied = svc.stock.allocation_plan(apply=True)
    assert applied.changes == plan.changes
    assert applied.applied
    assert svc.stock.allocation_plan().changes == []  # nothing left to change
    pos = {p.sku: p for p in svc.stock.positions()}
    assert pos["XMAS-BOX-02"].late_orders + pos["XMAS-BOX-02"].short_orders > 0
    assert pos["XMAS-BOX-02"].short_from is not None
    flow = svc.stock.flow("XMAS-BOX-02", days=40)
    assert sum(d.arriving for d in flow.days) == box.committed
    ledger = svc.stock.ledger("XMAS-BOX-02")
    assert ledger[-1].balance == {p.sku: p.on_hand for p in svc.stock.products()}[
        "XMAS-BOX-02"]
    assert [e.reason for e in ledger][-2:] == ["damaged", "receive"]
