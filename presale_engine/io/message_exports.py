"""The buyer message list: one row per order, for the platforms' bulk-messaging tools."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .export import Column, Exporter


class MessagesExport(Exporter):
    columns = (
        Column("order_no", "订单号", "Order no.", "id", 22),
        Column("buyer", "买家", "Buyer", "text", 18),
        Column("sku", "SKU", "SKU", "id", 16),
        Column("message", "消息内容", "Message", "text", 80),
        Column("compensation", "补偿金额", "Compensation", "money", 12),
    )
    title = ("买家消息", "Buyer messages")

    def __init__(self, batch: Any, *, lang: str = "zh") -> None:
        super().__init__(lang=lang)
        self.batch = batch

    def total(self) -> int | None:
        return len(self.batch.lines)

    def rows(self) -> Iterator[Sequence[object]]:
        for ln in self.batch.lines:
            yield (ln.order_no, ln.buyer, ln.sku, ln.text, ln.compensation)
