"""Log probabilities: how confident the model was in each token, and which alternatives it considered."""

from __future__ import annotations

import math

from _support import CHAT_MODEL, connect


def main() -> None:
    with connect() as client:
        reply = client.completion(CHAT_MODEL, "The capital of France is", logprobs=True, top_logprobs=3)
    print("answer:", reply.response)
    for entry in reply.logprobs or []:
        alternatives = ", ".join(f"{alt.token!r}" for alt in entry.top_logprobs or [])
        print(f"{entry.token!r:>12}  p={math.exp(entry.logprob):.3f}  alternatives: {alternatives}")


if __name__ == "__main__":
    main()
