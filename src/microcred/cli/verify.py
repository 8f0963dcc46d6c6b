"""`microcred verify`: any badge in, a verdict with its reasons out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from microcred.cli.common import CommandError

if TYPE_CHECKING:
    from microcred.verifier.fetcher import Fetcher

# By the verdict's value, so that `--help` does not import the verifier.
EXIT_CODES: Final = {"valid": 0, "invalid": 1, "indeterminate": 2}


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "verify",
        help="verify a badge: file, URL, JWT or QR text",
        description="Verify an Open Badges credential (OB 3.0 with any proof, OB 2.0 hosted or "
        "signed) given as a file (JSON, JWT, baked PNG/SVG), a URL, '-' for standard input, "
        "or the text itself. Exit status: 0 valid, 1 invalid, 2 indeterminate or error.",
    )
    parser.add_argument("input", metavar="INPUT")
    parser.add_argument("--recipient", metavar="EMAIL_OR_DID", help="whom it should belong to")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--offline",
        action="store_true",
        help="never use the network; checks that need it are reported as not made",
    )
    parser.add_argument(
        "--with-document",
        action="append",
        default=[],
        metavar="URL=FILE",
        help="answer requests for URL with a local FILE (a status list, a DID document…); "
        "repeatable, and works with --offline",
    )
    parser.add_argument("--language", choices=["en", "de"], default="en", help="report language")
    parser.set_defaults(handler=verify)


def _given(text: str) -> Any:
    if text == "-":
        return sys.stdin.buffer.read()
    path = Path(text)
    # Anything that is not an existing file is taken as the badge itself (URL, JWT, JSON).
    return path if path.is_file() else text


def _fetcher(arguments: argparse.Namespace) -> Fetcher:
    from microcred.verifier.fetcher import OfflineFetcher, StaticFetcher
    from microcred.verifier.http_fetcher import HttpFetcher

    network: Fetcher = OfflineFetcher() if arguments.offline else HttpFetcher()
    if not arguments.with_document:
        return network
    files: dict[str, str] = {}
    for pair in arguments.with_document:
        url, separator, path = pair.partition("=")
        if not separator or not url or not Path(path).is_file():
            raise CommandError(
                f"--with-document wants URL=FILE with an existing file, not {pair!r}."
            )
        files[url] = path
    return StaticFetcher.from_files(files, fallback=network)


def verify(arguments: argparse.Namespace) -> int:
    from microcred.verifier.pipeline import verify as verify_badge

    fetcher = _fetcher(arguments)
    report = verify_badge(_given(arguments.input), fetcher=fetcher, recipient=arguments.recipient)
    if arguments.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(report.render_text(arguments.language))
    return EXIT_CODES[report.verdict.value]
