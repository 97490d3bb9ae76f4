"""Typed errors of the engine, and the findings of a campaign check.

Callers (CLI, GUI) decide how to show an error by its type and ``code``, never by
matching message text. An error or finding carries a ``code`` and ``params`` (the numbers
and names it speaks of); ``text(lang)`` words it from the message catalogue
(``presale_engine.messages``) in zh or en. ``message`` / ``str(e)`` is the English text,
for logs and for callers that have not moved to codes yet: a site that gives no code
keeps its English sentence, and ``text()`` falls back to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from dataclasses import field as _dc_field
from typing import Any, Self

from . import messages


def _english(code: str, params: Mapping[str, Any]) -> str:
    return messages.render(code, params, "en")


class PresaleError(Exception):
    """Base of every error the engine raises on purpose.

    ``PresaleError("English text")`` as before, or ``PresaleError(code="...", params={...})``
    whose English text comes from the catalogue. The class's own ``code`` says what kind
    of error it is (``category``); an instance may carry a more precise one.
    """

    code = "error"

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 params: Mapping[str, Any] | None = None) -> None:
        self.code = code or type(self).code
        self.params: dict[str, Any] = dict(params or {})
        if message is None:
            message = _english(self.code, self.params)
        super().__init__(message)
        self.message = message

    @classmethod
    def from_value_error(cls, e: ValueError) -> Self:
        """``e`` raised as this error; a ``BadValue`` keeps its code and params."""
        if isinstance(e, BadValue):
            return cls(e.message, code=e.code, params=e.params)
        return cls(str(e))

    @property
    def category(self) -> str:
        """The class's code (not_found, input_error...): what kind of error this is."""
        return type(self).code

    def text(self, lang: str = "en") -> str:
        """The error worded in ``lang``; the English message when its code has no text."""
        if messages.has_text(self.code, "en"):
            return messages.render(self.code, self.params, lang)
        return self.message

    def action(self, lang: str = "en") -> str | None:
        return messages.action(self.code, self.params, lang)


class NotFound(PresaleError):
    code = "not_found"


class InputError(PresaleError):
    """Input that cannot be read: bad file, bad value, unknown option."""

    code = "input_error"


class IllegalTransition(PresaleError):
    """An order event that is not allowed in the order's current state."""

    code = "illegal_transition"

    def __init__(self, status: str, event: str, kind: str) -> None:
        super().__init__(
            f"cannot apply '{event}' to a {kind} order in state '{status}'",
            code="illegal_transition",
            params={"status": messages.Term("order_status", status),
                    "event": messages.Term("order_event", event),
                    "kind": messages.Term("order_kind", kind)})
        self.status = status
        self.event = event
        self.kind = kind


class Conflict(PresaleError):
    """The request contradicts stored data (duplicate key, wrong campaign status...)."""

    code = "conflict"


class BadValue(ValueError):
    """A value that cannot be read, with a code and params for the seller's language.

    Still a ``ValueError`` (callers that catch that keep working); ``str(e)`` is English.
    """

    def __init__(self, message: str | None = None, *, code: str,
                 params: Mapping[str, Any] | None = None) -> None:
        self.code = code
        self.params: dict[str, Any] = dict(params or {})
        if message is None:
            message = _english(code, self.params)
        super().__init__(message)
        self.message = message

    def phrase(self) -> messages.Phrase:
        """This problem as a param of a bigger sentence."""
        return messages.Phrase(self.code, self.params)

    def text(self, lang: str = "en") -> str:
        return messages.render(self.code, self.params, lang)


@dataclass(frozen=True)
class Issue:
    """One validation finding: ``code`` is stable, ``field`` a dotted path.

    ``field`` locates the widget or the key in the file; it is never part of the text.
    ``params`` hold the numbers and names the text speaks of; ``message`` is English
    (from the catalogue when not given).
    """

    code: str
    field: str
    message: str = ""
    severity: str = "error"  # "error" blocks, "warning" informs
    params: dict[str, Any] = _dc_field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not self.message:
            object.__setattr__(self, "message", _english(self.code, self.params))

    def text(self, lang: str = "en") -> str:
        """The finding worded in ``lang`` (a param the site did not give shows as "…")."""
        if messages.has_text(self.code, "en"):
            return messages.render(self.code, self.params, lang)
        return self.message

    def action(self, lang: str = "en") -> str | None:
        """What to do about it, where the catalogue suggests something."""
        return messages.action(self.code, self.params, lang)

    def where(self, lang: str = "en") -> str:
        """The field for people: "item 1 · deposit" (for lists away from the form)."""
        return messages.describe_field(self.field, lang) if self.field else ""

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "field": self.field, "message": self.message}


@dataclass
class ValidationResult:
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, code: str, field_: str, message: str | None = None, *,
              params: Mapping[str, Any] | None = None) -> None:
        self.errors.append(Issue(code, field_, message or "", "error", dict(params or {})))

    def warn(self, code: str, field_: str, message: str | None = None, *,
             params: Mapping[str, Any] | None = None) -> None:
        self.warnings.append(Issue(code, field_, message or "", "warning",
                                   dict(params or {})))

    def codes(self) -> set[str]:
        return {i.code for i in self.errors} | {i.code for i in self.warnings}

    def as_dict(self) -> dict[str, list[dict[str, str]]]:
        return {
            "errors": [i.as_dict() for i in self.errors],
            "warnings": [i.as_dict() for i in self.warnings],
        }


class CampaignInvalid(PresaleError):
    """A campaign definition with blocking errors."""

    code = "campaign_invalid"

    def __init__(self, result: ValidationResult) -> None:
        first = result.errors[0] if result.errors else None
        msg = f"{first.field}: {first.message}" if first else "campaign is invalid"
        if len(result.errors) > 1:
            msg += f" (and {len(result.errors) - 1} more)"
        super().__init__(msg, code="campaign_invalid",
                         params={"count": len(result.errors)})
        self.result = result
