"""The porting suite's documented differences stay documented: every ``# Difference: <name>`` in
``tests/test_porting_*.py`` guards an ``ollama is ollixir`` branch and names a bold entry of the list of
differences in the README and on the docs' porting page, and every entry of that list is asserted."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = re.compile(r"#\s*Difference:\s*(.+?)\s*$")


def porting_files() -> list[Path]:
    return sorted(p for p in (ROOT / "tests").glob("test_porting_*.py") if p.name != Path(__file__).name)


def asserted_differences() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in porting_files():
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            match = MARK.search(line)
            if match is None:
                continue
            # The branch it explains: on the comment's line, or the one before or after it.
            around = " ".join(lines[max(0, i - 1) : i + 2])
            assert "ollama is ollixir" in around, (
                f"{path.name}:{i + 1}: a Difference comment outside a branch"
            )
            found[match.group(1)] = found.get(match.group(1), 0) + 1
    return found


def documented_differences(page: str, heading: str) -> list[str]:
    text = (ROOT / page).read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    listing = section.split("Documented differences", 1)[1].split("Not carried over:", 1)[0]
    return re.findall(r"^- \*\*(.+?)\*\*", listing, flags=re.MULTILINE)


def test_every_asserted_difference_is_documented_and_every_documented_one_asserted() -> None:
    asserted = asserted_differences()
    documented = documented_differences("README.md", "## Coming from the official `ollama` client")
    assert len(documented) == len(set(documented)) >= 5
    assert sorted(asserted) == sorted(documented)
    assert (
        documented_differences("docs/porting.md", "## From the official `ollama` Python client") == documented
    )
