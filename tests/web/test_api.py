"""The HTTP API through FastAPI's test client: coding, the store's questions, filters
that are only ever data, the body limit, and errors that are JSON and nothing more."""
import json
import re

import pytest

from conftest import shared_file

INJECTION = "USA' OR 1=1--"


def as_json(value):
    return json.loads(json.dumps(value))


# -- coding ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    text = shared_file("seed", "article.txt").read_text(encoding="utf-8")
    return text, json.loads(shared_file("seed", "expected.json").read_text(encoding="utf-8"))["date"]


def test_seed_story_gives_the_events_of_code_text(client, seed):
    from dyad import api

    text, date = seed
    assert date == "2015-10-15"
    r = client.post("/api/code", json={"text": text, "date": date})
    assert r.status_code == 200, r.text
    events = r.json()["events"]
    assert len(events) >= 6  # the seed test's bar: six of the seven stated events
    assert events == as_json([e.to_dict() for e in api.code_text(text, date)])
    assert "sentences" not in r.json()
    for e in events:  # evidence spans index the text that was sent
        s, t = e["evidence"]["source"]
        assert text[s:t] == e["source_text"]


def test_explain_adds_each_sentence_and_keeps_the_events(client, seed):
    text, date = seed
    plain = client.post("/api/code", json={"text": text, "date": date}).json()["events"]
    r = client.post("/api/code?explain=true", json={"text": text, "date": date})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["events"] == plain
    sentences = body["sentences"]
    assert [e for s in sentences for e in s["events"]] == plain
    for e in plain:  # each event's sentence names the rule that fired, kept
        why = sentences[e["sentence_id"]]
        assert why["sentence"] == e["sentence"]
        assert any(c["rule"] == e["rule"] and c["kept"] and not c["dropped"] for c in why["candidates"])
    actors = [a for s in sentences for a in s["actors"]]
    assert actors and all(text[a["start"]:a["end"]] == a["text"] for a in actors)
    assert any(c["dropped"] for s in sentences for c in s["candidates"])  # the hypothetical, at least


def test_events_keep_every_field_even_when_empty(client):
    from dyad import api

    text = "Russian forces attacked Ukraine."  # no date: the events' date is null, and stays in the record
    r = client.post("/api/code", json={"text": text})
    events = r.json()["events"]
    assert events and events == as_json([e.to_dict() for e in api.code_text(text)])
    assert all("date" in e and e["date"] is None for e in events)


def test_code_errors_are_json_400(client):
    for body in ({"text": "Russia attacked Ukraine.", "date": "15/10/2015"}, {"date": "2015-10-15"},
                 {"text": 42}, {"text": "x", "unknown": 1}):
        r = client.post("/api/code", json=body)
        assert r.status_code == 400, (body, r.text)
        assert r.headers["content-type"] == "application/json"
        assert isinstance(r.json()["error"], str) and r.json()["error"]
    r = client.post("/api/code", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400 and "error" in r.json()


# -- the store -------------------------------------------------------------------------


def test_events_filters_match_the_store(client, store):
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assert everything["total"] == store.count_events() == len(everything["events"]) > 20
    for params, check in [
        ({"source": "USA"}, lambda e: e["source"].startswith("USA")),
        ({"target": "RUS"}, lambda e: e["target"].startswith("RUS")),
        ({"actor": "*GOV"}, lambda e: e["source"].endswith("GOV") or e["target"].endswith("GOV")),
        ({"root": "19"}, lambda e: e["cameo"].startswith("19")),
        ({"quad": 4}, lambda e: e["quad_class"] == 4),
        ({"since": "2024-03-01", "until": "2024-03-31"}, lambda e: "2024-03-01" <= e["date"] <= "2024-03-31"),
    ]:
        page = client.get("/api/events", params={**params, "limit": 1000}).json()
        kw = {("quad_class" if k == "quad" else k): v for k, v in params.items()}
        assert page["total"] == store.count_events(**kw) == len(page["events"]), params
        assert 0 < page["total"] < everything["total"], params
        assert all(check(e) for e in page["events"]), params


def test_words_filter_and_paging_and_sorting(client, store):
    page = client.get("/api/events", params={"q": "shelled Kharkiv"}).json()
    assert page["total"] == store.count_events(text="shelled Kharkiv") > 0
    first = client.get("/api/events", params={"limit": 5, "offset": 0}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] > 10
    ids = [e["event_id"] for e in first["events"] + second["events"]]
    assert len(set(ids)) == 10
    assert ids == list(store.events(limit=10).event_id)
    by_goldstein = client.get("/api/events", params={"sort": "goldstein", "desc": "true", "limit": 1000}).json()
    scores = [e["goldstein"] for e in by_goldstein["events"] if e["goldstein"] is not None]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_a_quote_in_a_filter_is_only_a_character(client):
    total = client.get("/api/events").json()["total"]
    for name in ("source", "target", "actor"):
        r = client.get("/api/events", params={name: INJECTION})
        assert r.status_code == 200, r.text
        assert r.json() == {"events": [], "total": 0}
    for name in ("plover", "q"):
        r = client.get("/api/events", params={name: "x' OR 1=1--"})
        assert r.status_code == 200 and r.json()["total"] == 0
    for route in ("/api/dyads", "/api/actors", "/api/network"):
        r = client.get(route, params={"actor": INJECTION})
        assert r.status_code == 200 and r.json() == {"rows": []}
    # and the server is still there, with every event
    assert client.get("/api/events").json()["total"] == total > 0


def test_the_store_stays_strict_outside_the_web(store):
    from dyad.errors import InputError

    with pytest.raises(InputError):
        store.events(source=INJECTION)
    assert store.events(source=INJECTION, strict=False).empty
    assert store.count_events(actor="Rus-sia", strict=False) == 0
    assert store.count_events(source="USA", strict=False) == store.count_events(source="USA") > 0


@pytest.mark.parametrize("route,params,words", [
    ("/api/events", {"since": "yesterday"}, "not a date"),
    ("/api/events", {"until": "2024-02-30"}, "not a date"),
    ("/api/events", {"sort": "cameo; DROP TABLE events"}, "cannot sort"),
    ("/api/events", {"quad": "7"}, "quad"),
    ("/api/events", {"limit": "0"}, "limit"),
    ("/api/events", {"limit": "100000"}, "limit"),
    ("/api/events", {"root": "1x"}, "root"),
    ("/api/dyads", {"period": "fortnight"}, "period"),
    ("/api/actors", {"by": "planet"}, "group"),
    ("/api/network", {"min_events": "many"}, "min_events"),
])
def test_bad_parameters_are_json_400(client, route, params, words):
    r = client.get(route, params=params)
    assert r.status_code == 400, r.text
    assert r.headers["content-type"] == "application/json"
    assert words in r.json()["error"]
    assert "Traceback" not in r.text


def test_event_with_its_mentions(client, store):
    busiest = client.get("/api/events", params={"sort": "num_mentions", "desc": "true", "limit": 1}).json()["events"][0]
    assert busiest["num_mentions"] >= 2
    r = client.get(f"/api/events/{busiest['event_id']}")
    assert r.status_code == 200
    body = r.json()
    assert body["event"] == busiest
    mentions = body["mentions"]
    assert len(mentions) == busiest["num_mentions"]
    assert {m["story_id"] for m in mentions} == set(busiest["story_ids"])
    for m in mentions:
        base = m["sentence_start"]
        assert m["sentence"][m["source_start"] - base:m["source_end"] - base] == m["source_text"]
        assert m["sentence"][m["trigger_start"] - base:m["trigger_end"] - base] == m["trigger_text"]


def test_unknown_event_is_json_404(client):
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404
    assert r.json() == {"error": "no event 'no-such-event' in this store"}
    r = client.get("/api/no-such-route")
    assert r.status_code == 404 and r.json()["error"]


def test_analysis_routes_answer_as_the_store(client, store):
    from dyad import api

    r = client.get("/api/dyads", params={"source": "USA", "target": "RUS", "period": "month", "by": "country"})
    assert r.status_code == 200
    assert r.json()["rows"] == as_json(api.records(store.dyads(period="month", by="country", source="USA", target="RUS")))
    assert r.json()["rows"]
    r = client.get("/api/actors", params={"limit": 5, "by": "country"})
    assert r.json()["rows"] == as_json(api.records(store.actors(limit=5, by="country")))
    assert len(r.json()["rows"]) == 5
    r = client.get("/api/network", params={"by": "country", "quad": 4, "limit": 3})
    rows = r.json()["rows"]
    assert rows == as_json(api.records(store.network(by="country", quad_class=4).head(3)))
    assert rows and all(row["material_conflict"] == row["events"] for row in rows)


# -- limits and errors -----------------------------------------------------------------


def test_a_body_over_10_mb_gets_413(client):
    big = b" " * (12 * 1024 * 1024)
    r = client.post("/api/code", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert "10 MB" in r.json()["error"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(12):
            yield b" " * (1024 * 1024)

    r = client.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    # just under the limit is read and handed on (and is no JSON object: 400, not 413)
    r = client.post("/api/code", content=b" " * (10 * 1024 * 1024 - 10), headers={"content-type": "application/json"})
    assert r.status_code == 400


def test_an_unexpected_error_is_json_without_a_trace(app, monkeypatch):
    from fastapi.testclient import TestClient

    from dyad import api

    def broken():
        raise RuntimeError("secret internals at /home/someone/file.py")

    monkeypatch.setattr(api, "cameo_names", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/cameo")
    assert r.status_code == 500
    assert r.json() == {"error": "internal error; the server's log has the details"}
    assert "secret" not in r.text and "Traceback" not in r.text


def test_without_a_store_only_coding_is_offered():
    from fastapi.testclient import TestClient

    from dyad import api

    with TestClient(api.web_app(None)) as c:
        assert c.get("/api/info").json()["store"] is None
        r = c.get("/api/events")
        assert r.status_code == 404 and "dyad serve --db" in r.json()["error"]
        assert c.post("/api/code", json={"text": "Russia attacked Ukraine on Monday.", "date": "2024-05-14"}
                      ).json()["events"]
        assert c.get("/").status_code == 200


def test_a_store_that_cannot_be_opened_fails_at_start(tmp_path):
    from dyad import api
    from dyad.errors import StoreError

    with pytest.raises(StoreError, match="no such event store"):
        api.web_app(tmp_path / "missing.duckdb")


# -- pages -----------------------------------------------------------------------------


def test_pages_and_everything_they_load_come_from_this_server(client):
    seen = set()
    for page in ("/", "/events", "/events/some-id", "/dyad", "/network", "/docs"):
        r = client.get(page)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in r.headers["content-security-policy"]
        links = re.findall(r'(?:src|href)="([^"#]+)"', r.text)
        assert not [u for u in links if not u.startswith("/")], page  # no CDN, no other host
        seen.update(u for u in links if u.startswith("/static/"))
    assert any("swagger-ui-bundle.js" in u for u in seen) and any("uPlot" in u for u in seen)
    for asset in sorted(seen):
        assert client.get(asset).status_code == 200, asset
    for script in ("code", "events", "event", "dyad", "network", "common"):
        source = client.get(f"/static/js/{script}.js").text
        # data reaches the page as text only: nothing that parses a string as markup
        assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write|eval\(", source), script


def test_openapi_describes_every_route(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) >= {"/api/code", "/api/events", "/api/events/{event_id}", "/api/dyads", "/api/actors",
                                  "/api/network"}
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params >= {"source", "target", "actor", "root", "code", "plover", "quad", "since", "until", "q", "limit",
                      "offset", "sort", "desc"}
    assert "/" not in spec["paths"] and "/docs" not in spec["paths"]


def test_serve_names_the_missing_package(monkeypatch):
    import importlib.util

    from click.testing import CliRunner

    from dyad.cli import main
    from dyad.errors import MissingDependency
    from dyad import api

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "fastapi" else real(name, *a))
    with pytest.raises(MissingDependency, match="fastapi"):
        api.web_app(None)
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 1
    assert "'fastapi'" in result.output and "Traceback" not in result.output


def test_the_api_event_model_has_the_fields_of_the_event_record():
    # The API's Event is written out for its OpenAPI descriptions; it must not drift
    # from the record `dyad code` writes.
    from dataclasses import fields

    from dyad.model import Event
    from dyad.web.api_models import Event as ApiEvent

    assert list(ApiEvent.model_fields) == [f.name for f in fields(Event)]
