"""Dialogs of the main window (settings, start, duplicate campaign...)."""
