"""The zh/en message catalogue: gettext ``.po`` files read with Babel, no Qt, no ``.mo``.

``locale/<folder>/*.po`` holds one file per concern (validation, errors, risk...); all
files of a language are merged. The msgid is the code, the msgstr the text with
``{param}`` placeholders; an entry with an empty or fuzzy msgstr has no text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Formatter

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# Message language -> the folder of its .po files.
FOLDERS = {"zh": "zh_CN", "en": "en"}
LANGS = tuple(FOLDERS)

_MSGID_LINE = re.compile(r'^msgid "(.*)"\s*$')


@dataclass(frozen=True)
class Catalogue:
    """One language's texts, merged from its files, and where each msgid came from."""

    texts: dict[str, str]
    sources: dict[str, tuple[str, ...]]  # msgid -> the files that define it (names)


def normalize_lang(lang: str | None) -> str:
    """``"zh"``, ``"zh_CN"``, ``"zh-CN"``, ``"zh_Hans_CN.UTF-8"`` → ``"zh"``; else ``"en"``."""
    text = (lang or "").strip().lower().replace("-", "_")
    return "zh" if text.startswith("zh") else "en"


def po_files(lang: str) -> list[Path]:
    folder = LOCALE_DIR / FOLDERS[normalize_lang(lang)]
    return sorted(folder.glob("*.po"))


def _msgids_in_file(path: Path) -> list[str]:
    """Every single-line msgid as written (Babel's reader keeps only the last of a repeat)."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        m = _MSGID_LINE.match(line)
        if m and m.group(1):
            out.append(m.group(1))
    return out


@cache
def catalogue(lang: str) -> Catalogue:
    """The merged catalogue of ``lang`` (read once; ``reload()`` forgets it)."""
    lang = normalize_lang(lang)
    texts: dict[str, str] = {}
    sources: dict[str, list[str]] = {}
    for path in po_files(lang):
        for msgid in _msgids_in_file(path):
            sources.setdefault(msgid, []).append(path.name)
        with path.open("rb") as f:
            cat = read_po(f, locale=FOLDERS[lang])
        for message in cat:
            if not message.id or not isinstance(message.id, str):
                continue
            text = message.string
            if not isinstance(text, str) or not text or message.fuzzy:
                continue
            texts.setdefault(message.id, text)  # the first file wins; tests forbid repeats
    return Catalogue(texts, {k: tuple(v) for k, v in sources.items()})


def reload() -> None:
    catalogue.cache_clear()


def placeholders_of(text: str) -> set[str]:
    """The param names ``text`` uses: ``"{a} of {b.c}"`` → ``{"a", "b"}``."""
    names: set[str] = set()
    try:
        parsed = list(Formatter().parse(text))
    except ValueError:
        return names
    for _, name, _, _ in parsed:
        if name:
            names.add(re.split(r"[.\[]", name, maxsplit=1)[0])
    return names
