"""The EU micro-credential elements: OB 3.0 fields where they fit, an extension for the rest."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyld import jsonld

from microcred.openbadges import contexts, eu, samples
from microcred.openbadges.achievement import Achievement
from microcred.openbadges.award import Recipient, award
from microcred.openbadges.profile import Address, Profile
from microcred.proofs import data_integrity as di
from microcred.proofs.canonical import UndefinedTermError, canonicalize
from microcred.proofs.keys import KeyPair
from tests.openbadges.schema_validation import assert_valid

BODY = Profile(
    id=samples.SAMPLE_ISSUER_ID,
    name="Akademie Beispiel",
    address=Address(address_country_code="DE", address_region="Bayern"),
)
EVERY_ELEMENT = eu.EuElements(
    learning_outcomes=(
        "Plant ein agiles Projekt mit Scrum.",
        "Moderiert Retrospektiven und leitet Verbesserungen ab.",
    ),
    workload_hours=50,
    ects=2,
    eqf_level=6,
    assessment_type="Projektarbeit mit Präsentation",
    participation_form=eu.ParticipationForm.BLENDED,
    quality_assurance="Interne Qualitätssicherung nach AZAV",
    prerequisites="Erste Berufserfahrung in Projekten",
    stackability=eu.Stackability.STACKABLE,
    stackability_note="Baustein des Zertifikats Projektmanagement",
)
EXTENSION_TERMS = (
    "learningOutcome",
    "workloadHours",
    "assessmentType",
    "participationForm",
    "qualityAssurance",
    "prerequisites",
    "stackability",
    "stackabilityNote",
)
KEY = KeyPair.generate()
METHOD = f"did:key:{KEY.public_key.to_multikey()}#{KEY.public_key.to_multikey()}"


def eu_achievement(elements: eu.EuElements = EVERY_ELEMENT) -> Achievement:
    return eu.with_eu_elements(samples.realistic_achievement(), elements, awarding_body=BODY)


def eu_credential(elements: eu.EuElements = EVERY_ELEMENT) -> dict:
    credential = award(
        eu_achievement(elements),
        samples.realistic_issuer(),
        Recipient(email="lea@example.org", name="Lea Weber"),
    )
    return eu.with_eu_context(credential).to_json()


# --- the context --------------------------------------------------------------------------


def test_the_offline_loader_serves_the_eu_context():
    assert eu.EU_CONTEXT == "https://w3id.org/microcred/eu/v1"
    assert eu.EU_CONTEXT in contexts.known_context_urls()
    assert eu.EU_CONTEXT in contexts.own_context_urls()
    loaded = contexts.document_loader(eu.EU_CONTEXT)
    assert loaded["tag"] == "static"
    assert loaded["document"]["@context"]["@protected"] is True


def test_the_context_ships_inside_the_package():
    shipped = files("microcred.openbadges").joinpath("jsonld/eu-microcredential-v1.jsonld")
    assert json.loads(shipped.read_text("utf-8")) == contexts.load_context(eu.EU_CONTEXT)


def test_it_cannot_be_replaced_at_run_time():
    with pytest.raises(ValueError, match="already served"):
        contexts.register_context(eu.EU_CONTEXT, {"@context": {}})


def test_every_term_is_an_iri_of_the_microcred_eu_vocabulary():
    expanded = jsonld.expand(eu_credential(), {"documentLoader": contexts.document_loader})
    text = json.dumps(expanded)
    assert f"{eu.EU_VOCABULARY}euMicroCredential" in text
    assert f"{eu.EU_VOCABULARY}EuMicroCredentialElements" in text
    for term in EXTENSION_TERMS:
        assert f"{eu.EU_VOCABULARY}{term}" in text, term


def test_the_terms_are_protected():
    credential = eu_credential()
    credential["@context"] = [
        *credential["@context"],
        {"euMicroCredential": "https://evil.example/other"},
    ]
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand(credential, {"documentLoader": contexts.document_loader})


# --- credentials carrying every element ---------------------------------------------------


def test_a_credential_with_every_element_is_valid_under_the_official_schema():
    assert_valid(eu_credential())


def test_a_credential_with_every_element_canonicalizes_with_each_element_signed():
    nquads = canonicalize(eu_credential())
    for term in EXTENSION_TERMS:
        assert f"<{eu.EU_VOCABULARY}{term}>" in nquads, term
    assert '"Projektarbeit mit Präsentation"' in nquads
    assert "<http://data.europa.eu/snb/eqf/6>" not in nquads  # a targetUrl is a literal
    assert '"http://data.europa.eu/snb/eqf/6"' in nquads


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
def test_a_credential_with_every_element_signs_and_verifies(suite):
    signed = di.add_proof(eu_credential(), KEY, METHOD, cryptosuite=suite)
    di.verify_proof(signed, signed["proof"][0], KEY.public_key)
    # The signed bytes survive a JSON round trip, as they are stored and served.
    stored = json.loads(json.dumps(signed, ensure_ascii=False))
    di.verify_proof(stored, stored["proof"][0], KEY.public_key)


def test_a_changed_element_breaks_the_signature():
    signed = di.add_proof(eu_credential(), KEY, METHOD)
    extension = signed["credentialSubject"]["achievement"]["euMicroCredential"]
    extension["workloadHours"] = 5
    with pytest.raises(di.ProofError, match="does not match"):
        di.verify_proof(signed, signed["proof"][0], KEY.public_key)


def test_without_the_eu_context_the_extension_is_refused_rather_than_signed_partly():
    credential = eu_credential()
    credential["@context"] = [c for c in credential["@context"] if c != eu.EU_CONTEXT]
    with pytest.raises(UndefinedTermError, match="euMicroCredential"):
        canonicalize(credential)


def test_the_eu_context_is_added_once_and_only_when_needed():
    plain = award(
        samples.realistic_achievement(), samples.realistic_issuer(), Recipient(email="a@b.de")
    )
    assert eu.with_eu_context(plain) is plain
    with_eu = award(eu_achievement(), samples.realistic_issuer(), Recipient(email="a@b.de"))
    once = eu.with_eu_context(with_eu)
    assert once.context[-1] == eu.EU_CONTEXT
    assert eu.with_eu_context(once) is once


# --- where each element goes ----------------------------------------------------------------


def test_standard_fields_carry_what_they_can():
    document = eu_achievement().to_json()
    assert document["creditsAvailable"] == 2
    assert document["alignment"][0] == {
        "type": ["Alignment"],
        "targetCode": "6",
        "targetName": "EQF level 6",
        "targetFramework": "European Qualifications Framework",
        "targetUrl": "http://data.europa.eu/snb/eqf/6",
    }
    assert document["creator"]["name"] == "Akademie Beispiel"
    assert document["creator"]["address"]["addressCountryCode"] == "DE"
    extension = document["euMicroCredential"]
    assert extension["type"] == "EuMicroCredentialElements"
    assert "ects" not in json.dumps(extension).lower()
    assert "eqf" not in json.dumps(extension).lower()
    assert "resultDescription" not in document or all(
        item["name"] != "Learning outcomes" for item in document["resultDescription"]
    )


def test_skill_alignments_are_kept_and_an_old_eqf_level_is_replaced():
    achievement = eu_achievement()
    skills = [a for a in achievement.alignment if not eu.is_eqf_alignment(a)]
    again = eu.with_eu_elements(achievement, replace(EVERY_ELEMENT, eqf_level=4))
    eqf = [a for a in again.alignment if eu.is_eqf_alignment(a)]
    assert [a.target_code for a in eqf] == ["4"]
    assert [a for a in again.alignment if not eu.is_eqf_alignment(a)] == skills


def test_removing_every_element_removes_the_extension():
    cleared = eu.with_eu_elements(eu_achievement(), eu.EuElements())
    assert eu.EXTENSION_KEY not in cleared.extra
    assert cleared.credits_available is None
    assert not any(eu.is_eqf_alignment(a) for a in cleared.alignment)
    assert not eu.uses_eu_extension(cleared)


def test_whole_numbers_are_written_as_integers_and_fractions_kept():
    elements = eu.EuElements(workload_hours=25.0, ects=2.5)
    assert elements.workload_hours == 25
    assert type(elements.workload_hours) is int
    assert elements.ects == 2.5
    document = eu.with_eu_elements(samples.realistic_achievement(), elements).to_json()
    assert '"workloadHours": 25,' in json.dumps(document) or '"workloadHours": 25}' in json.dumps(
        document
    )


# --- reading back -----------------------------------------------------------------------------


def test_elements_read_back_equal_what_was_written():
    assert eu.eu_elements_of(eu_achievement()) == EVERY_ELEMENT


def test_elements_survive_the_json_round_trip():
    parsed = Achievement.from_json(json.loads(json.dumps(eu_achievement().to_json())))
    assert eu.eu_elements_of(parsed) == EVERY_ELEMENT


def test_an_achievement_without_elements_reads_as_empty():
    elements = eu.eu_elements_of(samples.realistic_achievement())
    assert elements.learning_outcomes == ()
    assert elements.eqf_level is None


def test_a_single_learning_outcome_written_as_a_string_is_read():
    achievement = replace(
        samples.realistic_achievement(),
        extra={"euMicroCredential": {"type": "EuMicroCredentialElements", "learningOutcome": "x"}},
    )
    assert eu.eu_elements_of(achievement).learning_outcomes == ("x",)


@pytest.mark.parametrize(
    ("extension", "message"),
    [
        ("text", "must be a JSON object"),
        ({"type": "EuMicroCredentialElements", "grade": "A"}, "does not define"),
        ({"learningOutcome": [1]}, "must be text"),
        ({"workloadHours": "many"}, "must be a number"),
        ({"participationForm": "by post"}, "not one of"),
    ],
)
def test_an_extension_in_another_shape_is_refused_with_a_reason(extension, message):
    achievement = replace(samples.realistic_achievement(), extra={"euMicroCredential": extension})
    with pytest.raises(eu.EuElementError, match=message):
        eu.eu_elements_of(achievement)


texts = st.one_of(st.none(), st.text(st.characters(codec="utf-8"), max_size=40))
numbers = st.one_of(
    st.none(),
    st.integers(0, eu.MAX_ECTS),
    st.floats(0, eu.MAX_ECTS, allow_nan=False).map(lambda x: round(x, 1)),
)
elements_strategy = st.builds(
    eu.EuElements,
    learning_outcomes=st.lists(
        st.text(st.characters(codec="utf-8"), min_size=1, max_size=40).filter(str.strip),
        max_size=4,
    ),
    workload_hours=numbers,
    ects=numbers,
    eqf_level=st.one_of(st.none(), st.integers(1, 8)),
    assessment_type=texts,
    participation_form=st.one_of(st.none(), st.sampled_from(eu.ParticipationForm)),
    quality_assurance=texts,
    prerequisites=texts,
    stackability=st.one_of(st.none(), st.sampled_from(eu.Stackability)),
    stackability_note=texts,
)


@given(elements_strategy)
def test_any_elements_round_trip_through_json(elements):
    written = eu.with_eu_elements(samples.realistic_achievement(), elements)
    parsed = Achievement.from_json(json.loads(json.dumps(written.to_json())))
    assert eu.eu_elements_of(parsed) == elements


@settings(max_examples=15)
@given(elements_strategy)
def test_any_elements_canonicalize_and_validate(elements):
    credential = eu_credential(elements)
    assert_valid(credential)
    canonicalize(credential)


@given(st.dictionaries(st.text(max_size=20), st.text(max_size=20) | st.integers(), max_size=5))
def test_any_foreign_extension_reads_or_is_refused_with_a_value_error(extension):
    achievement = replace(samples.realistic_achievement(), extra={"euMicroCredential": extension})
    try:
        eu.eu_elements_of(achievement)
    except eu.EuElementError as error:
        assert str(error)


# --- refusing bad values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"eqf_level": 0}, "EQF level"),
        ({"eqf_level": 9}, "EQF level"),
        ({"eqf_level": "6"}, "EQF level"),
        ({"eqf_level": True}, "EQF level"),
        ({"workload_hours": -1}, "workload hours"),
        ({"workload_hours": float("nan")}, "workload hours"),
        ({"ects": float("inf")}, "ECTS"),
        ({"ects": eu.MAX_ECTS + 1}, "ECTS"),
        ({"learning_outcomes": "one statement"}, "list of statements"),
        ({"learning_outcomes": ["ok", "  "]}, "empty"),
        ({"learning_outcomes": ["x"] * (eu.MAX_LEARNING_OUTCOMES + 1)}, "more than"),
        ({"assessment_type": "x" * (eu.MAX_TEXT + 1)}, "longer than"),
        ({"assessment_type": 3}, "must be text"),
        ({"participation_form": "by post"}, "not one of: online, onSite, blended"),
        ({"stackability": "maybe"}, "not one of"),
    ],
)
def test_it_refuses_values_the_extension_cannot_carry(values, message):
    with pytest.raises(eu.EuElementError, match=message):
        eu.EuElements(**values)


def test_an_element_error_is_a_value_error():
    assert issubclass(eu.EuElementError, ValueError)


def test_eqf_alignment_refuses_a_level_outside_1_to_8():
    with pytest.raises(eu.EuElementError):
        eu.eqf_alignment(9)


# --- the completeness indicator ------------------------------------------------------------------


def test_every_mandatory_element_present_is_complete():
    assert eu.eu_elements_complete(eu_achievement()) == (True, [])


def test_prerequisites_and_stackability_are_optional():
    optional_left_out = replace(
        EVERY_ELEMENT, prerequisites=None, stackability=None, stackability_note=None
    )
    assert eu.eu_elements_complete(eu_achievement(optional_left_out)) == (True, [])


def test_an_achievement_without_elements_misses_every_mandatory_one():
    bare = replace(samples.realistic_achievement(), credits_available=None)
    complete, missing = eu.eu_elements_complete(bare)
    assert not complete
    assert missing == list(eu.MANDATORY)


def test_either_hours_or_ects_counts_as_the_workload():
    hours_only = eu_achievement(replace(EVERY_ELEMENT, ects=None))
    assert eu.eu_elements_complete(hours_only) == (True, [])
    neither = eu_achievement(replace(EVERY_ELEMENT, ects=None, workload_hours=None))
    assert eu.eu_elements_complete(neither) == (False, ["workload"])


def test_the_issuer_stands_in_for_a_missing_creator():
    without_creator = replace(eu_achievement(), creator=None)
    assert eu.eu_elements_complete(without_creator)[1] == ["awardingBody", "country"]
    assert eu.eu_elements_complete(without_creator, issuer=BODY) == (True, [])


def test_a_body_without_a_country_misses_the_country():
    nowhere = replace(BODY, address=None)
    achievement = eu.with_eu_elements(
        samples.realistic_achievement(), EVERY_ELEMENT, awarding_body=nowhere
    )
    assert eu.eu_elements_complete(achievement) == (False, ["country"])
