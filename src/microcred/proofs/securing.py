"""Securing a credential in the format an issuer chose: an embedded proof or a VC-JWT."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from microcred.proofs.data_integrity import add_proof
from microcred.proofs.keys import KeyPair
from microcred.proofs.vc_jwt import sign_vc_jwt


class ProofFormat(StrEnum):
    EDDSA_RDFC_2022 = "eddsa-rdfc-2022"
    EDDSA_JCS_2022 = "eddsa-jcs-2022"
    VC_JWT = "vc-jwt"

    @classmethod
    def parse(cls, name: str) -> ProofFormat:
        """Also accepts the CLI's short names: rdfc, jcs, jwt."""
        short = {"rdfc": cls.EDDSA_RDFC_2022, "jcs": cls.EDDSA_JCS_2022, "jwt": cls.VC_JWT}
        if name in short:
            return short[name]
        try:
            return cls(name)
        except ValueError:
            choices = ", ".join([*short, *(member.value for member in cls)])
            raise ValueError(f"Unknown proof format {name!r}; choose one of {choices}.") from None


def secure(
    credential: Mapping[str, Any],
    key_pair: KeyPair,
    verification_method: str,
    proof_format: ProofFormat = ProofFormat.EDDSA_RDFC_2022,
) -> dict[str, Any] | str:
    """The signed credential: a JSON document with a proof, or a compact VC-JWT string."""
    if proof_format is ProofFormat.VC_JWT:
        # OB 3.0 §8.2: the payload is the credential itself, with the JWT claims beside it.
        return sign_vc_jwt(credential, key_pair, kid=verification_method)
    return add_proof(credential, key_pair, verification_method, cryptosuite=proof_format.value)
