"""Parameter values of a message and how each is written in a language.

A message's params are plain facts (numbers, names, amounts, dates); wording them is
the catalogue's job and formatting them is this module's: numbers with the language's
thousands separators, money with its currency sign (Babel's CLDR data), dates as ISO.
Names the engine speaks in codes (a platform, an order state, a definition field) are
passed as a ``Term`` and written in the language from the same catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from babel.numbers import format_currency, format_decimal, format_percent

# The Babel locale each message language formats numbers and money in.
# zh: ¥1,299.00 for CNY, US$39.90 for USD; en: CN¥1,299.00 for CNY (¥ alone would read
# as yen to an English reader), $39.90 for USD.
BABEL_LOCALES = {"zh": "zh_CN", "en": "en_US"}
LIST_SEPARATORS = {"zh": "、", "en": ", "}


@dataclass(frozen=True)
class Money:
    """An amount in a currency: ``Money(Decimal("1299"), "CNY")`` → ¥1,299.00 / CN¥1,299.00."""

    amount: Decimal
    currency: str


@dataclass(frozen=True)
class Percent:
    """A share written as a percentage: ``Percent(Decimal("0.2"))`` → 20%."""

    share: Decimal


@dataclass(frozen=True)
class Phrase:
    """Another catalogue text used as a param: a reason inside a sentence, say.

    ``Phrase("value.not_whole_number", {"value": "two"})`` renders that msgid with its own
    params in the language of the sentence it stands in.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Term:
    """The name of a code from one of the engine's vocabularies.

    ``Term("platform", "douyin")`` is written from msgid ``platform.douyin`` (抖音 /
    Douyin); a value the catalogue does not name is written as it is.
    """

    family: str
    value: str

    @property
    def code(self) -> str:
        return f"{self.family}.{self.value}"


Renderer = Callable[[str, Mapping[str, Any], str], str | None]


def format_value(value: Any, lang: str, text_of: Renderer) -> str:
    """``value`` written in ``lang``; ``text_of(code, params, lang)`` renders nested texts."""
    locale = BABEL_LOCALES.get(lang, "en_US")
    if isinstance(value, Money):
        return str(format_currency(value.amount, value.currency.upper(), locale=locale))
    if isinstance(value, Percent):
        return str(format_percent(value.share, locale=locale, decimal_quantization=False))
    if isinstance(value, Phrase):
        return text_of(value.code, value.params, lang) or value.code
    if isinstance(value, Term):
        return text_of(value.code, {}, lang) or value.value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(format_decimal(value, locale=locale))
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        return str(format_decimal(value, locale=locale, decimal_quantization=False))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return LIST_SEPARATORS.get(lang, ", ").join(
            format_value(v, lang, text_of) for v in items)
    return str(value)
