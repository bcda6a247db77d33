from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_object,
    wrong,
)


@_attrs_define
class UserResponse(Model):
    """Answer of /api/me, the ollama.com account of this server's key.

    Attributes:
        id (str | None): Account id, a UUID.
        email (str | None): Account e-mail address.
        name (str | None): User name (never empty: an account without one is answered 401).
        bio (str | None): Profile text (omitted when empty).
        avatarurl (str | None): Avatar image URL (omitted when empty).
        firstname (str | None): First name (omitted when empty).
        lastname (str | None): Last name (omitted when empty).
        plan (str | None): Subscription plan, e.g. "free" (a local server reports a missing plan as
            "free").
    """

    id: str | None = None
    email: str | None = None
    name: str | None = None
    bio: str | None = None
    avatarurl: str | None = None
    firstname: str | None = None
    lastname: str | None = None
    plan: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "id": "id",
        "email": "email",
        "name": "name",
        "bio": "bio",
        "avatarurl": "avatarurl",
        "firstname": "firstname",
        "lastname": "lastname",
        "plan": "plan",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.email is not None:
            out["email"] = self.email
        if self.name is not None:
            out["name"] = self.name
        if self.bio is not None:
            out["bio"] = self.bio
        if self.avatarurl is not None:
            out["avatarurl"] = self.avatarurl
        if self.firstname is not None:
            out["firstname"] = self.firstname
        if self.lastname is not None:
            out["lastname"] = self.lastname
        if self.plan is not None:
            out["plan"] = self.plan
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 0
        id = get("id")
        if id is not None:
            found += 1
            if type(id) is not str and not isinstance(id, str):
                raise wrong(src, "id", id, "string")

        email = get("email")
        if email is not None:
            found += 1
            if type(email) is not str and not isinstance(email, str):
                raise wrong(src, "email", email, "string")

        name = get("name")
        if name is not None:
            found += 1
            if type(name) is not str and not isinstance(name, str):
                raise wrong(src, "name", name, "string")

        bio = get("bio")
        if bio is not None:
            found += 1
            if type(bio) is not str and not isinstance(bio, str):
                raise wrong(src, "bio", bio, "string")

        avatarurl = get("avatarurl")
        if avatarurl is not None:
            found += 1
            if type(avatarurl) is not str and not isinstance(avatarurl, str):
                raise wrong(src, "avatarurl", avatarurl, "string")

        firstname = get("firstname")
        if firstname is not None:
            found += 1
            if type(firstname) is not str and not isinstance(firstname, str):
                raise wrong(src, "firstname", firstname, "string")

        lastname = get("lastname")
        if lastname is not None:
            found += 1
            if type(lastname) is not str and not isinstance(lastname, str):
                raise wrong(src, "lastname", lastname, "string")

        plan = get("plan")
        if plan is not None:
            found += 1
            if type(plan) is not str and not isinstance(plan, str):
                raise wrong(src, "plan", plan, "string")

        obj = cls(
            id,
            email,
            name,
            bio,
            avatarurl,
            firstname,
            lastname,
            plan,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["id"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["email"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["name"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["bio"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["avatarurl"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["firstname"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["lastname"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["plan"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["id"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["email"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["name"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["bio"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["avatarurl"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["firstname"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["lastname"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["plan"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
