"""`microcred issue`, `bake`, `unbake`, `status` and `verify` together, as a user runs them."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from microcred.baking import unbake

STATUS_URL = "https://badges.example.org/status/1"


def _issue(cli, key, achievement, out, *extra):
    """`microcred issue` of the achievement to a@example.org by "ACME", written to ``out``."""
    code, _, err = cli(
        "issue", achievement, "--key", key, "--recipient", "a@example.org",
        "--issuer-name", "ACME", *extra, "-o", out,
    )  # fmt: skip
    assert code == 0, err


def _png(cli):
    path = cli.path("badge.png")
    Image.new("RGB", (64, 64), (20, 80, 120)).save(path)
    return path


@pytest.mark.parametrize("proof", ["rdfc", "jcs", "jwt"])
def test_an_issued_credential_verifies_offline(cli, key, achievement, proof):
    out_file = cli.path("credential.out")
    code, _, err = cli(
        "issue",
        achievement,
        "--key",
        key,
        "--recipient",
        "ada@example.org",
        "--recipient-name",
        "Ada Lovelace",
        "--issuer-name",
        "ACME",
        "--proof",
        proof,
        "-o",
        out_file,
    )
    assert code == 0, err
    code, out, _ = cli("verify", out_file, "--offline", "--recipient", "ada@example.org", "--json")
    report = json.loads(out)
    assert code == 0, report
    assert report["verdict"] == "valid"


@pytest.mark.parametrize("proof", ["rdfc", "jwt"])
def test_a_baked_png_carries_the_credential_and_verifies(cli, key, achievement, proof):
    baked = cli.path("baked.png")
    code, _, err = cli(
        "issue",
        achievement,
        "--key",
        key,
        "--recipient",
        "ada@example.org",
        "--issuer-name",
        "ACME",
        "--proof",
        proof,
        "--bake",
        _png(cli),
        "-o",
        baked,
    )
    assert code == 0, err
    Image.open(io.BytesIO(baked.read_bytes())).load()
    assert unbake(baked.read_bytes()).kind == ("ob3-jwt" if proof == "jwt" else "ob3-json")
    assert cli("verify", baked, "--offline")[0] == 0
    code, _, err = cli("unbake", baked)
    assert code == 0
    assert ("ob3-jwt" if proof == "jwt" else "ob3-json") in err


def test_bake_then_unbake_keeps_the_signed_text(cli, key, achievement):
    credential = cli.path("credential.json")
    _issue(cli, key, achievement, credential)
    baked = cli.path("baked.png")
    assert cli("bake", _png(cli), credential, "-o", baked)[0] == 0
    _, out, _ = cli("unbake", baked)
    assert out.strip() == credential.read_text().strip()


def test_revocation_turns_the_verdict_to_invalid(cli, key, achievement):
    status, credential = cli.path("status.json"), cli.path("credential.json")
    assert cli("status", "new", "--url", STATUS_URL, "--key", key, "-o", status)[0] == 0
    _issue(cli, key, achievement, credential, "--status-list", STATUS_URL, "--status-index", "9")
    with_list = ["--offline", "--with-document", f"{STATUS_URL}={status}"]
    assert cli("verify", credential, *with_list)[0] == 0
    assert cli("status", "set", status, "9", "--key", key)[0] == 0
    assert cli("status", "get", status, "9")[1].strip() == "1"
    code, out, _ = cli("verify", credential, *with_list, "--json")
    assert code == 1
    assert json.loads(out)["verdict"] == "invalid"
    assert cli("status", "set", status, "9", "--key", key, "--clear")[0] == 0
    assert cli("verify", credential, *with_list)[0] == 0


def test_without_the_status_list_offline_the_verdict_is_indeterminate(cli, key, achievement):
    credential = cli.path("credential.json")
    _issue(cli, key, achievement, credential, "--status-list", STATUS_URL, "--status-index", "9")
    assert cli("verify", credential, "--offline")[0] == 2


def test_a_tampered_credential_is_invalid(cli, key, achievement):
    credential = cli.path("credential.json")
    _issue(cli, key, achievement, credential)
    document = json.loads(credential.read_text())
    document["credentialSubject"]["achievement"]["name"] = "Rocket Science"
    credential.write_text(json.dumps(document))
    code, out, _ = cli("verify", credential, "--offline", "--language", "de")
    assert code == 1
    assert "UNGÜLTIG" in out or "ungültig" in out.lower()


def test_a_broken_achievement_file_is_explained(cli, key):
    bad = cli.path("bad.json")
    bad.write_text(json.dumps({"id": "urn:uuid:1", "type": ["Achievement"], "name": "No criteria"}))
    code, _, err = cli(
        "issue", bad, "--key", key, "--recipient", "a@example.org", "--issuer-name", "ACME"
    )
    assert code == 2
    assert "criteria" in err


def test_an_issuer_that_does_not_own_the_key_is_refused(cli, key, achievement):
    profile = cli.path("issuer.json")
    profile.write_text(json.dumps({"id": "https://someone.else", "type": ["Profile"], "name": "X"}))
    code, _, err = cli(
        "issue", achievement, "--key", key, "--recipient", "a@example.org", "--issuer", profile
    )
    assert code == 2
    assert "signed by someone else" in err


def test_a_recipient_is_required(cli, key, achievement):
    code, _, err = cli("issue", achievement, "--key", key, "--issuer-name", "ACME")
    assert code == 2
    assert "--recipient" in err


def test_a_missing_file_is_named(cli, key):
    code, _, err = cli("issue", "nope.json", "--key", key, "--recipient", "a@example.org")
    assert code == 2
    assert "nope.json" in err


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["keys"],
        ["keys", "new"],
        ["issue"],
        ["bake"],
        ["unbake"],
        ["status"],
        ["verify"],
        ["demo"],
        ["keys", "did-document"],
        ["status", "set"],
    ],
)
def test_every_command_has_help(cli, command):
    with pytest.raises(SystemExit) as exit_:
        cli(*command, "--help")
    assert exit_.value.code == 0


def test_the_demo_runs_end_to_end(cli):
    code, out, _ = cli("demo", "--folder", cli.path("demo"))
    assert code == 0, out
    assert "VALID" in out and "INVALID" in out
