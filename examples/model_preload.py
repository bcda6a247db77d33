"""Preload a model into memory (so the first real request is fast), inspect it, and unload it."""

from __future__ import annotations

from _support import CHAT_MODEL, connect


def main() -> None:
    with connect() as client:
        print("preloaded:", client.preload(CHAT_MODEL, keep_alive="10m"))
        for running in client.list_running().models:
            print(
                f"running: {running.name} ({running.size_vram} bytes in VRAM, until {running.expires_at:%H:%M})"
            )

        print("unloaded:", client.unload(CHAT_MODEL))
        still = [m.name for m in client.list_running().models if m.name.startswith(CHAT_MODEL)]
        print("still running after unload:", still)

        # A model that does not exist is reported as False, not raised.
        print("preload of a missing model:", client.preload("no-such-model-xyz"))


if __name__ == "__main__":
    main()
