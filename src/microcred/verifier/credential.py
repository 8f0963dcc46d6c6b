"""All checks of one Verifiable Credential, in the order a person reads them.

Used for the credential being verified and, in a child run, for what it carries or points to:
its endorsements and its status list credential. ``what`` says which of the three it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from microcred.proofs.vc_jwt import VcJwt
from microcred.verifier.context import MAX_DEPTH, Run
from microcred.verifier.dates import check_window
from microcred.verifier.embedded_proofs import check_embedded_proofs
from microcred.verifier.fields import contexts_of
from microcred.verifier.jwt_proof import check_jwt
from microcred.verifier.ob3 import VC_V1, check_structure
from microcred.verifier.schema import check_schemas


def check_vc(
    run: Run, credential: Mapping[str, Any], *, what: str = "credential", jwt: VcJwt | None = None
) -> None:
    check_structure(run, credential, what=what)
    if what != "status_list":
        check_schemas(run, credential)
    if jwt is not None:
        check_jwt(run, jwt, what=what)
    else:
        check_embedded_proofs(run, credential, what=what)
    v1 = contexts_of(credential)[:1] == [VC_V1]
    check_window(
        run,
        credential.get("issuanceDate" if v1 else "validFrom"),
        credential.get("expirationDate" if v1 else "validUntil"),
        from_name="issuanceDate" if v1 else "validFrom",
        until_name="expirationDate" if v1 else "validUntil",
        what=what,
    )
    if what == "status_list":
        return
    # Imported here: both verify nested credentials through check_vc.
    from microcred.verifier.endorsements import check_endorsements
    from microcred.verifier.recipient import check_recipient
    from microcred.verifier.status import check_status

    check_status(run, credential, what=what)
    if what == "credential":
        check_recipient(run, credential)
        if run.depth < MAX_DEPTH:
            check_endorsements(run, credential)
