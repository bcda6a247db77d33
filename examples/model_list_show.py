"""List the installed models and show one model's details (family, size, capabilities, parameters)."""

from __future__ import annotations

from _support import CHAT_MODEL, connect


def main() -> None:
    with connect() as client:
        print(f"server version: {client.version().version}")
        for model in client.list_models().models:
            size_gb = model.size / 1e9
            print(
                f"{model.name:32} {size_gb:6.2f} GB  {model.details.parameter_size:>8}  {model.details.family}"
            )

        info = client.show_model(CHAT_MODEL)
        print(f"\n{CHAT_MODEL}: family={info.details.family} quantization={info.details.quantization_level}")
        print("capabilities:", info.capabilities)
        # parameters is Modelfile-style text, one "name value" pair per line.
        for line in (info.parameters or "").splitlines():
            print("parameter:", " ".join(line.split()))


if __name__ == "__main__":
    main()
