"""Benchmark: 2,000 packing slips with the engine's renderer vs a bare reportlab canvas.

    .venv/bin/python bench/bench_print.py [--slips 2000] [--runs 5] [--size a4|label]

Both sides draw the same content on the same page: shop and title, the order number
as text, Code128 and QR (the same module matrix), recipient and address, the ship
promise, the item rows, totals, a thank-you card and the footer, in the same embedded
font. The bare canvas gets its text already wrapped and its positions fixed (done
before its clock starts); the renderer measures, wraps, paginates and looks its words
up in the catalogue itself. Each run is a fresh process (font registration and the
first use of the catalogue count, as they do for a user); the median is reported.

Memory: the peak of Python allocations (tracemalloc) at 500 and at 2,000 slips, in a
separate run of each side (tracemalloc slows the code it watches).
Results go to stdout as Markdown for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
ADDRESS = "浙江省杭州市西湖区文三路 398 号 东方通信大厦 12 楼 1203 室"
CARD = "感谢您参与我们的预售！收到商品后如有任何问题，请联系客服，我们会第一时间为您处理。"
NAMES = ["轻暖羽绒服 连帽短款", "闪星 925银耳钉", "家用制冰机 小型 15kg", "圣诞礼盒 Gift Box"]


def machine() -> str:
    model = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{model}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}"


def orders(n: int) -> Iterator[object]:
    from presale_engine.printing import SlipLine, SlipOrder

    for i in range(n):
        lines = tuple(SlipLine(f"SKU-{(i + k) % 7:03d}", NAMES[(i + k) % 4], "黑色 / M", 1 + k)
                      for k in range(1 + i % 3))
        yield SlipOrder(order_no=f"69{4_000_000_000_000_000 + i:017d}", platform="douyin",
                        seq=i + 1, ordered_at=NOW, recipient="张三", phone="138****1234",
                        address=ADDRESS, lines=lines, ship_by=NOW,
                        promise="预售商品，尾款支付后10天内发货")


def run_renderer(n: int, out: Path, size: str) -> float:
    from presale_engine.printing import PackingSlips, SheetHead

    start = time.perf_counter()
    PackingSlips(SheetHead("星河优品", NOW, "zh"), orders(n), size=size, wave_id=1,
                 wave_orders=n, card=CARD).write(out)
    return time.perf_counter() - start


def run_canvas(n: int, out: Path, size: str) -> float:
    """The same content straight on a canvas: fixed positions, text wrapped beforehand."""
    from reportlab.graphics.barcode.code128 import Code128Auto
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from presale_engine.paths import resources_dir
    from presale_engine.printing.barcodes import qr_modules
    from presale_engine.printing.fonts import FONT_FILE

    items = list(orders(n))  # data and wrapping are not timed for the bare canvas
    start = time.perf_counter()
    pdfmetrics.registerFont(TTFont("F", str(resources_dir() / "fonts" / FONT_FILE),
                                   subfontIndex=0))
    w, h = A4 if size == "a4" else (100 * mm, 150 * mm)
    m = 14 * mm if size == "a4" else 4 * mm
    c = Canvas(str(out), pagesize=(w, h), invariant=True, initialFontName="F",
               pageCompression=1)
    for o in items:
        y = h - m
        c.setFont("F", 12)
        c.drawString(m, y - 12, "星河优品")
        c.drawRightString(w - m, y - 12, "装箱单")
        c.setFont("F", 7)
        c.drawRightString(w - m - 60, y - 12, f"波次 #1 · 第 {o.seq}/{n} 单")
        c.line(m, y - 20, w - m, y - 20)
        c.setFont("F", 16)
        c.drawString(m, y - 45, o.order_no)
        code = Code128Auto(o.order_no, barWidth=0.4 * mm, barHeight=14 * mm, quiet=True)
        code.drawOn(c, m, y - 90)
        rows = qr_modules(o.order_no)
        box = 30 * mm / (len(rows) + 4)
        p = c.beginPath()
        for r, row in enumerate(rows):
            for col, dark in enumerate(row):
                if dark:
                    p.rect(w - m - 30 * mm + (col + 2) * box, y - (r + 3) * box, box, box)
        c.drawPath(p, stroke=0, fill=1)
        c.setFont("F", 7)
        c.drawString(m, y - 100, "抖音 · 下单 2026-11-22 12:00")
        c.drawString(m, y - 115, "收件人")
        c.setFont("F", 11)
        c.drawString(m, y - 128, f"{o.recipient}  {o.phone}")
        c.setFont("F", 10)
        c.drawString(m, y - 141, o.address)
        c.setFont("F", 7)
        c.drawString(m, y - 155, f"发货承诺：{o.promise} · 最晚 2026-11-22 12:00 前发货")
        c.rect(m, y - 175, w - 2 * m, 12, stroke=0, fill=0)
        c.drawString(m, y - 172, "SKU")
        c.drawString(m + 42 * mm, y - 172, "商品 / 规格")
        c.drawRightString(w - m, y - 172, "数量")
        yy = y - 190
        for ln in o.lines:
            c.setFont("F", 8.5)
            c.drawString(m, yy, ln.sku)
            c.setFont("F", 9.5)
            c.drawString(m + 42 * mm, yy, ln.name)
            c.setFont("F", 8)
            c.drawString(m + 42 * mm, yy - 12, ln.variant)
            c.setFont("F", 10.5)
            c.drawRightString(w - m, yy, str(ln.qty))
            yy -= 30
            c.line(m, yy + 8, w - m, yy + 8)
        c.drawRightString(w - m, yy - 6, f"合计 {o.units} 件（{len(o.lines)} 种）")
        c.setDash(3, 2)
        c.line(m, m + 70 * mm, w - m, m + 70 * mm)
        c.setDash()
        c.roundRect(m + 3 * mm, m + 11 * mm, w - 2 * m - 6 * mm, 56 * mm, 2 * mm)
        c.setFont("F", 13)
        c.drawCentredString(w / 2, m + 60 * mm, "感谢您的购买！")
        c.setFont("F", 11)
        c.drawCentredString(w / 2, m + 52 * mm, CARD[:30])
        c.drawCentredString(w / 2, m + 46 * mm, CARD[30:])
        c.setFont("F", 7)
        c.drawString(m, m + 2 * mm, "星河优品 · 装箱单 · 打印于 2026-11-22 12:00")
        c.drawRightString(w - m, m + 2 * mm, "第 1/1 页")
        c.showPage()
    c.save()
    return time.perf_counter() - start


def child(which: str, n: int, size: str, memory: bool) -> None:
    out = Path(tempfile.mkdtemp()) / "slips.pdf"
    if memory:
        import tracemalloc

        tracemalloc.start()
    fn = run_renderer if which == "renderer" else run_canvas
    seconds = fn(n, out, size)
    peak = 0
    if memory:
        import tracemalloc

        peak = tracemalloc.get_traced_memory()[1]
    print(json.dumps({"seconds": seconds, "peak": peak, "bytes": out.stat().st_size}))


def spawn(which: str, n: int, size: str, memory: bool = False) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", which, "--slips", str(n), "--size", size]
    if memory:
        cmd.append("--memory")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--slips", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", choices=["a4", "label"], default="a4")
    ap.add_argument("--child", choices=["renderer", "canvas"])
    ap.add_argument("--memory", action="store_true")
    a = ap.parse_args()
    if a.child:
        child(a.child, a.slips, a.size, a.memory)
        return
    times: dict[str, list[float]] = {"canvas": [], "renderer": []}
    size_bytes: dict[str, float] = {}
    for _ in range(a.runs):  # interleaved, so drift hits both sides alike
        for which in ("canvas", "renderer"):
            r = spawn(which, a.slips, a.size)
            times[which].append(r["seconds"])
            size_bytes[which] = r["bytes"]
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"machine: {machine()}; {datetime.now().date()}; {a.slips} slips, {a.size}, "
          f"median of {a.runs} runs, fresh process each")
    print()
    print("| | median s | slips/s | runs (s) | file |")
    print("|---|---:|---:|---|---:|")
    for k in ("canvas", "renderer"):
        print(f"| {k} | {med[k]:.2f} | {a.slips / med[k]:.0f} | "
              f"{', '.join(f'{t:.2f}' for t in times[k])} | "
              f"{size_bytes[k] / 1e6:.1f} MB |")
    print(f"\nratio renderer / canvas: **{med['renderer'] / med['canvas']:.2f}x**")
    print("\n| peak Python memory | 500 slips | 2,000 slips |")
    print("|---|---:|---:|")
    for k in ("canvas", "renderer"):
        small = spawn(k, 500, a.size, memory=True)["peak"]
        big = spawn(k, a.slips, a.size, memory=True)["peak"]
        print(f"| {k} | {small / 1e6:.1f} MB | {big / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()
