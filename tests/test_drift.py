"""SLOW (about 2 s, two real generator runs): generated/ must be exactly what openapi.yaml produces.

Each test copies openapi.yaml, openapi-python-client.yaml and scripts/generate into a temporary
directory and runs that copy of scripts/generate there (same pinned generator, ruff and hooks), so
the repository's generated/ is never touched. generated/ollixir_api holds the models, the operation
table and the client surface (``surface/``, from scripts/facade_codegen.py), all from one run.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = Path("generated") / "ollixir_api"
# One line of GenerateRequest in openapi.yaml; removing it must show up in the generated code.
REMOVED_FIELD = "suffix"


# The client surface, relative to the package; the runtime methods first.
SURFACE = [
    f"surface/{name}.py" for name in ("operations", "sync_api", "async_api", "functions", "async_functions")
]


def _stage(tmp: Path, spec_text: str) -> Path:
    (tmp / "scripts").mkdir()
    shutil.copy2(REPO / "scripts" / "generate", tmp / "scripts" / "generate")
    shutil.copy2(REPO / "scripts" / "facade_codegen.py", tmp / "scripts" / "facade_codegen.py")
    # The surface is formatted with the repository's ruff settings.
    shutil.copy2(REPO / "pyproject.toml", tmp / "pyproject.toml")
    # scripts/generate ends by generating the sync twins of the async sources it lists (--list names
    # the generated files; each sits beside its source).
    shutil.copy2(REPO / "scripts" / "unasync_gen.py", tmp / "scripts" / "unasync_gen.py")
    for folder in _unasync_folders():
        shutil.copytree(REPO / folder, tmp / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / "openapi-python-client.yaml", tmp / "openapi-python-client.yaml")
    shutil.copytree(REPO / "generator-templates", tmp / "generator-templates")
    (tmp / "openapi.yaml").write_text(spec_text, encoding="utf-8")
    return tmp


def _unasync_folders() -> set[str]:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "unasync_gen.py"), "--list"],
        capture_output=True,
        text=True,
        check=True,
    )
    folders = {str(Path(target).parent) for target in done.stdout.split()}
    assert {"ollixir/_core", "ollixir/batch"} <= folders
    return folders


def _generate(root: Path) -> dict[str, bytes]:
    env = {**os.environ, "PYTHON": sys.executable}
    done = subprocess.run(
        [str(root / "scripts" / "generate")], cwd=root, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return _snapshot(root / PACKAGE)


def _snapshot(package: Path) -> dict[str, bytes]:
    assert package.is_dir(), f"{package} is missing; run scripts/generate"
    return {
        str(p.relative_to(package)): p.read_bytes()
        for p in sorted(package.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def test_committed_output_matches_the_spec(tmp_path: Path) -> None:
    spec = (REPO / "openapi.yaml").read_text(encoding="utf-8")
    fresh = _generate(_stage(tmp_path, spec))
    committed = _snapshot(REPO / PACKAGE)
    assert sorted(fresh) == sorted(committed), "file set differs: run scripts/generate"
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert changed == [], "generated/ is stale: run scripts/generate"
    assert fresh["py.typed"] == b""
    assert {*SURFACE, "surface/__init__.py"} <= set(fresh)


def test_removing_a_field_is_detected(tmp_path: Path) -> None:
    spec = (REPO / "openapi.yaml").read_text(encoding="utf-8")
    lines = spec.splitlines(keepends=True)
    field_lines = [
        i for i, line in enumerate(lines) if line.lstrip().startswith(f"{REMOVED_FIELD}: {{type: string")
    ]
    assert len(field_lines) == 1, f"expected exactly one `{REMOVED_FIELD}` string field in openapi.yaml"
    del lines[field_lines[0]]

    fresh = _generate(_stage(tmp_path, "".join(lines)))
    committed = _snapshot(REPO / PACKAGE)
    changed = sorted(name for name in committed if fresh.get(name) != committed[name])
    # The model, and every signature that offered the field (the methods, module functions, overloads).
    assert changed == ["models/generate_request.py", *sorted(SURFACE)]
    assert "suffix" in committed[SURFACE[0]].decode().split("def completion(")[1].split(") -> Any:")[0]
    assert "suffix" not in fresh[SURFACE[0]].decode().split("def completion(")[1].split(") -> Any:")[0]
    assert f'"{REMOVED_FIELD}"' in committed["models/generate_request.py"].decode()
    assert f'"{REMOVED_FIELD}"' not in fresh["models/generate_request.py"].decode()


def test_a_field_added_to_the_spec_becomes_a_keyword_of_every_method(tmp_path: Path) -> None:
    """Regeneration alone exposes a new request field: no handwritten change."""
    spec = (REPO / "openapi.yaml").read_text(encoding="utf-8")
    anchor = "        dimensions: {type: integer"
    assert spec.count(anchor) == 1
    new = "        zz_probe: {type: boolean, description: A field that exists only in this test.}\n"
    fresh = _generate(_stage(tmp_path, spec.replace(anchor, new + anchor)))
    runtime = fresh[SURFACE[0]].decode().split("def embed(")[1].split(") -> Any:")[0]
    assert "zz_probe: bool | None = None" in runtime
    assert '"zz_probe": zz_probe' in fresh[SURFACE[0]].decode()
    # Every signature of embed: the overloads of both clients and of both module-level forms (each but
    # the catch-all ``*args, **kwargs`` stub of the functions modules; the clients' implementation stub
    # types every keyword ``Any``).
    for name in SURFACE[1:]:
        text = fresh[name].decode()
        signatures = [part.split(") -> ")[0] for part in text.split("def embed(")[1:]]
        signatures = [sig for sig in signatures if sig != "*args: Any, **kwargs: Any"]
        assert len(signatures) >= 4, (name, len(signatures))
        without = [sig for sig in signatures if not re.search(r"\bzz_probe: (bool \| None|Any) = None", sig)]
        assert without == [], (name, without)
    assert "zz_probe" in fresh["models/embed_request.py"].decode()
