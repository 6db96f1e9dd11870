"""The seed story: every stated event found at root level, nothing from boilerplate or
the hypothetical (../shared/seed/expected.json)."""
import json

import pytest

from conftest import shared_file


@pytest.fixture(scope="module")
def seed(coder):
    from dyad.model import Article

    text = shared_file("seed", "article.txt").read_text(encoding="utf-8")
    expected = json.loads(shared_file("seed", "expected.json").read_text(encoding="utf-8"))
    events = list(coder.code_articles([Article("article.txt", text, expected["date"])]))
    return text, expected, events


def _found(want, events):
    roots = want["root"] if isinstance(want["root"], list) else [want["root"]]
    return any(e.source[:3] == want["source"] and e.target[:3] == want["target"] and e.cameo[:2] in roots for e in events)


def test_stated_events_found(seed):
    _, expected, events = seed
    missing = [w["where"] for w in expected["must_find"] if not _found(w, events)]
    # The issue asks for at least 6 of the 7; the report lists what is missed.
    assert len(missing) <= 1, f"missed: {missing}"


def test_nothing_from_boilerplate_or_hypothetical(seed):
    text, _, events = seed
    for e in events:
        assert not e.sentence.startswith(("Related:", "©", "Policy + Politics", "Here's Why"))
        assert "politically poisonous" not in e.sentence, e


def test_evidence_points_into_the_story(seed):
    text, _, events = seed
    assert events
    for e in events:
        s, t = e.evidence["source"]
        assert text[s:t] == e.source_text
        assert e.sentence in text
