"""Developer tool: pictures of the planner (forecast and plan, P&L, buyer messages), zh and
en, at 1366×768 and 1024×640, on a throw-away demo shop.

    python -m app.dialogs.planner_screenshots [OUT_DIR]      (default: docs/screenshots)

Writes ``planner_<tab>_<lang>_<size>.png``. Same set-up as ``app.views.desk_screenshots``
(offscreen, the shipped CJK font, the app's translations, ops run synchronously).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.views.desk_screenshots import NOW, REPO, SIZES, _grab, _settle


def render_all(out_dir: Path, langs: Sequence[str] = ("zh", "en")) -> list[Path]:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from app import fonts, i18n, ops
    from app.context import DeskContext
    from app.main_window import MainWindow
    from presale_engine.service import fixed_clock
    from presale_engine.service.setup import generate_demo_shop, open_service

    app = QApplication.instance()
    assert isinstance(app, QApplication), "needs a QApplication"
    out_dir.mkdir(parents=True, exist_ok=True)
    fonts.load_cjk_font(app)
    app.setStyleSheet((REPO / "resources" / "styles" / "presale.qss").read_text("utf-8"))
    manager = ops.TaskManager(synchronous=True)
    old = ops.manager()
    ops.set_manager(manager)
    files: list[Path] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            svc: Any = open_service(Path(tmp) / "plan.sqlite3", clock=fixed_clock(NOW))
            generate_demo_shop(svc, orders=3000)
            for lang in langs:
                i18n.apply_language("zh_CN" if lang == "zh" else "en")
                for w_px, h_px in SIZES:
                    size = f"{w_px}x{h_px}"
                    w = MainWindow()
                    w.save_state_on_close = False
                    w.resize(w_px, h_px)
                    w.show()
                    w.set_context(DeskContext.for_service(svc))
                    w.show_page("campaigns")
                    _settle(app, 0.3)
                    w.campaigns.select_campaign(4)
                    w.campaigns.open_planner()
                    dlg = w.campaigns.planner
                    dlg.resize(min(980, w_px - 40), min(560, h_px - 60))
                    dlg.safety.setValue(50)
                    _settle(app)
                    files.append(_grab(dlg, out_dir / f"planner_plan_{lang}_{size}.png"))
                    dlg.tabs.setCurrentIndex(1)
                    dlg.late_days.setValue(14)
                    _settle(app)
                    files.append(_grab(dlg, out_dir / f"planner_pnl_{lang}_{size}.png"))
                    dlg.tabs.setCurrentIndex(2)
                    dlg.purpose.setCurrentIndex(2)
                    dlg.msg_lang.setCurrentIndex(0 if lang == "zh" else 1)
                    d = date(2026, 12, 20)
                    dlg.new_date.setDate(QDate(d.year, d.month, d.day))
                    dlg.compensation.setText("5")
                    dlg.preview()
                    _settle(app)
                    files.append(_grab(dlg, out_dir / f"planner_messages_{lang}_{size}.png"))
                    dlg.reject()
                    w.orders.reader.stop()
                    w.close()
                    w.deleteLater()
                    _settle(app, 0.05)
            svc.db.dispose()
    finally:
        i18n.apply_language("en")
        ops.set_manager(old)
        manager.deleteLater()
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
