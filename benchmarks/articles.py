"""Score dyad on whole articles: per-article root F1 averaged over articles, micro
P/R/F1, and the worst articles with what was missed and what was coded wrongly.

    python benchmarks/articles.py my_articles.jsonl
    python benchmarks/articles.py my_articles.jsonl --worst 10 --show 3
    python benchmarks/articles.py my_articles.jsonl --json > scores.json

The gold file has one article per line in the gold format of docs/EVALUATE.md:
``{"id": ..., "text": <the whole page as scraped, boilerplate and all>, "date":
"YYYY-MM-DD", "events": [{"source": "ISRMIL", "target": "PSECVL", "cameo": "195"}, ...]}``.
Code each event the article states once (a headline or a caption restating the lead
adds nothing), nothing from boilerplate (menus, captions, credits, bylines, related
links, copyright lines) and no background recap of older events; see
../shared/gold/CONVENTIONS.md for the codebook. News text stays outside the repository.

Scores:

* per-article root F1: for each article, F1 of its multiset of (source[:3],
  target[:3], cameo[:2]) against the gold one; an article with no gold event scores
  1 when nothing is coded and 0 otherwise; the mean over articles is the headline
  number (one long article counts as much as one short one);
* micro P/R/F1 at the root and code levels (``dyad evaluate``'s scorer), summed over
  all events;
* the worst articles by per-article F1, each gold event missed and each predicted event
  that is not in the gold, with the sentence it came from.
"""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from dyad.api import code_gold
from dyad.coding.coder import get_coder
from dyad.coding.evaluate import RecordResult, Report, _key_str, gold_scheme, load_gold, normalise_actor, score


def article_f1(r: RecordResult) -> float:
    """F1 of one article at the report's ranking level (root); 1.0 when the article has
    no gold event and none was predicted."""
    if not (r.tp or r.fp or r.fn):
        return 1.0
    return 2 * r.tp / (2 * r.tp + r.fp + r.fn)


def summary(rep: Report) -> dict:
    per = {r.id: article_f1(r) for r in rep.records}
    levels = {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1, "tp": v.tp, "fp": v.fp, "fn": v.fn}
              for k, v in rep.levels.items() if k in ("root", "code")}
    return {"articles": len(per), "per_article_root_f1": sum(per.values()) / len(per) if per else 0.0,
            "micro": levels, "per_article": per}


def _spurious_lines(r: RecordResult, width: int) -> list[str]:
    """Each predicted event that is not in the gold (root level), with its sentence."""
    want = list(r.spurious)
    extra = []
    for e in reversed(r.predicted):  # of two alike, the later one is the repetition
        key = (normalise_actor(e.get("source"), 3), normalise_actor(e.get("target"), 3), (e.get("cameo") or "")[:2])
        if key in want:
            want.remove(key)
            extra.append(e)
    out = []
    for e in reversed(extra):
        sent = " ".join((e.get("sentence") or "").split())
        out.append(f"    + {e.get('source') or '-'} -> {e.get('target') or '-'} {e.get('cameo')}"
                   f"  (sentence {e.get('sentence_id')}, {e.get('rule', '')})")
        out += textwrap.wrap(sent, width=width, initial_indent="        ", subsequent_indent="        ")[:3]
    return out


def report_text(rep: Report, worst: int, show: int, width: int = 100) -> str:
    s = summary(rep)
    out = [f"{s['articles']} articles: per-article root F1 {s['per_article_root_f1']:.3f}", ""]
    out.append(f"{'level':<8}{'precision':>10}{'recall':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    for name, m in s["micro"].items():
        out.append(f"{name:<8}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}")
    ranked = sorted(rep.records, key=lambda r: (article_f1(r), r.id))
    out += ["", f"Worst {min(worst, len(ranked))} articles (root level)"]
    for r in ranked[:worst]:
        out.append(f"  {article_f1(r):.2f}  {r.id}  tp={r.tp} fp={r.fp} fn={r.fn}")
    for r in ranked[:show]:
        out += ["", f"{r.id}  F1 {article_f1(r):.2f}"]
        out += ["    - " + _key_str(k) for k in r.missing]
        out += _spurious_lines(r, width)
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", help="JSON Lines: one whole article per line, with its gold events")
    ap.add_argument("--lexicon", action="append", default=[], help="a lexicon folder layered over the built-in one")
    ap.add_argument("--no-builtin", action="store_true", help="code with --lexicon folders only")
    ap.add_argument("--worst", type=int, default=10, help="how many of the worst articles to list")
    ap.add_argument("--show", type=int, default=5, help="how many of them to show with their errors")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    gold = load_gold(args.gold)
    coder = get_coder(None, tuple(args.lexicon), not args.no_builtin)
    inputs = [{k: v for k, v in r.items() if k != "events"} for r in gold]
    rep = score(gold, code_gold(coder, inputs, scheme=gold_scheme(gold)))
    if args.json:
        json.dump(summary(rep), sys.stdout, indent=1)
        print()
    else:
        sys.stdout.write(report_text(rep, args.worst, args.show))


if __name__ == "__main__":
    main()
