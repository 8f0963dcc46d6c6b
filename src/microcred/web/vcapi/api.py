"""The W3C VC API endpoints of this instance, for machines with an organization's API token.

``POST /credentials/issue``   ``{credential, options}`` -> 201 ``{verifiableCredential}``; the
    credential is an Open Badges 3.0 credential; its issuer, status entries and proof are
    added here
``POST /credentials/verify``  ``{verifiableCredential, options}`` -> 200 when the credential
    is valid (or cannot be decided), 400 when it is not; both with ``verified``, ``checks``,
    ``warnings``, ``errors`` and microcred's full report. (The VC API test suites expect a
    failed verification to answer 400.)
``POST /credentials/status``  revoke, suspend or reinstate a credential of the organization.

Every endpoint needs ``Authorization: Bearer <token>``; as token-authenticated JSON endpoints
they are exempt from CSRF, never from authentication. Errors are problem details (RFC 9457).
"""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any, Final

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from microcred.openbadges.credential import AchievementCredential
from microcred.openbadges.errors import ModelError
from microcred.proofs.securing import ProofFormat
from microcred.verifier import Verdict, verify
from microcred.web.credentials import revocation
from microcred.web.credentials.addresses import public_url
from microcred.web.credentials.documents import enveloped
from microcred.web.credentials.errors import IssuingError, StatusChangeError
from microcred.web.credentials.issuer import issuer_profile
from microcred.web.credentials.issuing import issue_credential
from microcred.web.credentials.models import Channel, IssuedCredential
from microcred.web.engagement.verifications import count_api_verification
from microcred.web.identity.dids import organization_did
from microcred.web.statuslists.models import Purpose
from microcred.web.vcapi.auth import OrganizationToken, token_of
from microcred.web.vcapi.problems import GENERIC, Problem, problem_response
from microcred.web.vcapi.requests import check_credential, json_body, options_of
from microcred.web.vcapi.results import verification_result
from microcred.web.vcapi.status_updates import requested_changes
from microcred.web.verify.local import shared_fetcher

OB_TYPES: Final = frozenset({"OpenBadgeCredential", "AchievementCredential"})
JSON: Final = "application/json"

api = NinjaAPI(
    title="microcred VC API",
    version="1",
    description="W3C Verifiable Credentials API: issue, verify and update the status of "
    "Open Badges 3.0 credentials of one organization.",
    urls_namespace="vcapi-api",
    openapi_url="/api/vc/openapi.json",
    docs_url=None,
    auth=OrganizationToken(),
)


@api.exception_handler(Problem)
def _problem(request: HttpRequest, error: Problem) -> HttpResponse:
    return problem_response(error)


@api.exception_handler(AuthenticationError)
def _unauthorized(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    response = problem_response(
        Problem(
            401,
            "Unauthorized",
            "Send an API token of the organization as Authorization: Bearer <token>.",
            type_=GENERIC,
        )
    )
    response["WWW-Authenticate"] = 'Bearer realm="microcred"'
    return response


@api.post("/credentials/issue", operation_id="issueCredential", tags=["Credentials"])
def issue(request: HttpRequest) -> HttpResponse:
    token = token_of(request)
    organization = token.organization
    body = json_body(request, {"credential", "options"})
    options = options_of(body, {"credentialId", "proofFormat"})
    credential = check_credential(copy.deepcopy(body.get("credential")))
    _fill_issuer(credential, organization)
    credential_id = options.get("credentialId")
    if credential_id is not None:
        if not isinstance(credential_id, str):
            raise Problem(400, "Invalid option", "options.credentialId must be a string.")
        credential.setdefault("id", credential_id)
    proof_format = _proof_format(options.get("proofFormat"))
    _check_open_badge(credential)
    try:
        issued = issue_credential(
            organization,
            credential,
            actor=None,
            proof_format=proof_format,
            recipient_name=_recipient_name(credential),
            channel=Channel.API,
            audit={"token": token.name},
        )
    except IssuingError as error:
        status = {"jsonld": 422, "duplicate": 409}.get(error.kind, 400)
        raise Problem(status, "Cannot issue", str(error)) from None
    if issued.is_jwt:
        text = json.dumps({"verifiableCredential": enveloped(issued.signed_text)})
    else:
        # The signed JSON goes out as the signer wrote it, byte for byte.
        text = '{"verifiableCredential": ' + issued.signed_text + "}"
    response = HttpResponse(text.encode("utf-8"), status=201, content_type=JSON)
    response["Location"] = public_url(issued.public_id)
    return response


@api.post("/credentials/verify", operation_id="verifyCredential", tags=["Credentials"])
def verify_credential(request: HttpRequest) -> HttpResponse:
    body = json_body(request, {"verifiableCredential", "options"})
    options = options_of(body, {"recipient"})
    credential = body.get("verifiableCredential")
    if not isinstance(credential, dict):
        raise Problem(400, "No credential", "The request must have a verifiableCredential object.")
    recipient = options.get("recipient")
    if recipient is not None and not isinstance(recipient, str):
        raise Problem(400, "Invalid option", "options.recipient must be a string.")
    report = verify(credential, fetcher=shared_fetcher(), recipient=recipient)
    count_api_verification(credential)
    status = 400 if report.verdict is Verdict.INVALID else 200
    return HttpResponse(
        json.dumps(verification_result(report), ensure_ascii=False).encode("utf-8"),
        status=status,
        content_type=JSON,
    )


@api.post("/credentials/status", operation_id="updateCredentialStatus", tags=["Credentials"])
def update_status(request: HttpRequest) -> HttpResponse:
    token = token_of(request)
    body = json_body(request, {"credentialId", "credentialStatus", "status", "options"})
    options = options_of(body, {"reason"})
    credential_id = body.get("credentialId")
    if not isinstance(credential_id, str) or not credential_id:
        raise Problem(400, "No credentialId", "credentialId must name the credential.")
    changes = requested_changes(body)
    credential = _find(token.organization, credential_id)
    reason = options.get("reason", "")
    if not isinstance(reason, str):
        raise Problem(400, "Invalid option", "options.reason must be a string.")
    audit = {"token": token.name}
    try:
        for purpose, value in changes:
            credential = _apply(credential, purpose, value, reason=reason, audit=audit)
    except StatusChangeError as error:
        raise Problem(400, "Cannot change the status", str(error)) from None
    return HttpResponse(
        json.dumps(
            {
                "credentialId": credential.credential_id,
                "revoked": credential.is_revoked,
                "suspended": credential.is_suspended,
            }
        ),
        content_type=JSON,
    )


def _fill_issuer(credential: dict[str, Any], organization: Any) -> None:
    did = organization_did(organization)
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer is not None and issuer_id != did:
        raise Problem(
            400,
            "Wrong issuer",
            f"The credential's issuer must be this organization ({did}) or left out, "
            f"not {str(issuer_id)[:200]!r}.",
        )
    # The issuer is the organization as its profile says, whatever else the request claims
    # about it (a name, a logo): nobody issues in another name with this organization's key.
    credential["issuer"] = issuer_profile(organization).to_json()


def _check_open_badge(credential: dict[str, Any]) -> None:
    if not OB_TYPES & set(_types(credential)):
        raise Problem(
            400,
            "Not an Open Badge",
            "microcred issues Open Badges 3.0 credentials: credential.type must include "
            "OpenBadgeCredential (or AchievementCredential).",
        )
    credential.setdefault("validFrom", timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"))
    probe = {
        **credential,
        "id": credential.get("id", "urn:uuid:00000000-0000-4000-8000-000000000000"),
    }
    try:
        AchievementCredential.from_json(probe)
    except ModelError as error:
        raise Problem(400, "Not an Open Badges 3.0 credential", str(error)) from None


def _recipient_name(credential: dict[str, Any]) -> str:
    """The name the credential shows for its recipient, for the organization's list."""
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        return ""
    if isinstance(subject.get("name"), str):
        return subject["name"]
    for identity in subject.get("identifier") or []:
        if (
            isinstance(identity, dict)
            and identity.get("identityType") == "name"
            and identity.get("hashed") is False
            and isinstance(identity.get("identityHash"), str)
        ):
            return identity["identityHash"]
    return ""


def _proof_format(name: Any) -> ProofFormat | None:
    if name is None:
        return None
    if not isinstance(name, str):
        raise Problem(400, "Invalid option", "options.proofFormat must be a string.")
    try:
        return ProofFormat.parse(name)
    except ValueError as error:
        raise Problem(400, "Invalid option", str(error)) from None


def _types(credential: dict[str, Any]) -> list[str]:
    types = credential.get("type")
    return [types] if isinstance(types, str) else list(types or [])


def _find(organization: Any, credential_id: str) -> IssuedCredential:
    credentials = IssuedCredential.objects.filter(organization=organization)
    found = credentials.filter(credential_id=credential_id).first()
    if found is None:
        public_id = _public_id(credential_id)
        found = credentials.filter(public_id=public_id).first() if public_id else None
    if found is None:
        raise Problem(404, "Not found", "This organization has no credential with that id.")
    return found


def _public_id(text: str) -> str | None:
    tail = text.rstrip("/").rsplit("/", 1)[-1].removeprefix("urn:uuid:")
    try:
        return str(uuid.UUID(tail))
    except ValueError:
        return None


def _apply(
    credential: IssuedCredential, purpose: str, value: bool, *, reason: str, audit: dict[str, Any]
) -> IssuedCredential:
    if purpose == Purpose.REVOCATION:
        if value and not credential.is_revoked:
            return revocation.revoke(credential, actor=None, reason=reason, audit=audit)
        if not value and credential.is_revoked:
            raise StatusChangeError("A revoked credential stays revoked.")
        return credential
    if value and not credential.is_suspended:
        return revocation.suspend(credential, actor=None, audit=audit)
    if not value and credential.is_suspended:
        return revocation.unsuspend(credential, actor=None, audit=audit)
    return credential
