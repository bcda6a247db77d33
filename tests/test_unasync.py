"""The sync executor is generated from the async one (scripts/unasync_gen.py, run by scripts/generate).

The committed sync file must be exactly what the generator makes of the committed async file, so an
edit to the async executor that was not regenerated fails here; and the rules must leave nothing
async behind in the generated code.
"""

from __future__ import annotations

import importlib.util
import io
import tokenize
from pathlib import Path
from types import ModuleType

import pytest

from ollixir._core import async_io, sync_io

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("unasync_gen", ROOT / "scripts" / "unasync_gen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _generator()


@pytest.mark.parametrize(("source", "target"), gen.PAIRS)
def test_committed_sync_file_is_what_the_async_file_generates(source: str, target: str) -> None:
    fresh = gen.render(source, (ROOT / source).read_text(encoding="utf-8"), target)
    committed = (ROOT / target).read_text(encoding="utf-8")
    assert fresh == committed, f"{target} is stale: edit {source} only, then run scripts/generate"


def test_an_edit_to_the_async_executor_shows_in_the_sync_one() -> None:
    source, target = gen.PAIRS[0]
    text = (ROOT / source).read_text(encoding="utf-8")
    edited = text.replace("attempt += 1", "attempt += 2")
    assert edited != text
    fresh = gen.render(source, edited, target)
    assert fresh != (ROOT / target).read_text(encoding="utf-8")
    assert "attempt += 2" in fresh


@pytest.mark.parametrize(("source", "target"), gen.PAIRS)
def test_nothing_async_is_left_in_the_generated_file(source: str, target: str) -> None:
    text = (ROOT / target).read_text(encoding="utf-8")
    assert text.startswith(f"# Generated from {source} ")
    names = {
        tok.string
        for tok in tokenize.generate_tokens(io.StringIO(text).readline)
        if tok.type == tokenize.NAME
    }
    left = {n for n in names if n.startswith(("async", "Async", "await", "aiter", "anext"))}
    assert left == set()
    assert names.isdisjoint(gen.REPLACEMENTS)


def test_every_async_primitive_has_a_sync_twin_under_the_replaced_name() -> None:
    renamed = {gen.REPLACEMENTS.get(name, name) for name in async_io.__all__}
    assert renamed == set(sync_io.__all__)
    for name in async_io.__all__:
        assert name.startswith("async_") and gen.REPLACEMENTS[name] == name.removeprefix("async_")
