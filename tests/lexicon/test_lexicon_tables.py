"""The coder's own tables (governors, obligations, allegations, reverse codes, roots, word
lists) and its settings belong to the Lexicon: a lexicon directory extends them, and
`dict validate` reports their problems with file and line."""
import pytest

from dyad.lexicon import Settings, load, validate


def _write(d, name, text):
    d.joinpath(name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    """A user directory over the built-in lexicon that adds a governor and a member noun."""
    d = tmp_path_factory.mktemp("extend")
    _write(d, "governors.tsv", "lemma\teffect\nponder\thypothetical\n")
    _write(d, "member_nouns.txt", "# the faithful of a party\ndevotee\n")
    return d


def test_a_directory_extends_the_builtin_tables(extended):
    lex = load([extended])
    assert not lex.issues, lex.issues
    assert lex.governor("ponder") == "hypothetical" and lex.governor("refuse") == "refuse"
    assert "devotee" in lex.words.member_nouns and "supporter" in lex.words.member_nouns
    assert lex.reverse_code("042") == "043" and lex.obligations["must"] == "100"
    # "A met with B" is A's act only under CAMEO's codebook, one joint act under PLOVER's
    assert lex.reverse_code("040") is None and lex.reverse_code("040", "plover") == "040"
    assert lex.reverse_code("046") == "046" == lex.reverse_code("046", "plover")
    # a state's protest is a formal complaint (official.tsv)
    assert lex.official_code("141") == "114" and lex.official_code("190") is None
    # an accusation of force charges aggression; a demand mirrors the intent code of its act
    assert lex.charge_code("190") == "1123" and lex.charge_code("0841") is None
    assert lex.asked_code("10", "0841") == "1053" and lex.asked_code("02", "0874") == "0256"
    assert lex.asked_code("10", "190") is None
    assert lex.allegations["claim"].rule.startswith("allegation.tsv:") and lex.allegations["claim"].drops_act


def test_the_extension_changes_what_is_coded(extended):
    from dyad.coding.coder import Coder
    from dyad.model import Article

    def keys(c, text):
        return {(e.source, e.target, e.cameo) for e in c.code_articles([Article("t", text, "2020-01-01")])}

    builtin, user = Coder(locate=False), Coder(lexicon_dirs=[str(extended)], locate=False)
    pondered = "Russian troops pondered attacking Ukrainian positions."
    assert ("RUSMIL", "UKRMIL", "190") in keys(builtin, pondered)
    assert ("RUSMIL", "UKRMIL", "190") not in keys(user, pondered)  # only considered, as "mulled attacking"
    devotees = "Hamas said its devotees attacked Israeli troops."
    assert not keys(builtin, devotees)
    assert ("PSEREBHMS", "ISRMIL", "190") in keys(user, devotees)


def test_without_the_builtin_lexicon_the_coder_tables_remain(tmp_path):
    lex = load([tmp_path], builtin=False)
    assert not lex.patterns and not lex.actors
    assert lex.governor("refuse") == "refuse" and lex.roots.has("190", "violent")


@pytest.mark.parametrize("name,text,line", [
    ("modality.tsv", "prefix\tfuture\trefused\n04\t036\t125\n4\t036\t\n07\t999\t\n", [3, 4]),
    ("governors.tsv", "lemma\teffect\nrefuse\trefuse\nponder\tmaybe\nPonder\tnegate\n", [3, 4]),
    ("obligation.tsv", "modal\tcode\nmust\t100\nshall\t999\n", [3]),
    ("allegation.tsv", "lemma\tother\town\tact\nsay\t112\t\tkeep\nclaim\t112\t015\tperhaps\n", [3]),
    ("symmetric.tsv", "code\treverse\n042\t043\n040\t\n", [3]),
    ("roots.tsv", "code\tbehaviours\n19\tviolent|reciprocal\n18\tviolent|noisy\nxx\tviolent\n", [3, 4]),
    ("roots.tsv", "code\tbehaviours\n033\t-reciprocal\n034\t-noisy\n035\treciprocal|-reciprocal\n", [3, 4]),
    ("place_nouns.txt", "# places\nhamlet\nfarm house\nVillage\n", [3, 4]),
    ("thing_sectors.tsv", "noun\tsector\nbunker\tMIL\nBunker\tMIL\nfarm\tcivilian\n", [3, 4]),
])
def test_validate_reports_bad_rows(tmp_path, name, text, line):
    _write(tmp_path, name, text)
    issues = validate(tmp_path)
    assert [i.line for i in issues] == line, issues
    assert all(i.file.endswith(name) and i.reason for i in issues)


def test_roots_say_what_each_code_implies(tmp_path):
    lex = load()
    assert lex.roots.has("0871", "reciprocal") and lex.roots.has("0871", "own_forces")  # a ceasefire: 08 and 0871
    assert lex.roots.has("1951", "violent") and not lex.roots.has("0874", "reciprocal")
    assert lex.roots.has("015", "claim") and lex.roots.has("015", "statement")
    with pytest.raises(ValueError):
        lex.roots.has("190", "violet")
    # a directory's row replaces the built-in row of the same code
    _write(tmp_path, "roots.tsv", "code\tbehaviours\n11\treaction|dyadic\n")
    lex = load([tmp_path])
    assert not lex.roots.has("111", "reciprocal") and lex.roots.has("111", "dyadic")


def test_a_roots_row_takes_away_a_behaviour_a_shorter_row_gives(tmp_path):
    lex = load()
    # donors pledging aid together give it to a third party, not to each other (033 under 03)
    assert lex.roots.has("03", "reciprocal") and lex.roots.has("036", "reciprocal")
    assert not lex.roots.has("033", "reciprocal") and not lex.roots.has("0331", "reciprocal")
    assert lex.roots.has("0331", "own_forces") and lex.roots.has("0331", "dyadic")
    # a longer row may give it back
    _write(tmp_path, "roots.tsv", "code\tbehaviours\n0334\treciprocal\n")
    lex = load([tmp_path])
    assert lex.roots.has("0334", "reciprocal") and not lex.roots.has("0333", "reciprocal")


def test_settings_are_typed_and_checked():
    assert Settings().negation == "drop" and Settings().future_as_intent is True
    with pytest.raises(ValueError):
        Settings(negation="flip")
    with pytest.raises(ValueError):
        Settings(phrase_targets="yes")


def test_every_root_behaviour_is_documented():
    from pathlib import Path

    from dyad.lexicon.tables import ROOT_BEHAVIOURS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "LEXICON.md").read_text(encoding="utf-8")
    assert [b for b in ROOT_BEHAVIOURS if f"| `{b}` (" not in doc] == []


def test_every_data_file_is_documented():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    doc = (root / "docs" / "LEXICON.md").read_text(encoding="utf-8")
    files = [p.name for p in (root / "src" / "dyad" / "data").iterdir() if p.is_file()]
    files += [f"ontology/{p.name}" for p in (root / "src" / "dyad" / "data" / "ontology").iterdir()]
    assert [f for f in files if f"`{f}`" not in doc] == []
