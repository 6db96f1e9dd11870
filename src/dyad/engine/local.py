"""The local engine: stories stream through worker processes, each of which loads the
model and lexicon once.

Stories go out in chunks, a bounded number at a time, and come back in the order they
went out, so memory stays flat however large the corpus is and the output is the same,
in the same order, whatever the number of workers. A worker that dies (out of memory,
a crash in native code) costs only the story that killed it: the chunks in flight are
coded again one story at a time in a fresh pool, and a story that kills a worker twice
is reported as failed.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from ..model import Article, Coded
from .chunks import chunked, code_chunk, rejoin, warm

_IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker: enough to keep it busy, few enough to bound memory
_SMALL_RUN = 8  # stories: fewer are coded in this process, without starting workers


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def run(articles: Iterable[Article], options: dict, workers: int | None = None) -> Iterator[Coded]:
    """``Coded`` records for ``articles``, in their order, coded by ``workers`` processes
    (1, or a run of a few stories: in this process)."""
    workers = workers or default_workers()
    articles = iter(articles)
    # A handful of stories is coded sooner here than by workers that must first start.
    ahead = list(islice(articles, _SMALL_RUN + 1)) if workers > 1 else []
    if workers == 1 or len(ahead) <= _SMALL_RUN:
        from ..api import coder

        yield from coder(**options).code_stories(chain(ahead, articles))
        return
    yield from _Pool(options, workers).run(chunked(chain(ahead, articles)))


def _context(options: dict):
    """Where workers come from. Not a fork of this process, which may hold DuckDB's or
    other threads in any state. A fork server: a clean process that loads the coder once
    (engine/preload.py) and forks every worker from there, so workers start at once with
    the model in memory. Where there is no fork (Windows), spawned workers load it each."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    os.environ["DYAD_WORKER_OPTIONS"] = json.dumps(options)  # read by the server when it starts
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["dyad.engine.preload"])
    return context


def _start_worker(options: dict, run_pid: int) -> None:
    """Load the coder in a new worker, and end the worker when the run that started it is
    gone. A run killed outright (SIGKILL, out of memory) cannot tell its workers, and they
    would wait on their queue for ever, each holding a model in memory: the workers hold
    the queue's pipes themselves, so its end never comes. Their parent is the fork server,
    not the run, so they watch the run's process id."""
    threading.Thread(target=_watch_run, args=(run_pid,), name="dyad-watch-run", daemon=True).start()
    warm(options)


def _watch_run(run_pid: int, every: float = 1.0) -> None:
    while _running(run_pid):
        time.sleep(every)
    os._exit(1)


def _running(pid: int) -> bool:
    """Is ``pid`` a live process (not gone, not a zombie waiting to be reaped)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return True  # no /proc (macOS): os.kill said it is there


def start_server(options: dict) -> bool:
    """Start the fork server, which loads the coder of ``options`` (engine/preload.py),
    without waiting for it; the pool started later uses it. False where there is none."""
    context = _context(options)
    if context.get_start_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    forkserver.ensure_running()
    return True


class _Pool:
    def __init__(self, options: dict, workers: int):
        self.options = options
        self.workers = workers
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=_context(self.options), initializer=_start_worker,
                                   initargs=(self.options, os.getpid()))

    def run(self, chunks: Iterator[list[Article]]) -> Iterator[Coded]:
        self.executor = self._start()
        pending: deque[tuple[list[Article], Future]] = deque()
        try:
            for chunk in chunks:
                pending.append((chunk, self._submit(chunk)))
                while len(pending) >= self.workers * _IN_FLIGHT_PER_WORKER:
                    yield from self._collect(pending)
            while pending:
                yield from self._collect(pending)
        finally:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _submit(self, chunk: list[Article]) -> Future:
        return self.executor.submit(code_chunk, chunk, self.options)

    def _collect(self, pending: deque) -> Iterator[Coded]:
        chunk, future = pending[0]
        try:
            results = future.result()
        except BrokenProcessPool:
            yield from self._recover(pending)
            return
        pending.popleft()
        yield from rejoin(chunk, results)

    def _recover(self, pending: deque) -> Iterator[Coded]:
        """A worker died: code what was in flight again, story by story, in a new pool."""
        stories = [a for chunk, _ in pending for a in chunk]
        pending.clear()
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        for art in stories:
            try:
                results = self._submit([art]).result()
            except BrokenProcessPool:
                self.executor.shutdown(wait=False, cancel_futures=True)
                self.executor = self._start()
                yield Coded(art, error="the worker process coding this story died (out of memory, or a crash)")
                continue
            yield from rejoin([art], results)
