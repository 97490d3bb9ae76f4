"""Benchmark: importing 200,000-row order exports, against bare readers of the same files.

    .venv/bin/python bench/bench_import.py [--rows 200000] [--runs 3] [--dir DIR]
                                           [--only xlsx|csv] [--profile]

Generates (in a temp dir, or ``--dir`` to keep and reuse them) a Douyin-style .xlsx
(34 columns as the real export, written by xlsxwriter in its normal mode so strings go
to the shared-strings table as Excel and real exports do; a constant_memory copy with
inline strings is written too, to report its size) and a Taobao-style GBK .csv (26
columns, order numbers written as ``="..."``). Then, each run in a fresh subprocess so
its peak RSS is its own (``ru_maxrss`` read inside the child when the work is done):

  bare-calamine  CalamineWorkbook.from_path(f).get_sheet_by_index(0).to_python()
  bare-csv       open(f, encoding="gb18030"), csv.reader, list()
  import         Service.imports.orders(f) into a fresh SQLite file holding the shop and
                 the four sample campaigns (made before the clock starts: the figure is
                 parse + validate + link to campaigns + upsert)
  reimport       the same file again into a copy of the imported database (all unchanged)

Median of ``--runs``; the ratios are against the targets (xlsx import <= 2x calamine,
csv import <= 3x the csv module, peak memory <= 1.5x the bare reader). Peak RSS is the
child's VmHWM. Then one more import per file runs with timers around its phases (safety
scan, calamine load, row reading, mapping, database calls, the rest of the write) to
show where the time goes. ``--profile`` runs one cProfile'd import of each file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 22, 4, 0, tzinfo=UTC)

DOUYIN_COLUMNS = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品ID", "商家编码", "商品数量",
    "商品单价", "定金金额", "尾款金额", "订单应付金额", "运费", "商家优惠", "支付方式",
    "订单提交时间", "定金支付时间", "尾款支付时间", "承诺发货时间", "发货时间", "订单状态",
    "售后状态", "订单类型", "商家备注", "买家留言", "快递单号", "快递公司", "收件人",
    "收件人手机号", "省", "市", "区", "详细地址", "达人ID", "流量渠道",
]  # fmt: skip
TAOBAO_COLUMNS = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "总金额",
    "买家实际支付金额", "订单状态", "买家留言", "收货人姓名", "收货地址", "运送方式",
    "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "物流单号",
    "物流公司", "订单备注", "宝贝总数量", "店铺名称", "订单关闭原因", "分阶段订单信息",
    "定金排名", "商家编码",
]  # fmt: skip

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫浩宇轩"
_PLACES = [
    ("四川省", "成都市", "武侯区"), ("广东省", "深圳市", "南山区"), ("北京市", "北京市", "朝阳区"),
    ("浙江省", "杭州市", "西湖区"), ("江苏省", "南京市", "鼓楼区"), ("上海市", "上海市", "浦东"),
    ("湖北省", "武汉市", "洪山区"), ("陕西省", "西安市", "雁塔区"), ("山东省", "青岛市", "市南区"),
]  # fmt: skip
_STREETS = ["科技园南路", "天府大道", "中山北路", "建国路", "文三路", "解放大道", "人民路"]
_NOTES = ["", "", "", "", "要发顺丰", "请尽快发货", "送人的，别放发票", "周末送货"]


def _fmt(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S")


def _name(rnd: random.Random) -> str:
    return rnd.choice(_SURNAMES) + "".join(rnd.choices(_GIVEN, k=rnd.choice((1, 2))))


def _address(rnd: random.Random) -> tuple[str, str, str, str]:
    prov, city, dist = rnd.choice(_PLACES)
    detail = (f"{rnd.choice(_STREETS)}{rnd.randrange(1, 999)}号{rnd.randrange(1, 30)}栋"
              f"{rnd.randrange(100, 2999)}室")  # fmt: skip
    return prov, city, dist, detail


def douyin_rows(n: int, seed: int = 7) -> Iterator[list[Any]]:
    """A deposit presale of a down jacket: 3 SKUs, statuses as the Douyin preset knows."""
    rnd = random.Random(seed)
    skus = [("YRF-001-BLK-M", "颜色:黑色;尺码:M"), ("YRF-001-BLK-L", "颜色:黑色;尺码:L"),
            ("YRF-001-WHT-M", "颜色:白色;尺码:M")]  # fmt: skip
    states = ["待支付", "待支付尾款", "备货中", "已发货", "已完成", "已关闭"]
    weights = [3, 25, 30, 25, 12, 5]
    start = datetime(2026, 10, 20)
    order_no = 6934512094788948184
    for _ in range(n):
        order_no += rnd.randrange(2, 4000)
        sku, variant = rnd.choice(skus)
        qty = rnd.choice((1, 1, 1, 1, 2))
        status = rnd.choices(states, weights)[0]
        ordered = start + timedelta(seconds=rnd.randrange(0, 12 * 86400))
        dep_paid = ordered + timedelta(seconds=rnd.randrange(30, 900))
        bal_paid = datetime(2026, 11, 1) + timedelta(seconds=rnd.randrange(0, 3 * 86400))
        promised = bal_paid + timedelta(days=10)
        shipped = bal_paid + timedelta(seconds=rnd.randrange(86400, 6 * 86400))
        paid_dep = status != "待支付"
        paid_bal = status in ("备货中", "已发货", "已完成")
        sent = status in ("已发货", "已完成")
        prov, city, dist, detail = _address(rnd)
        yield [
            str(order_no), str(order_no + 1), "星河 秋冬新款加厚白鸭绒羽绒服", variant,
            "3601234567890", sku, qty, "899.00", f"{50 * qty}.00", f"{729 * qty}.00",
            f"{779 * qty}.00", "0.00", f"{120 * qty}.00",
            rnd.choice(("支付宝", "微信", "抖音支付")), _fmt(ordered),
            _fmt(dep_paid) if paid_dep else "", _fmt(bal_paid) if paid_bal else "",
            _fmt(promised) if paid_bal else "", _fmt(shipped) if sent else "", status,
            "", "定金预售", "", rnd.choice(_NOTES),
            f"SF{rnd.randrange(10**11, 10**12)}" if sent else "", "顺丰速运" if sent else "",
            _name(rnd), f"1{rnd.randrange(30, 99)}****{rnd.randrange(1000, 9999)}",
            prov, city, dist, detail, "", rnd.choice(("直播", "短视频", "商品卡")),
        ]  # fmt: skip


def taobao_rows(n: int, seed: int = 11) -> Iterator[list[str]]:
    """A deposit presale with tiers, as Taobao's order report writes it during the presale."""
    rnd = random.Random(seed)
    combos = [  # (订单状态, 订单关闭原因, 分阶段订单信息), weights as the sample
        ("买家已付款", "", "定金已付,尾款已付"), ("交易关闭", "买家未付尾款", "交易关闭"),
        ("等待买家付款", "", "定金已付,尾款未付"), ("交易成功", "", "定金已付,尾款已付"),
        ("卖家已发货，等待买家确认", "", "定金已付,尾款已付"), ("等待买家付款", "", "定金未付"),
    ]  # fmt: skip
    weights = [10, 5, 17, 4, 2, 2]
    start = datetime(2026, 10, 24, 20)
    order_no = 3712450084159525624
    for i in range(n):
        order_no += rnd.randrange(2, 50000)
        status, reason, stage = rnd.choices(combos, weights)[0]
        qty = rnd.choice((1, 1, 1, 2))
        amount = f"{30 * qty}.00"
        ordered = start + timedelta(seconds=rnd.randrange(0, 17 * 86400))
        paid = ordered + timedelta(seconds=rnd.randrange(30, 600))
        sent = status.startswith("卖家已发货") or status == "交易成功"
        prov, city, dist, detail = _address(rnd)
        yield [
            f'="{order_no}"', f"{rnd.choice(('月亮', '森林', '小鱼', '晴天', '阿木'))}"
            f"{rnd.randrange(1, 99999)}", "", amount, "0.00", amount,
            amount if stage != "定金未付" else "0.00", status, rnd.choice(_NOTES), _name(rnd),
            f"{prov} {city} {dist} {detail}", "快递",
            f"1{rnd.randrange(30, 99)}****{rnd.randrange(1000, 9999)}", _fmt(ordered),
            _fmt(paid) if stage != "定金未付" else "", "雪峰 家用碎冰机 小型刨冰机 双十一预售",
            "1", f"YT{rnd.randrange(10**12, 10**13)}" if sent else "",
            "圆通速递" if sent else "", "", str(qty), "星河家居旗舰店", reason, stage,
            str(i + 1), "ICE-200-WHT",
        ]  # fmt: skip


def generate_xlsx(path: Path, rows: int, *, constant_memory: bool) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": constant_memory})
    ws = wb.add_worksheet("订单")
    ws.write_row(0, 0, DOUYIN_COLUMNS)
    for i, row in enumerate(douyin_rows(rows), start=1):
        ws.write_row(i, 0, row)
    wb.close()


def generate_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="gb18030", newline="") as f:
        w = csv.writer(f)
        w.writerow(TAOBAO_COLUMNS)
        w.writerows(taobao_rows(rows))


# ------------------------------------------------------------------ one measurement


def _open_service(db_path: Path) -> Any:
    sys.path.insert(0, str(ROOT))
    from presale_engine.service import Service, fixed_clock
    from presale_engine.store import open_database

    db = open_database(f"sqlite:///{db_path}")
    return Service(db, clock=fixed_clock(NOW), actor="bench")


def measure(kind: str, path: str, db: str | None) -> dict[str, Any]:
    """Runs in the child process; returns seconds, rows and this process's peak RSS."""
    out: dict[str, Any] = {}
    if kind == "breakdown":
        return _breakdown(path, db)
    if kind == "bare-calamine":
        from python_calamine import CalamineWorkbook

        t = time.perf_counter()
        rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
        out["rows"] = len(rows) - 1
    elif kind == "bare-csv":
        t = time.perf_counter()
        with open(path, encoding="gb18030", newline="") as f:
            rows = list(csv.reader(f))
        out["rows"] = len(rows) - 1
    else:
        assert db is not None
        svc = _open_service(Path(db))
        svc.shop.get()  # schema and shop exist before the clock starts
        import python_calamine  # noqa: F401  (loaded on first use otherwise)

        from presale_engine.io import load_presets

        load_presets()
        t = time.perf_counter()
        rep = svc.imports.orders(path)
        out.update(created=rep.created, updated=rep.updated, unchanged=rep.unchanged,
                   rows=rep.created + rep.updated + rep.unchanged)  # fmt: skip
    out["seconds"] = time.perf_counter() - t
    out["peak_rss_mb"] = _peak_rss_mb()
    return out


def _peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: Linux carries the forking parent's
    high-water mark into ru_maxrss across exec, so a child started by a parent that just
    generated a big workbook would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _breakdown(path: str, db: str | None) -> dict[str, Any]:
    """One import with timers around its phases (not part of the medians)."""
    assert db is not None
    from presale_engine.io import mapping, tables
    from presale_engine.service import order_writer
    from presale_engine.store import bulk

    spent: dict[str, float] = {}

    def timed(owner: Any, name: str, label: str) -> None:
        fn = getattr(owner, name)

        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - t

        setattr(owner, name, wrapper)

    timed(tables, "inspect_xlsx", "xlsx safety scan")
    timed(tables, "_open_xlsx", "open xlsx (scan + calamine load)")
    timed(tables, "_open_csv", "open csv")
    timed(tables._Assembler, "add_batch", "row checks (blank, totals, cell length)")
    timed(mapping.OrderMapper, "feed", "mapping")
    timed(order_writer.OrderWriter, "write", "write phase")
    for name in ("insert_rows", "update_rows", "create_indexes"):
        timed(bulk, name, "database inserts, updates, index rebuild")
    svc = _open_service(Path(db))
    svc.shop.get()
    import python_calamine  # noqa: F401

    t = time.perf_counter()
    rep = svc.imports.orders(path)
    total = time.perf_counter() - t
    spent["total"] = total
    spent["reading rows (calamine iteration or csv parsing), rest"] = (
        total - spent.get("write phase", 0) - spent.get("mapping", 0)
        - spent.get("open xlsx (scan + calamine load)", 0) - spent.get("open csv", 0))
    return {"created": rep.created, "phases": {k: round(v, 2) for k, v in spent.items()}}


def _child(kind: str, path: Path, db: Path | None = None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--measure", kind, str(path)]
    if db is not None:
        cmd += ["--db", str(db)]
    res = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"{kind} on {path.name} failed:\n{res.stderr}")
    result: dict[str, Any] = json.loads(res.stdout.strip().splitlines()[-1])
    return result


SHARED = ROOT.parent / "shared" / "data"


def _fresh_db(work: Path, tag: str) -> Path:
    """A database file with the schema, the shop and the four sample campaigns (the
    generated orders fall in their windows, so the import links, flags and prices them),
    copied from a template made once."""
    template = work / "template.sqlite3"
    if not template.exists():
        svc = _open_service(template)
        svc.shop.get()
        for path in sorted((SHARED / "campaigns").glob("*.json")):
            svc.campaigns.create(json.loads(path.read_text("utf-8")))
        svc.db.dispose()
    db = work / f"{tag}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, db)
    return db


def _rounds(bare_kind: str, path: Path, runs: int, work: Path) -> list[dict[str, Any]]:
    """``runs`` rounds of (bare read, import, re-import), interleaved so that a drift in
    the machine's speed (this VM's is wide) weighs on the bare reader and on the import
    alike; each step a fresh child process. Returns one summary per step."""
    imported = _fresh_db(work, "imported")
    _child("import", path, imported)
    results: dict[str, list[dict[str, Any]]] = {bare_kind: [], "import": [], "reimport": []}
    for i in range(runs):
        results[bare_kind].append(_child(bare_kind, path))
        db = _fresh_db(work, f"run{i}")
        results["import"].append(_child("import", path, db))
        db.unlink(missing_ok=True)
        again = work / f"re{i}.sqlite3"
        shutil.copy(imported, again)
        results["reimport"].append(_child("reimport", path, again))
        again.unlink(missing_ok=True)
    return [{"kind": kind,
             "seconds": statistics.median(r["seconds"] for r in rs),
             "peak_rss_mb": statistics.median(r["peak_rss_mb"] for r in rs),
             "each": [round(r["seconds"], 2) for r in rs], "runs": rs}
            for kind, rs in results.items()]


def _profile(path: Path, work: Path) -> None:
    import cProfile
    import pstats

    db = _fresh_db(work, "profile")
    svc = _open_service(db)
    svc.shop.get()
    prof = cProfile.Profile()
    prof.enable()
    svc.imports.orders(path)
    prof.disable()
    svc.db.dispose()
    print(f"\n--- cProfile: import of {path.name} ---")
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import sqlite3

    return (f"{cpu}, {os.cpu_count()} CPUs, {mem:.0f} GB RAM; {platform.platform()}; "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", type=Path, help="keep the generated files here (and reuse them)")
    ap.add_argument("--only", choices=["xlsx", "csv"])
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("file", nargs="?", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.file, args.db)))
        return

    tmp = tempfile.TemporaryDirectory(prefix="bench-import-")
    data = args.dir or Path(tmp.name)
    data.mkdir(parents=True, exist_ok=True)
    work = Path(tmp.name) / "work"
    work.mkdir(exist_ok=True)
    xlsx = data / f"douyin_{args.rows}.xlsx"
    xlsx_inline = data / f"douyin_{args.rows}_inline.xlsx"
    gbk = data / f"taobao_{args.rows}.csv"
    todo = {"xlsx", "csv"} if args.only is None else {args.only}
    for path, make in (
        (xlsx, lambda p: generate_xlsx(p, args.rows, constant_memory=False)),
        (xlsx_inline, lambda p: generate_xlsx(p, args.rows, constant_memory=True)),
        (gbk, lambda p: generate_csv(p, args.rows)),
    ):
        if path.suffix.lstrip(".") not in todo or path.exists():
            continue
        t = time.perf_counter()
        make(path)
        print(f"generated {path.name}: {path.stat().st_size / 1e6:.1f} MB "
              f"in {time.perf_counter() - t:.0f} s", flush=True)  # fmt: skip

    print(f"machine: {_machine()}")
    print(f"date: {datetime.now(UTC):%Y-%m-%d}; median of {args.runs} runs, "
          "each in a fresh process")
    for path in (xlsx, xlsx_inline, gbk):
        if path.exists():
            print(f"  {path.name}: {path.stat().st_size / 1e6:.1f} MB")
    plans = []
    if "xlsx" in todo:
        plans.append((xlsx, "bare-calamine", 2.0))
    if "csv" in todo:
        plans.append((gbk, "bare-csv", 3.0))
    print()
    print("| file | step | time (s) | peak RSS (MB) | time vs bare | target | "
          "RSS vs bare | target |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for path, bare_kind, target in plans:
        rows = _rounds(bare_kind, path, args.runs, work)
        bare = rows[0]
        for r in rows:
            is_bare = r is bare
            tr = r["seconds"] / bare["seconds"]
            mr = r["peak_rss_mb"] / bare["peak_rss_mb"]
            print(f"| {path.name} | {r['kind']} | {r['seconds']:.2f} | {r['peak_rss_mb']:.0f} | "
                  f"{'' if is_bare else f'{tr:.2f}x'} | {'' if is_bare else f'{target:g}x'} | "
                  f"{'' if is_bare else f'{mr:.2f}x'} | {'' if is_bare else '1.5x'} |",
                  flush=True)  # fmt: skip
        print(f"<!-- {path.name} runs, in order: " + "; ".join(
            f"{r['kind']} {', '.join(map(str, r['each']))}" for r in rows) + " -->")
        counts = rows[1]["runs"][0]
        print(f"<!-- {path.name}: import created {counts.get('created')}, "
              f"re-import unchanged {rows[2]['runs'][0].get('unchanged')} -->")
    print()
    print("Where one import's time goes (single run, timers around each phase):")
    for path, _bare, _target in plans:
        got = _child("breakdown", path, _fresh_db(work, "breakdown"))
        print(f"  {path.name}: " + ", ".join(f"{k} {v:.2f} s" for k, v in got["phases"].items()))
    if args.profile:
        for path in (xlsx, gbk):
            if path.exists():
                _profile(path, work)
    tmp.cleanup()


if __name__ == "__main__":
    main()
