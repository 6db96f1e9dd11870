"""Every error dyad raises on purpose is a ``DyadError``: a message that names the file
(and line) at fault, and a hint that says how to fix it. The CLI, the web app and the
engines turn these into one clear line each, at the edge; anything else is a bug."""
from __future__ import annotations


class DyadError(Exception):
    """Base of dyad's errors. ``str()`` gives the message and, when there is one, the fix."""

    def __init__(self, message: str, hint: str | None = None):
        self.message = message
        self.hint = hint
        super().__init__(message)

    def __str__(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message


class ModelNotFound(DyadError, RuntimeError):
    """The spaCy pipeline asked for (or any English one) is not installed."""


class InputError(DyadError, ValueError):
    """An argument a caller gave cannot be used (a malformed date, an unknown option)."""


class StoreError(DyadError):
    """The event store cannot be opened or written: missing folder, read-only file,
    locked by another writer, not a dyad database, disk full."""


class MissingDependency(DyadError, ImportError):
    """An optional part of dyad needs a package that is not installed."""

    def __init__(self, package: str, feature: str):
        super().__init__(f"{feature} needs the package {package!r}, which is not installed",
                         f"install it with: pip install {package}")
