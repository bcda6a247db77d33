"""Options presets: ready-made ``options`` for common jobs, combined with your own values by ``merge``."""

from __future__ import annotations

from _support import CHAT_MODEL, connect

from ollixir import presets


def main() -> None:
    print("presets:", ", ".join(presets.PRESETS))
    print("creative:", presets.creative())

    # Later items win; keyword arguments win over everything; None removes a key.
    options = presets.merge("precise", presets.fast, num_predict=64, seed=None)
    print("merged:", options)

    with connect() as client:
        reply = client.chat(
            CHAT_MODEL, [{"role": "user", "content": "Write a tagline for a bakery."}], options=options
        )
        print("reply:", reply.message.content)

        # num_predict caps the answer; done_reason says when it was cut.
        short = client.completion(CHAT_MODEL, "Tell me everything about bread.", options={"num_predict": 3})
        print(f"capped at 3 tokens: {short.response!r} (done_reason={short.done_reason})")


if __name__ == "__main__":
    main()
