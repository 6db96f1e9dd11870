"""Engines: worker processes and Dask give exactly the events of one process, in the same
order; a dead worker costs only its story."""
import json
import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import dyad
from dyad.engine import chunks, local
from dyad.model import Article

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus" / "news.jsonl"


def cli(*args, timeout=240):
    return subprocess.run([sys.executable, "-m", "dyad.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    out = tmp_path_factory.mktemp("one") / "events.jsonl"
    res = cli("code", CORPUS, "--workers", "1", "-o", out)
    assert res.returncode == 0, res.stderr
    return out.read_bytes()


def test_chunks_are_deterministic_and_bounded():
    arts = [Article(id=str(i), text="x" * (i * 1000)) for i in range(60)]
    a, b = list(chunks.chunked(arts, stories=8, chars=20_000)), list(chunks.chunked(iter(arts), stories=8, chars=20_000))
    assert [[x.id for x in c] for c in a] == [[x.id for x in c] for c in b]
    assert [x for c in a for x in c] == arts
    assert all(len(c) <= 8 and (len(c) == 1 or sum(len(x.text) for x in c) <= 20_000) for c in a)


def test_two_workers_give_the_same_output_in_the_same_order(one_worker, tmp_path):
    out = tmp_path / "events.jsonl"
    res = cli("code", CORPUS, "--workers", "2", "-o", out)
    assert res.returncode == 0, res.stderr
    assert out.read_bytes() == one_worker and one_worker.count(b"\n") > 20


def test_dask_local_cluster_gives_the_same_events(one_worker, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "events.jsonl"
    res = cli("code", CORPUS, "--engine", "dask", "--workers", "2", "-o", out)
    assert res.returncode == 0, res.stderr
    assert out.read_bytes() == one_worker


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dask_scheduler_and_workers_started_by_hand(one_worker, tmp_path):
    """As on a real cluster: a scheduler and a worker process started with Dask's own
    commands, and dyad pointed at the scheduler's address."""
    pytest.importorskip("distributed")
    dask = shutil.which("dask", path=str(Path(sys.executable).parent))
    if dask is None:
        pytest.skip("the dask command is not installed")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        time.sleep(2)
        procs.append(subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1",
                                       "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        out, db = tmp_path / "events.jsonl", tmp_path / "events.duckdb"
        res = cli("code", CORPUS, "--engine", "dask", "--scheduler", address, "-o", out)
        assert res.returncode == 0, res.stderr
        assert out.read_bytes() == one_worker
        res = cli("code", CORPUS, "--engine", "dask", "--scheduler", address, "--db", db)
        assert res.returncode == 0, res.stderr
        with dyad.open(db, read_only=True) as s:
            assert s.counts()["mentions"] == one_worker.count(b"\n")
    finally:
        for p in reversed(procs):
            p.terminate()
            p.wait(timeout=30)


def test_unreachable_scheduler_is_one_clear_line(tmp_path):
    pytest.importorskip("distributed")
    res = cli("code", CORPUS, "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{_free_port()}", "-o",
              tmp_path / "e.jsonl")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "cannot reach the Dask scheduler" in res.stderr


def test_store_with_two_workers_equals_one(tmp_path):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    assert cli("code", CORPUS, "--db", a, "--workers", "1").returncode == 0
    assert cli("code", CORPUS, "--db", b, "--workers", "2").returncode == 0
    query = "SELECT event_id, num_mentions, num_articles, list_sort(sentence_ids) FROM events ORDER BY event_id"
    with dyad.open(a, read_only=True) as sa, dyad.open(b, read_only=True) as sb:
        assert sa.con.execute(query).fetchall() == sb.con.execute(query).fetchall()


def test_parquet_partitions_hold_every_event(one_worker, tmp_path):
    import duckdb

    out = tmp_path / "parts"
    res = cli("code", CORPUS, "--format", "parquet", "-o", out, "--workers", "2")
    assert res.returncode == 0, res.stderr
    got = duckdb.sql(f"SELECT doc_id, sentence_id, source, cameo, target FROM '{out}/part-*.parquet'").fetchall()
    want = [(e["doc_id"], e["sentence_id"], e["source"], e["cameo"], e["target"])
            for e in map(json.loads, one_worker.decode().splitlines())]
    assert sorted(got) == sorted(want)


def test_a_dead_worker_costs_only_its_story(monkeypatch):
    """The pool breaks while a chunk is in flight: its stories are coded again one by one,
    and only the story that breaks the pool again is reported as failed."""
    arts = [Article(id=f"s{i}", text="Russian troops shelled Kharkiv.", date="2024-05-14") for i in range(5)]
    pool = local._Pool({"model": None, "lexicon_dirs": (), "builtin": True, "scheme": "cameo"}, workers=2)

    class FakeExecutor:
        def submit(self, fn, chunk, options):
            f = Future()
            if any(a.id == "s3" for a in chunk):
                f.set_exception(BrokenProcessPool("worker died"))
            else:
                f.set_result([([], [], None, []) for _ in chunk])
            return f

        def shutdown(self, **kw):
            pass

    monkeypatch.setattr(local._Pool, "_start", lambda self: FakeExecutor())
    out = list(pool.run(chunks.chunked(arts, stories=2)))
    assert [c.article.id for c in out] == ["s0", "s1", "s2", "s3", "s4"]
    assert [c.article.id for c in out if c.error] == ["s3"]
    assert "worker process" in out[3].error


def _forkservers() -> set[int]:
    found = set()
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if b"multiprocessing.forkserver" in (proc / "cmdline").read_bytes():
                    found.add(int(proc.name))
            except OSError:
                pass
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the worker processes")
def test_workers_end_when_the_run_is_killed(tmp_path):
    # A run killed outright cannot tell its workers; they must not wait for ever, each
    # holding a model in memory.
    corpus = tmp_path / "big.jsonl"
    line = json.dumps({"id": "s", "text": "Russia and China signed a trade agreement. " * 3})
    corpus.write_text("\n".join(line.replace('"s"', f'"s{i}"') for i in range(5000)) + "\n")
    before = _forkservers()
    run = subprocess.Popen([sys.executable, "-m", "dyad.cli", "code", str(corpus), "--workers", "2",
                            "-o", str(tmp_path / "out.jsonl")], stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while len(_forkservers() - before) < 3 and time.time() < deadline:  # the server and two workers
        time.sleep(0.2)
    started = _forkservers() - before
    assert len(started) >= 3, "the workers did not start"
    run.kill()
    run.wait()
    deadline = time.time() + 15
    while started & _forkservers() and time.time() < deadline:
        time.sleep(0.2)
    assert not started & _forkservers(), "workers still running after the run was killed"


def test_the_worker_server_starts_early_only_for_a_large_input(tmp_path):
    small = tmp_path / "one.txt"
    small.write_text("Russia and China signed a trade agreement.")
    big = tmp_path / "big.jsonl"
    big.write_text(json.dumps({"id": "a", "text": "x " * 40_000}))
    assert dyad.api.start_workers([small], workers=2) is False  # coded in this process: nothing to start
    assert dyad.api.start_workers([big], workers=1) is False
    assert dyad.api._large([tmp_path]) and dyad.api._large(["-"]) and dyad.api._large([big])


def test_importing_dyad_does_not_load_spacy():
    # Workers and the command line import dyad first; the model loads only when coding.
    res = subprocess.run([sys.executable, "-c", "import sys, dyad, dyad.api, dyad.cli; "
                          "print('spacy' in sys.modules); print(dyad.Event.__name__)"],
                         capture_output=True, text=True, timeout=60)
    assert res.stdout.split() == ["False", "Event"], res.stderr
