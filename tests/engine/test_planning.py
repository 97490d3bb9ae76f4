"""Forecast, production plan and P&L: worked examples, computed by hand (docs/PLANNING.md,
docs/PNL.md), and the forecast's backtest on generated presales."""

from __future__ import annotations

from decimal import Decimal

import pytest

from presale_engine.planning import backtest as B
from presale_engine.planning import forecast as FC
from presale_engine.planning import plan as PL
from presale_engine.planning import pnl as PNL
from presale_engine.pricing import PriceItem, Tier

D = Decimal


def test_the_default_shape_is_a_burst_a_middle_and_a_surge() -> None:
    assert FC.default_share(0.10) == pytest.approx(0.25)
    assert FC.default_share(0.5) == pytest.approx(0.25 + 0.40 * 0.4 / 0.75)
    assert FC.default_share(0.85) == pytest.approx(0.65)
    assert FC.default_share(1.0) == 1.0


def test_a_forecast_with_the_default_shape() -> None:
    # 100 units at 10 % of the window: S = 0.25 -> 400; band 0.45 - 0.40 x 0.1 = 0.41:
    # shares 0.1475..0.3525 -> 284..678
    fc = FC.forecast(100, 0.10)
    assert (fc.forecast_units, fc.low, fc.high, fc.model) == (400, 284, 678, "default_shape")
    assert fc.history_campaigns == 0


def test_a_forecast_from_the_shops_earlier_campaigns() -> None:
    # two campaigns had 40 % and 50 % of their final in at half their window: 100 units
    # now -> 100 / 0.45 = 222; range from shares 0.36 (x0.9) .. 0.55 (x1.1): 182..278
    past = [FC.Curve(((0.5, 40), (1.0, 100))), FC.Curve(((0.5, 250), (1.0, 500)))]
    fc = FC.forecast(100, 0.5, past)
    assert (fc.forecast_units, fc.low, fc.high) == (222, 182, 278)
    assert (fc.model, fc.history_campaigns) == ("shop_history", 2)


def test_a_forecast_stops_at_the_cap_and_is_the_actual_once_closed() -> None:
    assert FC.forecast(100, 0.10, cap=300).forecast_units == 300
    assert FC.forecast(100, 0.10, cap=300).high == 300
    done = FC.forecast(812, 1.0)
    assert (done.forecast_units, done.low, done.high, done.model) == (812, 812, 812, "actual")


def test_a_production_plan_item() -> None:
    # forecast 1,000 deposits, 300 already paid in full, conversion 0.8:
    # 300 + ceil(700 x 0.8) = 860 to ship, 100 shipped -> 760 needed;
    # + 50 other campaigns' + 20 safety - 200 on hand - 300 incoming = 330 to make
    it = PL.plan_item("A", forecast_units=1000, conversion=D("0.8"), certain_units=300,
                      shipped_units=100, other_demand=50, safety=20, on_hand=200,
                      incoming=300, arrive_by=None)
    assert (it.needed, it.to_make) == (760, 330)
    covered = PL.plan_item("A", forecast_units=100, conversion=D("0.8"), certain_units=0,
                           shipped_units=0, other_demand=0, safety=0, on_hand=500,
                           incoming=0, arrive_by=None)
    assert covered.to_make == 0


def test_conversion_from_history() -> None:
    assert PL.conversion_from_history(200, 170) == D("0.85")
    assert PL.conversion_from_history(0, 0) is None


def test_the_pnl_of_a_deposit_item() -> None:
    # deposit 50 worth 150, 20 off the balance, price 899: the buyer pays 779 in all.
    # 100 deposits, 85 % pay the balance: 85 x 779 = 66,215 revenue; 15 x 50 = 750
    # forfeited; cost 85 x 300 = 25,500; margin 66,215 + 750 - 25,500 = 41,465
    item = PriceItem(price=D("899"), deposit=D("50"), deposit_value=D("150"),
                     balance_discount=D("20"))
    ln = PNL.line("YRF", item, units=100, conversion=D("0.85"), unit_cost=D("300"),
                  fee_rate=D(0))
    assert (ln.paid_units, ln.revenue, ln.forfeits, ln.cost, ln.margin) == (
        85, D("66215.00"), D("750.00"), D("25500.00"), D("41465.00"))


def test_the_pnl_of_a_full_payment_item_with_tiers_and_a_preorder_fee() -> None:
    # tiers 299 / 279 from 100 units: 120 units -> 279 each = 33,480 THB; fee 2.14 % =
    # 716.47; cost 120 x 150 = 18,000; margin 33,480 - 18,000 - 716.47 = 14,763.53
    item = PriceItem(tiers=(Tier(0, D("299")), Tier(100, D("279"))), currency="THB")
    ln = PNL.line("T", item, units=120, conversion=D("0.5"), unit_cost=D("150"),
                  fee_rate=D("0.0214"))
    assert (ln.paid_units, ln.revenue, ln.fees, ln.margin) == (
        120, D("33480.00"), D("716.47"), D("14763.53"))
    total = PNL.total([ln, ln], "THB")
    assert total["margin"] == D("29527.06")


def test_the_forecast_range_holds_the_final_in_80_percent_of_generated_cases() -> None:
    """Issue 12: at half the window the range contains the final in >= 80 % of cases
    (seeded: the same 300 campaigns every run); the error shrinks as the window runs."""
    scores = {s.fraction: s for s in B.run(seed=2026, n=300)}
    assert scores[0.5].covered >= 0.80
    assert scores[0.5].median_abs_error < scores[0.25].median_abs_error
    with_history = {s.fraction: s for s in B.run(seed=7, n=300, history_size=3)}
    assert with_history[0.5].covered >= 0.80
    assert with_history[0.5].model == "shop_history"
