"""``dyad serve``: the app under uvicorn, on a socket bound here so that the address
printed is the one answering (port 0 picks a free port)."""
from __future__ import annotations

import ipaddress
import socket
import sys
from collections.abc import Callable

from .. import api
from . import require

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host``:``port``."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        from ..errors import InputError

        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror}",
                         "choose another --port (0 picks a free one)") from None
    sock.listen(128)
    return sock


def url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def log_config() -> dict:
    """uvicorn's logging with the access log on standard error too: standard output
    carries only the address line, for scripts that read it (and a pipe nobody reads
    must not fill up and stall the server)."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    return config


def run(db, host: str, port: int, on_ready: Callable[[str], None] | None = None, **options) -> None:
    require()
    import uvicorn

    app = api.web_app(db, **options)  # a store that cannot be opened fails here, before the model loads
    api.coder(**options)  # the model, loaded once, before the first request
    sock = bind(host, port)
    if not is_loopback(host):
        print(f"warning: serving on {host}: anyone who can reach this machine can use it (there is no login)",
              file=sys.stderr)
    if on_ready is not None:
        on_ready(url(sock))
    # One worker process: the model and the store are loaded once, in this process.
    server = uvicorn.Server(uvicorn.Config(app, log_level="info", access_log=True, log_config=log_config()))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
