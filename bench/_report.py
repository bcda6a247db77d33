"""Turning raw per-round samples into medians, ratios, target verdicts and a text table."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

__all__ = ["TARGETS", "Target", "aggregate", "evaluate", "render"]

MiB = 1 << 20

# Which baseline a client is compared with: raw httpx and the official client in the same mode.
_BASELINES: dict[str, tuple[str, str]] = {
    "raw": ("raw", "ollama"),
    "raw_again": ("raw", "ollama"),
    "ollama": ("raw", "ollama"),
    "ollixir": ("raw", "ollama"),
    "ollixir_dict": ("raw", "ollama"),
    "ollixir_nospeedups": ("raw", "ollama"),
    "ollixir_f32": ("raw", "ollama"),
    "raw_async": ("raw_async", "ollama_async"),
    "ollama_async": ("raw_async", "ollama_async"),
    "ollixir_async": ("raw_async", "ollama_async"),
    "raw_aiohttp": ("raw_async", "ollama_async"),
    "ollixir_aiohttp": ("raw_async", "ollama_async"),
    # import variants: the floor is `import httpx`, the official one `import ollama`.
    "httpx": ("httpx", "ollama"),
    "ollixir.Client": ("httpx", "ollama"),
}


def _per_unit(rec: dict[str, Any]) -> dict[str, float]:
    """The metrics of one sample, normalised per call (or per streamed chunk)."""
    case = rec["case"]
    if case == "import":
        return {k: float(v) for k, v in rec.items() if isinstance(v, int | float)}
    units = rec["units"]
    blocks = rec.get("blocks") or [(rec["cpu"], rec["wall"], units)]
    out = {
        # The median block, so a burst of outside load spoils one block rather than the result.
        "cpu": statistics.median(c / n for c, _, n in blocks),
        "wall": statistics.median(w / n for _, w, n in blocks),
        "cpu_mean": rec["cpu"] / units,
        "server_share": rec["server_cpu"] / max(rec["server_cpu"] + rec["cpu"], 1e-12),
    }
    if case == "blob":
        out["rss_growth"] = float(rec["rss_growth"])
    if case == "concurrent":
        out["throughput"] = units / rec["wall"]
    return out


def aggregate(records: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """``{case: {client: {metric: median, "samples": {metric: [per round]}, "spread": ...}}}``."""
    grouped: dict[tuple[str, str], list[dict[str, float]]] = {}
    for rec in records:
        grouped.setdefault((rec["case"], rec["client"]), []).append(_per_unit(rec))
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for (case, client), samples in grouped.items():
        metrics = sorted({k for s in samples for k in s})
        cell: dict[str, Any] = {"rounds": len(samples), "samples": {}}
        for m in metrics:
            values = [s[m] for s in samples if m in s]
            cell[m] = statistics.median(values)
            cell["samples"][m] = values
        key = "wall" if case == "import" else "cpu"
        vals = cell["samples"].get(key, [])
        med = cell.get(key, 0.0)
        # (max - min) / median of the headline metric: the run-to-run noise of this cell.
        cell["spread"] = (max(vals) - min(vals)) / med if vals and med else 0.0
        out.setdefault(case, {})[client] = cell
    return out


def paired_ratio(agg: dict[str, Any], case: str, a: str, b: str, metric: str) -> float | None:
    """Median over rounds of a/b, pairing samples taken in the same round (robust to drift)."""
    try:
        xs = agg[case][a]["samples"][metric]
        ys = agg[case][b]["samples"][metric]
    except KeyError:
        return None
    pairs = [x / y for x, y in zip(xs, ys, strict=False) if y]
    return statistics.median(pairs) if pairs else None


# --- targets -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    case: str
    client: str
    metric: str
    limit: float
    # Compared with another client's same metric (a ratio), or with ``limit`` itself (absolute).
    versus: str | None = None
    unit: str = "x"
    # Shown for context: measured and printed, but not a target verdict.
    info: bool = False


TARGETS: tuple[Target, ...] = (
    Target("non-streamed chat CPU vs raw httpx", "chat", "ollixir", "cpu", 1.05, "raw"),
    Target("stream CPU/chunk vs raw iter_lines+json.loads", "stream", "ollixir", "cpu", 1.0, "raw"),
    Target("list (models) CPU vs raw", "list", "ollixir", "cpu", 1.10, "raw"),
    Target("embed CPU vs raw, with the speedups extra (orjson)", "embed", "ollixir", "cpu", 0.5, "raw"),
    Target("embed CPU vs raw, without the extra", "embed", "ollixir_nospeedups", "cpu", 1.0, "raw"),
    Target(
        "embed as a float32 NumPy array, CPU vs raw", "embed", "ollixir_f32", "cpu", 0.5, "raw", info=True
    ),
    Target("`import ollixir` wall vs `import ollama`", "import", "ollixir", "wall", 0.7, "ollama"),
    Target("create_blob CPU vs raw (hashlib + httpx)", "blob", "ollixir", "cpu", 1.05, "raw"),
    Target("create_blob peak RSS growth (sync)", "blob", "ollixir", "rss_growth", 32 * MiB, unit="B"),
    Target("create_blob peak RSS growth (async)", "blob", "ollixir_async", "rss_growth", 32 * MiB, unit="B"),
    Target("create_blob async CPU vs sync", "blob", "ollixir_async", "cpu", 1.2, "ollixir"),
    Target("create_blob async wall vs sync", "blob", "ollixir_async", "wall", 1.2, "ollixir"),
    # The chosen mechanism is the recommended transport of the `aiohttp` extra (see bench/README.md);
    # httpx's default async transport is shown for comparison, without a verdict.
    Target(
        "concurrent chats, recommended aiohttp transport: CPU/call vs official AsyncClient",
        "concurrent",
        "ollixir_aiohttp",
        "cpu",
        0.2,
        "ollama_async",
    ),
    Target(
        "concurrent chats on httpx's default transport vs official AsyncClient",
        "concurrent",
        "ollixir_async",
        "cpu",
        0.2,
        "ollama_async",
        info=True,
    ),
)


def evaluate(agg: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for t in TARGETS:
        value: float | None
        if t.versus is None:
            value = agg.get(t.case, {}).get(t.client, {}).get(t.metric)
        else:
            value = paired_ratio(agg, t.case, t.client, t.versus, t.metric)
        verdict = "n/a" if value is None else ("info" if t.info else "PASS" if value <= t.limit else "MISS")
        # The same raw client in another process: how far apart two identical clients land.
        control = paired_ratio(agg, t.case, "raw_again", "raw", t.metric) if t.versus == "raw" else None
        out.append(
            {
                "target": t.name,
                "case": t.case,
                "client": t.client,
                "versus": t.versus,
                "metric": t.metric,
                "value": value,
                "limit": t.limit,
                "unit": t.unit,
                "verdict": verdict,
                "aa_control": control,
            }
        )
    return out


# --- table -------------------------------------------------------------------------------------


def _time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} us"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


_UNIT: dict[str, str] = {
    "chat": "per call",
    "stream": "per chunk",
    "list": "per call",
    "embed": "per call",
    "blob": "per upload",
    "concurrent": "per call",
    "import": "per import",
}


def _extra(case: str, cell: dict[str, Any]) -> str:
    if case == "blob":
        return f"peak RSS +{cell.get('rss_growth', 0) / MiB:.1f} MiB"
    if case == "concurrent":
        return f"{cell.get('throughput', 0):,.0f} calls/s"
    if case == "import" and "first_call_wall" in cell:
        return f"first call {_time(cell['first_call_wall'])}, next {_time(cell['second_call_wall'])}"
    return ""


def render(agg: dict[str, Any], targets: list[dict[str, Any]], order: list[str]) -> str:
    header = ("case", "client", "CPU", "wall", "x raw", "x official", "srv CPU", "spread", "notes")
    rows: list[tuple[str, ...]] = [header]
    for case in order:
        cells = agg.get(case, {})
        for client, cell in cells.items():
            raw, official = _BASELINES.get(client, ("raw", "ollama"))
            metric = "wall" if case == "import" else "cpu"
            share = cell.get("server_share")
            rows.append(
                (
                    case,
                    client,
                    _time(cell["cpu"]),
                    _time(cell["wall"]),
                    _ratio(paired_ratio(agg, case, client, raw, metric)),
                    _ratio(paired_ratio(agg, case, client, official, metric)),
                    "-" if share is None else f"{share:.0%}",
                    f"{cell['spread']:.0%}",
                    f"{_UNIT[case]}; {_extra(case, cell)}".rstrip("; "),
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]

    def fmt(row: tuple[str, ...]) -> str:
        # Names and notes read left to right; numbers line up on the right.
        cols = zip(row, widths, strict=True)
        return "  ".join(
            c.ljust(w) if i in (0, 1, 8) else c.rjust(w) for i, (c, w) in enumerate(cols)
        ).rstrip()

    lines = [fmt(rows[0]), "  ".join("-" * w for w in widths)]
    lines += [fmt(r) for r in rows[1:]]
    lines.append("")
    lines.append(
        "Ratios compare CPU (wall for imports) with raw httpx / the official client in the same mode,"
    )
    lines.append(
        "as the median of per-round ratios. 'srv CPU' is the fake server's share of client+server CPU."
    )
    lines.append("")
    lines.append("Targets:")
    for t in targets:
        if t["value"] is None:
            shown = "n/a"
        elif t["unit"] == "B":
            shown = f"{t['value'] / MiB:.1f} MiB (limit {t['limit'] / MiB:.0f} MiB)"
        else:
            shown = f"{t['value']:.3f}x" + ("" if t["verdict"] == "info" else f" (limit {t['limit']:.2f}x)")
            if t.get("aa_control") is not None:
                shown += f"; A/A control raw/raw {t['aa_control']:.3f}x"
        lines.append(f"  [{t['verdict']}] {t['target']}: {shown}")
    return "\n".join(lines)
