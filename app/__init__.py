"""Presale Desk's PySide6 application: windows, pages, wizards, Qt models.

Everything here talks to the engine through ``presale_engine.service`` only.
"""

from app.pyside_fix import protect_bools as _protect_bools

_protect_bools()  # before any signal is emitted (see app/pyside_fix.py)
