"""Where the app's read-only resources (presets, templates, fonts) live.

One function so the engine, the GUI, tests and a frozen PyInstaller bundle all agree:
an explicit override first (tests, power users), then the bundle, then the source tree.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "PRESALE_RESOURCES"


def resources_dir() -> Path:
    """Return the ``resources/`` directory.

    Order: ``$PRESALE_RESOURCES``; ``sys._MEIPASS/resources`` when running frozen
    (PyInstaller unpacks data files there); the repository root's ``resources/``.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None)
        if isinstance(bundle, str):
            return Path(bundle) / "resources"
    # presale_engine/paths.py -> repo root is two levels up.
    return Path(__file__).resolve().parent.parent / "resources"
