"""Classes of events real news states (intent vs act, threats, rejections, aid,
criticism, force), each with invented sentences, never sentences of a gold set.

Each case: a sentence, and an event (source country, target country, CAMEO code) that
must be among those coded ("" for no target), or that must not be.
"""
import pytest

from conftest import coded




CODED = [
    # threats: retaliation or force promised, often on a condition (138); consequences
    # foretold (130); the right to respond kept in reserve (138)
    ("Syria said it would retaliate if Israel struck again.", ("SYR", "ISR", "138")),
    ("Greece will respond militarily to any Turkish provocation, the defence minister said.", ("GRC", "TUR", "138")),
    ("Iran said it reserves the right to respond to any attack by Israel.", ("IRN", "ISR", "138")),
    ("The Iranian foreign minister said there would be grave consequences for Washington.", ("IRN", "USA", "130")),
    ("Egypt warned that there would be serious repercussions if Ethiopia filled the dam.", ("EGY", "ETH", "130")),
    ("The Iranian foreign minister condemned the American decision and said there would be grave consequences.",
     ("IRN", "USA", "130")),
    # a generic act done by means of another is that act; a generic act that names no one,
    # with a participle that names whom it hit, is that participle's act
    ("Pakistan retaliated by expelling two Indian diplomats.", ("PAK", "IND", "161")),
    ("Indian troops retaliated, killing three Pakistani soldiers.", ("IND", "PAK", "190")),
    ("Pakistani troops retaliated against Indian positions along the Line of Control.", ("PAK", "IND", "190")),
    # criticism: calling someone or their act names (111), however the adjective is parsed
    ("Russia called the new US sanctions outrageous and unacceptable.", ("RUS", "USA", "111")),
    ("The Turkish president called Israel a terrorist state.", ("TUR", "ISR", "111")),
    ("France and Germany condemned each other.", ("FRA", "DEU", "111")),
    # how long an act lasted is no object of its own: the talks are what was held
    ("Greek and Turkish diplomats held three hours of talks in Ankara on Monday.", ("GRC", "TUR", "046")),
    ("The foreign ministry of Iran called the Israeli strike a violation of international law.", ("IRN", "ISR", "111")),
]

# the purpose of an act that is coded is not coded again; a purpose whose act is not
# coded still is
PURPOSE = [
    ("China and Kiribati signed a joint communique to establish diplomatic relations.", ("CHN", "KIR", "057")),
    ("The United Nations sent a team of investigators to Syria to investigate the attack.", ("IGO", "SYR", "090")),
]
PURPOSE_NOT = [
    ("China and Kiribati signed a joint communique to establish diplomatic relations.", ("CHN", "", "054")),
    ("The UAE sent a relief plane to Brazil to help the victims of the floods.", ("ARE", "BRA", "070")),
    ("Greek and Turkish diplomats met in Ankara on Monday to try to reduce tension.", ("GRC", "", "087")),
]

# aid: planes, ships and convoys of aid sent (073); arms, armoured vehicles and patrol
# ships, and anything given to an army, are military assistance (072)
AID = [
    ("The UAE sent a relief plane to Brazil to help the victims of the floods.", ("ARE", "BRA", "073")),
    ("Turkey dispatched an aid ship to Gaza.", ("TUR", "PSE", "073")),
    ("NATO allies have provided Ukraine with 1,550 armoured vehicles and 230 tanks.", ("IGO", "UKR", "072")),
    ("Japan supplied Indonesia with ten patrol ships.", ("JPN", "IDN", "072")),
    ("The Indian Army gifted ten trucks to the Nepal Army on Monday.", ("IND", "NPL", "072")),
    ("Japan donated 20 ambulances to Sri Lanka.", ("JPN", "LKA", "070")),
    # a convoy of aid reaching a place is aid to that place's country
    ("The first convoy of Turkish food aid reached Kabul on Monday.", ("TUR", "AFG", "073")),
    ("Rebels ambushed a convoy of Afghan troops near Kabul.", ("AFG", "AFG", "190")),
]
# words that are themselves the news stand beside the sentence's other events
SPEECH = [
    ("The Thai prime minister said he was optimistic that Cambodia would withdraw its troops.", ("THA", "KHM", "013")),
]
# acts in a series by one source: a bare number as object counts people ("captured
# eight": detained by the army, 173); a participle or conjunct that names no one is aimed at
# whom the series' verb is ("attacked a base, killing one and seizing vehicles"; "protested
# against North Korea and condemned the launch"); a crowd defying a curfew defies its own
# government (128)
SERIES = [
    ("Colombia's army said it killed six FARC rebels and captured eight on Tuesday.", ("COL", "COL", "173")),
    ("Al Shabaab attacked a Somali military base on Sunday, killing one person and seizing vehicles and other equipment.",
     ("SOM", "SOM", "1711")),
    ("Japan protested against North Korea and strongly condemned the missile launch.", ("JPN", "PRK", "111")),
    ("Protesters in Kathmandu ignored a curfew and set fire to a police station.", ("NPL", "NPL", "128")),
]
# a participle set off by a comma after an object is the clause's own act, not a part of
# the object ("rejected an ultimatum from the rebels, accusing Rwanda of backing them")
SERIES.append(("The Congolese government rejected an ultimatum from the rebels, accusing Rwanda of backing the rebellion.",
               ("COD", "RWA", "112")))
# an appeal or demand is coded by the act asked for (the mirror of its intent code), an
# accusation by what it charges (charges.tsv)
ABOUT = [
    ("Ukraine demanded that Russia release the detained Ukrainian journalists.", ("UKR", "RUS", "1053")),
    ("Russia demanded that U.S. soldiers leave Syria.", ("RUS", "USA", "1056")),
    ("The Kenyan opposition urged the president to resign.", ("KEN", "KEN", "0241")),
    ("Congo accused Rwanda of sending 500 commandos into eastern Congo.", ("COD", "RWA", "1123")),
    ("Chad blamed Sudan for the rebel raids.", ("TCD", "SDN", "1123")),
]
# someone "on a visit to" a country visits it (042, and is hosted, 043); "during a visit" is
# the background of the act it frames
VISITS = [
    ("German President Steinmeier on a visit to Tanzania expressed his shame at colonial crimes.", ("DEU", "TZA", "042")),
    ("German President Steinmeier on a visit to Tanzania expressed his shame at colonial crimes.", ("TZA", "DEU", "043")),
]
# talks with someone that led to the news are the news actor's own meeting (040), not the
# background of an earlier act of others
VISITS.append(("Nigerian labour unions suspended a planned strike after talks with the government on Monday.",
               ("NGA", "NGA", "040")))
# protests: a crowd mobilized is a demonstration (141); protests or strikes vowed or
# threatened are a threat of dissent (133), in a participle too
PROTESTS = [
    ("Venezuelan opposition leaders mobilized a million demonstrators on Thursday, vowing weekly mass protests against Maduro.",
     ("VEN", "VEN", "141")),
    ("Venezuelan opposition leaders mobilized a million demonstrators on Thursday, vowing weekly mass protests against Maduro.",
     ("VEN", "VEN", "133")),
    ("French unions threatened a general strike over the pension reform.", ("FRA", "", "133")),
]
# a criticism in a participle at the end of demanded or reported words is the speaker's own
SERIES.append(("Russia demanded on Thursday that U.S. soldiers leave Syria, denouncing the United States as an occupying force.",
               ("RUS", "USA", "111")))
# intent: hoping to meet is the intent to meet (036), through the model's misread lemma
# ("hoped" as "hop"); the hope itself adds nothing
INTENT = [
    ("The Indian and Pakistani ministers also hoped to meet each other over the next two months.", ("IND", "PAK", "036")),
]
# "any" after a refusal is a refusal of any such act
INTENT.append(("The Turkish government has refused to commit to any direct assistance to the US-led war against Iraq.",
               ("TUR", "USA", "122")))
INTENT += [
    # ruling out an act refuses it (a phrasal governor); a decision is the act itself
    ("The Nepalese authorities have ruled out resuming peace talks with Maoist rebels.", ("NPL", "NPL", "125")),
    ("The Greek government decided to expel two Russian diplomats.", ("GRC", "RUS", "161")),
    # troops offered, or sent to help a peacekeeping mission, are peacekeeping (0334, 074);
    # one's own troops are what one offers, not a target
    ("The Guatemalan Army plans to send troops to Congo to help the UN peacekeeping mission there.", ("GTM", "COD", "0334")),
    ("France offered 200 new troops for the force in Lebanon.", ("FRA", "LBN", "0334")),
]
AID += [("Two U.S. military planes brought food, tents and lanterns to quake-ravaged central China.", ("USA", "CHN", "073"))]
# a formal objection issued is a formal complaint
PROTESTS += [("The Chinese foreign ministry issued a protest to Japan over the visit.", ("CHN", "JPN", "114"))]
# denials: allegations called or said to be false are denied (016), aimed at the accuser
# the allegation's phrase names; what an allegation says is not coded
# a speaker who reports force against civilians or itself accuses the doer (112)
DENIALS = [
    ("The Syrian Observatory said Syrian government forces killed eight civilians in an air strike.", ("SYR", "SYR", "112")),
    ("A US spokesman said Evo Morales' accusations were baseless.", ("USA", "BOL", "016")),
    ("Rwanda denied Congo's accusations.", ("RWA", "COD", "016")),
    ("The Indian government termed the Pakistani allegations baseless.", ("IND", "PAK", "016")),
]
# support: bolstering someone's stand, siding with someone (051)
SUPPORT = [
    ("Turkey sided with Azerbaijan in the dispute over Karabakh.", ("TUR", "AZE", "051")),
    ("The Chinese president bolstered the Russian government's opposition to NATO expansion.", ("CHN", "RUS", "051")),
]
# troops arriving somewhere are deployed there (154), peacekeepers keep the peace (074);
# neither is a visit
VISITS += [
    ("Russian troops arrived in Kazakhstan on Thursday.", ("RUS", "KAZ", "154")),
    ("The first deployment of NATO peacekeeping troops have arrived in Bosnia.", ("IGO", "BIH", "074")),
    ("The Chinese president arrived in Moscow on Monday.", ("CHN", "RUS", "042")),
]
# A and B discussing something meet, each way; documents and memoranda signed are agreements
VISITS += [
    ("Indian Foreign Minister Jaishankar and US envoy Zalmay Khalilzad discussed the Afghan peace process.",
     ("USA", "IND", "040")),
    ("Iran and China have signed 20 documents and memoranda of understanding to expand cooperation.", ("IRN", "CHN", "057")),
]
# force: passives coordinated with one "by" phrase share its doer and weapon
FORCE = [
    # a chemical agent in what is fired is the use of chemical weapons (2041)
    ("Syrian government forces fired rockets loaded with sarin into the Ghouta suburbs of Damascus.", ("SYR", "", "2041")),
    ("Fourteen people were killed and 145 injured by a Taliban suicide attack in Afghanistan on Wednesday.",
     ("AFG", "AFG", "1831")),
]
CODED += PURPOSE + AID + SPEECH + SERIES + ABOUT + VISITS + PROTESTS + INTENT + DENIALS + SUPPORT + FORCE

NOT_CODED = PURPOSE_NOT + [
    # an aid convoy is nobody's military
    ("An aid convoy carrying food and medicines reached the besieged town in Syria on Friday.", ("SYR", "SYR", "073")),
    ("Fourteen people were killed and 145 injured by a Taliban suicide attack in Afghanistan on Wednesday.",
     ("AFG", "AFG", "190")),
    # with only one of them an actor, what they discussed is no partner
    ("Indian Foreign Minister Jaishankar and Mr Khalilzad discussed the Afghan peace process.", ("IND", "AFG", "040")),
    # who the subject is, or what the leaders in a relative clause support, is no news
    ("European Union leaders meeting in Brussels also said they would expand the number of Russians facing sanctions.",
     ("IGO", "", "040")),
    ("The U.S. Treasury sanctioned more Russians, including political leaders who support Russia's invasion of Ukraine.",
     ("RUS", "UKR", "192")),
    # insisting on what was done asserts it; no one demands the past
    ("Officially, the Philippine government insists that no ransom has been paid.", ("PHL", "", "100")),
    ("Russian troops arrived in Kazakhstan on Thursday.", ("RUS", "KAZ", "042")),
    # state forces' operation against insurgents, reported, is no accusation of them
    ("NATO said that Afghan forces killed 94 Taliban insurgents in battles in the south of the country.",
     ("IGO", "AFG", "112")),
    ("Rwanda rejected Congo's accusations that it backs the rebels.", ("COD", "COD", "120")),
    ("The Indian government termed the Pakistani allegations baseless.", ("IND", "PAK", "111")),
    ("France offered 200 new troops for the force in Lebanon.", ("FRA", "FRA", "0334")),
    ("The Guatemalan Army plans to send troops to Congo to help the UN peacekeeping mission there.", ("GTM", "COD", "138")),
    # counted as none, an act did not happen; counted as "any", it is only thought of;
    # refraining from an act is not doing it; more harm beside the outcome is the outcome
    ("The spokesman said no negotiations with the Colombian rebels had taken place.", ("COL", "COL", "046")),
    ("Iran warned that any U.S. or Saudi military strike on Iran will result in all-out war.", ("USA", "IRN", "190")),
    ("Israel had so far refrained from attacking Hamas.", ("ISR", "PSE", "190")),
    ("Indian troops targeted border villagers along the Line of Control, killing a boy and wounding three other people.",
     ("IND", "IND", "190")),
    ("The Indian and Pakistani ministers also hoped to meet each other over the next two months.", ("IND", "", "013")),
    # a bare number counts people as an object, not as the subject of a passive
    ("Four Pakistani soldiers were killed in the fighting and eight were wounded, the military said.", ("PAK", "", "190")),
    # what someone is acquitted of did not happen, as far as the court says
    ("The court acquitted Serbia of committing genocide in Bosnia.", ("SRB", "BIH", "202")),
    # the toll of a whole conflict is no act
    ("The Colombian conflict has killed more than 220,000 people since 1964.", ("COL", "COL", "190")),
    ("The war in Syria has displaced millions of people.", ("SYR", "SYR", "201")),
    # a clause of condition or time is no complement ("call it off if they come": no appeal to come)
    ("Colombian rebels promised to call it off if they came under attack.", ("COL", "", "020")),
    ("Colombia's army said it killed six FARC rebels and captured eight on Tuesday.", ("COL", "COL", "192")),
    # a state or a group breaking a law breaks it towards whom it names, not its own government
    ("Amnesty International accused the United States of ignoring international law.", ("USA", "USA", "128")),
    ("Pakistan retaliated by expelling two Indian diplomats.", ("PAK", "", "190")),
    # the outcome of a specific act is still that act's outcome
    ("The army shelled Juba, killing 20 civilians.", ("SSD", "SSD", "190")),
    # several parties reacting to what the verb names react to it together, not to each other
    ("The United States, the European Union and the African Union have all condemned the coup.",
     ("USA", "IGO", "111")),
    ("The United States, the European Union and the African Union have all condemned the coup.",
     ("IGO", "USA", "111")),
]


@pytest.mark.parametrize("text, expected", CODED)
def test_class_is_coded(text, expected):
    assert expected in coded(text)


@pytest.mark.parametrize("text, unexpected", NOT_CODED)
def test_class_is_not_coded(text, unexpected):
    assert unexpected not in coded(text)
