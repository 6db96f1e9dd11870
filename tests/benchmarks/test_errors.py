"""benchmarks/errors.py: each root-level error counted once, under its class."""
import json

import pytest

from conftest import load_benchmark


@pytest.fixture(scope="module")
def errors():
    return load_benchmark("errors")


def ev(source, target, cameo):
    return {"source": source, "target": target, "cameo": cameo}


def test_a_near_miss_is_one_error_of_its_class(errors):
    record = {"gold": [ev("USAGOV", "RUSGOV", "042"), ev("FRA", "DEU", "036"), ev("IRN", "ISR", "112")],
              "predicted": [ev("USAGOV", "RUS", "043"), ev("FRA", "GBR", "036"), ev("IRN", "ISR", "130"),
                            ev("CHN", "JPN", "190")]}
    counts = errors.classify(record)
    assert counts["wrong target"] == 1  # FRA 03: DEU or GBR
    assert counts["wrong code"] == 1    # IRN->ISR 13 for 11; USA->RUS 04 is right at root level
    assert counts["extra event"] == 1 and counts["missed"] == 0 and counts["wrong source"] == 0


def test_silent_records_and_false_alarms(errors):
    silent = {"gold": [ev("SYRMIL", "SYRREB", "190")], "predicted": []}
    alarm = {"gold": [], "predicted": [ev("UKR", "RUS", "010")]}
    assert errors.classify(silent)["missed, record silent"] == 1
    assert errors.classify(alarm)["false alarm"] == 1


def test_legacy_codes_and_dashes_are_scored_as_the_scorer_does(errors):
    record = {"gold": [ev("---REB", "", "190")], "predicted": [ev("", "", "190")]}
    assert sum(errors.classify(record).values()) == 0


def test_the_table_has_a_column_per_report(errors, tmp_path, capsys, monkeypatch):
    report = tmp_path / "after.json"
    report.write_text(json.dumps({"records": [{"gold": [ev("USA", "RUS", "042")], "predicted": []}]}))
    monkeypatch.setattr("sys.argv", ["errors.py", str(report)])
    errors.main()
    out = capsys.readouterr().out
    assert "| missed, record silent | 1 |" in out and "| all errors | 1 |" in out
