"""create_blob streams: a 2 GiB file raises the client's resident memory by less than 32 MiB.

The client runs in its own process (the test server shares this one), and reads its own peak RSS.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

SCRIPT = textwrap.dedent(
    """
    import asyncio, json, sys
    import ollixir

    def peak_kib():
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise RuntimeError("no VmHWM")

    url, path, mode = sys.argv[1:4]
    if mode == "sync":
        client = ollixir.init(url)
        client.list()  # warm up imports and the pool before the baseline
        before = peak_kib()
        digest = client.create_blob(path)
        client.close()
    else:
        async def main():
            async with ollixir.init_async(url) as client:
                await client.list()
                start = peak_kib()
                return start, await client.create_blob(path)
        before, digest = asyncio.run(main())
    print(json.dumps({"before": before, "after": peak_kib(), "digest": digest}))
    """
)

ROOT = Path(__file__).resolve().parent.parent


def run_client(url: str, path: Path, mode: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "generated")])}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, url, str(path), mode],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_two_gib_upload_keeps_client_memory_flat(ollama_server: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.gguf"
    with open(path, "wb") as f:
        f.truncate(2 << 30)  # sparse: no disk, and reads are fast
    for mode in ("sync", "async"):
        ollama_server.reset()
        result = run_client(ollama_server.url, path, mode)
        growth_mib = (result["after"] - result["before"]) / 1024
        assert growth_mib < 32, f"{mode}: peak RSS grew by {growth_mib:.1f} MiB"
        assert result["digest"].startswith("sha256:") and len(result["digest"]) == 71
        assert [r.body_size for r in ollama_server.requests if r.method == "POST"] == [2 << 30]
