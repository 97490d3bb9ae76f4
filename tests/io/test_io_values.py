"""Single-cell conversions: ids, quantities, money, moments and calendar dates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presale_engine.io import values as V
from presale_engine.io.tables import clean_text

SHANGHAI = ZoneInfo("Asia/Shanghai")
LA = ZoneInfo("America/Los_Angeles")
CN_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")
US_FORMATS = ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y")


def code_of(fn: object, *args: object) -> str:
    with pytest.raises(V.CellError) as exc:
        fn(*args)  # type: ignore[operator]
    return exc.value.code


def test_clean_text_undoes_export_tricks() -> None:
    assert clean_text('="3712450084159525624"') == "3712450084159525624"
    assert clean_text("\t6934512094788948184 ") == "6934512094788948184"
    assert clean_text("\ufeffOrder ID") == "Order ID"
    assert clean_text('=""') == ""
    assert clean_text("=SUM(A1:A3)") == "=SUM(A1:A3)"  # not a wrapper: left alone


def test_ident() -> None:
    assert V.ident(368349032755.0) == "368349032755"
    assert V.ident(" SF362293031823 ") == "SF362293031823"
    assert V.ident("00123") == "00123"
    assert V.ident("368349032755.0") == "368349032755"
    assert V.ident("-") is None
    assert code_of(V.ident, 6.934512094788948e18) == "id_lost_digits"
    assert code_of(V.ident, "6.93451E+18") == "id_lost_digits"
    assert code_of(V.ident, True) == "not_an_id"


@given(st.text(alphabet="0123456789", min_size=1, max_size=30))
def test_digit_ids_survive_any_length(digits: str) -> None:
    assert V.ident(digits) == digits
    assert V.ident(f'="{digits}"') == digits


def test_quantity() -> None:
    assert V.quantity("2") == 2
    assert V.quantity(3.0) == 3
    assert V.quantity("０３") == 3  # full-width digits
    assert V.quantity("1,200") == 1200
    assert code_of(V.quantity, "两件") == "not_whole"
    assert code_of(V.quantity, "2.5") == "not_whole"
    assert code_of(V.quantity, 2.5) == "not_whole"
    assert code_of(V.quantity, "0") == "qty_not_positive"
    assert code_of(V.quantity, "-1") == "qty_not_positive"


@given(st.integers(min_value=1, max_value=10**9))
def test_quantity_round_trips(n: int) -> None:
    assert V.quantity(str(n)) == n
    assert V.quantity(float(n)) == n


def test_money() -> None:
    assert V.money("¥1,299.00", "CNY") == Decimal("1299.00")
    assert V.money(12.5, "USD") == Decimal("12.50")
    assert V.money("US$39.90", "USD") == Decimal("39.90")
    assert V.money("--", "CNY") is None
    assert code_of(V.money, "-1.00", "CNY") == "negative_amount"
    assert code_of(V.money, "abc", "CNY") == "not_an_amount"
    assert code_of(V.money, "1.005", "CNY") == "too_many_decimals"


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_money_is_exact(amount: Decimal) -> None:
    assert V.money(str(amount), "CNY") == amount


def test_moments() -> None:
    assert V.to_utc("2026-11-05 06:55:00", SHANGHAI, CN_FORMATS) == datetime(
        2026, 11, 4, 22, 55, tzinfo=UTC
    )
    assert V.to_utc("11/19/2026 11:29:00 PM", LA, US_FORMATS) == datetime(
        2026, 11, 20, 7, 29, tzinfo=UTC
    )
    assert V.to_utc("11/19/2026 12:05:00 AM", LA, US_FORMATS) == datetime(
        2026, 11, 19, 8, 5, tzinfo=UTC
    )
    # In July Los Angeles is on daylight time (UTC-7).
    assert V.to_utc("07/04/2026 09:00:00 AM", LA, US_FORMATS) == datetime(
        2026, 7, 4, 16, 0, tzinfo=UTC
    )
    assert V.to_utc("2026-11-05T06:55:00Z", SHANGHAI, CN_FORMATS) == datetime(
        2026, 11, 5, 6, 55, tzinfo=UTC
    )
    assert V.to_utc(date(2026, 11, 25), SHANGHAI, CN_FORMATS, date_only_end_of_day=True) == (
        datetime(2026, 11, 25, 15, 59, 59, tzinfo=UTC)
    )
    assert V.to_utc("２０２６-１１-０５ ０６:５５", SHANGHAI, CN_FORMATS) is not None
    assert code_of(V.to_utc, "2026-02-30", SHANGHAI, CN_FORMATS) == "impossible_date"
    assert code_of(V.to_utc, "2026-11-05 25:00", SHANGHAI, CN_FORMATS) == "impossible_date"
    assert code_of(V.to_utc, "13/01/2026 10:00:00 AM", LA, US_FORMATS) == "impossible_date"
    assert code_of(V.to_utc, "next week", SHANGHAI, CN_FORMATS) == "not_a_date"
    assert code_of(V.to_utc, 46319.5, SHANGHAI, CN_FORMATS) == "not_a_date"


def test_calendar_dates() -> None:
    fmts = ("%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日")
    assert V.calendar_date("2026年11月6日", fmts) == date(2026, 11, 6)
    assert V.calendar_date(datetime(2026, 11, 6, 9, 0), fmts) == date(2026, 11, 6)
    assert V.calendar_date("2026/11/06", fmts) == date(2026, 11, 6)
    assert code_of(V.calendar_date, "2026-02-30", fmts) == "impossible_date"
    assert code_of(V.calendar_date, "soon", fmts) == "not_a_date"
