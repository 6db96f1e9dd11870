"""Lexicons: the TSV tables dyad codes with, the CAMEO/PLOVER ontology, and the
PETRARCH dictionary importer."""
from . import ontology
from .loader import (ActorEntry, Lexicon, LexiconError, LexiconIssue, Pattern, builtin_dir, default_lexicon, load,
                     parse_pattern, validate)
from .settings import Settings
from .tsv import read_tsv

__all__ = ["ActorEntry", "Lexicon", "LexiconError", "LexiconIssue", "Pattern", "Settings", "builtin_dir",
           "default_lexicon", "load", "ontology", "parse_pattern", "read_tsv", "validate"]
