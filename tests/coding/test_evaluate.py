import json
import logging

import pytest

from dyad.coding.evaluate import (
    evaluate_file,
    load_cameo2plover,
    load_gold,
    normalise_actor,
    score,
)
from dyad.model import Event
from conftest import SHARED

SHARED = SHARED
PETR2_GSR = SHARED / "gold" / "petr2_gsr.jsonl"


def ev(source, target, cameo=None, plover=None):
    d = {"source": source, "target": target}
    if cameo is not None:
        d["cameo"] = cameo
    if plover is not None:
        d["plover"] = plover
    return d


def rec(id, events, **extra):
    return {"id": id, "text": f"text of {id}", "date": "2008-08-01", "events": events, **extra}


def counts(prf):
    return (prf.tp, prf.fp, prf.fn)


def test_multiset_counts_duplicates():
    gold = [rec("a", [ev("USA", "CHN", "042"), ev("USA", "CHN", "042"), ev("CHN", "USA", "043")])]
    pred = {"a": [ev("USA", "CHN", "042")] * 3 + [ev("RUS", "USA", "111")]}
    r = score(gold, pred)
    # Two of three duplicates match; the third and RUS are fp; CHN->USA is fn.
    assert counts(r.levels["root"]) == (2, 2, 1)
    assert counts(r.levels["code"]) == (2, 2, 1)
    assert r.levels["root"].precision == pytest.approx(0.5)
    assert r.levels["root"].recall == pytest.approx(2 / 3)
    assert r.levels["root"].f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_micro_average_sums_over_records():
    gold = [rec("a", [ev("USA", "CHN", "042")]), rec("b", [ev("FRA", "DEU", "036")])]
    pred = {"a": [ev("USA", "CHN", "042")], "b": [ev("FRA", "DEU", "190")]}
    r = score(gold, pred)
    assert counts(r.levels["root"]) == (1, 1, 1)
    assert r.levels["root"].records == 2


def test_root_and_code_levels_differ():
    gold = [rec("a", [ev("USAGOV", "CHNMIL", "0421")])]
    pred = {"a": [ev("USAMIL", "CHNGOV", "040")]}
    r = score(gold, pred)
    assert counts(r.levels["root"]) == (1, 0, 0)
    assert counts(r.levels["code"]) == (0, 1, 1)


def test_legacy_codes_case_and_dashes():
    gold = [
        rec(
            "a",
            [
                ev("YUGGOV", "ZAR", "042"),
                ev("rom", "---", "111"),
                ev("---GOV", "JAP", "036"),
            ],
        )
    ]
    pred = {
        "a": [
            ev("SRBGOV", "COD", "042"),
            ev("ROU", "", "111"),
            ev("", "JPN", "036"),
        ]
    }
    r = score(gold, pred)
    assert counts(r.levels["root"]) == (3, 0, 0)
    # At the code level the sector survives: ---GOV is not the same as "".
    assert counts(r.levels["code"]) == (2, 1, 1)


def test_normalise_actor():
    assert normalise_actor("scggov", 6) == "SRBGOV"
    assert normalise_actor("VTNMILREB", 6) == "VNMMIL"
    assert normalise_actor("ITL", 3) == "ITA"
    assert normalise_actor("TMP", 3) == "TLS"
    assert normalise_actor("---", 6) == ""
    assert normalise_actor("---LEG", 3) == ""
    assert normalise_actor(None, 3) == ""


def test_empty_target_matches_only_empty_target():
    gold = [rec("a", [ev("USA", "", "010")]), rec("b", [ev("USA", "CHN", "010")])]
    pred = {"a": [ev("USA", "CHN", "010")], "b": [ev("USA", "", "010")]}
    r = score(gold, pred)
    assert counts(r.levels["root"]) == (0, 2, 2)


def test_error_and_evaluate_false_records_skipped():
    gold = [
        rec("ok", [ev("USA", "CHN", "042")]),
        rec("err", [], error="dateline"),
        rec("off", [ev("HOB", "GON", "010")], evaluate=False),
    ]
    pred = {"ok": [ev("USA", "CHN", "042")], "err": [ev("X", "Y", "190")], "off": []}
    r = score(gold, pred)
    assert counts(r.levels["root"]) == (1, 0, 0)
    assert counts(r.levels["detect"]) == (1, 0, 0)
    assert r.skipped == 2
    assert [x.id for x in r.records] == ["ok"]


def test_empty_gold_record_makes_predictions_false_positives():
    gold = [rec("a", []), rec("b", [ev("USA", "CHN", "042")])]
    pred = {"a": [ev("USA", "CHN", "042"), ev("USA", "RUS", "111")]}
    r = score(gold, pred)
    assert counts(r.levels["root"]) == (0, 2, 1)
    assert r.levels["root"].records == 2


def test_detect_level():
    gold = [
        rec("both", [ev("USA", "CHN", "042")]),
        rec("fp", []),
        rec("fn", [ev("USA", "CHN", "042")]),
        rec("tn", []),
        rec("wrong", [ev("USA", "CHN", "042")]),
    ]
    pred = {
        "both": [ev("USA", "CHN", "042")],
        "fp": [ev("USA", "CHN", "042")],
        "wrong": [ev("RUS", "UKR", "190")],  # detected, though wrongly coded
    }
    r = score(gold, pred)
    assert counts(r.levels["detect"]) == (2, 1, 1)
    assert r.levels["detect"].records == 5


def test_plover_level_maps_cameo_with_function():
    gold = [
        rec("a", [ev("ISR", "PSE", plover="COERCE"), ev("USA", "", plover="REQUEST")]),
        rec("b", []),
    ]
    mapping = {"173": "COERCE", "190": "ASSAULT"}
    pred = {
        # mapped from CAMEO; the second gives its own type, which wins over mapping
        "a": [ev("ISRGOV", "PSE", "173"), ev("USA", "", "190", plover="request")],
        # 010 has no PLOVER type: not a plover event, so not an fp either
        "b": [ev("USA", "CHN", "010"), ev("USA", "CHN", "190")],
    }
    r = score(gold, pred, cameo_to_plover=mapping.get)
    assert counts(r.levels["plover"]) == (2, 1, 0)
    # No gold event has a CAMEO code, so those levels are not reported.
    assert set(r.levels) == {"plover", "detect"}
    assert r.rank_level == "plover"


def test_plover_without_mapping_ignores_cameo_only_predictions():
    gold = [rec("a", [ev("ISR", "PSE", plover="COERCE")])]
    r = score(gold, {"a": [ev("ISR", "PSE", "173")]})
    assert counts(r.levels["plover"]) == (0, 0, 1)


def test_plover_level_absent_for_cameo_only_gold():
    gold = [rec("a", []), rec("b", [ev("USA", "CHN", "042")])]
    r = score(gold, {"a": [ev("USA", "CHN", "042", plover="CONSULT")]})
    assert set(r.levels) == {"root", "code", "detect"}
    assert counts(r.levels["root"]) == (0, 1, 1)


def test_set_without_labels_reports_only_detect():
    r = score([rec("a", [])], {"a": [ev("USA", "CHN", "042")]})
    assert set(r.levels) == {"detect"}
    assert counts(r.levels["detect"]) == (0, 1, 0)


def test_per_root_counts():
    gold = [rec("a", [ev("USA", "CHN", "042"), ev("USA", "CHN", "190"), ev("A", "B", "036")])]
    pred = {"a": [ev("USA", "CHN", "043"), ev("USA", "CHN", "111"), ev("A", "B", "036")]}
    r = score(gold, pred)
    roots = {k: counts(v) for k, v in r.per_root.items()}
    assert roots == {"03": (1, 0, 0), "04": (1, 0, 0), "11": (0, 1, 0), "19": (0, 0, 1)}
    assert list(r.per_root) == sorted(r.per_root)


def test_worst_records_and_format():
    gold = [
        rec("b", [ev("USA", "CHN", "042")]),
        rec("a", [ev("USA", "CHN", "042")]),
        rec("c", [ev("USA", "CHN", "042"), ev("FRA", "DEU", "036")]),
        rec("d", [ev("USA", "CHN", "042")]),
    ]
    pred = {
        "b": [ev("USA", "CHN", "190")],
        "a": [ev("USA", "RUS", "042")],
        "c": [ev("IRN", "IRQ", "111")],
        "d": [ev("USA", "CHN", "042")],
    }
    r = score(gold, pred)
    assert [(x.id, x.fp, x.fn) for x in r.worst()] == [("c", 1, 2), ("a", 1, 1), ("b", 1, 1)]
    assert r.records[0].spurious == [("USA", "CHN", "19")]
    assert r.records[0].missing == [("USA", "CHN", "04")]

    text = r.format(errors=3, worst=2, names={"04": "CONSULT"})
    assert "Coder errors: 3" in text
    for token in ("root", "code", "detect", "CONSULT", "text of c", "text of a"):
        assert token in text
    assert "text of b" not in text  # only the two worst
    json.dumps(r.to_dict())  # serialisable


def test_predictions_may_be_events_and_missing_ids_predict_nothing():
    gold = [rec("a", [ev("USA", "CHN", "042")]), rec("b", [ev("USA", "CHN", "042")])]
    event = Event(doc_id="a", sentence_id=0, sentence="", date=None,
                  source="USA", target="CHN", cameo="042")
    r = score(gold, {"a": [event], "zzz": [ev("X", "Y", "010")]})
    assert counts(r.levels["root"]) == (1, 0, 1)


def write(tmp_path, lines):
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_load_gold_reports_file_and_line(tmp_path):
    good = json.dumps(rec("a", []))
    p = write(tmp_path, [good, "", "{not json"])
    with pytest.raises(ValueError, match=r"gold\.jsonl:3: invalid JSON"):
        load_gold(p)
    p = write(tmp_path, [good, json.dumps(rec("b", [{"source": "USA", "target": "CHN"}]))])
    with pytest.raises(ValueError, match=r"gold\.jsonl:2: event 0 has neither"):
        load_gold(p)
    p = write(tmp_path, [json.dumps({"text": "no id", "events": []})])
    with pytest.raises(ValueError, match=r"gold\.jsonl:1: .*'id'"):
        load_gold(p)


def test_load_gold_renames_duplicate_ids(tmp_path, caplog):
    p = write(tmp_path, [json.dumps(rec("a", [])), json.dumps(rec("a", [ev("X", "Y", "010")]))])
    with caplog.at_level(logging.WARNING, logger="dyad.coding.evaluate"):
        records = load_gold(p)
    assert [r["id"] for r in records] == ["a", "a#2"]
    assert records[1]["original_id"] == "a"
    assert "duplicate id" in caplog.text


def test_evaluate_file_hides_gold_from_coder(tmp_path):
    p = write(tmp_path, [json.dumps(rec("a", [ev("USA", "CHN", "042")], config={"x": "1"}))])
    seen = []

    def coder(records):
        seen.extend(records)
        return {r["id"]: [ev("USA", "CHN", "042")] for r in records}

    r = evaluate_file(p, coder)
    assert "events" not in seen[0] and seen[0]["config"] == {"x": "1"}
    assert r.levels["code"].f1 == 1.0


def test_load_cameo2plover(tmp_path):
    p = tmp_path / "map.csv"
    p.write_text(
        "cameo_code,cameo_description,plover_event,plover_mode,plover_context\n"
        "031,Agree,AGREE,,diplomatic\n0311,Econ,AGREE,,economic\n",
        encoding="utf-8",
    )
    f = load_cameo2plover(p)
    assert f("0311") == "AGREE"
    assert f("0314") == "AGREE"  # falls back to 031
    assert f("010") == ""


@pytest.mark.skipif(not PETR2_GSR.exists(), reason=f"shared gold set not found at {PETR2_GSR}")
def test_petr2_gsr_against_itself_is_perfect():
    gold = load_gold(PETR2_GSR)
    pred = {r["id"]: r["events"] for r in gold}
    r = score(gold, pred)
    assert r.levels["root"].f1 == 1.0
    assert r.levels["code"].f1 == 1.0
    assert r.levels["detect"].f1 == 1.0
    assert "plover" not in r.levels
    assert r.worst() == []


def test_gold_scheme_follows_the_labels():
    from dyad.coding.evaluate import gold_scheme

    plover = [{"id": "a", "text": "t", "events": [{"source": "USA", "target": "", "plover": "CONSULT"}]}]
    cameo = [{"id": "b", "text": "t", "events": [{"source": "USA", "target": "RUS", "cameo": "040"}]}]
    both = [{"id": "c", "text": "t", "events": [{"source": "USA", "target": "RUS", "cameo": "040", "plover": "CONSULT"}]}]
    assert gold_scheme(plover) == "plover"
    assert gold_scheme(cameo) == "cameo" and gold_scheme(both) == "cameo" and gold_scheme([]) == "cameo"


def test_records_with_no_event_predicted_are_listed():
    gold = [rec("a", [ev("USA", "CHN", "042")]), rec("b", [ev("FRA", "DEU", "036")]), rec("c", [])]
    pred = {"a": [ev("USA", "CHN", "042")], "b": [], "c": []}
    r = score(gold, pred)
    assert [x.id for x in r.silent] == ["b"]  # c states no event: nothing is missing
    assert r.to_dict()["silent"] == ["b"]
    text = r.format(names={"03": "INTENT"})
    assert "Records with gold events and no event predicted: 1" in text
    assert "text of b" in text and "FRA -> DEU 036" in text
    # the per-root table shows each root's gold events and recall
    header = next(line for line in text.splitlines() if line.startswith("root ") and "name" in line)
    assert "gold" in header and "R" in header
    assert "... and" in r.format(silent=0)
