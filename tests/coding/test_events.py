"""Event matching and mood, on a small lexicon that the tests own."""
import pytest


def codes(coder, text, date="2015-10-15"):
    from dyad.model import Article

    evs = list(coder.code_articles([Article("t", text, date)]))
    return sorted((e.source, e.target, e.cameo) for e in evs)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russian troops attacked Syrian rebels on Monday.", [("RUSMIL", "SYRREB", "190")]),
        ("Syrian rebels were attacked by Russian troops.", [("RUSMIL", "SYRREB", "190")]),
        ("Obama met with Putin in Moscow.", [("USAGOV", "RUSGOV", "040")]),
        ("The Obama administration refused a meeting with Russian Prime Minister Dmitry Medvedev.",
         [("USAGOV", "RUSGOV", "125")]),
        ("Washington refused to meet Russian officials.", [("USA", "RUS", "125")]),
        ("Russian senator Vladimir Dzhabarov criticized the U.S. decision.", [("RUSLEG", "USA", "111")]),
    ],
)
def test_basic_frames(mini_coder, text, expected):
    assert codes(mini_coder, text) == expected


def test_person_code_depends_on_date(mini_coder):
    assert codes(mini_coder, "Medvedev criticized Obama.", "2015-01-01") == [("RUSGOV", "USAGOV", "111")]


def test_compound_actors_give_one_event_each(mini_coder):
    got = codes(mini_coder, "Russia, Syria and America attacked Ukrainian rebels.")
    assert got == [("RUS", "UKRREB", "190"), ("SYR", "UKRREB", "190"), ("USA", "UKRREB", "190")]


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops did not attack Syrian rebels.",
        "Russian troops could attack Syrian rebels.",
        "If Russian troops attack Syrian rebels, the war will widen.",
        "Russia never attacked Ukraine.",
    ],
)
def test_negated_and_hypothetical_events_are_dropped(mini_coder, text):
    assert [c for c in codes(mini_coder, text) if c[2] == "190"] == []


def test_future_action_becomes_intent(mini_coder):
    assert codes(mini_coder, "Russia will send aid to Syria.") == [("RUS", "SYR", "033")]


def test_reported_speech_codes_the_reported_event(mini_coder):
    got = codes(mini_coder, "Obama said Russian troops attacked Ukraine.")
    # the reported attack, and Obama accusing its doers (allegation.tsv)
    assert got == [("RUSMIL", "UKR", "190"), ("USAGOV", "RUSMIL", "112")]


def test_a_trailing_attribution_is_no_accusation(mini_coder):
    assert codes(mini_coder, "Russian troops attacked Ukraine, Obama said.") == [("RUSMIL", "UKR", "190")]


def test_claiming_ones_own_attack_claims_responsibility(mini_coder):
    got = codes(mini_coder, "Russia claimed that its troops attacked Ukraine.")
    # its own troops: a claim of responsibility towards the victim, not an accusation
    assert ("RUS", "UKR", "015") in got, got
    assert not [c for c in got if c[2].startswith("11")], got


def test_a_reported_attack_without_its_victim_named_is_still_an_accusation(coder):
    from dyad import code_text

    evs = code_text("Israel said a mortar bomb was fired at it from the Gaza Strip on Tuesday.", date="2014-09-16")
    assert ("ISR", "PSE", "112") in {(e.source[:3], e.target[:3], e.cameo) for e in evs}
    assert any(e.rule.startswith("allegation.tsv:") for e in evs)


def test_statement_about_another_actor_is_coded(mini_coder):
    assert codes(mini_coder, "Putin said Ukraine was improving.") == [("RUSGOV", "UKR", "010")]


def test_statement_about_nobody_is_not_an_event(mini_coder):
    assert codes(mini_coder, "Putin said the economy was improving.") == []


def test_event_carries_evidence(mini_coder):
    from dyad.model import Article

    text = "Russian troops attacked Syrian rebels."
    (e,) = mini_coder.code_articles([Article("t", text, "2015-10-15")])
    s, t = e.evidence["source"], e.evidence["target"]
    assert text[s[0]:s[1]] == "Russian troops"
    assert text[t[0]:t[1]] == "Syrian rebels"
    assert text[slice(*e.evidence["trigger"])] == "attacked"
    assert e.rule.endswith(":2") and e.goldstein == -10.0 and e.quad_class == 4 and e.plover


def test_discards_named_actors_and_require_dyad(tmp_path):
    from dyad.model import Article
    from dyad.coding.coder import Coder
    from conftest import DATA
    import shutil

    lex = tmp_path / "lex"
    shutil.copytree(DATA / "mini_lexicon", lex)
    (lex / "discards.tsv").write_text("phrase\tscope\nwar of words\tsentence\nworld cup\tstory\n")
    (lex / "actors" / "named.tsv").write_text(
        "name\taliases\tcode\trole\tstart\tend\nArnor\t\tARN\t\t\t\nGondor\t\tGONGOV\t\t1990-01-01\t1999-12-31\nGondor\t\tGONREB\t\t2000-01-01\t\n")
    c = Coder(lexicon_dirs=[str(lex)], builtin=False, locate=False)

    def codes(text, date="1995-01-01", **opts):
        return sorted((e.source, e.target, e.cameo) for e in c.code_articles([Article("t", text, date, options=opts or None)]))

    assert codes("Arnor attacked Gondor.") == [("ARN", "GONGOV", "190")]
    assert codes("Arnor attacked Gondor.", "2005-01-01") == [("ARN", "GONREB", "190")]
    assert codes("Arnor attacked Gondor in a war of words.") == []
    assert codes("Arnor visited Gondor.") == [("ARN", "GONGOV", "042"), ("GONGOV", "ARN", "043")]
    assert codes("Arnor visited.") == [("ARN", "", "042")]
    assert codes("Arnor visited.", require_dyad="True") == []
    assert list(c.code_articles([Article("s", "Arnor attacked Gondor. Gondor won the World Cup.", "1995-01-01")])) == []


def test_meetings_follow_the_scheme(mini_coder):
    from dyad.model import Article

    # CAMEO's codebook: "A met with B" is A's act
    assert codes(mini_coder, "Obama met with Putin.") == [("USAGOV", "RUSGOV", "040")]
    # PLOVER: one act done together, each participant without a target
    evs = mini_coder.code_articles([Article("t", "Obama met with Putin.", "2015-10-15", options={"scheme": "plover"})])
    assert sorted((e.source, e.target, e.cameo) for e in evs) == [("RUSGOV", "", "040"), ("USAGOV", "", "040")]


def test_a_visit_is_also_a_hosting(coder):
    from dyad import code_text
    from dyad.model import Article

    text = "Chinese President Xi Jinping hosted French President Emmanuel Macron in Beijing on Thursday."
    assert {(e.source, e.target, e.cameo) for e in code_text(text, date="2023-04-06")} == {
        ("CHNGOV", "FRAGOV", "043"), ("FRAGOV", "CHNGOV", "042")}
    # PLOVER codes the hosting once.
    evs = coder.code_articles([Article("t", text, "2023-04-06", options={"scheme": "plover"})])
    assert [(e.source, e.target, e.cameo) for e in evs] == [("CHNGOV", "FRAGOV", "043")]
    # the country where a summit is held does not host its guests; the one arrived in does
    evs = code_text("Obama is scheduled to attend a summit in Switzerland on the unrest in Iran.", date="2015-06-01")
    assert {(e.source[:3], e.target[:3], e.cameo) for e in evs} == {("USA", "CHE", "042")}
    evs = code_text("Indian Prime Minister Narendra Modi arrived in Washington on Wednesday for a state visit.", date="2016-06-08")
    assert ("USA", "IND", "043") in {(e.source[:3], e.target[:3], e.cameo) for e in evs}


def test_plover_scheme_codes_joint_acts_once_per_participant(mini_coder):
    from dyad.model import Article

    def each(text):
        evs = mini_coder.code_articles([Article("t", text, "2015-10-15", options={"scheme": "plover"})])
        return sorted((e.source, e.target, e.cameo) for e in evs)

    assert each("Obama met with Putin.") == [("RUSGOV", "", "040"), ("USAGOV", "", "040")]
    # Acts that are not mutual keep their target.
    assert each("Russian troops attacked Syrian rebels on Monday.") == [("RUSMIL", "SYRREB", "190")]


def test_scheme_must_be_known():
    from dyad.coding.coder import Coder

    with pytest.raises(ValueError, match="scheme"):
        Coder(scheme="icews")


def test_builtin_discards_keep_sport_out(coder):
    from dyad import code_text

    assert code_text("India's cricket team beat Pakistan by six wickets on Sunday.", date="2023-10-15") == []
    assert code_text("Indian troops attacked Pakistani positions on Sunday.", date="2023-10-15")


def test_phrase_on_a_particle(coder):
    from dyad import code_text

    evs = code_text("Syrian rebels walked out of the peace talks with the government on Monday.", date="2020-01-01")
    assert [e.cameo for e in evs] == ["164"]


def test_generic_threat_gives_way_to_the_threatened_act(coder):
    from dyad import code_text

    evs = code_text("North Korea threatened to fire missiles toward Guam.", date="2017-08-10")
    assert [(e.source, e.cameo) for e in evs] == [("PRK", "1384")]


def test_own_forces_are_not_the_target_of_a_deployment(coder):
    from dyad import code_text

    evs = code_text("India deployed additional troops to Ladakh on Tuesday.", date="2020-06-16")
    assert evs and all(not e.target.startswith("INDMIL") for e in evs)


def test_object_words_look_through_quantities(coder):
    from dyad import code_text

    evs = code_text("Iran supplied hundreds of drones to Russia.", date="2022-10-10")
    assert [(e.source, e.target, e.cameo[:2]) for e in evs] == [("IRN", "RUS", "07")]


def test_denied_content_did_not_happen(coder):
    from dyad import code_text

    evs = code_text("Iran denied that Tehran had supplied missiles to the Houthis.", date="2022-10-10")
    assert not any(e.cameo.startswith("07") for e in evs)


def test_allowed_party_is_the_object(coder):
    from dyad import code_text

    evs = code_text("Israel allowed UN inspectors to enter Gaza.", date="2023-11-10")
    assert [(e.source, e.target[:3], e.cameo[:2]) for e in evs] == [("ISR", "IGO", "08")]


@pytest.mark.parametrize(
    "text,target",
    [
        ("Thousands of Georgian students rallied in Tbilisi on Sunday.", "GEO"),  # at home
        ("American and British activists staged a protest in Beijing on Wednesday.", "CHN"),  # abroad: the host
        ("Thousands of Serbian teachers went on strike on Monday.", "SRBGOV"),
    ],
)
def test_protest_without_named_target_is_aimed_at_where_it_happens(coder, text, target):
    from dyad import code_text

    evs = code_text(text, date="2024-05-16")
    assert evs and all(e.cameo[:2] == "14" and e.target[:3] == target[:3] for e in evs), [(e.source, e.target, e.cameo) for e in evs]


def test_protest_keeps_its_named_target(coder):
    from dyad import code_text

    evs = code_text("Hundreds of Palestinians protested against Israel in Ramallah on Friday.", date="2024-05-16")
    assert [(e.source[:3], e.target[:3]) for e in evs] == [("PSE", "ISR")]


def test_violence_without_a_named_doer_goes_to_unidentified_forces_where_it_happened(coder):
    from dyad import code_text

    evs = code_text("Three US soldiers were killed by a roadside bomb near the Iraqi city of Basra.", date="2004-05-16")
    # coded by the weapon (weapons.tsv): a roadside bombing
    assert {(e.source, e.target[:3], e.cameo) for e in evs} == {("IRQUAF", "USA", "1833")}
    # Without a place there is nobody to code.
    assert code_text("Three soldiers were killed by a roadside bomb.", date="2004-05-16") == []
    evs = code_text("At least three Iraqi civilians were killed in a suicide car bombing in central Baghdad.", date="2004-05-16")
    assert {(e.source, e.target, e.cameo) for e in evs} == {("IRQUAF", "IRQCVL", "1831")}


def test_stance_prefix_is_not_the_actors_country(coder):
    from dyad import code_text

    evs = code_text("Pro-Russia rebels shelled Ukrainian positions near Donetsk.", date="2015-05-16")
    assert evs and all(not e.source.startswith("RUS") for e in evs), [(e.source, e.target) for e in evs]


def test_stative_passive_subject_is_the_doer(coder):
    from dyad import code_text

    evs = code_text("Israel is opposed to French mediation in the talks.", date="2000-05-16")
    assert [(e.source, e.target[:3]) for e in evs] == [("ISR", "FRA")]
    # With a "by" phrase it is an ordinary passive.
    evs = code_text("Israel was opposed by France at the talks.", date="2000-05-16")
    assert [(e.source[:3], e.target[:3]) for e in evs] == [("FRA", "ISR")]


def test_lowercase_adjective_is_not_the_doer_of_a_noun_act(coder):
    from dyad import code_text

    evs = code_text("The Turkish government has refused to commit to any direct assistance to Iraq.", date="2003-03-01")
    assert [(e.source, e.target, e.cameo[:2]) for e in evs] == [("TURGOV", "IRQ", "12")]


def test_act_reacted_to_is_not_coded_again(coder):
    from dyad import code_text

    evs = code_text("Palestinian leader Yasser Arafat rejected a US offer to host a summit to hammer out a peace agreement "
                    "with the Israelis.", date="2000-07-01")
    assert [(e.source[:3], e.target[:3], e.cameo[:2]) for e in evs] == [("PSE", "USA", "12")]


def test_act_in_an_adjunct_of_a_reaction_is_still_coded(coder):
    from dyad import code_text

    evs = code_text("Russia and North Korea signed a defence pact during Putin's visit to Pyongyang.", date="2024-06-19")
    assert ("RUS", "PRK", "04") in {(e.source[:3], e.target[:3], e.cameo[:2]) for e in evs}


def test_joint_intent_without_other_party_is_coded_both_ways(coder):
    from dyad import code_text

    evs = code_text("Brazil and the United States are seeking to deepen a partnership in energy.", date="2008-08-06")
    assert {(e.source[:3], e.target[:3], e.cameo[:2]) for e in evs} == {("BRA", "USA", "03"), ("USA", "BRA", "03")}


def test_participle_on_a_noun_is_a_passive(coder):
    from dyad import code_text

    evs = code_text("There were 10 Russian soldiers killed in Ukraine today.", date="2015-06-09")
    assert [(e.source, e.target, e.cameo[:2]) for e in evs] == [("UKRUAF", "RUSMIL", "19")]
    # Not every participle the parser hangs on a noun is passive.
    evs = code_text("Rights abuses continue, a human rights group protested here on Wednesday.", date="2015-06-09")
    assert all(e.target != e.source for e in evs)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Obama wants Putin to attack Switzerland.", ("USA", "RUS", "02")),  # asking another to act
        ("Evidence against Russia was presented by the US.", ("USA", "RUS", "11")),
        ("The US presented evidence against Russia.", ("USA", "RUS", "11")),
    ],
)
def test_wants_and_evidence(coder, text, expected):
    from dyad import code_text

    assert [(e.source[:3], e.target[:3], e.cameo[:2]) for e in code_text(text, date="2015-06-09")] == [expected]


def test_only_a_party_named_outright_hosts_back(coder):
    from dyad import code_text

    evs = code_text("Obama is scheduled to attend a summit on the unrest in Iran.", date="2015-06-09")
    assert all(e.cameo != "043" for e in evs), [(e.source, e.target, e.cameo) for e in evs]


def test_a_phrase_split_into_two_subjects_is_one_actor(coder):
    from dyad import code_text

    evs = code_text("The Al Qaeda-linked Somali militant group al-Shabab is claiming responsibility for the attack.",
                    date="2013-09-22")
    assert len(evs) == 1 and evs[0].source.startswith("SOMREB"), [(e.source, e.cameo) for e in evs]


def test_an_act_only_mentioned_by_its_noun_is_not_an_event(coder):
    from dyad import code_text

    evs = code_text("Rwanda's minister said she hoped the officials would face trial over the country's 1994 genocide.",
                    date="2008-08-06")
    assert all(e.cameo[:2] != "20" for e in evs), [(e.source, e.target, e.cameo) for e in evs]
    # A light verb makes the act the news.
    evs = code_text("Turkish troops launched an offensive on Monday.", date="2019-10-09")
    assert [e.cameo[:2] for e in evs] and all(e.source.startswith("TUR") for e in evs)


def test_a_threat_is_aimed_at_whoever_must_comply(coder):
    from dyad import code_text

    evs = code_text("Russia has threatened to stop negotiations if the United States goes ahead with the deployment.",
                    date="1983-06-09")
    assert [(e.source, e.target, e.cameo[:2]) for e in evs] == [("RUS", "USA", "13")]


def test_a_refusal_is_aimed_at_who_pressed_for_it(coder):
    from dyad import code_text

    evs = code_text("Iran rejected the deal despite pressure from the United States.", date="2005-06-09")
    assert [(e.source, e.target, e.cameo[:2]) for e in evs] == [("IRN", "USA", "12")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Peru has granted diplomatic asylum to five Panamanian army officers holed up in a residence.", ("PER", "PAN")),
        ("Britain mobilized army reservists for a possible war against Iraq on Tuesday.", ("GBR", "IRQ")),
    ],
)
def test_targets_past_a_bare_preposition_and_own_forces(coder, text, expected):
    from dyad import code_text

    assert [(e.source[:3], e.target[:3]) for e in code_text(text, date="2000-06-09")] == [expected]


def test_an_arrest_with_no_doer_is_by_the_police_of_the_place(coder):
    from dyad import code_text

    evs = code_text("Five opposition activists were arrested in Minsk on Sunday.", date="2020-08-10")
    assert [(e.source, e.target) for e in evs] == [("BLRCOP", "BLROPP")]


def test_a_passive_joined_to_another_verb_keeps_its_subject(coder):
    from dyad import code_text

    evs = code_text("The civilians imprisoned for acting against Moscow were released yesterday by Putin himself.",
                    date="2015-06-09")
    assert [(e.source, e.target, e.cameo[:2]) for e in evs] == [("RUSGOV", "RUSCVL", "08")]


def test_a_verbs_own_object_is_the_target_before_a_phrase_on_the_pattern_words(coder):
    from dyad import code_text

    evs = code_text("Russian President Vladimir Putin met Chinese President Xi Jinping on the sidelines of a regional "
                    "summit in Uzbekistan.", date="2022-09-15")
    assert {(e.source[:3], e.target[:3]) for e in evs} == {("RUS", "CHN")}


def test_a_joint_ceasefire_is_between_the_parties(coder):
    from dyad import code_text

    evs = code_text("Israel and Hamas declared a ceasefire on Thursday after 11 days of fighting.", date="2021-05-20")
    assert {(e.source[:3], e.target[:3], e.cameo) for e in evs} == {("ISR", "PSE", "0871"), ("PSE", "ISR", "0871")}


def test_an_accusation_in_a_participle_is_an_act_of_its_own(coder):
    from dyad import code_text

    evs = code_text("Morocco cut diplomatic ties with Iran, accusing Tehran of supporting the Polisario Front.",
                    date="2018-05-01")
    assert ("MAR", "IRN", "11") in {(e.source[:3], e.target[:3], e.cameo[:2]) for e in evs}


def test_set_makes_a_clause_future_but_not_an_object(coder):
    from dyad import code_text

    assert [e.cameo for e in code_text("Putin is set to visit China next week.", date="2020-05-29")] == ["036"]
    evs = code_text("Rioters set fire to a police station in Minneapolis.", date="2020-05-29")
    assert evs and all(not e.cameo.startswith("13") for e in evs)


def test_up_to_a_number_counts_the_object(coder):
    from dyad import code_text

    evs = code_text("Police arrested up to 100 protesters in Minsk.", date="2020-08-10")
    assert [(e.source, e.target, e.cameo) for e in evs] == [("BLRCOP", "BLROPP", "173")]


def test_a_claim_of_responsibility_is_aimed_at_the_victims_of_the_claimed_act(coder):
    from dyad import code_text

    evs = code_text("The Taliban claimed responsibility for a suicide bombing that killed 12 Afghan soldiers in Kandahar.",
                    date="2012-05-16")
    assert ("AFG", "AFGMIL", "015") in {(e.source[:3], e.target, e.cameo) for e in evs}
    # a place in what is claimed stands for its country; an attribution is no victim
    evs = code_text("Islamic State claimed responsibility for the suicide bombings at Brussels airport, "
                    "according to the group's Amaq news agency.", date="2016-03-23")
    assert {(e.target[:3], e.cameo) for e in evs} == {("BEL", "015")}
    evs = code_text("The Taliban claimed responsibility for the attack.", date="2012-05-16")
    assert [(e.target, e.cameo) for e in evs] == [("", "015")]
    # a clause that says when the claimed act came names no victim of it
    evs = code_text("Hamas claimed responsibility for the attacks, which came after two of its fighters "
                    "were killed by Israeli fire.", date="2018-08-09")
    assert [(e.target, e.cameo) for e in evs if e.cameo == "015"] == [("", "015")]


@pytest.mark.parametrize("text", [
    "Obama is being pressured by Congress to help Iran.",  # the parser hangs "to help" as an adverbial clause
    "Obama faces pressure from Congress to help Iran.",
    "Iran was urged by France to release the prisoners.",
])
def test_what_is_asked_of_someone_is_not_done(coder, text):
    from dyad import code_text

    evs = code_text(text, date="2015-05-16")
    assert evs, "the asking is an event"
    assert not [e for e in evs if e.cameo[:2] in ("07", "08")], [(e.source, e.target, e.cameo) for e in evs]


def test_where_words_are_said_is_not_whom_they_address(coder):
    from dyad import code_text

    assert code_text("The United Nations chief made his remarks in Doha at the start of a regional trip.", date="2014-07-20") == []
    evs = code_text("Obama made a statement on Syria.", date="2014-07-20")
    assert [(e.source[:3], e.target, e.cameo) for e in evs] == [("USA", "SYR", "010")]


def test_what_a_permission_grants_is_not_done(coder):
    from dyad import code_text

    evs = code_text("Obama said he would not give permission to Russia to help Israel.", date="2015-05-16")
    assert {(e.source[:3], e.target[:3], e.cameo[:2]) for e in evs} == {("USA", "RUS", "12")}
    evs = code_text("The ILO reiterated its demand that Israel ease restrictions on Palestinian workers.", date="2000-05-16")
    assert {e.cameo[:2] for e in evs} == {"10"}, [(e.source, e.target, e.cameo) for e in evs]


def test_what_an_ability_enables_is_not_done(coder):
    from dyad import code_text

    evs = code_text("The strikes eliminated the ability of the Serbs to bomb Sarajevo.", date="1995-08-30")
    assert not any(e.cameo.startswith("19") for e in evs), [(e.source, e.target, e.cameo) for e in evs]


def test_an_act_only_claimed_is_coded_as_the_claim(mini_coder):
    # "claimed": the speaker's charge is the news, not the attack (allegation.tsv act=drop)
    assert codes(mini_coder, "Obama claimed that Russian troops attacked Ukraine.") == [("USAGOV", "RUSMIL", "112")]


def test_a_statement_about_events_in_a_place_addresses_its_country(coder):
    from dyad import code_text

    evs = code_text("President Obama expressed sorrow for the horrific shootings in South Carolina.", date="2015-06-18")
    assert {(e.source[:3], e.target[:3], e.cameo[:2]) for e in evs} == {("USA", "USA", "01")}
    # a place inside a clause of the theme is not what the words are about
    evs = code_text("The Kremlin declined to comment on reports that Russian troops were massing near the Ukrainian border.",
                    date="2014-03-18")
    assert evs and all(e.target == "" for e in evs), [(e.source, e.target, e.cameo) for e in evs]


def test_an_act_on_nobody_gives_way_to_events_whose_parties_are_named():
    from dyad.coding.keep import verdicts
    from dyad.model import Event

    def ev(target, cameo):
        return Event(doc_id="d", sentence_id=0, sentence="s", date="2020-01-01", source="USA", target=target,
                     cameo=cameo, source_text="US", target_text=target)

    kept = lambda evs: [e.cameo for e, why in verdicts(evs, [_Tok(i) for i in range(len(evs))]) if why is None]
    # a demand of nobody beside a meeting with Iran is dropped; alone it stays
    assert kept([ev("IRN", "040"), ev("", "100")]) == ["040"]
    assert kept([ev("", "100")]) == ["100"]
    # a concession or a force posture needs no target
    assert kept([ev("IRN", "040"), ev("", "0831")]) == ["040", "0831"]


class _Tok:
    """Just enough of a spaCy token for verdicts(): an independent main clause."""

    def __init__(self, i):
        self.i, self.dep_, self.pos_, self.tag_, self.lower_, self.lemma_ = i, "ROOT", "VERB", "VBD", "x", "x"
        self.head, self.children = self, []


def test_those_accused_are_not_the_accusers(coder):
    from dyad import code_text

    evs = code_text("Kigali hopes a number of French officers accused of taking part in the killings will be tried.",
                    date="2008-08-06")
    assert not [e for e in evs if e.source.startswith("FRA") and e.cameo[:2] == "11"], [(e.source, e.target, e.cameo) for e in evs]


def test_agreeing_to_anything_is_intent_to_cooperate_and_a_named_act_wins(coder):
    from dyad import code_text

    evs = code_text("The Security Council agreed to a six-month extension of the peacekeeping mandate in Lebanon.", date="2006-08-01")
    assert {e.cameo for e in evs} == {"030"}
    evs = code_text("Obama has agreed to lift the sanctions on Iran.", date="2015-06-01")
    assert [(e.source[:3], e.target, e.cameo) for e in evs] == [("USA", "IRN", "0354")]
    # agreeing on a view is accord, and between the parties
    evs = code_text("France and Germany agreed on the need for reform.", date="2015-06-01")
    assert {(e.source, e.target, e.cameo) for e in evs} == {("FRA", "DEU", "019"), ("DEU", "FRA", "019")}


def test_a_resignation_is_a_plover_retreat(coder):
    from dyad import code_text

    evs = code_text("Georgian President Eduard Shevardnadze resigned on Sunday.", date="2003-11-23")
    assert [(e.cameo, e.plover, e.plover_mode) for e in evs] == [("0831", "RETREAT", "resign")]
    # promised, it takes the type of its intent code
    evs = code_text("Georgian President Eduard Shevardnadze will resign.", date="2003-11-23")
    assert evs and all(e.plover != "RETREAT" for e in evs)


def test_what_a_protest_voices_is_not_a_second_event(coder):
    from dyad import code_text

    evs = code_text("Tens of thousands of students throughout Indonesia staged mass demonstrations on Saturday "
                    "to demand political reforms by President Suharto's government.", date="1998-05-16")
    assert [e.cameo[:2] for e in evs] == ["14"], [(e.source, e.target, e.cameo) for e in evs]
    # a demand on its own stays
    evs = code_text("Indonesian students demanded political reforms from President Suharto's government.", date="1998-05-16")
    assert [e.cameo[:2] for e in evs] == ["10"], [(e.source, e.target, e.cameo) for e in evs]


def test_a_negation_stays_on_its_own_conjunct(coder):
    from dyad import code_text

    evs = code_text("Kremlin spokesman Dmitry Peskov accused the West of prolonging the conflict and did not rule out talks.",
                    date="2024-05-14")
    assert ("RUS", "WST", "112") in {(e.source[:3], e.target, e.cameo) for e in evs}
    evs = code_text("Russia said it had not shelled Kharkiv and accused Ukraine of staging the attack.", date="2024-05-14")
    assert {(e.source[:3], e.target[:3], e.cameo[:2]) for e in evs} == {("RUS", "UKR", "11")}
    # "or" carries the negation to both
    assert code_text("Russia did not attack or shell Ukrainian villages.", date="2024-05-14") == []


def test_a_contrast_with_while_is_news_too(coder):
    from dyad import code_text

    evs = code_text("The European Union imposed new sanctions on Russian banks on Wednesday, while Turkish police "
                    "arrested dozens of protesters outside the Russian consulate in Istanbul.", date="2024-05-14")
    assert {e.cameo for e in evs} >= {"163", "173"}, [(e.source, e.target, e.cameo) for e in evs]


@pytest.mark.parametrize("text,expected", [
    ("Germany is worried about the situation in Mali.", ("DEU", "MLI", "012")),
    ("Washington was critical of Israel's settlement policy.", ("USA", "ISR", "111")),
    ("Iran is optimistic about the talks with the United States.", ("IRN", "USA", "013")),
])
def test_predicate_adjectives_are_triggers(coder, text, expected):
    from dyad import code_text

    assert expected in {(e.source[:3], e.target[:3], e.cameo) for e in code_text(text, date="2020-01-01")}


def test_an_adjective_about_nothing_is_no_event(coder):
    from dyad import code_text

    assert code_text("As far as Iran is concerned, the deal is dead.", date="2020-01-01") == []


def test_a_trailing_attribution_is_no_statement(coder):
    from dyad import code_text

    evs = code_text("Kenya will lead a multinational police force to Haiti, the UN said.", date="2023-09-01")
    assert not [e for e in evs if e.cameo[:2] == "01"], [(e.source, e.target, e.cameo) for e in evs]
    evs = code_text("The UN said Kenya would lead a multinational police force.", date="2023-09-01")
    assert [(e.source[:3], e.target, e.cameo) for e in evs] == [("IGO", "KEN", "010")]


def test_a_go_between_is_not_a_party_to_the_ceasefire(coder):
    from dyad import code_text

    evs = code_text("Sudan's army and the Rapid Support Forces agreed to a ceasefire brokered by the United States.",
                    date="2023-09-01")
    got = {(e.source, e.target[:3], e.cameo[:2]) for e in evs}
    assert ("SDNMIL", "SDN", "03") in got and not [g for g in got if g[0].startswith("SDN") and g[1] == "USA"], got


def test_the_pope_by_date(coder):
    from dyad import code_text

    for day, text in (("2015-09-22", "Pope Francis"), ("1998-01-21", "Pope John Paul II")):
        evs = code_text(f"{text} visited Cuba.", date=day)
        assert ("VATREL", "CUB", "042") in {(e.source, e.target, e.cameo) for e in evs}


def test_hurt_in_clashes_with_someone_names_the_doer(coder):
    from dyad import code_text

    evs = code_text("Kosovo police officers were injured in clashes with Serb protesters in Zvecan.", date="2023-05-29")
    # the doer from the clash, and Kosovo as the lexicon codes it (KSV), not the ISO XKX
    assert {(e.source, e.target) for e in evs} == {("SRBOPP", "KSVCOP")}
    evs = code_text("Gunmen attacked a police station in Mitrovica.", date="2023-05-29")
    assert {e.source for e in evs} == {"KSVUAF"}


def test_a_rejection_without_a_named_author_and_a_statement_about_ones_own_country(coder):
    from dyad import code_text

    evs = code_text("The Venezuelan opposition rejected the official results of the presidential election.", date="2024-07-30")
    assert [(e.source, e.target, e.cameo) for e in evs] == [("VENOPP", "", "120")]
    evs = code_text("President Emmanuel Macron said France was ready.", date="2024-07-30")
    assert evs == [], [(e.source, e.target, e.cameo) for e in evs]


def test_parties_acting_together_somewhere_act_with_each_other(coder):
    from dyad import code_text

    evs = code_text("The Ethiopian government and Tigrayan forces signed a peace deal in Pretoria.", date="2022-11-02")
    assert {(e.source[:3], e.target[:3], e.cameo) for e in evs} == {("ETH", "ETH", "057")}
    assert all(e.target for e in evs) and not [e for e in evs if e.target.startswith("ZAF")]
    evs = code_text("Bangladesh and Myanmar signed a deal on the return of Rohingya refugees.", date="2017-11-23")
    assert {(e.source, e.target) for e in evs} == {("BGD", "MMR"), ("MMR", "BGD")}
    evs = code_text("Israel and Hamas agreed to a four-day truce to allow the exchange of hostages and prisoners.",
                    date="2023-11-22")
    assert {(e.source[:3], e.target[:3]) for e in evs} == {("ISR", "PSE"), ("PSE", "ISR")}
    evs = code_text("Gunmen abducted more than 100 schoolchildren from a school in northwestern Nigeria.", date="2021-03-12")
    assert {(e.source, e.target, e.cameo) for e in evs} == {("NGAUAF", "NGAEDU", "181")}


def test_what_someone_is_called_on_to_do_is_not_done(coder):
    from dyad import code_text

    evs = code_text("The African Union called on both sides in Sudan to agree to a ceasefire and allow humanitarian access.",
                    date="2023-09-01")
    assert {e.cameo[:2] for e in evs} == {"02"}, [(e.source, e.target, e.cameo) for e in evs]


def test_a_sentence_with_no_court_named_is_the_courts_of_the_one_sentenced(coder):
    from dyad import code_text

    evs = code_text("Cambodia's opposition leader Kem Sokha was sentenced to 27 years of house arrest for treason.",
                    date="2023-03-03")
    assert {(e.source, e.target, e.cameo) for e in evs} == {("KHMJUD", "KHMOPP", "173")}
    evs = code_text("Five activists were arrested in Minsk.", date="2023-03-03")
    assert {e.source for e in evs} == {"BLRCOP"}


def test_what_someone_is_made_to_do_happens_and_is_theirs(coder):
    from dyad import code_text

    evs = code_text("The offensive prompted Russia to send tanks across the border.", date="2008-08-08")
    # Russia sends, and its own tanks, sent to no one, are a deployment (roots.tsv deployment), no target
    assert {(e.source, e.target, e.cameo[:2]) for e in evs} == {("RUS", "", "15")}


def test_a_preposition_with_its_own_object_is_no_particle(coder):
    from dyad import code_text

    evs = code_text("Somali pirates hijacked a Ukrainian ship carrying 33 tanks off the coast of Somalia.", date="2008-09-26")
    assert {(e.source[:3], e.target[:3], e.cameo) for e in evs} == {("SOM", "UKR", "181")}
    evs = code_text("Gunmen carried off 30 girls from the school in Nigeria.", date="2014-04-15")
    assert {(e.source, e.target, e.cameo) for e in evs} == {("NGAUAF", "NGACVL", "181")}


def test_each_other_is_between_the_subjects(coder):
    from dyad import code_text

    evs = code_text("Canada and India expelled each other's diplomats in a row over the killing of an activist.", date="2023-10-20")
    assert {(e.source, e.target, e.cameo) for e in evs} == {("CAN", "IND", "161"), ("IND", "CAN", "161")}


def test_admitting_a_state_is_not_admitting_a_fault(coder):
    from dyad import code_text

    evs = code_text("The United Nations General Assembly voted to admit Palestine as a non-member observer state.", date="2012-11-29")
    assert {(e.target, e.cameo[:3]) for e in evs} == {("PSE", "054")}


def test_ones_own_envoys_and_deep_troops(coder):
    from dyad import code_text

    evs = code_text("Serbia withdrew its ambassadors from countries that recognised Kosovo's independence.", date="2008-02-20")
    assert [(e.source, e.target, e.cameo) for e in evs] == [("SRB", "", "161")]
    evs = code_text("Iraqi Prime Minister Nouri al-Maliki demanded a timetable for the withdrawal of US troops.", date="2008-06-13")
    assert [(e.source, e.target) for e in evs] == [("IRQGOV", "USAMIL")]


def test_what_parties_discuss_is_no_party(coder):
    from dyad import code_text

    evs = code_text("The Kremlin said Putin and Trump discussed Ukraine in a phone call on Tuesday.", date="2025-03-18")
    assert {(e.source, e.target) for e in evs} == {("RUSGOV", "USAGOV"), ("USAGOV", "RUSGOV")}


def test_looting_a_place(coder):
    from dyad import code_text

    evs = code_text("Sudanese paramilitary forces looted the main market in El Fasher, residents said.", date="2024-05-20")
    assert {(e.source[:3], e.target, e.cameo) for e in evs} == {("SDN", "SDN", "1711")}


def test_a_negated_complement_does_not_match_the_pattern_it_would_complete(coder):
    from dyad import code_text

    evs = code_text("Iranian President Mahmoud Ahmadinejad dismissed a fresh UN sanctions resolution as worthless, "
                    "vowing that Iran would not halt uranium enrichment.", date="2008-07-15")
    assert {(e.source, e.target, e.cameo) for e in evs} == {("IRNGOV", "IGOUNO", "120")}


def test_its_supporters_are_the_party_its_refers_to(coder):
    from dyad import code_text

    evs = code_text("The opposition Movement for Democratic Change said its supporters had been beaten by militias "
                    "loyal to President Robert Mugabe.", date="2008-07-15")
    assert ("ZWEOPPMDC", "18") in {(e.target, e.cameo[:2]) for e in evs}


def test_an_act_in_writing_is_its_signers(coder):
    from dyad import code_text

    evs = code_text("US President George W. Bush signed a law imposing new sanctions on Myanmar's military rulers.",
                    date="2008-07-29")
    assert {(e.source, e.target, e.cameo) for e in evs} == {("USAGOV", "MMRGOV", "163")}


def test_a_passive_doer_hung_on_its_time_phrase_is_still_named(coder):
    from dyad import code_text

    # the parser hangs "in an Israeli airstrike" on "dawn": the airstrike names the doer and weapon
    evs = code_text("Two Palestinians have been killed on Thursday dawn in an Israeli airstrike that shook Rafah city.",
                    date="2017-02-09")
    assert {(e.source[:3], e.target[:3], e.cameo) for e in evs} == {("ISR", "PSE", "195")}
    assert code_text("Six people were killed on Monday in clashes.", date="2017-02-09") == []
