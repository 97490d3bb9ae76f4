"""The shop's member list (会员名单) for member-only presales: one buyer per row.

A sheet (.xlsx or .csv, as the shop's CRM or the platform's member export gives it)
with a buyer column (买家昵称, 会员名, 旺旺, buyer, member …) and optionally a platform
column. Every row must name a buyer; errors name the file, row and column, and nothing
is imported while there is one (the service refuses the whole file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..platforms import PLATFORMS
from .mapping.rows import RowError
from .tables import CancelCheck, Progress, clean_text, read_table

BUYER_HEADERS = ("买家昵称", "买家会员名", "买家账号", "买家", "会员名", "会员昵称", "会员", "昵称",
                 "旺旺", "旺旺名", "用户名", "buyer", "buyer id", "buyer name", "member",
                 "member id", "nickname", "nick", "user", "username")
PLATFORM_HEADERS = ("平台", "渠道", "platform", "channel")
_PLATFORM_WORDS = {"淘宝": "taobao", "天猫": "taobao", "淘宝/天猫": "taobao", "京东": "jd",
                   "抖音": "douyin", "抖店": "douyin", "tiktok": "tiktok",
                   "tiktok shop": "tiktok", "其他": "other"}


@dataclass
class MemberImport:
    file: str
    members: list[tuple[int, str, str]] = field(default_factory=list)  # (row, buyer, platform)
    errors: list[RowError] = field(default_factory=list)
    buyer_column: str = ""


def _norm(h: str) -> str:
    return h.strip().lower()


def _score(cells: list[str]) -> int:
    names = {_norm(c) for c in cells}
    return 2 if names & set(BUYER_HEADERS) else 0


def read_members(path: str | Path, *, progress: Progress | None = None,
                 cancel: CancelCheck | None = None) -> MemberImport:
    table = read_table(path, header_hint=_score, header_min_score=2, progress=progress,
                       cancel=cancel)
    out = MemberImport(table.file)
    heads = [_norm(h) for h in table.headers]
    buyer_i = next(i for i, h in enumerate(heads) if h in BUYER_HEADERS)
    plat_i = next((i for i, h in enumerate(heads) if h in PLATFORM_HEADERS), None)
    out.buyer_column = table.headers[buyer_i]
    seen: dict[tuple[str, str], int] = {}
    for row, cells in table.rows:
        cell = cells[buyer_i]
        if isinstance(cell, float) and cell.is_integer():
            cell = int(cell)  # a numeric buyer id typed into Excel
        buyer = clean_text(str(cell)) if cell != "" else ""
        platform = ""
        if plat_i is not None and cells[plat_i] != "":
            raw = clean_text(str(cells[plat_i]))
            platform = _PLATFORM_WORDS.get(raw.lower(), raw.lower())
            if platform not in PLATFORMS:
                out.errors.append(RowError(out.file, row, table.headers[plat_i], raw,
                                           f"not a platform (one of {', '.join(PLATFORMS)})",
                                           "unknown_platform"))
                continue
        if not buyer:
            out.errors.append(RowError(out.file, row, out.buyer_column, "",
                                       "no buyer on this row", "missing"))
            continue
        key = (platform, buyer)
        if key in seen:
            continue  # the same member twice: once is enough
        seen[key] = row
        out.members.append((row, buyer, platform))
    return out
