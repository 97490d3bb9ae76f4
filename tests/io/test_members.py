"""Member-only presales (issue 12, seed 000): the member list imported like the product
list (all or nothing, errors naming file, row and column), and the orders of a
member-only campaign from buyers not on it flagged ``not_a_member``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from presale_engine.service import ImportRefused, OrderFilter, OrderView


def all_orders(svc: Any) -> list[OrderView]:
    return list(svc.orders.find(OrderFilter(), limit=None))


def tiktok_members_only(svc: Any, shared_data: Path) -> int:
    definition = json.loads((shared_data / "campaigns" / "tiktok_gift_box.json").read_text())
    definition["audience"] = "members"
    return int(svc.campaigns.create(definition))


def test_orders_from_buyers_off_the_member_list_are_flagged(
        svc: Any, shared_data: Path, tmp_path: Path) -> None:
    cid = tiktok_members_only(svc, shared_data)
    members = tmp_path / "members.csv"
    members.write_text("会员名,平台\nuser94224,TikTok\nuser83871,\nuser94816,抖音\n",
                       encoding="utf-8")
    rep = svc.imports.members(members)
    assert (rep.created, rep.kind) == (3, "members")
    assert svc.imports.members(members).unchanged == 3  # again: nothing new
    rep = svc.imports.orders(shared_data / "tiktok_orders.csv")
    pre = [o for o in all_orders(svc) if o.campaign_id == cid]
    assert pre
    for o in pre:
        # user94816 is a member on Douyin only: a TikTok order of theirs is not
        assert ("not_a_member" in o.flags) == (o.buyer not in ("user94224", "user83871")), o
    assert rep.flagged_by_reason["not_a_member"] == sum("not_a_member" in o.flags for o in pre)
    # orders placed by hand are checked the same way
    placed = svc.orders.place(cid, "XMAS-BOX-01", buyer="user94224")
    assert "not_a_member" not in svc.orders.get(placed).flags
    other = svc.orders.place(cid, "XMAS-BOX-01", buyer="stranger")
    assert "not_a_member" in svc.orders.get(other).flags


def test_a_member_list_with_a_bad_row_imports_nothing(svc: Any, tmp_path: Path) -> None:
    bad = tmp_path / "members.csv"
    bad.write_text("买家昵称,平台\n张三,淘宝\n,京东\n李四,拼多多\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as e:
        svc.imports.members(bad)
    text = [str(x) for x in e.value.errors]
    assert text == ["members.csv, row 3, 买家昵称: no buyer on this row",
                    "members.csv, row 4, 平台: '拼多多' not a platform (one of taobao, jd, "
                    "douyin, tiktok, other)"]
    assert svc.imports.member_count() == 0
