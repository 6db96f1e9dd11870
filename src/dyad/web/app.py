"""Routes of the web view and HTTP API. Each one calls ``dyad.api``, or a method of the
read-only ``Store`` that ``api.open`` returns, and turns the answer into JSON; pages are
static files whose scripts call these routes.

Concurrency: FastAPI runs the plain ``def`` routes in a thread pool. The store is opened
read-only once, at start, and each request gets a connection of its own to it
(``Store.session``: DuckDB connections must not be shared between threads, and a new
one on an open database costs microseconds where opening the file costs milliseconds).
Coding runs in a worker thread too, one story at a time, so the pages keep answering
while a long story is being coded.
"""
import contextlib
import datetime as dt
import functools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, api
from ..errors import DyadError, InputError, StoreError
from . import api_models as m
from .middleware import MAX_BODY_BYTES, BodyLimit, SecurityHeaders

STATIC = Path(__file__).parent / "static"
NO_STORE = "this server has no event store; start it with: dyad serve --db FILE"
# Answers from the store are paged; a page larger than this is a mistake, not a need.
MAX_PAGE = 1000

PAGES = {"/": "code.html", "/events": "events.html", "/dyad": "dyad.html", "/network": "network.html",
         "/docs": "docs.html"}


def create_app(db: str | os.PathLike | None = None, max_body_bytes: int = MAX_BODY_BYTES, **options) -> FastAPI:
    """The app over the event store ``db`` (or none); ``options`` are coder options."""
    path = Path(os.fspath(db)) if db is not None else None

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        # The same app may be served again after a shutdown (tests do): open it again then.
        if app.state.anchor is None and path is not None:
            app.state.anchor = api.open(path, read_only=True)
        yield
        if app.state.anchor is not None:
            app.state.anchor.close()
            app.state.anchor = None

    app = FastAPI(title="dyad", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Political event coding (CAMEO, PLOVER) and the events of a corpus, over HTTP. "
                              "Errors are JSON objects with an `error` message. See docs/WEB.md.",
                  responses={400: {"model": m.Error, "description": "a parameter cannot be used"}})
    # Opened now, so that a missing or locked file fails at start, not on the first page;
    # requests get sessions on it.
    app.state.anchor = api.open(path, read_only=True) if path is not None else None
    app.state.path = path
    app.state.options = options
    app.state.max_body_bytes = max_body_bytes
    app.state.coding = None  # the limiter of the coding thread, made in the event loop on first use
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    _errors(app)
    app.include_router(coding)
    app.include_router(store_routes)
    _pages(app)
    return app


def _store(request: Request) -> Iterator:
    """A session of its own on the app's store, for one request."""
    anchor = request.app.state.anchor
    if anchor is None:
        raise HTTPException(404, NO_STORE)
    with anchor.session() as s:
        yield s


Store = Annotated[object, Depends(_store)]


class Filters:
    """The store's filters as query parameters (`q` is `--text`, `quad` is `--quad`)."""

    def __init__(self,
                 source: Annotated[str | None, Query(description="a country (RUS), a code (RUSGOV) or a pattern "
                                                                 "(*GOV)")] = None,
                 target: Annotated[str | None, Query(description="as source")] = None,
                 actor: Annotated[str | None, Query(description="either side, as source")] = None,
                 root: Annotated[str | None, Query(description="CAMEO root, e.g. 19")] = None,
                 code: Annotated[str | None, Query(description="CAMEO code, e.g. 193")] = None,
                 plover: Annotated[str | None, Query(description="PLOVER type, e.g. ASSAULT")] = None,
                 quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1 to 4")] = None,
                 since: Annotated[str | None, Query(description="first date, YYYY-MM-DD")] = None,
                 until: Annotated[str | None, Query(description="last date, YYYY-MM-DD")] = None,
                 q: Annotated[str | None, Query(description="words a reporting sentence contains")] = None):
        self.given = {"source": source, "target": target, "actor": actor, "root": root, "code": code,
                      "plover": plover, "quad_class": quad, "since": since, "until": until, "text": q}

    def kw(self) -> dict:
        # strict=False: any text typed into an actor box answers "no events", not an error
        return {**self.given, "strict": False}

# -- coding -------------------------------------------------------------------------------

coding = APIRouter(tags=["coding"])


@coding.post("/api/code", response_model=m.CodeResponse, response_model_exclude_unset=True, summary="Code a story",
             responses={413: {"model": m.Error, "description": "body over the limit"}})
async def code(request: Request, body: m.CodeRequest,
               explain: Annotated[bool, Query(description="add what `dyad explain` shows per sentence")] = False):
    """The story's events in the record format of `dyad code`, with evidence spans
    into `text`; with `explain=true`, each sentence's actors, the patterns tried and
    why candidates were dropped."""
    _check_date(body.date, "date")
    state = request.app.state
    if state.coding is None:
        state.coding = anyio.CapacityLimiter(1)  # one story at a time: the model is shared
    work = functools.partial(_code, body.text, body.date, body.id, explain, state.options)
    return await anyio.to_thread.run_sync(work, limiter=state.coding)


@coding.get("/api/cameo", summary="CAMEO code names")
def cameo() -> dict[str, str]:
    return api.cameo_names()


# -- the store ----------------------------------------------------------------------------

store_routes = APIRouter(tags=["store"])


@store_routes.get("/api/info", response_model=m.Info, summary="Version, store and limits")
def info(request: Request) -> dict:
    state = request.app.state
    counts = None
    if state.anchor is not None:
        with state.anchor.session() as s:
            counts = s.counts()
    return {"version": __version__, "store": state.path.name if state.path else None, "counts": counts,
            "max_body_bytes": state.max_body_bytes}


@store_routes.get("/api/events", response_model=m.EventsPage, summary="Merged events, filtered")
def events(s: Store, f: Annotated[Filters, Depends()],
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
           offset: Annotated[int, Query(ge=0)] = 0,
           sort: Annotated[str, Query(description="date, source, target, cameo, goldstein, num_mentions, "
                                                  "num_articles or num_sources")] = "date",
           desc: bool = False) -> dict:
    """A page of merged events (every column of the store's `events` table) and how
    many match in all. An actor filter that is no actor code matches nothing."""
    frame = s.events(limit=limit, offset=offset, sort=sort, descending=desc, **f.kw())
    return {"events": api.records(frame), "total": s.count_events(**f.kw())}


@store_routes.get("/api/events/{event_id}", response_model=m.EventDetail, summary="One event and its mentions",
                  responses={404: {"model": m.Error}})
def event(s: Store, event_id: str) -> dict:
    found = s.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in this store")
    import pandas as pd

    return {"event": api.records(pd.DataFrame([found["event"]]))[0], "mentions": api.records(found["mentions"])}


@store_routes.get("/api/dyads", response_model=m.Rows, summary="Dyads per period")
def dyads(s: Store, f: Annotated[Filters, Depends()],
          period: Annotated[str, Query(description="day, week, month or year")] = "month",
          by: Annotated[str, Query(description="code, or country")] = "code") -> dict:
    """Per directed dyad and period: events, Goldstein sum and mean, counts per QuadClass
    (as `dyad dyads`)."""
    return {"rows": api.records(s.dyads(period=period, by=by, **f.kw()))}


@store_routes.get("/api/actors", response_model=m.Rows, summary="The most active actors")
def actors(s: Store, f: Annotated[Filters, Depends()],
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
           by: Annotated[str, Query(description="code, or country")] = "code") -> dict:
    """Events as source, as target and in all, and mean Goldstein (as `dyad actors`)."""
    return {"rows": api.records(s.actors(limit=limit, by=by, **f.kw()))}


@store_routes.get("/api/network", response_model=m.Rows, summary="Who acts on whom")
def network(s: Store, f: Annotated[Filters, Depends()],
            min_events: Annotated[int, Query(ge=1)] = 1,
            by: Annotated[str, Query(description="code, or country")] = "code",
            limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="the heaviest edges only")] = MAX_PAGE
            ) -> dict:
    """A weighted directed edge list, heaviest first (as `dyad network`)."""
    return {"rows": api.records(s.network(min_events=min_events, by=by, **f.kw()).head(limit))}


# -- pages --------------------------------------------------------------------------------


def _pages(app: FastAPI) -> None:
    for route, page in PAGES.items():
        app.add_api_route(route, _page(page), methods=["GET"], include_in_schema=False)
    app.add_api_route("/events/{event_id}", _page("event.html", "/events"), methods=["GET"], include_in_schema=False)
    app.add_api_route("/favicon.ico", lambda: FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml"),
                      methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def _code(text: str, date: str | None, doc_id: str, explain: bool, options: dict) -> dict:
    if explain:
        sentences = api.explain(text, date, doc_id=doc_id, **options)
        for s in sentences:  # Attempt records, in their JSON form
            s["candidates"] = [a.to_dict() for a in s["candidates"]]
        return {"events": [e for s in sentences for e in s["events"]], "sentences": sentences}
    return {"events": [e.to_dict() for e in api.code_text(text, date, doc_id=doc_id, **options)]}


def _check_date(value: str | None, name: str) -> None:
    if value in (None, ""):
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name} {value!r} is not a date", "write it as YYYY-MM-DD, e.g. 2015-10-15") from None


_HEADER_MARK = "<!-- header: the same on every page, put in by the server (web/app.py) -->"


@functools.cache
def _page_html(name: str, route: str) -> str:
    """The page with the header every page shares, its own link marked as the current one."""
    html = (STATIC / name).read_text(encoding="utf-8")
    header = (STATIC / "header.html").read_text(encoding="utf-8")
    header = header.replace(f'<a href="{route}">', f'<a href="{route}" aria-current="page">', 1)
    return html.replace(_HEADER_MARK, header.rstrip("\n"), 1)


def _page(name: str, route: str | None = None):
    route = route or next((r for r, n in PAGES.items() if n == name), "")

    def page() -> HTMLResponse:
        return HTMLResponse(_page_html(name, route))

    page.__name__ = f"page_{name.split('.')[0]}"
    return page


def _errors(app: FastAPI) -> None:
    """Every error leaves as ``{"error": message}``; a stack trace never does."""

    @app.exception_handler(DyadError)
    async def dyad_error(request: Request, exc: DyadError):
        return JSONResponse({"error": str(exc)}, status_code=503 if isinstance(exc, StoreError) else 400)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return JSONResponse({"error": "; ".join(parts) or "invalid request"}, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        # The traceback goes to the server's log (uvicorn prints it), never to the client.
        return JSONResponse({"error": "internal error; the server's log has the details"}, status_code=500)
