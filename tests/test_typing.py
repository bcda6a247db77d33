"""The public types tell the truth: a program using every result attribute type-checks without
casts, and common mistakes are type errors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent / "typing"
ROOT = Path(__file__).parent.parent


def mypy(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_sample_program_type_checks_without_casts() -> None:
    result = mypy(HERE / "sample.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cast(" not in (HERE / "sample.py").read_text()


def test_mistakes_are_type_errors() -> None:
    source = (HERE / "wrong.py").read_text().splitlines()
    expected = {i + 1 for i, line in enumerate(source) if "# E:" in line}
    result = mypy(HERE / "wrong.py")
    flagged = {int(m.group(1)) for m in re.finditer(r"wrong\.py:(\d+): error", result.stdout)}
    assert expected == flagged, result.stdout


DICT_STYLE_OK = """
from __future__ import annotations

from typing import Any

import ollixir


def get_weather(city: str, days: int = 1) -> str:
    return city * days


def program(client: ollixir.Client[ollixir.TypedResults]) -> None:
    r = client.chat("m", [{"role": "user", "content": "x"}])
    content: str = r["message"]["content"]
    reason: str | None = r["done_reason"]
    created = r["created_at"].isoformat()
    count: int | None = r.get("eval_count")
    anything: Any = r.get("not_declared")
    pairs: dict[str, Any] = dict(r)
    print(content.upper(), reason, created, count, anything, pairs, "done_reason" in r)
    for call in r.message.tool_calls or []:
        print(get_weather(**call.function.arguments))
        print(call["function"]["arguments"]["city"])
    with client.pull("tinyllama", stream=True) as progress:
        for update in progress:
            if update.total and update.completed is not None:
                print(update.completed / update.total)
    info = client.show("m")
    arch = info.model_info.get("general.architecture") if info.model_info is not None else None
    print(arch, info["details"]["format"])
"""

DICT_STYLE_WRONG = """
from __future__ import annotations

import ollixir


def program(client: ollixir.Client[ollixir.TypedResults]) -> None:
    r = client.chat("m", [{"role": "user", "content": "x"}])
    print(r["mesage"])  # E: misspelt key
    print(r["message"]["contnet"])  # E: misspelt nested key
    n: int = r["message"]["content"]  # E: a str is not an int
    reason: str = r["done_reason"]  # E: may be None
    with client.pull("tinyllama", stream=True) as progress:
        for update in progress:
            print(update.completed / update.total)  # E: both may be None
    print(n, reason)
"""


def test_dict_style_access_is_typed_per_key(tmp_path: Path) -> None:
    good = tmp_path / "dict_style_ok.py"
    good.write_text(DICT_STYLE_OK)
    result = mypy(good)
    assert result.returncode == 0, result.stdout + result.stderr

    bad = tmp_path / "dict_style_wrong.py"
    bad.write_text(DICT_STYLE_WRONG)
    expected = {i + 1 for i, line in enumerate(DICT_STYLE_WRONG.splitlines()) if "# E:" in line}
    result = mypy(bad)
    flagged = {int(m.group(1)) for m in re.finditer(r"dict_style_wrong\.py:(\d+): error", result.stdout)}
    assert expected == flagged, result.stdout
    assert 'No overload variant of "__getitem__" of "ChatResponse"' in result.stdout
