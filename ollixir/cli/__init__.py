"""The ``ollixir`` command line: model management, chat, embeddings, the test server and a demo.

``ollixir --help`` lists the commands; ``main(argv)`` runs one and returns its exit code.
"""

from ._main import main

__all__ = ["main"]
