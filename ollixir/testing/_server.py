"""The public :class:`OllamaTestServer`: a faithful Ollama-protocol server on a loopback port."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from types import TracebackType

# Route modules register their handlers on import: the native API and the /v1 compatibility layer.
from . import (  # noqa: F401
    _compat_anthropic,
    _compat_openai,
    _compat_openai_data,
    _compat_responses,
    _routes_account,
    _routes_blobs,
    _routes_create,
    _routes_embed,
    _routes_infer,
    _routes_misc,
    _routes_models,
    _routes_recommend,
    _routes_webproxy,
)
from ._account import AccountState, FakeAccount, NoCloud
from ._app import App, Config
from ._catalogue import DEFAULT_RECOMMENDATIONS, VERSION, FakeRecommendation
from ._cors import CorsPolicy, origins_from_env
from ._exchange import Tracker
from ._fake import FakeModel
from ._faults import Faults, RecordedRequest
from ._host_guard import HostGuard
from ._http import HTTPServer
from ._inventory import CatalogueEntry, entries
from ._state import ServerState

__all__ = ["OllamaTestServer"]


class OllamaTestServer:
    """An Ollama-compatible HTTP server with deterministic fake models, for tests.

    It starts at once on ``host:port`` (port 0 picks a free one) in a background thread; use it as a
    context manager or call :meth:`stop`. :attr:`url` is its base URL.

    * ``models`` (:class:`FakeModel`) are installed besides the default models; ``registry`` models
      can be pulled besides the default catalogue (:meth:`catalogue`, :func:`default_catalogue`).
    * ``origins`` are the extra CORS origins allowed (default: ``OLLAMA_ORIGINS``), as the Ollama
      server handles them: a preflight ``OPTIONS`` from an allowed origin gets 204 with the
      ``Access-Control-Allow-*`` headers, other origins get 403, allowed origins are echoed in
      ``Access-Control-Allow-Origin``; requests without ``Origin`` are unaffected. While bound to a
      loopback address the server also refuses (403, empty body) a ``Host`` header that is not
      ``localhost``, a loopback/private IP, this machine's name or address, or a ``.localhost``,
      ``.local`` or ``.internal`` name. :attr:`origins` lists every allowed origin.
    * ``api_key`` guards the cloud endpoints ``/api/web_search`` and ``/api/web_fetch``;
      ``registry_user`` is the namespace pushes are allowed to; ``version`` is what ``/api/version``
      answers. ``modified_at``/``expires_at`` are printed with ``utc_offset`` (default -07:00, like a
      server in California; None = this machine's zone).

    Observe and steer it with :attr:`requests` (the request log), :attr:`faults` (fault injection,
    see :class:`Faults`), :meth:`add_models`, :meth:`reset` and the connection counters.

    ollama.com identity (see ``ollixir.testing._account``): ``account`` is the account the server's key is
    connected to (None: not signed in, so ``/api/me`` answers 401 with a ``signin_url``);
    ``machine_key=False`` acts as if the key file could not be read; ``no_cloud`` (``"env"``,
    ``"config"`` or ``"both"``) disables cloud features as ``OLLAMA_NO_CLOUD``/``server.json`` would.
    ``account``, ``machine_key`` and ``no_cloud`` are also attributes that can be changed on a running
    server; :meth:`reset` restores the values given here. The experimental web proxies call
    ``cloud_url`` (default: this server, whose fake ``/api/web_search``/``/api/web_fetch`` accept the
    server's signed calls while an account is signed in). ``recommendations`` replaces
    ``DEFAULT_RECOMMENDATIONS`` in ``/api/experimental/model-recommendations``.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        api_key: str = "test-key",
        models: Sequence[FakeModel] | None = None,
        registry: Sequence[FakeModel] | None = None,
        version: str = VERSION,
        utc_offset: dt.timedelta | None = dt.timedelta(hours=-7),
        registry_user: str = "test",
        origins: Sequence[str] | None = None,
        account: FakeAccount | None = None,
        machine_key: bool = True,
        no_cloud: NoCloud | None = None,
        cloud_url: str | None = None,
        recommendations: Sequence[FakeRecommendation] | None = None,
    ) -> None:
        # Checked first, so a bad origin fails before anything is created.
        cors = CorsPolicy(origins_from_env() if origins is None else list(origins))
        if utc_offset is None:
            local = dt.datetime.now().astimezone().utcoffset()
            utc_offset = local if local is not None else dt.timedelta(0)
        self._root = tempfile.mkdtemp(prefix="ollixir-test-server-")
        # Removes the blob directory at interpreter exit even if stop() is never called.
        self._cleanup = weakref.finalize(self, shutil.rmtree, self._root, True)
        self.faults = Faults()
        """The fault plan: ``server.faults.fail(503, operation="chat")`` etc. (see :class:`Faults`)."""
        self._state = ServerState(self._root, models or (), registry or ())
        config = Config(
            api_key,
            version,
            int(utc_offset.total_seconds()),
            registry_user,
            recommendations=tuple(DEFAULT_RECOMMENDATIONS if recommendations is None else recommendations),
        )
        self._account = AccountState(account, machine_key, no_cloud)
        self._app = App(self._state, self.faults, config, cors, self._account)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:
            self._httpd = HTTPServer((host, port), family, self._app.dispatch, self.faults)
        except BaseException:
            self._cleanup()
            raise
        self._app.tracker = self._httpd.tracker
        self._app.host_guard = HostGuard(str(self._httpd.server_address[0]))
        self.host = host
        self.port = int(self._httpd.server_address[1])
        config.cloud_url = (cloud_url or self.url).rstrip("/")
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"ollama-test-server-{self.port}",
        )
        self._thread.daemon = True
        self._thread.start()
        self._stopped = False

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:54321``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def origins(self) -> tuple[str, ...]:
        """Every allowed CORS origin: ``origins`` (or ``OLLAMA_ORIGINS``) first, then the built-in ones."""
        return self._app.cors.origins

    # -- lifecycle -------------------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop serving, drop open connections and delete the server's files. Idempotent."""
        if self._stopped:
            return
        self._stopped = True
        self._httpd.shutdown()
        self._httpd.close_all()
        self._httpd.server_close()
        self._thread.join(timeout=5)
        self._cleanup()

    def __enter__(self) -> OllamaTestServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def reset(self) -> None:
        """Fresh default state: models, blobs, loaded models, faults, request log and counters."""
        self._state.reset()
        self._account.reset()
        self.faults.clear()
        self._app.clear_log()
        tracker = self._httpd.tracker
        with tracker.cond:
            tracker.disconnects = 0
            tracker.accepted = 0

    # -- state helpers ---------------------------------------------------------------------------------
    def add_models(self, *models: FakeModel) -> None:
        """Install more fake models now (they disappear at the next :meth:`reset`)."""
        self._state.add_models(models)

    def catalogue(self) -> list[CatalogueEntry]:
        """What ``pull`` can fetch from this server's fake registry now (default, extra, pushed models)."""
        with self._state.lock:
            return entries(dict(self._state.registry), list(self._state.models))

    def installed_models(self) -> list[CatalogueEntry]:
        """The installed models, as ``/api/tags`` lists them (newest first)."""
        return [
            CatalogueEntry(m.name.short, m.capabilities, m.size, m.digest, True)
            for m in self._state.listing()
        ]

    @property
    def account(self) -> FakeAccount | None:
        """The ollama.com account the server's key is connected to; None when not signed in."""
        return self._account.account

    @account.setter
    def account(self, value: FakeAccount | None) -> None:
        self._account.account = value

    @property
    def machine_key(self) -> bool:
        """Whether the server can read its signing key (False: signing fails as with no key file)."""
        return self._account.machine_key

    @machine_key.setter
    def machine_key(self, value: bool) -> None:
        self._account.machine_key = value

    @property
    def no_cloud(self) -> NoCloud | None:
        """What disabled cloud features (``"env"``, ``"config"``, ``"both"``), or None when they are on."""
        return self._account.no_cloud

    @no_cloud.setter
    def no_cloud(self, value: NoCloud | None) -> None:
        self._account.no_cloud = value

    @property
    def data_dir(self) -> str:
        """Where blobs are stored (``<data_dir>/blobs/sha256-<hex>``)."""
        return self._root

    # -- observation -----------------------------------------------------------------------------------
    @property
    def requests(self) -> list[RecordedRequest]:
        """Requests received so far, oldest first. The live list: ``server.requests.clear()`` empties it."""
        return self._app.requests

    def clear_requests(self) -> None:
        """Empty the request log."""
        self._app.clear_log()

    @property
    def open_connections(self) -> int:
        """Client connections currently open."""
        return self._httpd.tracker.open_connections

    @property
    def connections_accepted(self) -> int:
        """Client connections accepted since start or the last :meth:`reset`."""
        return self._httpd.tracker.accepted

    @property
    def disconnects(self) -> int:
        """How many times a client went away while the server was still answering."""
        return self._httpd.tracker.disconnects

    def wait_for_disconnect(self, timeout: float = 5.0, count: int = 1) -> bool:
        """Wait until at least ``count`` client disconnects were seen (since start or reset)."""
        return self._wait(lambda t: t.disconnects >= count, timeout)

    def wait_for_connections(self, count: int = 0, timeout: float = 5.0) -> bool:
        """Wait until exactly ``count`` client connections are open (0: every client hung up)."""
        return self._wait(lambda t: t.open_connections == count, timeout)

    def _wait(self, predicate: Callable[[Tracker], bool], timeout: float) -> bool:
        tracker = self._httpd.tracker
        deadline = time.monotonic() + timeout
        with tracker.cond:
            while not predicate(tracker):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                tracker.cond.wait(remaining)
        return True
