"""What an empty table says instead of nothing: why it is empty and what to do first.

An ``EmptyState`` lies over a view's viewport (it follows its size), with a title, a
sentence and buttons; the page fills the texts and shows or hides it with its data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class EmptyState(QWidget):
    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view.viewport())
        self.setObjectName("EmptyState")
        self.view = view
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setObjectName("PageSubheading")
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.title)
        lay.addWidget(self.body)
        lay.addSpacing(8)
        lay.addLayout(self.buttons)
        lay.addStretch(2)
        self.buttons.addStretch(1)
        self._count = 0
        view.viewport().installEventFilter(self)
        self.hide()

    def add_button(self, slot: Callable[[], object]) -> QPushButton:
        """A button (text set by the page's retranslate), left to right."""
        b = QPushButton()
        b.clicked.connect(lambda _c=False: slot())
        self.buttons.insertWidget(1 + self._count, b)
        self._count += 1
        return b

    def set_texts(self, title: str, body: str) -> None:
        self.title.setText(title)
        self.body.setText(body)

    def show_over(self, on: bool) -> None:
        if on:
            self.setGeometry(self.view.viewport().rect())
            self.raise_()
        self.setVisible(on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.view.viewport().rect())
        return False
