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


# ---- targets: a venue or a summit is no partner ----

@pytest.mark.parametrize("text,expected", [
    ("The Brazilian and Mexican trade ministers met on the sidelines of the WTO conference in Geneva.",
     {("BRAGOV", "MEXGOV"), ("MEXGOV", "BRAGOV")}),
    ("Kenya's president held talks with his Somali counterpart at the African Union summit in Addis Ababa.",
     {("KENGOV", "SOMGOV"), ("SOMGOV", "KENGOV")}),
])
def test_the_gathering_where_they_met_is_not_whom_they_met(text, expected):
    assert actors(text) == expected
