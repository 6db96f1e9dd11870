"""The compiled-lexicon cache: used when nothing changed, never when something did."""
import pickle

import pytest

from dyad.lexicon import cache


@pytest.fixture()
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("DYAD_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_built_once_then_loaded(cache_in):
    calls = []

    def build():
        calls.append(1)
        return {"patterns": [1, 2, 3]}

    assert cache.load_or_build("thing", "k1", build) == {"patterns": [1, 2, 3]}
    assert cache.load_or_build("thing", "k1", build) == {"patterns": [1, 2, 3]}
    assert len(calls) == 1 and len(list(cache_in.glob("thing-*.pickle"))) == 1
    cache.load_or_build("thing", "k2", build)  # another key: built again
    assert len(calls) == 2


def test_a_broken_cache_file_is_rebuilt(cache_in):
    cache.load_or_build("thing", "k", lambda: 1)
    (path,) = cache_in.glob("thing-*.pickle")
    path.write_bytes(b"not a pickle")
    assert cache.load_or_build("thing", "k", lambda: 2) == 2
    assert pickle.loads(path.read_bytes()) == 2


def test_off(monkeypatch, tmp_path):
    monkeypatch.setenv("DYAD_CACHE_DIR", "off")
    calls = []
    for _ in range(2):
        cache.load_or_build("thing", "k", lambda: calls.append(1))
    assert len(calls) == 2 and cache.cache_dir() is None


def test_an_unwritable_cache_only_costs_time(monkeypatch, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("DYAD_CACHE_DIR", str(blocked / "cache"))
    assert cache.load_or_build("thing", "k", lambda: 3) == 3


def test_the_key_follows_every_lexicon_file(tmp_path):
    d = tmp_path / "lex"
    d.mkdir()
    (d / "agents.tsv").write_text("phrase\tsector\nharbour master\tGOV\n")
    first = cache.dir_key.__wrapped__(str(d))
    (d / "agents.tsv").write_text("phrase\tsector\nharbour master\tCOP\n")
    assert cache.dir_key.__wrapped__(str(d)) != first
    (d / "agents.tsv").write_text("phrase\tsector\nharbour master\tGOV\n")
    assert cache.dir_key.__wrapped__(str(d)) == first
    (d / "verbs").mkdir()
    (d / "verbs" / "x.tsv").write_text("")
    assert cache.dir_key.__wrapped__(str(d)) != first


def test_an_edited_lexicon_is_coded_with_its_edit(cache_in, tmp_path):
    """Through the whole coder: a user lexicon changed between two coders is read anew."""
    from dyad.coding.coder import Coder

    lex = tmp_path / "lex"
    (lex / "actors").mkdir(parents=True)
    agents = lex / "actors" / "agents.tsv"
    agents.write_text("phrase\tsector\nharbour master\tGOV\n", encoding="utf-8")
    text = "The Greek harbour master accused Turkey of piracy."
    first = {e.source for e in Coder(lexicon_dirs=[str(lex)]).code_articles(_story(text))}
    cache.dir_key.cache_clear()  # a new process would hash the files again
    agents.write_text("phrase\tsector\nharbour master\tCOP\n", encoding="utf-8")
    second = {e.source for e in Coder(lexicon_dirs=[str(lex)]).code_articles(_story(text))}
    assert first == {"GRCGOV"} and second == {"GRCCOP"}


def _story(text):
    from dyad.model import Article

    return [Article(id="t", text=text, date="2020-01-01")]
