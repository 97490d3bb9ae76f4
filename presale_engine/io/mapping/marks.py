"""Cells as some platforms write them: padded with a tab, or a mark for "nothing".

Douyin's order export starts every cell with a tab (``"\\t6917926768823643751"``, so
Excel keeps a 19-digit number as text) and writes ``-`` for an empty cell in any column.
A preset lists its marks (``"empty_marks": ["-"]``); ``unmark`` then strips the padding
and reads a marked cell as empty before any column is mapped, so the id and time fast
paths see plain texts and a rule testing a column's presence ("shipped" = 发货时间
filled) sees ``-`` as blank. Masked recipient fields (``##…``, ``$$…``) are kept as they
are: they are text, not marks.
"""

from __future__ import annotations

from collections.abc import Sequence

_PAD = " \t\r\n\v\f\u3000"


def unmark(rows: Sequence[tuple[int, list[object]]], marks: frozenset[str],
           columns: Sequence[int]) -> list[tuple[int, list[object]]]:  # fmt: skip
    """``rows`` with the text cells of ``columns`` (the mapped ones) stripped of padding
    and a cell in ``marks`` as None (new lists: the caller's cells stay as the file had
    them)."""
    out: list[tuple[int, list[object]]] = []
    append = out.append
    for excel_row, cells in rows:
        new = list(cells)
        for i in columns:
            c = new[i] if i < len(new) else None
            if isinstance(c, str):
                s = c.strip(_PAD)
                new[i] = None if s in marks else s
        append((excel_row, new))
    return out
