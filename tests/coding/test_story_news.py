"""What is news in a whole story (keep.story_verdicts), on invented stories: a sentence
that recaps earlier events beside the story's news is background, and an act told again
in a later sentence is one event."""


def coded(text: str, date: str = "2021-06-10"):
    from dyad import code_text

    return [(e.sentence_id, e.source[:3], e.target[:3], e.cameo[:2]) for e in code_text(text, date=date)]


RECAP = "Putin met Erdogan in Sochi last November."
NEWS = "Russian troops shelled Ukrainian positions near Kharkiv on Wednesday."


def test_a_recap_beside_the_news_is_background():
    events = coded(NEWS + " " + RECAP)
    assert any(e[1:] == ("RUS", "UKR", "19") for e in events)
    assert not any(e[0] == 1 for e in events), events


def test_a_story_of_earlier_events_only_keeps_them():
    assert any(e[1:3] == ("RUS", "TUR") for e in coded(RECAP))


def test_an_act_told_again_is_one_event():
    text = ("Kenya expelled Somalia's ambassador on Friday. "
            "The foreign ministry said Kenya expelled Somalia's ambassador over the border dispute.")
    events = coded(text, "2021-06-12")
    assert [e for e in events if e[1:] == ("KEN", "SOM", "16")] == [(0, "KEN", "SOM", "16")]


def test_explain_says_why_a_recap_was_dropped():
    from dyad.api import explain

    sentences = explain(NEWS + " " + RECAP, "2021-06-10")
    assert not sentences[1]["events"]
    assert any("recap" in c.dropped for c in sentences[1]["candidates"])


def test_a_bare_statement_beside_the_storys_acts_is_not_its_news():
    said = "Putin said Russia and China had a common view."
    alone = coded(said)
    assert any(e[3] == "01" for e in alone)
    events = coded(NEWS + " " + said)
    assert not any(e[3] == "01" for e in events) and any(e[3] == "19" for e in events)


def test_an_act_on_nobody_named_gives_way_to_the_storys_dyads():
    aid = "The World Health Organization sent medical supplies on Thursday."
    assert any(e[1:] == ("IGO", "", "07") for e in coded(aid))  # alone, it is the story's news
    events = coded(NEWS + " " + aid)
    assert any(e[1:] == ("RUS", "UKR", "19") for e in events)
    assert not any(e[3] == "07" for e in events), events


def test_an_intent_to_cooperate_with_no_partner_gives_way_too():
    promise = "The Malian junta promised a return to constitutional order."
    assert any(e[1:] == ("MLI", "", "03") for e in coded(promise))
    assert not any(e[3] == "03" for e in coded(NEWS + " " + promise))


# A story set in one country: its sentences name Mali and its capital again and again.
COUP = ("Soldiers in Mali seized the presidential palace in Bamako on Tuesday and detained President Keita. "
        "Malian troops arrested the prime minister in Bamako. "
        "Residents of Bamako said the streets of the Malian capital were quiet.")


def test_an_act_on_nobody_named_is_aimed_at_the_storys_place():
    events = coded(COUP + " The African Union condemned Tuesday's coup.", "2020-08-19")
    assert any(e[1:] == ("IGO", "MLI", "11") for e in events), events


def test_aid_sent_to_the_scene_goes_to_the_storys_place():
    quake = ("An earthquake struck the Afghan provinces of Wardak and Logar on Monday, south of Kabul. "
             "Afghan officials in Kabul said dozens of villages in Afghanistan were destroyed. "
             "Taliban fighters attacked Afghan police in Kabul on Monday. "
             "The World Food Programme sent food to the worst-affected families.")
    events = coded(quake, "2021-06-10")
    assert any(e[1:] == ("IGO", "AFG", "07") for e in events), events


def test_no_story_place_when_no_country_leads():
    events = coded(NEWS + " The World Health Organization sent medical supplies on Thursday.")
    assert not any(e[3] == "07" for e in events), events


def test_a_state_is_no_story_place_target_of_its_own_force_or_relations():
    from dyad.coding.keep import aim_at_story_place
    from dyad.lexicon.loader import default_lexicon
    from dyad.model import Event

    roots = default_lexicon().roots

    def ev(source, code):
        return Event("d", 0, "", None, source, "", code)

    assert not aim_at_story_place(ev("MLIMIL", "190"), "MLI", roots)  # troops firing at home
    assert not aim_at_story_place(ev("MLI", "160"), "MLI", roots)  # closing one's own borders
    police = ev("MLICOP", "175")
    assert aim_at_story_place(police, "MLI", roots) and police.target == "MLI"  # tear gas at home
    assert aim_at_story_place(ev("MLIMIL", "190"), "NER", roots)  # force abroad
    assert not aim_at_story_place(ev("IGOUNO", "040"), "MLI", roots)  # a meeting needs a partner


def test_an_act_on_nobody_beside_named_parties_in_its_sentence_is_aimed_at_the_storys_place():
    appeal = "The United States urged the release of President Keita and called for the constitution to be respected."
    alone = coded(appeal, "2020-08-19")
    assert not any(e[1] == "USA" and e[3] == "02" and not e[2] for e in alone), alone  # dropped beside the release
    events = coded(COUP + " " + appeal, "2020-08-19")
    assert any(e[1:] == ("USA", "MLI", "02") for e in events), events


def test_an_old_act_on_nobody_is_no_news_of_the_storys_place():
    from dyad.coding.keep import story_verdicts
    from dyad.model import Event

    def ev(sid, source, target, code, **evidence):
        return Event("d", sid, "", None, source, target, code, evidence=dict(evidence))

    news = ev(0, "MLIMIL", "MLIGOV", "173")
    recent = ev(1, "MLIREB", "", "190", unaimed_beside=True)
    old = ev(1, "MLIREB", "", "192", unaimed_beside=True, age=3000)
    dropped = {e.cameo: why for e, why in story_verdicts([news, recent, old], place="MLI")}
    assert dropped["173"] is None and dropped["190"] is None and recent.target == "MLI"
    assert "recap" in dropped["192"]


def test_a_hope_for_nobody_named_beside_the_storys_acts_is_an_aside():
    hope = "India is hoping for progress on trade."
    assert any(e[1:] == ("IND", "", "01") for e in coded(hope))  # alone, it is the story's news
    events = coded(NEWS + " " + hope)
    assert any(e[1:] == ("RUS", "UKR", "19") for e in events)
    assert not any(e[3] == "01" for e in events), events


def test_a_hope_aimed_at_someone_stays_beside_the_storys_acts():
    hope = "China expressed hope for better relations with India."
    assert any(e[1:] == ("CHN", "IND", "01") for e in coded(hope))
    events = coded(NEWS + " " + hope)
    assert any(e[1:] == ("CHN", "IND", "01") for e in events), events
