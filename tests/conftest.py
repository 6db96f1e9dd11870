import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def shared_file(*parts: str) -> Path:
    """A file from ../shared, or skip: a user who clones the repository alone has none."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (shared data sits beside the repository only in the dyad workspace)")
    return path


def coded(text: str, date: str = "2020-03-02") -> set[tuple[str, str, str]]:
    """(source country, target country, CAMEO code) of every event the built-in coder
    finds in ``text``: the lexicon tests compare countries, not sectors."""
    from dyad import code_text

    return {(e.source[:3], e.target[:3], e.cameo) for e in code_text(text, date=date)}


def load_benchmark(name: str):
    """A script of benchmarks/ (not a package) as a module, for its tests."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def nlp():
    from dyad.coding.parse import load_model

    return load_model()


@pytest.fixture(scope="session")
def mini_coder():
    from dyad.coding.coder import Coder

    return Coder(lexicon_dirs=[str(DATA / "mini_lexicon")], builtin=False, locate=False)


@pytest.fixture(scope="session")
def coder():
    from dyad.coding.coder import get_coder

    return get_coder()
