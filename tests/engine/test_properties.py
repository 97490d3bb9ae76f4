"""Property tests: money identities of quotes, the order state machine, stock allocation."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from presale_engine import orders
from presale_engine.errors import IllegalTransition
from presale_engine.inventory import Batch, Demand, StockPosition, allocate, atp_by_date
from presale_engine.orders import Event, Kind, Status
from presale_engine.pricing import PriceItem, Quote, quote

SETTINGS = settings(max_examples=150, deadline=None)
CENT = Decimal("0.01")


def cents(n: int) -> Decimal:
    return Decimal(n) * CENT  # exponent -2 always


# --------------------------------------------------------------------------- quotes

@st.composite
def deposit_items(draw: st.DrawFn) -> PriceItem:
    p = draw(st.integers(100, 10_000_000))  # 1.00 .. 100000.00
    d = draw(st.integers(1, p - 1))
    w = draw(st.integers(d, p))
    r = draw(st.integers(0, 2_000))
    return PriceItem(price=cents(p), deposit=cents(d), deposit_value=cents(w),
                     balance_discount=cents(r))


@st.composite
def full_items(draw: st.DrawFn) -> PriceItem:
    p = draw(st.integers(100, 10_000_000))
    r = draw(st.integers(0, 2_000))
    list_price = draw(st.none() | st.integers(p, 2 * p).map(cents))
    return PriceItem(price=cents(p), balance_discount=cents(r), list_price=list_price)


def _money_fields(qt: Quote) -> dict[str, Decimal]:
    return {
        "unit_price": qt.unit_price, "deposit": qt.deposit, "deposit_value": qt.deposit_value,
        "balance_discount": qt.balance_discount, "balance": qt.balance, "total": qt.total,
        "legal_deposit_cap": qt.legal_deposit_cap, "deposit_excess": qt.deposit_excess,
        "order_deposit": qt.order_deposit, "order_balance": qt.order_balance,
        "order_total": qt.order_total, "order_deposit_excess": qt.order_deposit_excess,
    }


def _check_quote_invariants(it: PriceItem, qt: Quote, qty: int) -> None:
    assert qt.deposit + qt.balance == qt.total
    assert qt.order_deposit + qt.order_balance == qt.order_total
    assert qt.order_total == qt.total * qty
    for name, amount in _money_fields(qt).items():
        assert amount >= 0, name
        assert amount.as_tuple().exponent == -2, (name, amount)
    assert qt.effective_discount <= 1
    assert qt.effective_discount.as_tuple().exponent == -4
    assert qt.balance >= it.min_balance
    assert qt.legal_deposit_cap <= qt.unit_price
    for value in qt.as_dict(with_order=True).values():
        assert not isinstance(value, float)


@SETTINGS
@given(deposit_items(), st.integers(1, 50))
def test_deposit_quote_identities(it: PriceItem, qty: int) -> None:
    qt = quote(it, qty=qty)
    _check_quote_invariants(it, qt, qty)
    assert it.price is not None
    assert it.deposit is not None
    assert it.deposit_value is not None
    raw = it.price - it.deposit_value - it.balance_discount
    assert qt.balance == max(raw, CENT)
    assert qt.balance_clamped == (raw < CENT)
    assert qt.deposit_excess == max(it.deposit - (it.price / 5).quantize(CENT), Decimal(0))
    # a deposit worth at least what it costs never makes the buyer pay more than the price
    if not qt.balance_clamped:
        assert qt.total <= it.price
        assert qt.effective_discount >= 0


@SETTINGS
@given(full_items(), st.integers(1, 50))
def test_full_payment_quote_identities(it: PriceItem, qty: int) -> None:
    qt = quote(it, qty=qty)
    _check_quote_invariants(it, qt, qty)
    assert it.price is not None
    assert qt.deposit == 0
    assert qt.deposit_excess == 0
    assert qt.total == max(it.price - it.balance_discount, CENT)
    assert qt.effective_discount >= 0


# --------------------------------------------------------------------------- state machine

KINDS = st.sampled_from([Kind.DEPOSIT, Kind.FULL, Kind.NORMAL])


@SETTINGS
@given(KINDS, st.lists(st.sampled_from(list(Event)), max_size=30))
def test_random_event_sequences_stay_inside_the_kinds_states(
        kind: Kind, events: list[Event]) -> None:
    status = orders.INITIAL[kind]
    known = orders.states(kind)
    assert status in known
    history = [status]
    for ev in events:
        allowed = orders.allowed_events(kind, status)
        before = status
        if ev in allowed:
            status = orders.next_status(kind, status, ev)
            assert status in known
            assert orders.PROGRESS[status] >= orders.PROGRESS[before]
            history.append(status)
        else:
            with pytest.raises(IllegalTransition) as info:
                status = orders.next_status(kind, status, ev)
            exc = info.value
            assert (exc.status, exc.event, exc.kind) == (before.value, ev.value, kind.value)
            assert status is before
        if before in orders.CLOSED:
            assert allowed == ([Event.RETURN] if before is Status.COMPLETED else [])
    # once closed, the only way on is completed -> returned
    closed_at = next((i for i, s in enumerate(history) if s in orders.CLOSED), None)
    if closed_at is not None:
        tail = history[closed_at:]
        assert tail in ([history[closed_at]], [Status.COMPLETED, Status.RETURNED])


@SETTINGS
@given(KINDS, st.sampled_from(list(Status)), st.text(max_size=12))
def test_unknown_event_strings_always_raise(kind: Kind, status: Status, ev: str) -> None:
    assume(ev not in {e.value for e in Event})
    with pytest.raises(IllegalTransition) as info:
        orders.next_status(kind, status, ev)
    assert info.value.event == ev
    assert info.value.status == status.value


# --------------------------------------------------------------------------- allocation

SKUS = ("A", "B", "C")
DAY0 = date(2026, 11, 1)


@st.composite
def supply_and_demand(draw: st.DrawFn) -> tuple[dict[str, int], list[Batch], list[Demand]]:
    on_hand = {s: draw(st.integers(0, 30)) for s in draw(st.sets(st.sampled_from(SKUS)))}
    batches = [
        Batch(i, draw(st.sampled_from(SKUS)), draw(st.integers(0, 40)),
              DAY0 + timedelta(days=draw(st.integers(0, 40))))
        for i in range(draw(st.integers(0, 6)))
    ]
    start = datetime(2026, 11, 1)
    opt_time = st.none() | st.integers(0, 60 * 24).map(lambda h: start + timedelta(hours=h))
    demands = [
        Demand(i, draw(st.sampled_from(SKUS)), draw(st.integers(1, 25)), draw(opt_time),
               draw(opt_time))
        for i in range(draw(st.integers(0, 12)))
    ]
    return on_hand, batches, demands


@SETTINGS
@given(supply_and_demand())
def test_allocation_never_counts_a_unit_twice(
        case: tuple[dict[str, int], list[Batch], list[Demand]]) -> None:
    on_hand, batches, demands = case
    res = allocate(on_hand, batches, demands)

    per_sku: dict[str, int] = defaultdict(int)
    from_stock: dict[str, int] = defaultdict(int)
    per_batch: dict[int, int] = defaultdict(int)
    per_order: dict[int, int] = defaultdict(int)
    by_id = {b.id: b for b in batches}
    for a in res.allocations:
        assert a.qty > 0
        per_sku[a.sku] += a.qty
        per_order[a.order_id] += a.qty
        if a.source == "stock":
            assert a.batch_id is None
            from_stock[a.sku] += a.qty
        else:
            assert a.source == "batch"
            assert a.batch_id is not None
            b = by_id[a.batch_id]
            assert b.sku == a.sku
            assert a.available_on == b.expected
            per_batch[a.batch_id] += a.qty
    for sku, n in per_sku.items():
        supply = on_hand.get(sku, 0) + sum(b.qty for b in batches if b.sku == sku)
        assert n <= supply
        assert from_stock[sku] <= on_hand.get(sku, 0)
    for bid, n in per_batch.items():
        assert n <= by_id[bid].qty

    # every demand is fully covered (maybe late) or gets nothing and is reported short
    short = {s.order_id: s for s in res.short}
    assert len(short) == len(res.short)
    for d in demands:
        got = per_order.get(d.order_id, 0)
        if d.order_id in short and not short[d.order_id].late:
            assert got == 0
            assert 0 < short[d.order_id].qty_short <= d.qty
        else:
            assert got == d.qty
            if d.order_id in short:
                assert short[d.order_id].qty_short == 0
    # a short order really could not be completed: what is left of its SKU is too little
    for s in res.short:
        if s.late:
            continue
        left = max(on_hand.get(s.sku, 0), 0) + sum(b.qty for b in batches if b.sku == s.sku)
        left -= per_sku.get(s.sku, 0)
        demand = next(d for d in demands if d.order_id == s.order_id)
        assert left < demand.qty


@SETTINGS
@given(supply_and_demand(), st.integers(0, 20), st.integers(0, 20))
def test_atp_at_the_last_date_counts_all_supply_once(
        case: tuple[dict[str, int], list[Batch], list[Demand]], reserved: int,
        committed: int) -> None:
    on_hand, batches, _ = case
    sku = "A"
    pos = StockPosition(sku, on_hand.get(sku, 0), reserved, committed,
                        incoming=sum(b.qty for b in batches if b.sku == sku))
    dates = sorted({b.expected for b in batches} | {DAY0, DAY0 + timedelta(days=60)})
    got = atp_by_date(pos, batches, dates)
    assert [d for d, _ in got] == dates
    values = [v for _, v in got]
    assert values == sorted(values)  # supply only adds up
    assert values[0] >= pos.on_hand - reserved - committed
    assert values[-1] == pos.on_hand - reserved - committed + sum(
        b.qty for b in batches if b.sku == sku)
    assert values[-1] == pos.available
