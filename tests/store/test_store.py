"""The event store: idempotent runs, re-coding, merging duplicates across outlets and days,
order independence, resuming a killed run."""
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path


import dyad
from dyad.ingest.read import read_paths
from dyad.store.output import records

DATA = Path(__file__).resolve().parent.parent / "data" / "store"
WEEK1, WEEK2, REVISED = DATA / "week1.jsonl", DATA / "week2.jsonl", DATA / "week1_revised.jsonl"


def store_rows(db) -> dict:
    """Everything a run decides, without when it ran or which file it read: comparable across runs."""
    with dyad.open(db, read_only=True) as s:
        return {k: records(v) for k, v in {
            "events": s.sql("SELECT * EXCLUDE (sentence_ids, story_ids), list_sort(sentence_ids) AS sentence_ids, "
                            "list_sort(story_ids) AS story_ids FROM events ORDER BY event_id"),
            "mentions": s.sql("SELECT * FROM mentions ORDER BY mention_id"),
            "stories": s.sql("SELECT * EXCLUDE (coded_at, origin) FROM stories ORDER BY story_id"),
            "sentences": s.sql("SELECT * FROM sentences ORDER BY sentence_id"),
            "actors": s.sql("SELECT * FROM actors ORDER BY code"),
        }.items()}


def code(db, *paths, **kw):
    return dyad.api.code_into(db, read_paths([str(p) for p in paths]), **kw)


def test_coding_twice_changes_nothing(tmp_path, coder):
    db = tmp_path / "events.duckdb"
    first = code(db, WEEK1, WEEK2)
    assert (first.new, first.recoded, first.unchanged) == (6, 0, 0)
    assert first.added > 0 and first.removed == 0
    before = store_rows(db)
    again = code(db, WEEK1, WEEK2)
    assert (again.new, again.recoded, again.unchanged, again.added, again.removed) == (0, 0, 6, 0, 0)
    assert store_rows(db) == before


def test_one_event_reported_by_two_outlets_is_merged(tmp_path, coder):
    db = tmp_path / "events.duckdb"
    code(db, WEEK1)
    with dyad.open(db) as s:
        shelling = s.events(source="RUS", target="UKR", code="193")
        counts = s.counts()
    assert len(shelling) == 1
    e = shelling.iloc[0]
    assert (e.num_mentions, e.num_sources, e.num_articles) == (2, 2, 2)
    assert sorted(e.story_ids) == ["ap-0305-kharkiv", "reuters-0304-kharkiv"]
    assert sorted(e.sentence_ids) == ["ap-0305-kharkiv#0", "reuters-0304-kharkiv#0"]
    assert str(e.date)[:10] == "2024-03-04"
    assert counts["mentions"] > counts["events"]  # nothing lost: every mention stays


def test_a_story_coded_next_week_joins_the_events_it_repeats(tmp_path, coder):
    db = tmp_path / "events.duckdb"
    code(db, WEEK1)
    with dyad.open(db) as s:
        assert s.events(source="IGO*", code="163").iloc[0].num_articles == 1
    code(db, WEEK2)
    with dyad.open(db) as s:
        sanctions = s.events(source="IGO*", code="163")
        shellings = s.events(source="RUS", code="193").sort_values("date")
    assert len(sanctions) == 1 and sanctions.iloc[0].num_articles == 2
    # The shelling of the next Sunday is a new event, not one more report of Monday's.
    assert [int(n) for n in shellings.num_articles] == [2, 1]


def test_merging_does_not_depend_on_the_order_stories_arrive(tmp_path, coder):
    stories = list(read_paths([str(WEEK1), str(WEEK2)]))
    a, b, c = tmp_path / "a.duckdb", tmp_path / "b.duckdb", tmp_path / "c.duckdb"
    dyad.api.code_into(a, stories)
    dyad.api.code_into(b, list(reversed(stories)))
    shuffled = stories[:]
    random.Random(7).shuffle(shuffled)
    for story in shuffled:  # one run per story, as a feed would arrive
        dyad.api.code_into(c, [story])
    rows_a = store_rows(a)
    assert rows_a["events"] and rows_a == store_rows(b) == store_rows(c)


def test_window_zero_is_one_event_per_dyad_code_and_day(tmp_path, coder):
    db = tmp_path / "events.duckdb"
    code(db, WEEK1)  # "condemned Russia" on 4 March and "condemned Moscow" on 5 March
    with dyad.open(db) as s:
        assert len(s.events(source="USA", code="111")) == 1
        assert s.set_window(0)
        per_day = s.events(source="USA", code="111")
        assert len(per_day) == 2 and set(per_day.num_articles) == {1}
        assert s.counts()["mentions"] == sum(s.events().num_mentions)
        assert s.set_window(1) and len(s.events(source="USA", code="111")) == 1
        assert not s.set_window(1)
    assert store_rows(db) == _fresh(tmp_path, WEEK1)


def _fresh(tmp_path, *paths):
    other = tmp_path / f"fresh{len(list(tmp_path.iterdir()))}.duckdb"
    code(other, *paths)
    return store_rows(other)


def test_a_revised_story_is_recoded_and_the_change_reported(tmp_path, coder):
    db = tmp_path / "events.duckdb"
    code(db, WEEK1)
    run = code(db, REVISED)
    # The revision drops the condemnation and adds sanctions; the meeting only moved.
    assert (run.new, run.recoded, run.unchanged) == (0, 1, 3)
    assert (run.added, run.removed) == (1, 1)
    with dyad.open(db) as s:
        texts = " ".join(s.mentions(text="condemned").sentence)
        sanctions = s.events(source="IGO*", code="163")
    assert "United States condemned" not in texts and "Washington condemned" in texts
    assert sorted(sanctions.iloc[0].story_ids) == ["bbc-0306-sanctions", "reuters-0304-kharkiv"] or len(sanctions) == 2
    assert store_rows(db) == _fresh(tmp_path, REVISED)


def test_a_new_lexicon_recodes_every_story(tmp_path, coder):
    db = tmp_path / "events.duckdb"
    code(db, WEEK1)
    extra = tmp_path / "my_lexicon"
    extra.mkdir()
    (extra / "discards.tsv").write_text("phrase\tscope\n", encoding="utf-8")
    run = code(db, WEEK1, lexicon_dirs=[str(extra)])
    assert (run.new, run.recoded, run.unchanged, run.added, run.removed) == (0, 4, 0, 0, 0)


def test_a_story_given_twice_in_one_run_is_stored_once(tmp_path, coder):
    db = tmp_path / "events.duckdb"
    stories = list(read_paths([str(WEEK1)]))
    dyad.api.code_into(db, stories + stories[:1])
    assert store_rows(db) == _fresh(tmp_path, WEEK1)


def test_failed_story_is_kept_with_its_error_and_skipped_next_time(tmp_path, coder, monkeypatch):
    db = tmp_path / "events.duckdb"
    real = type(coder)._code_block

    def flaky(self, story, *args, **kw):
        if story.article.id == "afp-0306-talks":
            raise RuntimeError("parser exploded")
        return real(self, story, *args, **kw)

    monkeypatch.setattr(type(coder), "_code_block", flaky)
    run = code(db, WEEK1)
    assert (run.new, run.failed) == (4, 1)
    with dyad.open(db) as s:
        row = s.sql("SELECT error, n_mentions FROM stories WHERE story_id = 'afp-0306-talks'").iloc[0]
        assert "parser exploded" in row.error and row.n_mentions == 0
        assert s.sql("SELECT count(*) AS n FROM mentions WHERE story_id = 'afp-0306-talks'").n[0] == 0


def _corpus(path: Path, n: int) -> Path:
    """n stories from the test stories, each with its own id and a date spread over weeks."""
    base = [json.loads(x) for x in WEEK1.read_text().splitlines() + WEEK2.read_text().splitlines()]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            rec = dict(base[i % len(base)])
            rec["id"] = f"{rec['id']}-{i}"
            rec["date"] = f"2024-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}"
            f.write(json.dumps(rec) + "\n")
    return path


def test_a_killed_run_resumes_with_exactly_the_events_of_a_clean_run(tmp_path, coder):
    corpus = _corpus(tmp_path / "corpus.jsonl", 240)
    db = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "dyad.cli", "code", str(corpus), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    # Kill it once it has stored some stories but not all: watch the WAL grow.
    while time.time() < deadline and proc.poll() is None:
        wal = Path(str(db) + ".wal")
        if wal.exists() and wal.stat().st_size > 60_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed; make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with dyad.open(db, read_only=True) as s:
        stored = s.counts()["stories"]
    assert 0 < stored < 240
    resumed = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{stored} already coded" in resumed.stderr
    clean = tmp_path / "clean.duckdb"
    dyad.api.code_into(clean, read_paths([str(corpus)]))
    assert store_rows(db) == store_rows(clean)
