"""``examples/ray_embed.py``: a Ray Data pipeline embeds a dataset on two worker processes and two Ollama
hosts (two bundled test servers here), every row exactly once. Ray runs as a local two-CPU cluster."""

from __future__ import annotations

import collections
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ollixir
from ollixir.testing import OllamaTestServer

pytest.importorskip("ray", reason="Ray is not installed (it is pinned in the dev extra)")
pytest.importorskip("numpy", reason="the numpy extra is not installed")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ray_embed.py"
TEXT = "document {}: notes on embedding at scale"
ROWS = 200


def test_ray_pipeline_embeds_every_row_once_across_workers_and_hosts(tmp_path: Path) -> None:
    output = tmp_path / "rows.jsonl"
    with OllamaTestServer() as first, OllamaTestServer() as second:
        env = {k: v for k, v in os.environ.items() if k != "OLLAMA_HOST"}
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT), str(ROOT / "generated"), env.get("PYTHONPATH", "")) if p
        )
        env["OLLIXIR_EMBED_HOSTS"] = f"{first.url},{second.url}"
        done = subprocess.run(
            [sys.executable, str(EXAMPLE), str(output)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        sent = {
            server.url: [t for r in server.requests if r.path == "/api/embed" for t in r.json["input"]]  # type: ignore[index]
            for server in (first, second)
        }

    texts = [TEXT.format(i) for i in range(ROWS)]
    # Both hosts did part of the work, and across them every text was embedded exactly once.
    assert all(sent.values()), {url: len(t) for url, t in sent.items()}
    assert collections.Counter(sent[first.url] + sent[second.url]) == collections.Counter(texts)

    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert [row["id"] for row in rows] == list(range(ROWS))
    with OllamaTestServer() as server, ollixir.Client(server.url) as client:
        expected = client.embed("all-minilm", texts, dtype="float32").embeddings
    assert [row["embedding"] for row in rows] == expected.tolist()

    # The clients were pickled to the actors and rebuilt there: the work ran in other processes.
    driver = int(re.search(r"driver pid (\d+)", done.stdout).group(1))  # type: ignore[union-attr]
    workers = {row["worker"] for row in rows}
    assert driver not in workers and len(workers) >= 1
    assert f"embedded {ROWS} rows (384 dims)" in done.stdout
