import pytest

from dyad.lexicon import load, parse_pattern, validate
from conftest import DATA


def test_pattern_elements():
    sets = {"&MEETING": frozenset({"meeting", "talk"})}
    p = parse_pattern("refuse to meet with +", "125", "verb", "x:1", sets)
    assert p.trigger == "refuse"
    assert [e.kind for e in p.elements] == ["comp", "prep"]
    assert p.elements[1].prep == "with" and p.elements[1].role == "+"
    q = parse_pattern("refuse &MEETING with +", "125", "verb", "x:2", sets)
    assert q.elements[0].words == {"meeting", "talk"}
    r = parse_pattern("turn_down +", "120", "verb", "x:3", sets)
    assert (r.trigger, r.particle) == ("turn", "down")
    assert r.specificity > parse_pattern("turn +", "120", "verb", "x:4", sets).specificity
    w = parse_pattern("agree to *", "030", "verb", "x:5", sets)
    assert [(e.kind, e.words) for e in w.elements] == [("comp", frozenset())]


@pytest.mark.parametrize("bad", ["attack on", "Attack +", "meet &NOPE", "meet with + +", "attack $", "agree to * with +"])
def test_bad_patterns_raise(bad):
    with pytest.raises(ValueError):
        parse_pattern(bad, "190", "verb", "x:1", {})


def test_validate_reports_file_line_reason(tmp_path):
    verbs = tmp_path / "verbs"
    verbs.mkdir()
    (verbs / "x.tsv").write_text("code\tpattern\tkind\n190\tattack +\t\n999\tfoo +\t\n190\tattack on\t\n040\tmeet\tadverb\n")
    issues = validate(tmp_path)
    lines = sorted(i.line for i in issues)
    assert lines == [3, 4, 5]
    assert all(i.file.endswith("x.tsv") for i in issues)
    assert any("unknown CAMEO code" in i.reason for i in issues)


def test_people_dates_validated(tmp_path):
    actors = tmp_path / "actors"
    actors.mkdir()
    (actors / "people.tsv").write_text("name\taliases\tcode\trole\tstart\tend\nA B\t\tRUSGOV\tx\t2010-13-01\t\n")
    issues = validate(tmp_path)
    assert issues and issues[0].line == 2


def test_mini_lexicon_is_clean():
    lex = load([DATA / "mini_lexicon"], builtin=False)
    assert not lex.issues, lex.issues
    assert any(p.code == "125" for p in lex.patterns)
    assert lex.future_code("0841") == "0353"


def test_plover_column_is_validated(tmp_path):
    verbs = tmp_path / "verbs"
    verbs.mkdir()
    (verbs / "08.tsv").write_text("code\tpattern\tkind\tplover\n0831\tresign\t\tRETREAT:resign\n"
                                  "0831\tabdicate\t\tRETREAT:nonsense\n0831\tquit\t\tNOPE\n", encoding="utf-8")
    issues = validate(tmp_path)
    assert [(i.line, "plover" in i.reason) for i in issues] == [(3, True), (4, True)]
