"""The server on a real loopback socket: `dyad serve` prints the address it answers on,
the body limit holds over HTTP, and the pages keep answering while a long story is coded."""
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from live import serve_in_thread

from conftest import ROOT


@pytest.fixture(scope="module")
def base(app):
    with serve_in_thread(app) as url:
        yield url


def get_json(url: str, timeout: float = 30):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.status, json.loads(r.read())


def post_json(url: str, body: dict, timeout: float = 300):
    data = json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read())


def test_events_answer_while_a_long_story_is_coded(base):
    stories = [json.loads(line)["text"] for line in (ROOT / "examples/corpus/news.jsonl").read_text().splitlines()]
    # Each copy made unique (the coder drops repeated paragraphs as boilerplate): about
    # 150,000 characters, several seconds of coding.
    long_story = "\n\n".join(f"{s} Report {i}-{j}." for i in range(40) for j, s in enumerate(stories))
    done = {}

    def code():
        t0 = time.perf_counter()
        done["status"], done["body"] = post_json(f"{base}/api/code", {"text": long_story, "date": "2024-05-14"})
        done["took"] = time.perf_counter() - t0
        done["at"] = time.perf_counter()

    worker = threading.Thread(target=code)
    worker.start()
    time.sleep(0.5)  # the story is being coded now
    latencies, answered_at = [], None
    for _ in range(5):
        t0 = time.perf_counter()
        status, page = get_json(f"{base}/api/events?source=USA&limit=10")
        latencies.append(time.perf_counter() - t0)
        answered_at = time.perf_counter()
        assert status == 200 and page["total"] > 0
    worker.join(300)
    # The copies repeat the same acts, which a story tells once (keep.story_verdicts): the
    # events are those of the corpus, not one per copy.
    assert done["status"] == 200 and len(done["body"]["events"]) >= 20
    # Every /api/events answered before the story was done, and quickly.
    assert answered_at < done["at"], (latencies, done["took"])
    assert max(latencies) < 1.0, latencies
    assert done["took"] > 2 * sum(latencies), (latencies, done["took"])


def test_413_over_http_for_declared_and_streamed_bodies(base):
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.putrequest("POST", "/api/code")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(12 * 1024 * 1024))
    conn.endheaders()  # nothing sent: the declared length is enough
    r = conn.getresponse()
    assert r.status == 413 and "10 MB" in json.loads(r.read())["error"]
    conn.close()

    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    chunk = b" " * (1024 * 1024)
    try:
        conn.request("POST", "/api/code", body=iter([chunk] * 12), headers={"Content-Type": "application/json"},
                     encode_chunked=True)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered and closed while the rest was still being sent
    r = conn.getresponse()
    assert r.status == 413
    conn.close()
    assert get_json(f"{base}/api/info")[0] == 200  # and it is still up


def test_dyad_serve_prints_the_address_it_answers_on(corpus_db):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "dyad.cli", "serve", "--db", str(corpus_db), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()  # printed once the model is loaded
        assert line.startswith("dyad is serving on http://127.0.0.1:"), (line, proc.stderr.read() if proc.poll() else "")
        url = line.split()[4]
        status, info = get_json(f"{url}/api/info")
        assert status == 200 and info["store"] == corpus_db.name and info["counts"]["events"] > 0
    finally:
        proc.terminate()
        proc.wait(30)
