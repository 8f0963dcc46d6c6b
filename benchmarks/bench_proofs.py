"""Signing and verification throughput for a realistic OB 3.0 credential, per proof format.

The credential is workload.realistic(): the one the core issue defines, or with `--rich` the
fuller sample credential.

Prints credentials per second with 1 process and with 2 processes, for:
  * a batch (one achievement issued to many recipients: how issuing runs), and
  * distinct credentials (every achievement and issuer different: the worst case for caches,
    like a verifier seeing badges from many issuers).

Run: make bench   (or .venv/bin/python benchmarks/bench_proofs.py [--count N])
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import time
from collections.abc import Callable
from typing import Any

from microcred.proofs.canonical import canonicalize
from microcred.proofs.data_integrity import verify_proof
from microcred.proofs.vc_jwt import verify_vc_jwt
from workload import FORMATS, KEY, realistic, sign

RICH = False


def credentials(count: int, *, distinct: bool, offset: int = 0) -> list[dict[str, Any]]:
    return [
        realistic(number, rich=RICH, distinct=distinct) for number in range(offset, offset + count)
    ]


def verify(proof_format: str, secured: Any) -> None:
    if proof_format == "vc-jwt":
        verify_vc_jwt(secured, KEY.public_key)
    else:
        verify_proof(secured, secured["proof"][0], KEY.public_key)


def _rate(count: int, action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return count / (time.perf_counter() - started)


_barrier: Any = None


def _share_barrier(barrier: Any) -> None:
    global _barrier
    _barrier = barrier


def _sign_all(job: tuple[str, int, bool, int, bool]) -> tuple[float, float]:
    global RICH
    proof_format, count, distinct, offset, RICH = job
    batch = credentials(count, distinct=distinct, offset=offset)
    sign(proof_format, credentials(1, distinct=distinct, offset=offset + count)[0])  # warm up
    _barrier.wait()  # both workers start signing together, after imports and warm-up
    started = time.time()
    for credential in batch:
        sign(proof_format, credential)
    return started, time.time()


def one_process(proof_format: str, count: int, distinct: bool) -> tuple[float, float]:
    batch = credentials(count, distinct=distinct)
    warm = sign(proof_format, batch[0])
    verify(proof_format, warm)
    secured: list[Any] = []
    sign_rate = _rate(count, lambda: secured.extend(sign(proof_format, c) for c in batch))
    if distinct:
        # A verifier meets each credential once: fresh copies, nothing left in caches from
        # signing the same documents.
        secured = [sign(proof_format, c) for c in credentials(count, distinct=True, offset=10**6)]
    verify_rate = _rate(count, lambda: [verify(proof_format, s) for s in secured])
    return sign_rate, verify_rate


def two_processes(proof_format: str, count: int, distinct: bool) -> float:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    jobs = [(proof_format, count, distinct, offset, RICH) for offset in (0, 10**7)]
    with context.Pool(2, initializer=_share_barrier, initargs=(barrier,)) as pool:
        spans = pool.map(_sign_all, jobs)
    elapsed = max(end for _, end in spans) - min(start for start, _ in spans)
    return 2 * count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000, help="credentials per measurement")
    parser.add_argument("--rich", action="store_true", help="measure the fuller sample credential")
    arguments = parser.parse_args()
    global RICH
    RICH = arguments.rich
    credential = realistic(0, rich=RICH)
    print(
        f"python {platform.python_version()} on {os.cpu_count()} cores, "
        f"{arguments.count} credentials each, {'rich' if RICH else 'realistic'} credential: "
        f"{len(json.dumps(credential))} bytes of JSON, "
        f"{canonicalize(credential).count(chr(10))} RDF statements"
    )
    print(
        f"{'format':17} {'workload':9} {'sign/s':>8} {'verify/s':>9} "
        f"{'sign/s x2 proc':>15} {'speed-up':>9}"
    )
    for proof_format in FORMATS:
        for distinct in (False, True):
            sign_rate, verify_rate = one_process(proof_format, arguments.count, distinct)
            parallel = two_processes(proof_format, arguments.count, distinct)
            workload = "distinct" if distinct else "batch"
            print(
                f"{proof_format:17} {workload:9} {sign_rate:8.0f} {verify_rate:9.0f} "
                f"{parallel:15.0f} {parallel / sign_rate:8.2f}x"
            )


if __name__ == "__main__":
    main()
