"""The message catalogue: every code the engine emits has zh and en text with its params.

The codes are found statically, by reading the engine's source (``ast``), so a code
added anywhere without text fails here before a seller sees a bare code:

* ``<x>.error("code", field, params={...})`` / ``.warn`` / ``.err`` (findings),
* any call with ``code="..."`` and ``params={...}`` (typed errors, ``BadValue``),
* ``Phrase("code", {...})`` (a text inside another text),
* ``Term("family", value)``: each family's vocabulary is listed below and every value
  of it must have a name (``family.value``).

The param names a site passes must be exactly the placeholders of the zh and the en
text (an ``.action`` may use fewer). Params must be written as a dict literal at the
site so this test can read them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from presale_engine import campaigns, messages, orders, platforms
from presale_engine.campaigns import OtherCampaign, ValidationContext, Window
from presale_engine.errors import (
    BadValue,
    CampaignInvalid,
    IllegalTransition,
    InputError,
    Issue,
    ValidationResult,
)
from presale_engine.messages import Money, Percent, Phrase, Term, catalogue
from presale_engine.money import parse_money
from presale_engine.platforms import profile_for

from ._defs import SAMPLES, deposit_def, full_def, item, load_sample, parse

ENGINE = Path(campaigns.__file__).resolve().parent
LANGS = ("zh", "en")
FINDING_METHODS = {"error", "warn", "err"}
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")

# Vocabularies whose names are in the catalogue (msgid "<family>.<value>").
FAMILIES: dict[str, set[str]] = {
    "field": set(campaigns.FIELD_KEYS),
    "platform": set(platforms.PLATFORMS) | set(platforms.known_profiles()),
    "order_status": {s.value for s in orders.Status},
    "order_event": {e.value for e in orders.Event},
    "order_kind": {k.value for k in orders.Kind},
    "campaign_status": set(campaigns.STATUSES),
    "campaign_action": {"submit", "approve", "reject", "cancel"},
}

# Engine sites that still give an English message and no params, until their owner
# converts them: (file under presale_engine/, code). Their text shows "…" for a param.
LEGACY: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Site:
    file: str
    line: int
    code: str
    params: frozenset[str] | None  # None: given, but not as a dict literal

    def __str__(self) -> str:
        return f"presale_engine/{self.file}:{self.line} {self.code!r}"


def _dict_keys(node: ast.expr | None) -> frozenset[str] | None:
    if node is None:
        return frozenset()
    if isinstance(node, ast.Dict) and all(
            isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys):
        return frozenset(str(k.value) for k in node.keys if isinstance(k, ast.Constant))
    return None


def _kwarg(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _func_name(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def _scan() -> tuple[list[Site], list[tuple[str, int, str, ast.expr | None]]]:
    """Every site that emits a code, and every ``Term(family, value)``."""
    sites: list[Site] = []
    terms: list[tuple[str, int, str, ast.expr | None]] = []
    for path in sorted(ENGINE.rglob("*.py")):
        rel = path.relative_to(ENGINE).as_posix()
        if rel.startswith("store/migrations/"):
            continue
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = _func_name(call)
            first = _literal(call.args[0]) if call.args else None
            code_kw = _literal(_kwarg(call, "code"))
            if name == "Term" and first is not None:
                terms.append((rel, call.lineno, first, call.args[1] if len(call.args) > 1
                              else None))
            elif name == "Phrase" and first is not None:
                params = call.args[1] if len(call.args) > 1 else _kwarg(call, "params")
                sites.append(Site(rel, call.lineno, first, _dict_keys(params)))
            elif code_kw is not None:
                sites.append(Site(rel, call.lineno, code_kw,
                                  _dict_keys(_kwarg(call, "params"))))
            elif (name in FINDING_METHODS and first is not None and CODE.match(first)
                  and len(call.args) >= 2):
                params = _kwarg(call, "params")
                if params is None and len(call.args) >= 3:
                    third = call.args[2]
                    # A third positional arg is params (a dict) or the English message.
                    params = third if isinstance(third, ast.Dict) else None
                    if not isinstance(third, ast.Dict):
                        sites.append(Site(rel, call.lineno, first, None))
                        continue
                sites.append(Site(rel, call.lineno, first, _dict_keys(params)))
    return sites, terms


SITES, TERMS = _scan()


def test_the_scan_finds_the_sites_it_is_meant_to_find() -> None:
    found = {s.code for s in SITES}
    assert {"required", "invalid_value", "deposit_over_legal_cap", "cap_over_supply",
            "price_above_list", "no_real_discount", "illegal_transition",
            "campaign_invalid", "value.not_amount", "value.not_one_of",
            "database_url_invalid"} <= found
    assert {"field", "platform", "order_status"} <= {family for _, _, family, _ in TERMS}


# --------------------------------------------------------------------------- (a) texts

def test_every_code_the_engine_emits_has_a_zh_and_an_en_text() -> None:
    missing = [f"{site} has no {lang} text" for site in SITES for lang in LANGS
               if not messages.has_text(site.code, lang)]
    assert missing == []


def test_every_term_family_is_known_and_every_name_in_it_has_text() -> None:
    unknown = [f"presale_engine/{f}:{line} Term({family!r}, ...)"
               for f, line, family, _ in TERMS if family not in FAMILIES]
    assert unknown == [], "add the family and its values to FAMILIES in this test"
    missing = [f"{family}.{value} ({lang})" for family, values in FAMILIES.items()
               for value in sorted(values) for lang in LANGS
               if not messages.has_text(f"{family}.{value}", lang)]
    assert missing == []


def test_literal_term_values_have_names() -> None:
    missing = [f"presale_engine/{f}:{line} {family}.{value.value}"
               for f, line, family, value in TERMS
               if isinstance(value, ast.Constant) and isinstance(value.value, str)
               and not messages.has_text(f"{family}.{value.value}", "en")]
    assert missing == []


def test_every_msgid_has_both_languages() -> None:
    assert messages.codes("zh") == messages.codes("en")


# --------------------------------------------------------------------------- (b) params

def test_the_params_of_every_site_are_the_placeholders_of_its_texts() -> None:
    wrong = []
    for site in SITES:
        if site.params is None:
            if (site.file, site.code) not in LEGACY:
                wrong.append(f"{site}: params must be a dict literal (or add a text-less "
                             "message only as a LEGACY site)")
            continue
        for lang in LANGS:
            want = messages.placeholders(site.code, lang)
            if want != site.params:
                wrong.append(f"{site}: passes {sorted(site.params)}, the {lang} text uses "
                             f"{sorted(want)}")
    assert wrong == []


def test_zh_and_en_use_the_same_placeholders_and_actions_use_their_codes_params() -> None:
    wrong = []
    for code in sorted(messages.codes("en")):
        zh, en = messages.placeholders(code, "zh"), messages.placeholders(code, "en")
        if zh != en:
            wrong.append(f"{code}: zh {sorted(zh)} vs en {sorted(en)}")
        if code.endswith(".action"):
            base = code.removesuffix(".action")
            if not messages.has_text(base, "en"):
                wrong.append(f"{code}: an action of no code")
            elif not en <= messages.placeholders(base, "en"):
                wrong.append(f"{code}: uses {sorted(en)} beyond its code's params")
    assert wrong == []


# --------------------------------------------------------------------------- (c) files

@pytest.mark.parametrize("lang", LANGS)
def test_no_msgid_is_defined_twice_across_or_within_the_files(lang: str) -> None:
    sources = catalogue.catalogue(lang).sources
    twice = {msgid: files for msgid, files in sources.items() if len(files) > 1}
    assert twice == {}


@pytest.mark.parametrize("lang", LANGS)
def test_every_po_file_of_a_language_is_read(lang: str) -> None:
    names = {p.name for p in catalogue.po_files(lang)}
    assert {"validation.po", "errors.po", "names.po"} <= names
    read = {f for files in catalogue.catalogue(lang).sources.values() for f in files}
    assert read == names


def test_the_po_files_are_package_data() -> None:
    pyproject = (ENGINE.parent / "pyproject.toml").read_text("utf-8")
    assert '"messages/locale/*/*.po"' in pyproject


# --------------------------------------------------------------------------- (d) render

def test_render_in_both_languages_with_numbers_and_money() -> None:
    params = {"deposit": Money(Decimal("200"), "CNY"), "cap": Money(Decimal("179.80"), "CNY"),
              "price": Money(Decimal("899"), "CNY"), "share": Percent(Decimal("0.20")),
              "excess": Money(Decimal("20.20"), "CNY")}
    assert messages.render("deposit_over_legal_cap", params, "zh") == (
        "定金 ¥200.00 超过法定上限 ¥179.80（¥899.00 的 20%，《民法典》第 586 条）："
        "每件超出的 ¥20.20 不产生定金效力，属于预付款，须退还")
    assert messages.render("deposit_over_legal_cap", params, "en") == (
        "The deposit CN¥200.00 is above the legal deposit cap of CN¥179.80 (20% of "
        "CN¥899.00, Civil Code art. 586): CN¥20.20 per unit is an ordinary prepayment "
        "that must be refunded")
    assert messages.action("deposit_over_legal_cap", params, "zh") == "把定金降到 ¥179.80 以内"


def test_render_numbers_dates_terms_and_phrases() -> None:
    ship = {"platform": Term("platform", "douyin"), "min_days": 7, "max_days": 30, "days": 35}
    assert messages.render("ship_window_out_of_range", ship, "zh") == (
        "抖音允许 7–30 天，本次承诺 35 天")
    assert messages.render("ship_window_out_of_range", ship, "en") == (
        "Douyin allows a presale ship window of 7–30 days; this campaign promises 35")
    cap = {"sku": "ICE-1", "cap": 12000, "supply": 1500}
    assert messages.render("cap_over_supply", cap, "en") == (
        "The presale cap of ICE-1, 12,000 units, is above the 1,500 on hand and incoming")
    late = {"ship_date": date(2026, 11, 2), "presale_end": date(2026, 11, 3)}
    assert messages.render("window.ship_date_before_end", late, "zh") == (
        "发货日期 2026-11-02 早于预售结束日期（2026-11-03）")
    gap = {"balance_start": datetime(2026, 11, 1, 0, 0), "deposit_end": datetime(2026, 11, 2, 8)}
    assert "2026-11-02 08:00" in messages.render("window.balance_before_deposit_end", gap, "en")
    bad = {"what": Term("field", "price"),
           "problem": Phrase("value.too_many_decimals", {"value": "1.234", "currency": "CNY"})}
    assert messages.render("invalid_value", bad, "zh") == (
        "价格：“1.234”的小数位数超过 CNY 允许的位数")
    assert messages.render("invalid_value", bad, "en") == (
        "Invalid price: '1.234' has more decimals than CNY allows")
    choices = Phrase("value.not_one_of", {"value": "x", "choices": ("deposit", "full")})
    assert messages.render("value.not_one_of", choices.params, "zh") == (
        "“x”不是可选的值（可选：deposit、full）")
    assert messages.render("value.not_one_of", choices.params, "en") == (
        "'x' is not one of deposit, full")
    usd = {"sku": "BOX", "price": Money(Decimal("1299"), "USD"),
           "list_price": Money(Decimal("999.5"), "USD")}
    assert messages.render("price_above_list", usd, "zh") == (
        "BOX 的预售价 US$1,299.00 高于日常售价 US$999.50")
    assert messages.render("price_above_list", usd, "en") == (
        "The presale price of BOX, $1,299.00, is above its list price $999.50")


@pytest.mark.parametrize(("given", "lang"), [
    ("zh", "zh"), ("zh_CN", "zh"), ("zh-CN", "zh"), ("zh_Hans_CN.UTF-8", "zh"),
    ("en", "en"), ("en_US", "en"), ("en-GB", "en"), ("C", "en"), ("", "en"), ("fr_FR", "en"),
])
def test_languages_are_normalised(given: str, lang: str) -> None:
    assert messages.normalize_lang(given) == lang
    text = messages.render("unknown_sku", {"sku": "A"}, given)
    assert text == messages.render("unknown_sku", {"sku": "A"}, lang)


def test_render_never_raises() -> None:
    assert messages.render("no_such_code") == "no_such_code"
    assert messages.render("no_such_code", {"n": 1234}, "zh") == "no_such_code (n=1,234)"
    assert messages.render("unknown_sku", {}, "zh") == "SKU … 不在商品列表中"
    assert messages.render("platform.nowhere") == "platform.nowhere"
    assert messages.render("field.nowhere") == "field.nowhere"
    assert messages.action("unknown_sku.action") is None
    assert messages.action("duplicate_sku", {}, "zh") == "只保留一行"


def test_default_lang_follows_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert messages.default_lang() == "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert messages.default_lang() == "zh"
    monkeypatch.setenv("LC_MESSAGES", "en_US.UTF-8")
    assert messages.default_lang() == "en"
    monkeypatch.setenv("LC_ALL", "zh_TW")
    assert messages.default_lang() == "zh"


def test_describe_field_names_a_path_for_people() -> None:
    assert messages.describe_field("items[0].tiers[1].price", "zh") == (
        "第 1 个商品 · 第 2 档 · 价格")
    assert messages.describe_field("items[2].deposit", "en") == "item 3 · deposit"
    assert messages.describe_field("balance_window.start", "zh") == "尾款期 · 开始时间"


def test_issues_and_errors_speak_both_languages() -> None:
    issue = Issue("unknown_sku", "items[0].sku", severity="warning", params={"sku": "X-1"})
    assert issue.message == "SKU X-1 is not in the product list"
    assert issue.text("zh") == "SKU X-1 不在商品列表中"
    assert issue.where("zh") == "第 1 个商品 · SKU"
    assert issue.action("en") is not None
    legacy = Issue("whatever_new", "name", "an English sentence")
    assert legacy.text("zh") == "an English sentence"

    err = IllegalTransition("awaiting_balance", "ship", "deposit")
    assert str(err) == "cannot apply 'ship' to a deposit order in state 'awaiting_balance'"
    assert err.text("zh") == "无法发货：该定金预售订单当前状态为“待付尾款”"
    assert err.text("en") == "Cannot ship: the deposit presale order is in state “Awaiting balance”"
    assert (err.code, err.category) == ("illegal_transition", "illegal_transition")

    plain = InputError("bad file")
    assert (plain.code, plain.category, plain.text("zh")) == ("input_error", "input_error",
                                                               "bad file")
    coded = InputError(code="database_url_invalid", params={"url": "x://", "reason": "no"})
    assert str(coded) == "'x://' is not a database URL: no"
    assert coded.text("zh") == "“x://”不是有效的数据库地址：no"
    assert coded.category == "input_error"

    result = ValidationResult()
    result.error("required", "name", params={"what": Term("field", "name")})
    result.error("unknown_sku", "items[0].sku", params={"sku": "A"})
    invalid = CampaignInvalid(result)
    assert str(invalid) == "name: Required: name (and 1 more)"
    assert invalid.text("zh") == "活动未保存：有 2 处错误需要修改"

    with pytest.raises(ValueError, match="more decimals than JPY") as info:
        parse_money("1.5", "JPY")
    assert isinstance(info.value, BadValue)
    assert info.value.text("zh") == "“1.5”的小数位数超过 JPY 允许的位数"


# --------------------------------------------------------------------------- (e) validate

ASCII_PATH = re.compile(r"[A-Za-z_]+\[\d+\]|\b[a-z]+_[a-z_]+\b|\b(?:items|ship|tiers)\.")
ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED_WORDS = {"SKU", "JSON", "TikTok", "Shop", "US", "CNY", "USD"}


def _string_values(params: Any) -> Iterator[str]:
    for v in params.values() if isinstance(params, dict) else ():
        if isinstance(v, str):
            yield v
        elif isinstance(v, tuple):  # choices: the values a definition file may hold
            yield from (x for x in v if isinstance(x, str))
        elif isinstance(v, Phrase):
            yield from _string_values(dict(v.params))


def _contexts() -> list[ValidationContext]:
    sh = campaigns.ZoneInfo("Asia/Shanghai")
    window = Window(datetime(2026, 10, 1, tzinfo=sh), datetime(2026, 12, 31, tzinfo=sh))
    everything = frozenset({"YRF-001-BLK-M", "SKU-1"})
    other = OtherCampaign(7, "双11 预热", "douyin", window, everything)
    return [
        ValidationContext(),
        ValidationContext(others=[other], known_skus=frozenset({"nothing"}),
                          sales_like_period={"YRF-001-BLK-M": 100, "SKU-1": 10},
                          supply_by_sku={"YRF-001-BLK-M": 30, "SKU-1": 1}),
    ]


def _definitions() -> list[dict[str, Any]]:
    douyin = load_sample("douyin_down_jacket.json")
    out: list[dict[str, Any]] = [load_sample(p.name) for p in sorted(SAMPLES.glob("*.json"))]
    out += [
        item(douyin, deposit="300.00", deposit_value="950.00", list_price="800.00"),
        item(douyin, deposit="100.00", deposit_value="100.00", balance_discount="0.00",
             list_price="899.00"),
        item(douyin, balance_discount="748.99"),
        item(douyin, deposit_value="10.00"),
        item(douyin, tiers=[{"min_units": 1, "price": "880.00"},
                            {"min_units": 1, "price": "950.00"},
                            {"min_units": 5, "price": "990.00"}]),
        dict(douyin, ship={"mode": "after_payment", "days": 40}),
        dict(douyin, ship={"mode": "after_payment", "days": 25}),
        dict(douyin, ship={"mode": "fixed_date", "date": "2026-11-02"}),
        dict(douyin, balance_window={"start": "2026-10-30T00:00:00",
                                     "end": "2026-11-03T23:59:59"}),
        dict(douyin, balance_window={"start": "2026-11-02T00:00:00",
                                     "end": "2026-11-03T23:59:59"}),
        dict(douyin, profile="tiktok_us"),
        item(deposit_def(), deposit="0.00"),
        item(full_def(), price="19.90", balance_discount="19.90"),
        item(full_def(), list_price="10.00", cap=500),
        item(full_def(), blind_box={"pool": [{"sku": "NOT-A-PRODUCT", "weight": 1}]}),
    ]
    return out


def _issues() -> list[Issue]:
    found: list[Issue] = []
    for d in _definitions():
        c = parse(d)
        for ctx in _contexts():
            for code in (c.profile_code, "douyin"):
                res = campaigns.validate(c, profile_for(code), ctx)
                found += [*res.errors, *res.warnings]
    return found


def test_validate_covers_every_finding_code_it_has() -> None:
    emitted = {i.code for i in _issues()}
    in_validate = {s.code for s in SITES if s.file == "campaigns.py" and "." not in s.code}
    parse_only = {"required", "negative_amount", "duplicate_sku", "blind_box_empty",
                  "blind_box_no_sku", "blind_box_weight", "blind_box_duplicate"}
    assert emitted >= in_validate - parse_only


def test_validate_on_real_definitions_speaks_plain_chinese() -> None:
    bad = []
    for issue in _issues():
        zh = issue.text("zh")
        rest = zh
        for value in _string_values(issue.params):
            rest = rest.replace(value, "")
        words = set(ASCII_WORD.findall(rest)) - ALLOWED_WORDS
        if ASCII_PATH.search(zh) or words or "…" in zh or "{" in zh:
            bad.append(f"{issue.code} @ {issue.field}: {zh}")
        en = issue.text("en")
        if "…" in en or ("." in issue.field and issue.field in en):
            bad.append(f"{issue.code} @ {issue.field}: {en}")
    assert bad == []


def test_parse_findings_speak_plain_chinese_too() -> None:
    broken: list[Any] = [
        "not a dict",
        full_def(name=" ", timezone="Mars/Olympus", currency="XXX", per_buyer_limit="two"),
        item(full_def(), price="1.234"),
        item(full_def(), price=19.9),
        item(full_def(), price="-1.00"),
        item(full_def(), price="abc", cap=0),
        item(full_def(), blind_box={"pool": [{"sku": "A", "weight": 0}, {"weight": 1},
                                             {"sku": "B"}, {"sku": "B", "weight": 2}]}),
        item(full_def(), blind_box={"pool": []}),
        full_def(sale_window={"start": "next monday", "end": 5}),
        full_def(sale_window="always"),
        full_def(ship={"mode": "fixed_date", "date": "2026-11-31"}),
        full_def(ship={"mode": "somehow"}),
        full_def(ship=None, items=[]),
        full_def(items=["x", {"sku": "A", "price": "1.00", "tiers": "many"},
                        {"sku": "A", "tiers": ["y"]}]),
        item(full_def(), deposit="5.00"),
        item(deposit_def(), deposit=None),
        item(full_def(), price=None),
        full_def(type="layaway", platform="amazon"),
    ]
    bad = []
    for d in broken:
        _, res = campaigns.parse_definition(d)
        assert res.errors, d
        for issue in res.errors:
            zh = issue.text("zh")
            rest = zh
            for value in _string_values(issue.params):
                rest = rest.replace(value, "")
            words = set(ASCII_WORD.findall(rest)) - ALLOWED_WORDS - {"T00", "JPY"}
            if ASCII_PATH.search(rest) or words or "…" in zh:
                bad.append(f"{issue.code} @ {issue.field}: {zh}")
    assert bad == []


def test_a_refused_value_keeps_its_code_when_raised_as_an_input_error() -> None:
    try:
        parse_money("abc")
    except ValueError as e:
        err = InputError.from_value_error(e)
    assert (err.code, err.category, str(err)) == ("value.not_amount", "input_error",
                                                  "'abc' is not an amount")
    assert err.text("zh") == "“abc”不是有效的金额"
    plain = InputError.from_value_error(ValueError("odd"))
    assert (plain.code, plain.text("zh")) == ("input_error", "odd")


def test_format_money_is_the_one_formatter_the_app_uses() -> None:
    from decimal import Decimal

    from presale_engine.messages import format_money, format_number

    assert format_money(Decimal("1299"), "CNY", "zh_CN") == "¥1,299.00"
    assert format_money(Decimal("1299"), "CNY", "en") == "CN¥1,299.00"
    assert format_money(Decimal("39.9"), "USD", "zh") == "US$39.90"
    assert format_money(Decimal("39.9"), "USD", "en") == "$39.90"
    assert format_money(Decimal("1200"), "JPY", "zh") == "JP¥1,200"
    assert format_number(1234567, "zh") == "1,234,567"
    assert format_number(Decimal("2.5"), "en") == "2.5"
