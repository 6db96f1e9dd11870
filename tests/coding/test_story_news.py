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
