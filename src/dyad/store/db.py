"""Opening the event store: one DuckDB file, checked to be a dyad store, with every way
opening or writing can fail turned into a ``StoreError`` that names the file and the fix."""
from __future__ import annotations

import contextlib
import os
import re
import stat
from pathlib import Path

from ..errors import StoreError
from . import schema


def _duckdb():
    import duckdb  # imported here: only the store needs it

    return duckdb


def connect(path: str | os.PathLike, read_only: bool = False, create: bool = True):
    """A DuckDB connection to a dyad store at ``path``, created when missing (and
    ``create`` is true). Raises ``StoreError`` with the fix for each way this fails."""
    path = Path(os.fspath(path))
    _check_path(path, read_only, create)
    duckdb = _duckdb()
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise explain_error(exc, path) from None
    try:
        _check_or_create(con, path, read_only)
    except BaseException:
        con.close()
        raise
    return con


def _check_path(path: Path, read_only: bool, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file", "give a file name, e.g. --db events.duckdb")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: the folder {path.parent} does not exist",
                         f"create it first (mkdir -p {path.parent}) or choose another path")
    if not path.exists():
        if read_only or not create:
            raise StoreError(f"{path}: no such event store", "code some stories into it first: dyad code PATH --db "
                                                             f"{path}")
        return
    # The owner's intent, even for root (who could write anyway): a file made read-only
    # is not to be changed.
    if not read_only and not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise StoreError(f"{path} is read-only", f"make it writable (chmod u+w {path}) or code into another --db file; "
                                                 "queries can still read it")
    if not read_only and not os.access(path, os.W_OK):
        raise StoreError(f"{path}: no permission to write it", "code into a file you own, or ask its owner")


def _check_or_create(con, path: Path, read_only: bool) -> None:
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not tables:
        if read_only:
            raise StoreError(f"{path} is an empty database, not a dyad event store",
                             f"code some stories into it first: dyad code PATH --db {path}")
        _create(con)
        return
    fmt = None
    if "meta" in tables:
        fmt = scalar(con, "SELECT value FROM meta WHERE key = 'format'")
    if fmt != schema.FORMAT:
        raise StoreError(f"{path} is a DuckDB database but not a dyad event store",
                         "give another --db file name; dyad will not write into a database it did not create")
    version = int(scalar(con, "SELECT value FROM meta WHERE key = 'schema_version'"))
    if version > schema.SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer dyad (store schema {version}, this dyad knows "
                         f"{schema.SCHEMA_VERSION})", "upgrade dyad: pip install -U dyad")


def _create(con) -> None:
    from .. import __version__

    with transaction(con):
        for statement in schema.ddl():
            con.execute(statement)
        con.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("format", schema.FORMAT), ("schema_version", str(schema.SCHEMA_VERSION)),
            ("window_days", "1"), ("created_by", f"dyad {__version__}"),
        ])


def scalar(con, sql: str, params: list | None = None):
    """The first value of the first row, or None. DuckDB wants every result read to its
    end before the connection does anything else, so ``fetchone`` will not do."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


@contextlib.contextmanager
def transaction(con):
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        with contextlib.suppress(Exception):  # the error that got us here is the one to report
            con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


_LOCKED = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")


def explain_error(exc: Exception, path: Path) -> StoreError:
    """The one-line ``StoreError`` for a DuckDB error on ``path``."""
    text = str(exc)
    locked = _LOCKED.search(text)
    if locked:
        return StoreError(f"{path} is in use by another process (PID {locked.group(2)})",
                          "wait for that run (or server) to finish, or use another --db file")
    if "not a valid DuckDB database" in text or "database file with version" in text.lower():
        return StoreError(f"{path} is not a dyad event store (not a DuckDB database)",
                          "give another --db file name; dyad will not overwrite it")
    if "No space left on device" in text or "disk is full" in text.lower():
        return StoreError(f"{path}: the disk is full",
                          "free some space and run the same command again; stories already stored are kept")
    if "Permission denied" in text or "Read-only file system" in text:
        return StoreError(f"{path}: cannot write here ({text.split(':')[-1].strip()})",
                          "use a --db file in a folder you can write to")
    return StoreError(f"{path}: {text}", None)


def storage_error(exc: Exception, con) -> Exception:
    """``exc`` as a ``StoreError`` when DuckDB raised it while writing through ``con``."""
    duckdb = _duckdb()
    if not isinstance(exc, duckdb.Error):
        return exc
    path = Path(scalar(con, "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"))
    return explain_error(exc, path)
