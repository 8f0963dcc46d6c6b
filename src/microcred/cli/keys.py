"""`microcred keys`: key-encryption keys, signing keys and did:web documents."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from microcred.cli.common import CommandError, dump_json, write_output
from microcred.cli.keyfile import KEK_ENVIRONMENT_VARIABLE, KeyFile, configured_keks


def register(commands: Any) -> None:
    parser = commands.add_parser("keys", help="create and describe signing keys")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    kek = actions.add_parser(
        "kek",
        help="create a key-encryption key (protects private keys at rest)",
        description=f"Print a new key-encryption key to export as {KEK_ENVIRONMENT_VARIABLE}.",
    )
    kek.set_defaults(handler=new_kek)

    new = actions.add_parser(
        "new",
        help="create a signing key, stored encrypted",
        description="Create a signing key. The private key is sealed with the first key-"
        f"encryption key in {KEK_ENVIRONMENT_VARIABLE}; it is never written in plain text.",
    )
    new.add_argument("-o", "--out", required=True, help="key file to create")
    new.add_argument(
        "--algorithm",
        choices=["Ed25519", "P-256", "RSA"],
        default="Ed25519",
        help="Ed25519 signs every proof format; P-256 and RSA only VC-JWT (default Ed25519)",
    )
    new.add_argument(
        "--did-web",
        metavar="HOST/PATH",
        help="make the key belong to did:web:HOST:PATH instead of its own did:key",
    )
    new.add_argument("--key-name", default=None, help="fragment of the did:web key (default key-1)")
    new.set_defaults(handler=new_key)

    document = actions.add_parser(
        "did-document",
        help="write the did:web DID document for one or more key files",
        description="Print the DID document (did.json) that lists every given key, newest "
        "first. Keep old keys in it after a rotation so earlier credentials still verify.",
    )
    document.add_argument("key_files", nargs="+", metavar="KEY_FILE")
    document.add_argument("-o", "--out", help="file to write (default: standard output)")
    document.set_defaults(handler=write_did_document)


def new_kek(arguments: argparse.Namespace) -> int:
    from microcred.proofs.keystore import KeyEncryptionKey

    kek = KeyEncryptionKey.generate()
    print(f"export {KEK_ENVIRONMENT_VARIABLE}='{kek.to_secret()}'")
    return 0


def new_key(arguments: argparse.Namespace) -> int:
    from microcred.proofs.did import did_key, did_key_verification_method, did_web
    from microcred.proofs.keys import KeyPair

    out = Path(arguments.out)
    if out.exists():
        raise CommandError(f"{out} already exists; a key file is never overwritten.")
    kek = configured_keks()[0]
    key_pair = KeyPair.generate(arguments.algorithm)
    if arguments.did_web:
        controller = did_web(arguments.did_web)
        verification_method = f"{controller}#{arguments.key_name or 'key-1'}"
    else:
        if key_pair.algorithm == "RSA":
            raise CommandError("did:key has no RSA form here; use --did-web for an RSA key.")
        controller = did_key(key_pair.public_key)
        verification_method = did_key_verification_method(key_pair.public_key)
    key_file = KeyFile.create(
        key_pair, controller=controller, verification_method=verification_method, kek=kek
    )
    key_file.write(out)
    print(f"Created {out} ({key_pair.algorithm}, sealed with KEK {kek.kek_id!r}).")
    print(f"issuer:              {controller}")
    print(f"verification method: {verification_method}")
    return 0


def write_did_document(arguments: argparse.Namespace) -> int:
    from microcred.proofs.did import did_web_document
    from microcred.proofs.keys import public_key_from_jwk, public_key_from_multikey

    files = [KeyFile.read(Path(name)) for name in arguments.key_files]
    controllers = {key_file.controller for key_file in files}
    if len(controllers) != 1:
        raise CommandError("All key files must belong to the same did:web identifier.")
    (controller,) = controllers
    if not controller.startswith("did:web:"):
        raise CommandError(f"{controller} is not a did:web identifier; did:key needs no document.")
    keys = []
    for key_file in files:
        fragment = key_file.verification_method.partition("#")[2]
        if "publicKeyMultibase" in key_file.public_key:
            public = public_key_from_multikey(key_file.public_key["publicKeyMultibase"])
        else:
            public = public_key_from_jwk(key_file.public_key["publicKeyJwk"])
        keys.append((fragment, public))
    write_output(dump_json(did_web_document(controller, keys)), arguments.out)
    return 0
