"""Typed errors of the engine.

Callers (CLI, GUI) decide how to show an error by its type and ``code``, never by
matching message text. Messages are plain English; the GUI translates by code.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class PresaleError(Exception):
    """Base of every error the engine raises on purpose."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(PresaleError):
    code = "not_found"


class InputError(PresaleError):
    """Input that cannot be read: bad file, bad value, unknown option."""

    code = "input_error"


class IllegalTransition(PresaleError):
    """An order event that is not allowed in the order's current state."""

    code = "illegal_transition"

    def __init__(self, status: str, event: str, kind: str) -> None:
        super().__init__(f"cannot apply '{event}' to a {kind} order in state '{status}'")
        self.status = status
        self.event = event
        self.kind = kind


class Conflict(PresaleError):
    """The request contradicts stored data (duplicate key, wrong campaign status...)."""

    code = "conflict"


@dataclass(frozen=True)
class Issue:
    """One validation finding: ``code`` is stable, ``field`` a dotted path."""

    code: str
    field: str
    message: str
    severity: str = "error"  # "error" blocks, "warning" informs

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "field": self.field, "message": self.message}


@dataclass
class ValidationResult:
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, code: str, field_: str, message: str) -> None:
        self.errors.append(Issue(code, field_, message, "error"))

    def warn(self, code: str, field_: str, message: str) -> None:
        self.warnings.append(Issue(code, field_, message, "warning"))

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
        super().__init__(msg)
        self.result = result
