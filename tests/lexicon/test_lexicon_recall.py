"""Verb and noun senses added in a recall pass (invented sentences).

Each case: a sentence, and an event (source country, target country, CAMEO code)
that must be among those coded, or a sentence that must not give that code.
Countries are compared on their first three letters ("" for no target), codes in full.
"""

import pytest

from conftest import coded as _events


@pytest.mark.parametrize(
    "text, expected",
    [
        # 111 condemning an act whose doer is not named
        ("The United Nations condemned the bombing.", ("IGO", "", "111")),
        # 152 forces put on a level of readiness
        ("Serbia put its army on the highest level of combat readiness.", ("SRB", "", "152")),
        # 120 a rejection whose author is not named
        ("Kenya's opposition party rejected the official election results.", ("KEN", "", "120")),
        # 190 clash with no named opponent: armed forces or fighters on both sides
        ("Indian and Pakistani troops clashed along the disputed frontier on Sunday.", ("IND", "PAK", "190")),
        ("Indian and Pakistani troops clashed along the disputed frontier on Sunday.", ("PAK", "IND", "190")),
        ("Sudanese soldiers and rebels clashed near the town of Kadugli.", ("SDN", "SDN", "190")),
        # 051 endorse another's bid or application
        ("Hungary's parliament approved Sweden's bid to join the alliance.", ("HUN", "SWE", "051")),
        ("Germany backed Ukraine's application for membership of the bloc.", ("DEU", "UKR", "051")),
        # 061 purchases and imports of another country's goods
        ("India resumed purchases of Venezuelan crude oil last month.", ("IND", "VEN", "061")),
        ("China's imports of Brazilian soybeans rose sharply in May.", ("CHN", "BRA", "061")),
        # 063 approving an extradition to another country
        ("A Dutch court approved the extradition of the businessman to Belgium.", ("NLD", "BEL", "063")),
        ("The Argentine government ordered the extradition of the suspect to Chile.", ("ARG", "CHL", "063")),
        # 144 blocking transport or traffic into a place
        ("Malian rebels blocked traffic into Bamako on Monday.", ("MLI", "MLI", "144")),
        # 153 police deployments named as officers
        ("The Kenyan government deployed hundreds of police officers in Nairobi.", ("KEN", "", "153")),
        # 190 targeting or damaging the other side's forces or people; 163 when sanctions do it
        ("Ethiopian troops targeted Eritrean border posts overnight.", ("ETH", "ERI", "190")),
        ("The Armenian army responded, damaging several Azerbaijani positions.", ("ARM", "AZE", "190")),
        ("Canada targeted Belarusian officials with new sanctions.", ("CAN", "BLR", "163")),
        ("The new British sanctions target Russian banks.", ("GBR", "RUS", "163")),
        # 145 breaking into an embassy or breaching its walls
        ("Angry demonstrators broke into the French embassy in Tunis on Friday.", ("TUN", "FRA", "145")),
        ("Students breached the walls of the Iraqi embassy in Stockholm.", ("SWE", "IRQ", "145")),
        # 114 a chargé d'affaires summoned, however spelled; a demarche issued
        ("Lithuania summoned the Belarusian Charge d'Affaires on Tuesday.", ("LTU", "BLR", "114")),
        ("The Chilean foreign ministry issued a demarche to the Bolivian ambassador.", ("CHL", "BOL", "114")),
    ],
)
def test_sense_is_coded(text, expected):
    assert expected in _events(text)


@pytest.mark.parametrize(
    "text, code",
    [
        # politicians clashing over a budget is no fight
        ("Kenyan opposition leaders clashed over the budget on Tuesday.", "190"),
        # sanctions that target someone are no force
        ("The new British sanctions target Russian banks.", "190"),
        # an application for a permit is not someone's bid to be endorsed
        ("The Kenyan minister approved the budget for the new road.", "051"),
        # extradition of a person with no receiving country named: no 063 to the person
        ("A Dutch court approved the extradition of a Belgian businessman.", "063"),
        # officers of an army sent somewhere are not a police deployment
        ("The Kenyan army sent officers to the border.", "153"),
    ],
)
def test_sense_is_not_coded(text, code):
    assert not any(c == code for _, _, c in _events(text))
