"""The packaging files agree with the project: every resource folder is bundled, the
desktop entry starts the installed command, the icon is there in both forms."""

from __future__ import annotations

import configparser
import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"


def test_the_spec_bundles_every_resource_folder() -> None:
    spec = (PACKAGING / "presale-desk.spec").read_text(encoding="utf-8")
    listed = set(re.search(r'for sub in \(([^)]*)\)', spec).group(1)  # type: ignore[union-attr]
                 .replace('"', "").replace(" ", "").split(",")) - {""}
    folders = {p.name for p in (REPO / "resources").iterdir() if p.is_dir()}
    # i18n goes in as compiled .qm files only (the .ts sources stay out).
    assert listed | {"i18n"} == folders
    assert '"*.qm"' in spec
    for needed in ("env.py", "script.py.mako", '"versions"'):  # Alembic reads them from disk
        assert needed in spec


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "presale-desk.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert d["Exec"].split()[0] in scripts["gui-scripts"]
    assert d["Type"] == "Application"
    assert d["Icon"] == "presale-desk"
    assert d["Name[zh_CN]"] == "预售管家"
    assert (PACKAGING / "icons" / f"{d['Icon']}.svg").is_file()
    assert (PACKAGING / "icons" / f"{d['Icon']}.png").is_file()
    assert d["Categories"].endswith(";")


def test_icon_png_is_256_square() -> None:
    head = (PACKAGING / "icons" / "presale-desk.png").read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")) == (256, 256)
