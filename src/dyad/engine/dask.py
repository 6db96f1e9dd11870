"""The Dask engine: the same chunks as the local engine, coded on a Dask cluster.

Without a scheduler address it starts a local cluster of worker processes; with one it
uses an existing cluster (docs/CLUSTER.md shows how to start one across machines).
Each Dask worker process loads the model and lexicon once, on its first chunk (and
beforehand, when the cluster is warmed up); chunks are submitted a bounded number at a
time and their results taken in submission order, so the events are exactly those of
the local engine, in the same order.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import DyadError, MissingDependency
from ..model import Article, Coded
from .chunks import chunked, code_chunk, rejoin, warm

_IN_FLIGHT_PER_WORKER = 3


def _distributed():
    try:
        import distributed
    except ImportError:
        raise MissingDependency("dask[distributed]", "--engine dask") from None
    return distributed


def run(articles: Iterable[Article], options: dict, workers: int | None = None,
        scheduler: str | None = None) -> Iterator[Coded]:
    distributed = _distributed()
    from .local import default_workers

    cluster = None
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout="20s")
        except OSError as exc:
            raise DyadError(f"cannot reach the Dask scheduler at {scheduler} ({exc})",
                            "start it (dask scheduler) or check the address; see docs/CLUSTER.md") from None
    else:
        # processes, one thread each: spaCy and the coder hold the GIL
        cluster = distributed.LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                           processes=True, dashboard_address=None)
        client = distributed.Client(cluster)
    try:
        client.run(warm, options)
        slots = max(1, sum(client.nthreads().values())) * _IN_FLIGHT_PER_WORKER
        yield from _submit_in_order(client, chunked(articles), options, slots)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _submit_in_order(client, chunks: Iterator[list[Article]], options: dict, slots: int) -> Iterator[Coded]:
    pending: deque = deque()
    for chunk in chunks:
        # pure=False: two identical chunks are still two tasks, and keys never collide
        pending.append((chunk, client.submit(code_chunk, chunk, options, pure=False)))
        while len(pending) >= slots:
            chunk_done, future = pending.popleft()
            yield from rejoin(chunk_done, future.result())
    while pending:
        chunk_done, future = pending.popleft()
        yield from rejoin(chunk_done, future.result())
