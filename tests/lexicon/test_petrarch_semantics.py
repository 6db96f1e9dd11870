"""PETRARCH coding semantics for imported dictionaries (settings.tsv, negation.tsv,
codes.tsv, agents' place and plural columns).

A small synthetic PETRARCH dictionary set is written here, imported with
``import_petrarch`` and coded with the built-in lexicon off; the built-in lexicon must
keep its own behaviour (negated events dropped, modals hypothetical).
"""
import pytest

from dyad.lexicon import load
from dyad.model import Article
from dyad.lexicon.petrarch import import_petrarch

VERBS = """\
&TIETYPES
+MILITARY
+ECONOMIC

--- ATTACK  [190] ---
ATTACK
SHOOT

--- CRITICIZE  [110] ---
CRITICIZE
- * (OVER EFFORTS)  [111]

--- RISE  [---] ---
RISE
- {DEATH TOLL} *  [190]

--- ABANDON  [1121] ---
ABANDON
- * {NEW &TIETYPES RELATIONS}  [1951]

--- WELCOME  [050] ---
WELCOME
- * MEMOS (ON &TIETYPES) (FROM)  [091]

--- CORDON  [144] ---
+CORDON_OFF

--- ARREST  [212] ---
ARREST

--- DOWNPLAY  [014] ---
DOWNPLAY
- % *  [120]

--- VOW  [170] ---
VOW
- * WAR  [190]

--- SPUR  [---] ---
SPUR
- * RECONCILIATION  [051]
"""

ONTOLOGY = """\
050:0x0080
091:0xA001
110:0x1007f#0xFFFF+0x0080#0x7000
111:0x7001
1121:0x70a1
144:0x50A0
190:0x00A0
195:0x00A5
1951:0x00A6
"""

ACTORS = """\
ARNOR  [ARN]
+ARNORIAN
GONDOR  [GON]
ROHAN  [ROH]
MORDOR  [MOR]
DENMARK  [DNK]
+DANISH
THE_SHIRE  [FRO/BIL/SAM]
NASGUL  [+++]
GONZO_GMO  [GONGMO]
"""

AGENTS = """\
OFFICIAL  [~GOV]
LAWMAKER  [~LEG]
CONGRESS  [~LEG]
POLICE {}  [~COP]
MSF {}  [NGO~]
ISLAMIST  [~MUS]
MEDIA {}  [~MED]
GOVERNMENT  [~GOV]
ACTIVIST  [~OPP]
SOLDIER  [~MIL]
STUDENT  [~EDU]
"""


@pytest.fixture(scope="module")
def lexicon_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("petr_semantics")
    files = {}
    for name, text in (("verbs", VERBS), ("ontology", ONTOLOGY), ("actors", ACTORS), ("agents", AGENTS)):
        files[name] = d / f"{name}.txt"
        files[name].write_text(text)
    out = d / "lexicon"
    report = import_petrarch(str(files["verbs"]), [str(files["actors"])], str(files["agents"]), None,
                             str(files["ontology"]), str(out))
    assert [i for i in report.issues if i.reason.startswith("skipped")] == []
    return out


@pytest.fixture(scope="module")
def petr(lexicon_dir):
    from dyad.coding.coder import Coder

    return Coder(lexicon_dirs=[str(lexicon_dir)], builtin=False, locate=False)


def code(coder, text):
    return [(e.source, e.target, e.cameo) for e in coder.code_articles([Article(id="t", text=text, date="2000-01-01")])]


# --- what the importer writes ----------------------------------------------------------


def test_import_writes_petrarch_settings_and_tables(lexicon_dir):
    lex = load([lexicon_dir], builtin=False)
    assert lex.issues == []
    assert lex.settings.negation == "pico" and lex.settings.modals == "keep"
    assert lex.settings.phrase_targets and lex.settings.modifier_words
    assert lex.settings.combine_agents and lex.settings.complement_objects
    # 110 is 0xFFFF + 0x80 in this ontology: negated, it is 050; 190 has no negation
    assert lex.negated_code("110") == "050" and lex.negated_code("190") is None
    # 1951 is defined by the ontology: kept, falling back to 195 for Goldstein and PLOVER;
    # 212 is the dictionary's own, with nothing to fall back to
    assert lex.codes == {"1951": "195", "212": ""}


def test_builtin_defaults_are_unchanged():
    lex = load()
    assert lex.settings.negation == "drop" and lex.settings.modals == "drop"
    assert not lex.settings.phrase_targets and not lex.settings.modifier_words
    assert not lex.settings.combine_agents and not lex.settings.complement_objects


def test_bad_settings_and_tables_are_reported(tmp_path):
    (tmp_path / "settings.tsv").write_text("name\tvalue\nnegation\tflip\nmodals\tkeep\n")
    (tmp_path / "negation.tsv").write_text("code\tnegated\n110\t050\n110\t999\n")
    (tmp_path / "codes.tsv").write_text("code\tcameo\n1951\t195\n042\t040\n1959\t999\n")
    lex = load([tmp_path], builtin=False)
    reasons = sorted((i.file.rsplit("/", 1)[-1], i.line) for i in lex.issues)
    assert reasons == [("codes.tsv", 3), ("codes.tsv", 4), ("negation.tsv", 3), ("settings.tsv", 2)]
    assert lex.settings.modals == "keep" and lex.negated == {"110": "050"} and lex.codes == {"1951": "195"}


# --- negation through the internal coding ontology ---------------------------------------


@pytest.mark.parametrize("text", [
    "Arnor did not criticize Gondor.",
    "Arnor will not criticize Gondor.",
    "Arnor most certainly did not even ever criticize Gondor.",
])
def test_negation_recodes_through_the_ontology(petr, text):
    assert code(petr, text) == [("ARN", "GON", "050")]


def test_negation_without_a_negated_code_is_no_event(petr):
    assert code(petr, "Arnor did not attack Gondor.") == []


def test_negation_on_an_uncoded_verb_keeps_the_complement(petr):
    # PETRARCH negates the empty code of "try"; the complement keeps its own
    assert code(petr, "Arnor won't try to criticize Gondor.") == [("ARN", "GON", "110")]


def test_builtin_lexicon_still_drops_negated_events(coder):
    assert list(coder.code_articles([Article(id="t", text="Russia did not attack Ukraine.", date="2020-01-01")])) == []


# --- patterns -------------------------------------------------------------------------


def test_phrase_read_as_particle_still_matches(petr):
    # "over" parsed as a particle of "criticize", "efforts" as its object
    assert ("ARN", "GON", "111") in code(petr, "Arnor criticized over the efforts of Gondor.")


def test_ontology_code_is_kept(petr):
    from dyad.model import Article as A

    events = list(petr.code_articles([A(id="t", text="Arnor abandoned new economic relations with Gondor.", date="2000-01-01")]))
    assert [(e.source, e.target, e.cameo) for e in events] == [("ARN", "GON", "1951")]
    assert events[0].quad_class == 4 and events[0].plover  # from 195


def test_pattern_word_may_be_a_modifier(petr):
    assert code(petr, "Arnor welcomed memos on economic issues from Gondor.") == [("ARN", "GON", "091")]


def test_noun_before_the_verb_names_the_subject(petr):
    assert code(petr, "Arnor's death toll has risen in the dispute with Gondor.") == [("ARN", "GON", "190")]
    assert code(petr, "Arnor's budget has risen in the dispute with Gondor.") == []


def test_modals_leave_the_act_a_fact(petr):
    assert code(petr, "Arnor should have criticized Gondor.") == [("ARN", "GON", "110")]
    assert code(petr, "Arnor could not criticize Gondor.") == [("ARN", "GON", "050")]


# --- actors from prepositional phrases ------------------------------------------------------


def test_target_inside_the_object(petr):
    assert code(petr, "Arnor cordoned off the roads leading into Gondor.") == [("ARN", "GON", "144")]


def test_target_from_a_phrase_of_the_verb(petr):
    assert code(petr, "Arnor criticized heavily in the dispute with Gondor.") == [("ARN", "GON", "110")]


def test_passive_without_agent_takes_the_doer_from_a_phrase(petr):
    assert code(petr, "An Arnorian was shot in Gondor.") == [("GON", "ARN", "190")]


# --- agents and compound actors ----------------------------------------------------------------


def test_agent_before_the_country(petr):
    assert code(petr, "MSF Arnor criticized Gondor.") == [("NGOARN", "GON", "110")]


def test_agent_plurals(petr):
    assert code(petr, "The Arnor Congresses criticized Gondor.") == [("ARNLEG", "GON", "110")]
    # POLICE {}: "polices" is not the police
    assert code(petr, "Arnor criticized Gondor's polices.") == [("ARN", "GON", "110")]


def test_coordinated_actors(petr):
    # the parser reads Rohan as an apposition of Mordor: still a member of the list
    assert sorted(code(petr, "Mordor, the evil Rohan, and good Gondor welcomed Arnor.")) == [
        ("GON", "ARN", "050"), ("MOR", "ARN", "050"), ("ROH", "ARN", "050")]
    assert sorted(code(petr, "Lawmakers and officials in Arnor and Rohan criticized Gondor.")) == [
        ("ARNGOV", "GON", "110"), ("ARNLEG", "GON", "110"), ("ROHGOV", "GON", "110"), ("ROHLEG", "GON", "110")]


def test_shared_modifiers_and_combined_sectors(petr):
    # PETRARCH: the actor's code, then every agent's sector in text order; the bare
    # "government" shares "Danish Islamist"
    assert code(petr, "The Danish Islamist media and government criticized Gondor.") == [
        ("DNKMUSMED", "GON", "110"), ("DNKMUSGOV", "GON", "110")]
    # the actor's own code, however deep in the phrase, keeps all of it
    assert code(petr, "Arnor criticized activists of Gonzo GMO.") == [("ARN", "GONGMOOPP", "110")]


def test_phrase_coded_by_its_first_actor(petr):
    # not Rohan's sector on Mordor's country
    assert code(petr, "Arnor criticized an attack by Rohan soldiers in south Mordor.") == [("ARN", "ROHMIL", "110")]


def test_builtin_agents_do_not_combine(coder):
    events = list(coder.code_articles([Article(id="t", text="Russian Islamist lawmakers criticized Ukraine.", date="2020-01-01")]))
    assert [e.source for e in events] == ["RUSLEG"]


# --- codes of the dictionary's own ---------------------------------------------------------


def test_event_code_outside_cameo_is_carried_through(petr):
    events = list(petr.code_articles([Article(id="t", text="Arnor arrested Gondor's students.", date="2000-01-01")]))
    assert [(e.source, e.target, e.cameo) for e in events] == [("ARN", "GONEDU", "212")]
    # nothing to take a Goldstein score, quad class or PLOVER type from
    assert events[0].goldstein is None and events[0].quad_class is None and events[0].plover == ""


def test_actor_codes_outside_cameo_are_carried_through(petr):
    assert code(petr, "The Shire criticized Gondor.") == [("FRO/BIL/SAM", "GON", "110")]
    assert code(petr, "The Nasgul criticized Gondor.") == [("+++", "GON", "110")]


def test_named_codes_outside_cameo_load(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "named.tsv").write_text(
        "name\taliases\tcode\trole\tstart\tend\nLorien\t\tELR/GAL\t\t\t\nNobody\t\t---\t\t\t\n")
    (tmp_path / "codes.tsv").write_text("code\tcameo\n802\t\n")
    lex = load([tmp_path], builtin=False)
    assert [(i.file.rsplit("/", 1)[-1], i.line) for i in lex.issues] == [("named.tsv", 3)]
    assert [e.code for e in lex.actors] == ["ELR/GAL"] and lex.cameo_code("802") is None


# --- PETRARCH pattern reading ----------------------------------------------------------------


def test_compound_subject_pattern(petr):
    # - % * [120]: only when the subject is several actors, and between them
    assert code(petr, "Arnor and Gondor downplayed the meeting.") == [("ARN", "GON", "120"), ("GON", "ARN", "120")]
    assert code(petr, "Arnor downplayed the meeting.") == [("ARN", "", "014")]


def test_object_of_the_complement(petr):
    assert code(petr, "Rohan vowed to wage war on Gondor.") == [("ROH", "GON", "190")]
    assert code(petr, "Rohan vowed to wage peace with Gondor.") == [("ROH", "GON", "170")]


def test_passive_subject_on_the_auxiliary(petr):
    # the parser hangs "Arnor" on "was" as nsubj: still whom the criticism is aimed at
    assert code(petr, "Arnor was heavily and unjustly criticized over its dispute with Gondor.") == [("GON", "ARN", "110")]


def test_a_source_in_the_target_phrase_is_still_a_party(petr):
    assert code(petr, "Arnor and Gondor may spur reconciliation between Rohan and Gondor.") == [
        ("ARN", "ROH", "051"), ("ARN", "GON", "051"), ("GON", "ROH", "051")]


def test_hanging_hyphen_is_split(petr):
    # "anti- Gondor" (a broken hyphenation) parses as "anti-Gondor" would
    doc = petr.nlp("Rohan was seen to break into an anti- Gondor parade on Saturday.")
    assert [t.text for t in doc][7:10] == ["anti", "-", "Gondor"]
    assert len(list(doc.sents)) == 1
    assert [t.text for t in petr.nlp("a well-known e-mail")] == ["a", "well", "-", "known", "e", "-", "mail"]
