"""What a user gets: the built wheel, installed into a fresh virtual environment outside the repository.

Everything else in the suite runs inside the repository, where a missing ``py.typed`` or a module left out
of the wheel goes unnoticed (both happened). This test builds the wheel from the tracked files, installs it
into a new venv in a temporary folder and, from that folder:

* runs ``mypy --strict`` over a small application (``tests/outside/app.py``) that uses every operation,
  streaming, process mode, tools, structured output and the pytest fixture: it must pass, and the same
  application with one deliberate type error must fail with that error;
* runs the application against the bundled test server, and its fixture test under pytest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = Path(__file__).resolve().parent / "outside" / "app.py"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the tracked files")


def _clean_env() -> dict[str, str]:
    # Nothing of the repository may leak in: no PYTHONPATH, no MYPYPATH, no config found by walking up.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH", "VIRTUAL_ENV")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _run(args: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=_clean_env(), capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def user_env(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(python of a fresh venv with the wheel and pytest installed, a work folder outside the repo)."""
    base = tmp_path_factory.mktemp("outside")
    # Build from the files git knows (tracked, or new and not ignored), as a clean clone would hold them.
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    source = base / "source"
    for name in filter(None, files):
        path = ROOT / os.fsdecode(name)
        if path.is_file():
            target = source / os.fsdecode(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    wheels = base / "wheels"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), "."],
        cwd=source,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("ollixir-*.whl")

    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    installed = _run([str(python), "-m", "pip", "install", "-q", str(wheel), "pytest"], cwd=base)
    assert installed.returncode == 0, installed.stderr
    work = base / "app"
    work.mkdir()
    return python, work


def _mypy(python: Path, work: Path, source: str) -> subprocess.CompletedProcess[str]:
    (work / "app.py").write_text(source)
    # mypy of this environment, but it resolves imports in the user's venv only (--python-executable).
    return _run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--python-executable",
            str(python),
            "app.py",
        ],
        cwd=work,
    )


def test_wheel_ships_the_type_markers(user_env: tuple[Path, Path]) -> None:
    python, work = user_env
    found = _run(
        [
            str(python),
            "-c",
            "import importlib.resources as r; print(r.files('ollixir').joinpath('py.typed').is_file(),"
            " r.files('ollixir_api').joinpath('py.typed').is_file())",
        ],
        cwd=work,
    )
    assert found.stdout.split() == ["True", "True"], found.stderr


def test_wheel_ships_the_generated_client_surface(user_env: tuple[Path, Path]) -> None:
    # The clients' operations live in the generated package (ollixir_api.surface), typed by its py.typed.
    python, work = user_env
    found = _run(
        [
            str(python),
            "-c",
            "import importlib.resources as r, ollixir, ollixir.aio;"
            " print(sorted(f.name for f in r.files('ollixir_api.surface').iterdir() if f.name.endswith('.py')));"
            " print(ollixir.Client.chat.__module__, ollixir.aio.chat.__doc__.splitlines()[0])",
        ],
        cwd=work,
    )
    assert found.returncode == 0, found.stderr
    files, origin = found.stdout.splitlines()
    assert files == str(
        ["__init__.py", "async_api.py", "async_functions.py", "functions.py", "operations.py", "sync_api.py"]
    )
    assert origin == "ollixir_api.surface.operations The next message of a conversation (``POST /api/chat``)."


def test_mypy_strict_passes_on_a_users_application(user_env: tuple[Path, Path]) -> None:
    python, work = user_env
    result = _mypy(python, work, APP.read_text())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found in 1 source file" in result.stdout


def test_mypy_strict_catches_a_deliberate_type_error(user_env: tuple[Path, Path]) -> None:
    python, work = user_env
    broken = APP.read_text() + (
        "\n\ndef deliberate(client: ollixir.Client[ollixir.TypedResults]) -> int:\n"
        '    return client.chat("llama3.2", [{"role": "user", "content": "x"}]).message.content\n'
    )
    result = _mypy(python, work, broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'Incompatible return value type (got "str", expected "int")' in result.stdout, result.stdout


def test_the_application_runs_against_the_bundled_server(user_env: tuple[Path, Path]) -> None:
    python, work = user_env
    (work / "app.py").write_text(APP.read_text())
    ran = _run([str(python), "app.py"], cwd=work, timeout=120)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.strip().endswith("app: done")
    assert "404 model 'no-such-model' not found" in ran.stdout
    tested = _run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "app.py"], cwd=work, timeout=120
    )
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "1 passed" in tested.stdout
