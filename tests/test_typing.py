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
