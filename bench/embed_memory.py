"""Memory per number of an embedding answer: lists of Python floats against NumPy arrays.

    python bench/embed_memory.py [--rows 256] [--dims 1024] [--json] [--quick]

Decodes the ``run.py`` embed answer (256 x 1024 float32-style values, 3.3 MB of JSON) the way each
result form does, each variant in a fresh interpreter, with and without orjson (the ``speedups``
extra). ``kept`` is what the result holds once decoded (tracemalloc's current size after the decode,
minus before); ``peak`` is the most that decoding had allocated at once on top of the body, per number;
``CPU`` is the median decode time over repeated runs (no tracemalloc). No network: the cost of
reading the body is the same for every form and is measured by ``run.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
FORMS = ("list", "float32", "float64")


def _reader(form: str) -> Any:
    """The reader ``client.embed`` uses for this form (typed results)."""
    from ollixir import _ops

    return _ops.embed(True, "m", ["x"], dtype=None if form == "list" else form).read


def measure(form: str, rows: int, dims: int, repeat: int) -> dict[str, Any]:
    """In this process: decode one body ``repeat`` times for CPU, once under tracemalloc for memory."""
    from _canned import Sizes, build

    body = build(Sizes(embed_rows=rows, embed_dims=dims)).embed.split(b"\r\n\r\n", 1)[1]
    read = _reader(form)
    read(200, body)  # imports and first-use caches, outside the measurements
    times = []
    for _ in range(repeat):
        began = time.process_time()
        result = read(200, body)
        times.append(time.process_time() - began)
        del result
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = read(200, body)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    numbers = rows * dims
    from ollixir._core.jsondecode import SPEEDUPS

    return {
        "form": form,
        "orjson": SPEEDUPS,
        "numbers": numbers,
        "body_bytes_per_number": len(body) / numbers,
        "kept_bytes_per_number": (current - before) / numbers,
        "peak_bytes_per_number": (peak - before) / numbers,
        "cpu_ms": statistics.median(times) * 1e3,
        "check": len(result.embeddings),
    }


def _child(form: str, orjson: bool, rows: int, dims: int, repeat: int) -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), str(ROOT / "generated"), str(BENCH)) if p)
    code = (
        ("import sys; sys.modules['orjson'] = None\n" if not orjson else "")
        + "import json, embed_memory\n"
        + f"print(json.dumps(embed_memory.measure({form!r}, {rows}, {dims}, {repeat})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{form} (orjson={orjson}) failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run(rows: int, dims: int, repeat: int) -> list[dict[str, Any]]:
    return [_child(form, orjson, rows, dims, repeat) for orjson in (True, False) for form in FORMS]


def render(results: list[dict[str, Any]]) -> str:
    n = results[0]["numbers"]
    lines = [
        f"{n:,} numbers; the JSON body is {results[0]['body_bytes_per_number']:.1f} bytes per number",
        "",
        f"{'form':<9} {'orjson':<7} {'kept B/number':>14} {'peak B/number':>14} {'decode CPU':>11}",
    ]
    for r in results:
        lines.append(
            f"{r['form']:<9} {'yes' if r['orjson'] else 'no':<7} {r['kept_bytes_per_number']:>14.2f} "
            f"{r['peak_bytes_per_number']:>14.2f} {r['cpu_ms']:>8.1f} ms"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=256)
    parser.add_argument("--dims", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="16 x 64 numbers, 2 repeats: a smoke run")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows, dims, repeat = (16, 64, 2) if args.quick else (args.rows, args.dims, args.repeat)
    results = run(rows, dims, repeat)
    print(json.dumps(results, indent=1) if args.json else render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
