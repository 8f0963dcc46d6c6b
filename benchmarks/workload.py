"""The benchmarks' workload: one issuer, its keys and published documents, and credentials.

The "realistic" credential is the one the core issue defines: an issuer profile with name, url
and image; an achievement with criteria, description, image, 3 alignments and a result
description; a status entry; the recipient's e-mail as a salted hash. The "rich" one is the
fuller sample of `microcred.openbadges.samples` (evidence, results, address, credits, tags,
credentialSchema: about one and a half times the statements).
"""

from __future__ import annotations

from typing import Any, Final

from microcred.openbadges.achievement import Achievement
from microcred.openbadges.award import Recipient, award
from microcred.openbadges.image import Image
from microcred.openbadges.profile import Profile
from microcred.openbadges.samples import realistic_achievement, realistic_credential
from microcred.proofs.data_integrity import add_proof
from microcred.proofs.did import did_web_document
from microcred.proofs.keys import KeyPair
from microcred.proofs.vc_jwt import sign_vc_jwt
from microcred.status import StatusList, status_list_credential, status_list_entry

ISSUER: Final = "did:web:badges.example.org:o:acme"
DID_DOCUMENT_URL: Final = "https://badges.example.org/o/acme/did.json"
STATUS_URL: Final = "https://badges.example.org/o/acme/status/revocation/1"
KEY: Final = KeyPair.from_secret_multikey("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq")
METHOD: Final = f"{ISSUER}#key-1"
FORMATS: Final = ("eddsa-rdfc-2022", "eddsa-jcs-2022", "vc-jwt")


def realistic(number: int, *, rich: bool = False, distinct: bool = False) -> dict[str, Any]:
    """Credential number ``number``; ``distinct`` gives each its own achievement and issuer name."""
    recipient = f"learner{number}@example.org"
    if rich:
        credential = realistic_credential(
            issuer_id=ISSUER, recipient_email=recipient, status_list_index=number
        )
    else:
        full = realistic_achievement()
        achievement = Achievement(
            id=full.id,
            achievement_type=full.achievement_type,
            name=full.name,
            description=full.description,
            criteria=full.criteria,
            image=full.image,
            alignment=full.alignment,
            result_description=full.result_description,
        )
        issuer = Profile(
            id=ISSUER,
            name="Weiterbildungszentrum Nord",
            url="https://badges.example.org",
            image=Image(id="https://badges.example.org/media/logo.png"),
        )
        status = status_list_entry(STATUS_URL, number, "revocation")
        credential = award(
            achievement, issuer, Recipient(email=recipient), credential_status=status
        ).to_json()
    if distinct:
        credential["issuer"]["name"] = f"Issuer {number}"
        credential["credentialSubject"]["achievement"]["name"] = f"Achievement {number}"
    return credential


def sign(proof_format: str, credential: dict[str, Any]) -> Any:
    if proof_format == "vc-jwt":
        return sign_vc_jwt(credential, KEY, kid=METHOD)
    return add_proof(credential, KEY, METHOD, cryptosuite=proof_format)


def published_documents() -> dict[str, Any]:
    """What the issuer publishes: its DID document and its (empty) signed revocation list."""
    status_list = status_list_credential(STATUS_URL, ISSUER, "revocation", StatusList())
    return {
        DID_DOCUMENT_URL: did_web_document(ISSUER, [("key-1", KEY.public_key)]),
        STATUS_URL: add_proof(status_list, KEY, METHOD),
    }
