"""The web view and HTTP API (``dyad serve``, docs/WEB.md): a FastAPI app whose routes
call ``dyad.api`` and the read-only ``Store`` it opens, and nothing deeper, and pages
served from ``static/`` with every script and style they need bundled (no CDN)."""
from __future__ import annotations

import importlib.util

from ..errors import MissingDependency


def require() -> None:
    """Raise ``MissingDependency`` naming the first package of the ``web`` extra that is
    missing, before anything imports it."""
    for module, package in (("fastapi", "fastapi"), ("uvicorn", "uvicorn")):
        if importlib.util.find_spec(module) is None:
            raise MissingDependency(package, "dyad serve (the web view and HTTP API)")


def create_app(db=None, **options):
    """The ASGI app; see ``dyad.api.web_app``."""
    require()
    from .app import create_app as create

    return create(db, **options)
