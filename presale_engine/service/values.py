"""The value types and vocabularies of the service API, for the GUI and other callers.

What a form needs to read and show values the way the engine does: exact money
(parse, format, minor units of a currency), the platform rule profiles, the campaign
definition reader and its vocabularies, the pure price calculator (a live quote is the
engine's number, not the form's), and the row errors of an import. Everything with
a database or a file behind it is a method of a service part instead.
"""

from __future__ import annotations

from ..campaigns import (
    AUDIENCES,
    HISTORY_CAP_SHARE,
    HISTORY_HINT_SHARE,
    PURPOSES,
    RESERVATION_MODES,
    Campaign,
    parse_definition,
    ship_wait_days,
)
from ..io import ORDER_STATES, RowError
from ..io.preview import KINDS as IMPORT_KINDS
from ..io.preview import PLATFORM_CHOICES, Preview
from ..money import ZERO, exponent, fmt, known_currency, parse_money
from ..platforms import PLATFORMS, PlatformProfile, base_platform, known_profiles
from ..pricing import PriceItem, Quote, Tier, legal_deposit_cap, quote

__all__ = [
    "AUDIENCES",
    "HISTORY_CAP_SHARE",
    "HISTORY_HINT_SHARE",
    "IMPORT_KINDS",
    "ORDER_STATES",
    "PLATFORMS",
    "PLATFORM_CHOICES",
    "PURPOSES",
    "RESERVATION_MODES",
    "ZERO",
    "Campaign",
    "PlatformProfile",
    "Preview",
    "PriceItem",
    "Quote",
    "RowError",
    "Tier",
    "base_platform",
    "exponent",
    "fmt",
    "known_currency",
    "known_profiles",
    "legal_deposit_cap",
    "parse_definition",
    "parse_money",
    "quote",
    "ship_wait_days",
]
