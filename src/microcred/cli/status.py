"""`microcred status`: build, flip and read Bitstring Status List credentials."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from microcred.cli.common import CommandError, dump_json, read_json, write_output
from microcred.cli.keyfile import KeyFile

if TYPE_CHECKING:
    from microcred.status import StatusList

# The spec's minimum list size (microcred.status.MIN_ENTRIES), without importing it for --help.
MIN_ENTRIES = 131_072


def register(commands: Any) -> None:
    parser = commands.add_parser("status", help="build or flip a revocation/suspension list")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    new = actions.add_parser(
        "new",
        help="create a signed, empty status list credential",
        description="Create a BitstringStatusListCredential, signed with eddsa-rdfc-2022.",
    )
    new.add_argument("--url", required=True, help="URL where the list will be published")
    new.add_argument("--key", required=True, help="key file of the issuer")
    new.add_argument("--purpose", choices=["revocation", "suspension"], default="revocation")
    new.add_argument("--size", type=int, default=MIN_ENTRIES, help=f"entries (>= {MIN_ENTRIES})")
    new.add_argument("-o", "--out", required=True, help="file to write")
    new.set_defaults(handler=new_list)

    flip = actions.add_parser(
        "set",
        help="set or clear one entry and sign the list again",
        description="Revoke (or suspend) the credential at INDEX, or lift it with --clear.",
    )
    flip.add_argument("list_file", metavar="LIST_FILE")
    flip.add_argument("index", type=int, metavar="INDEX")
    flip.add_argument("--key", required=True, help="key file of the issuer")
    flip.add_argument("--clear", action="store_true", help="clear the entry instead of setting it")
    flip.add_argument("-o", "--out", help="file to write (default: LIST_FILE itself)")
    flip.set_defaults(handler=set_entry)

    show = actions.add_parser("get", help="print one entry of a status list (0 or 1)")
    show.add_argument("list_file", metavar="LIST_FILE")
    show.add_argument("index", type=int, metavar="INDEX")
    show.set_defaults(handler=get_entry)


def new_list(arguments: argparse.Namespace) -> int:
    from microcred.proofs.securing import secure
    from microcred.status import StatusList, status_list_credential

    key_file = KeyFile.read(Path(arguments.key))
    credential = status_list_credential(
        arguments.url,
        key_file.controller,
        arguments.purpose,
        StatusList(arguments.size),
        valid_from=datetime.now(UTC),
    )
    signed = secure(credential, key_file.key_pair(), key_file.verification_method)
    write_output(dump_json(signed), arguments.out)
    return 0


def _read_list(path: str) -> tuple[dict[str, Any], StatusList]:
    from microcred.status import StatusList

    credential = read_json(path, "status list credential")
    if not isinstance(credential, dict) or not isinstance(
        credential.get("credentialSubject"), dict
    ):
        raise CommandError(f"{path} is not a status list credential.")
    encoded = credential["credentialSubject"].get("encodedList")
    if not isinstance(encoded, str):
        raise CommandError(f"{path} has no encodedList.")
    return credential, StatusList.decode(encoded)


def set_entry(arguments: argparse.Namespace) -> int:
    from microcred.proofs.securing import secure
    from microcred.status import status_list_credential

    credential, status_list = _read_list(arguments.list_file)
    if not 0 <= arguments.index < status_list.length:
        raise CommandError(f"INDEX must be between 0 and {status_list.length - 1}.")
    status_list.set(arguments.index, 0 if arguments.clear else 1)
    key_file = KeyFile.read(Path(arguments.key))
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != key_file.controller:
        raise CommandError(
            f"The list belongs to {issuer_id}, but the key to {key_file.controller}."
        )
    subject = credential["credentialSubject"]
    rebuilt = status_list_credential(
        credential["id"],
        credential["issuer"],
        subject["statusPurpose"],
        status_list,
        valid_from=datetime.now(UTC),
    )
    signed = secure(rebuilt, key_file.key_pair(), key_file.verification_method)
    write_output(dump_json(signed), arguments.out or arguments.list_file)
    state = "cleared" if arguments.clear else "set"
    print(f"Entry {arguments.index} {state}; the list is signed again.")
    return 0


def get_entry(arguments: argparse.Namespace) -> int:
    _, status_list = _read_list(arguments.list_file)
    if not 0 <= arguments.index < status_list.length:
        raise CommandError(f"INDEX must be between 0 and {status_list.length - 1}.")
    print(status_list.get(arguments.index))
    return 0
