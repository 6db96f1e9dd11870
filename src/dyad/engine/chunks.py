"""What every engine shares: cutting a story stream into chunks, coding a chunk in a
worker, and putting the results back together with the stories they came from.

A chunk is coded where the coder lives (a worker process, a Dask worker); only what the
coder found travels back, not the story text, which the caller still holds.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Article, Coded

CHUNK_STORIES = 16  # stories per chunk, at most
CHUNK_CHARS = 200_000  # characters per chunk, at most (one longer story is a chunk of its own)


def chunked(articles: Iterable[Article], stories: int = CHUNK_STORIES, chars: int = CHUNK_CHARS) -> Iterator[list[Article]]:
    """Consecutive chunks of ``articles``; the same input always gives the same chunks."""
    chunk: list[Article] = []
    size = 0
    for art in articles:
        if chunk and (len(chunk) >= stories or size + len(art.text) > chars):
            yield chunk
            chunk, size = [], 0
        chunk.append(art)
        size += len(art.text)
    if chunk:
        yield chunk


def warm(options: dict) -> None:
    """Load the coder of ``options`` in this process (model and lexicon, once)."""
    from ..api import coder

    coder(**options)


def code_chunk(chunk: list[Article], options: dict) -> list[tuple]:
    """Code a chunk in this process; returns what was found per story, without its text."""
    from ..api import coder

    return [(c.sentences, c.events, c.error, c.warnings) for c in coder(**options).code_stories(chunk)]


def rejoin(chunk: list[Article], results: list[tuple]) -> Iterator[Coded]:
    for art, (sentences, events, error, warnings) in zip(chunk, results):
        yield Coded(art, sentences, events, error, warnings)
