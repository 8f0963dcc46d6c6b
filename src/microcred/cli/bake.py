"""`microcred bake` and `microcred unbake`: credentials inside PNG and SVG badge images."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from microcred.cli.common import CommandError, read_bytes, write_output


def register(commands: Any) -> None:
    baker = commands.add_parser(
        "bake",
        help="put a signed credential into a PNG or SVG image",
        description="Bake a credential (a JSON file or a VC-JWT file) into a PNG or SVG. The "
        "credential's text goes in unchanged, so its proof stays valid.",
    )
    baker.add_argument("image", metavar="IMAGE")
    baker.add_argument("credential", metavar="CREDENTIAL")
    baker.add_argument("-o", "--out", required=True, help="baked image to write")
    baker.set_defaults(handler=bake_image)

    unbaker = commands.add_parser(
        "unbake",
        help="take the credential out of a baked PNG or SVG",
        description="Print the credential baked into an image (OB 3.0 or OB 2.0) exactly as "
        "it is stored there; its kind goes to standard error.",
    )
    unbaker.add_argument("image", metavar="IMAGE")
    unbaker.add_argument("-o", "--out", help="file to write (default: standard output)")
    unbaker.set_defaults(handler=unbake_image)


def bake_image(arguments: argparse.Namespace) -> int:
    from microcred.baking import bake

    raw = read_bytes(arguments.credential, "credential")
    try:
        text = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise CommandError("The credential file is not UTF-8 text.") from None
    if text.startswith("{"):
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"The credential file is not valid JSON: {error}.") from None
    write_output(bake(read_bytes(arguments.image, "image"), text), arguments.out)
    return 0


def unbake_image(arguments: argparse.Namespace) -> int:
    from microcred.baking import unbake

    baked = unbake(read_bytes(arguments.image, "image"))
    print(f"{baked.kind} in {baked.image_format}", file=sys.stderr)
    write_output(baked.text + "\n", arguments.out)
    return 0
