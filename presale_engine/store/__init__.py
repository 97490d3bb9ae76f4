"""Persistence: SQLAlchemy 2.x models, the database opener and Alembic migrations.

SQLite (WAL) in the user data dir by default; PostgreSQL by URL for a team.
Nothing outside this package writes SQL.
"""

from .db import Database, default_db_path, open_database

__all__ = ["Database", "default_db_path", "open_database"]
