"""The sync twins are generated from the async sources (scripts/unasync_gen.py, run by scripts/generate):
the executor (``ollixir/_core``) and the batch job (``ollixir/batch``).

The committed sync file must be exactly what the generator makes of the committed async file, so an
edit to an async source that was not regenerated fails here; the rules must leave nothing async
behind in the generated code; and each async primitive has its sync twin under the replaced name.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import io
import tokenize
from pathlib import Path
from types import ModuleType

import pytest

from ollixir import batch
from ollixir._core import async_io, sync_io
from ollixir.batch import _async, _async_pool, _docs, _sync, _sync_pool

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


# For each pair, an edit of its async source and what the edit turns into in the sync file.
EDITS = {
    "ollixir/_core/async_exec.py": ("attempt += 1", "attempt += 2", "attempt += 2"),
    "ollixir/batch/_async.py": (
        "await pool.first_done()",
        "await pool.first_done() or []",
        "in pool.first_done() or []:",
    ),
}


def test_every_pair_has_an_edit() -> None:
    assert {source for source, _ in gen.PAIRS} == set(EDITS)


@pytest.mark.parametrize(("source", "target"), gen.PAIRS)
def test_an_edit_to_the_async_file_shows_in_the_sync_one(source: str, target: str) -> None:
    """The committed sync file no longer matches once its async source is edited: editing the async
    file without running scripts/generate fails the byte-for-byte test above (and scripts/check)."""
    old, new, generated = EDITS[source]
    text = (ROOT / source).read_text(encoding="utf-8")
    edited = text.replace(old, new)
    assert edited != text
    fresh = gen.render(source, edited, target)
    assert fresh != (ROOT / target).read_text(encoding="utf-8")
    assert generated in fresh


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


def test_every_batch_primitive_has_a_sync_twin_under_the_replaced_name() -> None:
    renamed = {gen.unasync_source(name).strip() for name in _async_pool.__all__}
    assert renamed == set(_sync_pool.__all__)
    # The pools have the same methods; a method awaited in the async pool is a plain one in the sync.
    assert gen.unasync_source("AsyncPool").strip() == "SyncPool"

    def methods(cls: type) -> dict[str, bool]:
        return {
            gen.unasync_source(n).strip(): inspect.iscoroutinefunction(f)
            for n, f in vars(cls).items()
            if callable(f) and (not n.startswith("_") or n in ("__init__", "__len__"))
        }

    async_methods, sync_methods = methods(_async_pool.AsyncPool), methods(_sync_pool.SyncPool)
    assert set(async_methods) == set(sync_methods) == {"__init__", "__len__", "start", "first_done", "close"}
    assert {n for n, is_async in async_methods.items() if is_async} == {"first_done", "close"}
    assert not any(sync_methods.values())
    assert _async_pool.client_types()[2] == "embed_many"
    assert _sync_pool.client_types()[2] == "aembed_many"


@pytest.mark.parametrize(
    ("module", "docs"), [(_async, _docs.AsyncDocs), (_sync, _docs.SyncDocs)], ids=["async", "sync"]
)
def test_batch_public_names_take_their_own_flavours_docstring(
    module: ModuleType, docs: type[_docs.AsyncDocs | _docs.SyncDocs]
) -> None:
    """unasync copies strings, so neither batch module may hold a docstring literal on a public name;
    each one's ``__doc__`` is the one written for its flavour in _docs.py."""
    tree = ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef) and node.name in module.__all__:
            assert ast.get_docstring(node) is None, node.name
    job, function = (getattr(module, name) for name in module.__all__)
    assert isinstance(job, type) and callable(function)
    assert job.__doc__ == docs.JOB
    assert function.__doc__ == docs.FUNCTION
    assert getattr(batch, job.__name__) is job and getattr(batch, function.__name__) is function


def test_the_sync_docs_say_nothing_async() -> None:
    for text in (_docs.SyncDocs.JOB, _docs.SyncDocs.FUNCTION):
        assert "await" not in text and "async for" not in text and "aembed_many" not in text
    assert "embed_many(client" in _docs.SyncDocs.FUNCTION
    assert "async for batch in ollixir.batch.aembed_many" in _docs.AsyncDocs.FUNCTION
