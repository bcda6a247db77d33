"""One benchmark process: one client, one or more cases, results as JSON lines on stdout.

    python bench/_worker.py '<json spec>'

Run by ``run.py`` in a fresh interpreter per client (and per case in full runs), so no client
pays for another's imports, caches or heap. CPU is this process's own (``time.process_time``:
user + system, every thread), measured around the timed loop only, after a warm-up.
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from _workloads import ASYNC_CLIENTS, AsyncOps, Env, async_ops, sync_ops

__all__ = ["main"]


def server_cpu(url: str) -> float:
    """The fake server's CPU seconds so far (a raw socket, so no client library is involved)."""
    host, _, port = url.removeprefix("http://").partition(":")
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(b"GET /_bench/cpu HTTP/1.1\r\nHost: bench\r\n\r\n")
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(4096)
        head, _, body = data.partition(b"\r\n\r\n")
        length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
        while len(body) < length:
            body += sock.recv(4096)
    return float(body)


# --- memory ----------------------------------------------------------------------------------


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def reset_peak_rss() -> str:
    """Reset the kernel's peak-RSS mark (Linux >= 4.0) so the blob case sees its own peak."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        return "ru_maxrss (peak since start: an upper bound)"
    return "VmHWM after clear_refs"


def peak_growth_bytes(baseline_kib: int) -> int:
    return max(0, _status_kib("VmHWM") - baseline_kib) * 1024


# --- measuring -------------------------------------------------------------------------------


class Blocks:
    """Timed blocks of calls. Each block's CPU and wall time is kept, so a burst of load from
    elsewhere on a shared machine spoils one block, not the whole measurement (the report uses
    the median block)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.rows: list[tuple[float, float, int]] = []
        self._server0 = server_cpu(url)
        self._c = self._t = 0.0

    def begin(self) -> None:
        self._c, self._t = time.process_time(), time.perf_counter()

    def end(self, units: int) -> None:
        self.rows.append((time.process_time() - self._c, time.perf_counter() - self._t, units))

    def record(self, spec: dict[str, Any], case: str, ops: int) -> dict[str, Any]:
        server = server_cpu(self.url) - self._server0
        units = sum(r[2] for r in self.rows)
        expected = spec["stream_chunks"] * ops if case == "stream" else ops
        if units != expected:
            raise SystemExit(f"{spec['client']}/{case}: handled {units} units, expected {expected}")
        return {
            "client": spec["client"],
            "case": case,
            "ops": ops,
            "units": units,
            "cpu": sum(r[0] for r in self.rows),
            "wall": sum(r[1] for r in self.rows),
            "server_cpu": server,
            "blocks": self.rows,
        }


def block_sizes(n: int, blocks: int) -> list[int]:
    k = max(1, min(n, blocks))
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


def run_sync(spec: dict[str, Any], env: Env) -> list[dict[str, Any]]:
    ops = sync_ops(spec["client"], env)
    out = []
    try:
        for case in spec["cases"]:
            op = ops.ops[case]
            if case == "blob":
                out.append(_blob_sync(spec, env, op))
                continue
            warmup, n, blocks = spec["iters"][case]
            for _ in range(warmup):
                op()
            clock = Blocks(env.url)
            for size in block_sizes(n, blocks):
                units = 0
                clock.begin()
                for _ in range(size):
                    units += op()
                clock.end(units)
            out.append(clock.record(spec, case, n))
    finally:
        ops.close()
    return out


def _blob_sync(spec: dict[str, Any], env: Env, op: Callable[[], int]) -> dict[str, Any]:
    env.blob_path = spec["warm_blob_path"]
    op()
    env.blob_path = spec["blob_path"]
    how = reset_peak_rss()
    base = _status_kib("VmRSS")
    clock = Blocks(env.url)
    clock.begin()
    clock.end(op())
    rec = clock.record(spec, "blob", 1)
    rec["rss_growth"] = peak_growth_bytes(base)
    rec["rss_method"] = how
    return rec


async def run_async(spec: dict[str, Any], env: Env) -> list[dict[str, Any]]:
    ops = async_ops(spec["client"], env)
    out = []
    try:
        for case in spec["cases"]:
            if case == "concurrent":
                out.append(await _concurrent(spec, env, ops))
                continue
            op = ops.ops[case]
            if case == "blob":
                out.append(await _blob_async(spec, env, op))
                continue
            warmup, n, blocks = spec["iters"][case]
            for _ in range(warmup):
                await op()
            clock = Blocks(env.url)
            for size in block_sizes(n, blocks):
                units = 0
                clock.begin()
                for _ in range(size):
                    units += await op()
                clock.end(units)
            out.append(clock.record(spec, case, n))
    finally:
        await ops.close()
    return out


async def _blob_async(spec: dict[str, Any], env: Env, op: Callable[[], Awaitable[int]]) -> dict[str, Any]:
    env.blob_path = spec["warm_blob_path"]
    await op()
    env.blob_path = spec["blob_path"]
    how = reset_peak_rss()
    base = _status_kib("VmRSS")
    clock = Blocks(env.url)
    clock.begin()
    clock.end(await op())
    rec = clock.record(spec, "blob", 1)
    rec["rss_growth"] = peak_growth_bytes(base)
    rec["rss_method"] = how
    return rec


async def _concurrent(spec: dict[str, Any], env: Env, ops: AsyncOps) -> dict[str, Any]:
    """``concurrency`` chats in flight at once on one loop, ``batches`` times after a warm-up batch."""
    chat = ops.ops["chat"]
    width = spec["concurrency"]
    batches = spec["batches"]

    async def batch() -> int:
        return sum(await asyncio.gather(*(chat() for _ in range(width))))

    await batch()
    clock = Blocks(env.url)
    for _ in range(batches):
        clock.begin()
        clock.end(await batch())
    return clock.record(spec, "concurrent", width * batches)


def main() -> None:
    spec = json.loads(sys.argv[1])
    if spec["client"].endswith("_nospeedups"):
        # As if the speedups extra were not installed: `import orjson` fails from here on.
        sys.modules["orjson"] = None  # type: ignore[assignment]
    env = Env(url=spec["url"], embed_rows=spec["embed_rows"], blob_path=spec["blob_path"])
    is_async = spec["client"] in ASYNC_CLIENTS
    records = asyncio.run(run_async(spec, env)) if is_async else run_sync(spec, env)
    for rec in records:
        sys.stdout.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
