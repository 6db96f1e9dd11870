import csv

import pytest

from dyad.lexicon import ontology
from conftest import SHARED

SHARED = SHARED / "ontology"
PLOVER_16 = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
             "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_all_312_codes_load():
    codes = ontology.all_codes()
    assert len(codes) == 312
    assert len(set(codes)) == 312
    assert {"01", "010", "0211", "190", "20", "2042"} <= set(codes)


def test_cameo_lookup():
    c = ontology.cameo("190")
    assert c.code == "190"
    assert c.goldstein == -10.0
    assert c.quad_class == 4
    assert c.root == "19"
    assert ontology.cameo("042").goldstein == 1.9
    assert ontology.cameo("0211").root == "02"
    assert ontology.root("1041") == "10"


def test_quad_class_follows_root():
    expected = {**{r: 1 for r in range(1, 5)}, **{r: 2 for r in range(5, 9)},
                **{r: 3 for r in range(9, 14)}, **{r: 4 for r in range(14, 21)}}
    for code in ontology.all_codes():
        assert ontology.cameo(code).quad_class == expected[int(code[:2])], code


def test_unknown_code_raises_helpful_keyerror():
    with pytest.raises(KeyError) as e:
        ontology.cameo("0190")
    msg = str(e.value)
    assert "0190" in msg and "190" in msg
    assert not ontology.is_code("999")
    assert ontology.is_code("0211")


def test_int_codes_regain_leading_zero():
    assert ontology.cameo(42).code == "042"
    assert ontology.cameo(190).code == "190"


def test_plover_mapping():
    assert ontology.plover("0211")[0] == "REQUEST"
    assert ontology.plover("042") == ("CONSULT", "visit")
    assert ontology.plover("190")[0] == "ASSAULT"
    assert ontology.plover("19")[0] == "ASSAULT"
    assert ontology.plover("1041") == ("REQUEST", "change")
    assert ontology.plover("163")[0] == "SANCTION"  # PLOVER 2.0 moves sanctions out of COERCE
    assert ontology.plover_basis("042") == "table"
    assert ontology.plover_basis("19") == "parent:190"


def test_every_code_maps_to_one_of_16_plover_types():
    for code in ontology.all_codes():
        event, mode = ontology.plover(code)
        if code in ("01", "010", "013", "014", "017", "018", "019"):
            assert event == "", code  # PLOVER does not code plain statements
            continue
        assert event in PLOVER_16, code
        assert isinstance(mode, str)


def test_appeals_map_to_request_with_demand_modes():
    for code in ontology.all_codes():
        if code.startswith("02"):
            assert ontology.plover(code)[0] == "REQUEST", code
    assert ontology.plover("0231") == ("REQUEST", "assist")
    assert ontology.plover("026") == ("REQUEST", "meet")


def test_context_slip_is_not_a_mode():
    # The source table puts the context "pro_autocracy" in the mode column for 175.
    assert ontology.plover("175") == ("ASSAULT", "")


def test_plover_types():
    types = ontology.plover_types()
    assert {t.name for t in types} == PLOVER_16
    by = {t.name: t for t in types}
    assert by["AGREE"].quad_class == 1
    assert by["AID"].quad_class == 2
    assert by["REQUEST"].quad_class == 3
    assert by["ASSAULT"].quad_class == 4
    assert "visit" in by["CONSULT"].modes
    assert all(t.definition for t in types)
    assert ontology.plover_type("consult").name == "CONSULT"


def test_actor_types():
    at = ontology.actor_types()
    assert at["GOV"] == "Government"
    assert at["MIL"] == "Military"
    assert at["UIS"] == "Unidentified State Actor"
    assert len(at) == 39


@pytest.mark.skipif(not SHARED.exists(), reason="../shared not present")
def test_matches_reference_tables():
    with open(SHARED / "cameo_codes.csv", newline="", encoding="utf-8") as f:
        ref = {r["code"]: float(r["goldstein"]) for r in csv.DictReader(f)}
    assert set(ref) == set(ontology.all_codes())
    for code, g in ref.items():
        assert ontology.cameo(code).goldstein == g, code
    with open(SHARED / "cameo2plover.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = r["cameo_code"]
            if ontology.is_code(code) and ontology.plover_basis(code) != "plover2":
                assert ontology.plover(code)[0] == r["plover_event"], code
