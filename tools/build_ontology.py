"""Regenerate src/dyad/data/ontology/*.tsv from the reference tables in ../shared/ontology.

Run from the repository root:  python tools/build_ontology.py [--shared ../shared]

The reference tables are read, not copied: only codes, names, Goldstein values and
PLOVER assignments (facts) are carried over; descriptions are our own.
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dyad" / "data" / "ontology"

QUAD_BY_ROOT = {**{f"{r:02d}": 1 for r in range(1, 5)}, **{f"{r:02d}": 2 for r in range(5, 9)},
                **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}

PLOVER_QUAD = {"verbal_cooperation": 1, "material_cooperation": 2,
               "verbal_conflict": 3, "material_conflict": 4}

# One-line definitions of our own; the PLOVER manual is CC BY-SA, so we paraphrase
# nothing from it word for word.
PLOVER_DEFINITIONS = {
    "AGREE": "Says it will cooperate: offers, promises, pledges or agrees to act later.",
    "CONSULT": "Meets, talks, negotiates, visits or hosts, in person or remotely.",
    "SUPPORT": "Backs another side in words: praise, endorsement, recognition, signed agreements.",
    "CONCEDE": "Gives ground in words: announced easing, pardons, apologies, declared truces.",
    "COOPERATE": "Carries out joint material work that benefits both sides.",
    "AID": "Gives material help that mainly benefits the recipient.",
    "RETREAT": "Actually backs down: frees captives, withdraws, disarms, lets others in, resigns.",
    "REQUEST": "Asks, appeals, urges or demands that another side act.",
    "ACCUSE": "Criticises, blames, charges, sues or investigates another side.",
    "REJECT": "Turns down a request, proposal or norm; refuses, vetoes or defies.",
    "THREATEN": "Warns of harmful action unless the other side complies.",
    "PROTEST": "Collective public dissent: rallies, strikes, riots, boycotts, blockades.",
    "SANCTION": "Cuts existing ties: breaks relations, stops aid, expels, convicts, sanctions.",
    "MOBILIZE": "Shows or readies force short of using it: alerts, deployments, drills.",
    "COERCE": "Uses state power against people short of violence: arrests, bans, seizures.",
    "ASSAULT": "Uses physical violence: attacks, fighting, bombing, killing, abduction.",
}

# CAMEO root 01 (statements) has no PLOVER counterpart: PLOVER does not code bare
# statements, so plain statements get no type (""). The few that carry a stance
# get our choice, marked basis=rule in the output.
STATEMENT_RULES = {
    "01": ("", ""),
    "010": ("", ""),
    "013": ("", ""),
    "014": ("", ""),
    "017": ("", ""),
    "018": ("", ""),
    "019": ("", ""),
    "011": ("REJECT", ""),            # declining to comment refuses engagement
    "012": ("ACCUSE", "disapprove"),  # pessimism about another side is implicit criticism
    "015": ("CONCEDE", ""),           # admitting responsibility is an admission, like an apology
    "016": ("REJECT", ""),            # denying responsibility rejects an accusation
}
# PLOVER folds CAMEO appeals (02) into REQUEST; their sub-codes mirror demands (10),
# so an appeal takes the mode of the demand code in the same position (0231 -> 1031).
APPEAL_ROOT, DEMAND_ROOT = "02", "10"


def read_codes(shared: Path) -> list[dict]:
    rows = []
    with open(shared / "ontology" / "cameo_codes.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = r["code"].strip()
            rows.append({"code": code, "name": r["name"].strip(),
                         "goldstein": float(r["goldstein"]),
                         "quad_class": QUAD_BY_ROOT[code[:2]]})
    return rows


def read_plover_types(shared: Path) -> list[dict]:
    data = json.loads((shared / "ontology" / "plover_ontology.json").read_text(encoding="utf-8"))
    types = []
    for t in data["event_types"]:
        types.append({"type": t["name"], "quad_class": PLOVER_QUAD[t["quad_class"]],
                      "modes": [m["name"] for m in t["modes"]],
                      "definition": PLOVER_DEFINITIONS[t["name"]]})
    contexts = {c["name"] for c in data["contexts"]}
    return types, contexts


def read_mapping(shared: Path, contexts: set[str]) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    with open(shared / "ontology" / "cameo2plover.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code, event, mode = r["cameo_code"].strip(), r["plover_event"].strip(), r["plover_mode"].strip()
            if not event or code in table:  # first row wins on duplicates (175 appears twice)
                continue
            # A context name in the mode column is a slip in the source (175: "pro_autocracy").
            if mode in contexts:
                mode = ""
            table[code] = (event, mode)
    return table


def parents(code: str) -> list[str]:
    """Nearest first: 4-digit -> 3-digit -> root; a root falls back to its '0' code (19 -> 190)."""
    if len(code) == 4:
        return [code[:3], code[:2] + "0", code[:2]]
    if len(code) == 3:
        return [code[:2] + "0", code[:2]]
    return [code + "0"]


# The shared table is the 2021 draft; where the PLOVER 2.0 definitions
# (plover_ontology.json) put a CAMEO code elsewhere, 2.0 wins: international sanctions
# are SANCTION, lifting a curfew or a state of emergency is a CONCEDE.
PLOVER2_OVERRIDES = {
    "163": ("SANCTION", ""),
    "0813": ("CONCEDE", ""),
    "0814": ("CONCEDE", ""),
}


def build_mapping(codes: list[str], table: dict[str, tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    out = []
    for code in codes:
        if code in PLOVER2_OVERRIDES:
            out.append((code, *PLOVER2_OVERRIDES[code], "plover2"))
            continue
        if code in table:
            out.append((code, *table[code], "table"))
            continue
        if code in STATEMENT_RULES:
            out.append((code, *STATEMENT_RULES[code], "rule"))
            continue
        if code.startswith(APPEAL_ROOT):
            mirror = DEMAND_ROOT + code[2:] if len(code) > 2 else DEMAND_ROOT + "0"
            mode = table.get(mirror, ("REQUEST", ""))[1]
            out.append((code, "REQUEST", mode, "rule"))
            continue
        for p in parents(code):
            hit = table.get(p) or (STATEMENT_RULES.get(p))
            if hit:
                out.append((code, *hit, "parent:" + p))
                break
        else:
            raise SystemExit(f"no PLOVER mapping for CAMEO {code}")
    return out


def write_tsv(path: Path, header: list[str], rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    codes = read_codes(args.shared)
    write_tsv(OUT / "cameo.tsv", ["code", "name", "goldstein", "quad_class"],
              [(c["code"], c["name"], c["goldstein"], c["quad_class"]) for c in codes])

    types, contexts = read_plover_types(args.shared)
    write_tsv(OUT / "plover.tsv", ["type", "quad_class", "modes", "definition"],
              [(t["type"], t["quad_class"], ",".join(t["modes"]), t["definition"]) for t in types])

    table = read_mapping(args.shared, contexts)
    known = {t["type"] for t in types}
    mapping = build_mapping([c["code"] for c in codes], table)
    bad = [m for m in mapping if m[1] not in known and m[1] != ""]  # "" = no PLOVER type
    if bad:
        raise SystemExit(f"unknown PLOVER types: {bad}")
    write_tsv(OUT / "cameo2plover.tsv", ["cameo", "plover", "mode", "basis"], mapping)

    seen: dict[str, str] = {}
    with open(args.shared / "ontology" / "cameo_actor_types.txt", encoding="utf-8") as f:
        next(f)
        for line in f:
            if line.strip():
                code, label = line.rstrip("\n").split("\t", 1)
                seen.setdefault(code.strip(), label.strip())
    write_tsv(OUT / "actor_types.tsv", ["code", "label"], seen.items())
    print(f"wrote {len(codes)} CAMEO codes, {len(types)} PLOVER types, "
          f"{len(mapping)} mappings, {len(seen)} actor types to {OUT}")


if __name__ == "__main__":
    main()
