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
    # All 7 (issue 10 keeps the seed at 7 of 7); the report lists what is missed.
    assert missing == [], f"missed: {missing}"


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


def test_explain_shows_why_each_seed_event_was_coded(coder):
    """`dyad explain` on the seed story: every event names the pattern that fired, and the
    hypothetical sentence shows why nothing was coded."""
    from dyad.api import explain

    text = shared_file("seed", "article.txt").read_text(encoding="utf-8")
    sentences = explain(text, "2015-10-15")
    events = [e for s in sentences for e in s["events"]]
    assert len(events) >= 6
    for s in sentences:
        for e in s["events"]:
            fired = [c for c in s["candidates"] if c.rule == e["rule"] and c.kept]
            assert fired, (e["rule"], s["candidates"])
    poison = next(s for s in sentences if "politically poisonous" in s["sentence"])
    assert not poison["events"]
    assert any("hypothetical" in c.dropped or "no source" in c.dropped for c in poison["candidates"])
