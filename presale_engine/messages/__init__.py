"""What the engine says to a seller, in zh and en, from one catalogue.

Findings (``Issue``) and errors carry a stable ``code`` and ``params`` (the numbers and
names they speak of); this package words them. The catalogue is gettext ``.po`` files
under ``locale/`` read with Babel, msgid = the code; a suggested action, where a code
has one, is msgid ``<code>.action``. Params are written per language (``values``):
``Money`` with its currency sign, numbers with thousands separators, dates as ISO,
``Term``/``Phrase`` from the catalogue itself.

``render`` never raises: a code without text in the language falls back to English,
then to the code and its params; a placeholder without a param is written as "…".
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from . import catalogue as _catalogue
from .catalogue import LANGS, normalize_lang, placeholders_of, reload
from .values import BABEL_LOCALES, Money, Percent, Phrase, Term, format_value

__all__ = [
    "LANGS",
    "Money",
    "Percent",
    "Phrase",
    "Term",
    "action",
    "codes",
    "default_lang",
    "describe_field",
    "fill",
    "format_money",
    "format_number",
    "has_text",
    "normalize_lang",
    "placeholders",
    "reload",
    "render",
    "template_text",
    "zone_city",
]

MISSING = "…"
ACTION_SUFFIX = ".action"


class _Filled(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return MISSING


def _text_of(code: str, params: Mapping[str, Any], lang: str) -> str | None:
    """The text of ``code`` in ``lang`` with its params filled in, or None if it has none."""
    text = _catalogue.catalogue(lang).texts.get(code)
    if text is None:
        return None
    filled = _Filled({k: format_value(v, lang, _text_of) for k, v in params.items()})
    try:
        return text.format_map(filled)
    except (ValueError, IndexError, AttributeError, TypeError):
        return text  # a malformed text: show it rather than fail


def render(code: str, params: Mapping[str, Any] | None = None, lang: str = "en") -> str:
    """The text of ``code`` in ``lang`` (zh, zh_CN, zh-CN, en, en_US...) with ``params``."""
    lang = normalize_lang(lang)
    p = params or {}
    for candidate in dict.fromkeys((lang, "en")):
        text = _text_of(code, p, candidate)
        if text is not None:
            return text
    if not p:
        return code
    shown = ", ".join(f"{k}={format_value(v, 'en', _text_of)}" for k, v in p.items())
    return f"{code} ({shown})"


def fill(text: str, params: Mapping[str, Any], lang: str = "en") -> str:
    """A text of the seller's own (a message template) with ``params`` written as the
    catalogue writes them; a placeholder without a param is written as "…"."""
    filled = _Filled({k: format_value(v, normalize_lang(lang), _text_of)
                      for k, v in params.items()})
    try:
        return text.format_map(filled)
    except (ValueError, IndexError, AttributeError, TypeError):
        return text


def template_text(code: str, lang: str) -> str:
    """The text of ``code`` unfilled, placeholders kept (a template the seller edits)."""
    for candidate in dict.fromkeys((normalize_lang(lang), "en")):
        text = _catalogue.catalogue(candidate).texts.get(code)
        if text is not None:
            return text
    return code


def format_money(amount: Decimal, currency: str, lang: str = "en") -> str:
    """An amount as a seller reads it in ``lang``: ¥1,299.00 (zh), CN¥1,299.00 / $39.90 (en).

    The one money formatter of the engine's texts and the app (Babel's CLDR data, the
    currency's own minor unit); never converts to float.
    """
    return format_value(Money(amount, currency), normalize_lang(lang), _text_of)


def format_number(value: int | Decimal, lang: str = "en") -> str:
    """A count or quantity with the language's thousands separators: 12,345."""
    return format_value(value, normalize_lang(lang), _text_of)


def zone_city(zone: str, lang: str = "en") -> str:
    """The city a time zone is named after, in ``lang``: 洛杉矶 / Los Angeles (CLDR)."""
    from babel.dates import get_timezone_location

    locale = BABEL_LOCALES.get(normalize_lang(lang), "en_US")
    try:
        return str(get_timezone_location(zone, locale=locale, return_city=True))
    except LookupError:
        return zone


def action(code: str, params: Mapping[str, Any] | None = None,
           lang: str = "en") -> str | None:
    """The suggested action for ``code`` (msgid ``<code>.action``), or None if it has none."""
    key = code + ACTION_SUFFIX
    if not has_text(key, "en"):
        return None
    return render(key, params, lang)


def has_text(code: str, lang: str) -> bool:
    return code in _catalogue.catalogue(normalize_lang(lang)).texts


def codes(lang: str) -> set[str]:
    """Every msgid with a text in ``lang`` (codes, ``.action``s and names)."""
    return set(_catalogue.catalogue(normalize_lang(lang)).texts)


def placeholders(code: str, lang: str) -> set[str]:
    """The param names the text of ``code`` in ``lang`` uses (empty if it has no text)."""
    text = _catalogue.catalogue(normalize_lang(lang)).texts.get(code)
    return placeholders_of(text) if text is not None else set()


def default_lang() -> str:
    """The message language of the environment (LC_ALL, LC_MESSAGES, LANG): zh or en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return normalize_lang(value)
    return "en"


_PATH_TOKEN = re.compile(r"([A-Za-z_]+)(?:\[(\d+)\])?")
# List fields of a definition and the name of one of their entries (msgid path.<name>).
_ENTRY = {"items": "path.item", "tiers": "path.tier"}


def describe_field(path: str, lang: str = "en") -> str:
    """A definition field path for people: ``items[0].tiers[1].price`` → item 1 · tier 2 · price.

    For lists away from the form (the CLI, an error box); the path itself stays on the
    issue for locating the widget and is never shown to a seller.
    """
    parts: list[str] = []
    for m in _PATH_TOKEN.finditer(path):
        name, index = m.group(1), m.group(2)
        if index is not None and name in _ENTRY:
            parts.append(render(_ENTRY[name], {"n": int(index) + 1}, lang))
        else:
            parts.append(format_value(Term("field", name), normalize_lang(lang), _text_of))
    return " · ".join(parts)
