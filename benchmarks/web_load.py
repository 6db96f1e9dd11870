"""A bounded load test of `dyad serve` on loopback: requests per second and latency
percentiles for /api/events and /api/code (docs/PERFORMANCE.md, "Web API").

    .venv/bin/python benchmarks/web_load.py                      # the numbers in PERFORMANCE.md
    .venv/bin/python benchmarks/web_load.py --requests 500 --clients 8 --db news.duckdb

It codes examples/corpus into a temporary store (unless --db is given), starts
`dyad serve --port 0` in its own process (so the load generator does not share its
interpreter), and has a few client threads, each with its own keep-alive connection,
send a fixed number of requests per route. Every request goes to 127.0.0.1 only; each
route stops at --requests or after --max-seconds, whichever comes first.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The filters an analyst uses, in turn: a dyad, a pattern, a root and dates, words, a page.
EVENT_QUERIES = [
    {"source": "USA", "target": "RUS"},
    {"actor": "*GOV", "limit": 20},
    {"root": "19", "since": "2024-01-01", "until": "2024-06-30"},
    {"q": "sanctions"},
    {"limit": 25, "offset": 25, "sort": "goldstein", "desc": "true"},
]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "dyad.cli", "serve", "--db", str(db), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = proc.stdout.readline()
    if not line.startswith("dyad is serving on "):
        proc.kill()
        raise SystemExit(f"the server did not start: {line!r}")
    url = line.split()[4]
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        raise SystemExit(f"refusing to load anything but loopback: {url}")
    return proc, url


def run(url: str, method: str, path: str, bodies, requests: int, clients: int, max_seconds: float) -> dict:
    """``requests`` requests from ``clients`` threads; latencies in milliseconds."""
    import httpx

    counter = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.perf_counter() + max_seconds

    def client() -> None:
        with httpx.Client(base_url=url, timeout=120) as http:
            while True:
                n = next(counter)
                if n >= requests or time.perf_counter() > deadline:
                    return
                kw = bodies(n)
                t0 = time.perf_counter()
                try:
                    r = http.request(method, path, **kw)
                    ok = r.status_code == 200
                    r.read()
                except httpx.HTTPError as exc:
                    ok, r = False, exc
                took = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies.append(took)
                    if not ok:
                        errors.append(str(getattr(r, "status_code", r)))

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    return {"route": f"{method} {path}", "requests": len(latencies), "errors": len(errors), "clients": clients,
            "seconds": round(elapsed, 2), "rps": round(len(latencies) / elapsed, 1),
            "p50_ms": round(q[49], 1), "p90_ms": round(q[89], 1), "p99_ms": round(q[98], 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="a store to serve (default: examples/corpus coded into a temporary one)")
    ap.add_argument("--requests", type=int, default=2000, help="requests to /api/events (default 2000)")
    ap.add_argument("--code-requests", type=int, default=200, help="requests to /api/code (default 200)")
    ap.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    ap.add_argument("--max-seconds", type=float, default=120, help="stop each route after this long (default 120)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON lines")
    args = ap.parse_args()

    from dyad import api

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "news.duckdb"
            api.code_into(db, api.read_paths([str(ROOT / "examples" / "corpus")]))
        story = (ROOT / "examples" / "wire_story.txt").read_text(encoding="utf-8")
        proc, url = start_server(db)
        try:
            # Warm up: the first answers build caches that later ones reuse.
            run(url, "GET", "/api/events", lambda n: {"params": EVENT_QUERIES[n % 5]}, 20, 1, 30)
            run(url, "POST", "/api/code", lambda n: {"json": {"text": story, "date": "2024-05-14"}}, 5, 1, 30)
            results = [
                run(url, "GET", "/api/events", lambda n: {"params": EVENT_QUERIES[n % len(EVENT_QUERIES)]},
                    args.requests, args.clients, args.max_seconds),
                run(url, "POST", "/api/code", lambda n: {"json": {"text": story, "date": "2024-05-14"}},
                    args.code_requests, args.clients, args.max_seconds),
            ]
        finally:
            proc.terminate()
            proc.wait(30)
    if args.json:
        for r in results:
            print(json.dumps(r))
        return
    print(f"dyad serve on loopback, {args.clients} concurrent clients, {os.cpu_count()} cores; "
          f"/api/code: examples/wire_story.txt ({len(story)} characters) per request")
    print("| route | requests | errors | req/s | p50 ms | p90 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| `{r['route']}` | {r['requests']} | {r['errors']} | {r['rps']} | {r['p50_ms']} | {r['p90_ms']} | "
              f"{r['p99_ms']} |")


if __name__ == "__main__":
    main()
