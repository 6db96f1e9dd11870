"""Patterns narrowed in a precision pass (invented sentences).

For each fix: a sentence in which the words are used in another sense and must no
longer give the wrong code, and one in which the pattern's own sense must still be
coded. Countries are compared on their first three letters, codes in full.
"""

import pytest

from conftest import coded as _events


def _codes(text):
    return {c for _, _, c in _events(text)}


@pytest.mark.parametrize(
    "text, wrong",
    [
        # kill/shoot/attack students, activists, mourners: an ordinary killing or attack, not crowd repression (175)
        ("Gunmen killed three students at a college in Nigeria.", "175"),
        ("Militants attacked mourners at a funeral in Pakistan.", "175"),
        # beat = defeat: sports and elections are no physical assault (182)
        ("Portugal beat Spain 3-1 in a friendly in Lisbon.", "182"),
        ("Ghana beat Nigeria on penalties in the final.", "182"),
        # train: any instruction, not military aid (072)
        ("The Indian firm trained 300 nurses in Kenya.", "072"),
        # approving a budget is no economic aid (071)
        ("The Dutch cabinet approved the budget for next year.", "071"),
        # mobilize: resources, voters and supporters are no armed forces (154)
        ("The Kenyan opposition mobilized voters ahead of the election.", "154"),
        ("The Peruvian government mobilized funds to rebuild roads after the floods.", "154"),
        # "approved the extradition of": the of-phrase belongs to the object, no praise (051)
        ("A Polish court approved the extradition of the businessman to Germany.", "051"),
        # "took over the country in a coup": no taking in of refugees (073, 075)
        ("The Malian army took over the country in a coup.", "073"),
        ("The Malian army took over the country in a coup.", "075"),
        # a state closing a border crossing or an airport is not a protest blockade (144)
        ("The Greek government closed the Turkish border crossing.", "144"),
        ("Egyptian authorities sealed the Rafah crossing with Gaza.", "144"),
        # a verbal attack over remarks or a stance is criticism, not an armed attack (190)
        ("The Czech minister attacked the Slovak premier over his remarks.", "190"),
        # occupying a leading position is no military occupation (192)
        ("Chile occupies a leading position in world copper exports.", "192"),
        # rules = regulations: a protest against them is no demand for regime change (1414)
        ("Dutch farmers protested against new EU nitrogen rules.", "1414"),
        # political detentions are arrests, not restrictions on freedoms (1721)
        ("Turkish police detained a Kurdish journalist in Diyarbakir.", "1721"),
        # blocking access to a web site is not refusing international involvement (1245)
        ("The Turkish government blocked access to Wikipedia.", "1245"),
    ],
)
def test_wrong_sense_no_longer_coded(text, wrong):
    assert wrong not in _codes(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # 175: killing and shooting protesters, beating students
        ("Sudanese police killed four protesters in Omdurman.", ("SDN", "SDN", "175")),
        ("Iranian police beat students in Tehran.", ("IRN", "IRN", "175")),
        # 182: beating people
        ("Egyptian police beat a journalist in Alexandria.", ("EGY", "EGY", "182")),
        ("Israeli settlers beat a Palestinian shepherd near Hebron.", ("ISR", "PSE", "182")),
        # 072: training another party's forces
        ("Britain trained Ukrainian soldiers in Wales.", ("GBR", "UKR", "072")),
        ("The United States trained Syrian rebels in Jordan.", ("USA", "SYR", "072")),
        # 071: approving a loan
        ("The World Bank approved a $500 million loan to Kenya.", ("IGO", "KEN", "071")),
        # 154: mobilizing troops and reservists
        ("Armenia mobilized reservists for the war against Azerbaijan.", ("ARM", "AZE", "154")),
        # 075 / 073: taking in refugees
        ("Uganda took in thousands of South Sudanese refugees.", ("UGA", "SSD", "073")),
        # 160: closing a border crossing to a neighbour
        ("Poland closed its border crossings with Belarus.", ("POL", "BLR", "160")),
        # 144: protesters closing roads
        ("Chilean protesters closed the main highway to Santiago.", ("CHL", "CHL", "144")),
        # 111: verbal attacks
        ("The Czech minister attacked the Slovak premier over his remarks.", ("CZE", "SVK", "111")),
        ("The French president attacked Britain for its stance on fishing.", ("FRA", "GBR", "111")),
        # 190: armed attacks
        ("Syrian rebels attacked the army near Idlib.", ("SYR", "SYR", "190")),
        # 192: occupying a town
        ("Turkish troops occupied the Syrian town of Afrin.", ("TUR", "SYR", "192")),
        # 1414: protest against military rule
        ("Thousands of Sudanese protested against military rule in Khartoum.", ("SDN", "SDN", "1414")),
        # 173: detaining journalists and activists
        ("Egyptian police arrested a prominent activist in Cairo.", ("EGY", "EGY", "173")),
        # 1721 and 1245: blocking web sites; barring inspectors
        ("The Turkish government blocked access to Wikipedia.", ("TUR", "", "1721")),
        ("Iran blocked access to UN inspectors.", ("IRN", "IGO", "1245")),
    ],
)
def test_right_sense_still_coded(text, expected):
    assert expected in _events(text)
