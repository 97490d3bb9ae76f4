"""Entry point of ``presale-desk`` (the window lands with the desktop-shell issue).

Until then it opens the database the same way the window will and prints what the
window's dashboard will show, so ``scripts/dev.sh app`` does the main job end to end.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    from presale_engine.cli import main as cli_main

    parser = argparse.ArgumentParser(prog="presale-desk")
    parser.add_argument("--db", help="database file or URL")
    args, _rest = parser.parse_known_args(argv)
    print("Presale Desk: the desktop window is not built yet; here is the shop in text.\n")
    base = ["--db", args.db] if args.db else []
    code = cli_main([*base, "campaign", "list"])
    if code == 0:
        print()
        code = cli_main([*base, "order", "list", "--overdue", "--limit", "10"])
    if code == 0:
        print()
        code = cli_main([*base, "stock"])
    return code


if __name__ == "__main__":
    sys.exit(main())
