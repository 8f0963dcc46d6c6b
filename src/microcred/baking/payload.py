"""The credential text an image carries: what may be baked, and what a baked text is.

Open Badges 3.0 bakes a credential's JSON or the compact JWS of a VC-JWT; Open Badges 2.0 baked
an assertion's JSON, a JWS or the URL of a hosted assertion. The text is kept exactly as given,
so a signed credential stays byte-identical.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal
from urllib.parse import urlsplit

from microcred.baking.errors import BakingError, NoCredentialError
from microcred.baking.formats import ImageFormat
from microcred.baking.limits import MAX_CREDENTIAL_BYTES

Kind = Literal["ob3-json", "ob3-jwt", "ob2-json", "ob2-jws", "ob2-url"]

XML_WHITESPACE: Final = " \t\r\n"
_JWS: Final = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")


@dataclass(frozen=True, slots=True)
class BakedCredential:
    """What an image carries.

    ``payload`` is the parsed JSON object for the ``*-json`` kinds and the text itself (a JWS or
    a URL) otherwise; ``text`` is the text exactly as found, without surrounding whitespace.
    """

    kind: Kind
    payload: str | dict[str, Any]
    image_format: ImageFormat
    text: str


def credential_text(credential: Mapping[str, Any] | str) -> tuple[str, bool]:
    """The text to bake and whether it is a JWS; a string is kept exactly as given."""
    if isinstance(credential, str):
        text = credential
    elif isinstance(credential, Mapping):
        try:
            text = json.dumps(
                dict(credential), ensure_ascii=False, separators=(",", ":"), allow_nan=False
            )
        except (TypeError, ValueError, RecursionError) as error:
            raise BakingError(f"the credential cannot be written as JSON ({error})") from error
    else:
        raise BakingError(f"a credential is a JSON object or a string, not {type(credential)}")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        raise BakingError("the credential text is not valid Unicode") from error
    if size > MAX_CREDENTIAL_BYTES:
        raise BakingError(f"the credential is {size} bytes, more than {MAX_CREDENTIAL_BYTES}")
    kind, _ = _read_text(text, ob2=False, origin="the credential")
    return text, kind == "ob3-jwt"


def baked(text: str, *, ob2: bool, image_format: ImageFormat) -> BakedCredential:
    """The credential found in an image, read from the text exactly as it was found."""
    origin = f"the baked {'Open Badges 2.0 assertion' if ob2 else 'credential'}"
    kind, payload = _read_text(text, ob2=ob2, origin=origin)
    return BakedCredential(kind, payload, image_format, text.strip(XML_WHITESPACE))


def check_one(ob3: int, ob2: int, image_format: ImageFormat, where: str) -> None:
    """Refuse an image that carries no credential, or more than one to choose from."""
    if not ob3 and not ob2:
        raise NoCredentialError(f"the {image_format.upper()} image carries no baked credential")
    if ob3 + ob2 > 1:
        raise BakingError(
            f"the {image_format.upper()} image carries {ob3 + ob2} credentials ({where}); "
            "exactly one is allowed, so it is ambiguous which to trust"
        )


def _read_text(text: str, *, ob2: bool, origin: str) -> tuple[Kind, str | dict[str, Any]]:
    stripped = text.strip(XML_WHITESPACE)
    if stripped.startswith("{"):
        return ("ob2-json" if ob2 else "ob3-json"), _json_object(stripped, origin)
    if _JWS.fullmatch(stripped):
        return ("ob2-jws" if ob2 else "ob3-jwt"), stripped
    if ob2 and _is_web_url(stripped):
        return "ob2-url", stripped
    expected = (
        "a JSON object, a compact JWS nor a web URL" if ob2 else "a JSON object nor a compact JWS"
    )
    raise BakingError(f"{origin} is neither {expected}")


def _json_object(text: str, origin: str) -> dict[str, Any]:
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        raise BakingError(f"{origin} holds broken JSON ({error})") from error
    if not isinstance(value, dict):
        raise BakingError(f"{origin} holds JSON that is not an object")
    return value


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _is_web_url(text: str) -> bool:
    if len(text) > 4096 or any(character.isspace() for character in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
