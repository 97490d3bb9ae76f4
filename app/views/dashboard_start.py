"""What a new, empty shop shows on the dashboard: what to do first, with buttons that do
it (issue 13). The window connects ``chosen`` to its own actions: the import dialog,
the campaign wizard, the demo shop."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

STEPS = ("import", "campaign", "demo")


class StartPanel(QFrame):
    """Three first steps, each a line of explanation and a button."""

    # "import", "campaign" or "demo"
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StartPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.setSpacing(10)
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        self.buttons: dict[str, QPushButton] = {}
        self.texts: dict[str, QLabel] = {}
        for row, step in enumerate(STEPS):
            button = QPushButton()
            button.setMinimumWidth(180)
            button.clicked.connect(lambda _c=False, s=step: self.chosen.emit(s))
            text = QLabel()
            text.setWordWrap(True)
            text.setObjectName("FigureCaption")
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
            self.buttons[step], self.texts[step] = button, text
        lay.addLayout(grid)
        self.retranslate_ui()

    def set_available(self, step: str, available: bool) -> None:
        self.buttons[step].setEnabled(available)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("This shop has no orders or campaigns yet"))
        self.intro.setText(self.tr(
            "Start with one of these. The figures, charts and alerts appear here as soon "
            "as there are orders."))
        self.buttons["import"].setText(self.tr("Import orders…"))
        self.texts["import"].setText(self.tr(
            "Bring in the order export of Taobao/Tmall, JD, Douyin or TikTok Shop (.xlsx "
            "or .csv): orders, deposits and ship deadlines are read from it."))
        self.buttons["campaign"].setText(self.tr("Create a campaign…"))
        self.texts["campaign"].setText(self.tr(
            "Set up a presale step by step: SKUs, prices and deposit, schedule and ship "
            "window, checked against the platform's rules."))
        self.buttons["demo"].setText(self.tr("Open the demo shop"))
        self.texts["demo"].setText(self.tr(
            "Look around a made-up shop with campaigns on four platforms and orders in "
            "every state; your own database stays as it is."))
