"""Available to promise and allocation of stock and supply to presale orders."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from presale_engine.inventory import Batch, Demand, StockPosition, allocate, atp_by_date

SH = ZoneInfo("Asia/Shanghai")


def dl(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 11, day, hour)


# --------------------------------------------------------------------------- ATP

def test_position_available_and_free() -> None:
    p = StockPosition("A", on_hand=10, reserved=3, committed=4, incoming=20)
    assert p.available == 23
    assert p.free_on_hand == 7


def test_atp_by_date_counts_each_batch_once_from_its_expected_date() -> None:
    p = StockPosition("A", on_hand=10, reserved=2, committed=5, incoming=0)
    batches = [Batch(1, "A", 20, date(2026, 11, 5)), Batch(2, "A", 30, date(2026, 11, 10)),
               Batch(3, "B", 99, date(2026, 11, 1)), Batch(4, "A", 0, date(2026, 11, 2))]
    dates = [date(2026, 11, 12), date(2026, 11, 1), date(2026, 11, 5), date(2026, 11, 9),
             date(2026, 11, 10)]
    assert atp_by_date(p, batches, dates) == [
        (date(2026, 11, 1), 3),
        (date(2026, 11, 5), 23),
        (date(2026, 11, 9), 23),
        (date(2026, 11, 10), 53),
        (date(2026, 11, 12), 53),
    ]


def test_atp_can_be_negative_when_oversold() -> None:
    p = StockPosition("A", on_hand=0, reserved=0, committed=50, incoming=0)
    got = atp_by_date(p, [Batch(1, "A", 30, date(2026, 11, 5))],
                      [date(2026, 11, 1), date(2026, 11, 6)])
    assert got == [(date(2026, 11, 1), -50), (date(2026, 11, 6), -20)]


# --------------------------------------------------------------------------- allocation

def test_earliest_deadline_first() -> None:
    demands = [Demand(1, "A", 5, dl(20), dl(1)), Demand(2, "A", 5, dl(10), dl(2))]
    res = allocate({"A": 5}, [], demands)
    assert [(a.order_id, a.qty, a.source) for a in res.allocations] == [(2, 5, "stock")]
    assert [(s.order_id, s.qty_short, s.late) for s in res.short] == [(1, 5, False)]


def test_same_deadline_then_earliest_payment() -> None:
    demands = [Demand(1, "A", 1, dl(10), dl(3)), Demand(2, "A", 1, dl(10), dl(2)),
               Demand(3, "A", 1, dl(10), None)]
    res = allocate({"A": 2}, [], demands)
    assert [a.order_id for a in res.allocations] == [2, 1]
    assert res.short_order_ids == [3]


def test_a_demand_without_deadline_comes_last() -> None:
    demands = [Demand(1, "A", 1, None, dl(1)), Demand(2, "A", 1, dl(30), dl(9))]
    res = allocate({"A": 1}, [], demands)
    assert [a.order_id for a in res.allocations] == [2]
    assert res.short_order_ids == [1]


def test_priority_compares_instants_not_wall_clocks() -> None:
    # 10:00 in Shanghai is 02:00 UTC: earlier than 05:00 UTC the same day.
    shanghai = Demand(1, "A", 1, datetime(2026, 11, 10, 10, 0, tzinfo=SH), None)
    utc = Demand(2, "A", 1, datetime(2026, 11, 10, 5, 0, tzinfo=UTC), None)
    res = allocate({"A": 1}, [], [utc, shanghai])
    assert [a.order_id for a in res.allocations] == [1]
    assert res.short_order_ids == [2]


def test_stock_on_hand_is_used_before_batches() -> None:
    batches = [Batch(7, "A", 10, date(2026, 11, 1))]
    res = allocate({"A": 3}, batches, [Demand(1, "A", 5, dl(20), dl(1))])
    assert [(a.source, a.qty, a.batch_id, a.available_on) for a in res.allocations] == [
        ("stock", 3, None, None), ("batch", 2, 7, date(2026, 11, 1))]
    assert res.short == []


def test_batches_are_used_in_arrival_order_and_split_across_orders() -> None:
    batches = [Batch(2, "A", 4, date(2026, 11, 8)), Batch(1, "A", 3, date(2026, 11, 5))]
    demands = [Demand(1, "A", 2, dl(20), dl(1)), Demand(2, "A", 4, dl(21), dl(1))]
    res = allocate({}, batches, demands)
    assert [(a.order_id, a.batch_id, a.qty) for a in res.allocations] == [
        (1, 1, 2), (2, 1, 1), (2, 2, 3)]
    assert res.short == []


def test_demand_covered_only_after_its_deadline_is_late() -> None:
    batches = [Batch(1, "A", 10, date(2026, 11, 15))]
    res = allocate({}, batches, [Demand(1, "A", 2, dl(12), dl(1))])
    assert len(res.short) == 1
    s = res.short[0]
    assert (s.order_id, s.qty_short, s.late, s.available_on) == (1, 0, True, date(2026, 11, 15))
    assert [a.qty for a in res.allocations] == [2]


def test_supply_arriving_on_the_deadline_day_is_in_time() -> None:
    batches = [Batch(1, "A", 10, date(2026, 11, 12))]
    res = allocate({}, batches, [Demand(1, "A", 2, dl(12, 18), dl(1))])
    assert res.short == []


def test_uncovered_demand_is_short_with_the_missing_quantity() -> None:
    batches = [Batch(1, "A", 3, date(2026, 11, 5))]
    res = allocate({"A": 2}, batches, [Demand(1, "A", 8, dl(20), dl(1))])
    assert len(res.short) == 1
    s = res.short[0]
    assert s.qty_short == 3
    assert not s.late
    assert s.available_on is None
    # an order ships whole: it takes nothing rather than units it cannot complete
    assert res.allocations == []


def test_units_an_uncompletable_order_cannot_use_go_to_the_next_order() -> None:
    res = allocate({"A": 2}, [Batch(1, "A", 3, date(2026, 11, 5))],
                   [Demand(1, "A", 8, dl(5), dl(1)), Demand(2, "A", 4, dl(20), dl(2))])
    assert [(s.order_id, s.qty_short) for s in res.short] == [(1, 3)]
    assert sum(a.qty for a in res.allocations if a.order_id == 2) == 4


def test_skus_do_not_share_stock() -> None:
    res = allocate({"A": 10}, [Batch(1, "A", 10, date(2026, 11, 1))],
                   [Demand(1, "B", 1, dl(10), dl(1))])
    assert res.allocations == []
    assert [(s.sku, s.qty_short) for s in res.short] == [("B", 1)]


def test_negative_stock_is_treated_as_none() -> None:
    res = allocate({"A": -4}, [Batch(1, "A", 2, date(2026, 11, 1))],
                   [Demand(1, "A", 2, dl(10), dl(1))])
    assert [(a.source, a.qty) for a in res.allocations] == [("batch", 2)]


def test_allocation_does_not_change_its_inputs() -> None:
    on_hand = {"A": 5}
    batches = [Batch(1, "A", 5, date(2026, 11, 1))]
    allocate(on_hand, batches, [Demand(1, "A", 8, dl(10), dl(1))])
    assert on_hand == {"A": 5}
    assert batches == [Batch(1, "A", 5, date(2026, 11, 1))]


@settings(max_examples=300, deadline=None)
@given(st.integers(-3, 12),
       st.lists(st.tuples(st.integers(0, 20), st.integers(-1, 6)), max_size=4),
       st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 30)),
                          st.one_of(st.none(), st.integers(0, 30)), st.integers(1, 4)),
                max_size=25))
def test_shortfalls_name_the_orders_allocate_names(on_hand: int, raw_batches: Any,
                                                   raw_demands: Any) -> None:
    """The risk evaluation's fast path agrees with the full allocation, order by order."""
    from presale_engine.inventory import Batch, Demand, allocate, priority, shortfalls

    t0 = datetime(2026, 11, 1, 9, 30)
    batches = [Batch(i + 1, "A", q, (t0 + timedelta(days=d)).date())
               for i, (d, q) in enumerate(raw_batches)]
    demands = [Demand(i + 1, "A", qty, None if dl is None else t0 + timedelta(days=dl, hours=i),
                      None if pd is None else t0 + timedelta(hours=pd))
               for i, (dl, pd, qty) in enumerate(raw_demands)]
    want = {(s.order_id, s.late) for s in allocate({"A": on_hand}, batches, demands).short}
    ordered = sorted(demands, key=priority)
    arrivals = [(b.expected, b.qty) for b in sorted(batches, key=lambda b: (b.expected, b.id))]
    got = shortfalls(on_hand, arrivals, [(d.deadline, d.paid_at, d.qty) for d in ordered])
    assert {(ordered[i].order_id, late) for i, late in got} == want
    as_text = [(None if d.deadline is None else d.deadline.isoformat(" "), None, d.qty)
               for d in ordered]  # SQLite hands the times over as text
    assert shortfalls(on_hand, arrivals, as_text) == got


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 12),
       st.lists(st.tuples(st.integers(0, 20), st.integers(1, 6)), max_size=3),
       st.lists(st.tuples(st.integers(0, 30), st.integers(1, 4)), min_size=1, max_size=20),
       st.data())
def test_shipping_an_order_stock_covered_changes_no_other_outcome(
        on_hand: int, raw_batches: Any, raw_demands: Any, data: Any) -> None:
    """The allocation cache keeps a product's result when only orders at or before the
    stock boundary were shipped (docs/RISK.md): the others' outcomes are unchanged."""
    from presale_engine.inventory import shortfalls

    t0 = datetime(2026, 11, 1, 9, 30)
    arrivals = sorted(((t0 + timedelta(days=d)).date(), q) for d, q in raw_batches)
    demands = sorted((t0 + timedelta(days=dl, hours=i), None, qty)
                     for i, (dl, qty) in enumerate(raw_demands))
    prefix: list[int] = []
    before = shortfalls(on_hand, arrivals, demands, prefix)
    last = prefix[0]
    short = {i for i, _late in before}
    candidates = [i for i in range(last + 1) if i not in short]
    assume(candidates)
    shipped = data.draw(st.sampled_from(candidates))
    rest = [d for i, d in enumerate(demands) if i != shipped]
    after = shortfalls(on_hand - demands[shipped][2], arrivals, rest)
    index = [i for i in range(len(demands)) if i != shipped]
    assert {(index[i], late) for i, late in after} == set(before)
