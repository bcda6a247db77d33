"""Thinking levels: some models (e.g. gpt-oss) take ``think="low" | "medium" | "high"`` instead of a bool."""

from __future__ import annotations

from _support import THINKING_MODEL, connect


def main() -> None:
    messages = [{"role": "user", "content": "Plan a three-day trip to Rome."}]
    with connect() as client:
        for level in ("low", "medium", "high"):
            reply = client.chat(THINKING_MODEL, messages, think=level)
            thinking = reply.message.thinking or ""
            print(f"{level:>6}: {len(thinking):4} chars of thinking, e.g. {thinking[:40]!r}")


if __name__ == "__main__":
    main()
