"""Pull a model from the registry, printing download progress as a percentage.

Against a real server this really downloads ``OLLIXIR_PULL_MODEL`` (default ``tinyllama``, about 640 MB).
"""

from __future__ import annotations

from _support import PULL_MODEL, connect


def main() -> None:
    with connect() as client:
        last_line = ""
        with client.pull_model(PULL_MODEL, stream=True) as progress:
            for update in progress:
                line = update.status
                # total and completed are None on status-only lines (and completed while it is 0).
                if update.total:
                    # Layers report bytes; show whole percentages only, to keep the output short.
                    line = f"{update.status}: {100 * (update.completed or 0) // update.total}%"
                if line != last_line:
                    print(line)
                    last_line = line
            final = progress.final()
        print("final status:", final.status)

        installed = [m.name for m in client.list_models().models]
        print(
            f"{PULL_MODEL} installed:",
            any(name.split(":")[0] == PULL_MODEL.split(":")[0] for name in installed),
        )


if __name__ == "__main__":
    main()
