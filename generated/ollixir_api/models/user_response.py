from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserResponse")


@_attrs_define
class UserResponse:
    """Answer of /api/me, the ollama.com account of this server's key.

    Attributes:
        id (str | Unset): Account id, a UUID.
        email (str | Unset): Account e-mail address.
        name (str | Unset): User name (never empty: an account without one is answered 401).
        bio (str | Unset): Profile text (omitted when empty).
        avatarurl (str | Unset): Avatar image URL (omitted when empty).
        firstname (str | Unset): First name (omitted when empty).
        lastname (str | Unset): Last name (omitted when empty).
        plan (str | Unset): Subscription plan, e.g. "free" (a local server reports a missing plan as "free").
    """

    id: str | Unset = UNSET
    email: str | Unset = UNSET
    name: str | Unset = UNSET
    bio: str | Unset = UNSET
    avatarurl: str | Unset = UNSET
    firstname: str | Unset = UNSET
    lastname: str | Unset = UNSET
    plan: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        name = self.name

        bio = self.bio

        avatarurl = self.avatarurl

        firstname = self.firstname

        lastname = self.lastname

        plan = self.plan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if email is not UNSET:
            field_dict["email"] = email
        if name is not UNSET:
            field_dict["name"] = name
        if bio is not UNSET:
            field_dict["bio"] = bio
        if avatarurl is not UNSET:
            field_dict["avatarurl"] = avatarurl
        if firstname is not UNSET:
            field_dict["firstname"] = firstname
        if lastname is not UNSET:
            field_dict["lastname"] = lastname
        if plan is not UNSET:
            field_dict["plan"] = plan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        email = d.pop("email", UNSET)

        name = d.pop("name", UNSET)

        bio = d.pop("bio", UNSET)

        avatarurl = d.pop("avatarurl", UNSET)

        firstname = d.pop("firstname", UNSET)

        lastname = d.pop("lastname", UNSET)

        plan = d.pop("plan", UNSET)

        user_response = cls(
            id=id,
            email=email,
            name=name,
            bio=bio,
            avatarurl=avatarurl,
            firstname=firstname,
            lastname=lastname,
            plan=plan,
        )

        user_response.additional_properties = d
        return user_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
