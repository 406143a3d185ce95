"""Alembic environment: the engine comes from sci.db (never from an ini file).

On SQLite, Alembic's batch mode changes a table by rebuilding it (copy, drop, rename); with foreign keys
on (sci.db turns them on for every connection) dropping a table that other rows point at fails
("FOREIGN KEY constraint failed" — the capture table under its candidates and evidence). So foreign keys
are off while the revisions run, checked before the commit (``PRAGMA foreign_key_check``: a revision that
broke a reference fails and rolls back), and on again after. SQLite honours the pragma only outside a
transaction, hence the separate statements around the migration's transaction.
"""

from alembic import context
from sqlalchemy import Connection

from sci.models import Base

config = context.config
engine = config.attributes["engine"]


def _foreign_keys(connection: Connection, on: bool) -> None:
    connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    connection.commit()


with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _foreign_keys(connection, False)
    try:
        with connection.begin():
            context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=sqlite)
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left {len(broken)} rows pointing at missing rows "
                                       f"(first: {tuple(broken[0])}); nothing was changed")
    finally:
        if sqlite:
            _foreign_keys(connection, True)
