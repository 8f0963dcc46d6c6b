"""Status: Bitstring Status List (its credential verified too), 1EdTech Revocation List."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from microcred.proofs.vc_jwt import sign_vc_jwt
from microcred.status import StatusList, status_list_credential
from microcred.verifier import Outcome, Response, Verdict
from tests.verifier.fixtures import NOW, VALID_FROM, Issuer, describe, minimal_credential


def status_line(issuer: Issuer, signed: object, code: str = "status.revoked"):
    report = issuer.verify(signed)
    line = report.first(code)
    assert line is not None, describe(report)
    return line


def test_a_status_list_signed_with_rdfc_or_as_a_jwt_is_read() -> None:
    for list_format in ("eddsa-rdfc-2022", "vc-jwt"):
        issuer = Issuer(host=f"{list_format}.example.org", list_format=list_format)
        signed = issuer.signed("eddsa-jcs-2022", index=11)
        assert status_line(issuer, signed).outcome is Outcome.PASSED
        issuer.revoke(11)
        assert status_line(issuer, signed).outcome is Outcome.FAILED


def test_other_bits_of_the_list_do_not_matter() -> None:
    issuer = Issuer(host="neighbours.example.org")
    signed = issuer.signed("eddsa-jcs-2022", index=100)
    for index in (99, 101, 0, 131_071):
        issuer.revocations.set(index, 1)
    issuer.publish()
    assert status_line(issuer, signed).outcome is Outcome.PASSED


def test_a_status_list_is_fetched_and_verified_once_for_many_credentials() -> None:
    issuer = Issuer(host="batch.example.org")
    signed = [issuer.signed("eddsa-jcs-2022", index=index) for index in range(5)]
    issuer.fetcher.requests.clear()
    for credential in signed:
        assert issuer.verify(credential).verdict is Verdict.VALID
    lists = [url for url in issuer.fetcher.requests if url == issuer.revocation_url]
    assert len(lists) == 5  # the fetcher (with its own cache) is asked every time,
    did_documents = [url for url in issuer.fetcher.requests if url.endswith("did.json")]
    assert len(did_documents) == 5  # but the list's proof is verified only once.


def test_an_expired_status_list_is_not_trusted() -> None:
    issuer = Issuer(host="stale.example.org")
    signed = issuer.signed("eddsa-jcs-2022")
    stale = status_list_credential(
        issuer.revocation_url,
        issuer.id,
        "revocation",
        StatusList(),
        valid_from=VALID_FROM,
        valid_until=NOW - timedelta(days=1),
    )
    issuer.fetcher.add(issuer.revocation_url, issuer.sign(stale, "eddsa-jcs-2022"))
    line = status_line(issuer, signed)
    assert line.outcome is Outcome.INDETERMINATE
    assert "expired" in line.message.en


def test_a_list_for_another_purpose_is_not_read() -> None:
    issuer = Issuer(host="purpose.example.org")
    signed = issuer.signed("eddsa-jcs-2022")
    issuer.fetcher.add(issuer.revocation_url, issuer.fetcher.fetch(issuer.suspension_url).body)
    assert status_line(issuer, signed).outcome is Outcome.INDETERMINATE


def test_an_index_beyond_the_list_leaves_the_status_open() -> None:
    issuer = Issuer(host="short.example.org")
    signed = issuer.signed("eddsa-jcs-2022", index=10**7)
    assert status_line(issuer, signed).outcome is Outcome.INDETERMINATE


@pytest.mark.parametrize(
    "entry",
    [
        "not an object",
        {"type": "BitstringStatusListEntry", "statusPurpose": "revocation"},
        {
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "-1",
            "statusListCredential": "https://malformed.example.org/status/revocation/1",
        },
    ],
    ids=["string", "no-list-url", "negative-index"],
)
def test_a_malformed_status_entry_fails(entry: object) -> None:
    issuer = Issuer(host="malformed.example.org")
    credential = minimal_credential(issuer, credentialStatus=entry)
    assert status_line(issuer, issuer.sign(credential, "eddsa-jcs-2022")).outcome is Outcome.FAILED


def test_other_status_purposes_and_methods_are_reported() -> None:
    issuer = Issuer(host="methods.example.org")
    refresh = {
        "type": "BitstringStatusListEntry",
        "statusPurpose": "refresh",
        "statusListIndex": "1",
        "statusListCredential": issuer.revocation_url,
    }
    old = {"id": "https://x.example/1#3", "type": "StatusList2021Entry"}
    credential = minimal_credential(issuer, credentialStatus=[refresh, old])
    report = issuer.verify(issuer.sign(credential, "eddsa-jcs-2022"))
    assert report.first("status.other").outcome is Outcome.SKIPPED
    assert "StatusList2021Entry" in report.first("status.revoked").message.en
    assert report.verdict is Verdict.INDETERMINATE


def test_a_credential_without_status_says_so() -> None:
    issuer = Issuer(host="nostatus.example.org")
    line = status_line(issuer, issuer.sign(minimal_credential(issuer), "eddsa-jcs-2022"))
    assert line.outcome is Outcome.SKIPPED
    assert "no status" in line.message.en


# --- 1EdTech Revocation List ----------------------------------------------------------------


def revocation_list_issuer(revoked: list, list_issuer: str | None = None) -> tuple[Issuer, dict]:
    issuer = Issuer(host="1edtech.example.org")
    url = "https://1edtech.example.org/revocations"
    credential = minimal_credential(
        issuer, credentialStatus={"id": url, "type": "1EdTechRevocationList"}
    )
    issuer.fetcher.add(
        url,
        {"id": url, "issuer": list_issuer or issuer.id, "revokedCredentials": revoked},
    )
    return issuer, issuer.sign(credential, "eddsa-jcs-2022")


def test_a_1edtech_revocation_list_without_the_credential_passes() -> None:
    issuer, signed = revocation_list_issuer([{"id": "urn:uuid:other"}])
    assert status_line(issuer, signed).outcome is Outcome.PASSED


def test_a_credential_on_the_1edtech_revocation_list_is_revoked() -> None:
    credential_id = "urn:uuid:0e3f1c5a-8a7b-4c1e-9d2f-3b4a5c6d7e8f"
    issuer, signed = revocation_list_issuer(
        [{"id": credential_id, "revocationReason": "Issued by mistake"}]
    )
    line = status_line(issuer, signed)
    assert line.outcome is Outcome.FAILED
    assert line.details["revocationReason"] == "Issued by mistake"


def test_a_1edtech_revocation_list_from_another_issuer_is_not_trusted() -> None:
    issuer, signed = revocation_list_issuer([], list_issuer="did:web:evil.example")
    assert status_line(issuer, signed).outcome is Outcome.INDETERMINATE


def test_an_unreadable_1edtech_revocation_list_is_undecided() -> None:
    issuer, signed = revocation_list_issuer([])
    issuer.fetcher.add("https://1edtech.example.org/revocations", b"<html>oops</html>")
    assert status_line(issuer, signed).outcome is Outcome.INDETERMINATE
    issuer.fetcher.add(
        "https://1edtech.example.org/revocations",
        Response("https://1edtech.example.org/revocations", 503, "text/plain", b""),
    )
    line = status_line(issuer, signed)
    assert line.outcome is Outcome.INDETERMINATE and "503" in line.message.en


def test_a_status_list_jwt_signed_by_the_issuer_is_accepted() -> None:
    issuer = Issuer(host="jwtlist.example.org")
    signed = issuer.signed("eddsa-jcs-2022", index=3)
    document = status_list_credential(
        issuer.revocation_url, issuer.id, "revocation", StatusList(), valid_from=VALID_FROM
    )
    token = sign_vc_jwt(document, issuer.key, kid=issuer.method)
    issuer.fetcher.add(issuer.revocation_url, token)
    assert status_line(issuer, signed).outcome is Outcome.PASSED
    assert json.loads(json.dumps(issuer.verify(signed).to_json()))


def test_a_broken_list_leaves_the_status_open_rather_than_failing_the_credential() -> None:
    issuer = Issuer(host="broken-list.example.org")
    signed = issuer.signed("eddsa-jcs-2022", index=4)
    document = json.loads(issuer.fetcher.fetch(issuer.revocation_url).body)
    del document["proof"]
    document["credentialSubject"]["encodedList"] = "uNotGzipAtAll"
    issuer.fetcher.add(issuer.revocation_url, issuer.sign(document, "eddsa-jcs-2022"))
    line = status_line(issuer, signed)
    assert line.outcome is Outcome.INDETERMINATE
    assert "cannot be read" in line.message.en
