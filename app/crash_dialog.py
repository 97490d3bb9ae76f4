"""The crash dialog: something unexpected happened; the details, ready to copy.

Separate from ``app.errors`` so the dialog's Qt classes load only when one is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    """Something went wrong that we did not expect: the details, ready to copy."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Presale Desk: unexpected error"))
        self.resize(680, 440)
        lay = QVBoxLayout(self)
        intro = self.tr("Sorry, something unexpected went wrong. Your data is safe: every "
                        "change is saved in one step or not at all.\nPlease send the "
                        "details below to whoever supports Presale Desk for you.")
        if log_file is not None:
            intro += "\n" + self.tr("A copy was written to %1").replace("%1", str(log_file))
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lay.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
