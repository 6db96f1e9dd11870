"""Who and where on real-news phrasing, one class of error per test (issue 10): the
sentences are invented, written to show the class, never taken from a gold set."""
import pytest

from dyad import code_text


def events(text: str, date: str = "2016-04-12") -> set[tuple[str, str, str]]:
    """(source, target, CAMEO code) of every event, full actor codes."""
    return {(e.source, e.target, e.cameo) for e in code_text(text, date=date)}


def actors(text: str, date: str = "2016-04-12") -> set[tuple[str, str]]:
    """(source, target) of every event."""
    return {(e.source, e.target) for e in code_text(text, date=date)}


# ---- sources: a body named by its place ----

@pytest.mark.parametrize("text,source", [
    ("EU agriculture ministers meeting in Luxembourg criticised Argentina on Tuesday.", "IGOEUREEC"),
    ("NATO defence ministers gathering in Vilnius condemned Belarus.", "IGOWSTNAT"),
])
def test_a_body_meeting_somewhere_is_the_body_not_the_host(text, source):
    assert {s for s, _ in actors(text)} == {source}
