"""``presale-desk`` start-up: which database opens, --screenshot, translations, the font."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from app import i18n
from app import settings as prefs
from app.main import main


def test_screenshot_writes_a_png_of_the_page(qapp: Any, demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots" / "orders_en.png"
    code = main(["--db", str(demo_path), "--screenshot", str(out), "--page", "orders",
                 "--lang", "en"])
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    assert prefs.recent_databases() == []  # a picture changes no settings
    assert prefs.get_str(prefs.PAGE) == ""


def test_screenshot_in_chinese(qapp: Any, demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "dashboard_zh.png"
    assert main(["--db", str(demo_path), "--screenshot", str(out), "--lang", "zh"]) == 0
    assert QImage(str(out)).width() == 1366
    assert i18n.current_language() == "zh_CN"


def test_screenshot_of_a_database_that_cannot_open_fails(qapp: Any, tmp_path: Path,
                                                        capsys: Any, shown: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from app import errors

    monkeypatch.setattr(errors, "show_error", shown.real_show_error)  # headless: no dialog
    out = tmp_path / "x.png"
    assert main(["--db", "nosuchdriver://x", "--screenshot", str(out)]) == 1
    assert not out.exists()
    assert "nosuchdriver" in capsys.readouterr().err


def test_start_prefers_db_then_shared_url_then_last(tmp_path: Path) -> None:
    from app.main import build_parser, start_target

    parse = build_parser().parse_args
    assert start_target(parse([])) is None  # nothing known: the start dialog
    last = tmp_path / "shop.sqlite3"
    last.touch()
    prefs.remember_database(str(last))
    assert start_target(parse([])) == (str(last), True)
    prefs.set_value(prefs.SHARED_URL, "postgresql+psycopg://u@h/db")
    assert start_target(parse([])) == ("postgresql+psycopg://u@h/db", False)
    assert start_target(parse(["--db", "other.sqlite3"])) == ("other.sqlite3", True)


def test_a_missing_last_file_is_not_opened(tmp_path: Path) -> None:
    from app.main import build_parser, start_target

    prefs.remember_database(str(tmp_path / "gone.sqlite3"))  # would be created empty
    assert start_target(build_parser().parse_args([])) is None


def test_screenshot_without_a_database_uses_the_demo(qapp: Any, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import app.databases as databases

    demo = tmp_path / "demo.sqlite3"
    monkeypatch.setenv("PRESALE_DEMO_DB", str(demo))
    monkeypatch.setattr(databases, "DEMO_ORDERS", 150)
    out = tmp_path / "alerts.png"
    assert main(["--screenshot", str(out), "--page", "alerts"]) == 0
    assert out.is_file()
    assert databases.demo_ready(demo)


def test_translations_build_from_ts_and_rebuild_when_older(tmp_path: Path) -> None:
    src = i18n.i18n_dir() / "presale_zh_CN.ts"
    ts = tmp_path / "presale_zh_CN.ts"
    shutil.copy(src, ts)
    built = i18n.build_translations(directory=tmp_path)
    assert built == [tmp_path / "presale_zh_CN.qm"]
    assert built[0].stat().st_size > 1000
    assert i18n.build_translations(directory=tmp_path) == []  # up to date
    ts.touch()
    qm = built[0]
    import os

    os.utime(qm, (qm.stat().st_atime, ts.stat().st_mtime - 10))
    assert i18n.build_translations(directory=tmp_path) == [qm]


def test_every_message_has_a_chinese_translation() -> None:
    import xml.etree.ElementTree as ET

    root = ET.parse(i18n.i18n_dir() / "presale_zh_CN.ts").getroot()
    missing = []
    for context in root.iter("context"):
        for msg in context.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            done = tr.get("type") not in ("unfinished", "vanished", "obsolete")
            text = "".join(n.text or "" for n in tr.iter("numerusform")) or (tr.text or "")
            if not done or not text.strip():
                missing.append(f"{context.findtext('name')}: {msg.findtext('source')}")
    assert missing == []


def test_system_language_and_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    assert i18n.resolve("zh") == "zh_CN"
    assert i18n.resolve("en") == "en"
    assert i18n.resolve("system") in i18n.LANGUAGES


def test_the_shipped_cjk_font_is_registered(qapp: Any) -> None:
    from PySide6.QtGui import QFontDatabase

    from app import fonts

    family = fonts.load_cjk_font(qapp)
    assert family is not None
    assert family in QFontDatabase.families()
    assert family in qapp.font().families()
    assert QFontDatabase.isSmoothlyScalable(family)


def test_start_dialog_choices(qtbot: Any, shown: Any, tmp_path: Path) -> None:
    from app.dialogs.start_dialog import StartDialog

    dlg = StartDialog()
    qtbot.addWidget(dlg)
    dlg.demo_button.click()
    assert dlg.choice == ("demo", "")
    shown.answers["open_file"] = (str(tmp_path / "shop.sqlite3"), "")
    dlg.open_button.click()
    assert dlg.choice == ("open", str(tmp_path / "shop.sqlite3"))
    shown.answers["save_file"] = (str(tmp_path / "new_shop"), "")
    dlg.new_button.click()
    assert dlg.choice == ("new", str(tmp_path / "new_shop.sqlite3"))
