"""Developer tool: pictures of the dashboard and the risk tabs of Preferences, zh and
en, at 1366×768 and 1024×640.

    python -m app.views.dashboard_screenshots [OUT_DIR]      (default: docs/screenshots)

Writes ``dashboard_<lang>_<size>.png`` (the top: cards and key figures),
``dashboard_charts_<lang>_<size>.png`` (scrolled to the charts),
``dashboard_campaign_<lang>_<size>.png`` (the drill-down into the TikTok campaign),
``dashboard_empty_<lang>_<size>.png`` (a new shop's first steps) and
``settings_thresholds_<lang>_<size>.png`` / ``settings_health_<lang>_<size>.png``. A
throw-away 3,000-order demo shop with a few weeks of typed-in shop health; offscreen,
the shipped CJK font, ops synchronous.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.views.desk_screenshots import NOW, REPO, SIZES, _grab, _settle


def render_all(out_dir: Path, langs: Sequence[str] = ("zh", "en")) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from app import fonts, i18n, ops
    from presale_engine.service import fixed_clock
    from presale_engine.service.setup import generate_demo_shop, open_service

    app = QApplication.instance()
    assert isinstance(app, QApplication), "needs a QApplication"
    out_dir.mkdir(parents=True, exist_ok=True)
    if fonts.load_cjk_font(app) is None:
        raise RuntimeError("the CJK font in resources/fonts is missing")
    old_style, old_manager = app.styleSheet(), ops.manager()
    app.setStyleSheet((REPO / "resources" / "styles" / "presale.qss").read_text("utf-8"))
    manager = ops.TaskManager(synchronous=True)
    ops.set_manager(manager)
    files: list[Path] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            svc = open_service(Path(tmp) / "shots.sqlite3", clock=fixed_clock(NOW))
            empty = open_service(Path(tmp) / "empty.sqlite3", clock=fixed_clock(NOW))
            generate_demo_shop(svc, orders=3000)
            today = NOW.date()
            for weeks, rating, bad in ((5, "4.8", "0.012"), (4, "4.7", "0.015"),
                                       (3, "4.7", "0.019"), (2, "4.6", "0.022"),
                                       (1, "4.6", "0.024"), (0, "4.5", "0.027")):
                svc.risk.record_health(rating=Decimal(rating), bad_review_rate=Decimal(bad),
                                       day=today - timedelta(weeks=weeks))
            try:
                for lang in langs:
                    i18n.apply_language("zh_CN" if lang == "zh" else "en")
                    for size in SIZES:
                        files += _render(app, svc, empty, out_dir, lang, size)
            finally:
                svc.db.dispose()
                empty.db.dispose()
    finally:
        i18n.apply_language("en")
        ops.set_manager(old_manager)
        manager.deleteLater()
        app.setStyleSheet(old_style)
    return files


def _render(app: Any, svc: Any, empty: Any, out_dir: Path, lang: str,
            size: tuple[int, int]) -> list[Path]:
    from app.context import DeskContext
    from app.dialogs.settings_dialog import SettingsDialog, read_settings_data
    from app.main_window import MainWindow

    w_px, h_px = size
    tag = f"{lang}_{w_px}x{h_px}"
    files = []
    w = MainWindow()
    w.save_state_on_close = False
    w.resize(w_px, h_px)
    w.show()
    w.set_context(DeskContext.for_service(svc))
    w.show_page("dashboard")
    page = w.dashboard
    _settle(app, 0.3)
    files.append(_grab(w, out_dir / f"dashboard_{tag}.png"))
    bar = page.scroll.verticalScrollBar()
    bar.setValue(page.orders_chart.y() - 8)
    _settle(app, 0.2)
    files.append(_grab(w, out_dir / f"dashboard_charts_{tag}.png"))
    bar.setValue(page.flow_chart.y() - 8)
    _settle(app, 0.2)
    files.append(_grab(w, out_dir / f"dashboard_flow_{tag}.png"))
    tiktok = next(c.id for c in svc.campaigns.all() if c.platform == "tiktok"
                  and c.status == "approved")
    page.show_campaign(tiktok)
    bar.setValue(0)
    _settle(app, 0.3)
    files.append(_grab(w, out_dir / f"dashboard_campaign_{tag}.png"))
    dlg = SettingsDialog(read_settings_data(svc), svc, w)
    dlg.resize(min(720, w_px - 60), min(620, h_px - 40))
    dlg.show()
    dlg.tabs.setCurrentWidget(dlg.thresholds_tab)
    tab = dlg.thresholds_tab
    tab.profile_combo.setCurrentIndex(tab.profile_combo.findData("tiktok"))
    _settle(app, 0.2)
    files.append(_grab(dlg, out_dir / f"settings_thresholds_{tag}.png"))
    dlg.tabs.setCurrentWidget(dlg.health_tab)
    _settle(app, 0.2)
    files.append(_grab(dlg, out_dir / f"settings_health_{tag}.png"))
    dlg.tabs.setCurrentWidget(dlg.general_tab)
    _settle(app, 0.2)
    files.append(_grab(dlg, out_dir / f"settings_shop_{tag}.png"))
    dlg.reject()
    w.set_context(DeskContext.for_service(empty))
    w.show_page("dashboard")
    _settle(app, 0.3)
    files.append(_grab(w, out_dir / f"dashboard_empty_{tag}.png"))
    w.orders.reader.stop()
    w.close()
    w.deleteLater()
    _settle(app, 0.05)
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
