"""What an import reports: the counts, the refused rows, and the dry-run marker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError


class ImportRefused(InputError):
    """The file cannot be imported as it is; ``errors`` lists the rows and reasons."""

    code = "import_refused"

    def __init__(self, message: str, errors: Sequence[Any] = (),
                 unknown_statuses: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors)
        self.unknown_statuses = list(unknown_statuses)

    def as_dict(self) -> dict[str, Any]:
        return {
            "error": self.message,
            "errors": [{"file": e.file, "row": e.row, "column": e.column, "value": e.value,
                        "reason": e.reason, "code": e.code} for e in self.errors],
            "unknown_statuses": self.unknown_statuses,
        }


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


FLAGGED_LISTED = 1000


@dataclass
class ImportReport:
    file: str
    kind: str  # orders | products | supply
    platform: str | None = None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    skipped_rows: int = 0
    flagged: int = 0
    dry_run: bool = False
    not_moved_back: list[dict[str, Any]] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rejects_file: str | None = None
    # flagged orders by reason (no_campaign, outside_window, over_cap, over_limit)
    flagged_by_reason: dict[str, int] = field(default_factory=dict)
    # campaigns (draft or awaiting approval) that got new orders: [{id, name, status, orders}]
    inactive_campaigns: list[dict[str, Any]] = field(default_factory=list)
    # the first FLAGGED_LISTED flagged order lines created: [{id, order_no, sku, flags}]
    # (the GUI lists them and opens them in the order table; not in the JSON contract)
    flagged_orders: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated,
                "unchanged": self.unchanged, "rejected": self.rejected,
                "skipped_rows": self.skipped_rows, "platform": self.platform,
                "kind": self.kind, "file": self.file, "flagged": self.flagged,
                "dry_run": self.dry_run, "not_moved_back": self.not_moved_back,
                "extra_columns": self.extra_columns, "warnings": self.warnings,
                "rejects_file": self.rejects_file, "flagged_by_reason": self.flagged_by_reason,
                "inactive_campaigns": self.inactive_campaigns}
