"""credentialSchema: the official OB 3.0 schema, fetched through the fetcher, checked fast."""

from __future__ import annotations

import copy

from microcred.openbadges.schemas import ACHIEVEMENT_CREDENTIAL_SCHEMA
from microcred.verifier import OfflineFetcher, Outcome, StaticFetcher
from microcred.verifier.context import Run
from microcred.verifier.issuer_keys import KeyResolver
from microcred.verifier.schema import check_schemas
from tests.verifier.fixtures import NOW, Issuer, schema_documents


def run_schemas(credential: dict, fetcher: object = None) -> list:
    fetcher = fetcher or StaticFetcher(schema_documents())
    run = Run(fetcher, NOW, KeyResolver(fetcher))  # type: ignore[arg-type]
    check_schemas(run, credential)
    return run.checks


def test_a_realistic_credential_matches_its_schema() -> None:
    credential = Issuer(method="key").signed("eddsa-jcs-2022")
    [line] = run_schemas(credential)
    assert line.outcome is Outcome.PASSED


def test_a_schema_violation_is_reported_with_its_place() -> None:
    credential = Issuer(method="key").signed("eddsa-jcs-2022")
    broken = copy.deepcopy(credential)
    broken["credentialSubject"]["achievement"]["criteria"] = "read the book"
    [line] = run_schemas(broken)
    assert line.outcome is Outcome.FAILED
    assert "$.credentialSubject.achievement.criteria" in line.message.en
    assert line.details["error_count"] >= 1
    # The same document once valid stays valid; a cached verdict never hides a change.
    [again] = run_schemas(credential)
    assert again.outcome is Outcome.PASSED
    [still] = run_schemas(broken)
    assert still.outcome is Outcome.FAILED


def test_an_unreachable_schema_skips_the_check() -> None:
    credential = Issuer(method="key").signed("eddsa-jcs-2022")
    [line] = run_schemas(credential, OfflineFetcher())
    assert line.outcome is Outcome.SKIPPED and "offline" in line.message.en


def test_only_official_schemas_are_run() -> None:
    credential = {
        "credentialSchema": [
            {"id": "https://evil.example/schema.json", "type": "1EdTechJsonSchemaValidator2019"},
            {"id": ACHIEVEMENT_CREDENTIAL_SCHEMA, "type": "SomethingElse"},
            {"type": "1EdTechJsonSchemaValidator2019"},
        ]
    }
    lines = run_schemas(credential)
    assert [line.outcome for line in lines] == [Outcome.SKIPPED, Outcome.SKIPPED, Outcome.FAILED]


def test_a_schema_that_is_not_json_is_unusable() -> None:
    fetcher = StaticFetcher({ACHIEVEMENT_CREDENTIAL_SCHEMA: b"not json"})
    lines = run_schemas(
        {"credentialSchema": {"id": ACHIEVEMENT_CREDENTIAL_SCHEMA, "type": "JsonSchema"}}, fetcher
    )
    assert lines[0].outcome is Outcome.SKIPPED


def test_a_schema_never_fetches_its_remote_references() -> None:
    fetcher = StaticFetcher(
        {ACHIEVEMENT_CREDENTIAL_SCHEMA: {"$ref": "https://evil.example/other.json"}}
    )
    lines = run_schemas(
        {"credentialSchema": {"id": ACHIEVEMENT_CREDENTIAL_SCHEMA, "type": "JsonSchema"}}, fetcher
    )
    assert lines[0].outcome is Outcome.SKIPPED
    assert fetcher.requests == [ACHIEVEMENT_CREDENTIAL_SCHEMA]
