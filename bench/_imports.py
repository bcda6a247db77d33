"""The import case: each variant timed in a fresh interpreter, from the first import statement on.

Interpreter start-up itself is not counted (it is the same for every client); the snippet only
uses ``time``, which is built in, so nothing the measured import needs is loaded beforehand.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tempfile
from typing import Any

__all__ = ["VARIANTS", "measure_import"]

# variant -> (statements timed as "the import", statements timed as "the first call" or "").
VARIANTS: dict[str, tuple[str, str]] = {
    "httpx": ("import httpx", ""),
    "ollama": (
        "import ollama",
        "c = ollama.Client(host=URL)\nc.chat('llama3.2', messages=[{'role': 'user', 'content': 'hi'}])",
    ),
    "ollixir": (
        "import ollixir",
        "c = ollixir.Client(URL)\nc.chat('llama3.2', [{'role': 'user', 'content': 'hi'}])",
    ),
    "ollixir.Client": ("import ollixir\nollixir.Client", ""),
}

_TEMPLATE = """\
import time
URL = {url!r}
_t0 = time.perf_counter(); _c0 = time.process_time()
{imp}
_t1 = time.perf_counter(); _c1 = time.process_time()
{first}
_t2 = time.perf_counter(); _c2 = time.process_time()
{again}
_t3 = time.perf_counter(); _c3 = time.process_time()
print(repr((_t1 - _t0, _c1 - _c0, _t2 - _t1, _c2 - _c1, _t3 - _t2, _c3 - _c2)))
"""


def measure_import(variant: str, url: str, env: dict[str, str]) -> dict[str, Any]:
    imp, first = VARIANTS[variant]
    # The second call shows what the first one paid for lazy imports and connection set-up.
    again = first.split("\n")[-1] if first else ""
    code = _TEMPLATE.format(url=url, imp=imp, first=first, again=again)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"import variant {variant!r} failed:\n{done.stderr}")
    wall, cpu, first_wall, first_cpu, again_wall, again_cpu = ast.literal_eval(done.stdout.strip())
    rec: dict[str, Any] = {"client": variant, "case": "import", "wall": wall, "cpu": cpu}
    if first:
        rec.update(
            first_call_wall=first_wall,
            first_call_cpu=first_cpu,
            second_call_wall=again_wall,
            second_call_cpu=again_cpu,
        )
    return rec


def child_env(root: str) -> dict[str, str]:
    """The environment for every benchmark child: the repo's packages importable, byte code cached.

    Installed packages come with compiled byte code; a source checkout under
    PYTHONDONTWRITEBYTECODE (set in some sandboxes) would recompile ollixir on every start and
    bill that to its import time. A private PYTHONPYCACHEPREFIX caches byte code for every
    client alike without writing __pycache__ directories into the source tree.
    """
    env = dict(os.environ)
    paths = [root, os.path.join(root, "generated")]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop("OLLAMA_HOST", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "ollixir-bench-pycache")
    return env


__all__ += ["child_env"]
