"""Embedding a dataset with Ray Data, across worker processes and several Ollama hosts.

``map_batches`` runs a callable class in a pool of Ray actors. Each actor is built with a list of
ollixir clients, one per Ollama host: Ray pickles them, and a client pickles as its configuration
only, so every actor gets its own clients with fresh connection pools (no socket travels). Inside an
actor, :func:`ollixir.batch.embed_many` cuts each block of rows into requests and spreads them over
the hosts by speed; a host that fails is taken out and its requests go to the others.

Run it with ``python examples/ray_embed.py [OUTPUT.jsonl]`` (needs ``pip install "ray[data]"`` and
``ollixir[numpy]``). ``OLLIXIR_EMBED_HOSTS=http://gpu1:11434,http://gpu2:11434`` names the hosts;
else ``OLLAMA_HOST``; else two bundled test servers are started. With an output path, every row is
written as ``{"id", "worker", "embedding"}`` JSON lines.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Iterator
from typing import Any

import numpy as np
import ray
import ray.data
from _support import EMBED_MODEL, using_test_server

import ollixir
from ollixir.batch import embed_many
from ollixir.testing import OllamaTestServer

ROWS = 200


def documents(count: int = ROWS) -> list[dict[str, Any]]:
    return [{"id": i, "text": f"document {i}: notes on embedding at scale"} for i in range(count)]


class Embedder:
    """The per-actor state: one ollixir client per host, rebuilt from its pickle in this process."""

    def __init__(self, clients: list[ollixir.Client[ollixir.TypedResults]], model: str) -> None:
        self.clients = clients
        self.model = model

    def __call__(self, batch: dict[str, np.ndarray[Any, Any]]) -> dict[str, np.ndarray[Any, Any]]:
        texts = [str(text) for text in batch["text"]]
        parts = embed_many(
            self.clients, texts, model=self.model, batch_size=16, concurrency=2, dtype="float32"
        )
        vectors = np.vstack([part.embeddings for part in parts])
        return {
            "id": batch["id"],
            "worker": np.full(len(texts), os.getpid()),
            "embedding": vectors,
        }


def embed_dataset(
    dataset: ray.data.Dataset, hosts: list[str], model: str, actors: int = 2
) -> ray.data.Dataset:
    clients = [ollixir.Client(url) for url in hosts]
    return dataset.map_batches(
        Embedder,
        fn_constructor_kwargs={"clients": clients, "model": model},
        batch_size=64,
        batch_format="numpy",
        concurrency=actors,
    )


@contextlib.contextmanager
def embedding_hosts() -> Iterator[list[str]]:
    listed = [h.strip() for h in os.environ.get("OLLIXIR_EMBED_HOSTS", "").split(",") if h.strip()]
    if listed:
        yield listed
    elif not using_test_server():
        yield [ollixir.parse_host(os.environ["OLLAMA_HOST"])]
    else:
        with OllamaTestServer() as first, OllamaTestServer() as second:
            print(f"(using two bundled test servers: {first.url}, {second.url})", file=sys.stderr)
            yield [first.url, second.url]


def main(output: str | None = None) -> None:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    try:
        with embedding_hosts() as hosts:
            dataset = ray.data.from_items(documents())
            rows = embed_dataset(dataset, hosts, EMBED_MODEL).take_all()
    finally:
        ray.shutdown()
    ids = sorted(int(row["id"]) for row in rows)
    assert ids == list(range(ROWS)), "every row comes back exactly once"
    workers = sorted({int(row["worker"]) for row in rows})
    dims = len(rows[0]["embedding"])
    print(f"embedded {len(rows)} rows ({dims} dims) on {len(workers)} worker(s) across {len(hosts)} host(s)")
    print(f"driver pid {os.getpid()}; worker pids {workers}")
    if output:
        with open(output, "w", encoding="utf-8") as f:
            for row in sorted(rows, key=lambda r: int(r["id"])):
                record = {
                    "id": int(row["id"]),
                    "worker": int(row["worker"]),
                    "embedding": row["embedding"].tolist(),
                }
                f.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
