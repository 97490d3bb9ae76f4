"""Turn one raw cell (as ``read_table`` gave it) into a typed engine value, or say why not.

Kept apart from the column mapping so each rule is small and testable: ids stay text
(a 19-digit Douyin order number must never pass through a float), quantities are whole,
money is exact ``Decimal``, and dates are parsed by our own format matcher so that
"2026-02-30" is reported as an impossible date, not as an unknown format, and ``AM/PM``
does not depend on the machine's locale the way ``strptime``'s ``%p`` does.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time, tzinfo
from decimal import Decimal
from functools import lru_cache

from presale_engine.io.tables import clean_text
from presale_engine.money import parse_money


class CellError(ValueError):
    """A cell that cannot become the field's value; ``code`` is stable for the GUI."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


# Placeholders exports use for "nothing" in typed columns.
_NOTHING = frozenset({"-", "--", "—", "/", "null", "none", "n/a", "na", "无"})
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")
_WHOLE = re.compile(r"^[+-]?\d+(?:\.0*)?$")
_MAX_EXACT_FLOAT_INT = 2**53
_ODD_START = "=\ufeff\u200b\u200e\u200f"  # what clean_text may turn into nothing


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        s = value.strip()
        return not s or (s[0] in _ODD_START and clean_text(s) == "")
    return False


def text(value: object) -> str | None:
    """Free text (names, addresses): cleaned, ``None`` when empty."""
    if value is None:
        return None
    if isinstance(value, str):
        s = clean_text(value)
        return s or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def ident(value: object) -> str | None:
    """An id (order number, SKU code, tracking number) as exact text.

    Spreadsheets store long numbers as doubles (15-17 significant digits), so an id
    that arrives as a number is only accepted when the double is an exact integer below
    2**53; otherwise its last digits are already gone and guessing would corrupt data.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError("not_an_id", "a TRUE/FALSE value, not an id")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _MAX_EXACT_FLOAT_INT:
            return str(int(value))
        raise CellError(
            "id_lost_digits",
            "the id is stored as a number and has lost digits; "
            "format the column as text and export again",
        )
    if isinstance(value, str):
        s = clean_text(value)
        if not s or s.casefold() in _NOTHING:
            return None
        if _SCIENTIFIC.match(s):
            raise CellError(
                "id_lost_digits",
                "the id is in scientific notation (Excel rounded it); "
                "format the column as text and export again",
            )
        if s.endswith(".0") and s[:-2].isdigit():
            s = s[:-2]  # a numeric cell saved to CSV by a tool that kept the float
        return s
    raise CellError("not_an_id", "not an id")


def quantity(value: object) -> int | None:
    """A count of items: a whole number of at least 1."""
    n = _whole(value, "not a whole number of items")
    if n is not None and n < 1:
        raise CellError("qty_not_positive", "quantity must be at least 1")
    return n


def count(value: object) -> int | None:
    """A stock level or sales figure: a whole number of at least 0."""
    n = _whole(value, "not a whole number")
    if n is not None and n < 0:
        raise CellError("negative_count", "negative number")
    return n


def _whole(value: object, reason: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError("not_whole", reason)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError("not_whole", reason)
    if isinstance(value, str):
        s = unicodedata.normalize("NFKC", clean_text(value)).replace(",", "")
        if not s or s.casefold() in _NOTHING:
            return None
        if _WHOLE.match(s):
            return int(Decimal(s))
        raise CellError("not_whole", reason)
    raise CellError("not_whole", reason)


def money(value: object, currency: str) -> Decimal | None:
    """An exact amount (``presale_engine.money.parse_money``); never negative here."""
    if value is None:
        return None
    if isinstance(value, str):
        # Exports repeat the same few prices thousands of times.
        return _money_text(value, currency)
    return _money(value, currency)


@lru_cache(maxsize=8192)
def _money_text(value: str, currency: str) -> Decimal | None:
    s = unicodedata.normalize("NFKC", clean_text(value))
    if not s or s.casefold() in _NOTHING:
        return None
    return _money(s, currency)


def _money(value: object, currency: str) -> Decimal:
    try:
        amount = parse_money(value, currency)
    except ValueError as exc:
        msg = str(exc)
        if "decimals" in msg:
            raise CellError("too_many_decimals", f"more decimals than {currency} allows") from None
        raise CellError("not_an_amount", "not an amount") from None
    if amount < 0:
        raise CellError("negative_amount", "negative amount")
    return amount


# ---------------------------------------------------------------------------- dates

_DIRECTIVES = {
    "Y": r"(?P<Y>\d{4})",
    "m": r"(?P<m>\d{1,2})",
    "d": r"(?P<d>\d{1,2})",
    "H": r"(?P<H>\d{1,2})",
    "I": r"(?P<I>\d{1,2})",
    "M": r"(?P<M>\d{1,2})",
    "S": r"(?P<S>\d{1,2})",
    "f": r"(?P<f>\d{1,6})",
    "p": r"(?P<p>am|pm|a\.m\.|p\.m\.|上午|下午)",
}
_LOOKS_LIKE_DATE = re.compile(r"^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}")
_ISO_HINT = re.compile(r"\d{4}-\d{2}-\d{2}T|[+-]\d{2}:?\d{2}$|Z$")


@lru_cache(maxsize=64)
def _compile(fmt: str) -> tuple[re.Pattern[str], bool]:
    out = []
    has_time = False
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "%" and i + 1 < len(fmt):
            d = fmt[i + 1]
            if d == "%":
                out.append("%")
            elif d in _DIRECTIVES:
                out.append(_DIRECTIVES[d])
                has_time = has_time or d in "HIMSfp"
            else:
                raise ValueError(f"unsupported date directive %{d} in '{fmt}'")
            i += 2
            continue
        out.append(r"\s+" if ch == " " else re.escape(ch))
        i += 1
    return re.compile("^" + "".join(out) + "$", re.IGNORECASE), has_time


def parse_local(text_value: str, formats: tuple[str, ...]) -> tuple[datetime, bool] | None:
    """Match ``text_value`` against ``formats``; return (naive datetime, has_time).

    ``None`` when no format matches; ``CellError('impossible_date')`` when one matches
    but the calendar or clock says no (2026-02-30, 25:00).
    """
    s = unicodedata.normalize("NFKC", text_value).strip()
    for fmt in formats:
        pattern, has_time = _compile(fmt)
        m = pattern.match(s)
        if not m:
            continue
        g = m.groupdict()
        try:
            hour = int(g["H"]) if g.get("H") else 0
            if g.get("I"):
                hour12 = int(g["I"])
                if not 1 <= hour12 <= 12:
                    raise ValueError("hour")
                pm = (g.get("p") or "").lower() in ("pm", "p.m.", "下午")
                hour = hour12 % 12 + (12 if pm else 0)
            micro = int((g["f"] or "0").ljust(6, "0")) if g.get("f") else 0
            dt = datetime(  # noqa: DTZ001 - naive on purpose; the caller attaches the zone
                int(g["Y"]), int(g["m"]), int(g["d"]), hour,
                int(g["M"]) if g.get("M") else 0, int(g["S"]) if g.get("S") else 0, micro,
            )  # fmt: skip
        except ValueError:
            raise CellError("impossible_date", "impossible date") from None
        return dt, has_time
    return None


def to_utc(
    value: object,
    zone: tzinfo,
    formats: tuple[str, ...],
    *,
    date_only_end_of_day: bool = False,
) -> datetime | None:
    """A moment: local wall time in ``zone`` (unless the text carries an offset), as UTC.

    ``date_only_end_of_day`` turns a bare date into 23:59:59 of that day (a ship-by
    *date* means "by the end of that day").
    """
    if value is None:
        return None
    if isinstance(value, str):
        # Order times repeat (minute resolution, flash sales); parse each text once.
        return _to_utc_text(value, zone, formats, date_only_end_of_day)
    return _to_utc(value, zone, formats, date_only_end_of_day)


@lru_cache(maxsize=65536)
def _to_utc_text(
    value: str, zone: tzinfo, formats: tuple[str, ...], end_of_day: bool
) -> datetime | None:
    return _to_utc(value, zone, formats, end_of_day)


def _to_utc(
    value: object, zone: tzinfo, formats: tuple[str, ...], date_only_end_of_day: bool
) -> datetime | None:
    local: datetime
    has_time = True
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(UTC)
        local = value
    elif isinstance(value, date):
        local = datetime(value.year, value.month, value.day)  # noqa: DTZ001
        has_time = False
    elif isinstance(value, str):
        s = clean_text(value)
        if not s or s.casefold() in _NOTHING:
            return None
        parsed = parse_local(s, formats)
        if parsed is None and _ISO_HINT.search(s):
            try:
                iso = datetime.fromisoformat(s)
            except ValueError:
                iso = None
            if iso is not None and iso.tzinfo is not None:
                return iso.astimezone(UTC)
            if iso is not None:
                parsed = (iso, True)
        if parsed is None:
            if _LOOKS_LIKE_DATE.match(unicodedata.normalize("NFKC", s)):
                # Right shape but no format took it: month 13, day 32, Feb 30...
                raise CellError("impossible_date", "impossible date")
            example = datetime(2026, 11, 5, 14, 30).strftime(formats[0])  # noqa: DTZ001
            raise CellError("not_a_date", f"not a date in a known format (e.g. {example})")
        local, has_time = parsed
    elif isinstance(value, bool | int | float):
        raise CellError(
            "not_a_date", "a number, not a date (format the column as date or text)"
        )
    else:
        raise CellError("not_a_date", "not a date")
    if not has_time and date_only_end_of_day:
        local = local.replace(hour=23, minute=59, second=59)
    aware = local.replace(tzinfo=zone)
    utc = aware.astimezone(UTC)
    if utc.astimezone(zone).replace(tzinfo=None) != local:
        raise CellError(
            "nonexistent_time",
            f"this local time does not exist in {zone} (daylight-saving change)",
        )
    return utc


def calendar_date(value: object, formats: tuple[str, ...]) -> date | None:
    """A calendar day (expected arrival): no zone, time of day ignored."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = clean_text(value)
        if not s or s.casefold() in _NOTHING:
            return None
        parsed = parse_local(s, formats)
        if parsed is None:
            try:
                return date.fromisoformat(s[:10])
            except ValueError:
                pass
            if _LOOKS_LIKE_DATE.match(unicodedata.normalize("NFKC", s)):
                raise CellError("impossible_date", "impossible date")
            raise CellError("not_a_date", "not a date in a known format (e.g. 2026-11-05)")
        return parsed[0].date()
    if isinstance(value, bool | int | float):
        raise CellError("not_a_date", "a number, not a date (format the column as date or text)")
    raise CellError("not_a_date", "not a date")
