"""Reading printed PDFs back in tests: text, fonts, bounds, barcodes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any


def pages_text(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def fonts(path: Path) -> list[dict[str, Any]]:
    """Every font of the file: name, embedded? (``pdffonts`` when there, else pypdfium2-free
    parsing with pdfplumber's pdfminer objects)."""
    exe = shutil.which("pdffonts")
    if exe:
        out = subprocess.run([exe, str(path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
        return [{"name": ln.split()[0], "embedded": ln.split()[-5] == "yes"} for ln in out
                if ln.strip()]
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    found: dict[str, bool] = {}
    with open(path, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        for page in PDFPage.create_pages(doc):
            res = resolve1(page.resources) or {}
            for font in (resolve1(res.get("Font")) or {}).values():
                font = resolve1(font)
                name = str(font.get("BaseFont"))
                desc = resolve1(font.get("FontDescriptor"))
                if desc is None and font.get("DescendantFonts"):
                    desc = resolve1(resolve1(resolve1(font["DescendantFonts"])[0])
                                    .get("FontDescriptor"))
                found[name] = bool(desc and any(k in desc for k in
                                                ("FontFile", "FontFile2", "FontFile3")))
    return [{"name": k, "embedded": v} for k, v in found.items()]


def outside(path: Path, margin_pt: float = 0.0) -> list[str]:
    """Characters, lines and boxes drawn outside the page less ``margin_pt``: none wanted."""
    import pdfplumber

    bad = []
    with pdfplumber.open(path) as pdf:
        for n, p in enumerate(pdf.pages, start=1):
            w, h = float(p.width), float(p.height)
            lo_x, hi_x, lo_y, hi_y = margin_pt, w - margin_pt, margin_pt, h - margin_pt
            for ch in p.chars:
                if (ch["x0"] < lo_x - 0.5 or ch["x1"] > hi_x + 0.5 or ch["top"] < lo_y - 0.5
                        or ch["bottom"] > hi_y + 0.5):
                    bad.append(f"page {n}: {ch['text']!r} at {ch['x0']:.0f},{ch['top']:.0f}")
            for obj in (*p.rects, *p.lines):
                if (obj["x0"] < lo_x - 1 or obj["x1"] > hi_x + 1 or obj["top"] < lo_y - 1
                        or obj["bottom"] > hi_y + 1):
                    bad.append(f"page {n}: shape at {obj['x0']:.0f},{obj['top']:.0f}")
    return bad


def barcodes(path: Path, dpi: int = 300) -> list[list[tuple[str, str]]]:
    """Per page: (format, text) of every barcode zxing-cpp finds in the rendered page."""
    import pypdfium2 as pdfium
    import zxingcpp

    out = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            image = pdf[i].render(scale=dpi / 72).to_pil()
            out.append(sorted((str(r.format).split(".")[-1].replace(" ", ""), r.text)
                              for r in zxingcpp.read_barcodes(image)))
    finally:
        pdf.close()
    return out
