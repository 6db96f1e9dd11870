"""Compiled lexicons and gazetteers, kept between runs.

Reading and indexing the lexicon (17,000 patterns, 34,000 actor phrases) and the
gazetteer takes seconds; loading what they compile to takes a fraction of that. So
the compiled objects are pickled into the platform's cache folder (``platformdirs``:
``~/.cache/dyad`` on Linux), under a key made of everything they are built from: the
contents of every lexicon file in use, dyad's version and the source of the modules
that build them. Any change to any of these makes a new key, so a cache is never
stale; it is only ever unused. ``DYAD_CACHE_DIR`` moves the cache, and setting it to
``off`` turns it off. A cache that cannot be read or written is ignored: it only ever
costs the time it would have saved.
"""
from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path | None:
    setting = os.environ.get("DYAD_CACHE_DIR")
    if setting is not None:
        return None if setting.strip().lower() in ("", "off", "0", "no") else Path(setting)
    import platformdirs

    return Path(platformdirs.user_cache_dir("dyad", appauthor=False))


@functools.cache
def dir_key(d: str) -> str:
    """Hash of every file's relative path and contents under ``d``."""
    h = hashlib.sha256()
    root = Path(d)
    for f in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(f.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def source_key(*modules: str) -> str:
    """Hash of dyad's version and the source of ``modules``: what builds a cached object
    decides what it is, so an edited module must not find an old object."""
    from .. import __version__

    h = hashlib.sha256(__version__.encode())
    for name in modules:
        module = sys.modules.get(name) or __import__(name, fromlist=["_"])
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()


def load_or_build(name: str, key: str, build: Callable[[], T]) -> T:
    """The object cached as ``name`` under ``key``, else ``build()``, cached for next time."""
    folder = cache_dir()
    path = folder / f"{name}-{key[:32]}.pickle" if folder else None
    if path is not None and path.is_file():
        with contextlib.suppress(Exception):  # a broken or foreign file is rebuilt below
            with _no_gc():
                return pickle.loads(path.read_bytes())
    value = build()
    if path is not None:
        _write(path, value)
    return value


@contextlib.contextmanager
def _no_gc():
    # Unpickling creates some hundred thousand small objects; the cyclic collector would
    # scan them again and again while they are made, and tripled the load time.
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What was loaded lives as long as the process: move it out of the collector's
        # sight for good, or every later collection would walk it again.
        gc.freeze()
        if was:
            gc.enable()


def _write(path: Path, value) -> None:
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        path.parent.mkdir(parents=True, exist_ok=True)
        # write then rename: processes starting together never read a half-written file
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
