"""The coder switches a lexicon directory may set in ``settings.tsv`` (``name  value``):
one typed, frozen record, checked when it is read."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from .tsv import LexiconIssue, read_tsv

# Settings that take one of several words rather than true/false; the first is the default.
CHOICES: dict[str, tuple[str, ...]] = {"modals": ("drop", "keep"), "negation": ("drop", "pico")}


@dataclass(frozen=True)
class Settings:
    # recode promised or threatened acts as intent/threat codes ("will send aid": 033);
    # dictionaries that code the verb literally (PETRARCH) turn this off
    future_as_intent: bool = True
    # add the reverse event of mutual acts listed in symmetric.tsv ("A met B": B met A)
    reverse_mutual: bool = True
    # read actors from prepositional phrases as PETRARCH does: a target that is no actor
    # is looked for in the phrases that qualify it ("cordoned off the roads leading into
    # Mordor": Mordor), any phrase of the verb may name the target ("arrived in Gondor"),
    # and a passive without "by" takes its doer from them ("was shot in Osgiliath")
    phrase_targets: bool = False
    # a pattern's object or phrase word may be a modifier of the noun as well as the
    # noun itself ("memos on economic issues" matches `memo on economic`), as PETRARCH
    # matches any word of a noun phrase
    modifier_words: bool = False
    # code a phrase as PETRARCH does: the actor's own code (AFGINSTAL, even from
    # "commanders of the Taliban") followed by the sector of every agent in it, in text
    # order, each unless the code has it already ("Russian Islamist media": RUSMUSMED); a
    # bare noun coordinated with it shares its modifiers ("... media and government")
    combine_agents: bool = False
    # a pattern's object word may be the object of the verb's infinitive complement when
    # the verb has none of its own ("vowed to wage war" matches `vow war`), as PETRARCH
    # reads the words after the verb whatever verb they belong to
    complement_objects: bool = False
    # what an act under a modal or a condition ("could attack", "should have acted",
    # "if X attacks") becomes: `drop` it, or `keep` it as a fact, as PETRARCH does
    modals: str = "drop"
    # what a negated event becomes: `drop` it ("did not attack" is no event), or `pico`:
    # recode it with negation.tsv as PETRARCH2 does through its internal coding
    # ontology ("did not clash" 110 -> 050), dropping codes the table lacks
    negation: str = "drop"

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            allowed = CHOICES.get(f.name)
            if allowed is not None and value not in allowed:
                raise ValueError(f"setting {f.name} must be one of {', '.join(allowed)}, not {value!r}")
            if allowed is None and not isinstance(value, bool):
                raise ValueError(f"setting {f.name} must be true or false, not {value!r}")

    @property
    def keep_modals(self) -> bool:
        return self.modals == "keep"

    @property
    def petrarch_negation(self) -> bool:
        return self.negation == "pico"


def _allowed(name: str) -> tuple[str, ...]:
    return CHOICES.get(name, ("true", "false"))


def read_settings(settings: Settings, path: Path, issues: list[LexiconIssue]) -> Settings:
    """``settings`` with the values of a settings.tsv over them; a bad row is reported
    and leaves its setting as it was."""
    if not path.exists():
        return settings
    names = [f.name for f in fields(Settings)]
    for ln, r in read_tsv(path, ["name", "value"], issues):
        name, value = r["name"], r["value"].lower()
        if name not in names or value not in _allowed(name):
            known = ", ".join(f"{k} ({'/'.join(_allowed(k))})" for k in names)
            issues.append(LexiconIssue(str(path), ln, f"unknown setting {name!r} or value {value!r}: settings are {known}"))
            continue
        settings = replace(settings, **{name: value if name in CHOICES else value == "true"})
    return settings
