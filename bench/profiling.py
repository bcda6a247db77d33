"""Profile one client on one case against the fake server (cProfile, in this process).

    python bench/profiling.py CASE [--client ollixir] [--calls N] [--top 30] [--sort tottime|cumulative]

CASE is one of chat, stream, list, embed, blob, concurrent. Uses the full-run sizes unless
``--quick``. Meant for finding what a missed target is spending its time on.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import sys
import tempfile

from _workloads import ASYNC_CLIENTS, Env, async_ops, sync_ops
from run import FULL, QUICK, ROOT, fake_server

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("case", choices=["chat", "stream", "list", "embed", "blob", "concurrent"])
    parser.add_argument("--client", default="ollixir")
    parser.add_argument("--calls", type=int, help="timed calls (default: as in the full run)")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", choices=["tottime", "cumulative"])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    sys.path[:0] = [str(ROOT), str(ROOT / "generated")]
    env = dict(os.environ)
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory(dir="/dev/shm" if os.path.isdir("/dev/shm") else None) as tmp:
        blob = os.path.join(tmp, "big.bin")
        with open(blob, "wb") as f:
            f.truncate(plan.blob_bytes)
        with fake_server(plan, env) as url:
            where = Env(url=url, embed_rows=plan.embed_rows, blob_path=blob)
            warmup, calls, _ = plan.iters.get(args.case, (1, plan.batches, 1))
            calls = args.calls or calls
            if args.client in ASYNC_CLIENTS:
                asyncio.run(
                    _profile_async(args.client, args.case, where, warmup, calls, plan.concurrency, profiler)
                )
            else:
                ops = sync_ops(args.client, where)
                op = ops.ops[args.case]
                for _ in range(warmup):
                    op()
                profiler.enable()
                for _ in range(calls):
                    op()
                profiler.disable()
                ops.close()
    stats = pstats.Stats(profiler)
    stats.sort_stats(args.sort).print_stats(args.top)
    return 0


async def _profile_async(
    client: str, case: str, env: Env, warmup: int, calls: int, width: int, profiler: cProfile.Profile
) -> None:
    ops = async_ops(client, env)
    if case == "concurrent":
        chat = ops.ops["chat"]

        async def once() -> None:
            await asyncio.gather(*(chat() for _ in range(width)))
    else:
        op = ops.ops[case]

        async def once() -> None:
            await op()

    for _ in range(max(warmup, 1)):
        await once()
    profiler.enable()
    for _ in range(calls):
        await once()
    profiler.disable()
    await ops.close()


if __name__ == "__main__":
    sys.exit(main())
