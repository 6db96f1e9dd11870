"""benchmarks/articles.py on invented whole articles: per-article F1, micro scores, the
worst articles with their errors."""

import pytest

from conftest import ROOT, load_benchmark

GOLD = ROOT / "tests" / "data" / "articles" / "invented.jsonl"


@pytest.fixture(scope="module")
def articles():
    return load_benchmark("articles")


def test_article_f1_counts_an_empty_article(articles):
    from dyad.coding.evaluate import RecordResult

    assert articles.article_f1(RecordResult("a", "", [], [])) == 1.0
    assert articles.article_f1(RecordResult("a", "", [], [], tp=0, fp=2, fn=0)) == 0.0
    assert articles.article_f1(RecordResult("a", "", [], [], tp=1, fp=1, fn=0)) == pytest.approx(2 / 3)


def test_scores_whole_articles(articles, capsys, coder):
    articles.main([str(GOLD), "--worst", "2", "--show", "2"])
    out = capsys.readouterr().out
    assert out.startswith("2 articles: per-article root F1 ")
    assert "invented-2" in out and "root" in out and "code" in out


def test_json_summary(articles, capsys, coder):
    import json

    articles.main([str(GOLD), "--json"])
    s = json.loads(capsys.readouterr().out)
    assert s["articles"] == 2 and set(s["per_article"]) == {"invented-1", "invented-2"}
    assert s["per_article"]["invented-2"] == 1.0  # nothing in the weather story, nothing coded
    assert 0.0 <= s["per_article_root_f1"] <= 1.0
