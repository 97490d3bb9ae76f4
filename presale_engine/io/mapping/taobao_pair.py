"""Taobao/Tmall's two reports read as one: the order report joined to the item report.

The seller centre exports an order report (订单报表: one row per order, with buyer,
status, payment times, stage info, amounts, but **no SKU**) and an item report (宝贝报表:
one row per item of an order, with title, price, quantity, 商家编码 / 外部系统编号,
attributes). ``open_pair`` reads both (GBK CSV or .xlsx, either order on the command
line) and joins them by 订单编号 into one table with one row per item row, which the
``taobao`` layout then maps like any export:

- order-level columns (订单编号, 订单状态, times, buyer, address, stage info, close
  reason, tracking) come from the order report; the columns the item report answers
  per item (宝贝标题, 宝贝总数量, 宝贝种类 and any SKU, attribute or price column of the
  order report) are left out, so the title, quantity, SKU, attributes and unit price
  are the item's. The item report's own 订单状态 is not used (the rules read the
  order's status with its stage info and close reason).
- SKU: 商家编码 of the item row, else its 外部系统编号.
- Money: an order of one item keeps the order's amounts; an order of several items has
  each order-level amount the layout reads (买家应付货款, 总金额 …) split over its lines in
  proportion to 价格 × 购买数量, exactly to the fen (the last line takes the remainder).
- Every order needs at least one item row and every item row an order: otherwise the
  rows are refused (file, row, 订单编号), like any unreadable cell.

Rows are numbered as the item report numbers them; ``locate`` turns a row error of the
joined table back into the file, row and column it comes from (an order-level cell
names the order report's row).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from presale_engine.io import values as V
from presale_engine.io.presets import Preset, match_columns, normalize_header
from presale_engine.money import from_minor, to_minor

from .rows import RowError

KEY = "订单编号"
STATUS = "订单状态"
# Headers only the order report writes, and only the item report (normalised).
ORDER_SIGNS = tuple(normalize_header(h) for h in (
    "买家会员名", "买家支付宝账号", "买家应付货款", "宝贝总数量", "宝贝种类", "订单关闭原因",
    "分阶段订单信息", "定金排名", "宝贝标题", "收货人姓名", "订单付款时间"))  # fmt: skip
ITEM_SIGNS = tuple(normalize_header(h) for h in (
    "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息"))  # fmt: skip
# Order-report columns the item report answers per item: left out of the joined table.
_PER_ITEM = frozenset(normalize_header(h) for h in (
    "宝贝标题", "宝贝总数量", "宝贝种类", "宝贝数量", "商品数量", "购买数量", "数量",
    "SKU商家编码", "商家编码", "商品商家编码", "商家货号", "外部系统编号", "宝贝属性",
    "销售属性", "商品属性", "颜色分类", "SKU属性", "宝贝单价", "商品单价", "单价", "价格",
    "标题", "商品标题", "商品名称"))  # fmt: skip
_SKU, _ALT_SKU = normalize_header("商家编码"), normalize_header("外部系统编号")
_PRICE, _QTY = normalize_header("价格"), normalize_header("购买数量")
_MONEY_FIELDS = ("total", "deposit", "balance")
# Order-level amounts of the order report, split over an order's lines with the ones
# the layout reads (so the preview shows each line's share in every money column).
_ORDER_MONEY = frozenset(normalize_header(h) for h in (
    "买家应付货款", "买家应付邮费", "总金额", "买家实际支付金额", "退款金额", "打款商家金额"))

Progress = Callable[[int, int], None]


def report_kind(headers: Sequence[str]) -> str | None:
    """``"orders"`` for a Taobao order report, ``"items"`` for an item report, else None."""
    folded = {normalize_header(h) for h in headers if h}
    if normalize_header(KEY) not in folded:
        return None
    n_order = sum(1 for s in ORDER_SIGNS if s in folded)
    n_item = sum(1 for s in ITEM_SIGNS if s in folded)
    if n_order >= 3 and n_order > n_item:
        return "orders"
    if n_item >= 3 and n_item > n_order:
        return "items"
    return None


def needs_items(headers: Sequence[str], preset: Preset) -> bool:
    """An order report the layout cannot read alone: it has no SKU column."""
    return (preset.platform == "taobao" and report_kind(headers) == "orders"
            and "sku" not in match_columns(headers, preset).indexes)


class PairedTable:
    """The joined table; used where the importer uses an open ``TableStream``."""

    def __init__(self, orders: _Read, items: _Read, preset: Preset) -> None:
        self.orders, self.items = orders, items
        self.file = f"{orders.file} + {items.file}"
        self.header_row = items.header_row
        self.all_text = orders.all_text and items.all_text
        self.skipped_rows = orders.skipped + items.skipped
        self.errors: list[RowError] = []  # rows that do not join (order without items …)
        self._order_row: dict[int, int] = {}  # joined row -> order report row
        self._alt_sku_rows: set[int] = set()
        self._columns: list[tuple[int, int]] = []  # joined column -> (file 0/1, index)
        self.headers: list[str] = []
        self.rows: list[tuple[int, list[object]]] = []
        self._join(preset)

    # -------------------------------------------------------------- the table interface
    def chunks(self, size: int = 4096) -> Iterator[list[tuple[int, list[object]]]]:
        for start in range(0, len(self.rows), size):
            yield self.rows[start:start + size]

    def __enter__(self) -> PairedTable:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def close(self) -> None:
        return None

    # -------------------------------------------------------------- errors
    def locate(self, errors: Sequence[RowError]) -> list[RowError]:
        """Row errors of the joined table as the two files have them (file, row,
        column), each cell once (an order-level cell is on every line of its order)."""
        source: dict[str, int] = {}
        for i, (src, _j) in enumerate(self._columns):
            source.setdefault(self.headers[i], src)
        out: list[RowError] = []
        seen: set[tuple[str, int, str, str]] = set()
        for e in errors:
            if source.get(e.column) == 0:
                got = replace(e, file=self.orders.file, row=self._order_row.get(e.row, e.row))
            else:
                column = e.column
                if column == self.items.header(_SKU) and e.row in self._alt_sku_rows:
                    column = self.items.header(_ALT_SKU) or column
                got = replace(e, file=self.items.file, column=column)
            key = (got.file, got.row, got.column, got.code)
            if key not in seen:
                seen.add(key)
                out.append(got)
        return out

    # -------------------------------------------------------------- joining
    def _join(self, preset: Preset) -> None:
        o, it = self.orders, self.items
        o_key, i_key = o.index(KEY), it.index(KEY)
        assert o_key is not None
        assert i_key is not None
        keep_o = [j for j, h in enumerate(o.headers)
                  if h and (normalize_header(h) not in _PER_ITEM)]
        drop_i = {normalize_header(KEY), normalize_header(STATUS)}
        keep_i = [j for j, h in enumerate(it.headers) if h and normalize_header(h) not in drop_i]
        self._columns = [(0, j) for j in keep_o] + [(1, j) for j in keep_i]
        self.headers = [o.headers[j] for j in keep_o] + [it.headers[j] for j in keep_i]
        sku_i, alt_i = it.index(_SKU), it.index(_ALT_SKU)
        price_i, qty_i = it.index(_PRICE), it.index(_QTY)

        orders: dict[str, tuple[int, list[object]]] = {}
        for row, cells in o.rows:
            no = self._order_no(o, row, cells, o_key)
            if no is None:
                continue
            if no in orders:
                self.errors.append(RowError(o.file, row, o.headers[o_key], no,
                                            f"the order is also in row {orders[no][0]}",
                                            "duplicate_conflict"))  # fmt: skip
                continue
            orders[no] = (row, cells)
        lines: dict[str, list[int]] = {}  # order number -> positions in self.rows
        for row, cells in it.rows:
            no = self._order_no(it, row, cells, i_key)
            if no is None:
                continue
            found = orders.get(no)
            if found is None:
                self.errors.append(RowError(
                    it.file, row, it.headers[i_key], no,
                    f"no order with this number in {o.file}", "order_not_in_report"))
                continue
            o_row, o_cells = found
            if (sku_i is not None and alt_i is not None and V.is_blank(_cell(cells, sku_i))
                    and not V.is_blank(_cell(cells, alt_i))):
                cells = list(cells)
                cells[sku_i] = cells[alt_i]
                self._alt_sku_rows.add(row)
            joined = [_cell(o_cells if src == 0 else cells, j) for src, j in self._columns]
            self._order_row[row] = o_row
            lines.setdefault(no, []).append(len(self.rows))
            self.rows.append((row, joined))
        for no, (row, _cells) in orders.items():
            if no not in lines:
                self.errors.append(RowError(
                    o.file, row, o.headers[o_key], no,
                    f"no item row for this order in {it.file}", "order_without_items"))
        self._split_money(preset, lines, price_i, qty_i)

    def _order_no(self, src: _Read, row: int, cells: list[object], key: int) -> str | None:
        """The row's order number; a row without one is refused here (it joins nothing)."""
        value = _cell(cells, key)
        try:
            got = V.ident(value)
        except V.CellError as exc:
            self.errors.append(RowError(src.file, row, src.headers[key], V.text(value) or "",
                                        exc.reason, exc.code))
            return None
        if got is None:
            self.errors.append(RowError(src.file, row, src.headers[key], "", "missing value",
                                        "missing_value"))
        return got

    def _split_money(self, preset: Preset, lines: dict[str, list[int]],
                     price_i: int | None, qty_i: int | None) -> None:
        """Order-level amounts over an order's lines, by price × quantity."""
        aliases = {normalize_header(a) for f in _MONEY_FIELDS
                   for a in preset.columns.get(f, ())} | _ORDER_MONEY
        money_cols = [i for i, (src, _j) in enumerate(self._columns)
                      if src == 0 and normalize_header(self.headers[i]) in aliases]
        if not money_cols:
            return
        cur = preset.currency
        for positions in lines.values():
            if len(positions) < 2:
                continue
            item_cells = [self._item_cells(self.rows[p][0]) for p in positions]
            weights = _weights(item_cells, price_i, qty_i, cur)
            for col in money_cols:
                first = self.rows[positions[0]][1][col]
                try:
                    amount = V.money(first, cur)
                except V.CellError:
                    continue  # the mapper reports it
                if amount is None:
                    continue
                for p, share in zip(positions, _split(to_minor(amount, cur), weights),
                                    strict=True):
                    self.rows[p][1][col] = str(from_minor(share, cur))

    def _item_cells(self, row: int) -> list[object]:
        return self.items.by_row[row]


def _cell(cells: Sequence[object], i: int) -> object:
    return cells[i] if i < len(cells) else None


def _weights(items: list[list[object]], price_i: int | None, qty_i: int | None,
             cur: str) -> list[Decimal]:
    """价格 × 购买数量 per line; the quantities when a price is missing; else equal."""
    try:
        qty = [Decimal(V.quantity(_cell(c, qty_i)) or 1) if qty_i is not None else Decimal(1)
               for c in items]
    except V.CellError:
        qty = [Decimal(1)] * len(items)
    try:
        prices = [V.money(_cell(c, price_i), cur) if price_i is not None else None
                  for c in items]
    except V.CellError:
        prices = [None]
    if all(p is not None for p in prices):
        got = [p * q for p, q in zip(prices, qty, strict=True) if p is not None]
        if sum(got) > 0:
            return got
    return qty if sum(qty) > 0 else [Decimal(1)] * len(items)


def _split(total: int, weights: list[Decimal]) -> list[int]:
    """``total`` minor units in proportion to ``weights``; the last line the remainder."""
    whole = sum(weights)
    shares = [int(total * w // whole) for w in weights[:-1]]
    return [*shares, total - sum(shares)]


class _Read:
    """One report read whole: headers, rows, where they start."""

    def __init__(self, stream: Any) -> None:
        self.file: str = stream.file
        self.headers: list[str] = list(stream.headers)
        self.header_row: int = stream.header_row
        self.all_text: bool = stream.all_text
        self.rows: list[tuple[int, list[object]]] = [
            (r, list(cells)) for chunk in stream.chunks(4096) for r, cells in chunk]
        self.skipped: int = stream.skipped_rows
        self.by_row = dict(self.rows)
        self._folded: dict[str, int] = {}
        for i, h in enumerate(self.headers):
            if h:
                self._folded.setdefault(normalize_header(h), i)

    def index(self, header: str) -> int | None:
        return self._folded.get(normalize_header(header))

    def header(self, folded: str) -> str | None:
        i = self._folded.get(folded)
        return None if i is None else self.headers[i]


def open_pair(first: str | Path, second: str | Path, preset: Preset, *,
              header_hint: Callable[[list[str]], int] | None = None,
              progress: Progress | None = None,
              cancel: Callable[[], bool] | None = None) -> PairedTable:
    """Read the order report and the item report (either order) and join them.

    Raises ``UnknownLayout`` with ``code`` ``taobao_pair_files`` when the two files are
    not one order report and one item report."""
    from presale_engine.io.errors import UnknownLayout
    from presale_engine.io.tables import open_table

    reads: list[_Read] = []
    for n, path in enumerate((first, second)):
        part = _part(progress, n)
        with open_table(path, header_hint=header_hint, header_min_score=3, clean=False,
                        progress=part, cancel=cancel) as stream:
            reads.append(_Read(stream))
    kinds = [report_kind(r.headers) for r in reads]
    if kinds == ["items", "orders"]:
        reads.reverse()
    elif kinds != ["orders", "items"]:
        raise UnknownLayout(code="taobao_pair_files",
                            params={"first": reads[0].file, "second": reads[1].file})
    return PairedTable(reads[0], reads[1], preset)


def _part(progress: Progress | None, n: int) -> Progress | None:
    """The first file fills the first half of the bar, the second the other half."""
    if progress is None:
        return None
    outer = progress

    def inner(done: int, total: int) -> None:
        outer(n * 500 + 500 * done // max(total, 1), 1000)

    return inner


def open_orders(path: str | Path, items: str | Path | None, pool: Sequence[Preset],
                presets: Mapping[str, Preset], *, progress: Progress | None = None,
                cancel: Callable[[], bool] | None = None) -> Any:
    """The order rows to import (or preview): ``path`` streamed, or, with ``items``,
    Taobao's order report and item report joined. Both have ``headers``, ``file``,
    ``header_row``, ``all_text``, ``skipped_rows`` and ``chunks(n)`` and are context
    managers; the joined one also has ``errors`` (rows that join nothing) and
    ``locate(errors)``. ``pool``: the layouts that may read the file."""
    from presale_engine.errors import InputError
    from presale_engine.io.presets import header_scorer
    from presale_engine.io.tables import open_table

    hint = header_scorer(pool)
    if items is None:
        return open_table(path, header_hint=hint, header_min_score=3, clean=False,
                          progress=progress, cancel=cancel)
    base = pool[0] if len(pool) == 1 else presets.get("taobao")
    if base is None or base.platform != "taobao":
        raise InputError(code="taobao_pair_layout",
                         params={"name": base.name if base is not None else "taobao"})
    return open_pair(path, items, base, header_hint=hint, progress=progress, cancel=cancel)
