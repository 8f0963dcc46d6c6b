"""`microcred demo`: the whole life of a badge with the CLI, in a folder you can look into."""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path
from typing import Any, Final

from microcred.cli.keyfile import KEK_ENVIRONMENT_VARIABLE

STATUS_URL: Final = "https://badges.example.org/status/revocation-1"


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "demo",
        help="issue, bake, verify and revoke a sample badge",
        description="Walk through a badge's life with the CLI's own commands: create a key, "
        "issue a sample micro-credential, bake it into a PNG, verify it, revoke it, verify again.",
    )
    parser.add_argument("--folder", default="data/cli-demo", help="where to put the files")
    parser.set_defaults(handler=demo)


def _badge_image(path: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 390, 390), fill=(24, 78, 119), outline=(245, 183, 0), width=14)
    draw.text((200, 185), "Data Analysis", fill="white", anchor="mm", font_size=34)
    draw.text((200, 230), "with Python", fill="white", anchor="mm", font_size=34)
    image.save(path)


def _step(title: str, command: list[str]) -> int:
    from microcred.cli import main

    print(f"\n== {title}\n$ microcred {' '.join(command)}")
    return main(command)


def demo(arguments: argparse.Namespace) -> int:
    from microcred.openbadges.samples import realistic_achievement
    from microcred.proofs.keystore import KeyEncryptionKey

    folder = Path(arguments.folder)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    # A throwaway key-encryption key for this demo only; real ones live outside data folders.
    os.environ[KEK_ENVIRONMENT_VARIABLE] = KeyEncryptionKey.generate().to_secret()
    key, achievement = folder / "issuer.key", folder / "achievement.json"
    image, baked = folder / "badge.png", folder / "baked-badge.png"
    status = folder / "status-list.json"
    achievement.write_text(json.dumps(realistic_achievement().to_json(), indent=2), "utf-8")
    _badge_image(image)
    local_status = ["--offline", "--with-document", f"{STATUS_URL}={status}"]

    steps: list[tuple[str, list[str], int]] = [
        ("Create the issuer's signing key (sealed at rest)", ["keys", "new", "-o", str(key)], 0),
        (
            "Create the issuer's revocation list",
            ["status", "new", "--url", STATUS_URL, "--key", str(key), "-o", str(status)],
            0,
        ),
        (
            "Issue the badge to Jürgen and bake it into the PNG",
            [
                "issue",
                str(achievement),
                "--key",
                str(key),
                "--recipient",
                "juergen@example.org",
                "--recipient-name",
                "Jürgen Müller-Lüdenscheidt",
                "--issuer-name",
                "Akademie Beispiel",
                "--issuer-url",
                "https://akademie.example",
                "--status-list",
                STATUS_URL,
                "--status-index",
                "42",
                "--bake",
                str(image),
                "-o",
                str(baked),
            ],
            0,
        ),
        (
            "Verify the baked PNG (offline, with the published list at hand)",
            ["verify", str(baked), "--recipient", "juergen@example.org", *local_status],
            0,
        ),
        ("Revoke it", ["status", "set", str(status), "42", "--key", str(key)], 0),
        ("Verify again: now it must fail", ["verify", str(baked), *local_status], 1),
    ]
    for title, command, expected in steps:
        code = _step(title, command)
        if code != expected:
            print(f"\nThe demo stopped: that step ended with {code}, expected {expected}.")
            return 2
    print(f"\nAll files are in {folder}/. The web workspace demo comes with `microcred demo-web`.")
    return 0
