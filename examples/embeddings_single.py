"""Embeddings for one text with ``/api/embed``: a normalised vector of floats."""

from __future__ import annotations

import math

from _support import EMBED_MODEL, connect


def main() -> None:
    with connect() as client:
        response = client.embed(EMBED_MODEL, "The quick brown fox jumps over the lazy dog.")
        vector = response.embeddings[0]
        print(f"{len(response.embeddings)} embedding of {len(vector)} dimensions")
        print("first values:", [round(v, 4) for v in vector[:5]])
        # /api/embed returns unit vectors, so cosine similarity is just a dot product.
        print(f"L2 norm: {math.sqrt(sum(v * v for v in vector)):.4f}")

        shorter = client.embed(EMBED_MODEL, "Truncated to fewer dimensions.", dimensions=64)
        print(f"with dimensions=64: {len(shorter.embeddings[0])} values")


if __name__ == "__main__":
    main()
