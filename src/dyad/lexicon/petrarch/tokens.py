"""PETRARCH pattern text as items, and the word classes its translation knows."""
from __future__ import annotations

import re

# Words that make a phrasal verb with the verb before them ("set out", "break off").
PARTICLES = frozenset(
    "up down off out back away over forth forward forwards aside together apart along "
    "around ahead home".split()
)
_DETERMINERS = frozenset({"the", "a", "an", "their", "its", "his", "her", "our", "my", "your", "whose"})
_NEGATIONS = frozenset({"not", "no", "n't", "never", "neither", "nor"})
_CONJUNCTIONS = frozenset({"and", "or"})
_MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must"})


class _Skip(Exception):
    """The pattern (or verb) cannot be expressed; the message says why."""


def _tokenize(text: str) -> list:
    """PETRARCH pattern text -> items: ("word", W), ("np", [W...]), ("pp", PREP, [items])
    and the markers "+", "$", "^", "%". Raises _Skip for unbalanced brackets."""
    spaced = re.sub(r"([(){}])", r" \1 ", text)
    toks = spaced.split()
    pos = 0

    def group(close: str | None) -> list:
        nonlocal pos
        items: list = []
        while pos < len(toks):
            t = toks[pos]
            pos += 1
            if t == close:
                return items
            if t in (")", "}"):
                raise _Skip(f"unbalanced {t!r}")
            if t == "(":
                inner = group(")")
                if not inner or inner[0][0] != "word":
                    raise _Skip("a (...) group must start with a preposition")
                items.append(("pp", inner[0][1], inner[1:]))
            elif t == "{":
                inner = group("}")
                if any(i[0] != "word" for i in inner):
                    raise _Skip("a {...} group may only hold words and synonym sets")
                items.append(("np", [i[1] for i in inner]))
            elif t in ("+", "$", "^", "%"):
                items.append(t)
            else:
                items.append(("word", t))
        if close is not None:
            raise _Skip(f"missing {close!r}")
        return items

    return group(None)


def _show(items: list) -> str:
    out = []
    for it in items:
        if isinstance(it, str):
            out.append(it)
        elif it[0] == "word":
            out.append(it[1])
        elif it[0] == "np":
            out.append("{" + " ".join(it[1]) + "}")
        else:
            out.append("(" + " ".join([it[1], _show(it[2])]).strip() + ")")
    return " ".join(out)
