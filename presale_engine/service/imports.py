"""Import use cases: platform order exports, product sheets, supply sheets.

Reading and checking every cell happens in ``presale_engine.io``; this module decides
what the rows mean for the database, in ONE transaction per file:

- a file with any unreadable row imports nothing (unless the caller asks for the valid
  rows only, in which case the rejected rows go to a workbook with their reasons);
- importing the same export twice changes nothing; a later export updates status,
  payments and tracking; an older export never moves an order backwards (those rows
  are reported);
- orders are facts: breaking a campaign rule (cap, per-buyer limit, window) is flagged
  for the risk view, never refused;
- cancelling (the ``cancel`` callable) rolls everything back.

Orders go through a streaming path built for 200,000-row exports (bench/bench_import.py):
the sheet is read in chunks and mapped column by column (``io.OrderMapper``), each
valid row is kept as one small tuple with times as epoch seconds, and the database gets
driver-level bulk inserts and updates. One order line is keyed by platform, order
number and sub-order number; an export without sub-order numbers keys its lines by SKU
(``sku:<code>``), so an order of two SKUs is two lines.
"""

from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update

from ..errors import InputError
from ..money import to_minor
from ..store.models import (
    CampaignItem,
    Order,
    Product,
    StockMove,
    SupplyBatch,
)
from .base import Part

if TYPE_CHECKING:
    from ..io.mapping import RowError
    from ..io.preview import Preview
from .import_results import ImportRefused, ImportReport, _DryRun
from .order_writer import OrderWriter

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

_CHUNK = 4096  # rows per mapped chunk (and between cancel checks)


def _refuse(imp: Any, file: str) -> None:
    if imp.errors:
        first = imp.errors[0]
        more = f" (and {len(imp.errors) - 1} more)" if len(imp.errors) > 1 else ""
        raise ImportRefused(f"{first}{more}; nothing was imported", imp.errors,
                            getattr(imp, "unknown_statuses", ()))


def write_rejects(path: str | Path, headers: Sequence[str],
                  cells: Mapping[int, Sequence[object]], errors: Sequence[Any]) -> None:
    """The rejected rows as the file had them, with the reasons in front.

    Every cell is written as text (``write_string``): a buyer called ``=HYPERLINK(...)``
    stays that text and runs nothing. The file appears whole or not at all.
    """
    import xlsxwriter  # type: ignore[import-untyped]

    from ..io.tables import clean_text

    by_row: dict[int, list[str]] = defaultdict(list)
    for e in errors:
        by_row[e.row].append(f"{e.column}: {e.reason}" + (f" ('{e.value}')" if e.value else "")
                             if e.column else e.reason)  # fmt: skip
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    try:
        ws = wb.add_worksheet("rejected")
        bold = wb.add_format({"bold": True})
        for col, title in enumerate(["row", "reasons", *headers]):
            ws.write_string(0, col, title, bold)
        for out_row, n in enumerate(sorted(by_row), start=1):
            ws.write_number(out_row, 0, n)
            ws.write_string(out_row, 1, "; ".join(by_row[n]))
            for col, v in enumerate(cells.get(n, ()), start=2):
                if v is None or v == "":
                    continue
                if isinstance(v, float) and v.is_integer():
                    v = int(v)
                ws.write_string(out_row, col, clean_text(v) if isinstance(v, str) else str(v))
        ws.freeze_panes(1, 2)
    finally:
        wb.close()
    tmp.replace(target)

class ImportsPart(Part):
    # ------------------------------------------------------------------ orders
    def orders(self, path: str | Path, items: str | Path | None = None, *,
               platform: str | None = None, dry_run: bool = False,
               valid_only: str | Path | None = None, progress: Progress | None = None,
               cancel: CancelCheck | None = None,
               presets_dir: str | Path | None = None) -> ImportReport:
        """Import a platform order export (platform detected from the headers).

        ``items`` is the second file of a two-file export: Taobao/Tmall's item report
        (宝贝报表) beside its order report (订单报表), joined by 订单编号 with one order
        line per item row (``io.mapping.taobao_pair``; either file may come first). An
        order report without a SKU column imported alone is refused with
        ``InputError`` code ``taobao_items_needed``.

        The layouts are the built-in presets plus the user's own (``presets_dir``,
        default ``io.user_presets_dir()``): a saved custom mapping is detected like the
        built-ins and wins a tie with the one it extends.

        Raises ``ImportRefused`` (rows and reasons) when a row cannot be read, unless
        ``valid_only`` names a workbook for the rejected rows; ``io.FileRejected``,
        ``UnknownLayout`` or ``MissingColumns`` for files that cannot be read at all;
        ``io.Cancelled`` when ``cancel()`` returns true (nothing is written then).
        """
        from ..io import load_presets, user_presets_dir

        custom = presets_dir if presets_dir is not None else user_presets_dir()
        presets = {n: p for n, p in load_presets(custom).items() if p.table == "orders"}
        with _gc_paused():
            return self._import_orders(path, presets, platform, dry_run, valid_only,
                                       progress, cancel, items)

    def _import_orders(self, path: str | Path, presets: dict[str, Any], platform: str | None,
                       dry_run: bool, valid_only: str | Path | None,
                       progress: Progress | None, cancel: CancelCheck | None,
                       items: str | Path | None = None) -> ImportReport:
        from ..io import LAZY_TEXT_FIELDS, OrderMapper
        from ..io import detect_platform as detect
        from ..io.mapping.taobao_pair import needs_items, open_orders

        if platform in (None, "", "auto"):
            pool = list(presets.values())
        elif platform in presets:
            pool = [presets[platform]]
        else:
            raise InputError(code="unknown_order_layout", params={
                "name": platform, "known": ", ".join(["auto", *sorted(presets)])})
        rows: list[tuple[Any, ...]] = []
        rejected: dict[int, list[object]] = {}
        with open_orders(path, items, pool, presets, progress=_scaled(progress, 0, 700),
                         cancel=cancel) as stream:  # fmt: skip
            name = pool[0].name if len(pool) == 1 else detect(stream.headers, presets)
            if items is None and needs_items(stream.headers, presets[name]):
                raise InputError(code="taobao_items_needed", params={"file": stream.file})
            mapper = OrderMapper(stream.headers, stream.file, presets[name], times="epoch",
                                 money="minor", lazy=LAZY_TEXT_FIELDS, all_text=stream.all_text,
                                 header_row=stream.header_row)  # fmt: skip
            errors = mapper.result.errors
            for chunk in stream.chunks(_CHUNK):
                seen_errors = len(errors)
                rows.extend(mapper.feed(chunk))
                if valid_only is not None and len(errors) > seen_errors:
                    bad = {e.row for e in errors[seen_errors:]}
                    rejected.update((r, cells) for r, cells in chunk if r in bad)
            headers = list(stream.headers)
            table_skipped = stream.skipped_rows
        imp = mapper.finish()
        table_errors = list(imp.errors)  # as the rows of ``headers`` (the rejects workbook)
        locate = getattr(stream, "locate", None)
        if locate is not None:  # two files joined: errors name the file they come from
            imp.errors = [*stream.errors, *locate(imp.errors)]
            imp.warnings = locate(imp.warnings)
            # The rejects workbook numbers rows as the item report (the joined table).
            table_errors = [*(e for e in stream.errors if e.file == stream.items.file),
                            *table_errors]
        report = ImportReport(file=stream.file, kind="orders", platform=imp.platform,
                              skipped_rows=imp.skipped_rows + table_skipped,
                              extra_columns=list(imp.extra_columns),
                              warnings=[str(w) for w in imp.warnings], dry_run=dry_run)
        if imp.unknown_statuses:
            raise ImportRefused(
                f"{stream.file}: unknown status values: {', '.join(imp.unknown_statuses)}; "
                "add them to the column preset or a custom mapping; nothing was imported",
                imp.errors, imp.unknown_statuses)
        if imp.errors:
            if valid_only is None:
                _refuse(imp, stream.file)
            report.rejected = len({(e.file, e.row) for e in imp.errors})
        with suppress(_DryRun):
            OrderWriter(self.svc).write(rows, imp.platform, imp.currency, stream.file, report,
                                        dry_run, _scaled(progress, 700, 1000), cancel)
        if imp.errors and valid_only is not None:
            write_rejects(valid_only, headers, rejected, table_errors)
            report.rejects_file = str(valid_only)
        return report

    # ------------------------------------------------------------------ looking first
    def preview(self, path: str | Path, items: str | Path | None = None, *,
                kind: str | None = None, platform: str | None = None,
                check_rows: int | None = None, presets_dir: str | Path | None = None,
                progress: Progress | None = None, cancel: CancelCheck | None = None
                ) -> Preview:
        """What ``path`` holds and how it would import, writing nothing: the layout, the
        columns found and the field each feeds, the first rows, the rows the import
        would refuse and why (``io.preview``; the dialog and ``--dry-run`` show it).
        ``items``: the item report read with a Taobao order report (as ``orders``);
        ``Preview.needs`` says when a file still wants its other report."""
        from ..io.preview import build_preview

        return build_preview(path, kind=kind, platform=platform, presets_dir=presets_dir,
                             check_rows=check_rows, progress=progress, cancel=cancel,
                             items=items)

    def mapping_name_problem(self, name: str) -> str | None:
        """Why ``name`` cannot name a column mapping: "invalid" (letters, digits, - and _
        only) or "builtin" (a layout that comes with the app); None when it can."""
        from ..io import CUSTOM_NAME, load_presets

        if not CUSTOM_NAME.fullmatch(name):
            return "invalid"
        if name in load_presets(None):
            return "builtin"
        return None

    def mapping_exists(self, name: str, presets_dir: str | Path | None = None) -> bool:
        from ..io import user_presets_dir

        folder = Path(presets_dir) if presets_dir is not None else user_presets_dir()
        return (folder / f"{name}.json").exists()

    def save_mapping(self, name: str, preview: Preview, columns: Mapping[str, str | None],
                     statuses: Mapping[str, str], *,
                     presets_dir: str | Path | None = None) -> Path:
        """Save the seller's column mapping ``name`` over the layout ``preview`` used
        (``columns``: field -> header or None; ``statuses``: text -> order state). The
        folder is put back as it was if the saved mappings no longer load together.
        Raises ``io.PresetInvalid`` or ``OSError``."""
        from ..io import load_presets, save_custom_preset, user_presets_dir
        from ..io.preview import own_mapping

        folder = Path(presets_dir) if presets_dir is not None else user_presets_dir()
        data = own_mapping(name, preview, columns, statuses)
        target = folder / f"{name}.json"
        before = target.read_bytes() if target.is_file() else None
        path = save_custom_preset(data, folder)
        try:
            load_presets(folder)
        except BaseException:
            if before is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(before)
            raise
        return path

    def write_errors(self, path: str | Path, errors: Sequence[RowError],
                     headers: Sequence[str] | None = None,
                     reason: Callable[[RowError], str] | None = None) -> Path:
        """Refused rows as a workbook (file, row, column, value, reason), all or nothing."""
        from ..io.preview import ERROR_COLUMNS, write_errors_workbook

        return write_errors_workbook(path, errors, headers or ERROR_COLUMNS, reason)

    def members(self, path: str | Path, *, dry_run: bool = False,
                progress: Progress | None = None, cancel: CancelCheck | None = None
                ) -> ImportReport:
        """Add the buyers of a member list (会员名单); those already on it are unchanged.
        All or nothing: a row without a buyer refuses the file."""
        from ..io.members import read_members
        from ..store.models import Member

        imp = read_members(path, progress=progress, cancel=cancel)
        report = ImportReport(file=imp.file, kind="members", dry_run=dry_run)
        _refuse(imp, report.file)
        now = self.now()
        with self.db.session() as s:
            shop = self._shop(s)
            have = {(m.platform, m.buyer) for m in s.execute(
                select(Member).where(Member.shop_id == shop.id)).scalars()}
            for _row, buyer, platform in imp.members:
                if (platform, buyer) in have:
                    report.unchanged += 1
                    continue
                report.created += 1
                if not dry_run:
                    s.add(Member(shop_id=shop.id, platform=platform, buyer=buyer,
                                 added_at=now))
            if not dry_run:
                self._audit(s, "import.members", "shop", shop.id,
                            {"file": report.file, "created": report.created})
        return report

    def member_count(self) -> int:
        from ..store.models import Member

        with self.db.session() as s:
            return int(s.execute(select(func.count(Member.id))).scalar_one())

    def products(self, path: str | Path, *, dry_run: bool = False,
                        progress: Progress | None = None, cancel: CancelCheck | None = None
                        ) -> ImportReport:
        """Create or update products by SKU code; stock changes go to the ledger."""
        from ..io import Cancelled, RowError, read_products

        imp = read_products(path, progress=progress, cancel=cancel)
        report = ImportReport(file=Path(path).name, kind="products",
                              skipped_rows=imp.skipped_rows, dry_run=dry_run,
                              extra_columns=list(imp.extra_columns),
                              warnings=[str(w) for w in imp.warnings])
        # One product per SKU code in a shop: the same code for two platforms with other
        # values cannot both be true.
        first: dict[str, int] = {}
        code_col = imp.columns.get("code", "code")
        for r in imp.rows:
            if r.code in first:
                imp.errors.append(RowError(
                    report.file, r.excel_row, code_col, r.code,
                    f"product code already in row {first[r.code]} with other values",
                    "duplicate_conflict"))
            else:
                first[r.code] = r.excel_row
        imp.errors.sort(key=lambda e: e.row)
        _refuse(imp, report.file)
        now = self.now()
        try:
            with self.db.session() as s:
                shop = self._shop(s)
                cur = shop.currency
                have = {p.sku: p for p in s.execute(
                    select(Product).where(Product.shop_id == shop.id)).scalars()}
                for i, r in enumerate(imp.rows):
                    if cancel is not None and i % 256 == 0 and cancel():
                        raise Cancelled(report.file)
                    values: dict[str, Any] = {
                        "name": r.name, "variant": r.variant, "platform": r.platform,
                        "location": r.location, "sales_30d": r.sales_30d,
                        "cost": to_minor(r.cost, cur) if r.cost is not None else None,
                        "list_price": (to_minor(r.list_price, cur)
                                       if r.list_price is not None else None)}
                    values = {k: v for k, v in values.items() if v is not None}
                    p = have.get(r.code)
                    if p is None:
                        p = Product(shop_id=shop.id, sku=r.code, name=r.name or r.code,
                                    variant=r.variant or "", platform=r.platform,
                                    location=r.location or "", on_hand=r.on_hand or 0,
                                    cost=values.get("cost"), list_price=values.get("list_price"),
                                    sales_30d=r.sales_30d, updated_at=now)
                        s.add(p)
                        s.flush()
                        have[r.code] = p
                        if p.on_hand:
                            s.add(StockMove(product_id=p.id, delta=p.on_hand, reason="count",
                                            ref=f"import:{report.file}", at=now,
                                            actor=self.actor))
                        self._link_product(s, shop.id, p)
                        report.created += 1
                        continue
                    changed = {k: v for k, v in values.items() if getattr(p, k) != v}
                    for k, v in changed.items():
                        setattr(p, k, v)
                    if r.on_hand is not None and r.on_hand != p.on_hand:
                        s.add(StockMove(product_id=p.id, delta=r.on_hand - p.on_hand,
                                        reason="count", ref=f"import:{report.file}", at=now,
                                        actor=self.actor))
                        p.on_hand = r.on_hand
                        changed["on_hand"] = r.on_hand
                    if changed:
                        p.updated_at = now
                        report.updated += 1
                    else:
                        report.unchanged += 1
                self._audit(s, "import.products", "shop", shop.id,
                            {"file": report.file, "created": report.created,
                             "updated": report.updated})
                if dry_run:
                    raise _DryRun()
        except _DryRun:
            pass
        return report

    def _link_product(self, s: Any, shop_id: int, p: Product) -> None:
        s.execute(update(CampaignItem).where(CampaignItem.sku == p.sku,
                                             CampaignItem.product_id.is_(None))
                  .values(product_id=p.id))
        s.execute(update(Order).where(Order.sku == p.sku, Order.shop_id == shop_id,
                                      Order.product_id.is_(None)).values(product_id=p.id))

    # ------------------------------------------------------------------ supply
    def supply(self, path: str | Path, *, dry_run: bool = False,
                      progress: Progress | None = None, cancel: CancelCheck | None = None
                      ) -> ImportReport:
        """Add supply batches; a batch already there (same SKU, qty, date, supplier,
        note) is left alone, so re-importing the sheet changes nothing."""
        from ..io import Cancelled, RowError, read_supply

        imp = read_supply(path, progress=progress, cancel=cancel)
        report = ImportReport(file=Path(path).name, kind="supply",
                              skipped_rows=imp.skipped_rows, dry_run=dry_run,
                              extra_columns=list(imp.extra_columns),
                              warnings=[str(w) for w in imp.warnings])
        _refuse(imp, report.file)
        now = self.now()
        try:
            with self.db.session() as s:
                shop = self._shop(s)
                pids = {sku: pid for sku, pid in s.execute(
                    select(Product.sku, Product.id).where(Product.shop_id == shop.id)).all()}
                sku_col = imp.columns.get("sku", "sku")
                unknown = [RowError(report.file, r.excel_row, sku_col, r.sku,
                                    "no product with this SKU code; import the products first",
                                    "unknown_sku")
                           for r in imp.rows if r.sku not in pids]
                if unknown:
                    imp.errors.extend(unknown)
                    _refuse(imp, report.file)
                have: dict[tuple[Any, ...], int] = defaultdict(int)
                for b in s.execute(select(SupplyBatch).where(
                        SupplyBatch.product_id.in_(list(pids.values())))).scalars():
                    have[(b.product_id, b.qty, b.expected, b.supplier, b.note)] += 1
                seen: dict[tuple[Any, ...], int] = defaultdict(int)
                for i, r in enumerate(imp.rows):
                    if cancel is not None and i % 256 == 0 and cancel():
                        raise Cancelled(report.file)
                    key = (pids[r.sku], r.qty, r.expected_on, r.supplier or "", r.note or "")
                    seen[key] += 1
                    if seen[key] <= have[key]:
                        report.unchanged += 1
                        continue
                    s.add(SupplyBatch(product_id=pids[r.sku], qty=r.qty, received=0,
                                      expected=r.expected_on, supplier=r.supplier or "",
                                      note=r.note or "", created_at=now))
                    report.created += 1
                self._audit(s, "import.supply", "shop", shop.id,
                            {"file": report.file, "created": report.created})
                if dry_run:
                    raise _DryRun()
        except _DryRun:
            pass
        return report


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while an import builds its rows.

    A 200k-row import keeps hundreds of thousands of small containers alive; each full
    collection walks them all, which cost 12-15 % of the import (bench/bench_import.py).
    The rows hold no reference cycles, so nothing waits to be collected meanwhile. Nested
    or concurrent imports share one pause; collection resumes when the last one ends,
    and only if it was on before.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()

def _scaled(progress: Progress | None, lo: int, hi: int) -> Progress | None:
    """Map a step's (done, total) into [lo, hi] of one 0..1000 progress bar."""
    if progress is None:
        return None
    outer = progress

    def inner(done: int, total: int) -> None:
        outer(lo + (hi - lo) * done // max(total, 1), 1000)

    return inner

