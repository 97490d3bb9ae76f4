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
