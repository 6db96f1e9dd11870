"""The target rules (dyad.coding.targets) and the steps (dyad.coding.steps): the table's
order and names, one case file per rule (tests/data/target_rules/RULE.yml), and the rule
that fired reaching `dyad explain`."""

import pytest
import yaml

from dyad.coding.steps import STEPS
from dyad.coding.targets import TARGET_RULES
from conftest import DATA

CASES = DATA / "target_rules"
DATE = "2015-06-18"


def _cases():
    for f in sorted(CASES.glob("*.yml")):
        spec = yaml.safe_load(f.read_text(encoding="utf-8"))
        for n, case in enumerate(spec["cases"]):
            yield pytest.param(spec["rule"], spec.get("settings") or {}, spec.get("date", DATE), case, id=f"{f.stem}-{n}")


def test_rules_run_in_this_order():
    # a sanction on those named by what they did for a country (roots.tsv abettors), then
    # the specific readings of the pattern, then the verb's own partners, then the
    # fallbacks that hold only for some kinds of act (roots.tsv)
    assert [r.name for r in TARGET_RULES] == [
        "abetted_country", "pattern_target", "inside_pattern_target", "object_or_partner", "any_phrase", "governing_subject",
        "place", "where_it_struck", "theme_place", "claimed_victims", "protested_country", "defied", "condition"]


def test_every_rule_has_a_case_file_and_an_example():
    assert {f.stem for f in CASES.glob("*.yml")} == {r.name for r in TARGET_RULES}
    for rule in TARGET_RULES:
        assert rule.find.__doc__ and '"' in rule.find.__doc__, f"{rule.name}: its docstring should quote an example"


def test_steps_run_in_this_order():
    assert [s.__name__ for s in STEPS] == [
        "lift_speaker_participle", "drop_for_mood", "recode_for_mood", "recode_obligations", "recode_by_complement",
        "drop_asserted_demands", "take_roles", "drop_tolls", "choose_sources", "code_by_weapon", "code_by_agent",
        "recode_official_acts", "find_targets", "share_conjunct_target", "aim_defiance", "keep_named_targets",
        "aim_denial_at_accuser", "drop_place_targets", "look_past_own_country", "name_the_leader",
        "appeal_to_holder", "serve_mission_host", "protesters_at_protests", "count_people_as_civilians",
        "recode_by_sectors", "drop_where_said", "code_allegations", "drop_passive_without_doer",
        "drop_venue_targets", "require_partners", "require_pattern_target", "settle_reciprocity",
        "add_reverse_events", "drop_self_acts", "redirect_own_forces", "build_events"]


@pytest.fixture(scope="module")
def options(tmp_path_factory):
    """Coder options for a case file's settings: a lexicon directory with its settings.tsv."""
    made = {}

    def get(settings: dict) -> dict:
        if not settings:
            return {}
        key = tuple(sorted(settings.items()))
        if key not in made:
            d = tmp_path_factory.mktemp("settings")
            rows = "".join(f"{k}\t{v}\n" for k, v in settings.items())
            (d / "settings.tsv").write_text(f"name\tvalue\n{rows}", encoding="utf-8")
            made[key] = {"lexicon_dirs": [str(d)]}
        return made[key]

    return get


@pytest.mark.parametrize("rule,settings,date,case", list(_cases()))
def test_target_rule_case(rule, settings, date, case, options):
    from dyad.api import explain

    (sentence,) = explain(case["text"], case.get("date", date), **options(settings))
    tried = [a for a in sentence["candidates"] if a.kind == "pattern" and a.trigger == case["trigger"] and a.kept]
    assert tried, [a.to_dict() for a in sentence["candidates"]]
    if case.get("fires", True):
        assert tried[0].target_rule == rule, tried[0]
    else:
        assert tried[0].target_rule != rule, tried[0]
    if "events" in case:
        got = sorted((e["source"], e["target"], e["cameo"]) for e in sentence["events"])
        assert got == sorted(tuple(e) for e in case["events"])


def test_a_pattern_whose_target_is_no_actor_gives_way_to_the_next():
    from dyad.api import explain

    (sentence,) = explain("Thousands of Tibetans marched through Beijing.", DATE)
    first, second = [a for a in sentence["candidates"] if a.kind == "pattern"]
    assert (first.pattern, first.dropped) == ("march through +", "the pattern's target is the source itself")
    assert second.pattern == "march" and second.kept and second.made == 1 and second.target_rule == "protested_country"
    assert second.to_dict()["kept"] is True and first.to_dict()["kept"] is False


def test_explain_prints_the_target_rule_and_the_source_rule():
    from click.testing import CliRunner

    from dyad.cli import main

    res = CliRunner().invoke(main, ["explain", "Iraq received aid from Iran. Russian jets bombed the bazaar in Idlib.",
                                    "--date", DATE])
    assert res.exit_code == 0, res.output
    assert "kept, 1 event(s); source: pattern; target: pattern_target" in res.output
    assert "target: place" in res.output
