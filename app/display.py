"""How values look on screen: money exactly as the engine's Decimals, times in shop time.

No arithmetic on money here: a Decimal is only formatted (thousands separators, the
currency's sign), never converted to float.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from presale_engine.messages import format_money, format_number
from presale_engine.messages import zone_city as _zone_city


def lang() -> str:
    """The language values are written in: the installed translations' (zh or en)."""
    from app.i18n import message_language

    return message_language()


def money(amount: Decimal | None, currency: str) -> str:
    """``¥1,299.00`` (zh) / ``CN¥1,299.00``, ``$39.90`` (en): the one money formatter.

    ``presale_engine.messages.format_money`` (Babel, CLDR) in the UI language, as the
    engine's own texts write amounts; "" when there is no amount.
    """
    if amount is None:
        return ""
    return format_money(amount, currency, lang())


def when(value: datetime | None, tz: tzinfo | None) -> str:
    """``2026-11-22 12:00`` in the shop's time zone."""
    if value is None:
        return ""
    if tz is not None and value.tzinfo is not None:
        value = value.astimezone(tz)
    return value.strftime("%Y-%m-%d %H:%M")


def when_short(value: datetime | None, tz: tzinfo | None, this_year: int | None) -> str:
    """``11-22 12:00`` for this year's times, the full date otherwise (narrow columns)."""
    if value is None:
        return ""
    if tz is not None and value.tzinfo is not None:
        value = value.astimezone(tz)
    if this_year is not None and value.year == this_year:
        return value.strftime("%m-%d %H:%M")
    return value.strftime("%Y-%m-%d %H:%M")


def day(value: date | datetime | None, tz: tzinfo | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if tz is not None and value.tzinfo is not None:
            value = value.astimezone(tz)
        return value.strftime("%Y-%m-%d")
    return value.isoformat()


def window(start: datetime | None, end: datetime | None, tz: tzinfo | None,
           this_year: int | None = None) -> str:
    """``11-01 – 11-11``; with years (``2027-10-28 – 2027-11-08``) when either is not
    ``this_year`` (or, without it, when they differ from each other)."""
    if start is None or end is None:
        return ""
    if tz is not None:
        start, end = start.astimezone(tz), end.astimezone(tz)
    years = {start.year, end.year}
    same = years == {this_year} if this_year is not None else len(years) == 1
    fmt = "%m-%d" if same else "%Y-%m-%d"
    return f"{start.strftime(fmt)} – {end.strftime(fmt)}"


def zone_city(zone: str) -> str:
    """洛杉矶 / Los Angeles: the place a time zone is named after, in the UI language."""
    return _zone_city(zone, lang())


def days(value: float | None) -> str:
    """Days to a deadline: ``3.5 d``, ``overdue 1.0 d``."""
    if value is None:
        return ""
    if value < 0:
        return QCoreApplication.translate("Display", "overdue %1 d").replace(
            "%1", f"{-value:.1f}")
    return QCoreApplication.translate("Display", "%1 d").replace("%1", f"{value:.1f}")


def count(n: int) -> str:
    return format_number(n, lang())


def number(value: Decimal) -> str:
    """A quantity or ratio as it is (no rounding), with thousands separators."""
    return format_number(value, lang())
