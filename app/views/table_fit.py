"""Columns at least as wide as their headers (after a live language switch, "Depos…",
"ncoming" and "ble to promise" were cut): one helper for every table in the app.

``fit_headers(view)`` widens (never narrows) each visible column whose header text does
not fit; ``fit_all_headers()`` does it for every table on screen, and
``app.i18n.apply_language`` calls it once the new texts are in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

HEADER_PAD = 28  # margins and the sort indicator


def fit_headers(view: QTableView, minimum: dict[int, int] | None = None) -> None:
    model = view.model()
    if model is None:
        return
    header = view.horizontalHeader()
    fm = header.fontMetrics()
    for col in range(model.columnCount()):
        if view.isColumnHidden(col) or header.sectionResizeMode(col) in (
                QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Fixed):
            continue
        text = model.headerData(col, Qt.Orientation.Horizontal)
        lines = str(text or "").splitlines() or [""]
        need = max(fm.horizontalAdvance(line) for line in lines) + HEADER_PAD
        need = max(need, (minimum or {}).get(col, 0))
        if view.columnWidth(col) < need:
            view.setColumnWidth(col, need)


def fit_all_headers() -> None:
    for w in QApplication.allWidgets():
        if isinstance(w, QTableView):  # also those on pages out of sight
            fit_headers(w)
