import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[test]')")

# This folder is a package (web.conftest), so that `conftest` stays tests/conftest.py for
# every test; live.py, beside this file, is imported by its plain name.
sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory, coder):
    """The bundled corpus (32 stories, three outlets) coded into a store."""
    from dyad import api

    path = tmp_path_factory.mktemp("web") / "news.duckdb"
    api.code_into(path, api.read_paths([str(ROOT / "examples" / "corpus")]))
    return path


@pytest.fixture(scope="session")
def store(corpus_db):
    """The same store, read-only, to compare the API's answers with."""
    from dyad import api

    with api.open(corpus_db, read_only=True) as s:
        yield s


@pytest.fixture(scope="session")
def app(corpus_db, store):
    from dyad import api

    return api.web_app(corpus_db)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c
