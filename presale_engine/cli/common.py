"""What every command shares: errors, output (text or JSON), argument types, the context."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

EXIT_ERROR = 1
EXIT_USAGE = 2

# add(parent_subparsers, name, command, help) -> the command's parser (see __init__)
AddFn = Callable[[Any, str, Callable[["Ctx"], int], str], argparse.ArgumentParser]

class CliError(Exception):
    """A message for the user and an exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code

class Out:
    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def emit(self, data: Any, human: Callable[[], None] | None = None) -> None:
        from ..service.views import jsonable

        if self.as_json or human is None:
            print(json.dumps(jsonable(data), ensure_ascii=False, indent=2))
        else:
            human()

def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A plain aligned text table (CJK characters count as two columns)."""
    import unicodedata

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)

    cells = [[cell(v) for v in r] for r in rows]
    widths = [width(h) for h in headers]
    for r in cells:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], width(c))

    def line(vals: Sequence[str]) -> str:
        return "  ".join(v + " " * (widths[i] - width(v)) for i, v in enumerate(vals)).rstrip()

    print(line(headers))
    print(line(["-" * w for w in widths]))
    for r in cells:
        print(line(r))

def cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, list | tuple):
        return ",".join(str(x) for x in v)
    return str(v)

def parse_now(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"--now: '{text}' is not an ISO date-time like 2026-11-20T09:00",
                       EXIT_USAGE) from None
    return dt

def load_json(path: str) -> Any:
    p = Path(path)
    try:
        return json.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise CliError(f"{path}: not a UTF-8 text file") from None
    except json.JSONDecodeError as e:
        raise CliError(f"{path}: line {e.lineno}, column {e.colno}: {e.msg}") from None

def date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-25") from None

def money_arg(text: str) -> Decimal:
    from ..money import parse_money

    try:
        return parse_money(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None

def positive_arg(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n

def whole_arg(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None

class Ctx:
    """What a command gets: parsed args, output, and the service (opened on demand)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.out = Out(args.json)
        self._svc: Any = None

    @property
    def lang(self) -> str:
        """The language of messages: ``--lang``, else the locale's."""
        from ..messages import default_lang

        return str(self.args.lang or default_lang())

    def error_text(self, e: Any) -> str:
        """An engine error for stderr: its English message as scripts have always read
        it, or the catalogue's wording in another language."""
        return str(e.message) if self.lang == "en" else str(e.text(self.lang))

    @property
    def svc(self) -> Any:
        if self._svc is None:
            from ..service import Service, fixed_clock
            from ..store import open_database

            db = open_database(self.args.db)
            now = parse_now(self.args.now)
            self._svc = Service(db, actor="cli")
            if now is not None:
                if now.tzinfo is None:
                    now = now.replace(tzinfo=self._svc.shop.tz())
                self._svc.clock = fixed_clock(now.astimezone(UTC))
        return self._svc

    def close(self) -> None:
        if self._svc is not None:
            self._svc.db.dispose()

def progress_printer(enabled: bool) -> Callable[[int, int], None] | None:
    """Progress on stderr when it is a terminal (never in --json or piped output)."""
    if not enabled or not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = 100 * done // max(total, 1)
        if pct != last[0]:
            last[0] = pct
            print(f"\r{pct:3d} %", end="", file=sys.stderr, flush=True)
            if pct >= 100:
                print(file=sys.stderr)
    return show

def order_filter(a: argparse.Namespace) -> Any:
    from ..orders import Status
    from ..service import OrderFilter

    statuses = [s.strip() for s in (a.status or "").split(",") if s.strip()]
    for st in statuses:
        if st not in Status.__members__.values():
            raise CliError(f"--status: unknown status '{st}' (one of "
                           f"{', '.join(s.value for s in Status)})", EXIT_USAGE)
    return OrderFilter(campaign_id=a.campaign, statuses=statuses, overdue=a.overdue,
                       due_within_hours=a.due_hours, sku=a.sku, platform=a.platform)

def pairs(items: Sequence[str] | None, option: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in items or []:
        if "=" not in pair:
            raise CliError(f"{option} expects NAME=VALUE, got '{pair}'", EXIT_USAGE)
        k, v = pair.split("=", 1)
        out[k.strip()] = v.strip()
    return out
