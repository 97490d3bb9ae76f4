"""Draw the Presale Desk icon: ``presale-desk.svg`` (the master) and a 256 px PNG.

    .venv/bin/python packaging/icons/make_icons.py

A shopping bag (the shop) with a clock badge (sales that open before the goods
ship), white and amber on the blue of the app's navigation. Plain shapes, no text,
so it renders the same everywhere; the PNG is drawn from the SVG by Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAME = "presale-desk"

SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Presale Desk</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#5673f0"/>
      <stop offset="1" stop-color="#2f45b5"/>
    </linearGradient>
  </defs>
  <rect x="12" y="12" width="232" height="232" rx="52" fill="url(#bg)"/>
  <path d="M100 100 V86 a28 28 0 0 1 56 0 V100" fill="none" stroke="#ffffff"
        stroke-width="13" stroke-linecap="round"/>
  <path d="M66 100 H190 L181 198 a14 14 0 0 1 -14 13 H89 a14 14 0 0 1 -14 -13 Z"
        fill="#ffffff"/>
  <circle cx="100" cy="126" r="7" fill="#2f45b5"/>
  <circle cx="156" cy="126" r="7" fill="#2f45b5"/>
  <circle cx="180" cy="180" r="44" fill="#f59f00" stroke="#3149b9" stroke-width="9"/>
  <path d="M180 156 V181 L197 192" fill="none" stroke="#ffffff" stroke-width="10"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def render_png(svg: Path, png: Path, size: int) -> None:
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(QByteArray(svg.read_bytes()))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):
        raise SystemExit(f"cannot write {png}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    svg = HERE / f"{NAME}.svg"
    svg.write_text(SVG, encoding="utf-8")
    png = HERE / f"{NAME}.png"
    render_png(svg, png, 256)
    print(svg)
    print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
