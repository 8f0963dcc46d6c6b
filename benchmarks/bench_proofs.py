"""Signing and verification throughput for a realistic OB 3.0 credential, per proof format.

The "realistic" credential is the one the core issue defines: an issuer profile with name,
url and image; an achievement with criteria, description, image, 3 alignments and a result
description; a status entry; the recipient's e-mail as a salted hash. `--rich` measures the
fuller sample of `microcred.openbadges.samples` instead (evidence, results, address, credits,
tags, credentialSchema: about twice the statements).

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

from microcred.openbadges.achievement import Achievement
from microcred.openbadges.award import Recipient, award
from microcred.openbadges.image import Image
from microcred.openbadges.profile import Profile
from microcred.openbadges.samples import realistic_achievement, realistic_credential
from microcred.proofs.canonical import canonicalize
from microcred.proofs.data_integrity import add_proof, verify_proof
from microcred.proofs.keys import KeyPair
from microcred.proofs.vc_jwt import sign_vc_jwt, verify_vc_jwt
from microcred.status import status_list_entry

KEY = KeyPair.from_secret_multikey("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq")
METHOD = "did:web:badges.example.org:issuers:acme#key-1"
FORMATS = ("eddsa-rdfc-2022", "eddsa-jcs-2022", "vc-jwt")


RICH = False


def realistic(number: int) -> dict[str, Any]:
    recipient = f"learner{number}@example.org"
    if RICH:
        return realistic_credential(recipient_email=recipient, status_list_index=number)
    full = realistic_achievement()
    achievement = Achievement(
        id=full.id,
        achievement_type=full.achievement_type,
        name=full.name,
        description=full.description,
        criteria=full.criteria,
        image=full.image,
        alignment=full.alignment,
        result_description=full.result_description,
    )
    issuer = Profile(
        id="did:web:badges.example.org:o:acme",
        name="Weiterbildungszentrum Nord",
        url="https://badges.example.org",
        image=Image(id="https://badges.example.org/media/logo.png"),
    )
    status = status_list_entry(
        "https://badges.example.org/o/acme/status/revocation/1", number, "revocation"
    )
    return award(
        achievement, issuer, Recipient(email=recipient), credential_status=status
    ).to_json()


def credentials(count: int, *, distinct: bool, offset: int = 0) -> list[dict[str, Any]]:
    made = []
    for number in range(offset, offset + count):
        credential = realistic(number)
        if distinct:
            credential["issuer"]["name"] = f"Issuer {number}"
            credential["credentialSubject"]["achievement"]["name"] = f"Achievement {number}"
        made.append(credential)
    return made


def sign(proof_format: str, credential: dict[str, Any]) -> Any:
    if proof_format == "vc-jwt":
        return sign_vc_jwt(credential, KEY, kid=METHOD)
    return add_proof(credential, KEY, METHOD, cryptosuite=proof_format)


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
    credential = realistic(0)
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
