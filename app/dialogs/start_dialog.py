"""First start (no database known yet): open a file, make a new one, or try the demo."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)


def db_filter() -> str:
    return QCoreApplication.translate(
        "StartDialog", "Presale Desk database (*.sqlite3 *.sqlite *.db);;All files (*)")


def ask_open_path(parent: QWidget | None) -> str:
    path, _f = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("StartDialog", "Open database"), "", db_filter())
    return path


def ask_new_path(parent: QWidget | None) -> str:
    path, _f = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("StartDialog", "New database"), "shop.sqlite3",
        db_filter())
    if path and "." not in path.rsplit("/", 1)[-1]:
        path += ".sqlite3"
    return path


class StartDialog(QDialog):
    """``choice`` after exec: ("open", path), ("new", path) or ("demo", "")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("Welcome to Presale Desk"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Presale Desk · 预售管家"))
        title.setObjectName("PageHeading")
        lay.addWidget(title)
        intro = QLabel(self.tr("Run presale campaigns on Taobao/Tmall, JD, Douyin and TikTok "
                               "Shop: set them up, track every order from deposit to "
                               "shipment, and ship on time.\nWhere is your shop's data?"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.open_button = QCommandLinkButton(
            self.tr("Open a database file…"),
            self.tr("A shop you already keep in Presale Desk"))
        self.new_button = QCommandLinkButton(
            self.tr("Create a new database…"),
            self.tr("Start an empty shop in a new file"))
        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo shop"),
            self.tr("Try everything on a sample shop with 20,000 orders (made once, takes a "
                    "few seconds)"))
        for b in (self.open_button, self.new_button, self.demo_button):
            lay.addWidget(b)
        self.open_button.clicked.connect(self._open)
        self.new_button.clicked.connect(self._new)
        self.demo_button.clicked.connect(self._demo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)

    def _open(self) -> None:
        path = ask_open_path(self)
        if path:
            self.choice = ("open", path)
            self.accept()

    def _new(self) -> None:
        path = ask_new_path(self)
        if path:
            self.choice = ("new", path)
            self.accept()

    def _demo(self) -> None:
        self.choice = ("demo", "")
        self.accept()
