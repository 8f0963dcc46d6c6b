"""Throughput of the whole verifier, `microcred.verifier.verify()`, without a network.

The issuer's did:web document and its signed revocation list are served from memory (a
StaticFetcher), so every check runs: format, structure, issuer key, proof, dates, status list
(itself verified). Prints verified credentials per second per proof format, for a batch of one
achievement and for distinct credentials, with the raw proof check alone beside it.

Run: make bench   (or .venv/bin/python benchmarks/bench_verify.py [--count N] [--rich])
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable, Sequence
from typing import Any

from microcred.proofs.data_integrity import verify_proof
from microcred.proofs.vc_jwt import verify_vc_jwt
from microcred.verifier import verify
from microcred.verifier.fetcher import StaticFetcher
from workload import FORMATS, KEY, published_documents, realistic, sign


def rate(items: Sequence[Any], work: Callable[[Any], object]) -> float:
    started = time.perf_counter()
    for item in items:
        work(item)
    return len(items) / (time.perf_counter() - started)


def raw_check(proof_format: str, secured: Any) -> None:
    if proof_format == "vc-jwt":
        verify_vc_jwt(secured, KEY.public_key)
    else:
        verify_proof(secured, secured["proof"][0], KEY.public_key)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000, help="credentials per measurement")
    parser.add_argument("--rich", action="store_true", help="the fuller sample credential")
    arguments = parser.parse_args()
    fetcher = StaticFetcher(published_documents())
    print(f"python {platform.python_version()}, {arguments.count} credentials each, no network")
    print(f"{'format':17} {'workload':9} {'verify()/s':>11} {'proof only/s':>13}")
    for proof_format in FORMATS:
        for distinct in (False, True):
            batch = [
                sign(proof_format, realistic(n, rich=arguments.rich, distinct=distinct))
                for n in range(arguments.count)
            ]
            report = verify(batch[0], fetcher=fetcher)
            if not report.valid:
                raise SystemExit(
                    f"the benchmark credential does not verify:\n{report.render_text()}"
                )
            if distinct:
                # Fresh credentials for the timed run: nothing left in caches from signing.
                batch = [
                    sign(proof_format, realistic(n, rich=arguments.rich, distinct=True))
                    for n in range(10**6, 10**6 + arguments.count)
                ]
            whole = rate(batch, lambda item: verify(item, fetcher=fetcher))
            proof = rate(batch, lambda item, f=proof_format: raw_check(f, item))
            workload = "distinct" if distinct else "batch"
            print(f"{proof_format:17} {workload:9} {whole:11.0f} {proof:13.0f}", flush=True)


if __name__ == "__main__":
    main()
