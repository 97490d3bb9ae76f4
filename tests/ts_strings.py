"""The texts a module gives to Qt's translation (``self.tr("…")`` in a class,
``_tr("…")`` with the module's ``QCoreApplication.translate`` context), read with ast,
and the finished translations of the .ts files: a test compares the two."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path


def tr_strings(path: Path) -> set[tuple[str, str, bool]]:
    """(context, source, numerus) of every literal text ``path`` translates."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_ctx = None
    for node in ast.walk(tree):  # def _tr(text): return QCoreApplication.translate("X", text)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "translate" \
                and node.args and isinstance(node.args[0], ast.Constant):
            module_ctx = node.args[0].value
    out: set[tuple[str, str, bool]] = set()

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and child.args and \
                    isinstance(child.args[0], ast.Constant) and \
                    isinstance(child.args[0].value, str):
                f = child.func
                if isinstance(f, ast.Attribute) and f.attr == "tr" and cls is not None:
                    out.add((cls, child.args[0].value, len(child.args) >= 3))
                elif isinstance(f, ast.Name) and f.id == "_tr" and module_ctx:
                    out.add((module_ctx, child.args[0].value, False))
            visit(child, cls)

    visit(tree, None)
    return out


def translated(folder: Path) -> set[tuple[str, str]]:
    """(context, source) with a finished, non-empty translation in any .ts of ``folder``."""
    done: set[tuple[str, str]] = set()
    for ts in folder.glob("*.ts"):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for msg in context.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                    continue
                text = "".join(n.text or "" for n in tr.iter("numerusform")) or (tr.text or "")
                if text.strip():
                    done.add((name, msg.findtext("source") or ""))
    return done
