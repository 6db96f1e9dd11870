"""Two pure ASGI middlewares (no per-request task or copying, unlike Starlette's
``BaseHTTPMiddleware``): a limit on request bodies, and security headers.

Request bodies larger than the limit get 413 before any route sees them.

The declared ``Content-Length`` is checked first, so a client announcing 12 MB is turned
away without a byte read; a body sent in chunks (no length) is counted as it arrives
and refused the moment it passes the limit. A body within the limit is read whole here
(at most the limit, 10 MB by default, in memory) and handed on to the app unchanged.
"""
from __future__ import annotations

import json

MAX_BODY_BYTES = 10 * 1024 * 1024


class BodyLimit:
    """Pure ASGI middleware: it wraps ``receive``, so it works for any route and any
    way a route reads its body, and costs nothing for requests without one."""

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":  # the client went away mid-upload
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()  # after the body: disconnect notices, as usual

        await self.app(scope, replay, send)

    async def _refuse(self, send) -> None:
        mb = self.max_bytes / (1024 * 1024)
        payload = json.dumps({"error": f"request body too large: the limit is {mb:g} MB"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                                # the rest of the upload is never read: the connection cannot be reused
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": payload})


def _content_length(scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # malformed: the server rejects it; counting still applies
    return None


# Scripts only from this server (none inline, so a story's text can never run as one even
# if it reached the page as markup); styles inline too, which the chart and OpenAPI
# libraries set. Nothing may frame the pages.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class SecurityHeaders:
    """Adds ``_HEADERS`` to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
