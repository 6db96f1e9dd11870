"""Importing PETRARCH / TABARI dictionaries (dyad.lexicon.petrarch, `dyad dict import-petrarch`).

The snippets in tests/data/petrarch are hand-written in the PETRARCH formats; every
construct and every error report (file and line) is checked here. The integration tests
read the real dictionaries from ../shared/dicts/petrarch and skip without them.
"""
import csv
import io

import pytest
from click.testing import CliRunner

from conftest import DATA, shared_file
from dyad.cli import main
from dyad.lexicon import load, validate
from dyad.lexicon.petrarch import import_petrarch

SNIP = DATA / "petrarch"


def rows(path):
    text = "".join(l for l in path.read_text(encoding="utf-8").splitlines(True) if not l.startswith("#"))
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def issues_at(report, name, line):
    return [i.reason for i in report.issues if i.file.endswith(name) and i.line == line]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("petr")
    report = import_petrarch(str(SNIP / "verbs.txt"), [str(SNIP / "actors.txt")], str(SNIP / "agents.txt"),
                             str(SNIP / "discards.txt"), str(SNIP / "ontology.txt"), str(out))
    return out, report


@pytest.fixture(scope="module")
def patterns(imported):
    out, _ = imported
    return {r["pattern"]: r["code"] for r in rows(out / "verbs" / "petrarch.tsv")}


def test_output_loads_without_issues(imported):
    out, report = imported
    assert validate(out) == []
    assert set(report.files) == {"verbs", "sets", "actors", "agents", "discards", "negation", "codes"}


# --- verbs -------------------------------------------------------------------------


def test_bare_verbs_take_block_or_own_code(patterns):
    assert patterns["meet"] == "040"  # block [040:040]
    assert patterns["huddle"] == "043"  # HUDDLE [043]
    assert "give" not in patterns  # block [---]: the bare verb is no event


def test_multi_word_verbs(patterns, imported):
    _, report = imported
    assert patterns["walk_out"] == "040"  # +WALK_OUT {+WALKED_OUT ...}
    assert patterns["convene"] == "040"  # RE_+CONVENE: the verb is CONVENE
    assert any("RE_+CONVENE" in r and r.startswith("approximated") for r in issues_at(report, "verbs.txt", 23))


def test_patterns_apply_to_every_verb_of_the_block(patterns):
    for verb in ("meet", "walk_out", "convene", "huddle"):
        assert patterns[f"{verb} with +"] == "040"


def test_pattern_elements(patterns):
    assert patterns["meet peace_talks|peace_talk"] == "046"  # {PEACE TALKS}: modifier + head (and its lemma)
    assert patterns["meet &TIETYPES on +"] == "061"  # set as object, (ON +) target
    assert patterns["meet to peace_treaty|peace_peace_accord"] == "037"  # (TO PEACE &TREATY): set expanded in the phrase
    assert patterns["give &MONEY to +"] == "070"  # &MONEY_ is used as &MONEY
    assert patterns["give money from $"] == "071"  # + * MONEY (FROM $): subject is the target
    assert patterns["give about +"] == "013"  # THEIR ^ ABOUT +


def test_sets(imported):
    out, _ = imported
    sets = {r["name"]: r["words"].split("|") for r in rows(out / "verbs" / "sets_petrarch.tsv")}
    assert sets["&TIETYPES"] == ["military", "economic"]
    # nested set expanded, final _ dropped from the name and the member
    assert {"dollar", "golden_goblin_galleons", "military", "economic"} <= set(sets["&MONEY"])
    assert sets["&TREATY"] == ["treaty", "peace_accord"]
    assert "&ODD" not in sets


def test_codes_through_the_ontology(patterns, imported):
    _, report = imported
    assert patterns["give aid to +"] == "070"  # 075A: not CAMEO; PETRARCH reads 070
    assert patterns["give arms|arm to +"] == "073"  # 0733 has the internal value of 073
    assert report.codes["075A"] == "070" and report.codes["0733"] == "073"
    assert report.codes["xyz"] == ""
    # a code neither CAMEO nor in the ontology is the dictionary's own: kept as written
    assert report.codes["802"] == "802" and "802" in patterns.values()
    own = {r["code"]: r["cameo"] for r in rows(imported[0] / "codes.tsv")}
    assert own["802"] == ""


def test_codes_without_ontology(tmp_path):
    report = import_petrarch(str(SNIP / "verbs.txt"), [], None, None, None, str(tmp_path))
    pats = {r["pattern"]: r["code"] for r in rows(tmp_path / "verbs" / "petrarch.tsv")}
    assert pats["give aid to +"] == "075"  # longest CAMEO prefix of 075A
    assert validate(tmp_path) == []
    assert not (tmp_path / "actors").exists()
    assert report.counts["patterns read"] == 20


def test_counts(imported):
    _, report = imported
    c = report.counts
    assert c["verb blocks"] == 2 and c["verbs"] == 5 and c["multi-word verbs"] == 2
    assert c["synonym sets"] == 4
    assert c["patterns with no event ([---]) skipped"] == 1  # - * BUDGET [---]
    assert c["patterns approximated"] == 0
    assert c["transformations skipped"] == 1


@pytest.mark.parametrize("line, words", [
    (16, "&ODD has no member"),
    (17, "(TO END)"),
    (19, "outside a verb block"),
    (32, "preposition 'LIKE'"),
    (33, "missing ')'"),
    (35, "NOT (negation"),
    (36, "&NOPE is not defined"),
    (44, "'xyz' is not an event code"),
    (47, "&ODD has no usable member"),
    (48, "verb transformations"),
])
def test_verb_lines_skipped_are_reported(imported, line, words):
    _, report = imported
    found = issues_at(report, "verbs.txt", line)
    assert any(r.startswith("skipped") and words in r for r in found), found


def test_noun_before_the_verb_names_the_subject(imported, patterns):
    _, report = imported
    # - MILITARY * [154], - MILITARY * (AT BORDER) [154]: PETRARCH matches the subject
    assert patterns["meet subj:military"] == "154" and patterns["meet at border subj:military"] == "154"
    assert issues_at(report, "verbs.txt", 28) == [] and issues_at(report, "verbs.txt", 29) == []


def test_words_before_the_verb_that_are_no_noun(tmp_path):
    verbs = tmp_path / "v.txt"
    verbs.write_text("--- CRITICIZE [111] ---\nCRITICIZE\n- HEAVILY * [112]\n- {DEATH TOLL} * (IN +) [190]\n")
    report = import_petrarch(str(verbs), [], None, None, None, str(tmp_path / "out"))
    pats = {r["pattern"]: r["code"] for r in rows(tmp_path / "out" / "verbs" / "petrarch.tsv")}
    assert pats["criticize in + subj:death_toll"] == "190"
    assert any("HEAVILY" in r and r.startswith("skipped") for r in issues_at(report, "v.txt", 3))


def test_compound_marker_inside_a_phrase_is_dropped_and_said(tmp_path):
    verbs = tmp_path / "v.txt"
    verbs.write_text("--- MEET [040] ---\nMEET\n- * (WITH %) [042]\n")
    # once an IndexError that ended the whole import
    report = import_petrarch(str(verbs), [], None, None, None, str(tmp_path / "out"))
    assert any("compound marker % inside (WITH ...) is dropped" in r for r in issues_at(report, "v.txt", 3))
    assert validate(tmp_path / "out") == []


def test_duplicate_patterns_later_line_wins(tmp_path):
    verbs = tmp_path / "v.txt"
    verbs.write_text("--- APPROVE [---] ---\nAPPROVE\n- * CONTRACT [031]\n- * PLAN [030]\n- * CONTRACT [061]\n")
    report = import_petrarch(str(verbs), [], None, None, None, str(tmp_path / "out"))
    pats = {r["pattern"]: r["code"] for r in rows(tmp_path / "out" / "verbs" / "petrarch.tsv")}
    assert pats["approve contract"] == "061"
    assert any("line 5 [061], which wins" in r for r in issues_at(report, "v.txt", 3))


# --- actors ------------------------------------------------------------------------


def test_actors(imported):
    out, _ = imported
    named = rows(out / "actors" / "named.tsv")
    gondor = next(r for r in named if r["name"] == "Gondor")
    assert gondor["code"] == "GON" and gondor["aliases"] == "Minas Tirith|Gondorian"
    gollum = [(r["code"], r["start"], r["end"]) for r in named if r["name"] == "Gollum"]
    assert gollum == [("HOB", "", "1995-05-31"), ("HOBGOV", "1995-06-01", "1999-08-15"), ("HOBREB", "1999-08-16", "")]
    sam = [(r["code"], r["start"], r["end"]) for r in named if r["name"] == "Sam Gamgee"]
    # dated rows first, the undated default last; a period ends the day before the next starts
    assert sam == [("HOBMIL", "2008-01-20", "2012-11-08"), ("HOBGOV", "2012-11-09", "2013-01-19"), ("HOB", "", "")]
    dol = [(r["code"], r["start"], r["end"]) for r in named if r["name"] == "Prince Of Dol Amroth"]
    assert dol == [("DOL", "", "")]


@pytest.mark.parametrize("line, words", [
    (15, "[--- <950630] means no actor code"),
    (17, "'ELR/GAL' is not made of 3-character CAMEO parts; kept as written"),
    (18, "'ITHNO' is not made of 3-character CAMEO parts; kept as written"),
    (20, "'Empty Actor' has no usable code"),
    (21, "cannot read the dates of [BDD 951301-960101]"),
])
def test_actor_lines_skipped_are_reported(imported, line, words):
    _, report = imported
    assert any(words in r for r in issues_at(report, "actors.txt", line)), issues_at(report, "actors.txt", line)


def test_actor_dates_pick_the_code(imported):
    out, _ = imported
    from dyad.coding.mentions import pick_person

    lex = load([out], builtin=False)
    gollum = [e for e in lex.actors if e.phrase == "Smeagol"]
    assert pick_person(gollum, "1994-01-01").code == "HOB"
    assert pick_person(gollum, "1995-06-01").code == "HOBGOV"
    assert pick_person(gollum, "2001-01-01").code == "HOBREB"
    sam = [e for e in lex.actors if e.phrase == "Sam Gamgee"]
    assert pick_person(sam, "1990-01-01").code == "HOB"
    assert pick_person(sam, "2012-11-09").code == "HOBGOV"


# --- agents and discards -----------------------------------------------------------


def test_agents(imported):
    out, report = imported
    agents = {(r["phrase"], r["sector"]) for r in rows(out / "actors" / "agents.tsv")}
    assert ("police", "COP") in agents
    assert ("foreign minister", "GOVFRM") in agents
    assert {("attorney general", "JUD"), ("attorneys general", "JUD")} <= agents
    assert {("congressman", "LEG"), ("congresswomen", "LEG")} <= agents  # !PERSON! substituted
    assert report.counts["agents without plural ({})"] == 1


def test_agent_plurals_and_placement(imported):
    out, _ = imported
    agents = {r["phrase"]: (r["sector"], r["place"], r["plural"]) for r in rows(out / "actors" / "agents.tsv")}
    assert agents["police"] == ("COP", "after", "no")  # POLICE {}: "polices" is no police
    assert "polices" not in agents
    assert agents["foreign ministers"] == ("GOVFRM", "after", "yes")  # the regular plural, written out
    assert agents["human rights body"] == ("NGO", "before", "yes")  # [NGO~]: NGOISR, not ISRNGO


@pytest.mark.parametrize("line, words", [
    (8, "agent without a [~CODE]"),
    (9, "marker in 'UNKNOWN!MARKER!' is not defined"),
    (10, "sector 'MI'"),
])
def test_agent_lines_skipped_are_reported(imported, line, words):
    _, report = imported
    assert any(r.startswith("skipped") and words in r for r in issues_at(report, "agents.txt", line))


def test_discards(imported):
    out, _ = imported
    d = {(r["phrase"], r["scope"]) for r in rows(out / "discards.tsv")}
    assert d == {("WORLD CUP", "story"), ("MONTHS LATER", "sentence"), ("BASEBALL", "sentence")}


def test_ontology_lines_skipped_are_reported(imported):
    _, report = imported
    assert any("expected CODE:HEXVALUE" in r for r in issues_at(report, "ontology.txt", 6))
    assert any("cannot read the value" in r for r in issues_at(report, "ontology.txt", 7))


# --- robustness --------------------------------------------------------------------


def test_garbage_never_crashes(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"--- X [010] ---\n\xff\xfe VERB\n- * (((  [010]\n- * } [1]\n[ABC 99-99]\n+\n-\n!A! = \n~\n")
    report = import_petrarch(str(bad), [str(bad)], str(bad), str(bad), str(bad), str(tmp_path / "out"))
    assert report.issues and validate(tmp_path / "out") == []
    missing = import_petrarch(str(tmp_path / "nope.txt"), [], None, None, None, str(tmp_path / "out2"))
    assert missing.issues[0].line == 0 and "cannot read" in missing.issues[0].reason


def test_cli(tmp_path):
    out = tmp_path / "lex"
    res = CliRunner().invoke(main, ["dict", "import-petrarch", "--verbs", str(SNIP / "verbs.txt"),
                                    "--actors", str(SNIP / "actors.txt"), "--agents", str(SNIP / "agents.txt"),
                                    "--discards", str(SNIP / "discards.txt"), "--ontology", str(SNIP / "ontology.txt"),
                                    "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "verb blocks" in res.output and "actor rows written" in res.output
    assert "verbs.txt:33: skipped: missing ')'" in res.output
    assert "actors.txt:17:" in res.output and "agents.txt:8:" in res.output
    assert "loads without problems" in res.output
    assert CliRunner().invoke(main, ["dict", "import-petrarch", "--out", str(out)]).exit_code != 0


# --- the real dictionaries -----------------------------------------------------------


@pytest.fixture(scope="module")
def validation_lexicon(tmp_path_factory):
    d = shared_file("dicts", "petrarch", "PETR_Validate_verbs_2_02.txt").parent
    out = tmp_path_factory.mktemp("petr_val")
    report = import_petrarch(str(d / "PETR_Validate_verbs_2_02.txt"), [str(d / "PETR_Validate_actors_2_02.txt")],
                             str(d / "PETR_Validate_agents_2_02.txt"), str(d / "PETR_Validate_discards_2_02.txt"),
                             str(d / "PETR_Validate_Internal_Coding_Ontology_1_01.txt"), str(out))
    return out, report


def test_validation_dictionaries_load_clean(validation_lexicon):
    out, report = validation_lexicon
    assert load([out], builtin=False).issues == []
    assert report.counts["pattern rows written (verb x pattern)"] > 1000
    assert report.counts["actor rows written"] > 100
    assert report.codes["075A"] == "070"


# Fictional-country sentences in the style of the validation suite (written for dyad).
SENTENCES = [
    ("Gondor restored diplomatic ties with Rohan on Monday.", "1995-03-01", ("GON", "ROH", "050")),
    ("Osgiliath condemned the attack by Mordor soldiers.", "1995-03-01", ("OSG", "MORMIL", "112")),
    ("Rohan warned Ithilen about the Dark Tower.", "1995-03-01", ("ROH", "MORTOR", "130")),
    ("Arnor signed a pact with Gondor.", "1995-03-01", ("ARN", "GON", "053")),
    ("Gollum condemned Gondor.", "1996-01-01", ("HOBGOV", "GON", "111")),
    ("Gollum condemned Gondor.", "2001-05-01", ("HOBREB", "GON", "111")),
    ("Gondor police criticized Arnor.", "1995-03-01", ("GONCOP", "ARN", "111")),
    ("Rohan received money from Gondor.", "1995-03-01", ("GON", "ROH", "071")),
    ("Calenardhon contributed dollars to Rohan.", "1995-03-01", ("CAL", "ROH", "070")),
    ("Dagolath welcomed the delegation from Bree.", "1995-03-01", ("DAG", "BRE", "050")),
]


@pytest.fixture(scope="module")
def validation_coder(validation_lexicon):
    from dyad.coding.coder import Coder

    out, _ = validation_lexicon
    return Coder(lexicon_dirs=[str(out)], builtin=False, locate=False)


@pytest.mark.parametrize("text, day, expected", SENTENCES)
def test_imported_validation_lexicon_codes(validation_coder, text, day, expected):
    from dyad.model import Article

    events = list(validation_coder.code_articles([Article(id="t", text=text, date=day)]))
    assert expected in [(e.source, e.target, e.cameo) for e in events], [(e.source, e.target, e.cameo, e.rule) for e in events]


def test_story_discard_from_imported_list(validation_coder):
    from dyad.model import Article

    text = "Arnor restored full diplomatic ties with Gondor, the typhoon notwithstanding."
    assert list(validation_coder.code_articles([Article(id="t", text=text, date="1995-03-01")])) == []


def test_phoenix_dictionaries_load_clean(tmp_path):
    d = shared_file("dicts", "petrarch", "CAMEO.2.0.txt").parent
    report = import_petrarch(str(d / "CAMEO.2.0.txt"),
                             [str(d / f"Phoenix.{k}.actors.txt") for k in ("Countries", "International", "MilNonState")],
                             str(d / "Phoenix.agents.txt"), str(d / "Phoenix.discards.txt"), None, str(tmp_path))
    assert load([tmp_path], builtin=False).issues == []
    assert report.counts["patterns read"] > 4000 and report.counts["actors"] > 20000
    assert all(i.line >= 0 and i.file for i in report.issues)


def test_reverse_code_goes_to_its_column(imported):
    out, _ = imported
    rev = {r["pattern"]: (r["code"], r["reverse"]) for r in rows(out / "verbs" / "petrarch.tsv")}
    assert any(code == "073" and reverse == "073" for code, reverse in rev.values())  # - * ARMS (TO +) [0733:073]
