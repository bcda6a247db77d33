"""Fill in the middle: give a code model the text before (``prompt``) and after (``suffix``) a gap."""

from __future__ import annotations

from _support import CODE_MODEL, connect

BEFORE = "def fibonacci(n: int) -> int:\n    "
AFTER = "\n    return fibonacci(n - 1) + fibonacci(n - 2)\n"


def main() -> None:
    with connect() as client:
        reply = client.completion(CODE_MODEL, BEFORE, suffix=AFTER, options={"temperature": 0})
    print(f"the model filled the gap with: {reply.response!r}")
    print("assembled:")
    print(BEFORE + reply.response + AFTER)


if __name__ == "__main__":
    main()
