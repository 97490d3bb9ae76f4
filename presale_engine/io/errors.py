"""Errors of the spreadsheet import layer.

They subclass the engine's ``InputError`` so callers that only know the engine's error
types still show them properly, and carry a stable ``code``/``reason_code`` so the GUI
can translate without parsing English messages.
"""

from __future__ import annotations

from collections.abc import Sequence

from presale_engine.errors import InputError, PresaleError


class FileRejected(InputError):
    """A file we refuse to read: damaged, disguised, too big or crafted to hurt us."""

    code = "file_rejected"

    def __init__(self, file: str, reason: str, reason_code: str = "rejected") -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason
        self.reason_code = reason_code


class MissingColumns(InputError):
    """The sheet lacks columns the preset marks as required."""

    code = "missing_columns"

    def __init__(self, file: str, preset: str, missing: Sequence[str]) -> None:
        listed = ", ".join(missing)
        super().__init__(f"{file}: missing required columns for '{preset}': {listed}")
        self.file = file
        self.preset = preset
        self.missing = list(missing)


class UnknownLayout(InputError):
    """No preset recognises the header row (or no header row was found)."""

    code = "unknown_layout"


class PresetInvalid(InputError):
    """A column preset (built-in or user-saved JSON) that does not make sense."""

    code = "preset_invalid"


class Cancelled(PresaleError):
    """The user cancelled a long read; nothing was produced."""

    code = "cancelled"

    def __init__(self, file: str) -> None:
        super().__init__(f"{file}: reading was cancelled")
        self.file = file
