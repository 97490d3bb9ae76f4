"""Presale Desk's PySide6 application: windows, pages, wizards, Qt models.

Everything here talks to the engine through ``presale_engine.service`` only.
"""
