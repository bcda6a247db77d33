"""Copy a model under a new name, then delete the copy. Both report a missing model as ``False``."""

from __future__ import annotations

from _support import CHAT_MODEL, connect

COPY = "ollixir-example-copy"


def names(client_models: list[str]) -> list[str]:
    return sorted(name for name in client_models if name.startswith(COPY))


def main() -> None:
    with connect() as client:
        print("copied:", client.copy_model(CHAT_MODEL, COPY))
        print("after copy:", names([m.name for m in client.list_models().models]))

        print("deleted:", client.delete_model(COPY))
        print("after delete:", names([m.name for m in client.list_models().models]))

        print("deleting it again:", client.delete_model(COPY))
        print("copying a missing model:", client.copy_model("no-such-model-xyz", COPY))


if __name__ == "__main__":
    main()
