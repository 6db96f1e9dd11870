"""Checks on the built-in actor data in src/dyad/data/actors (formats: docs/LEXICON.md).

The files are read with the csv module only, so these tests do not depend on the
lexicon loader.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest
from conftest import ROOT

ACTORS = ROOT / "src" / "dyad" / "data" / "actors"

# CAMEO actor types (../shared/ontology/cameo_actor_types.txt) plus REL, the CAMEO
# religion code that the PETRARCH agents dictionary also uses as a sector.
SECTORS = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI",
    "LAB", "LEG", "MED", "REF", "MOD", "RAD", "AMN", "IRC", "GRP", "UNO",
    "PKO", "UIS", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "SET", "REL",
}
# Religion codes PETRARCH puts after IMG for transnational groups (IMGMUSALQ, IMGMUSISI).
RELIGIONS = {"MUS"}

HEADERS = {
    "countries.tsv": ["code", "name", "aliases", "adjectives", "capitals", "government"],
    "organisations.tsv": ["code", "name", "aliases", "kind"],
    "groups.tsv": ["code", "name", "aliases", "country"],
    "agents.tsv": ["phrase", "sector"],
}
MINIMUM_ROWS = {
    "countries.tsv": 200,
    "organisations.tsv": 120,
    "groups.tsv": 80,
    "agents.tsv": 350,
}
LIST_COLUMNS = {
    "countries.tsv": ["aliases", "adjectives", "capitals", "government"],
    "organisations.tsv": ["aliases"],
    "groups.tsv": ["aliases"],
    "agents.tsv": [],
}

# Names that are names only with their "the" (docs/LEXICON.md): matched only after "the".
THE_NAMES = {"the West"}
COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3})+$")


def read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of one TSV; '#' lines and blank lines are skipped."""
    path = ACTORS / name
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [
            line for line in handle
            if line.strip() and not line.startswith("#")
        ]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for number, cells in enumerate(reader, start=2):
        assert len(cells) == len(header), f"{name}: data line {number} has {len(cells)} cells: {cells}"
        rows.append(dict(zip(header, cells)))
    return header, rows


def items(cell: str) -> list[str]:
    return cell.split("|") if cell else []


@pytest.fixture(scope="module")
def data() -> dict[str, list[dict[str, str]]]:
    return {name: read(name)[1] for name in HEADERS}


@pytest.fixture(scope="module")
def country_codes(data) -> set[str]:
    return {row["code"] for row in data["countries.tsv"]}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header(name):
    header, _ = read(name)
    assert header == HEADERS[name]


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_minimum_rows(data, name):
    assert len(data[name]) >= MINIMUM_ROWS[name]


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_cells_are_clean(data, name):
    first = HEADERS[name][1] if name != "agents.tsv" else "phrase"
    for row in data[name]:
        assert row[first].strip(), f"{name}: empty {first} in {row}"
        for column, value in row.items():
            assert value == value.strip(), f"{name}: spaces around {value!r}"
            assert "\t" not in value
        for column in LIST_COLUMNS[name]:
            for item in items(row[column]):
                assert item and item == item.strip(), f"{name}: bad list item in {row[column]!r}"
                assert "  " not in item, item
                # A leading "the" in text is ignored, so phrases must not carry one.
                assert not item.lower().startswith("the "), f"{name}: leading 'the' in {item!r}"
        if name != "agents.tsv" and row["name"].lower().startswith("the "):
            # only a name that is one only with its "the" (docs/LEXICON.md)
            assert row["name"] in THE_NAMES, row["name"]


def test_country_codes(data):
    codes = [row["code"] for row in data["countries.tsv"]]
    assert len(codes) == len(set(codes)), "duplicate country codes"
    for code in codes:
        assert COUNTRY_CODE.match(code), code


def test_countries_cover_news_states(country_codes):
    # every permanent UN Security Council member, the CAMEO exceptions and
    # the places the brief names
    for code in ["USA", "RUS", "CHN", "GBR", "FRA", "PSE", "KSV", "TWN", "HKG", "ESH",
                 "SSD", "PRK", "KOR", "COD", "COG", "VAT", "TLS", "MKD", "SRB", "MNE"]:
        assert code in country_codes, code


def test_country_metonyms(data):
    by_code = {row["code"]: row for row in data["countries.tsv"]}
    assert "White House" in items(by_code["USA"]["government"])
    assert "Pentagon" not in items(by_code["USA"]["government"])  # military, not GOV
    assert "Washington" in items(by_code["USA"]["capitals"])
    assert "Kremlin" in items(by_code["RUS"]["government"])
    assert "Downing Street" in items(by_code["GBR"]["government"])
    assert "Zhongnanhai" in items(by_code["CHN"]["government"])
    assert {"Jerusalem", "Tel Aviv"} <= set(items(by_code["ISR"]["capitals"]))
    assert {"UK", "Britain", "Great Britain"} <= set(items(by_code["GBR"]["aliases"]))
    assert {"US", "U.S.", "USA", "America"} <= set(items(by_code["USA"]["aliases"]))
    assert {"Russian", "Russians"} <= set(items(by_code["RUS"]["adjectives"]))
    assert "DPRK" in items(by_code["PRK"]["aliases"])
    assert "Pyongyang regime" not in items(by_code["PRK"]["aliases"])


def test_organisation_codes(data, country_codes):
    codes = [row["code"] for row in data["organisations.tsv"]]
    assert len(codes) == len(set(codes)), "duplicate organisation codes"
    for row in data["organisations.tsv"]:
        code = row["code"]
        assert ACTOR_CODE.match(code), code
        assert row["kind"] in {"IGO", "NGO", "MNC"}, row
        head = code[:3]
        assert head in {"IGO", "NGO", "MNC"} or head in country_codes, code
        if head in {"IGO", "NGO", "MNC"}:
            assert head == row["kind"], row


def test_known_organisations(data):
    by_code = {row["code"]: row for row in data["organisations.tsv"]}
    assert by_code["IGOUNO"]["name"] == "United Nations"
    assert "UN" in items(by_code["IGOUNO"]["aliases"])
    assert "NATO" in by_code["IGOWSTNAT"]["name"]
    assert by_code["IGOEUREEC"]["name"] == "European Union"
    for code in ["IGOAFRAFU", "IGOMEAARL", "IGOSEAASN", "IGOBUSOPC", "IGOBUSIMF",
                 "IGOUNODEVWBK", "IGOJUDICC", "IGOEURSCE", "IGOUNOREFHCR", "IGOUNOKID",
                 "IGOUNOWFP", "IGOUNOHLHWHO", "IGOUNOIAE", "IGOWAFWAS", "IGOPGSGCC",
                 "NGOHRIAMN", "NGOHRIHRW", "NGOHLHIRC", "NGOHLHMSF", "NGOENVGRP", "IGOCOPITP"]:
        assert code in by_code, code
    # every UN body shares the IGOUNO prefix
    un_names = [row for row in data["organisations.tsv"] if row["name"].startswith("UN ")]
    assert un_names and all(row["code"].startswith("IGOUNO") for row in un_names)


def test_group_codes(data, country_codes):
    codes = [row["code"] for row in data["groups.tsv"]]
    assert len(codes) == len(set(codes)), "duplicate group codes"
    for row in data["groups.tsv"]:
        code = row["code"]
        assert ACTOR_CODE.match(code) and len(code) >= 6, code
        head, sector = code[:3], code[3:6]
        assert head in country_codes or head == "IMG", code
        if head == "IMG":
            assert sector in SECTORS or sector in RELIGIONS, code
        else:
            assert sector in SECTORS, code
        assert row["country"] == "" or row["country"] in country_codes, row


def test_known_groups(data):
    by_name = {row["name"]: row["code"] for row in data["groups.tsv"]}
    assert by_name["Taliban"].startswith("AFGREB")
    assert by_name["Hamas"].startswith("PSEREB")
    assert by_name["Hezbollah"].startswith("LBNREB")
    assert by_name["al-Qaeda"] == "IMGMUSALQ"
    assert by_name["Islamic State"] == "IMGMUSISI"
    assert by_name["Peshmerga"].startswith("IRQ")


def test_agents(data):
    phrases = [row["phrase"] for row in data["agents.tsv"]]
    duplicates = {p for p in phrases if phrases.count(p) > 1}
    assert not duplicates, sorted(duplicates)
    for row in data["agents.tsv"]:
        assert row["phrase"] == row["phrase"].lower(), row
        assert not row["phrase"].startswith("the "), row
        assert row["sector"] in SECTORS, row
    sector = {row["phrase"]: row["sector"] for row in data["agents.tsv"]}
    expected = {
        "president": "GOV", "prime minister": "GOV", "foreign minister": "GOV",
        "parliament": "LEG", "lawmaker": "LEG", "court": "JUD", "judge": "JUD",
        "army": "MIL", "soldier": "MIL", "defence ministry": "MIL", "police": "COP",
        "security force": "COP", "rebel": "REB", "insurgent": "REB", "militant": "REB",
        "separatist": "SEP", "opposition": "OPP", "protester": "OPP", "journalist": "MED",
        "company": "BUS", "civilian": "CVL", "refugee": "REF", "student": "EDU",
        "doctor": "HLH", "union": "LAB", "human rights group": "HRI", "smuggler": "CRM",
        "intelligence agency": "GOV", "peacekeeper": "PKO",
    }
    for phrase, code in expected.items():
        assert sector.get(phrase) == code, (phrase, sector.get(phrase))
    assert "pentagon" not in sector


def test_actor_phrases_are_unambiguous(data):
    """A name, alias, demonym or metonym must point to a single actor in all files."""
    owners: dict[str, set[str]] = defaultdict(set)
    columns = {
        "countries.tsv": ["name", "aliases", "adjectives", "capitals", "government"],
        "organisations.tsv": ["name", "aliases"],
        "groups.tsv": ["name", "aliases"],
    }
    for name, cols in columns.items():
        for row in data[name]:
            for column in cols:
                for phrase in items(row[column]) if column != "name" else [row["name"]]:
                    owners[phrase.lower()].add(f"{name}:{row['code']}")
    clashes = {phrase: sorted(who) for phrase, who in owners.items() if len(who) > 1}
    assert not clashes, clashes
    agents = {row["phrase"] for row in data["agents.tsv"]}
    both = sorted(agents & set(owners))
    assert not both, both


def test_no_common_word_aliases(data):
    """Matching is case-insensitive, so aliases that are everyday English words are kept out."""
    banned = {"car", "who", "let", "is", "fact", "mend", "icu", "pdf", "aa", "kia",
              "amnesty", "care", "tip", "nam", "male", "jersey", "quad", "sdf"}
    for name in ("countries.tsv", "organisations.tsv", "groups.tsv"):
        for row in data[name]:
            for column, value in row.items():
                if column in {"code", "kind", "country"}:
                    continue
                for item in items(value):
                    assert item.lower() not in banned, (name, row["code"], item)
