"""`presale`: the engine from the command line (import, export, reports, demo data).

Every command takes ``--db PATH|URL``, ``--json``, ``--now ISO`` and ``--lang zh|en``.
Errors are one line on stderr, in the ``--lang`` language, and a non-zero exit; set
PRESALE_DEBUG=1 to see a traceback. One module per noun registers its commands.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import PresaleError
from . import alerts, campaign, exports, imports, order, planning, printing, shop, stock, wave
from .common import EXIT_ERROR, CliError, Ctx


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help="database file or URL (default: $PRESALE_DB_URL, else the "
                             "file in the user data dir)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print machine-readable JSON")
    common.add_argument("--now", default=argparse.SUPPRESS,
                        help="pretend it is this time (ISO; shop time zone if none given)")
    common.add_argument("--lang", choices=["zh", "en"], default=argparse.SUPPRESS,
                        help="language of messages (default: from the locale) and of "
                             "written files (default: zh)")

    p = argparse.ArgumentParser(prog="presale", parents=[common],
                                description="Presale Desk (预售管家) from the command line.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(parent: Any, name: str, fn: Callable[[Ctx], int], help_: str
            ) -> argparse.ArgumentParser:
        sp: argparse.ArgumentParser = parent.add_parser(name, parents=[common], help=help_,
                                                        description=help_)
        sp.set_defaults(fn=fn)
        return sp

    shop.register_setup(sub, add)
    campaign.register(sub, add)
    stock.register_products(sub, add)
    order.register(sub, add)
    stock.register(sub, add)
    imports.register(sub, add)
    exports.register(sub, add)
    wave.register(sub, add)
    printing.register(sub, add)
    imports.register_mapping(sub, add)
    alerts.register(sub, add)
    alerts.register_metrics(sub, add)
    planning.register(sub, add)
    shop.register(sub, add)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name, default in (("db", None), ("json", False), ("now", None), ("lang", None)):
        if not hasattr(args, name):
            setattr(args, name, default)
    if args.db is None:
        args.db = os.environ.get("PRESALE_DB_URL") or None
    ctx = Ctx(args)
    try:
        code: int = args.fn(ctx)
        return code
    except CliError as e:
        print(f"presale: error: {e}", file=sys.stderr)
        return e.code
    except PresaleError as e:
        print(f"presale: error: {ctx.error_text(e)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("presale: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as e:
        if os.environ.get("PRESALE_DEBUG"):
            raise
        print(f"presale: error: {_describe(e)}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        ctx.close()


def _describe(e: Exception) -> str:
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    if isinstance(e, OperationalError):
        return f"cannot use the database: {str(e.orig).strip().splitlines()[0]}"
    if isinstance(e, SQLAlchemyError):
        return f"database error: {str(e).splitlines()[0]}"
    if isinstance(e, OSError):
        return f"{e.filename or ''}: {e.strerror or e}".lstrip(": ")
    return f"{type(e).__name__}: {e}"
