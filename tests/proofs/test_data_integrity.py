"""Data Integrity proofs: the W3C vectors step by step, round trips, and tamper detection."""

from __future__ import annotations

import copy

import base58
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.proofs import data_integrity as di
from microcred.proofs.canonical import CanonicalizationError, UndefinedTermError
from microcred.proofs.keys import KeyPair, public_key_from_multikey
from tests.openbadges.strategies import credentials as ob3_credentials
from tests.proofs.vectors import vector_json, vector_text, vectors_loader

KEYS = vector_json("keyPair.json")
VECTOR_KEY = KeyPair.from_secret_multikey(KEYS["privateKeyMultibase"])
VECTOR_METHOD = f"did:key:{KEYS['publicKeyMultibase']}#{KEYS['publicKeyMultibase']}"
OB3 = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]

SUITE_VECTORS = {
    "eddsa-rdfc-2022": ("eddsa-rdfc-2022", "DataInt"),
    "eddsa-jcs-2022": ("eddsa-jcs-2022", "JCS"),
    "Ed25519Signature2020": ("Ed25519Signature2020", "EdSig"),
}


def _config_file(folder, tag):
    return vector_json(f"{folder}/proofConfig{tag}.json")


@pytest.mark.parametrize("suite", sorted(SUITE_VECTORS))
def test_every_intermediate_value_matches_the_w3c_vector(suite):
    folder, tag = SUITE_VECTORS[suite]
    unsigned = vector_json("unsigned.json")
    config = _config_file(folder, tag)

    hashes = di.proof_hashes(unsigned, config, loader=vectors_loader)

    assert hashes.canonical_document.decode() == vector_text(f"{folder}/canonDoc{tag}.txt")
    assert hashes.canonical_proof_config.decode() == vector_text(f"{folder}/proofCanon{tag}.txt")
    assert hashes.document_hash.hex() == vector_text(f"{folder}/docHash{tag}.txt").strip()
    assert hashes.proof_config_hash.hex() == vector_text(f"{folder}/proofHash{tag}.txt").strip()
    assert hashes.hash_data.hex() == vector_text(f"{folder}/combinedHash{tag}.txt").strip()
    signature = VECTOR_KEY.sign(hashes.hash_data)
    assert signature.hex() == vector_text(f"{folder}/sigHex{tag}.txt").strip()


@pytest.mark.parametrize("suite", sorted(SUITE_VECTORS))
def test_signing_reproduces_the_w3c_signed_document(suite):
    folder, tag = SUITE_VECTORS[suite]
    unsigned = vector_json("unsigned.json")
    config = _config_file(folder, tag)
    signed = di.add_proof(
        unsigned,
        VECTOR_KEY,
        config["verificationMethod"],
        cryptosuite=suite,
        created=config["created"],
        loader=vectors_loader,
    )
    expected = vector_json(f"{folder}/signed{tag}.json")
    assert signed["proof"][0]["proofValue"] == expected["proof"]["proofValue"]
    assert signed["proof"][0]["proofValue"] == vector_text(f"{folder}/sigBTC58{tag}.txt").strip()


@pytest.mark.parametrize("suite", sorted(SUITE_VECTORS))
def test_it_verifies_the_w3c_signed_document(suite):
    folder, tag = SUITE_VECTORS[suite]
    signed = vector_json(f"{folder}/signed{tag}.json")
    key = public_key_from_multikey(KEYS["publicKeyMultibase"])
    di.verify_proof(signed, signed["proof"], key, loader=vectors_loader)


@pytest.mark.parametrize("name", ["signedProofSet1.json", "signedProofSet2.json"])
def test_it_verifies_every_proof_of_a_w3c_proof_set(name):
    keys = vector_json("proof-set-chain/multiKeyPairs.json")
    by_method = _methods(keys)
    signed = vector_json(f"proof-set-chain/{name}")
    proofs = di.proofs_of(signed)
    assert len(proofs) == int(name[-6])
    for proof in proofs:
        di.verify_proof(
            signed, proof, by_method[proof["verificationMethod"]], loader=vectors_loader
        )


@pytest.mark.parametrize("name", ["signedProofChain1.json", "signedProofChain2.json"])
def test_it_verifies_every_proof_of_a_w3c_proof_chain(name):
    keys = vector_json("proof-set-chain/multiKeyPairs.json")
    by_method = _methods(keys)
    signed = vector_json(f"proof-set-chain/{name}")
    for proof in di.proofs_of(signed):
        di.verify_proof(
            signed, proof, by_method[proof["verificationMethod"]], loader=vectors_loader
        )


def _methods(keys):
    methods = {}
    for entry in keys.values():
        public = entry["publicKeyMultibase"]
        methods[f"did:key:{public}#{public}"] = public_key_from_multikey(public)
    return methods


def _achievement_credential():
    return {
        "@context": OB3,
        "id": "urn:uuid:0a6f1c3e-0000-4000-8000-000000000001",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:example:issuer", "type": ["Profile"], "name": "ACME Academy"},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": "Prompting",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://badges.example/a/1",
                "type": ["Achievement"],
                "name": "Prompting",
                "description": "Writes clear prompts.",
                "criteria": {"narrative": "Passed the assessment."},
            },
        },
    }


KEY = KeyPair.generate()
METHOD = f"did:key:{KEY.public_key.to_multikey()}#{KEY.public_key.to_multikey()}"


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
def test_a_signed_ob3_credential_verifies(suite):
    signed = di.add_proof(_achievement_credential(), KEY, METHOD, cryptosuite=suite)
    assert isinstance(signed["proof"], list)
    di.verify_proof(signed, signed["proof"][0], KEY.public_key)


def test_signing_does_not_change_the_input():
    credential = _achievement_credential()
    before = copy.deepcopy(credential)
    di.add_proof(credential, KEY, METHOD)
    assert credential == before


def test_it_refuses_to_sign_a_credential_with_an_undefined_term():
    credential = _achievement_credential()
    credential["credentialSubject"]["grade"] = "A"
    with pytest.raises(UndefinedTermError, match="grade"):
        di.add_proof(credential, KEY, METHOD)


def test_a_proof_made_with_another_key_fails():
    signed = di.add_proof(_achievement_credential(), KEY, METHOD)
    with pytest.raises(di.SignatureMismatchError, match="does not match"):
        di.verify_proof(signed, signed["proof"][0], KeyPair.generate().public_key)


@pytest.mark.parametrize(
    ("proof_value", "message"),
    [
        (None, "missing"),
        ("u123", "base58btc"),
        ("z0OIl", "base58"),
        ("z3yMApqCuCjXDWPrbjfR5mjCPTHqFG8Pux1TxQrEM35jj", "64"),
    ],
)
def test_a_malformed_proof_value_is_explained(proof_value, message):
    signed = di.add_proof(_achievement_credential(), KEY, METHOD)
    proof = dict(signed["proof"][0], proofValue=proof_value)
    with pytest.raises(di.ProofError, match=message):
        di.verify_proof(signed, proof, KEY.public_key)


def test_an_unknown_cryptosuite_is_explained():
    signed = di.add_proof(_achievement_credential(), KEY, METHOD)
    proof = dict(signed["proof"][0], cryptosuite="ecdsa-rdfc-2019")
    with pytest.raises(di.ProofError, match="ecdsa-rdfc-2019"):
        di.verify_proof(signed, proof, KEY.public_key)


def test_a_chain_naming_a_missing_previous_proof_fails():
    signed = di.add_proof(_achievement_credential(), KEY, METHOD, proof_id="urn:uuid:p1")
    chained = di.add_proof(signed, KEY, METHOD, previous_proof="urn:uuid:p1")
    di.verify_proof(chained, chained["proof"][1], KEY.public_key)
    tampered = dict(chained, proof=[chained["proof"][1]])
    with pytest.raises(di.ProofError, match="not present"):
        di.verify_proof(tampered, tampered["proof"][0], KEY.public_key)


# --- property-based: sign -> verify holds; any change breaks it ---------------------------

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
SIGNED = {
    suite: di.add_proof(_achievement_credential(), KEY, METHOD, cryptosuite=suite)
    for suite in ("eddsa-rdfc-2022", "eddsa-jcs-2022")
}
_STRING_PATHS = [
    ("name",),
    ("validFrom",),
    ("issuer", "name"),
    ("issuer", "id"),
    ("credentialSubject", "achievement", "name"),
    ("credentialSubject", "achievement", "description"),
    ("credentialSubject", "achievement", "criteria", "narrative"),
    ("credentialSubject", "achievement", "id"),
    ("id",),
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    suite=st.sampled_from(sorted(SIGNED)),
    path=st.sampled_from(_STRING_PATHS),
    value=_text,
)
def test_changing_any_field_breaks_the_proof(suite, path, value):
    signed = copy.deepcopy(SIGNED[suite])
    node = signed
    for key in path[:-1]:
        node = node[key]
    if node[path[-1]] == value:
        return
    node[path[-1]] = value
    with pytest.raises((di.ProofError, CanonicalizationError)):
        di.verify_proof(signed, signed["proof"][0], KEY.public_key)


@settings(max_examples=60, deadline=None)
@given(suite=st.sampled_from(sorted(SIGNED)), position=st.integers(0, 63), bit=st.integers(0, 7))
def test_flipping_any_signature_bit_breaks_the_proof(suite, position, bit):
    import base58

    signed = copy.deepcopy(SIGNED[suite])
    signature = bytearray(di.decode_proof_value(signed["proof"][0]["proofValue"]))
    signature[position] ^= 1 << bit
    signed["proof"][0]["proofValue"] = "z" + base58.b58encode(bytes(signature)).decode()
    with pytest.raises(di.ProofError):
        di.verify_proof(signed, signed["proof"][0], KEY.public_key)


@settings(max_examples=30, deadline=None)
@given(
    suite=st.sampled_from(sorted(SIGNED)),
    field=st.sampled_from(["created", "verificationMethod", "proofPurpose"]),
    value=_text,
)
def test_changing_the_proof_options_breaks_the_proof(suite, field, value):
    signed = copy.deepcopy(SIGNED[suite])
    if signed["proof"][0][field] == value:
        return
    signed["proof"][0][field] = value
    with pytest.raises((di.ProofError, CanonicalizationError)):
        di.verify_proof(signed, signed["proof"][0], KEY.public_key)


# --- generated OB 3.0 credentials: every one signs and verifies in both suites -------------


def test_the_realistic_sample_credential_signs_and_verifies():
    from microcred.openbadges.samples import realistic_credential

    for suite in ("eddsa-rdfc-2022", "eddsa-jcs-2022"):
        signed = di.add_proof(realistic_credential(), KEY, METHOD, cryptosuite=suite)
        di.verify_proof(signed, signed["proof"][-1], KEY.public_key)


@settings(max_examples=25)
@given(credential=ob3_credentials(), suite=st.sampled_from(sorted(SIGNED)))
def test_every_generated_credential_signs_and_verifies(credential, suite):
    signed = di.add_proof(credential, KEY, METHOD, cryptosuite=suite)
    di.verify_proof(signed, signed["proof"][-1], KEY.public_key)
    other = KeyPair.generate().public_key
    with pytest.raises(di.ProofError):
        di.verify_proof(signed, signed["proof"][-1], other)


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", max_size=90),
        st.text(max_size=20),
        st.binary(max_size=64).map(lambda raw: base58.b58encode(raw).decode() + " "),
    )
)
def test_the_base58_decoder_agrees_with_the_base58_library(text):
    try:
        expected = base58.b58decode(text)
    except ValueError:
        with pytest.raises(ValueError):
            di.b58decode(text)
        return
    assert di.b58decode(text) == expected
