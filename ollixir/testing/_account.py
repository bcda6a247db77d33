"""The test server's ollama.com identity: its machine key, the account that key is connected to, and the
cloud switch behind ``/api/status``.

Machine key
    A real server signs its ollama.com calls with ``~/.ollama/id_ed25519``. The test server has one fixed
    fake key: the public key line is ``ssh-ed25519 <blob>``, where ``blob`` is a well-formed ssh-ed25519 key
    blob (base64) around the 32 bytes ``sha256(b"ollixir-test-machine-key")``. A signature is the 64 bytes of
    HMAC-SHA512 over the challenge, keyed with those 32 bytes, in standard base64. The signed header is
    ``Authorization: <blob>:<signature>``, with the challenge ``<METHOD>,<path>?<query with ts>``, as the
    server's cloud proxy builds it. ``machine_key=False`` stands for a missing or unreadable key file.

Sign-in
    ``signin_url`` is ``https://ollama.com/connect?name=ollixir-test&key=<public key line in unpadded
    base64url>`` (the real server puts its host name there). The machine is signed in when an account is
    set (``OllamaTestServer(account=FakeAccount(...))`` or ``server.account = ...``); ``/api/signout`` clears
    it and :meth:`~ollixir.testing.OllamaTestServer.reset` restores the configured one.

Cloud switch
    ``no_cloud`` is None (cloud on, ``source: "none"``) or the source that disabled it: ``"env"``
    (``OLLAMA_NO_CLOUD``), ``"config"`` (``server.json``) or ``"both"``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import threading
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import parse_qs

__all__ = ["AccountState", "FakeAccount", "NoCloud"]

NoCloud = Literal["env", "config", "both"]

_HOST_NAME: Final = "ollixir-test"
_SECRET: Final = hashlib.sha256(b"ollixir-test-machine-key").digest()


def _ssh_string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


_KEY_BLOB: Final = base64.b64encode(_ssh_string(b"ssh-ed25519") + _ssh_string(_SECRET)).decode()
PUBLIC_KEY_LINE: Final = f"ssh-ed25519 {_KEY_BLOB}"
SIGNIN_URL: Final = (
    f"https://ollama.com/connect?name={_HOST_NAME}"
    f"&key={base64.urlsafe_b64encode(PUBLIC_KEY_LINE.encode()).decode().rstrip('=')}"
)


@dataclass(frozen=True)
class FakeAccount:
    """The ollama.com user the test server's key is connected to (what ``/api/me`` answers).

    Empty ``bio``/``avatarurl``/``firstname``/``lastname`` are left out of the answer, an empty ``plan`` is
    reported as ``"free"``, and an account with an empty ``name`` counts as not signed in (401), as the
    server's ``WhoamiHandler`` does.
    """

    name: str = "ollixir-tester"
    email: str = "tester@example.com"
    id: str = "6d2f0c4e-1b7a-4c55-9e3d-8a1f2b3c4d5e"
    bio: str = ""
    avatarurl: str = ""
    firstname: str = ""
    lastname: str = ""
    plan: str = "free"

    def wire(self) -> dict[str, object]:
        """The ``api.UserResponse`` JSON, in Go's field order."""
        body: dict[str, object] = {"id": self.id, "email": self.email, "name": self.name}
        for key in ("bio", "avatarurl", "firstname", "lastname"):
            value = getattr(self, key)
            if value:
                body[key] = value
        body["plan"] = self.plan.strip() or "free"
        return body


def sign(challenge: str) -> str:
    """The ``Authorization`` value the machine key gives ``challenge``."""
    signature = hmac.new(_SECRET, challenge.encode(), hashlib.sha512).digest()
    return f"{_KEY_BLOB}:{base64.b64encode(signature).decode()}"


class AccountState:
    """Mutable sign-in and cloud state, reset to the configured values by ``reset()``."""

    def __init__(self, account: FakeAccount | None, machine_key: bool, no_cloud: NoCloud | None) -> None:
        self._lock = threading.Lock()
        self._configured = (account, machine_key, no_cloud)
        self.account = account
        self.machine_key = machine_key
        self.no_cloud = no_cloud

    def reset(self) -> None:
        with self._lock:
            self.account, self.machine_key, self.no_cloud = self._configured

    def sign(self, challenge: str) -> str | None:
        """The signed header, or None when the key cannot be read (``machine_key=False``)."""
        return sign(challenge) if self.machine_key else None

    def sign_out(self) -> bool:
        """Disconnect the key; False when it was not connected."""
        with self._lock:
            was_signed_in = self.account is not None
            self.account = None
            return was_signed_in

    def accepts(self, method: str, request_uri: str, authorization: str) -> bool:
        """Whether ollama.com would take this key-signed header: a valid signature of a connected key."""
        if not self.machine_key or self.account is None:
            return False
        if "ts" not in parse_qs(request_uri.partition("?")[2]):
            return False
        return hmac.compare_digest(authorization, sign(f"{method},{request_uri}"))
