"""The wizard's demo campaign for ``python -m app.screenshots`` (the one command for the
whole set, sized 1366×768 and 1024×640); on its own, at one size:

Developer tool: render the six wizard pages in Chinese and English to PNG files.

    python -m app.wizards.screenshots [OUT_DIR]     (default: docs/screenshots)

Runs offscreen on a throw-away database with a Douyin down-jacket presale, builds the
wizard's translation into a temporary .qm, and loads a CJK font so Chinese shows.
The tests call ``render_all`` into a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presale_engine.service import Service

REPO = Path(__file__).resolve().parents[2]
TS_FILE = REPO / "resources" / "i18n" / "wizard_zh_CN.ts"
PAGE_SLUGS = ("basics", "skus", "pricing", "schedule", "limits", "review")
CJK_FONTS = (
    *sorted((REPO / "resources" / "fonts").glob("*.tt[fc]")),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
)
SIZE = (1000, 700)
DEMO = {
    "name": "星河 秋冬新款羽绒服定金预售", "platform": "douyin", "type": "deposit",
    "currency": "CNY", "timezone": "Asia/Shanghai", "purpose": "build_demand",
    "deposit_window": {"start": "2026-10-20T00:00:00", "end": "2026-10-31T23:59:59"},
    "balance_window": {"start": "2026-11-01T00:00:00", "end": "2026-11-03T23:59:59"},
    "ship": {"mode": "after_payment", "days": 10}, "reservation": "no_reserve",
    "per_buyer_limit": 2, "audience": "everyone",
    "items": [
        {"sku": "YRF-001-BLK-M", "price": "899.00", "deposit": "50.00",
         "deposit_value": "150.00", "balance_discount": "20.00", "cap": 120},
        {"sku": "YRF-001-BLK-L", "price": "899.00", "deposit": "50.00",
         "deposit_value": "150.00", "balance_discount": "20.00", "cap": 150},
        {"sku": "YRF-001-WHT-M", "price": "899.00", "deposit": "50.00",
         "deposit_value": "150.00", "balance_discount": "20.00", "cap": 60},
    ],
}
PRODUCTS = (
    ("YRF-001-BLK-M", "星河羽绒服", "黑色 M", 40, 220),
    ("YRF-001-BLK-L", "星河羽绒服", "黑色 L", 25, 180),
    ("YRF-001-WHT-M", "星河羽绒服", "白色 M", 12, 90),
    ("YRF-001-WHT-L", "星河羽绒服", "白色 L", 8, 75),
    ("SCF-002-RED", "羊绒围巾", "红色", 60, None),
)


def lrelease() -> str:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(here) if here.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise RuntimeError("pyside6-lrelease is not installed")
    return found


def build_qm(ts: Path, out_dir: Path) -> Path:
    """Compile ``ts`` into ``out_dir`` (the release build is the shell's business)."""
    qm = out_dir / (ts.stem + ".qm")
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def load_cjk_font() -> str | None:
    """Register a CJK font with Qt; its family name, or None if there is none."""
    from PySide6.QtGui import QFontDatabase

    for path in CJK_FONTS:
        if path.exists():
            fid = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
            if families:
                return families[0]
    return None


def demo_service(db_url: str) -> Service:
    from presale_engine.service import fixed_clock
    from presale_engine.service.setup import open_service

    svc = open_service(db_url, clock=fixed_clock(datetime(2026, 10, 10, 4, 0, tzinfo=UTC)))
    for sku, name, variant, on_hand, sold in PRODUCTS:
        svc.stock.add_product(sku, name, variant=variant, platform="douyin", on_hand=on_hand,
                        sales_30d=sold, list_price=Decimal("1099.00"))
    return svc


def render(service: Service, out_dir: Path, lang: str) -> list[Path]:
    """Walk a pre-filled wizard through its pages, saving each; returns the files."""
    from PySide6.QtWidgets import QApplication, QWizard

    from .campaign_wizard import CampaignWizard

    wizard = CampaignWizard(service, definition=json.loads(json.dumps(DEMO)))
    wizard.confirm_discard = False
    wizard.resize(*SIZE)
    wizard.show()
    files = []
    for n, slug in enumerate(PAGE_SLUGS, start=1):
        if slug == "skus":
            wizard.sku_page.search_edit.setText("YRF")
        if slug == "review":
            wizard.review.ack_check.setChecked(True)
        QApplication.processEvents()
        wizard.flush_check()
        QApplication.processEvents()
        path = out_dir / f"wizard_{n}_{slug}_{lang}.png"
        wizard.grab().save(str(path))
        files.append(path)
        if n < len(PAGE_SLUGS):
            wizard.button(QWizard.WizardButton.NextButton).click()
    wizard.close()
    wizard.deleteLater()
    return files


def render_all(out_dir: Path, langs: Sequence[str] = ("zh", "en")) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    assert isinstance(app, QApplication), "needs a QApplication"
    files: list[Path] = []
    default_font = app.font()
    with tempfile.TemporaryDirectory() as tmp:
        service = demo_service(f"sqlite:///{Path(tmp) / 'shots.sqlite3'}")
        try:
            for lang in langs:
                translators: list[Any] = []
                if lang == "zh":
                    family = load_cjk_font()
                    if family is None:
                        raise RuntimeError("no CJK font: apt-get install fonts-wqy-microhei")
                    app.setFont(QFont(family, default_font.pointSize()))
                    # the wizard's own, and the P&L table's it shows on the review page
                    for ts in (TS_FILE, TS_FILE.with_name("planning_zh_CN.ts")):
                        translator = QTranslator(app)
                        if not translator.load(str(build_qm(ts, Path(tmp)))):
                            raise RuntimeError(f"cannot load the translation {ts.name}")
                        QCoreApplication.installTranslator(translator)
                        translators.append(translator)
                try:
                    files += render(service, out_dir, lang)
                finally:
                    for translator in translators:
                        QCoreApplication.removeTranslator(translator)
                    app.setFont(default_font)
        finally:
            service.db.dispose()
    return files


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0]) if args else REPO / "docs" / "screenshots"
    app = QApplication.instance() or QApplication([])
    for path in render_all(out):
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
