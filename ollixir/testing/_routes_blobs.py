"""``HEAD``/``POST /api/blobs/:digest``: uploads are hashed while they stream to disk, never held in memory."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from typing import Final

from ._app import App, operation_route
from ._exchange import Exchange

__all__: list[str] = []

_DIGEST: Final = re.compile(r"sha256[:-][0-9a-fA-F]{64}")


@operation_route("check_blob")
def head_blob(app: App, ex: Exchange) -> None:
    digest = ex.param
    if not _DIGEST.fullmatch(digest):
        ex.send_error(400, "invalid digest format")
    elif app.state.blobs.exists(digest):
        ex.send(200)
    else:
        ex.send_error(404, f'blob "{digest}" not found')


@operation_route("create_blob")
def post_blob(app: App, ex: Exchange) -> None:
    digest = ex.param
    if not _DIGEST.fullmatch(digest):
        app.record(ex, None, ex.content_length or 0)
        ex.send_error(400, "invalid digest format")
        return
    store = app.state.blobs
    if store.exists(digest):
        # Like the real server: answer at once without reading the body.
        app.record(ex, None, ex.content_length or 0)
        ex.send(200)
        return
    fd, temp_path = store.temp_file()
    hasher = hashlib.sha256()
    size = 0
    try:
        for piece in ex.body_pieces():
            hasher.update(piece)
            size += len(piece)
            if piece.count(0) == len(piece):
                # All zero bytes: leave a hole, which keeps huge sparse test uploads cheap on disk.
                os.lseek(fd, len(piece), os.SEEK_CUR)
            else:
                view = memoryview(piece)
                while view:
                    view = view[os.write(fd, view) :]
        os.ftruncate(fd, size)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(temp_path)
        raise
    os.close(fd)
    computed = "sha256:" + hasher.hexdigest()
    # Stored under the computed digest even when it does not match the one in the path.
    os.replace(temp_path, store.path(computed))
    app.record(ex, None, size)
    if computed != digest:
        ex.send_error(400, f'digest mismatch, expected "{digest}", got "{computed}"')
        return
    ex.send(201)
