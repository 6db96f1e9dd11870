"""Every package dyad imports is one pyproject.toml declares, and a missing optional part
is one line that names the package to install."""
import ast
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.errors import MissingDependency
from dyad.ingest.read import read_paths

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "read"


def _declared() -> set[str]:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    block = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M).group(1)
    names = re.findall(r'^\s*"([A-Za-z0-9_.-]+)', block, re.M)
    # optional parts (--engine dask, the web app) import packages their extra declares
    extras = re.search(r"^\[project.optional-dependencies\](.*?)^\[", text, re.S | re.M).group(1)
    names += re.findall(r'"([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==', extras)
    return {_norm(n) for n in names}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_modules() -> dict[str, str]:
    """Top-level module -> first file importing it, for absolute imports in src/dyad."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "src" / "dyad").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                mods = [node.module]
            else:
                continue
            for mod in mods:
                found.setdefault(mod.split(".")[0], str(path.relative_to(ROOT)))
    return found


def test_every_third_party_import_is_declared_directly():
    owners = metadata.packages_distributions()
    declared = _declared()
    missing = []
    for mod, where in _imported_modules().items():
        if mod in sys.stdlib_module_names or mod in ("dyad", "__future__"):
            continue
        dists = owners.get(mod)
        assert dists, f"{where} imports {mod}, which no installed distribution provides"
        if not any(_norm(d) in declared for d in dists):
            missing.append(f"{mod} ({where}) from {dists}")
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_html_cleaning_packages_are_declared_directly():
    # pip 23.2 skips the extra lxml[html_clean] that justext asks for
    assert {"lxml", "lxml-html-clean", "charset-normalizer"} <= _declared()


def test_missing_html_cleaner_is_one_line_naming_the_package(monkeypatch):
    monkeypatch.setitem(sys.modules, "lxml_html_clean", None)
    with pytest.raises(MissingDependency) as err:
        list(read_paths([str(DATA / "page.html")]))
    assert "lxml_html_clean" in str(err.value) and "pip install lxml_html_clean" in str(err.value)

    res = CliRunner().invoke(main, ["code", str(DATA / "page.html"), "--format", "jsonl"])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert [line for line in res.stderr.splitlines() if line.strip()] == [
        "Error: reading HTML pages needs the package 'lxml_html_clean', which is not installed; "
        "install it with: pip install lxml_html_clean"]
