"""Peak memory when sending very large requests (issue: input limits).

    python bench/input_limits.py [--json]

Each case runs in a fresh process against the canned server (``fakeserver.py``): the input is built
first, the kernel's peak-RSS mark is reset (all cases use /api/chat), the request is sent, and the growth of the peak over the
input's own size is reported. Cases: a 100 MiB prompt, 10,000 chat messages of 1 KiB, 1,000 images of
64 KiB given as bytes. "raw" is ``httpx.post(json=...)`` with the body built by hand (images
base64-encoded first, as the API requires). A growth of about 1x the input means one copy; raw httpx
needs the JSON text and its UTF-8 bytes at once.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

CHILD = textwrap.dedent(
    """
    import base64, json, sys
    sys.path[:0] = [sys.argv[4], sys.argv[4] + "/generated"]
    url, case, client = sys.argv[1:4]

    def peak():
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError

    MiB = 1 << 20
    if case == "prompt_100mib":
        prompt = "x" * (100 * MiB)
        size = len(prompt)
    elif case == "messages_10k":
        messages = [{"role": "user", "content": "y" * 1024} for _ in range(10_000)]
        size = 10_000 * 1024
    else:
        images = [bytes([i % 251]) * (64 * 1024) for i in range(1000)]
        size = 1000 * 64 * 1024
    import httpx
    import ollixir
    if client == "ollixir":
        c = ollixir.init(url)
        c.version()
    else:
        h = httpx.Client(timeout=None)
        h.get(url + "/api/version")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before = peak()
    if client == "ollixir":
        if case == "prompt_100mib":
            c.chat("m", [{"role": "user", "content": prompt}])
        elif case == "messages_10k":
            c.chat("m", messages)
        else:
            c.chat("m", [{"role": "user", "content": "describe", "images": images}])
    else:
        if case == "prompt_100mib":
            body = {"model": "m", "messages": [{"role": "user", "content": prompt}], "stream": False}
            h.post(url + "/api/chat", json=body).json()
        elif case == "messages_10k":
            h.post(url + "/api/chat", json={"model": "m", "messages": messages, "stream": False}).json()
        else:
            encoded = [base64.b64encode(i).decode() for i in images]
            message = {"role": "user", "content": "describe", "images": encoded}
            h.post(url + "/api/chat", json={"model": "m", "messages": [message], "stream": False}).json()
    print(json.dumps({"input_mib": size / MiB, "growth_mib": peak() - before}))
    """
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    server = subprocess.Popen(
        [sys.executable, str(BENCH / "fakeserver.py"), "--port", "0"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=BENCH,
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline().split()[1])
        url = f"http://127.0.0.1:{port}"
        results = []
        for case in ("prompt_100mib", "messages_10k", "images_1000"):
            for client in ("raw", "ollixir"):
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, url, case, client, str(ROOT)],
                    capture_output=True,
                    text=True,
                    check=False,
                    env={**os.environ, "PYTHONPATH": ""},
                )
                if out.returncode != 0:
                    raise SystemExit(f"{case}/{client} failed:\n{out.stderr}")
                row = {"case": case, "client": client, **json.loads(out.stdout)}
                results.append(row)
        if args.json:
            print(json.dumps(results, indent=2))
        else:
            print(f"{'case':<16}{'client':<10}{'input MiB':>10}{'peak growth MiB':>18}{'x input':>9}")
            for r in results:
                ratio = r["growth_mib"] / r["input_mib"]
                print(
                    f"{r['case']:<16}{r['client']:<10}{r['input_mib']:>10.1f}{r['growth_mib']:>18.1f}{ratio:>9.2f}"
                )
    finally:
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
