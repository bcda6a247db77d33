"""Batch embeddings: one ``/api/embed`` call for many texts, one vector per input, in order."""

from __future__ import annotations

from _support import EMBED_MODEL, connect


def main() -> None:
    texts = ["apples and oranges", "a bowl of fruit", "the stock market fell today"]
    with connect() as client:
        response = client.embed(EMBED_MODEL, texts)
        for text, vector in zip(texts, response.embeddings, strict=True):
            print(f"{text!r}: {len(vector)} dims, starts {[round(v, 3) for v in vector[:3]]}")
        print(
            f"{len(response.embeddings)} vectors for {len(texts)} texts; "
            f"{response.prompt_eval_count} prompt tokens in total"
        )


if __name__ == "__main__":
    main()
