"""Verb and noun senses added in a lexicon coverage pass (invented sentences).

Each case: a sentence, and an event (source country, target country, CAMEO code)
that must be among those coded. Countries are compared on their first three
letters, codes in full.
"""

import pytest

from conftest import coded as _events


@pytest.mark.parametrize(
    "text, expected",
    [
        # 100 demand: ordering or instructing another party to act
        ("A Kenyan court ordered the Ugandan ambassador to explain the remarks.", ("KEN", "UGA", "100")),
        ("The Kenyan government instructed the Ugandan envoy to return the documents.", ("KEN", "UGA", "100")),
        # 1721: ordering a news outlet to stop publishing; imposing a news blackout
        ("The Zambian government ordered the opposition newspaper to cease publication.", ("ZMB", "ZMB", "1721")),
        ("The Zambian government imposed a news blackout on the opposition strike.", ("ZMB", "ZMB", "1721")),
        # 045 mediate: a mediation effort or mission between parties
        ("Norway launched a mediation effort between Colombia and Venezuela.", ("NOR", "COL", "045")),
        ("Norway undertook a mediation mission between Colombia and Venezuela.", ("NOR", "VEN", "045")),
        ("Norway's mediation effort between Colombia and Venezuela stalled.", ("NOR", "COL", "045")),
        # 126 reject mediation: opposing another party's mediation
        ("Venezuela opposed Brazilian mediation in the dispute.", ("VEN", "BRA", "126")),
        # 171 cyber attacks: hacking, defacing web sites
        ("Iranian hackers hacked into Saudi government computers.", ("IRN", "SAU", "171")),
        ("Iranian hackers defaced hundreds of Saudi websites.", ("IRN", "SAU", "171")),
        ("Iran launched a cyberattack on Saudi Arabia.", ("IRN", "SAU", "171")),
        # 081 / 0811 ease restrictions: cancelling, abolishing, striking down
        ("The Zambian government cancelled restrictions on Malawian traders.", ("ZMB", "MWI", "081")),
        ("A Zambian court struck down the ban on opposition rallies.", ("ZMB", "ZMB", "0811")),
        # 162 stop aid: banning or prohibiting aid to someone
        ("Canada banned all aid to Sudanese rebels.", ("CAN", "SDN", "162")),
        # 160 reduce relations: travel warnings against a country
        ("Canada issued a travel warning for Haiti.", ("CAN", "HTI", "160")),
        ("Canada advised against travel to Haiti.", ("CAN", "HTI", "160")),
        # 160: suspension of air links, noun and light-verb forms
        ("Canada announced a suspension of flights to Haiti.", ("CAN", "HTI", "160")),
        # 090 investigate: ordering an inquiry
        ("Canada ordered an inquiry into Haitian customs fraud.", ("CAN", "HTI", "090")),
        # 0841 release: ordering the release of prisoners
        ("The Zambian president ordered the release of Malawian prisoners.", ("ZMB", "MWI", "0841")),
        # 043 host: according a reception to a visitor
        ("Zambia accorded a warm reception to the Malawian president.", ("ZMB", "MWI", "043")),
        # 080 yield: giving or granting another party permission
        ("Zambia gave permission to Malawi to use its airspace.", ("ZMB", "MWI", "080")),
        ("Zambia granted Malawi permission to use its airspace.", ("ZMB", "MWI", "080")),
        # 045 mediate: acting or serving as mediator
        ("Norway acted as a mediator between Colombia and Venezuela.", ("NOR", "VEN", "045")),
        # 064 share intelligence: the recipient as indirect object
        ("Canada provided Haiti with satellite imagery.", ("CAN", "HTI", "064")),
        ("Canada gave Haiti intelligence on gang movements.", ("CAN", "HTI", "064")),
        # 09 investigate: placing someone under investigation
        ("Zambian police placed the Malawian ambassador under investigation.", ("ZMB", "MWI", "09")),
        # 010 statement: a reminder issued to another party
        ("Canada issued a reminder to Haiti about the summit.", ("CAN", "HTI", "010")),
    ],
)
def test_added_sense_is_coded(text, expected):
    assert expected in _events(text)


@pytest.mark.parametrize(
    "text, code",
    [
        # "order" with a noun object is no demand on the actor named inside it
        ("Putin ordered an invasion of Ukraine.", "100"),
        ("The Zambian president ordered the release of Malawian prisoners.", "100"),
        # a power blackout is no restriction on the press
        ("The Zambian utility imposed rolling power blackouts on the capital.", "1721"),
        # the more specific existing sense still wins over the new general one
        ("Putin ordered the Russian army to withdraw from the border.", "100"),
        # refusing permission is a refusal, not a concession
        ("Zambia refused to give permission to Malawi to use its airspace.", "080"),
    ],
)
def test_added_sense_does_not_overreach(text, code):
    assert all(c != code for _, _, c in _events(text))
