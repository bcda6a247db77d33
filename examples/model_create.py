"""Create a model from a Modelfile: a custom system prompt and parameters on top of an existing model.

The Modelfile is written to a temporary directory and passed by path; ollixir parses it the way the Ollama
CLI does and sends the structured ``/api/create`` request (uploading any local files it names first).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from _support import CHAT_MODEL, connect

NEW_MODEL = "ollixir-example-mario"


def main() -> None:
    modelfile = (
        f"FROM {CHAT_MODEL}\n"
        "PARAMETER temperature 0.8\n"
        "PARAMETER num_ctx 4096\n"
        'SYSTEM """You are Mario from Super Mario Bros. Answer as Mario, the assistant, only."""\n'
    )
    with connect() as client, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "Modelfile"
        path.write_text(modelfile, encoding="utf-8")

        # stream=True shows the server's progress messages as it builds the model.
        with client.create_model(NEW_MODEL, modelfile=path, stream=True) as progress:
            for update in progress:
                print("create:", update.status)

        details = client.show_model(NEW_MODEL)
        print("system prompt:", details.system)
        for line in (details.parameters or "").splitlines():
            print("parameter:", " ".join(line.split()))

        reply = client.chat(NEW_MODEL, [{"role": "user", "content": "Who are you?"}])
        print("reply:", reply.message.content)

        print("deleted:", client.delete_model(NEW_MODEL))


if __name__ == "__main__":
    main()
