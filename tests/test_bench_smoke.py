"""Smoke tests for bench/: the quick run works end to end, and the fake server speaks HTTP/1.1.

Nothing here asserts on timings: only that every case is reported with finite, positive numbers.
"""

from __future__ import annotations

import json
import math
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CASES = ("import", "chat", "stream", "list", "embed", "blob", "concurrent")
PER_CALL = (
    "raw",
    "raw_again",
    "ollama",
    "ollixir",
    "ollixir_dict",
    "raw_async",
    "ollama_async",
    "ollixir_async",
)
EXPECTED: dict[str, tuple[str, ...]] = {
    "import": ("httpx", "ollama", "ollixir", "ollixir.Client"),
    "chat": PER_CALL,
    "stream": PER_CALL,
    "list": PER_CALL,
    "embed": PER_CALL,
    "blob": ("raw", "ollama", "ollixir", "raw_async", "ollama_async", "ollixir_async"),
    "concurrent": ("raw_async", "ollama_async", "ollixir_async"),
}


@pytest.fixture(scope="module")
def quick() -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    doc: dict[str, Any] = json.loads(done.stdout)
    return doc


def _positive(value: Any) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def test_every_case_and_client_is_reported(quick: dict[str, Any]) -> None:
    results = quick["results"]
    assert set(results) == set(CASES)
    for case, clients in EXPECTED.items():
        missing = set(clients) - set(results[case])
        assert not missing, f"{case}: no result for {sorted(missing)}"
    if quick["aiohttp_transport"]:
        assert {"raw_aiohttp", "ollixir_aiohttp"} <= set(results["concurrent"])


def test_numbers_are_positive_and_finite(quick: dict[str, Any]) -> None:
    for case, cells in quick["results"].items():
        for client, cell in cells.items():
            where = f"{case}/{client}"
            assert _positive(cell["cpu"]), where
            assert _positive(cell["wall"]), where
            assert cell["rounds"] == quick["plan"]["rounds"], where
            if case == "import":
                if client in ("ollama", "ollixir"):
                    assert _positive(cell["first_call_wall"]), where
                    assert _positive(cell["second_call_wall"]), where
                continue
            # The server may use less CPU than the clock can resolve for a tiny case.
            assert 0 <= cell["server_share"] < 1, where
            if case == "blob":
                assert cell["rss_growth"] >= 0, where
            if case == "concurrent":
                assert _positive(cell["throughput"]), where


def test_records_show_every_chunk_and_call_was_handled(quick: dict[str, Any]) -> None:
    plan = quick["plan"]
    for rec in quick["records"]:
        if rec["case"] == "stream":
            assert rec["units"] == rec["ops"] * plan["stream_chunks"]
        elif rec["case"] == "concurrent":
            assert rec["units"] == rec["ops"] == plan["concurrency"] * plan["batches"]
        elif rec["case"] != "import":
            assert rec["units"] == rec["ops"] >= 1


def test_targets_are_evaluated(quick: dict[str, Any]) -> None:
    targets = quick["targets"]
    assert len(targets) >= 10
    for t in targets:
        assert t["verdict"] in ("PASS", "MISS", "n/a", "info")
        if not t["client"].endswith("_aiohttp") or quick["aiohttp_transport"]:
            assert t["value"] is not None and t["value"] >= 0, t["target"]
            assert t["verdict"] != "n/a", t["target"]


def test_noise_and_machine_are_reported(quick: dict[str, Any]) -> None:
    assert quick["machine"]["nproc"] >= 1
    assert quick["machine"]["python"].startswith("3.")
    assert quick["noise"]["server_cpu_s"] > 0
    assert quick["noise"]["other_load_cores"] >= 0


# --- the fake server, over a raw socket --------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, int]]:
    cmd = [sys.executable, str(BENCH / "fakeserver.py"), "--stream-chunks=5", "--models=3", "--embed-rows=2"]
    cmd.append("--embed-dims=4")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("PORT "), line
        yield "127.0.0.1", int(line.split()[1])
    finally:
        assert proc.stdin is not None
        proc.stdin.close()  # the server exits when its stdin closes
        proc.wait(timeout=10)


class _Reader:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buf = b""

    def _fill(self) -> None:
        data = self.sock.recv(65536)
        assert data, "connection closed early"
        self.buf += data

    def until(self, marker: bytes) -> bytes:
        while marker not in self.buf:
            self._fill()
        head, _, self.buf = self.buf.partition(marker)
        return head

    def exactly(self, n: int) -> bytes:
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def response(self, head_only: bool = False) -> tuple[int, bytes]:
        lines = self.until(b"\r\n\r\n").split(b"\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(b":") for x in lines[1:])}
        if head_only:
            return status, b""
        if headers.get(b"transfer-encoding") == b"chunked":
            body = b""
            while size := int(self.until(b"\r\n"), 16):
                body += self.exactly(size)
                assert self.exactly(2) == b"\r\n"
            assert self.until(b"\r\n") == b""
            return status, body
        return status, self.exactly(int(headers.get(b"content-length", b"0")))


def test_fake_server_pipelining_and_canned_answers(server: tuple[str, int]) -> None:
    with socket.create_connection(server) as sock:
        r = _Reader(sock)
        sock.sendall(
            b"GET /api/version HTTP/1.1\r\nHost: localhost\r\n\r\nGET /api/tags HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        assert r.response() == (200, b'{"version":"0.12.6"}')
        status, body = r.response()
        assert status == 200
        assert len(json.loads(body)["models"]) == 3

        chat = b'{"model":"m","messages":[],"stream": false}'
        sock.sendall(b"POST /api/chat HTTP/1.1\r\nContent-Length: %d\r\n\r\n%s" % (len(chat), chat))
        status, body = r.response()
        assert status == 200 and json.loads(body)["done"] is True

        chat = b'{"model":"m","messages":[]}'  # no "stream": Ollama streams by default
        sock.sendall(b"POST /api/chat HTTP/1.1\r\nContent-Length: %d\r\n\r\n%s" % (len(chat), chat))
        status, body = r.response()
        lines = [json.loads(x) for x in body.splitlines()]
        assert status == 200 and len(lines) == 5
        assert [x["done"] for x in lines] == [False] * 4 + [True]

        sock.sendall(b"POST /api/embed HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}")
        status, body = r.response()
        assert status == 200 and len(json.loads(body)["embeddings"]) == 2


def test_fake_server_discards_uploads(server: tuple[str, int]) -> None:
    path = b"/api/blobs/sha256:" + b"0" * 64
    with socket.create_connection(server) as sock:
        r = _Reader(sock)
        sock.sendall(b"HEAD %s HTTP/1.1\r\nHost: localhost\r\n\r\n" % path)
        assert r.response(head_only=True)[0] == 404

        # Content-Length framing, larger than the server's receive buffer.
        size = 3 << 20
        sock.sendall(b"POST %s HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % (path, size))
        for _ in range(size // 65536):
            sock.sendall(b"\0" * 65536)
        assert r.response() == (201, b"")

        # Chunked framing, with chunk headers split across sends.
        sock.sendall(b"POST %s HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" % path)
        for piece in (b"5", b"\r\nhel", b"lo\r\n", b"3\r", b"\nabc\r\n0\r", b"\n\r\n"):
            sock.sendall(piece)
        assert r.response() == (201, b"")

        sock.sendall(b"GET /_bench/cpu HTTP/1.1\r\n\r\nGET /nowhere HTTP/1.1\r\n\r\n")
        status, body = r.response()
        assert status == 200 and float(body) >= 0
        assert r.response()[0] == 404


# --- bench/server_prompts.py: the test server's CPU for big prompts -----------------------------


def test_server_prompts_quick_run_reports_every_case() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "server_prompts.py"), "--quick", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    cases = {(r["case"], r["size"]) for r in rows}
    assert len(cases) == len(rows) == 18
    for row in rows:
        assert math.isfinite(row["server_cpu_s"]) and row["server_cpu_s"] >= 0
        if "stop_latency_ms" in row:
            assert _positive(row["stop_latency_ms"])
            assert row["generated"] >= 1
        else:
            assert _positive(row["wall_s"]) and _positive(row["answer_mb"])
            assert row["generated"] >= 8
