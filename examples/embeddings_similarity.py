"""Semantic search with embeddings: rank documents by cosine similarity to a query."""

from __future__ import annotations

import math
from collections.abc import Sequence

from _support import EMBED_MODEL, connect, using_test_server


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norms = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norms if norms else 0.0


def main() -> None:
    documents = [
        "Llamas are members of the camelid family.",
        "Python is a popular programming language.",
        "The Eiffel Tower is in Paris.",
    ]
    query = "Which animals are related to camels?"
    with connect() as client:
        vectors = client.embed(EMBED_MODEL, [query, *documents]).embeddings
    query_vector, doc_vectors = vectors[0], vectors[1:]
    ranked = sorted(
        ((cosine(query_vector, vector), doc) for vector, doc in zip(doc_vectors, documents, strict=True)),
        reverse=True,
    )
    print(f"query: {query}")
    for score, doc in ranked:
        print(f"  {score:+.3f}  {doc}")
    # A text is always most similar to itself.
    if using_test_server():
        print("(the test server's embeddings are hashes of the text, so this ranking is arbitrary)")
    print(f"self-similarity of the query: {cosine(query_vector, query_vector):.3f}")


if __name__ == "__main__":
    main()
