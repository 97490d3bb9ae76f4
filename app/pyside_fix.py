"""A guard against a PySide6 6.12 reference-counting bug: ``SignalInstance.emit()``
returns ``True``, and many methods returning nothing (``QTimer.start``, ``scrollTo``,
``QItemSelectionModel.select``, ``beginResetModel``...) return ``None``, without taking
a reference to it.

Every such call from Python therefore takes one reference away from ``True`` or
``None``; on CPython 3.11 (where they are not immortal yet) the process aborts with
"Fatal Python error: bool_dealloc" / "none_dealloc" once some thousands of calls have
been made: in a long session, or at the exit of a test run. Measured: 100 emits,
``sys.getrefcount(True)`` 100 lower; 100 ``QTimer.start()``, ``sys.getrefcount(None)``
100 lower (docs/DECISIONS.md, "Order desk").

``protect_bools()`` checks whether the installed PySide6 has the bug (one probe of each)
and, if so, gives ``None``, ``True`` and ``False`` a reserve of references large enough
never to run out, which is what CPython 3.12 does for every build (immortal objects).
Nothing is done on interpreters without the problem.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40
_done = False


def protect_bools() -> bool:
    """Make ``True``/``False`` safe from the emit bug; returns whether it was needed."""
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    _done = True
    from PySide6.QtCore import QObject, QTimer, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    lost = before - sys.getrefcount(True)
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(10):
        timer.stop()
    lost += max(before - sys.getrefcount(None), 0)
    if lost <= 0:
        return False
    for value in (None, True, False):
        # ob_refcnt is the first field of every object on a regular CPython build
        ref = ctypes.c_ssize_t.from_address(id(value))
        ref.value += _RESERVE
    return True
