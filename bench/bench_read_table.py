"""Time ``read_table`` against a bare python-calamine read on a big Douyin-style sheet.

Why: ``read_table`` adds a safety scan (xlsxguard) and per-row work on top of calamine;
this shows what that costs. The workbook is generated outside the repository (a temp
dir unless --out is given) with xlsxwriter's constant_memory mode, which writes inline
strings: 200,000 x 25 is then ~17 MB zipped but ~246 MB of sheet XML, over read_table's
default 200 MB unpack cap, so the cap is raised for the timing (and the default's
refusal is shown too). Each measurement runs in a fresh process to get its peak RSS.

    .venv/bin/python bench/bench_read_table.py [--rows 200000] [--out /tmp/dy.xlsx]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COLUMNS = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品ID", "商家编码", "商品数量",
    "商品单价", "定金金额", "尾款金额", "订单应付金额", "运费", "商家优惠", "支付方式",
    "订单提交时间", "定金支付时间", "尾款支付时间", "承诺发货时间", "发货时间", "订单状态",
    "售后状态", "订单类型", "商家备注", "买家留言", "快递单号",
]  # fmt: skip


def generate(path: Path, rows: int) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    rnd = random.Random(7)
    states = ["已发货", "备货中", "待支付尾款", "已完成", "已关闭", "待支付"]
    skus = ["YRF-001-BLK-M", "YRF-001-BLK-L", "YRF-001-WHT-M"]
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("订单")
    ws.write_row(0, 0, COLUMNS)
    base = 6934512094788948184
    for i in range(1, rows + 1):
        qty = rnd.choice((1, 1, 1, 2))
        ws.write_row(i, 0, [
            str(base + 2 * i), str(base + 2 * i + 1), "星河 秋冬新款加厚白鸭绒羽绒服",
            "颜色:黑色;尺码:L", "3601234567890", rnd.choice(skus), qty, "899.00",
            f"{50 * qty}.00", f"{729 * qty}.00", f"{779 * qty}.00", "0.00", f"{120 * qty}.00",
            "支付宝", "2026-10-24 21:48:00", "2026-10-24 21:51:00", "2026-11-01 12:51:00",
            "2026-11-11 12:51:00", "", rnd.choice(states), "", "定金预售", "", "要发顺丰",
            f"SF{rnd.randrange(10**11, 10**12)}",
        ])  # fmt: skip
    wb.close()


def measure(kind: str, path: str) -> dict[str, float]:
    start = time.perf_counter()
    if kind == "bare":
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(path)
        rows = wb.get_sheet_by_index(0).to_python()
        n = len(rows) - 1
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from presale_engine.io import read_table

        n = len(read_table(path, max_uncompressed_bytes=400_000_000).rows)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": round(seconds, 2), "rows": n, "peak_rss_mb": round(peak_mb)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--measure", choices=["bare", "read"])
    ap.add_argument("file", nargs="?")
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.file)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        path = args.out or Path(tmp) / f"douyin_{args.rows}.xlsx"
        if not path.exists():
            t = time.perf_counter()
            generate(path, args.rows)
            print(f"generated {path} ({path.stat().st_size / 1e6:.1f} MB) "
                  f"in {time.perf_counter() - t:.1f}s")  # fmt: skip
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from presale_engine.io import FileRejected, read_table

        try:
            read_table(path)
        except FileRejected as exc:
            print(f"default cap: refused as expected -> {exc.reason}")
        for kind in ("bare", "read", "bare", "read"):
            out = subprocess.run(
                [sys.executable, __file__, "--measure", kind, str(path)],
                check=True, capture_output=True, text=True,
            ).stdout  # fmt: skip
            label = "python-calamine to_python()" if kind == "bare" else "read_table()"
            print(f"{label:28s} {json.loads(out)}")


if __name__ == "__main__":
    main()
