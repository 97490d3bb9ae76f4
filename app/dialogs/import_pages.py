"""The import dialog's tabs, each a widget that builds and holds its own views.

The dialog (``import_dialog.py``) owns the state (file, preview, report) and the words;
these pages own their layout and the models they show. They reach the dialog only
through the callbacks they are given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.import_models import (
    ChoiceDelegate,
    ColumnMappingModel,
    FlaggedOrdersModel,
    NotMovedBackModel,
    PreviewTableModel,
    RowErrorModel,
    StatusMappingModel,
)


def make_table(model: Any) -> QTableView:
    """A read-only, row-selecting table of ``model`` as every tab shows them."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().hide()
    return view


def _hint_label() -> QLabel:
    label = QLabel()
    label.setObjectName("PageSubheading")
    label.setWordWrap(True)
    return label


class PreviewPage(QWidget):
    """The first rows under their headers, with the engine field of each column."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = PreviewTableModel(parent)
        self.view = make_table(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.verticalHeader().show()  # the file's own row numbers
        self.view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.legend = _hint_label()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.legend)


class MappingPage(QWidget):
    """Orders: the field each column feeds and the meaning of unknown status texts,
    editable, with the button that saves them as the seller's own column mapping."""

    def __init__(self, parent: QWidget, edited: Callable[[], None],
                 save: Callable[[], None]) -> None:
        super().__init__(parent)
        self.hint = _hint_label()
        self.mapping_model = ColumnMappingModel(parent)
        self.mapping_model.edited.connect(edited)
        self.mapping_view = make_table(self.mapping_model)
        self.mapping_view.horizontalHeader().setStretchLastSection(True)
        self.mapping_delegate = ChoiceDelegate(self.mapping_view)  # one per view
        self.mapping_view.setItemDelegateForColumn(1, self.mapping_delegate)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_model = StatusMappingModel(parent)
        self.status_model.edited.connect(edited)
        self.status_view = make_table(self.status_model)
        self.status_view.horizontalHeader().setStretchLastSection(True)
        self.status_delegate = ChoiceDelegate(self.status_view)
        self.status_view.setItemDelegateForColumn(1, self.status_delegate)
        edit = QAbstractItemView.EditTrigger
        for view in (self.mapping_view, self.status_view):
            # One click opens the combo box (F2 too); arrow keys only move.
            view.setEditTriggers(edit.DoubleClicked | edit.EditKeyPressed)
            view.clicked.connect(lambda index, v=view: edit_choice(v, index))
        self.save_button = QPushButton()
        self.save_button.clicked.connect(save)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.hint)
        lay.addWidget(self.mapping_view, 1)
        lay.addWidget(self.status_label)
        lay.addWidget(self.status_view)
        lay.addLayout(row)


def edit_choice(view: QTableView, index: QModelIndex) -> None:
    """Open the combo box of an editable cell on a single click."""
    if (index.flags() & Qt.ItemFlag.ItemIsEditable and view.indexWidget(index) is None
            and view.state() != QAbstractItemView.State.EditingState):
        view.edit(index)


class ProblemsPage(QWidget):
    """The rows the import would refuse (or did), with a button to save them."""

    def __init__(self, parent: QWidget, save: Callable[[], None]) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = RowErrorModel(parent)
        self.view = make_table(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(save)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.view, 1)
        lay.addLayout(row)


class ResultPage(QWidget):
    """What the import did: the campaigns still in draft that got orders (with a button
    to activate each), the flagged order lines with why (and a button to open them in
    the order table), and the lines an older export did not move back."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # campaigns not active yet that got orders: a sentence and an Activate button each
        self.drafts_box = QWidget()
        self.drafts_layout = QVBoxLayout(self.drafts_box)
        self.drafts_layout.setContentsMargins(0, 0, 0, 0)
        self.draft_rows: list[tuple[QLabel, QPushButton]] = []
        self.flagged_label = QLabel()
        self.flagged_label.setWordWrap(True)
        self.flagged_model = FlaggedOrdersModel(parent)
        self.flagged_view = make_table(self.flagged_model)
        self.flagged_view.horizontalHeader().setStretchLastSection(True)
        self.show_flagged_button = QPushButton()
        self.not_moved_label = QLabel()
        self.not_moved_label.setWordWrap(True)
        self.not_moved_model = NotMovedBackModel(parent)
        self.not_moved_view = make_table(self.not_moved_model)
        self.not_moved_view.horizontalHeader().setStretchLastSection(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addWidget(self.drafts_box)
        head = QHBoxLayout()
        head.addWidget(self.flagged_label, 1)
        head.addWidget(self.show_flagged_button, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addLayout(head)
        lay.addWidget(self.flagged_view, 2)
        lay.addWidget(self.not_moved_label)
        lay.addWidget(self.not_moved_view, 1)
        lay.addStretch(0)  # the texts stay at the top when no table is shown
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
