"""verify(): everything microcred can issue verifies, in every proof format, baked or not."""

from __future__ import annotations

import json

import pytest

from microcred.proofs.did import did_web_document
from microcred.proofs.vc_jwt import sign_vc_jwt
from microcred.verifier import OfflineFetcher, Outcome, StaticFetcher, Verdict, verify
from tests.verifier.fixtures import (
    FORMATS,
    NOW,
    RECIPIENT,
    Issuer,
    baked,
    describe,
    fixed_key,
)


@pytest.fixture(scope="module")
def issuer() -> Issuer:
    return Issuer()


@pytest.mark.parametrize("proof_format", FORMATS)
def test_it_verifies_every_proof_format(issuer: Issuer, proof_format: str) -> None:
    report = issuer.verify(issuer.signed(proof_format), recipient=RECIPIENT)
    assert report.verdict is Verdict.VALID, describe(report)
    assert report.facts.achievement_name == "Data Analysis with Python"
    assert report.facts.status == "active"


@pytest.mark.parametrize("image", ["png", "svg"])
@pytest.mark.parametrize("proof_format", FORMATS)
def test_it_verifies_baked_credentials(issuer: Issuer, proof_format: str, image: str) -> None:
    report = issuer.verify(baked(issuer.signed(proof_format), image))
    assert report.verdict is Verdict.VALID, describe(report)
    assert report.input_kind == f"{image}/{'jws' if 'jwt' in proof_format else 'json'}"


@pytest.mark.parametrize("proof_format", ["eddsa-rdfc-2022", "eddsa-jcs-2022", "vc-jwt"])
def test_it_verifies_json_text_and_bytes_as_given(issuer: Issuer, proof_format: str) -> None:
    signed = issuer.signed(proof_format)
    text = signed if isinstance(signed, str) else json.dumps(signed, indent=2)
    assert issuer.verify(text).verdict is Verdict.VALID
    assert issuer.verify(("\ufeff" + text + "\n").encode()).verdict is Verdict.VALID


def test_it_verifies_a_did_key_issuer_without_any_fetching() -> None:
    issuer = Issuer(method="key")
    credential = issuer.credential()
    del credential["credentialSchema"], credential["credentialStatus"]
    report = verify(issuer.sign(credential), fetcher=OfflineFetcher(), now=NOW)
    assert report.verdict is Verdict.VALID, describe(report)


@pytest.mark.parametrize("algorithm", ["P-256", "RSA"])
def test_it_verifies_vc_jwt_with_es256_and_rs256(algorithm: str) -> None:
    key = fixed_key(algorithm)
    issuer = Issuer(host=f"{algorithm.lower()}.example.org")
    issuer.fetcher.add(
        f"https://{issuer.host}/.well-known/did.json",
        did_web_document(issuer.id, [("key-1", key.public_key)]),
    )
    issuer.key = key
    credential = issuer.credential()
    del credential["credentialStatus"]
    token = sign_vc_jwt(credential, key, kid=issuer.method)
    report = issuer.verify(token)
    assert report.verdict is Verdict.VALID, describe(report)
    signature = report.first("proof.signature")
    assert signature is not None
    assert signature.details["alg"] == {"P-256": "ES256", "RSA": "RS256"}[algorithm]


def test_it_verifies_a_credential_fetched_from_a_url(issuer: Issuer) -> None:
    url = "https://badges.example.org/credentials/42"
    issuer.fetcher.add(url, issuer.signed())
    report = issuer.verify(url)
    assert report.verdict is Verdict.VALID, describe(report)
    assert report.first("input.fetch").outcome is Outcome.PASSED


def test_it_follows_an_html_pages_link_to_the_credential(issuer: Issuer) -> None:
    page = "https://badges.example.org/c/42"
    issuer.fetcher.add(
        page, _html(page, '<link rel="alternate" type="application/ld+json" href="/c/42.json">')
    )
    issuer.fetcher.add("https://badges.example.org/c/42.json", issuer.signed("eddsa-jcs-2022"))
    report = issuer.verify(page)
    assert report.verdict is Verdict.VALID, describe(report)


def _html(url: str, head: str):
    from microcred.verifier import Response

    body = f"<!doctype html><html><head>{head}</head><body>Badge</body></html>".encode()
    return Response(url, 200, "text/html", body)


def test_a_qr_code_in_upper_case_still_names_the_url(issuer: Issuer) -> None:
    url = "https://badges.example.org/credentials/43"
    issuer.fetcher.add(url, issuer.signed("eddsa-jcs-2022"))
    report = issuer.verify("HTTPS://badges.example.org/credentials/43")
    assert report.verdict is Verdict.VALID, describe(report)


def test_offline_verification_of_a_did_web_credential_is_indeterminate(issuer: Issuer) -> None:
    report = verify(issuer.signed(), fetcher=OfflineFetcher(), now=NOW)
    assert report.verdict is Verdict.INDETERMINATE, describe(report)
    assert report.first("issuer.key").outcome is Outcome.INDETERMINATE
    assert "offline" in report.first("issuer.key").message.en


def test_the_report_is_json_serializable_and_says_why(issuer: Issuer) -> None:
    report = issuer.verify(issuer.signed(), recipient=RECIPIENT)
    data = json.loads(json.dumps(report.to_json()))
    assert data["verdict"] == "valid"
    assert {check["code"] for check in data["checks"]} >= {
        "input.format",
        "format.standard",
        "format.structure",
        "format.schema",
        "issuer.key",
        "proof.signature",
        "dates.not_yet_valid",
        "dates.expired",
        "status.revoked",
        "recipient.match",
    }
    for check in data["checks"]:
        assert check["outcome"] in ("passed", "failed", "skipped", "indeterminate")
        assert check["message"]["en"].endswith((".", ")")) and check["message"]["de"]
    assert data["facts"]["recipient_identifier"] == "hashed e-mail"
    assert data["facts"]["micro_credential"]["ects_credits"] == 2.0


def test_it_never_raises_for_unexpected_errors_but_reports_them(issuer: Issuer) -> None:
    class Exploding(StaticFetcher):
        def fetch(self, url: str, *, accept: str = "") -> object:
            raise RuntimeError("boom")

    report = verify(issuer.signed(), fetcher=Exploding(), now=NOW)
    assert report.verdict is Verdict.INDETERMINATE
    assert report.first("verifier.error") is not None
