"""What the user opened: a file path or a database URL, and how to name it on screen."""

from __future__ import annotations

from pathlib import Path


def is_url(target: str) -> bool:
    return "://" in target


def display_target(target: str) -> str:
    """A file's name, or the URL with its password hidden."""
    if not is_url(target):
        return Path(target).name or target
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(target)
    if parts.password:
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        netloc = f"{parts.username}:***@{host}" if parts.username else host
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


def normalize_target(target: str) -> str:
    """URLs as given; file paths absolute (what the recent list keeps)."""
    if is_url(target):
        return target
    return str(Path(target).expanduser().resolve())
