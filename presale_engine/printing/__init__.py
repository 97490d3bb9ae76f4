"""Printed fulfilment sheets (issue 11): pick list, packing slips, hand-over manifest and
the campaign report, as PDF with reportlab and an embedded CJK TrueType font.

Pure engine: no database (the service reads the data, ``data``), no Qt. One renderer
base (``base.Sheet`` / ``base.FlowSheet``) and one module per sheet.
"""

from __future__ import annotations

from .base import LABEL, SIZES, Rendered, Sheet
from .data import (
    ManifestRow,
    PickLine,
    ReportData,
    ReportMetric,
    ReportSku,
    SheetHead,
    SlipLine,
    SlipOrder,
    WaveFacts,
)
from .manifest import Manifest
from .picklist import PickList, wave_code
from .report import CampaignReport
from .slips import PackingSlips

SHEETS = ("picklist", "slips", "manifest")

__all__ = [
    "LABEL",
    "SHEETS",
    "SIZES",
    "CampaignReport",
    "Manifest",
    "ManifestRow",
    "PackingSlips",
    "PickLine",
    "PickList",
    "Rendered",
    "ReportData",
    "ReportMetric",
    "ReportSku",
    "Sheet",
    "SheetHead",
    "SlipLine",
    "SlipOrder",
    "WaveFacts",
    "wave_code",
]
