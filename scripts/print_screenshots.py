"""Render every printed sheet to PNG for docs/screenshots (A4 and label, zh and en).

    .venv/bin/python scripts/print_screenshots.py [OUT_DIR]

A small shop with the hostile names of the tests (markup characters and an emoji, a
200-character Chinese name), a wave of it, every sheet as PDF, then pdftoppm (Debian
poppler-utils) turns the first page(s) of each into PNG to look at.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    from wave_shop import NOW, build_shop

    from presale_engine.service import Service, fixed_clock
    from presale_engine.store import open_database

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not shutil.which("pdftoppm"):
        sys.exit("pdftoppm not found: apt-get install poppler-utils")
    work = Path(tempfile.mkdtemp())
    db = open_database(work / "shop.sqlite3")
    svc = Service(db, clock=fixed_clock(NOW), actor="screenshots")
    shop = build_shop(svc, 9)
    svc.printing.set_card_text("感谢您参与我们的预售！收到商品后如有任何问题，请联系客服 "
                               "Thanks for <waiting> & \"trusting\" us 🎁")
    w = svc.waves.create(carrier="顺丰速运 SF Express")
    first = svc.waves.parcels(w.id)[0].order_no
    svc.waves.scan(w.id, first)
    svc.waves.scan(w.id, "SF1400012345678", current=first)
    jobs: list[tuple[str, Path, int]] = []
    for lang in ("zh", "en"):
        for size in ("a4", "label"):
            for sheet in ("picklist", "slips", "manifest"):
                pdf = work / f"print-{sheet}-{size}-{lang}.pdf"
                svc.printing.sheet(sheet, w.id, pdf, size=size, lang=lang)
                # slips: the hostile name and the 200-character name (pages 1-2)
                jobs.append((pdf.stem, pdf, 2 if sheet == "slips" else 1))
        pdf = work / f"print-report-a4-{lang}.pdf"
        svc.printing.report(shop["campaign"], pdf, lang=lang)
        jobs.append((pdf.stem, pdf, 3))
    for stem, pdf, pages in jobs:
        dpi = "70" if "-a4-" in stem else "110"
        subprocess.run(["pdftoppm", "-png", "-r", dpi, "-f", "1", "-l", str(pages),
                        str(pdf), str(out / stem)], check=True)
        print(stem)
    db.dispose()


if __name__ == "__main__":
    main()
