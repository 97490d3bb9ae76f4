"""Engine findings and errors reach the seller in the UI language, worded by the engine.

The app asks ``issue.text(lang)`` / ``err.text(lang)``; it never words a rule itself and
never shows a dotted field path ("items[0].deposit").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from presale_engine.errors import CampaignInvalid, IllegalTransition, ValidationResult
from presale_engine.messages import Money, Percent, Term

FIELD_PATH = re.compile(r"[a-z_]+\[\d+\]|\b[a-z]+_[a-z_]+\b")


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    from app import i18n

    i18n.apply_language("zh_CN")
    yield
    i18n.apply_language("en")


def _invalid() -> CampaignInvalid:
    result = ValidationResult()
    result.error("ship_window_out_of_range", "ship.days", params={
        "platform": Term("platform", "douyin"), "min_days": 7, "max_days": 30, "days": 35})
    result.warn("deposit_over_legal_cap", "items[0].deposit", params={
        "deposit": Money(Decimal("200"), "CNY"), "cap": Money(Decimal("179.80"), "CNY"),
        "price": Money(Decimal("899"), "CNY"), "share": Percent(Decimal("0.2")),
        "excess": Money(Decimal("20.20"), "CNY")})
    return CampaignInvalid(result)


def test_the_message_language_follows_the_installed_translation(qapp: Any) -> None:
    from app import i18n

    assert i18n.message_language() == "en"
    i18n.apply_language("zh_CN")
    try:
        assert i18n.message_language() == "zh"
    finally:
        i18n.apply_language("en")
    assert i18n.message_language() == "en"


@pytest.mark.usefixtures("chinese")
def test_the_error_box_lists_campaign_issues_in_chinese_without_field_paths() -> None:
    from app.errors import friendly_box

    box = friendly_box(_invalid(), None)
    assert box is not None
    text = box.informativeText()
    assert "抖音允许 7–30 天，本次承诺 35 天" in text
    assert "定金 ¥200.00 超过法定上限 ¥179.80" in text
    assert "第 1 个商品 · 定金" in text
    assert not FIELD_PATH.search(text), text
    assert "ship.days" not in text
    box.deleteLater()


def test_the_error_box_in_english(qapp: Any) -> None:
    from app.errors import friendly_box

    box = friendly_box(_invalid(), None)
    assert box is not None
    text = box.informativeText()
    assert "Douyin allows a presale ship window of 7–30 days" in text
    assert "(item 1 · deposit)" in text
    assert not FIELD_PATH.search(text), text
    box.deleteLater()


@pytest.mark.usefixtures("chinese")
def test_an_engine_error_is_shown_in_chinese() -> None:
    from app.errors import error_text, friendly_box

    err = IllegalTransition("awaiting_balance", "ship", "deposit")
    assert error_text(err) == "无法发货：该定金预售订单当前状态为“待付尾款”"
    box = friendly_box(err, None)
    assert box is not None
    assert box.windowTitle() == "当前状态下不允许此操作"
    assert box.informativeText() == "无法发货：该定金预售订单当前状态为“待付尾款”"
    box.deleteLater()


def test_the_app_words_no_rule_itself() -> None:
    """The wizard's wording module imports nothing of the engine but its public view."""
    import ast
    from pathlib import Path

    import app.wizards.issue_text as issue_text

    tree = ast.parse(Path(issue_text.__file__).read_text("utf-8"))
    engine_imports = {node.module for node in ast.walk(tree)
                      if isinstance(node, ast.ImportFrom) and node.module
                      and node.module.startswith("presale_engine")}
    assert engine_imports <= {"presale_engine.errors", "presale_engine.messages"}
