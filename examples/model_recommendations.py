"""The models the server recommends, local and cloud: ``client.model_recommendations()``.

Served by Ollama 0.22.1 and later at ``GET /api/experimental/model-recommendations``; cloud models
(``...:cloud``, ``...-cloud``) run on ollama.com and may need a plan.
"""

from __future__ import annotations

from _support import connect


def main() -> None:
    with connect() as client:
        picks = client.model_recommendations().recommendations or []
    for pick in picks:
        name = pick.model or "?"
        where = "cloud" if name.endswith((":cloud", "-cloud")) else "local"
        needs = []
        if pick.vram_bytes:
            needs.append(f"{pick.vram_bytes / 1e9:.1f} GB of memory")
        if pick.context_length:
            needs.append(f"{pick.context_length} tokens of context")
        if pick.required_plan:
            needs.append(f"the {pick.required_plan} plan")
        detail = f" ({', '.join(needs)})" if needs else ""
        print(f"{name} [{where}]: {pick.description or ''}{detail}")


if __name__ == "__main__":
    main()
