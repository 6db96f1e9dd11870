"""dyad: news text to political event data (who did what to whom, when and where)."""
from . import api
from .api import (code_articles, code_into, code_paths, code_stories, code_text, evaluate, explain, lookup, open,
                  read_paths, validate)
from .coding.coder import Coder
from .errors import DyadError
from .model import Actor, Article, Coded, Event, Sentence

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "Coded", "Coder", "DyadError", "Event", "Sentence", "api", "code_articles", "code_into",
           "code_paths", "code_stories", "code_text", "evaluate", "explain", "lookup", "open", "read_paths", "validate",
           "__version__"]
