"""Ask for the new name and the time shift of a campaign copy (last year's 双11 → this year's)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class DuplicateDialog(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicate campaign"))
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("The copy is a new draft with the same items and prices. "
                               "Shift its dates to reuse it for another sale."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(self.tr("%1 (copy)").replace("%1", name))
        self.shift_spin = QSpinBox()
        self.shift_spin.setRange(-3650, 3650)
        self.shift_spin.setSuffix(self.tr(" days"))
        self.shift_spin.setValue(0)
        form.addRow(self.tr("Name of the copy:"), self.name_edit)
        form.addRow(self.tr("Move all dates by:"), self.shift_spin)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.name_edit.textChanged.connect(
            lambda text: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(text.strip())))

    def values(self) -> tuple[str, int]:
        return self.name_edit.text().strip(), self.shift_spin.value()

    @staticmethod
    def ask(parent: QWidget | None, name: str) -> tuple[str, int] | None:
        """(new name, days to shift), or None when cancelled."""
        dlg = DuplicateDialog(name, parent)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return dlg.values()
