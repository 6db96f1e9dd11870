"""Every way a store can fail to open or write gives one line naming the file and the fix,
and no traceback."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import dyad
from dyad.errors import StoreError
from dyad.ingest.read import read_paths

DATA = Path(__file__).resolve().parent.parent / "data" / "store"
WEEK1 = DATA / "week1.jsonl"


def run_cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "dyad.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def one_clear_line(res, *words):
    assert res.returncode != 0
    assert "Traceback" not in res.stderr
    errors = [x for x in res.stderr.splitlines() if x.startswith("Error:")]
    assert len(errors) == 1, res.stderr
    for w in words:
        assert w in errors[0], errors[0]
    return errors[0]


def test_missing_folder(tmp_path):
    db = tmp_path / "no" / "such" / "events.duckdb"
    one_clear_line(run_cli("code", WEEK1, "--db", db), str(db), "does not exist", "mkdir -p")
    assert not db.parent.exists()
    with pytest.raises(StoreError, match="does not exist"):
        dyad.open(db)


def test_read_only_file(tmp_path, coder):
    db = tmp_path / "events.duckdb"
    dyad.api.code_into(db, read_paths([str(WEEK1)]))
    db.chmod(0o444)
    try:
        one_clear_line(run_cli("code", WEEK1, "--db", db), str(db), "read-only", "chmod u+w")
        # Reading it is still fine.
        res = run_cli("events", "--db", db, "--format", "jsonl")
        assert res.returncode == 0 and res.stdout.count("\n") >= 5
    finally:
        db.chmod(0o644)


def test_locked_by_another_writer(tmp_path, coder):
    db = tmp_path / "events.duckdb"
    with dyad.open(db):
        line = one_clear_line(run_cli("code", WEEK1, "--db", db), str(db), "in use by another process", "PID")
        assert "wait for" in line


def test_not_a_database(tmp_path):
    notes = tmp_path / "notes.duckdb"
    notes.write_text("these are my notes, not a database\n" * 50)
    one_clear_line(run_cli("code", WEEK1, "--db", notes), str(notes), "not a dyad event store")
    assert notes.read_text().startswith("these are my notes")  # untouched


def test_a_duckdb_database_that_dyad_did_not_make(tmp_path):
    import duckdb

    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE prices (day DATE, price DOUBLE)")
    con.close()
    one_clear_line(run_cli("events", "--db", other), str(other), "not a dyad event store")


def test_a_folder_given_as_the_database(tmp_path):
    one_clear_line(run_cli("events", "--db", tmp_path), "is a directory")
    with pytest.raises(StoreError, match="is a folder"):
        dyad.open(tmp_path)


def test_querying_a_store_that_does_not_exist(tmp_path):
    db = tmp_path / "missing.duckdb"
    one_clear_line(run_cli("events", "--db", db), "no such event store", "dyad code")
    assert not db.exists()


def _tmpfs(path: Path, size: str) -> bool:
    path.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


def test_full_disk(tmp_path, coder):
    small = tmp_path / "small"
    if not _tmpfs(small, "256k"):
        pytest.skip("needs root and tmpfs to make a real full disk")
    try:
        db = small / "events.duckdb"
        corpus = tmp_path / "big.jsonl"
        story = WEEK1.read_text().splitlines()[0]
        with corpus.open("w") as f:
            for i in range(150):
                f.write(story.replace('"reuters-0304-kharkiv"', f'"s{i}"').replace("civilians.", "civilians. " + "x" * 1500) + "\n")
        one_clear_line(run_cli("code", corpus, "--db", db), str(db), "disk is full", "run the same command again")
        # What was stored before the disk filled is whole, and the run can go on elsewhere.
        moved = tmp_path / "moved.duckdb"
        shutil.copy(db, moved)
        if Path(f"{db}.wal").exists():
            shutil.copy(f"{db}.wal", f"{moved}.wal")
    finally:
        subprocess.run(["umount", str(small)], capture_output=True)
    with dyad.open(moved) as s:
        bad = s.sql("SELECT count(*) AS n FROM stories st WHERE n_mentions <> "
                    "(SELECT count(*) FROM mentions m WHERE m.story_id = st.story_id)").n[0]
        assert bad == 0
    run = dyad.api.code_into(moved, read_paths([str(corpus)]))
    assert run.new + run.unchanged == 150 and run.failed == 0
