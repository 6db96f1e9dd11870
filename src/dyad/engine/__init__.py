"""Engines run the coder over a stream of stories: ``local`` (this process, or worker
processes on this machine) and ``dask`` (a Dask cluster, local or remote). Both give the
same ``Coded`` records in the same order."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..model import Article, Coded

ENGINES = ("local", "dask")


def run(articles: Iterable[Article], options: dict, engine: str = "local", workers: int | None = None,
        scheduler: str | None = None) -> Iterator[Coded]:
    """``Coded`` records for ``articles`` in input order. ``options`` are the coder options
    of ``dyad.api``; ``workers`` defaults to the number of cores."""
    if engine == "local":
        if scheduler:
            raise InputError("--scheduler is for --engine dask", "add --engine dask, or leave out --scheduler")
        from .local import run as local

        return local(articles, options, workers)
    if engine == "dask":
        from .dask import run as dask

        return dask(articles, options, workers, scheduler)
    raise InputError(f"unknown engine {engine!r}", f"choose one of: {', '.join(ENGINES)}")
