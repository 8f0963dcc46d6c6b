"""`microcred keys`: keys are created sealed, described publicly, and listed for did:web."""

from __future__ import annotations

import json

from microcred.cli.keyfile import KEK_ENVIRONMENT_VARIABLE, KeyFile
from microcred.proofs.did import find_verification_method


def test_kek_prints_an_export_line(cli):
    code, out, _ = cli("keys", "kek")
    assert code == 0
    assert out.startswith(f"export {KEK_ENVIRONMENT_VARIABLE}='mckek1:")


def test_a_new_key_file_holds_no_plaintext_private_key(cli, key):
    data = json.loads(key.read_text())
    assert data["sealedPrivateKey"].startswith("mcsk1.")
    assert data["controller"].startswith("did:key:z6Mk")
    private_pkcs8 = KeyFile.read(key).key_pair().to_pkcs8()
    assert private_pkcs8 not in key.read_bytes()
    assert oct(key.stat().st_mode & 0o777) == "0o600"


def test_a_key_file_is_never_overwritten(cli, key):
    code, _, err = cli("keys", "new", "-o", key)
    assert code == 2
    assert "never overwritten" in err


def test_without_a_kek_it_says_how_to_make_one(cli, monkeypatch):
    monkeypatch.delenv(KEK_ENVIRONMENT_VARIABLE)
    code, _, err = cli("keys", "new", "-o", cli.path("k.key"))
    assert code == 2
    assert "microcred keys kek" in err


def test_did_web_keys_rotate_in_one_document(cli):
    first, second = cli.path("key-1.key"), cli.path("key-2.key")
    web = "badges.example.org/o/acme"
    assert cli("keys", "new", "-o", first, "--did-web", web)[0] == 0
    assert cli("keys", "new", "-o", second, "--did-web", web, "--key-name", "key-2")[0] == 0
    code, out, _ = cli("keys", "did-document", second, first)
    assert code == 0
    document = json.loads(out)
    assert document["id"] == "did:web:badges.example.org:o:acme"
    for path in (first, second):
        key_file = KeyFile.read(path)
        found = find_verification_method(document, key_file.verification_method)
        assert found == key_file.key_pair().public_key


def test_keys_of_different_issuers_cannot_share_a_document(cli):
    one, two = cli.path("a.key"), cli.path("b.key")
    cli("keys", "new", "-o", one, "--did-web", "a.example")
    cli("keys", "new", "-o", two, "--did-web", "b.example")
    code, _, err = cli("keys", "did-document", one, two)
    assert code == 2
    assert "same did:web" in err
