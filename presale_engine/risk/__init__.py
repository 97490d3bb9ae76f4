"""Risk rules: what will cost a seller money, found early (pure functions, no database).

Each module is one concern and turns facts (plain dataclasses the store loads with
aggregate queries, ``risk.facts``) and ``now`` into ``Finding``s: a stable ``code``, a
severity, the subject (campaign, SKU, platform or the shop), the orders behind it and
the money at stake. Thresholds are data (``risk.thresholds``), per platform profile,
overridable per shop. ``service.risk`` stores findings as alerts with a lifecycle.
"""

from .facts import Finding
from .thresholds import Thresholds

__all__ = ["Finding", "Thresholds"]
