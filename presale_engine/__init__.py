"""Presale Desk engine: the presale domain, storage and use cases, with no Qt inside.

The GUI (`app`) and the `presale` command both drive this package through
`presale_engine.service`; tests use it directly.
"""

__version__ = "0.1.0"
