"""SLOW (about 2 s, two real generator runs): generated/ must be exactly what openapi.yaml produces.

Each test copies openapi.yaml, openapi-python-client.yaml and scripts/generate into a temporary
directory and runs that copy of scripts/generate there (same pinned generator, ruff and hooks), so
the repository's generated/ is never touched.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = Path("generated") / "ollixir_api"
# One line of GenerateRequest in openapi.yaml; removing it must show up in the generated code.
REMOVED_FIELD = "suffix"


def _stage(tmp: Path, spec_text: str) -> Path:
    (tmp / "scripts").mkdir()
    shutil.copy2(REPO / "scripts" / "generate", tmp / "scripts" / "generate")
    shutil.copy2(REPO / "openapi-python-client.yaml", tmp / "openapi-python-client.yaml")
    shutil.copytree(REPO / "generator-templates", tmp / "generator-templates")
    (tmp / "openapi.yaml").write_text(spec_text, encoding="utf-8")
    return tmp


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
    assert changed == ["models/generate_request.py"]
    assert f'"{REMOVED_FIELD}"' in committed["models/generate_request.py"].decode()
    assert f'"{REMOVED_FIELD}"' not in fresh["models/generate_request.py"].decode()
