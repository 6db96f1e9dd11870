"""dyad: news text to political event data (who did what to whom, when and where)."""
from .model import Actor, Article, Event, Sentence
from .coding.coder import Coder, code_articles, code_text

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "Coder", "Event", "Sentence", "code_articles", "code_text", "__version__"]
