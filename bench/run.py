"""Benchmarks: ollixir against raw httpx (the floor) and the official ``ollama`` client.

    python bench/run.py [--quick] [--json] [--rounds N] [--cases a,b] [--clients x,y] [--save FILE]

A canned Ollama-shaped server (``fakeserver.py``) runs in its own process; every client runs in
fresh interpreters (one per client per case per round; ``--quick`` uses one per client), in an
order rotated each round, and medians over rounds are reported. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from _imports import VARIANTS, child_env, measure_import
from _report import aggregate, evaluate, render
from _worker import server_cpu
from _workloads import aiohttp_available

__all__ = ["CASES", "FULL", "QUICK", "Plan", "main", "run"]

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CASES = ("import", "chat", "stream", "list", "embed", "blob", "concurrent")
_PER_CALL = (
    "raw",
    "raw_again",
    "ollama",
    "ollixir",
    "ollixir_dict",
    "raw_async",
    "ollama_async",
    "ollixir_async",
)


@dataclass(frozen=True, slots=True)
class Plan:
    rounds: int
    stream_chunks: int
    models: int
    embed_rows: int
    embed_dims: int
    blob_bytes: int
    concurrency: int
    batches: int
    # case -> (warm-up calls, timed calls, timed blocks they are split into)
    iters: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    # One process per client (all its cases) instead of one per client and case.
    group_cases: bool = False


FULL = Plan(
    rounds=3,
    stream_chunks=20_000,
    models=50,
    embed_rows=256,
    embed_dims=1024,
    blob_bytes=1 << 30,
    concurrency=500,
    batches=3,
    iters={"chat": (50, 800, 10), "stream": (1, 4, 4), "list": (20, 300, 10), "embed": (2, 40, 10)},
)
QUICK = Plan(
    rounds=1,
    stream_chunks=200,
    models=50,
    embed_rows=16,
    embed_dims=64,
    blob_bytes=4 << 20,
    concurrency=20,
    batches=2,
    iters={"chat": (5, 30, 3), "stream": (1, 3, 3), "list": (5, 30, 3), "embed": (1, 3, 3)},
    group_cases=True,
)


# Embed only: ollixir with orjson hidden (as without the speedups extra), and the float32 array form.
EMBED_EXTRA = ("ollixir_nospeedups", "ollixir_f32")


def clients_for(case: str, aiohttp: bool) -> list[str]:
    if case == "embed":
        return [*_PER_CALL, *EMBED_EXTRA]
    if case == "import":
        return list(VARIANTS)
    if case == "concurrent":
        extra = ["raw_aiohttp", "ollixir_aiohttp"] if aiohttp else []
        return ["raw_async", "ollama_async", "ollixir_async", *extra]
    if case == "blob":
        # The result is a digest either way (dict mode changes nothing), and one upload per
        # round is too long to afford an A/A control.
        return [c for c in _PER_CALL if c not in ("ollixir_dict", "raw_again")]
    return list(_PER_CALL)


# --- the server ------------------------------------------------------------------------------


@contextmanager
def fake_server(plan: Plan, env: dict[str, str]) -> Iterator[str]:
    cmd = [
        sys.executable,
        str(BENCH / "fakeserver.py"),
        f"--stream-chunks={plan.stream_chunks}",
        f"--models={plan.models}",
        f"--embed-rows={plan.embed_rows}",
        f"--embed-dims={plan.embed_dims}",
    ]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"the fake server did not start (said {line!r})")
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        # Closing its stdin is the server's signal to exit.
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait(timeout=10)


# --- noise -----------------------------------------------------------------------------------


def _cpu_counters() -> tuple[float, float]:
    """Machine-wide busy and stolen CPU seconds (all cores), from /proc/stat."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return 0.0, 0.0
    hz = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / hz, steal / hz


def _own_cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def speedups_installed() -> dict[str, str | None]:
    """Versions of the optional decoders the ``ollixir`` client uses when installed (None: missing)."""
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str | None] = {}
    for name in ("orjson", "numpy"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def machine() -> dict[str, Any]:
    model = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
    }


# --- running ---------------------------------------------------------------------------------


def _blob_dir() -> str | None:
    """tmpfs when there is one: reading a hole there copies the shared zero page, so every client
    sees the same cost. On a disk file system the first read of a sparse file fills the page
    cache with fresh zeroed pages (about 4x slower), which would bill whoever happens to go first."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def _sparse_file(path: str, size: int) -> None:
    with open(path, "wb") as f:
        f.truncate(size)
    if not path.startswith("/dev/shm/"):
        # Untimed first pass, so the page-cache fill is not billed to the first client.
        with open(path, "rb") as f:
            while f.read(1 << 22):
                pass


def _spec(plan: Plan, url: str, client: str, cases: list[str], blobs: tuple[str, str]) -> dict[str, Any]:
    return {
        "client": client,
        "cases": cases,
        "url": url,
        "blob_path": blobs[0],
        "warm_blob_path": blobs[1],
        "embed_rows": plan.embed_rows,
        "stream_chunks": plan.stream_chunks,
        "iters": plan.iters,
        "concurrency": plan.concurrency,
        "batches": plan.batches,
    }


def _run_worker(spec: dict[str, Any], env: dict[str, str]) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, str(BENCH / "_worker.py"), json.dumps(spec)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"worker {spec['client']} {spec['cases']} failed:\n{done.stderr}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def _schedule(
    plan: Plan, cases: list[str], clients: set[str] | None, aiohttp: bool, rnd: int
) -> list[tuple[str, list[str]]]:
    """(client, cases) jobs for one round; the client order rotates so no one always goes first."""

    def rotate(names: list[str]) -> list[str]:
        names = [n for n in names if clients is None or n in clients]
        k = rnd % len(names) if names else 0
        return names[k:] + names[:k]

    jobs: list[tuple[str, list[str]]] = []
    work = [c for c in cases if c != "import"]
    if plan.group_cases:
        everyone = list(dict.fromkeys(n for c in work for n in clients_for(c, aiohttp)))
        for name in rotate(everyone):
            mine = [c for c in work if name in clients_for(c, aiohttp)]
            if mine:
                jobs.append((name, mine))
    else:
        for case in work:
            jobs += [(name, [case]) for name in rotate(clients_for(case, aiohttp))]
    return jobs


def run(plan: Plan, cases: list[str], clients: set[str] | None = None, log: Any = None) -> dict[str, Any]:
    env = child_env(str(ROOT))
    aiohttp = aiohttp_available()
    records: list[dict[str, Any]] = []
    started = time.perf_counter()
    busy0, steal0 = _cpu_counters()
    own0 = _own_cpu()
    server_total = 0.0

    def say(msg: str) -> None:
        if log is not None:
            print(msg, file=log, flush=True)

    with (
        tempfile.TemporaryDirectory(prefix="ollixir-bench-", dir=_blob_dir()) as tmp,
        fake_server(plan, env) as url,
    ):
        big, warm = os.path.join(tmp, "big.bin"), os.path.join(tmp, "warm.bin")
        for path, size in ((big, plan.blob_bytes), (warm, 1 << 20)):
            _sparse_file(path, size)
        srv0 = server_cpu(url)
        variants = [v for v in VARIANTS if clients is None or v in clients] if "import" in cases else []
        if variants:
            for v in variants:  # untimed: compile byte code, fill the OS file cache
                measure_import(v, url, env)
        for rnd in range(plan.rounds):
            if variants:
                for v in variants[rnd % len(variants) :] + variants[: rnd % len(variants)]:
                    rec = measure_import(v, url, env)
                    rec["round"] = rnd
                    records.append(rec)
            for client, mine in _schedule(plan, cases, clients, aiohttp, rnd):
                say(f"round {rnd + 1}/{plan.rounds}: {client} {','.join(mine)}")
                for rec in _run_worker(_spec(plan, url, client, mine, (big, warm)), env):
                    rec["round"] = rnd
                    records.append(rec)
        server_total = server_cpu(url) - srv0
    elapsed = time.perf_counter() - started
    busy1, steal1 = _cpu_counters()
    ours = _own_cpu() - own0
    agg = aggregate(records)
    client_total = sum(r["cpu"] for r in records if r["case"] != "import")
    return {
        "machine": machine(),
        "speedups": speedups_installed(),
        "plan": asdict(plan),
        "cases": cases,
        "aiohttp_transport": aiohttp,
        "noise": {
            "elapsed_s": elapsed,
            "load_average": os.getloadavg(),
            # Everything the machine did that was not this benchmark, in cores on average.
            "other_load_cores": max(0.0, (busy1 - busy0) - ours) / elapsed if elapsed else 0.0,
            "steal_cores": (steal1 - steal0) / elapsed if elapsed else 0.0,
            "server_cpu_s": server_total,
            "timed_client_cpu_s": client_total,
        },
        "results": agg,
        "targets": evaluate(agg),
        "records": records,
    }


def text_report(doc: dict[str, Any]) -> str:
    m, n = doc["machine"], doc["noise"]
    head = [
        f"machine: {m['nproc']} x {m['cpu_model']}, Python {m['python']} ({m['platform']})",
        f"rounds: {doc['plan']['rounds']}; elapsed {n['elapsed_s']:.0f} s; other load on the machine "
        f"{n['other_load_cores']:.2f} cores avg (steal {n['steal_cores']:.2f}); "
        f"load average {', '.join(f'{x:.2f}' for x in n['load_average'])}",
        f"fake server CPU over the whole run: {n['server_cpu_s']:.2f} s "
        f"(timed client CPU {n['timed_client_cpu_s']:.2f} s)",
        "speedups: "
        + ", ".join(f"{k} {v or 'not installed'}" for k, v in doc.get("speedups", {}).items())
        + " (ollixir_nospeedups hides orjson)",
        "",
    ]
    if doc["plan"] == asdict(QUICK) or doc["plan"]["blob_bytes"] < FULL.blob_bytes:
        head.insert(-1, "QUICK/SMALL SIZES: a smoke run; ratios and target verdicts mean little here.")
    order = [c for c in CASES if c in doc["cases"]]
    return "\n".join(head) + render(doc["results"], doc["targets"], order)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one round: a smoke run in seconds")
    parser.add_argument("--json", action="store_true", help="print the full results as JSON")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 3, --quick 1)")
    parser.add_argument("--cases", help=f"comma-separated subset of {','.join(CASES)}")
    parser.add_argument("--clients", help="comma-separated subset of clients / import variants")
    parser.add_argument("--save", help="also write the JSON results to this file")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.rounds is not None:
        if args.rounds < 1:
            parser.error("--rounds must be at least 1")
        plan = Plan(**{**asdict(plan), "rounds": args.rounds})
    cases = list(CASES)
    if args.cases:
        cases = [c.strip() for c in args.cases.split(",") if c.strip()]
        unknown = sorted(set(cases) - set(CASES))
        if unknown:
            parser.error(f"unknown case(s) {', '.join(unknown)}; choose from {', '.join(CASES)}")
    clients = {c.strip() for c in args.clients.split(",")} if args.clients else None
    doc = run(plan, cases, clients, log=sys.stderr)
    if args.save:
        Path(args.save).write_text(json.dumps(doc, indent=1) + "\n")
    print(json.dumps(doc, indent=1) if args.json else text_report(doc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
