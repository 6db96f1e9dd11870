"""Score coded events against a gold set (the rules of ../shared/gold/FORMAT.md).

The scorer knows nothing about the coder: callers load the gold records, let a coder
produce ``{record id: [event dicts]}`` and hand both to :func:`score`.

Choices where FORMAT.md leaves room:

* Malformed gold lines raise ``ValueError("file:line: ...")``. Silently skipping a
  gold record would change the scores without anyone noticing.
* Gold files may repeat an id (petr_validate has one, plover_gsr has one) with
  different texts. Predictions are keyed by id, so :func:`load_gold` renames the
  second occurrence ``<id>#2`` (keeping ``original_id``) and logs a warning.
* Which levels a gold set has is decided by its labels: ``root``/``code`` if any
  scored gold event has ``cameo``, ``plover`` if any has ``plover``; ``detect``
  always. A record with ``events: []`` takes part in every level the set has (any
  prediction there is a false positive). A record whose gold events all lack a
  level's label is left out of that level; in a mixed record only the labelled
  events are gold for it.
* A predicted event without a level's label (no ``cameo``; no ``plover`` and no
  mapping for its CAMEO code) is not an event of that level and is not counted.
  CAMEO roots 01 and 02 have no PLOVER type in cameo2plover.csv, so a coder is
  neither rewarded nor punished there for statements at the plover level.
* ``---`` as an actor's country part means "unknown": it is empty at the 3-letter
  levels, while ``---GOV`` stays ``---GOV`` at the code level.
* Precision, recall and F1 are 0.0 when undefined (zero denominator).
* Worst records are ranked on the root level, or on plover when the set has no
  CAMEO labels.
* Where recall goes: the per-root table gives each root's gold events (tp + fn) and
  recall, and ``Report.silent`` lists the records with gold events for which the coder
  predicted nothing at all (they cost recall and detection alike).
"""
from __future__ import annotations

import csv
import json
import logging
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LEVELS = ("root", "code", "plover", "detect")

LEGACY_COUNTRIES = {
    "YUG": "SRB",
    "SCG": "SRB",
    "ZAR": "COD",
    "ROM": "ROU",
    "TMP": "TLS",
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
}

Key = tuple[str, str, str]


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    records: int = 0  # records that took part in this level

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "records": self.records,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class RecordResult:
    """One scored record; ``fp``/``fn``/``missing``/``spurious`` are at the ranking level."""

    id: str
    text: str
    gold: list[dict[str, Any]]
    predicted: list[dict[str, Any]]
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missing: list[Key] = field(default_factory=list)  # gold tuples not predicted
    spurious: list[Key] = field(default_factory=list)  # predicted tuples not in gold

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "missing": [list(k) for k in self.missing],
            "spurious": [list(k) for k in self.spurious],
        }


@dataclass
class Report:
    levels: dict[str, PRF]
    per_root: dict[str, PRF]  # CAMEO root -> counts at the root level
    records: list[RecordResult]
    rank_level: str = "root"  # the level RecordResult counts refer to
    skipped: int = 0  # records with `error` or `evaluate: false`

    @property
    def silent(self) -> list[RecordResult]:
        """Records with gold events and no predicted event at all."""
        return [r for r in self.records if r.gold and not r.predicted]

    def worst(self, n: int = 10) -> list[RecordResult]:
        bad = [r for r in self.records if r.fp + r.fn]
        bad.sort(key=lambda r: (-(r.fp + r.fn), r.id))
        return bad[:n]

    def to_dict(self) -> dict[str, Any]:
        return {
            "levels": {k: v.to_dict() for k, v in self.levels.items()},
            "per_root": {k: v.to_dict() for k, v in self.per_root.items()},
            "rank_level": self.rank_level,
            "skipped": self.skipped,
            "silent": [r.id for r in self.silent],
            "records": [r.to_dict() for r in self.records],
        }

    def format(
        self,
        errors: int = 0,
        worst: int = 10,
        names: Mapping[str, str] | None = None,
        width: int = 100,
        silent: int = 50,
    ) -> str:
        """Text report; ``errors`` is the number of records the coder failed on,
        ``silent`` how many of the records with no event predicted to list."""
        out: list[str] = []
        out.append(
            f"Scored {len(self.records)} records"
            f" ({self.skipped} skipped: error or evaluate: false)"
        )
        if errors:
            out.append(f"Coder errors: {errors} record(s)")
        out.append("")
        out.append(
            f"{'level':<8}{'precision':>10}{'recall':>8}{'F1':>8}"
            f"{'tp':>7}{'fp':>7}{'fn':>7}{'records':>9}"
        )
        for name, p in self.levels.items():
            out.append(
                f"{name:<8}{p.precision:>10.3f}{p.recall:>8.3f}{p.f1:>8.3f}"
                f"{p.tp:>7}{p.fp:>7}{p.fn:>7}{p.records:>9}"
            )

        if self.per_root:
            out.append("")
            out.append("Per CAMEO root (root level; gold = tp + fn, the root's gold events)")
            out.append(
                f"{'root':<6}{'name':<32}{'gold':>5}{'tp':>5}{'fp':>5}{'fn':>5}"
                f"{'P':>7}{'R':>7}{'F1':>7}"
            )
            for root, p in self.per_root.items():
                label = (names or {}).get(root, "")[:30]
                out.append(
                    f"{root:<6}{label:<32}{p.tp + p.fn:>5}{p.tp:>5}{p.fp:>5}{p.fn:>5}"
                    f"{p.precision:>7.2f}{p.recall:>7.2f}{p.f1:>7.2f}"
                )
        out.extend(_silent_lines(self.silent, silent, width))

        bad = self.worst(worst)
        if bad:
            out.append("")
            out.append(f"Worst records ({self.rank_level} level, by fp+fn)")
            for r in bad:
                out.append("")
                out.append(f"{r.id}  fp={r.fp} fn={r.fn}")
                out.extend(
                    textwrap.wrap(
                        r.text, width=width, initial_indent="  ", subsequent_indent="  "
                    )
                )
                out.append("  gold:      " + _events_line(r.gold))
                out.append("  predicted: " + _events_line(r.predicted))
                if r.missing:
                    out.append("  missed:    " + "; ".join(_key_str(k) for k in r.missing))
                if r.spurious:
                    out.append("  spurious:  " + "; ".join(_key_str(k) for k in r.spurious))
        return "\n".join(out) + "\n"


def _silent_lines(records: list[RecordResult], n: int, width: int) -> list[str]:
    """The records with gold events but no event predicted, with their text and gold."""
    if not records:
        return []
    out = ["", f"Records with gold events and no event predicted: {len(records)}"]
    for r in records[:n]:
        out.append("")
        out.extend(textwrap.wrap(f"{r.id}  {r.text}", width=width, initial_indent="  ", subsequent_indent="    "))
        out.append("    gold: " + _events_line(r.gold))
    if len(records) > n:
        out.append(f"  ... and {len(records) - n} more (--json lists them all under 'silent')")
    return out


def _events_line(events: list[dict[str, Any]]) -> str:
    if not events:
        return "(none)"
    parts = []
    for e in events:
        label = " ".join(str(x) for x in (e.get("cameo"), e.get("plover")) if x)
        parts.append(f"{e.get('source') or '-'} -> {e.get('target') or '-'} {label}")
    return "; ".join(parts)


def _key_str(k: Key) -> str:
    return f"{k[0] or '-'} -> {k[1] or '-'} {k[2]}"


# --- loading -------------------------------------------------------------------


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file; raise ``ValueError`` naming ``file:line`` on bad input."""
    path = Path(path)
    records: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: invalid JSON: {exc.msg}") from None
            _check_record(rec, where)
            seen[rec["id"]] += 1
            if seen[rec["id"]] > 1:
                new_id = f"{rec['id']}#{seen[rec['id']]}"
                log.warning("%s: duplicate id %r renamed %r", where, rec["id"], new_id)
                rec = {**rec, "original_id": rec["id"], "id": new_id}
            records.append(rec)
    return records


def _check_record(rec: Any, where: str) -> None:
    if not isinstance(rec, dict):
        raise ValueError(f"{where}: expected a JSON object, got {type(rec).__name__}")
    if not isinstance(rec.get("id"), str) or not rec["id"]:
        raise ValueError(f"{where}: missing or non-string 'id'")
    if not isinstance(rec.get("text"), str):
        raise ValueError(f"{where}: missing or non-string 'text'")
    if not _scored(rec):
        return  # deliberately malformed or excluded: its events are never read
    events = rec.get("events")
    if not isinstance(events, list):
        raise ValueError(f"{where}: 'events' must be a list")
    for i, ev in enumerate(events):
        if not isinstance(ev, dict):
            raise ValueError(f"{where}: event {i} is not an object")
        for key in ("source", "target"):
            if key not in ev or not isinstance(ev[key], (str, type(None))):
                raise ValueError(f"{where}: event {i} needs a string {key!r}")
        if not ev.get("cameo") and not ev.get("plover"):
            raise ValueError(f"{where}: event {i} has neither 'cameo' nor 'plover'")


def gold_scheme(records: list[dict]) -> str:
    """``plover`` for a gold set whose events carry PLOVER types and no CAMEO codes (it
    follows PLOVER's conventions: an act done together is coded once per participant),
    else ``cameo``."""
    events = [e for r in records if _scored(r) for e in r.get("events") or []]
    if events and any(e.get("plover") for e in events) and not any(e.get("cameo") for e in events):
        return "plover"
    return "cameo"


def load_cameo2plover(path: str | Path) -> Callable[[str], str]:
    """A ``cameo_to_plover`` function from ontology/cameo2plover.csv.

    Codes missing from the table fall back to their shorter prefixes (0314 -> 031).
    """
    table: dict[str, str] = {}
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = (row.get("cameo_code") or "").strip()
            if code and row.get("plover_event"):
                table[code] = row["plover_event"].strip()

    def cameo_to_plover(code: str) -> str:
        code = str(code or "").strip()
        while len(code) >= 2:
            if code in table:
                return table[code]
            code = code[:-1]
        return ""

    return cameo_to_plover


# --- scoring -------------------------------------------------------------------


def _scored(rec: Mapping[str, Any]) -> bool:
    return not rec.get("error") and rec.get("evaluate", True) is not False


def normalise_actor(code: Any, width: int) -> str:
    c = str(code or "").strip().upper()
    if c[:3] in LEGACY_COUNTRIES:
        c = LEGACY_COUNTRIES[c[:3]] + c[3:]
    c = c[:width]
    return "" if c == "---" else c


def _as_dict(event: Any) -> dict[str, Any]:
    if isinstance(event, Mapping):
        return dict(event)
    if hasattr(event, "to_dict"):
        return event.to_dict()
    raise TypeError(f"cannot score event of type {type(event).__name__}")


def _key(
    ev: Mapping[str, Any], level: str, cameo_to_plover: Callable[[str], str] | None
) -> Key | None:
    """The level's tuple for one event, or None when the event has no label there."""
    cameo = str(ev.get("cameo") or "").strip()
    if level == "plover":
        label = str(ev.get("plover") or "").strip()
        if not label and cameo and cameo_to_plover is not None:
            label = str(cameo_to_plover(cameo) or "").strip()
        if not label:
            return None
        width, label = 3, label.upper()
    elif not cameo:
        return None
    elif level == "root":
        width, label = 3, cameo[:2]
    else:
        width, label = 6, cameo
    return (
        normalise_actor(ev.get("source"), width),
        normalise_actor(ev.get("target"), width),
        label,
    )


def _keys(
    events: Iterable[Mapping[str, Any]],
    level: str,
    cameo_to_plover: Callable[[str], str] | None,
) -> Counter[Key]:
    out: Counter[Key] = Counter()
    for ev in events:
        k = _key(ev, level, cameo_to_plover)
        if k is not None:
            out[k] += 1
    return out


def score(
    gold: list[dict[str, Any]],
    predicted: Mapping[str, list[Any]],
    cameo_to_plover: Callable[[str], str] | None = None,
) -> Report:
    """Compare predictions with gold, per FORMAT.md; ids missing from ``predicted``
    predicted nothing, ids not in ``gold`` are ignored."""
    scored = [r for r in gold if _scored(r)]
    skipped = len(gold) - len(scored)

    has_cameo = any(e.get("cameo") for r in scored for e in r.get("events") or [])
    has_plover = any(e.get("plover") for r in scored for e in r.get("events") or [])
    event_levels = (["root", "code"] if has_cameo else []) + (["plover"] if has_plover else [])
    rank_level = event_levels[0] if event_levels else "detect"

    levels = {name: PRF() for name in event_levels + ["detect"]}
    per_root: dict[str, PRF] = {}
    results: list[RecordResult] = []

    for rec in scored:
        gold_events = [dict(e) for e in rec.get("events") or []]
        pred_events = [_as_dict(e) for e in predicted.get(rec["id"]) or []]
        result = RecordResult(
            id=rec["id"], text=rec.get("text", ""), gold=gold_events, predicted=pred_events
        )

        for name in event_levels:
            g = _keys(gold_events, name, cameo_to_plover=None)
            if gold_events and not g:
                continue  # gold states events in another vocabulary only
            p = _keys(pred_events, name, cameo_to_plover)
            hit = g & p
            tp = sum(hit.values())
            fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
            levels[name].add(tp, fp, fn)
            levels[name].records += 1
            if name == "root":
                _count_roots(per_root, hit, p - g, g - p)
            if name == rank_level:
                result.tp, result.fp, result.fn = tp, fp, fn
                result.missing = sorted((g - p).elements())
                result.spurious = sorted((p - g).elements())

        gold_pos, pred_pos = bool(gold_events), bool(pred_events)
        det = (
            int(gold_pos and pred_pos),
            int(pred_pos and not gold_pos),
            int(gold_pos and not pred_pos),
        )
        levels["detect"].add(*det)
        levels["detect"].records += 1
        if rank_level == "detect":
            result.tp, result.fp, result.fn = det
        results.append(result)

    return Report(
        levels=levels,
        per_root=dict(sorted(per_root.items())),
        records=results,
        rank_level=rank_level,
        skipped=skipped,
    )


def _count_roots(
    per_root: dict[str, PRF], hit: Counter[Key], extra: Counter[Key], missed: Counter[Key]
) -> None:
    # An fp belongs to the predicted root and an fn to the gold root, so a wrong
    # root shows up under both codes.
    for counts, attr in ((hit, "tp"), (extra, "fp"), (missed, "fn")):
        for key, n in counts.items():
            prf = per_root.setdefault(key[2], PRF())
            setattr(prf, attr, getattr(prf, attr) + n)


def evaluate_file(
    path: str | Path,
    coder: Callable[[list[dict[str, Any]]], Mapping[str, list[Any]]],
    cameo_to_plover: Callable[[str], str] | None = None,
) -> Report:
    """Load a gold file, run ``coder`` on its records (without their gold events)
    and score the result."""
    gold = load_gold(path)
    # The coder sees everything but the answers: id, text, date, and per-record
    # options such as petr_validate's `config`.
    inputs = [{k: v for k, v in r.items() if k != "events"} for r in gold]
    return score(gold, coder(inputs), cameo_to_plover)
