"""The user's preferences and remembered state, in one QSettings file.

Keys live here, not scattered over widgets. Tests point QSettings at a temporary folder
(``QSettings.setPath``; Qt reads XDG_CONFIG_HOME only once per process).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

ORGANIZATION = "presale-desk"
APPLICATION = "Presale Desk"

LAST_DB = "database/last"
RECENT_DBS = "database/recent"
SHARED_URL = "database/shared_url"
LANGUAGE = "ui/language"  # "system", "zh_CN" or "en"
GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
PAGE = "window/page"

MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def get_str(key: str, default: str = "") -> str:
    value: Any = settings().value(key, default)
    return str(value) if value is not None else default


def set_value(key: str, value: Any) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()


def recent_databases() -> list[str]:
    value: Any = settings().value(RECENT_DBS, [], type=list)
    return [str(v) for v in value or [] if str(v)]


def remember_database(target: str) -> None:
    """Make ``target`` the last used database and put it first in the recent list."""
    recent = [t for t in recent_databases() if t != target]
    recent.insert(0, target)
    s = settings()
    s.setValue(RECENT_DBS, recent[:MAX_RECENT])
    s.setValue(LAST_DB, target)
    s.sync()


def forget_database(target: str) -> None:
    s = settings()
    s.setValue(RECENT_DBS, [t for t in recent_databases() if t != target])
    if get_str(LAST_DB) == target:
        s.remove(LAST_DB)
    s.sync()
