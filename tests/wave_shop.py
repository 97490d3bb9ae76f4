"""A small shop ready for waves and printing (shared by the service, CLI and GUI tests).

Three products, one with a hostile name (markup characters and an emoji) and one with
a 200-character Chinese name; a full-payment Douyin presale; orders with 19-digit
order numbers, paid at different times (so their deadlines differ), with recipients
and addresses.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import update

NOW = datetime(2026, 11, 22, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
HOSTILE = 'Gift <Box> & "Bow" 🎁'
LONG_CN = ("超长商品名称用于测试换行不越界" * 20)[:200]
SKUS = ("GIFT-BOX", "LONG-CN", "JKT-BLK-M")
ADDRESS = "浙江省杭州市西湖区文三路 398 号 东方通信大厦 12 楼 1203 室"


def order_no(i: int) -> str:
    return f"69{4_000_000_000_000_000 + i:017d}"


def build_shop(svc: Any, orders: int = 6, *, platform: str = "douyin") -> dict[str, Any]:
    """Products, a campaign and ``orders`` paid orders; returns their ids and numbers."""
    from presale_engine.store.models import Order

    svc.shop.update(name="星河优品 Star & <River>")
    svc.stock.add_product("GIFT-BOX", HOSTILE, variant="红色 / Red", location="A-10",
                          on_hand=500)
    svc.stock.add_product("LONG-CN", LONG_CN, variant="规格" * 20, location="A-2",
                          on_hand=500)
    svc.stock.add_product("JKT-BLK-M", "轻暖羽绒服", variant="黑色 / M", location="B-1",
                          on_hand=500)
    cid = svc.campaigns.create({
        "name": "双十二 羽绒服 & <礼盒> 预售", "platform": platform, "type": "full",
        "sale_window": {"start": "2026-11-01T00:00:00", "end": "2026-11-30T23:59:59"},
        "ship": {"mode": "after_payment", "days": 10},
        "items": [{"sku": s, "price": p} for s, p in zip(SKUS, ("39.90", "99.00", "899.00"),
                                                         strict=True)]})
    ids, nos = [], []
    start = datetime(2026, 11, 10, 2, 0, tzinfo=UTC)
    for i in range(orders):
        no = order_no(i)
        # later orders paid earlier: the last placed is the most urgent
        at = start + timedelta(hours=orders - i)
        oid = svc.orders.place(cid, SKUS[i % 3], 1 + i % 3, buyer=f"b{i}", order_no=no, at=at)
        svc.orders.transition(oid, "pay", at=at + timedelta(minutes=5))
        ids.append(oid)
        nos.append(no)
    with svc.db.session() as s:
        s.execute(update(Order).where(Order.id.in_(ids)).values(
            recipient="张三", phone="138****1234", address=ADDRESS))
    return {"campaign": cid, "ids": ids, "order_nos": nos}
