"""Helpers shared by the CLI tests (imported by conftest and the test modules)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


def ok(r: Run) -> Any:
    """The JSON of a run that must have succeeded with nothing on stderr."""
    assert (r.code, r.err) == (0, ""), r.err
    return r.json
