"""spaCy's lemmas for the words of an imported dictionary."""
from __future__ import annotations

import functools


class _Lemmas:
    """spaCy's English lemmatizer tables, so that imported words are the lemmas the
    coder will see; without a model, words are kept as written."""

    def __init__(self) -> None:
        self.rules: dict[str, list] = {}
        self.exc: dict[str, dict] = {}
        self.index: dict[str, frozenset[str]] = {}
        try:
            from ...coding.parse import load_model

            lookups = load_model().get_pipe("lemmatizer").lookups
            for pos in ("noun", "verb"):
                self.rules[pos] = list(lookups.get_table("lemma_rules").get(pos, []))
                self.exc[pos] = dict(lookups.get_table("lemma_exc").get(pos, {}))
                self.index[pos] = frozenset(lookups.get_table("lemma_index").get(pos, []))
            self.available = True
        except Exception:  # no model, or a pipeline without a rule lemmatizer
            self.available = False

    @functools.lru_cache(maxsize=None)
    def lemma(self, word: str, pos: str) -> str:
        w = word.lower()
        if not self.available or not w.isalpha():
            return w
        if pos == "verb" and w in self.index["verb"]:
            return w  # a verb entry is a base form unless the tables say otherwise
        exc = self.exc[pos].get(w)
        if exc:
            return exc[0]
        for old, new in self.rules[pos]:
            if w.endswith(old):
                form = w[: len(w) - len(old)] + new
                if form and form in self.index[pos]:
                    return form
        return w

    def is_noun(self, word: str) -> bool:
        """Do the tables know ``word`` as a noun (any word, without a model)?"""
        if not self.available:
            return True
        w = word.lower()
        return w in self.index["noun"] or self.lemma(w, "noun") in self.index["noun"]

    def noun_variants(self, word: str) -> list[str]:
        """The word as written and its lemma ("relations", "relation")."""
        w = word.lower()
        if self.available and (w in self.exc["verb"] or len(w) <= 3):
            return [w]  # "was", "has", "is": no noun plural to undo
        lem = self.lemma(w, "noun")
        return [w] if lem == w else [w, lem]
