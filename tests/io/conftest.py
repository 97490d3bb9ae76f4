"""Fixtures for the import-layer tests: the shared sample data and an .xlsx builder."""

from __future__ import annotations

from pathlib import Path

import pytest
from io_xlsx_parts import XlsxBuilder, build_xlsx


@pytest.fixture
def shared_data() -> Path:
    """The shared sample exports (/work/shared/data; CI clones shared/ beside the repo)."""
    path = Path(__file__).resolve().parents[2].parent / "shared" / "data"
    if not path.is_dir():
        pytest.skip(f"shared sample data not found at {path}")
    return path


@pytest.fixture
def make_xlsx(tmp_path: Path) -> XlsxBuilder:
    """``make_xlsx(sheet_xml, name=..., sst=..., extra_parts=...)`` -> path in tmp_path."""

    def build(sheet: str | bytes, *, name: str = "book.xlsx", **kw: object) -> Path:
        return build_xlsx(tmp_path / name, sheet, **kw)  # type: ignore[arg-type]

    return build
