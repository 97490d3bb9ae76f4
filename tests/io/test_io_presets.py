"""Presets are data: they load, validate, detect platforms and can be extended by users."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from presale_engine.io import (
    ORDER_STATES,
    PresetInvalid,
    UnknownLayout,
    custom_mapping,
    delete_custom_preset,
    detect_platform,
    get_preset,
    load_presets,
    match_columns,
    read_orders,
    save_custom_preset,
)
from presale_engine.io.presets import normalize_header
from presale_engine.paths import resources_dir


def test_builtins_load_and_cover_the_tables() -> None:
    presets = load_presets()
    assert set(presets) >= {"taobao", "douyin", "jd", "tiktok", "template", "products", "supply"}
    assert presets["tiktok"].timezone == "America/Los_Angeles"
    assert presets["douyin"].timezone == "Asia/Shanghai"
    assert presets["products"].table == "products"
    for p in presets.values():
        assert not p.custom
        for rule in p.status_rules:
            assert rule.result in ORDER_STATES


def test_template_preset_knows_every_engine_state() -> None:
    results = {r.result for r in get_preset("template").status_rules}
    assert results == set(ORDER_STATES)


def test_header_folding() -> None:
    assert normalize_header(" 商品单价（元） ") == normalize_header("商品单价")
    assert normalize_header("Order  ID") == normalize_header("order id")
    assert normalize_header("*订单号") == normalize_header("订单号")


def test_detect_platform_refuses_unknown_headers() -> None:
    with pytest.raises(UnknownLayout) as exc:
        detect_platform(["日期", "金额", "备注"], load_presets())
    assert "日期" in str(exc.value)
    assert "douyin" in str(exc.value)


def test_detect_platform_by_signature_columns() -> None:
    # Generic columns shared by several CN exports, plus one Taobao-only column.
    headers = ["订单编号", "订单状态", "商家编码", "订单创建时间", "宝贝总数量", "分阶段订单信息"]
    assert detect_platform(headers, load_presets()) == "taobao"


def test_custom_preset_extends_a_builtin(tmp_path: Path) -> None:
    custom = tmp_path / "presets"
    saved = save_custom_preset(
        {"name": "douyin_shop2", "extends": "douyin", "columns": {"order_no": ["订单号码"]}},
        custom,
    )
    assert json.loads(saved.read_text(encoding="utf-8"))["extends"] == "douyin"
    presets = load_presets(custom)
    mine = presets["douyin_shop2"]
    assert mine.custom
    assert mine.columns["order_no"][0] == "订单号码"
    assert "主订单编号" in mine.columns["order_no"]
    assert mine.status_rules == presets["douyin"].status_rules

    path = tmp_path / "dy.csv"
    path.write_text(
        "订单号码,商家编码,商品数量,订单状态,订单类型,订单提交时间,承诺发货时间\n"
        "6934512094788948184,YRF-001-BLK-L,1,待支付尾款,定金预售,2026-10-24 21:48:00,\n",
        encoding="utf-8",
    )
    result = read_orders(path, custom_dir=custom)
    assert result.preset == "douyin_shop2"  # the user's preset wins the tie
    assert result.rows[0].status == "awaiting_balance"


def test_custom_preset_replaces_a_builtin_by_name(tmp_path: Path) -> None:
    data = json.loads((resources_dir() / "presets" / "jd.json").read_text(encoding="utf-8"))
    data["status_rules"].append({"when": {"status_text": "锁定"}, "status": "paid"})
    save_custom_preset(data, tmp_path)
    jd = load_presets(tmp_path)["jd"]
    assert jd.custom
    assert any(r.result == "paid" and "锁定" in r.conditions[0].equals for r in jd.status_rules)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status_rules": [{"when": {"status_text": "x"}, "status": "lost"}]}, "lost"),
        ({"columns": {"order_number": ["订单号"]}}, "order_number"),
        ({"timezone": "Mars/Olympus"}, "Mars/Olympus"),
        ({"platform": "ebay"}, "platform"),
        ({"required": ["carrier"], "columns": {"order_no": ["x"]}}, "carrier"),
    ],
)
def test_invalid_presets_name_the_problem(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    data = json.loads((resources_dir() / "presets" / "douyin.json").read_text(encoding="utf-8"))
    data.update(change)
    data["name"] = "broken"
    (tmp_path / "broken.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PresetInvalid) as exc:
        load_presets(tmp_path)
    assert message in str(exc.value)
    assert "broken.json" in str(exc.value)


def test_resources_dir_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(resources_dir() / "presets", tmp_path / "presets")
    (tmp_path / "presets" / "jd.json").unlink()
    monkeypatch.setenv("PRESALE_RESOURCES", str(tmp_path))
    assert resources_dir() == tmp_path
    assert "jd" not in load_presets()


def test_vocabularies_match_the_engine() -> None:
    # The import layer keeps its own tuples (it must load without the engine's models);
    # this catches drift from presale_engine.orders / platforms.
    from presale_engine import orders, platforms
    from presale_engine.io.presets import ORDER_KINDS as kinds
    from presale_engine.io.presets import PLATFORMS

    assert set(ORDER_STATES) == {s.value for s in orders.Status}
    assert set(kinds) == {k.value for k in orders.Kind}
    assert set(PLATFORMS) == set(platforms.PLATFORMS)


def test_a_users_column_choice_takes_the_header_from_every_other_field(tmp_path: Path) -> None:
    # This shop's export has a column 订单号 holding the line (sub-order) number, and
    # its order number under 订单号码; the built-in Douyin layout reads 订单号 as the
    # order number. The user's choice wins: 订单号 is no longer an order-number alias.
    save_custom_preset(custom_mapping(
        "shop2", extends="douyin", columns={"order_no": "订单号码", "sub_order_no": "订单号",
                                           "buyer": None}), tmp_path)  # fmt: skip
    mine = load_presets(tmp_path)["shop2"]
    assert mine.columns["order_no"][0] == "订单号码"
    assert "订单号" not in mine.columns["order_no"]
    assert mine.columns["sub_order_no"][0] == "订单号"
    assert mine.columns["buyer"] == ()
    headers = ["订单号码", "订单号", "商家编码", "商品数量", "订单状态", "订单提交时间", "买家昵称"]
    match = match_columns(headers, mine)
    assert (match.headers["order_no"], match.headers["sub_order_no"]) == ("订单号码", "订单号")
    assert "buyer" not in match.indexes
    assert "买家昵称" in match.extra_columns
    # The built-in is unchanged.
    assert match_columns(headers, load_presets()["douyin"]).headers["order_no"] == "订单号"


def test_a_status_map_says_what_unknown_status_texts_mean(tmp_path: Path) -> None:
    path = tmp_path / "dy.csv"
    path.write_text(
        "主订单编号,商家编码,商品数量,订单状态,订单类型,订单提交时间\n"
        "6934512094788948184,YRF-001-BLK-L,1,已锁定,普通订单,2026-10-24 21:48:00\n"
        "6934512094788948185,YRF-001-BLK-L,1,已发货,普通订单,2026-10-24 21:49:00\n",
        encoding="utf-8",
    )
    assert read_orders(path).unknown_statuses == ["已锁定"]
    save_custom_preset(custom_mapping("dy_locked", extends="douyin",
                                      statuses={"已锁定": "paid", "已发货": "completed"}),
                       tmp_path)  # fmt: skip
    got = read_orders(path, custom_dir=tmp_path)
    assert got.preset == "dy_locked"
    # The user's texts come first, so they can also correct a built-in meaning.
    assert [r.status for r in got.rows] == ["paid", "completed"]
    with pytest.raises(PresetInvalid, match="'已锁定' is mapped to 'locked', not an order state"):
        save_custom_preset(custom_mapping("bad", extends="douyin",
                                          statuses={"已锁定": "locked"}), tmp_path)  # fmt: skip
    assert not (tmp_path / "bad.json").exists()


def test_deleting_a_saved_mapping(tmp_path: Path) -> None:
    save_custom_preset(custom_mapping("shop2", extends="jd", label="京东 二店"), tmp_path)
    assert load_presets(tmp_path)["shop2"].label == "京东 二店"
    delete_custom_preset("shop2", tmp_path)
    assert "shop2" not in load_presets(tmp_path)
    with pytest.raises(PresetInvalid, match="no saved column mapping named 'shop2'"):
        delete_custom_preset("shop2", tmp_path)
    with pytest.raises(PresetInvalid):
        delete_custom_preset("../douyin", tmp_path)


def test_mappings_may_extend_each_other_in_any_file_order(tmp_path: Path) -> None:
    # "a_shop3" sorts before the "b_shop2" it extends; "douyin" extends the built-in
    # of its own name. A loop is one clear error.
    save_custom_preset(custom_mapping("b_shop2", extends="douyin",
                                      columns={"order_no": "订单号码"}), tmp_path)  # fmt: skip
    save_custom_preset(custom_mapping("a_shop3", extends="b_shop2",
                                      statuses={"已锁定": "paid"}), tmp_path)  # fmt: skip
    save_custom_preset(custom_mapping("douyin", extends="douyin",
                                      columns={"buyer": "买家"}), tmp_path)  # fmt: skip
    presets = load_presets(tmp_path)
    shop3 = presets["a_shop3"]
    assert shop3.columns["order_no"][0] == "订单号码"
    assert shop3.status_rules[0].result == "paid"
    assert shop3.label == "a_shop3"
    assert presets["douyin"].columns["buyer"][0] == "买家"
    assert presets["douyin"].columns["order_no"][0] == "主订单编号"
    (tmp_path / "b_shop2.json").write_text(json.dumps(
        {"name": "b_shop2", "extends": "a_shop3", "columns": {"sku": ["编码"]}}), "utf-8")
    with pytest.raises(PresetInvalid, match="extend each other"):
        load_presets(tmp_path)
