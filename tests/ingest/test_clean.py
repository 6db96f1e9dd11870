
import pytest

from dyad.ingest.clean import Boilerplate, classify_lines, clean_text, looks_like_headline, story_spans
from dyad.model import Article
from dyad.ingest.read import read_paths
from conftest import DATA, SHARED

DATA = DATA / "read"
SEED = SHARED / "seed" / "article.txt"


def kept(article):
    return [article.text[s:e] for s, e in story_spans(article)]


def story(*lines, title=None):
    return Article(id="t", text="\n\n".join(lines) + "\n", title=title)


def load(path):
    (art,) = read_paths([str(path)], on_error=lambda issue: pytest.fail(str(issue)))
    return art


def test_story_shaped_article_keeps_paragraphs_and_drops_the_rest():
    art = load(DATA / "story_shaped.txt")
    assert art.title == "Why Ankara Turned Down Athens' Offer of Aegean Talks"
    spans = story_spans(art)
    text = kept(art)

    paragraphs = [p.strip() for p in art.text.split("\n\n")]
    expected = [p for p in paragraphs
                if p and not p.startswith(("Why Ankara", "©", "Related:"))]
    assert text == expected
    assert "Athens responded within hours." in text  # short, but a sentence
    assert not any(t.startswith(("Related:", "©", "Why Ankara", "Europe + Diplomacy")) for t in text)

    # spans point into the original text, in order, with no surrounding space
    assert spans == sorted(spans)
    for s, e in spans:
        line = art.text[s:e]
        assert line == line.strip()
        assert art.text.count(line) >= 1 and art.text.find(line) <= s

    reasons = {art.text[x.start:x.end]: x.reason for x in classify_lines(art) if not x.keep}
    assert reasons == {
        "Why Ankara Turned Down Athens' Offer of Aegean Talks": "repeat",
        "Europe + Diplomacy": "heading",
        "© Petros Giannakouris / AP": "credit",
        "Related: Greek Coast Guard Reports New Standoff Near Imia": "boilerplate",
        "Related: EU Leaders Weigh Sanctions Over Maritime Drilling": "boilerplate",
    }
    first = classify_lines(art)[0]
    assert (first.start, first.reason) == (0, "headline")


@pytest.mark.skipif(not SEED.exists(), reason=f"shared seed article not found at {SEED}")
def test_seed_article_has_no_related_or_credit_lines_left():
    art = load(SEED)
    text = kept(art)
    assert len(text) >= 15
    assert not any(t.startswith(("Related:", "©")) for t in text)
    assert art.title not in text and "Policy + Politics" not in text
    assert text[0].startswith("Vladimir Putin")
    assert text[-1].endswith("and it took it.")


def test_headline_is_dropped_even_without_a_title_but_a_one_line_story_stays():
    assert kept(story("Russia rejects US talks offer", "Russia rejected the offer on Thursday.")) == [
        "Russia rejected the offer on Thursday."]
    assert kept(Article(id="t", text="Russia rejects US talks offer\n")) == ["Russia rejects US talks offer"]
    one = Article(id="t", text="Russia rejects US talks offer", title="Russia rejects US talks offer")
    assert kept(one) == ["Russia rejects US talks offer"]


@pytest.mark.parametrize("line", [
    "Related: Putin Claims Attack Thwarted",
    "READ MORE: Putin says the U.S. is wrong about Syria again.",
    "See also Syria talks collapse",
    "Click here to read the full report on the Syrian conflict.",
    "Advertisement",
    "Share this",
    "Follow us on Twitter @example",
    "© Kevin Lamarque / Reuters",
    "Photo: Russian President Vladimir Putin speaks in Moscow on Thursday.",
    "(Photo by Alex Wong/Getty Images)",
    "Image: Sergei Karpukhin / AFP",
    "Getty Images",
    "President Obama speaks in the Rose Garden. REUTERS/Kevin Lamarque",
    "Policy + Politics",
    "World News",
    "Middle East",
    "By John Smith",
    "By John Smith, Reuters",
    "John Smith | AP",
    "Copyright 2015 Reuters. All rights reserved.",
    "(Reporting by Ivan Petrov; Editing by Jane Doe)",
    "Associated Press writer Jim Heintz in Moscow contributed to this report.",
    "https://example.com/world/2015/10/15/story",
    "Email: desk@example.com",
    "Published 10:32 GMT",
    "Updated: Oct 15, 2015 8:32 AM ET",
    "October 15, 2015",
    "Home » World » Freedonia troops clash with…",
    "News › Europe › Ruritania › Border talks collapse",
    ">> Explained: Why Ruritania closed its border, and what comes next | Analysis",
    "The two presidents inspect an honour guard in Strelsau on Monday.[Photo/Xinhua]",
    "Smoke rises over the border town of Zenda in May.Credit: Jane Roe/AP",
    "A relief convoy crosses into Zenda on Thursday.Credit...John Doe/Reuters",
    "Some information for this report was provided by Reuters.",
    "By Ann Example and Bob Sample /Agency Reports.",
    "Freedonia Rejects Ruritania's Offer Of Border Talks.",
    "FREEDONIA TROOPS BACKED INTO A CORNER",
])
def test_non_story_lines_are_dropped(line):
    body = "Russia offered to send a delegation to Washington for talks on Syria."
    art = story(body, line, "The White House turned the offer down on Wednesday.")
    assert line not in kept(art)
    assert len(kept(art)) == 2


@pytest.mark.parametrize("line", [
    "Athens responded within hours.",
    "He refused.",
    '"We will not go," he said.',
    "Russia said in a statement:",
    "Putin told reporters Moscow would “respond”",
    "By Tuesday, the army had withdrawn from the town.",
    "Reporting by the BBC found that Russian jets bombed a hospital in Idlib.",
    "Subscribers to the newsletter were told on Friday that the magazine would close.",
    "Copyright lawyers for the Kremlin argued the case before a Moscow court on Monday.",
    "President Vladimir Putin and Chinese President Xi Jinping met in Beijing.",
    "By Monday, Freedonian troops had left Zenda.",
    "Ruritania said its credit rating was cut on Monday. Credit agencies declined to comment.",
])
def test_real_sentences_are_kept(line):
    art = story("Russia offered talks on Syria on Thursday.", line)
    assert kept(art) == ["Russia offered talks on Syria on Thursday.", line]


@pytest.mark.parametrize("lead, rest", [
    ("MOSCOW (Reuters) - ", "Russia said on Thursday it regretted the decision."),
    ("MOSCOW, Oct 15 (Reuters) - ", "Russia said on Thursday it regretted the decision."),
    ("BEIRUT, Lebanon (AP) — ", "Syrian troops advanced on Thursday."),
    ("WASHINGTON — ", "The White House refused the offer."),
    ("(Reuters) - ", "Russia said on Thursday it regretted the decision."),
    ("Moscow (Reuters) - ", "Russia said on Thursday it regretted the decision."),
    ("ZENDA/STRELSAU (Reuters) -", "Freedonian troops shelled the town on Monday."),
    ("STRELSAU: ", "Seventy people were killed in clashes last week."),
    ("STRELSAU (Ruritania News / Agency - 02nd November, 2020) ", "Police arrested opposition figures."),
    ("Strelsau, July 3 ", "The Ruritanian Foreign Ministry expelled a diplomat."),
])
def test_dateline_prefix_is_cut_and_the_lead_kept(lead, rest):
    art = story("Russia regrets US refusal", lead + rest, "More talks are planned.")
    spans = story_spans(art)
    assert art.text[slice(*spans[0])] == rest
    assert spans[0][0] == art.text.index(rest)


def test_dateline_lookalikes_are_left_alone():
    for line in ("NATO - the alliance said it would send more troops.",
                 "Russia and Syria - and Iran - held talks on Friday."):
        assert kept(story(line)) == [line]
    for line in ("NATO (North Atlantic Treaty Organization) Secretary General spoke.",
                 "Russia, May 5 and 6 were the days of the talks.", "Note: Russia offered talks."):
        assert kept(story("Russia offered talks.", line))[1] == line
    # a caption or deck before the story's first line: the dateline is still cut
    later = story("A screen shows a missile launch in Seoul on Thursday.",
                  "TOKYO (Jiji Press) — North Korea fired a missile.")
    assert kept(later)[1] == "North Korea fired a missile."


def test_hard_wrapped_paragraph_is_one_span_and_its_tail_is_not_a_label():
    text = ("Russia rejects talks\n\n"
            "MOSCOW (Reuters) - Russia said on Thursday it was disappointed that\n"
            "the United States had refused to receive a delegation led by Prime\n"
            "Minister Dmitry Medvedev for talks on Syria.\n\n"
            "(Reporting by Ivan Petrov; Editing by Jane Doe)\n")
    art = Article(id="t", text=text, title="Russia rejects talks")
    assert kept(art) == [
        "Russia said on Thursday it was disappointed that\n"
        "the United States had refused to receive a delegation led by Prime\n"
        "Minister Dmitry Medvedev for talks on Syria."]


def test_one_paragraph_per_line_stays_line_by_line():
    lines = ["The defence ministers of Chad and Niger signed an agreement on Monday to run joint patrols.",
             "The accord allows soldiers from either country to pursue armed groups into the other's territory.",
             "Related: Floods displace thousands",
             "Chad's government praised the agreement as a sign of trust between the two neighbours."]
    art = Article(id="t", text="\n".join(lines))
    assert kept(art) == [lines[0], lines[1], lines[3]]


def test_repeated_paragraph_is_kept_once_and_crlf_offsets_hold():
    text = "Iran seized a tanker.\r\n\r\nIran seized a tanker.\r\n\r\n  Britain protested on Friday.  \r\n"
    art = Article(id="t", text=text)
    spans = story_spans(art)
    assert [text[s:e] for s, e in spans] == ["Iran seized a tanker.", "Britain protested on Friday."]
    assert spans[1][0] == text.index("Britain")


def test_markdown_headings_and_markers():
    art = load(DATA / "story.md")
    assert kept(art) == [
        "Kenya recalled its ambassador from Mogadishu on Saturday after Somalia's government "
        "accused Nairobi of interfering in regional elections.",
        "The foreign ministry in Nairobi said the envoy would return for consultations."]


def test_clean_text_joins_kept_paragraphs():
    art = story("Russia rejects talks", "Related: Something else", "Russia rejected the talks.",
                "Moscow said more later.")
    assert clean_text(art) == "Russia rejected the talks.\n\nMoscow said more later."


def test_boilerplate_phrases_can_be_extended(tmp_path):
    tsv = tmp_path / "bp.tsv"
    tsv.write_text("# German sites\nprefix\tLesen Sie auch\nagency\tdpa\n", "utf-8")
    art = story("Russland lehnt Gespräche ab.", "Lesen Sie auch: Putin droht dem Westen.",
                "Die Regierung in Moskau hat die Gespräche abgesagt.")
    assert len(kept(art)) == 3
    assert len(story_spans(art, Boilerplate.load(tsv))) == 2
    bad = tmp_path / "bad.tsv"
    bad.write_text("suffix\tfoo\n", "utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        Boilerplate.load(bad)


@pytest.mark.parametrize("line, expected", [
    ("Here's Why Obama Is Refusing to Meet with Russia to Discuss Syria", True),
    ("Is Russia bluffing?", True),
    ("Russia said it would attend.", False),
    ("the talks were called off", False),
    ("", False),
])
def test_looks_like_headline(line, expected):
    assert looks_like_headline(line) is expected


def test_lines_broken_at_uneven_widths_are_joined_into_sentences():
    text = ("Freedonia and Ruritania break the ice\n"
            "Freedonia and Ruritania on Wednesday took yet another\n"
            "step towards normal relations when their foreign ministers\n"
            "had a ''cordial''\n"
            "75-minute meeting in Zenda.\n"
            "Foreign Minister Anna Example\n"
            "and her Ruritanian counterpart said the talks would go on.\n")
    assert kept(Article(id="t", text=text)) == [
        "Freedonia and Ruritania on Wednesday took yet another\nstep towards normal relations when their foreign"
        " ministers\nhad a ''cordial''\n75-minute meeting in Zenda.",
        "Foreign Minister Anna Example\nand her Ruritanian counterpart said the talks would go on."]


def test_lines_cut_at_the_margin_are_joined_but_a_list_of_links_is_not():
    text = ("Freedonian jets bomb rebel posts around Zenda after market attack\n"
            "ZENDA, Ruritania (AP -- Freedonian jets bombed rebel positions around the\n"
            "town early today.\n"
            "Investigators said the rebels were behind an attack near a crowded market\n"
            "Monday that killed 12 people in the centre of Zenda.\n"
            "The rebels said they would answer.\n\n"
            "Related readings:\n"
            "Freedonia and Ruritania hold talks Freedonian president visits Strelsau\n"
            "Freedonia and Ruritania hold talks Ruritania says Freedonia broke truce\n")
    assert kept(Article(id="t", text=text)) == [
        "Freedonian jets bombed rebel positions around the\ntown early today.",
        "Investigators said the rebels were behind an attack near a crowded market\n"
        "Monday that killed 12 people in the centre of Zenda.",
        "The rebels said they would answer.", "Related readings:"]
    even = ("Freedonian jets bomb rebel posts around Zenda after market attack\n"
            "ZENDA, Ruritania (AP -- Freedonian jets bombed rebel positions around the\n"
            "town of Zenda early today after investigators said the rebels were behind\n"
            "an attack that killed 12 people at a crowded market in the centre of Zenda.\n")
    assert kept(Article(id="t", text=even))[0].startswith("Freedonian jets bombed")


def test_a_standfirst_above_the_story_and_a_caption_shown_again_with_its_credit_are_dropped():
    art = story("Two killed in Zenda blast",
                "Freedonian army strikes in Zenda in retaliation for rocket fire, hours after both sides agreed to a truce",
                "Smoke rises over Zenda in May.",
                "Smoke rises over Zenda in May.Credit: Jane Roe/AP",
                "Two men were killed in Zenda on Sunday, the health ministry said.")
    assert kept(art) == ["Two men were killed in Zenda on Sunday, the health ministry said."]
    reasons = [x.reason for x in classify_lines(art)]
    assert reasons == ["headline", "deck", "credit", "credit", ""]
