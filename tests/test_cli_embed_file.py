"""``ollixir embed --model M --input FILE --output FILE``: files of any size, several hosts, resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ollixir
from ollixir.testing import OllamaTestServer
from tests.test_cli import cli

MODEL = "all-minilm"


@pytest.fixture
def two_servers() -> list[OllamaTestServer]:
    servers = [OllamaTestServer(), OllamaTestServer()]
    yield servers  # type: ignore[misc]
    for server in servers:
        server.stop()


def vectors_of(texts: list[str]) -> list[list[float]]:
    with OllamaTestServer() as server, ollixir.Client(server.url) as client:
        return client.embed(MODEL, texts).embeddings


def read_output(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def embed_texts(server: OllamaTestServer) -> list[str]:
    return [t for r in server.requests if r.path == "/api/embed" for t in (r.json or {}).get("input", [])]


def test_jsonl_file_over_two_hosts_with_one_failing(
    tmp_path: Path, two_servers: list[OllamaTestServer]
) -> None:
    good, bad = two_servers
    bad.faults.fail(500, path="/api/embed", times=None)
    texts = [f"document {i}" for i in range(45)]
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    out = tmp_path / "vectors.jsonl"
    result = cli(
        "embed", "--model", MODEL, "--input", str(source), "--output", str(out),
        "--hosts", f"{bad.url},{good.url}", "--batch-size", "8", "--concurrency", "2", "--progress", "plain",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "embedded 45/45 texts (100%)" in result.stderr
    rows = read_output(out)
    assert [r["index"] for r in rows] == list(range(45))
    assert [r["id"] for r in rows] == [f"d{i}" for i in range(45)]
    assert [r["embedding"] for r in rows] == vectors_of(texts)
    assert sorted(embed_texts(good)) == sorted(texts)  # each embedded once, all by the healthy host


def test_text_file_resumes_where_the_output_ends(tmp_path: Path, ollama_server: OllamaTestServer) -> None:
    texts = [f"line {i}" for i in range(30)]
    source = tmp_path / "lines.txt"
    source.write_text("\n".join(texts) + "\n")
    out = tmp_path / "out.jsonl"
    args = (
        "embed",
        MODEL,
        "--input",
        str(source),
        "--output",
        str(out),
        "--batch-size",
        "4",
        "--progress",
        "none",
    )

    # The only host fails: nothing is written, and the message says how to go on.
    ollama_server.faults.fail(503, path="/api/embed", times=None)
    failed = cli(*args, host=ollama_server.url)
    assert failed.returncode == 1 and "resume at input 0" in failed.stderr
    assert out.read_text() == ""

    # A run that wrote 12 lines and died half-way through the 13th.
    ollama_server.faults.clear()
    expected = vectors_of(texts)
    complete = [json.dumps({"index": i, "embedding": expected[i]}, separators=(",", ":")) for i in range(12)]
    out.write_text("\n".join(complete) + "\n" + complete[0][:40])
    ollama_server.clear_requests()
    resumed = cli(*args, host=ollama_server.url)
    assert resumed.returncode == 0, resumed.stderr
    assert "resuming at input 12 of 30" in resumed.stderr
    rows = read_output(out)
    assert [r["index"] for r in rows] == list(range(30))
    assert [r["embedding"] for r in rows] == expected
    assert sorted(embed_texts(ollama_server)) == sorted(texts[12:])  # nothing embedded twice

    # --start rewinds: the lines from 25 on are written again, once.
    ollama_server.clear_requests()
    again = cli(*args, "--start", "25", host=ollama_server.url)
    assert again.returncode == 0, again.stderr
    assert [r["index"] for r in read_output(out)] == list(range(30))
    assert sorted(embed_texts(ollama_server)) == sorted(texts[25:])
    assert cli(*args, host=ollama_server.url).stderr.strip().endswith("already holds all 30 inputs")


def test_usage_errors(tmp_path: Path, ollama_server: OllamaTestServer) -> None:
    source = tmp_path / "in.txt"
    source.write_text("a\nb\n")
    out = tmp_path / "out.jsonl"
    no_output = cli("embed", "--model", MODEL, "--input", str(source), host=ollama_server.url)
    assert no_output.returncode == 2 and "--output" in no_output.stderr
    gap = cli(
        "embed", MODEL, "--input", str(source), "--output", str(out), "--start", "5", host=ollama_server.url
    )
    assert gap.returncode == 2 and "past the end" in gap.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{"body": 1}\n')
    wrong = cli("embed", MODEL, "--input", str(bad), "--output", str(out), host=ollama_server.url)
    assert wrong.returncode == 2 and "bad.jsonl:2" in wrong.stderr
    assert cli("embed", "--model", MODEL, "x", host=ollama_server.url).returncode == 0  # texts with --model
