"""Time dyad on the pathological inputs of docs/INPUT.md (issue 9), one process.

    .venv/bin/python tools/input_timings.py            # the quick cases
    .venv/bin/python tools/input_timings.py --long     # also 5 MB of distinct sentences (minutes)
    .venv/bin/python tools/input_timings.py --blocks   # only: one paragraph at several block limits

Each line: the case, wall time, stories' sentences and events, and the guard's warnings
or the error. Run it with ``PYTHONPATH=<other checkout>/src`` to time another version.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday. "
REAL = ("Russian troops attacked Ukrainian positions near Kharkiv on Tuesday.\n\n"
        "Israel released 20 Palestinian prisoners on Wednesday.\n\n")


def wire_paragraph(chars: int) -> str:
    """Real wire sentences (benchmarks/dev_wire.jsonl), shuffled so that nothing repeats."""
    lines = (ROOT / "benchmarks" / "dev_wire.jsonl").read_text("utf-8").splitlines()
    sents = [json.loads(x)["text"].replace("\n", " ") for x in lines]
    rnd, out, n = random.Random(1), [], 0
    while n < chars:
        rnd.shuffle(sents)
        out.extend(sents)
        n += sum(len(s) + 1 for s in sents)
    return " ".join(out)[:chars]


def cases(long: bool) -> dict[str, str]:
    out = {
        "200,000-character token alone": "x" * 200_000,
        "200,000-character token among real sentences": REAL + "The envoy said " + "x" * 200_000 + " and left.\n",
        "20,000 quote marks among real sentences": REAL + "He said " + '"' * 20_000 + " and left.\n",
        "350 kB of one repeated word": REAL + "word " * 70_000,
        "5 MB: one sentence repeated, one paragraph": SENTENCE * 72_500,
        "12,000 characters of wire sentences, one paragraph": wire_paragraph(12_000),
    }
    if long:
        out["5 MB of distinct wire sentences, one paragraph"] = wire_paragraph(5_000_000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--long", action="store_true", help="also code 5 MB of distinct sentences")
    ap.add_argument("--blocks", action="store_true", help="only: a 40,000-character paragraph at several block limits")
    args = ap.parse_args()
    if args.blocks:
        return blocks()

    import dyad
    from dyad import api
    from dyad.model import Article

    t0 = time.perf_counter()
    coder = api.coder()
    dyad.code_text("Russia attacked Ukraine.")
    print(f"start-up (model and lexicon): {time.perf_counter() - t0:.1f} s")

    t0 = time.perf_counter()
    dyad.code_text("x" * 200_000)
    print(f"dyad.code_text('x' * 200_000): {time.perf_counter() - t0:.2f} s")

    for name, text in cases(args.long).items():
        t0 = time.perf_counter()
        try:
            (story,) = coder.code_stories([Article(id="s", text=text, origin=name)])
        except Exception as exc:  # the version under test may not survive it
            print(f"{name}: {time.perf_counter() - t0:.2f} s, raised {type(exc).__name__}: {str(exc)[:80]}")
            continue
        took = time.perf_counter() - t0
        said = getattr(story, "warnings", []) or ([story.error] if story.error else [])
        print(f"{name} ({len(text):,} chars): {took:.2f} s, {len(story.sentences)} sentences, "
              f"{len(story.events)} events")
        for w in said:
            print(f"    {w[:160]}")

    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.jsonl.gz"
        body = SENTENCE * 12
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
            for i in range(400_000):
                f.write(json.dumps({"id": f"r{i}", "text": body}) + "\n")
        # read in a process of its own, so its peak memory is the reader's alone
        reader = ("import sys, time; from dyad.ingest.read import read_paths; t0 = time.perf_counter(); "
                  "n = c = 0\nfor a in read_paths([sys.argv[1]]): n, c = n + 1, c + len(a.text)\n"
                  "hwm = [x for x in open('/proc/self/status') if x.startswith('VmHWM')][0].split()[1]\n"
                  "print(n, c, time.perf_counter() - t0, int(hwm) / 1024)")
        out = subprocess.run([sys.executable, "-c", reader, str(path)], capture_output=True, text=True, check=True)
        n, chars, took, peak = out.stdout.split()
        print(f"reading a .jsonl.gz of {int(chars) / 1e6:.0f} M characters ({path.stat().st_size / 1e6:.1f} MB "
              f"compressed, {int(n):,} records): {float(took):.1f} s, peak memory {float(peak):.0f} MB")
    sys.stdout.flush()


def blocks(runs: int = 2) -> None:
    """The same paragraph coded as one block and at smaller block limits, alternating."""
    from dyad import api
    from dyad.ingest import guard
    from dyad.model import Article

    coder = api.coder()
    coder.code_articles([Article(id="warm", text="Russia attacked Ukraine.")])
    text = wire_paragraph(40_000)
    for run in range(runs):
        for limit in (10**9, 10_000, 5_000, 2_000):
            guard.BLOCK_CHARS = limit
            t0 = time.perf_counter()
            (story,) = coder.code_stories([Article(id="p", text=text)])
            print(f"run {run + 1}, {len(text):,} characters, block limit {limit:,}: {time.perf_counter() - t0:.2f} s, "
                  f"{len(story.events)} events")


if __name__ == "__main__":
    main()
