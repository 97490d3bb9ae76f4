"""Column presets: which header in a platform's export feeds which engine field.

Platforms rename columns between accounts, regions and years, so the mapping is data
(``resources/presets/*.json``), not code: each preset lists header aliases per field,
the required fields, date formats, the default time zone and the rules that turn the
platform's status texts (plus stage/type columns) into engine order kinds and states.
A user can save a preset of their own (a JSON file in their settings folder); it
replaces a built-in of the same name, or ``"extends"`` one and adds aliases.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presale_engine.io.errors import PresetInvalid, UnknownLayout
from presale_engine.paths import resources_dir

ORDER_KINDS = ("deposit", "full", "normal")
ORDER_STATES = (
    "awaiting_deposit",
    "deposit_paid",
    "awaiting_balance",
    "balance_paid",
    "awaiting_payment",
    "paid",
    "shipped",
    "completed",
    "balance_unpaid",
    "cancelled_by_buyer",
    "cancelled_by_seller",
    "refunded",
    "returned",
)
DEPOSIT_ONLY_STATES = frozenset(
    {"awaiting_deposit", "deposit_paid", "awaiting_balance", "balance_paid", "balance_unpaid"}
)
PAYMENT_ONLY_STATES = frozenset({"awaiting_payment", "paid"})

# Fields a preset may map, per table. Order fields split into what OrderRow carries and
# context columns that only feed the kind/status rules or the composed address.
ORDER_FIELDS = (
    "order_no", "sub_order_no", "sku", "product_name", "variant", "qty",
    "unit_price", "deposit", "balance", "total",
    "ordered_at", "deposit_paid_at", "balance_paid_at", "paid_at", "promised_ship_at",
    "shipped_at", "carrier", "tracking_no", "buyer", "recipient", "phone", "address",
)  # fmt: skip
ORDER_CONTEXT_FIELDS = (
    "status_text", "substatus_text", "stage_text", "close_reason", "kind_text",
    "after_sale_text", "cancel_by", "cancel_type",
    "country", "province", "city", "district", "zipcode", "address_detail",
)  # fmt: skip
PRODUCT_FIELDS = (
    "code", "name", "variant", "platform", "location", "on_hand", "cost", "list_price",
    "sales_30d",
)  # fmt: skip
SUPPLY_FIELDS = ("sku", "qty", "expected_on", "supplier", "note")
TABLE_FIELDS: dict[str, tuple[str, ...]] = {
    "orders": ORDER_FIELDS + ORDER_CONTEXT_FIELDS,
    "products": PRODUCT_FIELDS,
    "supply": SUPPLY_FIELDS,
}
PLATFORMS = ("taobao", "douyin", "jd", "tiktok", "other")

_UNIT_SUFFIX = re.compile(r"\((?:元|¥|\$|usd|cny|rmb|件|个|pcs)\)$")


def normalize_header(text: str) -> str:
    """Fold a header for alias matching: width, case, spaces, ``*`` marks, units.

    ``" 商品单价（元）"`` and ``"商品单价"`` match; so do ``"Order ID"`` and ``"order id"``.
    """
    s = unicodedata.normalize("NFKC", text).casefold()
    s = "".join(s.split()).strip("*:").strip()
    return _UNIT_SUFFIX.sub("", s)


def normalize_value(text: str) -> str:
    """Fold a status/type text for rule matching (same folding as headers, no units)."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class Condition:
    """One test of a rule: on a field's text, its presence, or the row's kind."""

    field: str
    equals: frozenset[str] = frozenset()
    contains: tuple[str, ...] = ()
    filled: bool | None = None


@dataclass(frozen=True)
class Rule:
    """All conditions must hold; then the row gets ``result`` (a kind or a state)."""

    conditions: tuple[Condition, ...]
    result: str


@dataclass(frozen=True)
class Compose:
    """Build a field from parts when the export splits it (province/city/... -> address)."""

    parts: tuple[str, ...]
    sep: str


@dataclass(frozen=True)
class Preset:
    name: str
    table: str
    label: str
    platform: str | None
    currency: str
    timezone: str
    date_formats: tuple[str, ...]
    columns: Mapping[str, tuple[str, ...]]
    required: tuple[str, ...]
    signature: tuple[str, ...] = ()
    kind_rules: tuple[Rule, ...] = ()
    default_kind: str = "normal"
    status_rules: tuple[Rule, ...] = ()
    remap_by_kind: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    compose: Mapping[str, Compose] = field(default_factory=dict)
    platform_names: Mapping[str, str] = field(default_factory=dict)
    # Cell texts that mean "nothing" in every column (Douyin writes "-"); such cells
    # are read as empty, so a rule testing a column's presence sees them as blank.
    empty_marks: frozenset[str] = frozenset()
    source: str = ""
    custom: bool = False
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def status_texts(self) -> frozenset[str]:
        """Every status text some rule names (to tell unknown texts from odd combos)."""
        return frozenset(
            v for r in self.status_rules for c in r.conditions if c.field == "status_text"
            for v in (*c.equals, *c.contains)
        )  # fmt: skip


@dataclass(frozen=True)
class ColumnMatch:
    """Which column index feeds which field, for one table and one preset."""

    indexes: Mapping[str, int]
    headers: Mapping[str, str]  # field -> header text as written in the file
    extra_columns: tuple[str, ...]
    missing_required: tuple[str, ...]

    @property
    def score(self) -> int:
        return len(self.indexes)


# ------------------------------------------------------------------------- loading


def builtin_dir() -> Path:
    return resources_dir() / "presets"


USER_PRESETS_ENV = "PRESALE_PRESETS_DIR"
CUSTOM_NAME = re.compile(r"[A-Za-z0-9_\-]{1,64}")
"""What a user's column mapping may be called (it is also its file name)."""


def user_presets_dir() -> Path:
    """Where a user's own column mappings are saved (``save_custom_preset``) and found
    by the importer: ``$PRESALE_PRESETS_DIR``, else ``<user config dir>/presets``."""
    override = os.environ.get(USER_PRESETS_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("presale-desk", appauthor=False)) / "presets"


def load_presets(custom_dir: Path | str | None = None) -> dict[str, Preset]:
    """Built-in presets, then the user's (``custom_dir/*.json``) on top, by name."""
    raw: dict[str, tuple[dict[str, Any], str, bool]] = {}
    bdir = builtin_dir()
    if not bdir.is_dir():
        raise PresetInvalid(f"preset folder not found: {bdir} (set PRESALE_RESOURCES?)")
    for path in sorted(bdir.glob("*.json")):
        data = _read_json(path)
        raw[str(data.get("name") or path.stem)] = (data, str(path), False)
    if custom_dir is not None:
        cdir = Path(custom_dir)
        if cdir.is_dir():
            builtins = dict(raw)
            mine: dict[str, tuple[dict[str, Any], str]] = {}
            for path in sorted(cdir.glob("*.json")):
                data = _read_json(path)
                mine[str(data.get("name") or path.stem)] = (data, str(path))
            resolving: list[str] = []

            def resolve(name: str) -> dict[str, Any]:
                """A user mapping merged onto what it extends: another user mapping
                (resolved first, whatever the file order) or else a built-in one."""
                if name in raw and raw[name][2]:
                    return raw[name][0]
                data, source = mine[name]
                base_name = data.get("extends")
                if base_name is not None:
                    base_name = str(base_name)
                    if base_name != name and base_name in mine:
                        if base_name in resolving:
                            chain = " -> ".join([*resolving, base_name])
                            raise PresetInvalid(f"{source}: mappings extend each other ({chain})")
                        resolving.append(name)
                        base = resolve(base_name)
                        resolving.pop()
                    elif base_name in builtins:
                        base = builtins[base_name][0]
                    else:
                        raise PresetInvalid(f"{source}: extends unknown preset '{base_name}'")
                    data = {**_merge(base, data), "extends": base_name}
                raw[name] = (data, source, True)
                return data

            for name in mine:
                resolve(name)
    return {
        name: parse_preset(data, source, name=name, custom=custom)
        for name, (data, source, custom) in raw.items()
    }


def get_preset(name: str, custom_dir: Path | str | None = None) -> Preset:
    presets = load_presets(custom_dir)
    try:
        return presets[name]
    except KeyError:
        raise PresetInvalid(
            f"no preset named '{name}' (known: {', '.join(sorted(presets))})"
        ) from None


def save_custom_preset(data: Mapping[str, Any], custom_dir: Path | str) -> Path:
    """Validate ``data`` and write it as ``custom_dir/<name>.json`` (atomically)."""
    name = data.get("name")
    if not isinstance(name, str) or not CUSTOM_NAME.fullmatch(name):
        raise PresetInvalid("a custom preset needs a 'name' of letters, digits, '-' or '_'")
    cdir = Path(custom_dir)
    check = dict(data)
    if "extends" in data:
        base = load_presets(None).get(str(data["extends"])) or load_presets(cdir).get(
            str(data["extends"])
        )
        if base is None:
            raise PresetInvalid(f"extends unknown preset '{data['extends']}'")
        check = _merge(dict(base.raw), check)
    parse_preset(check, f"custom preset '{name}'", name=name)
    cdir.mkdir(parents=True, exist_ok=True)
    target = cdir / f"{name}.json"
    fd, tmp = tempfile.mkstemp(dir=cdir, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(dict(data), f, ensure_ascii=False, indent=2)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PresetInvalid(f"{path}: cannot read preset ({exc})") from exc
    if not isinstance(data, dict):
        raise PresetInvalid(f"{path}: a preset must be a JSON object")
    return data


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over`` wins, except ``columns`` and ``status_map``, which add to the base's.

    A header named for a field in ``over`` is that field's first choice and no longer an
    alias of any other field (the user said what the column is); an empty list unmaps
    the field. ``status_map`` entries are added to the base's, ``over`` winning.
    """
    out = dict(base)
    for key, value in over.items():
        if key == "columns" and isinstance(value, dict):
            cols = {k: list(v) for k, v in dict(base.get("columns", {})).items()}
            chosen = {fld: [aliases] if isinstance(aliases, str) else list(aliases)
                      for fld, aliases in value.items()}
            owner = {normalize_header(a): fld for fld, mine in chosen.items() for a in mine}
            for fld in cols:  # a header the user gave to one field is no other's alias
                cols[fld] = [a for a in cols[fld] if owner.get(normalize_header(a), fld) == fld]
            for fld, mine in chosen.items():
                old = cols.get(fld, [])
                cols[fld] = mine + [a for a in old if a not in mine] if mine else []
            out["columns"] = cols
        elif key == "status_map" and isinstance(value, dict):
            out["status_map"] = {**dict(base.get("status_map", {})), **value}
        elif key != "extends":
            out[key] = value
    return out


def custom_mapping(name: str, *, extends: str, columns: Mapping[str, str | None] | None = None,
                   statuses: Mapping[str, str] | None = None, label: str | None = None
                   ) -> dict[str, Any]:  # fmt: skip
    """The data of a user's column mapping, ready for ``save_custom_preset``.

    ``columns`` maps a field to the file's header for it (``None``: the file has no such
    column); ``statuses`` maps status texts the base preset does not know to engine
    order states. Everything else comes from the ``extends`` preset.
    """
    data: dict[str, Any] = {"name": name, "extends": extends, "label": label or name}
    if columns:
        data["columns"] = {f: [h] if h else [] for f, h in columns.items()}
    if statuses:
        data["status_map"] = dict(statuses)
    return data


def delete_custom_preset(name: str, custom_dir: Path | str) -> Path:
    """Remove the user's mapping ``name``; ``PresetInvalid`` when there is none."""
    target = Path(custom_dir) / f"{name}.json"
    if not CUSTOM_NAME.fullmatch(name) or not target.is_file():
        raise PresetInvalid(f"no saved column mapping named '{name}' in {custom_dir}")
    target.unlink()
    return target


def parse_preset(
    data: Mapping[str, Any], source: str, *, name: str | None = None, custom: bool = False
) -> Preset:
    """Validate a preset dict; errors name the file and the offending key."""

    def bad(msg: str) -> PresetInvalid:
        return PresetInvalid(f"{source}: {msg}")

    table = data.get("table", "orders")
    if table not in TABLE_FIELDS:
        raise bad(f"'table' must be one of {', '.join(TABLE_FIELDS)}")
    known = TABLE_FIELDS[table]
    pname = name or data.get("name")
    if not isinstance(pname, str) or not pname:
        raise bad("missing 'name'")
    platform = data.get("platform")
    if table == "orders" and platform not in PLATFORMS:
        raise bad(f"'platform' must be one of {', '.join(PLATFORMS)}")
    columns_raw = data.get("columns")
    if not isinstance(columns_raw, dict) or not columns_raw:
        raise bad("'columns' must map field names to lists of header aliases")
    columns: dict[str, tuple[str, ...]] = {}
    for fld, aliases in columns_raw.items():
        if fld not in known:
            raise bad(f"unknown field '{fld}' in 'columns' (known: {', '.join(known)})")
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise bad(f"'columns.{fld}' must be a list of header texts")
        columns[fld] = tuple(aliases)
    required = tuple(_str_list(data.get("required", []), "required", bad))
    for fld in required:
        if fld not in columns:
            raise bad(f"required field '{fld}' has no column aliases")
    tz = data.get("timezone", "Asia/Shanghai")
    _check_timezone(tz, bad)
    currency = data.get("currency", "CNY")
    if not isinstance(currency, str):
        raise bad("'currency' must be a currency code")
    formats = tuple(_str_list(data.get("date_formats", []), "date_formats", bad))
    if not formats:
        raise bad("'date_formats' must list at least one format")
    default_kind = data.get("default_kind", "normal")
    if default_kind not in ORDER_KINDS:
        raise bad(f"'default_kind' must be one of {', '.join(ORDER_KINDS)}")
    kind_rules = tuple(
        _parse_rule(r, "kind", ORDER_KINDS, known, bad) for r in data.get("kind_rules", [])
    )
    status_map = data.get("status_map", {})
    if not isinstance(status_map, dict) or not all(
        isinstance(k, str) and k.strip() for k in status_map
    ):
        raise bad("'status_map' maps status texts to order states")
    for text, state in status_map.items():
        if state not in ORDER_STATES:
            raise bad(f"'status_map': '{text}' is mapped to '{state}', not an order state "
                      f"(one of {', '.join(ORDER_STATES)})")
    # A status map is plain text -> state rules, tried before the preset's own rules.
    mapped = [{"when": {"status_text": text}, "status": state}
              for text, state in status_map.items()]  # fmt: skip
    status_rules = tuple(
        _parse_rule(r, "status", ORDER_STATES, known, bad)
        for r in [*mapped, *data.get("status_rules", [])]
    )
    if table == "orders" and not status_rules:
        raise bad("an orders preset needs 'status_rules'")
    remap: dict[str, dict[str, str]] = {}
    for kind, moves in dict(data.get("remap_by_kind", {})).items():
        if kind not in ORDER_KINDS or not isinstance(moves, dict):
            raise bad("'remap_by_kind' maps a kind to {source field: target field}")
        for src, dst in moves.items():
            if src not in known or dst not in known:
                raise bad(f"'remap_by_kind.{kind}' names unknown fields")
        remap[kind] = {str(k): str(v) for k, v in moves.items()}
    compose: dict[str, Compose] = {}
    for target, spec in dict(data.get("compose", {})).items():
        if target not in known or not isinstance(spec, dict):
            raise bad(f"'compose.{target}' is not a field")
        parts = tuple(_str_list(spec.get("parts", []), f"compose.{target}.parts", bad))
        if any(p not in known for p in parts):
            raise bad(f"'compose.{target}.parts' names unknown fields")
        compose[target] = Compose(parts=parts, sep=str(spec.get("sep", " ")))
    marks = _str_list(data.get("empty_marks", []), "empty_marks", bad)
    names = data.get("platform_names", {})
    if not isinstance(names, dict) or any(v not in PLATFORMS for v in names.values()):
        raise bad(f"'platform_names' values must be one of {', '.join(PLATFORMS)}")
    return Preset(
        name=pname,
        table=table,
        label=str(data.get("label", pname)),
        platform=platform if isinstance(platform, str) else None,
        currency=currency.upper(),
        timezone=tz,
        date_formats=formats,
        columns=columns,
        required=required,
        signature=tuple(_str_list(data.get("signature", []), "signature", bad)),
        kind_rules=kind_rules,
        default_kind=default_kind,
        status_rules=status_rules,
        remap_by_kind=remap,
        compose=compose,
        platform_names={normalize_value(k): v for k, v in names.items()},
        empty_marks=frozenset(m.strip() for m in marks if m.strip()),
        source=source,
        custom=custom,
        raw=dict(data),
    )


def _str_list(value: object, key: str, bad: Callable[[str], PresetInvalid]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad(f"'{key}' must be a list of strings")
    return list(value)


def _check_timezone(tz: object, bad: Callable[[str], PresetInvalid]) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(tz, str):
        raise bad("'timezone' must be an IANA name like Asia/Shanghai")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise bad(f"unknown timezone '{tz}'") from exc


def _parse_rule(
    spec: object,
    result_key: str,
    allowed: Sequence[str],
    known: Sequence[str],
    bad: Callable[[str], PresetInvalid],
) -> Rule:
    if not isinstance(spec, dict) or not isinstance(spec.get("when"), dict):
        raise bad(f"each {result_key} rule needs a 'when' object")
    result = spec.get(result_key)
    if result not in allowed:
        raise bad(f"{result_key} rule result '{result}' is not one of {', '.join(allowed)}")
    conditions = []
    for fld, test in spec["when"].items():
        if fld != "kind" and fld not in known:
            raise bad(f"rule condition on unknown field '{fld}'")
        if isinstance(test, str):
            test = [test]
        if isinstance(test, list):
            if not all(isinstance(t, str) for t in test):
                raise bad(f"rule values for '{fld}' must be strings")
            if fld == "kind" and any(t not in ORDER_KINDS for t in test):
                raise bad(f"rule condition 'kind' must use {', '.join(ORDER_KINDS)}")
            conditions.append(Condition(fld, equals=frozenset(normalize_value(t) for t in test)))
        elif isinstance(test, dict) and "contains" in test:
            parts = test["contains"]
            parts = [parts] if isinstance(parts, str) else parts
            if not isinstance(parts, list) or not all(isinstance(t, str) for t in parts):
                raise bad(f"'contains' for '{fld}' must be strings")
            conditions.append(Condition(fld, contains=tuple(normalize_value(t) for t in parts)))
        elif isinstance(test, dict) and isinstance(test.get("filled"), bool):
            conditions.append(Condition(fld, filled=test["filled"]))
        else:
            raise bad(f"rule test for '{fld}' must be a text, a list, {{contains}} or {{filled}}")
    return Rule(conditions=tuple(conditions), result=str(result))


# ------------------------------------------------------------------------ matching


def match_columns(headers: Sequence[str], preset: Preset) -> ColumnMatch:
    """Assign header columns to fields: fields in preset order, aliases by preference.

    A column feeds one field at most; the first column wins when a header repeats.
    """
    positions: dict[str, list[int]] = {}
    for i, h in enumerate(headers):
        if h:
            positions.setdefault(normalize_header(h), []).append(i)
    taken: set[int] = set()
    indexes: dict[str, int] = {}
    for fld, aliases in preset.columns.items():
        for alias in aliases:
            free = [i for i in positions.get(normalize_header(alias), []) if i not in taken]
            if free:
                indexes[fld] = free[0]
                taken.add(free[0])
                break
    extra = tuple(h for i, h in enumerate(headers) if h and i not in taken)
    missing = tuple(f for f in preset.required if f not in indexes)
    return ColumnMatch(
        indexes=indexes,
        headers={f: headers[i] for f, i in indexes.items()},
        extra_columns=extra,
        missing_required=missing,
    )


def _score(headers: Sequence[str], preset: Preset) -> tuple[int, int]:
    m = match_columns(headers, preset)
    folded = {normalize_header(h) for h in headers if h}
    signature = sum(1 for s in preset.signature if normalize_header(s) in folded)
    required_ok = len(preset.required) - len(m.missing_required)
    return m.score + 3 * signature, required_ok


def header_scorer(presets: Iterable[Preset]) -> Callable[[list[str]], int]:
    """A ``read_table`` header hint: how many fields the best preset finds in a row."""
    plist = list(presets)

    def score(cells: list[str]) -> int:
        return max((match_columns(cells, p).score for p in plist), default=0)

    return score


def detect_platform(
    headers: Sequence[str],
    presets: Mapping[str, Preset] | None = None,
    *,
    table: str = "orders",
    min_score: int = 4,
) -> str:
    """Name of the preset whose aliases fit ``headers`` best; ``UnknownLayout`` if none.

    Signature headers (ones only that platform writes, like 分阶段订单信息) weigh more,
    so an export that shares generic columns (订单状态) with others is still told apart.
    """
    pool = [p for p in (presets or load_presets()).values() if p.table == table]
    ranked = sorted(
        ((_score(headers, p), p.name) for p in pool), key=lambda t: (t[0], t[1]), reverse=True
    )
    shown = ", ".join([h for h in headers if h][:10])
    if not ranked or ranked[0][0][0] < min_score or ranked[0][0][1] == 0:
        raise UnknownLayout(
            f"the columns match no known {table} export "
            f"({', '.join(sorted(p.name for p in pool))}); headers found: {shown}"
        )
    tied = [name for score, name in ranked if score == ranked[0][0]]
    if len(tied) > 1:
        # A user's own preset (often "extends" a built-in) wins a tie with built-ins.
        by_name = {p.name: p for p in pool}
        mine = [n for n in tied if by_name[n].custom]
        if len(mine) == 1:
            return mine[0]
        raise UnknownLayout(
            f"the columns fit {' and '.join(repr(n) for n in tied)} equally; choose the platform"
        )
    return ranked[0][1]
