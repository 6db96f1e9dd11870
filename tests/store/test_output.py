import csv
import io
import json

import pytest

from dyad.model import Event
from dyad.store.output import CSV_COLUMNS, write_csv, write_events, write_jsonl, write_table


def make_event(**kw):
    base = dict(
        doc_id="doc1",
        sentence_id=2,
        sentence="The US refused Russia's offer of talks, \"Moscow\" said.",
        date="2015-10-08",
        source="USAGOV",
        target="RUSGOV",
        cameo="0311",
        source_text="The US",
        target_text="Russia",
        plover="REJECT",
        plover_mode="",
        goldstein=-4.0,
        quad_class=3,
        location={"name": "Genève", "country_iso2": "CH"},
        rule="verbs:REFUSE:12",
        confidence=0.8,
    )
    base.update(kw)
    return Event(**base)


def test_jsonl_round_trip_streams_generator():
    events = [make_event(), make_event(sentence_id=3, cameo="042")]
    out = io.StringIO()
    n = write_jsonl((e for e in events), out)
    assert n == 2
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [e.to_dict() for e in events]
    assert "Genève" in lines[0]  # ensure_ascii=False


def test_csv_header_and_row():
    out = io.StringIO()
    write_csv(iter([make_event()]), out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == list(CSV_COLUMNS)
    row = dict(zip(rows[0], rows[1]))
    assert row["doc_id"] == "doc1" and row["sentence_id"] == "2"
    assert row["source"] == "USAGOV" and row["target"] == "RUSGOV"
    assert row["cameo"] == "0311" and row["plover"] == "REJECT"
    assert row["goldstein"] == "-4.0" and row["quad_class"] == "3"
    assert row["location_name"] == "Genève" and row["location_country"] == "CH"
    assert row["sentence"].startswith("The US refused")
    assert len(rows) == 2


def test_csv_accepts_dicts_with_missing_fields():
    out = io.StringIO()
    write_csv([{"doc_id": "d", "source": "USA", "cameo": "042", "location": None}], out)
    row = dict(zip(*list(csv.reader(io.StringIO(out.getvalue())))))
    assert row["target"] == "" and row["goldstein"] == "" and row["location_name"] == ""


def test_table_contains_codes_without_escape_codes():
    out = io.StringIO()
    write_table([make_event()], out, names={"0311": "Express intent econ"}, width=200)
    text = out.getvalue()
    for token in ("USAGOV", "RUSGOV", "0311", "Express intent econ", "REJECT", "Genève", "doc1"):
        assert token in text
    assert "\x1b[" not in text


def test_write_events_dispatch_and_unknown_format():
    out = io.StringIO()
    write_events([make_event().to_dict()], "jsonl", out)
    assert json.loads(out.getvalue())["cameo"] == "0311"
    with pytest.raises(ValueError, match="table, jsonl, csv"):
        write_events([], "xml", io.StringIO())
