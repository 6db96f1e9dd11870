"""``Store``: an event database in one DuckDB file (``dyad.open(path)``).

Its tables and columns are in ``schema.py`` and docs/STORE.md. Writing goes through
``Store.writer``; every question has a method returning a pandas DataFrame, and the
CLI and web app call these methods and nothing else.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..errors import InputError, StoreError
from . import db, merge, queries
from .queries import Filters
from .writer import Writer


class Store:
    """An open event store. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | os.PathLike, read_only: bool = False, create: bool = True):
        self.path = Path(os.fspath(path))
        self.read_only = read_only
        self.con = db.connect(self.path, read_only=read_only, create=create)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def session(self) -> Store:
        """Another ``Store`` on this open database with a DuckDB connection of its own,
        for one thread or one request (a connection must not be used by two threads at
        once); cheap, since the database stays open. Close it when done."""
        if self.con is None:
            raise StoreError(f"{self.path} is closed", "open it again with dyad.open(path)")
        other = object.__new__(Store)
        other.path, other.read_only, other.con = self.path, self.read_only, self.con.cursor()
        return other

    def __repr__(self) -> str:
        return f"<dyad Store {str(self.path)!r}{' read-only' if self.read_only else ''}>"

    # -- settings and counts -------------------------------------------------------

    @property
    def window_days(self) -> int:
        return int(db.scalar(self.con, "SELECT value FROM meta WHERE key = 'window_days'"))

    def counts(self) -> dict[str, int]:
        """Rows per table: stories, sentences, mentions, events, actors."""
        return {t: db.scalar(self.con, f"SELECT count(*) FROM {t}")
                for t in ("stories", "sentences", "mentions", "events", "actors")}

    # -- writing ---------------------------------------------------------------------

    def writer(self, fingerprint: str, batch: int = 32) -> Writer:
        """A writer that adds coded stories, in transactions of ``batch`` stories."""
        self._writable()
        return Writer(self.con, fingerprint, self.window_days, batch=batch)

    def set_window(self, window_days: int) -> bool:
        """Merge every mention again with a new window (0: one event per dyad, code and
        day); True when the window changed."""
        self._writable()
        if window_days < 0:
            raise InputError(f"merge window {window_days} is negative", "give a number of days, 0 or more")
        if window_days == self.window_days:
            return False
        try:
            with db.transaction(self.con):
                self.con.execute("UPDATE meta SET value = ? WHERE key = 'window_days'", [str(window_days)])
                merge.merge_keys(self.con, None, window_days)
        except Exception as exc:
            raise _store_error(exc, self.path) from None
        return True

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only", "open it with dyad.open(path) to write")

    # -- questions -------------------------------------------------------------------

    def events(self, limit: int | None = None, offset: int = 0, sort: str = "date", descending: bool = False,
               **filters) -> pd.DataFrame:
        """Merged events (filters: see ``Filters``)."""
        return queries.events(self.con, Filters.of(**filters), limit, offset, sort, descending)

    def count_events(self, **filters) -> int:
        return queries.count_events(self.con, Filters.of(**filters))

    def event(self, event_id: str) -> dict | None:
        """One event (a dict) and its mentions (a DataFrame), or None."""
        return queries.event(self.con, event_id)

    def mentions(self, limit: int | None = None, offset: int = 0, **filters) -> pd.DataFrame:
        """Raw mentions, each with its sentence."""
        return queries.mentions(self.con, Filters.of(**filters), limit, offset)

    def dyads(self, period: str = "month", by: str = "code", **filters) -> pd.DataFrame:
        """Per directed dyad and period (day, week, month, year): events, Goldstein sum and
        mean, counts per QuadClass; ``by="country"`` groups actors by their country."""
        return queries.dyads(self.con, Filters.of(**filters), period, by)

    def actors(self, limit: int | None = 20, by: str = "code", **filters) -> pd.DataFrame:
        """The most active actors, as source and as target."""
        return queries.actors(self.con, Filters.of(**filters), limit, by)

    def network(self, min_events: int = 1, by: str = "code", **filters) -> pd.DataFrame:
        """A weighted directed edge list."""
        return queries.network(self.con, Filters.of(**filters), min_events, by)

    def sql(self, query: str, params: list | None = None) -> pd.DataFrame:
        """Any SQL over the store's tables (read it: docs/STORE.md)."""
        return self.con.execute(query, params or []).df()

    # -- export and plots ---------------------------------------------------------------

    def export(self, path: str | os.PathLike, fmt: str, **filters) -> int:
        """Write the merged events to ``path`` as parquet, csv, jsonl or gdelt; returns the
        number of rows written."""
        from .export import export

        return export(self.con, Path(os.fspath(path)), fmt, Filters.of(**filters))

    def plot_dyad(self, a: str, b: str, path: str | os.PathLike, period: str = "month", **filters) -> Path:
        from .plots import plot_dyad

        return plot_dyad(self, a, b, Path(os.fspath(path)), period, **filters)

    def plot_network(self, path: str | os.PathLike, top: int = 40, by: str = "country", **filters) -> Path:
        from .plots import plot_network

        return plot_network(self, Path(os.fspath(path)), top, by, **filters)


def _store_error(exc: Exception, path: Path) -> Exception:
    import duckdb

    return db.explain_error(exc, path) if isinstance(exc, duckdb.Error) else exc
