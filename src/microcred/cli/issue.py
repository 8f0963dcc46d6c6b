"""`microcred issue`: award an achievement to one recipient and sign it, optionally baked."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from microcred.cli.common import CommandError, dump_json, read_bytes, read_json, write_output
from microcred.cli.keyfile import KeyFile

if TYPE_CHECKING:
    from microcred.openbadges.profile import Profile


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "issue",
        help="award an achievement to a recipient as a signed credential",
        description="Build an Open Badges 3.0 credential from an achievement file (JSON, as "
        "the OB 3.0 Achievement object) and sign it with a key file.",
    )
    parser.add_argument("achievement", metavar="ACHIEVEMENT_JSON")
    parser.add_argument("--key", required=True, help="key file (from `microcred keys new`)")
    parser.add_argument("--recipient", metavar="EMAIL", help="recipient e-mail (stored hashed)")
    parser.add_argument("--recipient-did", metavar="DID", help="recipient DID (subject id)")
    parser.add_argument("--recipient-name", metavar="NAME", help="name shown on the badge")
    issuer = parser.add_mutually_exclusive_group()
    issuer.add_argument("--issuer", metavar="PROFILE_JSON", help="issuer profile file")
    issuer.add_argument("--issuer-name", metavar="NAME", help="issuer name (profile built for you)")
    parser.add_argument("--issuer-url", metavar="URL", help="issuer web site, with --issuer-name")
    parser.add_argument(
        "--proof",
        default="rdfc",
        choices=["rdfc", "jcs", "jwt"],
        help="eddsa-rdfc-2022 (default), eddsa-jcs-2022 or VC-JWT",
    )
    parser.add_argument("--id", dest="credential_id", help="credential id (default urn:uuid:…)")
    parser.add_argument("--valid-from", metavar="DATETIME", help="ISO 8601, default now")
    parser.add_argument("--valid-until", metavar="DATETIME", help="ISO 8601 expiry")
    parser.add_argument("--status-list", metavar="URL", help="status list credential URL")
    parser.add_argument("--status-index", type=int, metavar="N", help="index in that list")
    parser.add_argument("--bake", metavar="IMAGE", help="PNG or SVG to bake the credential into")
    parser.add_argument("-o", "--out", help="file to write (default: standard output)")
    parser.set_defaults(handler=issue)


def _datetime(text: str | None, option: str) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise CommandError(f"{option} {text!r} is not an ISO 8601 date-time.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _issuer(arguments: argparse.Namespace, controller: str) -> Profile:
    from microcred.openbadges.profile import Profile

    if arguments.issuer:
        data = read_json(arguments.issuer, "issuer profile")
        if isinstance(data, dict):
            data.setdefault("id", controller)
            data.setdefault("type", ["Profile"])
        profile = Profile.from_json(data)
    else:
        profile = Profile(id=controller, name=arguments.issuer_name, url=arguments.issuer_url)
    if profile.id != controller:
        raise CommandError(
            f"The issuer is {profile.id}, but the key belongs to {controller}; verifiers would "
            "reject the credential as signed by someone else."
        )
    return profile


def build_credential(arguments: argparse.Namespace, key_file: KeyFile) -> dict[str, Any]:
    from microcred.openbadges.achievement import Achievement
    from microcred.openbadges.award import Recipient, award
    from microcred.status import status_list_entry

    if not arguments.recipient and not arguments.recipient_did:
        raise CommandError("Give --recipient EMAIL or --recipient-did DID.")
    if (arguments.status_list is None) != (arguments.status_index is None):
        raise CommandError("--status-list and --status-index go together.")
    achievement = Achievement.from_json(read_json(arguments.achievement, "achievement file"))
    status = (
        status_list_entry(arguments.status_list, arguments.status_index, "revocation")
        if arguments.status_list
        else None
    )
    credential = award(
        achievement,
        _issuer(arguments, key_file.controller),
        Recipient(
            email=arguments.recipient, did=arguments.recipient_did, name=arguments.recipient_name
        ),
        credential_id=arguments.credential_id,
        valid_from=_datetime(arguments.valid_from, "--valid-from"),
        valid_until=_datetime(arguments.valid_until, "--valid-until"),
        credential_status=status,
    )
    return credential.to_json()


def issue(arguments: argparse.Namespace) -> int:
    from microcred.baking import bake
    from microcred.proofs.securing import ProofFormat, secure

    key_file = KeyFile.read(Path(arguments.key))
    credential = build_credential(arguments, key_file)
    secured = secure(
        credential,
        key_file.key_pair(),
        key_file.verification_method,
        ProofFormat.parse(arguments.proof),
    )
    text = secured if isinstance(secured, str) else json.dumps(secured, ensure_ascii=False)
    if arguments.bake:
        if not arguments.out:
            raise CommandError("--bake writes an image: give -o FILE.")
        write_output(bake(read_bytes(arguments.bake, "image"), text), arguments.out)
    elif isinstance(secured, str):
        write_output(secured + "\n", arguments.out)
    else:
        write_output(dump_json(secured), arguments.out)
    return 0
