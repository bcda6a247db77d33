"""Server CPU of the bundled test server (``ollixir.testing``) for big prompts, and how fast it stops.

    python bench/server_prompts.py [--quick] [--json] [--rounds N]

The test server runs in this process; the client is plain httpx (a raw socket for the disconnect
cases). The server's CPU for one request is the CPU time of the thread that handled it
(``RecordedRequest.cpu_time``: ``time.thread_time()`` from reading the request to the end of the
handler), so the client's own work is not counted. Each number is the median of ``--rounds`` runs.

Cases, for prompts of 1, 5 and 20 MB of ``"word "`` (200,000 words per MB) sent to the thinking
model ``qwen3`` with ``num_predict: 8``:

* ``generate`` / ``chat``, streamed and not. generate's final answer carries ``context``: one int per
  prompt token, so its answer is about 4 bytes per prompt byte and costs more than chat's.

Echo cases (no ``num_predict``: every prompt word comes back, twice with thinking) for 12,500 and
100,000 words, non-streamed, the sizes quoted in issue 16 (0.25 s and 9.5 s before the fix).

Disconnect cases: a 100,000-word echo, the client closes its socket after three streamed lines, or
(non-streamed) once the server has generated 1,000 tokens; reported is the time from ``close()`` to
the end of the server's handler (``RecordedRequest.wait_finished``).
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "generated")]

import httpx  # noqa: E402

from ollixir.testing import OllamaTestServer, RecordedRequest  # noqa: E402

WORDS_PER_MB = 200_000


def _body(path: str, prompt: str, stream: bool, num_predict: int | None) -> dict[str, Any]:
    body: dict[str, Any] = {"model": "qwen3", "stream": stream}
    if num_predict is not None:
        body["options"] = {"num_predict": num_predict}
    if path == "/api/chat":
        body["messages"] = [{"role": "user", "content": prompt}]
    else:
        body["prompt"] = prompt
    return body


def _last(server: OllamaTestServer, path: str) -> RecordedRequest:
    return next(e for e in reversed(server.requests) if e.path == path)


def _request(
    server: OllamaTestServer, client: httpx.Client, path: str, body: dict[str, Any]
) -> dict[str, float]:
    started = time.perf_counter()
    with client.stream("POST", path, json=body) as r:
        size = sum(len(piece) for piece in r.iter_raw())
    wall = time.perf_counter() - started
    entry = _last(server, path)
    if r.status_code != 200 or not entry.wait_finished(60):
        raise SystemExit(f"{path} failed: {r.status_code}")
    return {
        "wall_s": wall,
        "server_cpu_s": entry.cpu_time,
        "answer_mb": size / 1e6,
        "generated": entry.generated,
    }


def _send_raw(server: OllamaTestServer, path: str, body: dict[str, Any]) -> socket.socket:
    data = json.dumps(body).encode()
    sock = socket.create_connection((server.host, server.port), timeout=60)
    head = f"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
    sock.sendall(head.encode() + data)
    return sock


def _disconnect(server: OllamaTestServer, path: str, prompt: str, stream: bool) -> dict[str, float]:
    before = len(server.requests)
    sock = _send_raw(server, path, _body(path, prompt, stream, None))
    deadline = time.monotonic() + 60
    if stream:
        received = b""
        while received.count(b'"done":false') < 3:
            received += sock.recv(65536)
    while len(server.requests) == before:
        if time.monotonic() > deadline:
            raise SystemExit("the request was never logged")
        time.sleep(0.001)
    entry = _last(server, path)
    while not stream and entry.generated < 1000:
        if time.monotonic() > deadline:
            raise SystemExit("the server did not start generating")
        time.sleep(0.001)
    closed = time.perf_counter()
    sock.close()
    if not entry.wait_finished(60):
        raise SystemExit("the server kept working after the client left")
    stopped = time.perf_counter() - closed
    if not entry.client_gone:
        raise SystemExit("the server did not see the client leave")
    return {"stop_latency_ms": stopped * 1000, "server_cpu_s": entry.cpu_time, "generated": entry.generated}


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def run(quick: bool, rounds: int) -> list[dict[str, Any]]:
    sizes = (0.05, 0.1, 0.2) if quick else (1, 5, 20)
    echo_words = (1_250, 10_000) if quick else (12_500, 100_000)
    gone_words = 20_000 if quick else 100_000
    results: list[dict[str, Any]] = []

    def measure(case: str, label: str, once: Callable[[], dict[str, float]]) -> None:
        runs = [once() for _ in range(rounds)]
        results.append({"case": case, "size": label, **_median(runs), "rounds": rounds})

    with OllamaTestServer() as server, httpx.Client(base_url=server.url, timeout=300) as client:
        for mb in sizes:
            prompt = "word " * int(mb * WORDS_PER_MB)
            for path in ("/api/generate", "/api/chat"):
                for stream in (False, True):
                    case = f"{path.rsplit('/', 1)[1]}{' stream' if stream else ''} num_predict=8"
                    body = _body(path, prompt, stream, 8)
                    measure(
                        case, f"{mb:g} MB", lambda body=body, path=path: _request(server, client, path, body)
                    )
        for words in echo_words:
            body = _body("/api/generate", "word " * words, False, None)
            measure(
                "generate echo",
                f"{words:,} words",
                lambda body=body: _request(server, client, "/api/generate", body),
            )
        gone = "word " * gone_words
        for path in ("/api/generate", "/api/chat"):
            for stream in (True, False):
                case = f"{path.rsplit('/', 1)[1]} disconnect {'mid-stream' if stream else 'while computing'}"
                measure(
                    case,
                    f"{gone_words:,} words",
                    lambda path=path, stream=stream: _disconnect(server, path, gone, stream),
                )
    return results


def render(results: list[dict[str, Any]]) -> str:
    lines = [f"{'case':<38}{'prompt':>16}{'server CPU':>12}{'wall':>10}{'answer':>10}{'stop after':>12}"]
    for r in results:
        wall = f"{r['wall_s']:.2f} s" if "wall_s" in r else "-"
        answer = f"{r['answer_mb']:.1f} MB" if "answer_mb" in r else "-"
        stop = f"{r['stop_latency_ms']:.1f} ms" if "stop_latency_ms" in r else "-"
        lines.append(
            f"{r['case']:<38}{r['size']:>16}{r['server_cpu_s']:>10.2f} s{wall:>10}{answer:>10}{stop:>12}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="tiny prompts, one round (a smoke run)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    results = run(args.quick, 1 if args.quick else args.rounds)
    print(json.dumps(results, indent=2) if args.json else render(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
