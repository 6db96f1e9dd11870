"""dyad: news text to political event data (who did what to whom, when and where).

The public functions live in ``dyad.api`` and are loaded on first use (``dyad.code_text``,
``from dyad import Event``): importing ``dyad`` alone, as every worker and the command
line do first, must not load spaCy before it is needed (docs/PERFORMANCE.md, start-up).
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# name -> the module it comes from
_EXPORTS = {
    **{name: "dyad.api" for name in ("code_articles", "code_into", "code_paths", "code_stories", "code_text", "evaluate",
                                     "explain", "lookup", "open", "read_paths", "validate")},
    "Coder": "dyad.coding.coder",
    "DyadError": "dyad.errors",
    **{name: "dyad.model" for name in ("Actor", "Article", "Coded", "Event", "Sentence")},
}
__all__ = sorted([*_EXPORTS, "api", "__version__"])


def __getattr__(name: str) -> Any:
    if name == "api":
        return importlib.import_module("dyad.api")
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value  # looked up once
        return value
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
