"""The in-process fetcher: this instance's public documents from the database, nothing else."""

from __future__ import annotations

import json

import pytest

from microcred.verifier import FetchRefused, StaticFetcher
from microcred.web.verify.local import InstanceFetcher
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


def test_it_answers_did_documents_under_the_did_web_https_address(make_organization) -> None:
    organization = make_organization()
    response = InstanceFetcher().fetch(f"https://testserver/o/{organization.slug}/did.json")
    assert response.status == 200
    assert response.content_type == "application/did+ld+json"
    assert json.loads(response.body)["id"] == f"did:web:testserver:o:{organization.slug}"


def test_it_answers_status_lists_and_credentials(make_organization) -> None:
    credential = issue_sample(make_organization())
    fetcher = InstanceFetcher()
    entry = json.loads(credential.signed_text)["credentialStatus"][0]
    assert fetcher.fetch(entry["statusListCredential"]).ok
    page = fetcher.fetch(f"http://testserver/c/{credential.public_id}")
    assert page.content_type == "application/ld+json"
    assert page.body == credential.signed_text.encode("utf-8")


def test_unknown_paths_are_404(make_organization) -> None:
    fetcher = InstanceFetcher()
    assert fetcher.fetch("https://testserver/nothing/here").status == 404
    assert fetcher.fetch("https://testserver/o/nobody/did.json").status == 404


@pytest.mark.parametrize("path", ["/o/{slug}/", "/o/{slug}/members/", "/accounts/login/", "/"])
def test_it_refuses_pages_that_are_not_public_documents(make_organization, path: str) -> None:
    organization = make_organization()
    with pytest.raises(FetchRefused, match="not a public document"):
        InstanceFetcher().fetch("https://testserver" + path.format(slug=organization.slug))


@pytest.mark.parametrize(
    "url", ["https://example.org/did.json", "http://127.0.0.1/admin", "https://testserver.evil/"]
)
def test_foreign_urls_are_refused_without_a_fallback(url: str) -> None:
    with pytest.raises(FetchRefused, match="only this instance"):
        InstanceFetcher().fetch(url)


def test_foreign_urls_go_to_the_fallback() -> None:
    fallback = StaticFetcher({"https://example.org/x": {"ok": True}})
    response = InstanceFetcher(fallback=fallback).fetch("https://example.org/x")
    assert json.loads(response.body) == {"ok": True}
    assert fallback.requests == ["https://example.org/x"]
