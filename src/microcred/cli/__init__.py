"""The `microcred` command: keys, issuing, baking, status lists and verification, offline.

Command modules import the heavy parts (pyld, cryptography, Pillow, the verifier) inside their
handlers, so that `microcred --help` and every command start without loading all of them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from microcred import __version__
from microcred.cli import bake, demo, issue, keys, status, verify
from microcred.cli.common import CommandError
from microcred.web import commands as web

EXIT_OK = 0
EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="microcred",
        description="Issue, bake and verify Open Badges 3.0 credentials.",
    )
    parser.add_argument("--version", action="version", version=f"microcred {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (keys, issue, bake, status, verify, demo, web):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        return int(arguments.handler(arguments) or EXIT_OK)
    except (CommandError, ValueError, OSError) as error:
        print(f"microcred: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
