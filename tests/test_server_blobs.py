"""Blob endpoints: digest format, 201 vs 200, mismatch, streaming uploads and bounded server memory."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ollixir.testing import OllamaTestServer

DATA = b"some model bytes" * 1000
DIGEST = "sha256:" + hashlib.sha256(DATA).hexdigest()


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama_server.url, timeout=30) as c:
        yield c


def test_new_then_existing(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    assert client.head(f"/api/blobs/{DIGEST}").status_code == 404
    r = client.post(f"/api/blobs/{DIGEST}", content=DATA)
    assert (r.status_code, r.content) == (201, b"")
    assert client.head(f"/api/blobs/{DIGEST}").status_code == 200
    assert client.head(f"/api/blobs/{DIGEST.replace(':', '-')}").status_code == 200
    r = client.post(f"/api/blobs/{DIGEST}", content=DATA)
    assert (r.status_code, r.content) == (200, b"")
    stored = Path(ollama_server.data_dir, "blobs", DIGEST.replace(":", "-"))
    assert stored.read_bytes() == DATA
    assert [x.body_size for x in ollama_server.requests if x.method == "POST"] == [len(DATA), len(DATA)]


def test_existing_blob_answers_without_reading_a_large_body(client: httpx.Client) -> None:
    client.post(f"/api/blobs/{DIGEST}", content=DATA)
    big = b"\0" * (4 << 20)  # more than Go drains: the server answers, then closes after a lingering read

    r = client.post(f"/api/blobs/{DIGEST}", content=big)
    assert r.status_code == 200
    assert client.get("/api/version").status_code == 200  # the pool recovers on a new connection


def test_chunked_upload_from_a_generator(client: httpx.Client) -> None:
    def pieces() -> Iterator[bytes]:
        for i in range(0, len(DATA), 4096):
            yield DATA[i : i + 4096]

    r = client.post(f"/api/blobs/{DIGEST}", content=pieces())
    assert r.status_code == 201


def test_mismatch_is_stored_under_the_computed_digest(client: httpx.Client) -> None:
    wrong = "sha256:" + "f" * 64
    r = client.post(f"/api/blobs/{wrong}", content=DATA)
    assert r.status_code == 400
    assert r.json() == {"error": f'digest mismatch, expected "{wrong}", got "{DIGEST}"'}
    assert client.head(f"/api/blobs/{DIGEST}").status_code == 200
    upper = "sha256:" + DIGEST[7:].upper()
    assert client.head(f"/api/blobs/{upper}").status_code == 404  # format is fine, file name differs
    assert client.post(f"/api/blobs/{upper}", content=DATA).status_code == 400


@pytest.mark.parametrize(
    "digest", ["sha256:abc", "md5:" + "a" * 64, "sha256:" + "g" * 64, "sha256_" + "a" * 64]
)
def test_bad_digest_format(client: httpx.Client, digest: str) -> None:
    r = client.post(f"/api/blobs/{digest}", content=b"x")
    assert (r.status_code, r.json()) == (400, {"error": "invalid digest format"})
    assert client.head(f"/api/blobs/{digest}").status_code == 400


# sha256 of 2 GiB of zero bytes (precomputed: hashing it here would double the test's cost).
TWO_GIB_OF_ZEROS = "sha256:a7c744c13cc101ed66c29f672f92455547889cc586ce6d44fe76ae824958ea51"


def _peak_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def test_two_gib_upload_keeps_server_memory_flat(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.bin"
    with open(sparse, "wb") as f:
        f.truncate(2 << 30)
    digest = TWO_GIB_OF_ZEROS
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "ollixir.testing", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert httpx.get(url + "/api/version").status_code == 200
        before = _peak_rss_kib(proc.pid)
        with open(sparse, "rb") as f:
            r = httpx.post(f"{url}/api/blobs/{digest}", content=f, timeout=120)
        assert r.status_code == 201
        growth_mib = (_peak_rss_kib(proc.pid) - before) / 1024
        assert growth_mib < 64, f"server peak RSS grew by {growth_mib:.1f} MiB"
        assert httpx.head(f"{url}/api/blobs/{digest}").status_code == 200
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0
