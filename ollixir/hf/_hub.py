"""Listing a HuggingFace repository's files through ``huggingface_hub``, imported only when needed.

``huggingface_hub`` is an optional dependency (``pip install 'ollixir[huggingface]'``); importing
:mod:`ollixir.hf` never needs it, only the functions that talk to the Hub do. Hub failures become ollixir
errors so callers handle one exception hierarchy.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._errors import ConnectionError, ResponseError

if TYPE_CHECKING:
    from huggingface_hub import HfApi

__all__ = ["INSTALL_HINT", "list_entries"]

INSTALL_HINT = (
    "ollixir.hf needs the optional 'huggingface_hub' package: pip install 'ollixir[huggingface]' "
    "(or pip install huggingface_hub)"
)
"""The message shown when listing GGUF files needs the missing ``huggingface_hub``."""
_OPERATION = "hf.list_gguf_files"


def _api(endpoint: str | None, token: str | bool | None) -> HfApi:
    try:
        from huggingface_hub import HfApi
    except ImportError as exc:
        raise ImportError(INSTALL_HINT, name="huggingface_hub") from exc
    return HfApi(endpoint=endpoint, token=token)


def list_entries(
    repo: str, *, revision: str | None, token: str | bool | None, endpoint: str | None
) -> list[tuple[str, int]]:
    """``(path, size)`` of every file in ``repo`` at ``revision`` (folders included recursively)."""
    api = _api(endpoint, token)
    try:
        from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError, RevisionNotFoundError
    except ImportError:  # huggingface_hub < 0.24 keeps them in utils
        from huggingface_hub.utils import (  # type: ignore[attr-defined]
            HfHubHTTPError,
            RepositoryNotFoundError,
            RevisionNotFoundError,
        )

    try:
        return list(_files(api, repo, revision))
    except RevisionNotFoundError as exc:
        raise ResponseError(
            f"revision {revision!r} of HuggingFace repository {repo!r} not found",
            status=_status(exc, 404),
            operation=_OPERATION,
        ) from exc
    except RepositoryNotFoundError as exc:
        raise ResponseError(
            f"HuggingFace repository {repo!r} not found (a private or gated repository needs token=)",
            status=_status(exc, 404),
            operation=_OPERATION,
        ) from exc
    except HfHubHTTPError as exc:
        status = _status(exc, 502)
        raise ResponseError(
            f"the HuggingFace Hub refused the listing: {_first_line(exc)}",
            status=status,
            operation=_OPERATION,
        ) from exc
    except OSError as exc:
        # Transport failures (and offline mode) are OSErrors in every huggingface_hub version.
        raise ConnectionError(
            f"{_OPERATION}: cannot reach the HuggingFace Hub: {_first_line(exc)}", operation=_OPERATION
        ) from exc
    except Exception as exc:
        # Newer huggingface_hub versions let their HTTP library's transport errors through unwrapped.
        if type(exc).__module__.split(".")[0].startswith(("httpx", "httpcore", "requests", "urllib3")):
            raise ConnectionError(
                f"{_OPERATION}: cannot reach the HuggingFace Hub: {_first_line(exc)}", operation=_OPERATION
            ) from exc
        raise


def _files(api: HfApi, repo: str, revision: str | None) -> Iterator[tuple[str, int]]:
    for entry in api.list_repo_tree(repo, recursive=True, revision=revision):
        size = getattr(entry, "size", None)
        # Folders have no size; files always do.
        if isinstance(size, int):
            yield entry.path, size


def _status(exc: BaseException, default: int) -> int:
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    return status if isinstance(status, int) else default


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
