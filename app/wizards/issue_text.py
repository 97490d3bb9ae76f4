"""Engine issues as the wizard shows them, in the UI language.

The engine words its own findings: an ``Issue`` carries a stable ``code``, the
``params`` it speaks of (amounts, days, the other campaign) and ``text(lang)`` from the
engine's message catalogue. This module only decides how an issue is shown (error,
warning, or a hint for what is still missing) and in which language; it computes no
rule's numbers and parses no message text. The ``field`` path stays on the shown issue
to find its widget; it is never part of the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from presale_engine.errors import Issue

from .common import ShownIssue

# The wizard's translation names its language through this marker (see
# ``app.i18n.message_language``); listed here so the wizard's .ts carries it too.
QT_TRANSLATE_NOOP("Language", "en")


def message_language() -> str:
    from app.i18n import message_language as current

    return current()


class IssueTexts(QObject):
    """Turns an engine ``Issue`` into a ``ShownIssue`` worded in the UI language."""

    def show(self, issue: Issue, lang: str | None = None) -> ShownIssue:
        kind = issue.severity
        if issue.code == "required":
            kind = "hint"  # not a mistake yet: just what is missing
        text = issue.text(lang or message_language())
        return ShownIssue(kind, text, issue.code, issue.field)

    def show_all(self, issues: Sequence[Issue]) -> list[ShownIssue]:
        lang = message_language()
        return [self.show(i, lang) for i in issues]
