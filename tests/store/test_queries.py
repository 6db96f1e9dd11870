"""Questions to the store: filters, dyads, actors, network, export and plots, from Python
and from the command line."""
import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import dyad
from dyad.cli import main
from dyad.errors import InputError
from dyad.ingest.read import read_paths
from dyad.store.export import GDELT_COLUMNS
from dyad.store.queries import actor_pattern

DATA = Path(__file__).resolve().parent.parent / "data" / "store"


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    path = tmp_path_factory.mktemp("store") / "events.duckdb"
    dyad.api.code_into(path, read_paths([str(DATA / "week1.jsonl"), str(DATA / "week2.jsonl")]))
    return path


@pytest.fixture()
def store(db):
    with dyad.open(db, read_only=True) as s:
        yield s


@pytest.mark.parametrize("value,matches,misses", [
    ("RUS", ["RUS", "RUSGOV", "RUSMILGOV"], ["UKR", "IGORUS", "RU"]),
    ("RUSGOV", ["RUSGOV", "RUSGOVMIL"], ["RUS", "RUSMIL", "USAGOV"]),
    ("*GOV", ["RUSGOV", "GOV", "USAMILGOV", "USAGOVMIL"], ["RUSMIL", "RUSGOVX", "XGOV"]),
    ("IGO*", ["IGOUNO", "IGOEUREEC"], ["NGOUNO"]),
])
def test_actor_filters(value, matches, misses):
    import re

    rx = re.compile(actor_pattern(value))
    assert all(rx.fullmatch(m) for m in matches)
    assert not any(rx.fullmatch(m) for m in misses)


def test_actor_filter_that_is_no_code_is_an_error():
    for bad in ("USA' OR 1=1--", "Rus-sia", "RU", "US*"):
        with pytest.raises(InputError):
            actor_pattern(bad)


def test_event_filters(store):
    all_events = store.events()
    assert len(all_events) == store.count_events() > 5
    assert set(store.events(source="RUS").source) == {"RUSMIL"}
    assert set(store.events(actor="UKR*").cameo) >= {"193", "040"}
    assert set(store.events(root="19").cameo) == {"193"}
    assert set(store.events(code="173").source) == {"TURCOP"}
    assert set(store.events(plover="sanction").cameo) == {"163"}
    assert set(store.events(quad_class=4).root) <= {"14", "15", "16", "17", "18", "19", "20"}
    dated = store.events(since="2024-03-06", until="2024-03-06")
    assert len(dated) and {str(d)[:10] for d in dated.date} == {"2024-03-06"}
    assert set(store.events(text="Istanbul").cameo) == {"173"}
    assert store.events(text="nowhere-to-be-found").empty
    # a quote is only a character: no error, no events
    assert store.events(text="USA' OR 1=1--").empty
    assert store.count_events(text="x'; DROP TABLE events; --") == 0
    assert store.count_events() == len(all_events)


def test_event_paging_and_sorting(store):
    everything = store.events(sort="num_articles", descending=True)
    assert list(everything.num_articles) == sorted(everything.num_articles, reverse=True)
    page = store.events(limit=3, offset=2)
    assert list(page.event_id) == list(store.events().event_id[2:5])


def test_one_event_with_its_mentions(store):
    shelling = store.events(source="RUS", code="193", until="2024-03-05").iloc[0]
    found = store.event(shelling.event_id)
    assert found["event"]["num_mentions"] == len(found["mentions"]) == 2
    assert {"Russian forces shelled Kharkiv on Monday, killing three civilians.",
            "Russian troops shelled Kharkiv on Monday, Ukrainian officials said."} == set(found["mentions"].sentence)
    assert store.event("no-such-event") is None


def test_raw_mentions_stay_queryable(store):
    mentions = store.mentions(source="RUS", code="193")
    assert len(mentions) == 3 and set(mentions.story_id) >= {"reuters-0304-kharkiv", "ap-0305-kharkiv"}
    assert mentions.sentence.str.contains("shelled").all()


def test_dyads_per_period(store):
    months = store.dyads(period="month", source="RUS", target="UKR")
    assert len(months) == 1
    row = months.iloc[0]
    assert (row.events, row.material_conflict, row.goldstein_sum) == (2, 2, -20.0)
    days = store.dyads(period="day", source="RUS", target="UKR")
    assert len(days) == 2 and days.goldstein_mean.tolist() == [-10.0, -10.0]
    with pytest.raises(InputError):
        store.dyads(period="fortnight")


def test_actors_and_network(store):
    actors = store.actors(limit=5)
    assert len(actors) == 5
    assert list(actors.events) == sorted(actors.events, reverse=True)
    assert (actors.as_source + actors.as_target == actors.events).all()
    assert actors.label.str.len().min() > 0
    edges = store.network()
    assert {"source", "target", "events", "goldstein_mean"} <= set(edges.columns)
    assert edges.events.iloc[0] == edges.events.max()
    weights = {(e.source, e.target): e.events for e in edges.itertuples()}
    assert weights[("RUSMIL", "UKR")] == 2 and weights[("TURCOP", "TUROPP")] == 1
    assert store.network(min_events=2).shape[0] == (edges.events >= 2).sum()


def test_export_parquet_has_one_row_per_listed_event(store, tmp_path):
    import duckdb

    out = tmp_path / "events.parquet"
    assert store.export(out, "parquet") == store.count_events()
    rows = duckdb.sql(f"SELECT event_id FROM '{out}' ORDER BY event_id").fetchall()
    assert sorted(store.events().event_id) == [r[0] for r in rows]
    filtered = tmp_path / "rus.parquet"
    assert store.export(filtered, "parquet", source="RUS") == len(store.events(source="RUS"))


def test_export_gdelt_has_61_fields_on_every_line(store, tmp_path):
    out = tmp_path / "events.tsv"
    n = store.export(out, "gdelt")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == store.count_events()
    rows = [line.split("\t") for line in lines]
    assert {len(r) for r in rows} == {61}
    by_code = {r[GDELT_COLUMNS.index("EventCode")]: dict(zip(GDELT_COLUMNS, r)) for r in rows}
    shelling = next(r for r in (dict(zip(GDELT_COLUMNS, x)) for x in rows)
                    if r["EventCode"] == "193" and r["Day"] == "20240304")
    assert shelling["Actor1Code"] == "RUSMIL" and shelling["Actor1CountryCode"] == "RUS"
    assert shelling["Actor1Type1Code"] == "MIL" and shelling["Actor2CountryCode"] == "UKR"
    assert (shelling["NumMentions"], shelling["NumSources"], shelling["NumArticles"]) == ("2", "2", "2")
    assert shelling["QuadClass"] == "4" and float(shelling["GoldsteinScale"]) == -10.0
    assert shelling["EventRootCode"] == "19" and shelling["EventBaseCode"] == "193"
    # GDELT geography: FIPS 10-4 country codes (RS Russia, UP Ukraine), type 1 country or 4 city
    assert shelling["ActionGeo_FullName"] and shelling["ActionGeo_CountryCode"] in ("RS", "UP")
    assert shelling["ActionGeo_Type"] in ("1", "4") and float(shelling["ActionGeo_Lat"]) > 40
    assert shelling["Actor2Geo_CountryCode"] == "UP" and shelling["Actor2Geo_Type"] == "1"
    assert shelling["SOURCEURL"].startswith("https://")
    assert shelling["MonthYear"] == "202403" and shelling["Year"] == "2024"
    assert by_code["163"]["Actor1KnownGroupCode"] == "EEC" or by_code["163"]["Actor1Type1Code"] == "IGO"


def test_export_csv_and_jsonl(store, tmp_path):
    n = store.count_events()
    out = tmp_path / "e.csv"
    assert store.export(out, "csv") == n
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == n and "num_articles" in rows[0]
    out = tmp_path / "e.jsonl"
    assert store.export(out, "jsonl") == n
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert isinstance(recs[0]["story_ids"], list) and len(recs[0]["date"]) == 10
    with pytest.raises(InputError):
        store.export(tmp_path / "e.xlsx", "xlsx")


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def test_plots(store, tmp_path):
    w, h = _png_size(store.plot_dyad("RUS", "UKR", tmp_path / "dyad.png", period="day"))
    assert w >= 800 and h >= 600
    w, h = _png_size(store.plot_network(tmp_path / "net.png"))
    assert w >= 800 and h >= 600
    with pytest.raises(InputError, match="no events between"):
        store.plot_dyad("BRA", "ARG", tmp_path / "none.png")
    with pytest.raises(InputError, match=".png"):
        store.plot_dyad("RUS", "UKR", tmp_path / "dyad.jpeg2")


def test_cli_analysis_session(db, tmp_path):
    run = CliRunner()
    res = run.invoke(main, ["events", "--db", str(db), "--source", "RUS", "--target", "UKR", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r["num_articles"] for r in rows] == [2, 1]
    res = run.invoke(main, ["events", "--db", str(db), "--mentions", "--code", "193", "--format", "csv"])
    assert res.exit_code == 0 and len(list(csv.DictReader(io.StringIO(res.stdout)))) == 3
    res = run.invoke(main, ["dyads", "--db", str(db), "--period", "week", "--actor", "*GOV", "--format", "csv"])
    assert res.exit_code == 0 and "goldstein_mean" in res.stdout.splitlines()[0]
    res = run.invoke(main, ["actors", "--db", str(db), "--limit", "3"])
    assert res.exit_code == 0 and "as_source" in res.stdout
    res = run.invoke(main, ["network", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0 and {"source", "target", "events"} <= set(json.loads(res.stdout.splitlines()[0]))
    out = tmp_path / "rus_ukr.png"
    res = run.invoke(main, ["plot", "dyad", "RUS", "UKR", "--db", str(db), "-o", str(out)])
    assert res.exit_code == 0 and _png_size(out)[0] > 0
    res = run.invoke(main, ["export", "--db", str(db), "--format", "gdelt", "-o", str(tmp_path / "g.tsv")])
    assert res.exit_code == 0 and all(x.count("\t") == 60 for x in (tmp_path / "g.tsv").read_text().splitlines())
    res = run.invoke(main, ["events", "--db", str(db), "--source", "USA' OR 1=1--"])
    assert res.exit_code == 1 and "not an actor code" in res.output and "Traceback" not in res.output


def test_docs_list_every_column_of_the_schema():
    from dyad.store.schema import reference

    docs = (Path(__file__).resolve().parents[2] / "docs" / "STORE.md").read_text(encoding="utf-8")
    assert reference() in docs, "docs/STORE.md is out of date: paste in `python -m dyad.store.schema`"


def test_an_undated_story_is_listed_with_no_date(tmp_path, coder):
    """A story without a date gives events without one; every output still writes them."""
    db = tmp_path / "undated.duckdb"
    story = tmp_path / "story.txt"
    story.write_text("China urged Russia and Ukraine to hold peace talks.\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["code", str(story), "--db", str(db)]).exit_code == 0
    for fmt in ("jsonl", "csv", "table"):
        res = CliRunner().invoke(main, ["events", "--db", str(db), "--format", fmt])
        assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in CliRunner().invoke(main, ["events", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()]
    assert rows and all(r["date"] is None for r in rows)
    with dyad.open(db) as s:
        assert s.export(tmp_path / "g.tsv", "gdelt") == len(rows)
