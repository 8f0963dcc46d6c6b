"""The live verdict of a stored credential, as a stranger's verifier would reach it.

The core verifier runs on the stored signed text with a fetcher that answers this
instance's own URLs (DID document, status lists) from the database and refuses all others,
so a revocation shows the moment its list is re-signed. One fetcher serves the process: the
core remembers a verified status list per fetcher and list bytes, so pages do not re-check an
unchanged list's signature on every view (the list's bits are read fresh every time).
"""

from __future__ import annotations

from typing import Final

from microcred.verifier import VerificationReport, verify
from microcred.web.credentials.models import IssuedCredential
from microcred.web.verify.local import InstanceFetcher

LOCAL_FETCHER: Final = InstanceFetcher()


def live_report(credential: IssuedCredential) -> VerificationReport:
    return verify(credential.signed_text, fetcher=LOCAL_FETCHER)
