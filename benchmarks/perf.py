"""Speed and memory of `dyad code`, beside spaCy parsing the same text alone.

    python benchmarks/perf.py                         # 10,000 sentences, 1 and 2 workers
    python benchmarks/perf.py --sentences 100000      # the large corpus
    python benchmarks/perf.py --sentences 2000 --dask # also the Dask engine

The corpus is built from text the project owns (benchmarks/dev_wire.jsonl, written for
dyad, and the stories in examples/), cut into stories of one to three sentences, as wire
copy runs, and repeated with new ids and dates up to the size asked for. Every figure is
the wall time of a whole process, as a user would see it: start-up, reading, parsing,
coding and writing. Peak memory is the largest resident set of any one process of the
run (the main process or a worker), sampled every 0.1 s.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable

PARSE_ONLY = """
import json, sys
from dyad.coding.parse import load_model
nlp = load_model(sys.argv[2] or None)
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
n = 0
for doc in nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[3])):
    n += 1
print(n)
"""


def sentences() -> list[str]:
    """Sentences the project owns: dev_wire and the bundled example stories."""
    out = [json.loads(x)["text"] for x in (HERE / "dev_wire.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    for rec in (ROOT / "examples" / "corpus" / "news.jsonl").read_text(encoding="utf-8").splitlines():
        out += [s.strip() for s in json.loads(rec)["text"].split("\n\n") if s.strip()]
    story = (ROOT / "examples" / "wire_story.txt").read_text(encoding="utf-8")
    out += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", story) if len(s.split()) > 6]
    return out


def build_corpus(path: Path, n_sentences: int, seed: int = 1) -> int:
    """Stories of 1-3 sentences until ``n_sentences``; returns the number of stories."""
    pool = sentences()
    rng = random.Random(seed)
    n = stories = 0
    with path.open("w", encoding="utf-8") as f:
        while n < n_sentences:
            k = min(rng.choice((1, 1, 1, 2, 3)), n_sentences - n)
            text = "\n\n".join(rng.choice(pool) for _ in range(k))
            day = f"20{10 + stories % 15:02d}-{1 + stories % 12:02d}-{1 + stories % 28:02d}"
            f.write(json.dumps({"id": f"bench-{stories}", "date": day, "text": text}) + "\n")
            n += k
            stories += 1
    return stories


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of any one process of the run)."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    top = psutil.Process(proc.pid)
    peak = 0.0
    while proc.poll() is None:
        try:
            for p in [top, *top.children(recursive=True)]:
                peak = max(peak, p.memory_info().rss / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.1)
    took = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err}")
    return took, peak


def dyad_cmd(corpus: Path, workers: int, engine: str = "local") -> list[str]:
    return [PY, "-m", "dyad.cli", "code", str(corpus), "--workers", str(workers), "--engine", engine,
            "--no-progress", "-o", os.devnull]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=10_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--model", default="")
    ap.add_argument("--dask", action="store_true", help="also time --engine dask")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n_stories = build_corpus(corpus, args.sentences)
        story = Path(tmp) / "one.txt"
        story.write_text("Russian troops shelled Kharkiv on Monday, officials said.\n", encoding="utf-8")
        timed([PY, "-m", "dyad.cli", "code", str(story), "-o", os.devnull, "--workers", "1"])  # warm the caches
        start, _ = timed([PY, "-m", "dyad.cli", "code", str(story), "-o", os.devnull, "--workers", "1"])
        rows = []
        for w in args.workers:
            parse, parse_mem = timed([PY, "-c", PARSE_ONLY, str(corpus), args.model, str(w)])
            took, mem = timed(dyad_cmd(corpus, w))
            rows.append((f"local, {w} worker{'s' if w > 1 else ''}", w, parse, took, mem, parse_mem))
        if args.dask:
            w = max(args.workers)
            parse = next(r[2] for r in rows if r[1] == w)
            took, mem = timed(dyad_cmd(corpus, w, "dask"))
            rows.append((f"dask local cluster, {w} workers", w, parse, took, mem, 0.0))
    n = args.sentences
    print(f"corpus: {n:,} sentences in {n_stories:,} stories; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"start-up, one short story, warm: {start:.2f} s\n")
    print("| engine | parse only (s) | dyad code (s) | parse / dyad | sentences/s | dyad's own ms/sentence | "
          "peak MB per process |")
    print("|---|---|---|---|---|---|---|")
    for name, w, parse, took, mem, _ in rows:
        own = (took - parse) * w / n * 1000
        print(f"| {name} | {parse:.1f} | {took:.1f} | {parse / took:.2f} | {n / took:.0f} | {own:.2f} | {mem:.0f} |")


if __name__ == "__main__":
    main()
