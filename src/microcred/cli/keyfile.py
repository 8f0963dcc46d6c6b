"""The CLI's key file: a public description of a signing key plus its sealed private half.

The private key is only ever written sealed (AES-256-GCM) under a key-encryption key taken
from the environment, so a key file on disk or in a backup reveals nothing secret.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from microcred.proofs.keys import KeyPair
    from microcred.proofs.keystore import KeyEncryptionKey


KEK_ENVIRONMENT_VARIABLE: Final = "MICROCRED_KEY_ENCRYPTION_KEYS"
KEY_FILE_TYPE: Final = "MicrocredSigningKey"


class KeyFileError(ValueError):
    """A key file or the key-encryption key is missing or unusable."""


def configured_keks() -> list[KeyEncryptionKey]:
    """The key-encryption keys from the environment; the first one seals new keys."""
    from microcred.proofs.keystore import KeyEncryptionKey

    text = os.environ.get(KEK_ENVIRONMENT_VARIABLE, "").strip()
    if not text:
        raise KeyFileError(
            f"{KEK_ENVIRONMENT_VARIABLE} is not set. Private keys are stored encrypted; create "
            "a key-encryption key with `microcred keys kek` and export it first."
        )
    return KeyEncryptionKey.parse_many(text)


@dataclass(frozen=True, slots=True)
class KeyFile:
    algorithm: str
    controller: str
    verification_method: str
    public_key: dict[str, Any]
    sealed: str

    @classmethod
    def create(
        cls,
        key_pair: KeyPair,
        *,
        controller: str,
        verification_method: str,
        kek: KeyEncryptionKey,
    ) -> KeyFile:
        from microcred.proofs.keystore import seal

        public = key_pair.public_key
        description = (
            {"publicKeyMultibase": public.to_multikey()}
            if key_pair.algorithm != "RSA"
            else {"publicKeyJwk": public.to_jwk()}
        )
        return cls(
            algorithm=key_pair.algorithm,
            controller=controller,
            verification_method=verification_method,
            public_key=description,
            sealed=seal(key_pair, kek, key_id=verification_method),
        )

    def key_pair(self, keks: list[KeyEncryptionKey] | None = None) -> KeyPair:
        from microcred.proofs.keystore import unseal

        return unseal(
            self.sealed,
            keks if keks is not None else configured_keks(),
            key_id=self.verification_method,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "type": KEY_FILE_TYPE,
            "algorithm": self.algorithm,
            "controller": self.controller,
            "verificationMethod": self.verification_method,
            **self.public_key,
            "sealedPrivateKey": self.sealed,
        }

    def write(self, path: Path) -> None:
        # Created private to the user even though the private key inside is sealed.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(self.to_json(), handle, indent=2)
            handle.write("\n")

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise KeyFileError(f"Cannot read the key file {path}: {error.strerror}.") from error
        except json.JSONDecodeError as error:
            raise KeyFileError(f"The key file {path} is not JSON: {error}.") from error
        if not isinstance(data, dict) or data.get("type") != KEY_FILE_TYPE:
            raise KeyFileError(
                f"{path} is not a microcred key file (made by `microcred keys new`)."
            )
        try:
            public = {
                name: data[name] for name in ("publicKeyMultibase", "publicKeyJwk") if name in data
            }
            return cls(
                algorithm=str(data["algorithm"]),
                controller=str(data["controller"]),
                verification_method=str(data["verificationMethod"]),
                public_key=public,
                sealed=str(data["sealedPrivateKey"]),
            )
        except KeyError as error:
            raise KeyFileError(f"The key file {path} lacks {error.args[0]!r}.") from error
