"""Running tallies of the orders, kept by the database itself (triggers).

The risk rules ask the same few questions of a million orders on every evaluation:
units sold per campaign and SKU, orders ordered and due per platform and day. Scanning
the orders for them took seconds; these small tables answer them from a few hundred
rows. Triggers on ``orders`` (and on ``product`` / ``supply_batch`` for the stock
version) keep them exact in the same transaction as the write, whatever code path wrote
it: an import, a transition, a bulk action, a migration or someone's SQL.

Each tally is declared once (``TALLIES``): its keys and values as SQL expressions over an
order row; the same declaration writes the SQLite and PostgreSQL triggers and the
rebuild (``INSERT … SELECT … GROUP BY``) a migration and the tests use.

A migration that rebuilds ``orders`` (SQLite batch mode copies the table) drops its
triggers: it must call ``install(conn)`` again afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Column, Integer, SmallInteger, String, Table

from ..orders import Status
from .models import Base

_GONE = sorted([Status.CANCELLED_BY_BUYER.value, Status.CANCELLED_BY_SELLER.value,
                Status.REFUNDED.value, Status.BALANCE_UNPAID.value])
_OPEN = sorted([Status.DEPOSIT_PAID.value, Status.AWAITING_BALANCE.value,
                Status.BALANCE_PAID.value, Status.PAID.value])


def _in(col: str, values: list[str]) -> str:
    return f"{col} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _flag(cond: str) -> str:
    return f"CASE WHEN {cond} THEN 1 ELSE 0 END"


@dataclass(frozen=True)
class Tally:
    """A table of counts keyed by expressions over an order row ``{r}``."""

    table: str
    keys: tuple[tuple[str, str, str], ...]  # (column, SQL type, expression)
    values: tuple[tuple[str, str], ...]  # (column, expression summed)
    where: str | None = None  # rows that count at all

    def render(self, template: str, row: str, dialect: str) -> str:
        """``template`` with ``{r}`` the row and ``HOUR(x)`` the UTC hour of a time as
        text, ``YYYY-MM-DD HH``."""
        text = template.replace("{r}", row)
        while "HOUR(" in text:
            start = text.index("HOUR(")
            end = text.index(")", start)
            inner = text[start + 5:end]
            fn = f"strftime('%Y-%m-%d %H', {inner})" if dialect == "sqlite" else \
                f"to_char({inner}, 'YYYY-MM-DD HH24')"
            text = text[:start] + fn + text[end + 1:]
        return text

    def upsert(self, row: str, sign: int, dialect: str) -> str:
        """One row's contribution (``sign`` +1 or -1) added to the tally."""
        keys = [k for k, _t, _e in self.keys]
        cols = ", ".join(keys + [v for v, _e in self.values])
        sel = ", ".join([self.render(e, row, dialect) for _k, _t, e in self.keys]
                        + [f"{sign} * ({self.render(e, row, dialect)})"
                           for _v, e in self.values])
        where = self.render(self.where, row, dialect) if self.where else "1 = 1"
        sets = ", ".join(f"{v} = {self.table}.{v} + excluded.{v}" for v, _e in self.values)
        return (f"INSERT INTO {self.table} ({cols}) SELECT {sel} WHERE {where} "
                f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets}")

    def rebuild(self, dialect: str) -> list[str]:
        """Empty the tally and fill it from the orders as they are."""
        keys = [self.render(e, "o", dialect) for _k, _t, e in self.keys]
        cols = ", ".join([k for k, _t, _e in self.keys] + [v for v, _e in self.values])
        sums = [f"SUM({self.render(e, 'o', dialect)})" for _v, e in self.values]
        where = f" WHERE {self.render(self.where, 'o', dialect)}" if self.where else ""
        return [f"DELETE FROM {self.table}",
                f"INSERT INTO {self.table} ({cols}) SELECT {', '.join(keys + sums)} "
                f"FROM orders o{where} GROUP BY {', '.join(keys)}"]

    def create(self) -> str:
        cols = [f"{k} {t} NOT NULL" for k, t, _e in self.keys]
        cols += [f"{v} BIGINT NOT NULL DEFAULT 0" for v, _e in self.values]
        pk = ", ".join(k for k, _t, _e in self.keys)
        return (f"CREATE TABLE {self.table} ({', '.join(cols)}, "
                f"CONSTRAINT pk_{self.table} PRIMARY KEY ({pk}))")


# What the risk rules read (store/risk_queries.py): per campaign and SKU, the units by
# state (caps, deposits over the legal cap, presale against history, returns) ...
ITEMS = Tally(
    "tally_campaign_sku",
    keys=(("campaign_id", "INTEGER", "COALESCE({r}.campaign_id, 0)"),
          ("product_id", "INTEGER", "COALESCE({r}.product_id, 0)"),
          ("platform", "VARCHAR(20)", "{r}.platform"),
          ("currency", "VARCHAR(3)", "{r}.currency"),
          ("sku", "VARCHAR(100)", "{r}.sku"),
          ("status", "VARCHAR(24)", "{r}.status"),
          ("deposit_paid", "SMALLINT", _flag("{r}.deposit_paid_at IS NOT NULL")),
          ("shipped", "SMALLINT", _flag("{r}.shipped_at IS NOT NULL"))),
    values=(("orders", "1"), ("units", "{r}.qty")))

# ... orders ordered per platform and UTC hour (presale share, cancel rate) ...
ORDERED = Tally(
    "tally_ordered_hour",
    keys=(("platform", "VARCHAR(20)", "{r}.platform"),
          ("hour", "VARCHAR(13)", "HOUR({r}.ordered_at)"),
          ("status", "VARCHAR(24)", "{r}.status"),
          ("presale", "SMALLINT", _flag("{r}.kind <> 'normal'"))),
    values=(("orders", "1"),))

# ... and orders due per platform and UTC hour of their ship deadline, late or not, left
# out where cancelled or refunded before it (the late rate, docs/RISK.md).
DUE = Tally(
    "tally_due_hour",
    keys=(("platform", "VARCHAR(20)", "{r}.platform"),
          ("hour", "VARCHAR(13)", "HOUR({r}.ship_deadline)"),
          ("gone", "SMALLINT", _flag(_in("{r}.status", _GONE) + " AND {r}.shipped_at IS NULL "
                                     "AND {r}.updated_at < {r}.ship_deadline")),
          ("late", "SMALLINT", _flag("{r}.shipped_at IS NULL "
                                     "OR {r}.shipped_at > {r}.ship_deadline"))),
    values=(("orders", "1"),),
    where="{r}.ship_deadline IS NOT NULL")

TALLIES = (ITEMS, ORDERED, DUE)

# Columns whose change can move an order between tally rows (an UPDATE of anything
# else, a note or a tag, runs no trigger) or change its claim on stock.
_ORDER_COLUMNS = ("campaign_id", "product_id", "platform", "currency", "sku", "status",
                  "kind", "qty", "deposit_paid_at", "paid_at", "shipped_at", "ordered_at",
                  "ship_deadline", "updated_at", "reserved")

# The stock version of a product moves whenever its stock, its supply or the orders
# that claim it change: the allocation of an unchanged product is taken from the cache.
VERSION_TABLE = "stock_version"


def _bump(product: str, dialect: str, unless: str = "") -> str:
    extra = f" AND NOT ({unless})" if unless else ""
    return (f"INSERT INTO {VERSION_TABLE} (product_id, version) SELECT {product}, 1 "
            f"WHERE {product} IS NOT NULL{extra} ON CONFLICT (product_id) DO UPDATE SET "
            f"version = {VERSION_TABLE}.version + 1")


# Shipping an order that stock covered changes no other order's allocation (docs/RISK.md):
# such an update, and the on-hand change that goes with it, are written to ``stock_log``
# instead of moving the version, and the evaluation checks them against the cached result.
LOG_TABLE = "stock_log"


def _ship(dialect: str) -> str:
    same = "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"
    keep = " AND ".join(f"NOT (OLD.{c} {same} NEW.{c})" for c in (
        "product_id", "qty", "ship_deadline", "paid_at", "deposit_paid_at"))
    return (f"{_in('OLD.status', _OPEN)} AND NEW.status = 'shipped' "
            f"AND OLD.product_id IS NOT NULL AND {keep}")


def _log_ship(dialect: str) -> str:
    return (f"INSERT INTO {LOG_TABLE} (product_id, kind, order_id, qty) "
            f"SELECT NEW.product_id, 'ship', NEW.id, NEW.qty WHERE {_ship(dialect)}")


_LOG_ON_HAND = (f"INSERT INTO {LOG_TABLE} (product_id, kind, order_id, qty) "
                "SELECT NEW.id, 'on_hand', NULL, NEW.on_hand - OLD.on_hand")


def _order_body(row: str, sign: int, dialect: str, unless: str = "") -> list[str]:
    out = [t.upsert(row, sign, dialect) for t in TALLIES]
    out.append(_bump(f"{row}.product_id", dialect, unless))
    return out


def _changed(cols: tuple[str, ...]) -> str:
    return " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in cols)


def trigger_ddl(dialect: str) -> list[str]:
    """The statements that create the tally and stock-version triggers."""
    if dialect == "sqlite":
        def trig(name: str, when: str, table: str, body: list[str], cond: str = "") -> str:
            w = f" WHEN {cond}" if cond else ""
            stmts = "".join(f" {b};" for b in body)
            return f"CREATE TRIGGER {name} AFTER {when} ON {table}{w} BEGIN{stmts} END"

        changed = _changed(_ORDER_COLUMNS).replace("IS DISTINCT FROM", "IS NOT")
        return [
            trig("trg_orders_tally_ins", "INSERT", "orders", _order_body("NEW", 1, dialect)),
            trig("trg_orders_tally_del", "DELETE", "orders", _order_body("OLD", -1, dialect)),
            trig("trg_orders_tally_upd", "UPDATE", "orders",
                 _order_body("OLD", -1, dialect, _ship(dialect))
                 + _order_body("NEW", 1, dialect, _ship(dialect)) + [_log_ship(dialect)],
                 changed),
            trig("trg_product_version_upd", "UPDATE OF on_hand", "product",
                 [_LOG_ON_HAND], "OLD.on_hand IS NOT NEW.on_hand"),
            trig("trg_supply_version_ins", "INSERT", "supply_batch",
                 [_bump("NEW.product_id", dialect)]),
            trig("trg_supply_version_del", "DELETE", "supply_batch",
                 [_bump("OLD.product_id", dialect)]),
            trig("trg_supply_version_upd", "UPDATE", "supply_batch",
                 [_bump("OLD.product_id", dialect), _bump("NEW.product_id", dialect)]),
        ]

    def fn(name: str, body: str) -> str:
        return (f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$ BEGIN {body} "
                f"RETURN NULL; END $$ LANGUAGE plpgsql")

    old = "".join(f" {t.upsert('OLD', -1, dialect)};" for t in TALLIES)
    new = "".join(f" {t.upsert('NEW', 1, dialect)};" for t in TALLIES)
    orders_fn = (f"IF TG_OP IN ('UPDATE', 'DELETE') THEN{old} END IF; "
                 f"IF TG_OP IN ('INSERT', 'UPDATE') THEN{new} END IF; "
                 f"IF TG_OP = 'UPDATE' AND ({_ship(dialect)}) THEN {_log_ship(dialect)}; "
                 f"ELSE IF TG_OP IN ('UPDATE', 'DELETE') THEN "
                 f"{_bump('OLD.product_id', dialect)}; END IF; "
                 f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {_bump('NEW.product_id', dialect)};"
                 f" END IF; END IF;")
    supply_fn = (f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {_bump('OLD.product_id', dialect)};"
                 f" END IF; IF TG_OP IN ('INSERT', 'UPDATE') THEN "
                 f"{_bump('NEW.product_id', dialect)}; END IF;")
    return [
        fn("presale_orders_tally", orders_fn),
        fn("presale_product_version", f"{_LOG_ON_HAND};"),
        fn("presale_supply_version", supply_fn),
        "CREATE TRIGGER trg_orders_tally_insdel AFTER INSERT OR DELETE ON orders "
        "FOR EACH ROW EXECUTE FUNCTION presale_orders_tally()",
        "CREATE TRIGGER trg_orders_tally_upd AFTER UPDATE ON orders FOR EACH ROW "
        f"WHEN ({_changed(_ORDER_COLUMNS)}) EXECUTE FUNCTION presale_orders_tally()",
        "CREATE TRIGGER trg_product_version_upd AFTER UPDATE ON product FOR EACH ROW "
        "WHEN (OLD.on_hand IS DISTINCT FROM NEW.on_hand) "
        "EXECUTE FUNCTION presale_product_version()",
        "CREATE TRIGGER trg_supply_version AFTER INSERT OR UPDATE OR DELETE ON supply_batch "
        "FOR EACH ROW EXECUTE FUNCTION presale_supply_version()",
    ]


def drop_ddl(dialect: str) -> list[str]:
    if dialect == "sqlite":
        names = ("trg_orders_tally_ins", "trg_orders_tally_del", "trg_orders_tally_upd",
                 "trg_product_version_upd", "trg_supply_version_ins",
                 "trg_supply_version_del", "trg_supply_version_upd")
        return [f"DROP TRIGGER IF EXISTS {n}" for n in names]
    return ["DROP TRIGGER IF EXISTS trg_orders_tally_insdel ON orders",
            "DROP TRIGGER IF EXISTS trg_orders_tally_upd ON orders",
            "DROP TRIGGER IF EXISTS trg_product_version_upd ON product",
            "DROP TRIGGER IF EXISTS trg_supply_version ON supply_batch",
            "DROP FUNCTION IF EXISTS presale_orders_tally()",
            "DROP FUNCTION IF EXISTS presale_product_version()",
            "DROP FUNCTION IF EXISTS presale_supply_version()"]


def rebuild_ddl(dialect: str) -> list[str]:
    """Refill every tally from the orders (after creating them, or to repair)."""
    out: list[str] = []
    for t in TALLIES:
        out += t.rebuild(dialect)
    return out


def install(conn: Any) -> None:
    """(Re)create the triggers on a connection and refill the tallies, in its
    transaction: for a migration that rebuilt ``orders`` and so lost them."""
    dialect = conn.dialect.name
    for stmt in [*drop_ddl(dialect), *trigger_ddl(dialect), *rebuild_ddl(dialect)]:
        conn.exec_driver_sql(stmt)


def _table(t: Tally) -> Table:
    types: dict[str, Any] = {"INTEGER": Integer, "SMALLINT": SmallInteger}
    cols = [Column(k, types.get(ty) or String(int(ty.split("(")[1].rstrip(")"))),
                   primary_key=True) for k, ty, _e in t.keys]
    cols += [Column(v, BigInteger, nullable=False) for v, _e in t.values]
    return Table(t.table, Base.metadata, *cols)


ITEMS_T, ORDERED_T, DUE_T = (_table(t) for t in TALLIES)
