"""The import dialog's second file: Taobao/Tmall's item report beside its order report.

Taobao's seller centre exports an order report (订单报表, no SKU codes) and an item report
(宝贝报表, one row per item); the engine imports them together. When the chosen file is
one of the two, this row says which other report to add and lets the seller pick it
(or drop both files at once); the dialog then previews and imports the pair. The words
are set by ``import_texts`` in the dialog's own translation context.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class SecondFileRow(QWidget):
    """Label, the chosen second file, and the buttons to choose or remove it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ImportSecondFile")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("ImportSecondFileHint")
        self.label.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("ChooseSecondFile")
        self.remove_button = QPushButton()
        lay.addWidget(self.label, 2)
        lay.addWidget(self.path_edit, 2)
        lay.addWidget(self.choose_button)
        lay.addWidget(self.remove_button)
        self.hide()
