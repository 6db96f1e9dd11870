"""What real news says that dyad does not code: the verbs and nouns that link two actors
in sentences where dyad found no event, ranked by how often they occur.

    python benchmarks/missed.py CORPUS [CORPUS ...] [--top 40] [--date YYYY-MM-DD] [--json]
    python benchmarks/missed.py ~/news/ --lexicon my_lexicon/ --min-count 2

CORPUS is anything `dyad code` reads (folders, .txt, .html, .jsonl, .csv). A text file
whose name starts with a date (`2014-04-26_ukraine.txt`) takes that date as its story
date; otherwise records keep their own date, or `--date`.

For every sentence that gives no event, each verb whose subject is an actor and whose
object or prepositional phrase names another actor ("Jordan's relief flight landed in
Karachi": land ... in), and each noun with an actor of its own ("India's withdrawal")
or a phrase naming one ("talks between A and B"), is counted under its lemma (phrasal
verbs joined: `pull_out`). The table gives, per lemma: how often, in how many stories,
whether the lexicon has any pattern on that word (`known`: then the patterns did not
match, or their candidates were dropped, and the commonest reason is shown), the
phrase shapes it came with, and one example. Words at the top with `known` = no are
missing patterns; those with `known` = yes are patterns that do not fit how the news
phrases the act. `--coded-sentences` also counts such words in sentences where other
words gave events (a second act in the same sentence). Nothing is written anywhere: the
corpus stays where it is.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Span, Token

from dyad.api import coder as get_coder, read_paths
from dyad.coding.actors import DocContext, SentenceActors
from dyad.coding.coder import Coder, Trace
from dyad.coding.events import lemma_candidates, named_doers, prep_objects, subjects
from dyad.coding.parties import resolve_all
from dyad.ingest import clean
from dyad.model import Article

_DATED_NAME = re.compile(r"(?:^|/)(\d{4}-\d{2}-\d{2})[^/]*$")
# Phrases that can name the other party of an act; "in"/"at" often name only a place,
# but "landed in Karachi" is what we want to see, so they are kept and shown as shapes.
_PREPS = ("with", "to", "against", "on", "at", "for", "from", "into", "over", "between", "in", "toward",
          "towards", "of", "by", "about", "upon", "among")
_NOUN_PREPS = ("with", "against", "between", "to", "on", "of", "from", "for", "over", "by", "in")
_SKIP_VERBS = {"be", "have", "do"}


@dataclass
class Word:
    """What was seen of one lemma."""

    lemma: str
    kind: str  # verb | noun
    count: int = 0
    stories: set[str] = field(default_factory=set)
    shapes: Counter = field(default_factory=Counter)
    drops: Counter = field(default_factory=Counter)
    example: str = ""
    pair: str = ""


def dated(articles, default: str | None):
    """Articles, each with the date its file name starts with when it has none."""
    for art in articles:
        m = _DATED_NAME.search(art.id or "")
        if not art.date and m:
            art.date = m.group(1)
        elif not art.date and default:
            art.date = default
        yield art


def sentences(coder: Coder, articles):
    """(article, sentence, its actors, its events, its trace) for every sentence, with the
    story's context carried from sentence to sentence as the coder does."""
    for art in articles:
        context = DocContext(coder.speech)
        spans = [] if coder._discarded(art.text, "story") else clean.story_spans(art)
        sid = 0
        for doc, start in coder.nlp.pipe(((art.text[s:e], s) for s, e in spans), as_tuples=True):
            mentions = coder.actor_index.mentions(doc)
            for sent in doc.sents:
                if not sent.text.strip():
                    continue
                ms = [m for m in mentions if sent.start <= m.start < sent.end]
                sa = SentenceActors(sent, ms, art.date, start, context, coder.lexicon)
                trace = Trace(sent.text)
                events = coder.code_sentence(art, sid, sent, sa, trace)
                yield art, sent, sa, events, trace
                context.update(sa)
                sid += 1


def lemma_of(tok: Token) -> str:
    """The word's lemma, with its particle for a phrasal verb ("pull_out")."""
    lemma = tok.lemma_.lower()
    prt = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    return f"{lemma}_{prt[0]}" if prt and tok.pos_ == "VERB" else lemma


def _actors(sa: SentenceActors, toks, exclude: set[str]) -> list[str]:
    return [a.code for a in resolve_all(sa, toks) if a.code and a.code[:3] not in exclude]


def verb_links(sa: SentenceActors, verb: Token, lex) -> list[tuple[str, str, str]]:
    """(shape, source, other) for a verb whose subject and object or phrase are actors."""
    sources = _actors(sa, subjects(verb, lex), set())
    if not sources:
        return []
    own = {s[:3] for s in sources}
    out = []
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr")]
    for o in _actors(sa, objs, own)[:1]:
        out.append(("obj", sources[0], o))
    for prep in _PREPS:
        for o in _actors(sa, prep_objects(verb, prep), own)[:1]:
            out.append((prep, sources[0], o))
    return out


def noun_links(sa: SentenceActors, noun: Token) -> list[tuple[str, str, str]]:
    """(shape, party, other) for a noun with an actor of its own and another in a phrase,
    or two actors in one phrase ("talks between A and B")."""
    doers = _actors(sa, named_doers(noun), set())
    out = []
    for prep in _NOUN_PREPS:
        found = _actors(sa, prep_objects(noun, prep), set())
        others = [o for o in found if not doers or o[:3] not in {d[:3] for d in doers}]
        if doers and others:
            out.append((f"'s/{prep}", doers[0], others[0]))
        elif prep in ("between", "with", "against") and len({o[:3] for o in found}) > 1:
            out.append((f"{prep} A and B", found[0], found[1]))
    return out


def scan(coder: Coder, articles, words: dict[tuple[str, str], Word], totals: Counter, coded: bool = False) -> None:
    """Count the words linking two actors in sentences with no event (``coded``: also the
    words that gave no event in sentences that have events)."""
    lex = coder.lexicon
    known_verbs, known_nouns = coder.patterns.verbs, coder.patterns.nouns
    for art, sent, sa, events, trace in sentences(coder, articles):
        totals["sentences"] += 1
        if events:
            totals["sentences with events"] += 1
            if not coded:
                continue
        triggers = {e.evidence["trigger"][0] for e in events}
        found = False
        for tok in sent:
            if tok.idx + sa.offset in triggers:
                continue
            if tok.pos_ == "NOUN" and any(m.start <= tok.i < m.end for m in sa.mentions):
                continue  # the noun names an actor itself ("ambassador to", "the heads of ...")
            if tok.pos_ == "VERB" and tok.lemma_.lower() not in _SKIP_VERBS:
                kind, links, table = "verb", verb_links(sa, tok, lex), known_verbs
            elif tok.pos_ == "NOUN":
                kind, links, table = "noun", noun_links(sa, tok), known_nouns
            else:
                continue
            if not links:
                continue
            found = True
            lemma = lemma_of(tok)
            w = words.setdefault((lemma, kind), Word(lemma, kind))
            w.count += 1
            w.stories.add(art.id)
            w.shapes.update(shape for shape, _, _ in links)
            if any(c in table for c in lemma_candidates(tok)):
                w.drops.update(a.dropped or "kept, no event" for a in trace.attempts if a.trigger == tok.text)
                if not any(a.trigger == tok.text for a in trace.attempts):
                    w.drops["no pattern matched"] += 1
            if not w.example:
                shape, a, b = links[0]
                w.example, w.pair = sent.text.strip().replace("\n", " "), f"{a} -{shape}- {b}"
        totals["sentences with two actors, no event"] += found and not events


def report(words: dict, totals: Counter, coder: Coder, top: int, min_count: int) -> str:
    known_verbs, known_nouns = coder.patterns.verbs, coder.patterns.nouns
    ranked = sorted((w for w in words.values() if w.count >= min_count), key=lambda w: (-w.count, w.lemma))[:top]
    out = [f"{totals['stories']} stories, {totals['sentences']} sentences, "
           f"{totals['sentences with events']} with events, "
           f"{totals['sentences with two actors, no event']} with two actors and no event", "",
           "| lemma | kind | count | stories | known | shapes | why not coded | actors | example |",
           "|---|---|---|---|---|---|---|---|---|"]
    for w in ranked:
        known = w.lemma.split("_")[0] in (known_verbs if w.kind == "verb" else known_nouns) or w.lemma in known_verbs
        shapes = ", ".join(f"{s} {n}" for s, n in w.shapes.most_common(3))
        why = w.drops.most_common(1)[0][0][:60] if w.drops else "-"
        example = w.example if len(w.example) <= 160 else w.example[:157] + "..."
        out.append(f"| {w.lemma} | {w.kind} | {w.count} | {len(w.stories)} | {'yes' if known else 'no'} | {shapes} "
                   f"| {why} | {w.pair} | {example.replace('|', '/')} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="+", help="files or folders, as for `dyad code`")
    ap.add_argument("--date", help="story date for records that have none (YYYY-MM-DD)")
    ap.add_argument("--lexicon", action="append", default=[], help="lexicon directory layered over the built-in one")
    ap.add_argument("--top", type=int, default=40, help="how many lemmas to list (default 40)")
    ap.add_argument("--min-count", type=int, default=1, help="leave out lemmas seen fewer times")
    ap.add_argument("--json", action="store_true", help="every lemma as JSON instead of the table")
    ap.add_argument("--coded-sentences", action="store_true",
                    help="also count words that gave no event in sentences where other words did")
    args = ap.parse_args(argv)
    coder = get_coder(lexicon_dirs=args.lexicon)
    totals: Counter = Counter()
    words: dict[tuple[str, str], Word] = {}

    def counted(arts):
        for a in arts:
            totals["stories"] += 1
            yield a

    scan(coder, counted(dated(read_paths(args.corpus), args.date)), words, totals, args.coded_sentences)
    if args.json:
        rows = [{"lemma": w.lemma, "kind": w.kind, "count": w.count, "stories": len(w.stories),
                 "shapes": dict(w.shapes), "drops": dict(w.drops), "example": w.example, "actors": w.pair}
                for w in sorted(words.values(), key=lambda w: (-w.count, w.lemma))]
        json.dump({"totals": dict(totals), "words": rows}, sys.stdout, indent=1)
        print()
    else:
        print(report(words, totals, coder, args.top, args.min_count))


if __name__ == "__main__":
    main()
