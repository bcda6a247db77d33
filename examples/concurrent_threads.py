"""Concurrent requests from threads: one ``Client`` is thread-safe and shares its connection pool."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from _support import CHAT_MODEL, connect


def main() -> None:
    topics = ["volcanoes", "honeybees", "black holes", "the Roman empire"]
    with connect() as client, ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(client.completion, CHAT_MODEL, f"One fact about {topic}.") for topic in topics]
        # Results come back in submission order, whatever order the requests finished in.
        for topic, future in zip(topics, futures, strict=True):
            print(f"{topic}: {future.result().response}")


if __name__ == "__main__":
    main()
