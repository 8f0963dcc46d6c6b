"""What one verification run carries along: the fetcher, the clock, the key resolver, the lines.

Nested documents (an endorsement inside a credential, the status list credential a credential
points to) are verified with a child run that shares the fetcher, the clock and the resolver
but collects its own lines, and knows how deep it is so that nesting stays bounded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from microcred.verifier.fetcher import Fetcher
from microcred.verifier.issuer_keys import KeyResolver
from microcred.verifier.messages import say
from microcred.verifier.report import Check, Outcome

# A credential, its endorsements, their status lists: deeper than this is refused.
MAX_DEPTH: Final = 3


@dataclass
class Run:
    fetcher: Fetcher
    now: datetime
    keys: KeyResolver
    recipient: str | None = None
    depth: int = 0
    checks: list[Check] = field(default_factory=list)

    def add(
        self,
        code: str,
        outcome: Outcome,
        sentence: str,
        details: Mapping[str, Any] | None = None,
        /,
        **values: Any,
    ) -> Check:
        """Append a line whose message is the catalog sentence ``sentence``."""
        check = Check(code, outcome, say(sentence, **values), dict(details or {}))
        self.checks.append(check)
        return check

    def child(self) -> Run:
        """A run for a nested document: same fetcher, clock and keys; no recipient."""
        return Run(self.fetcher, self.now, self.keys, None, self.depth + 1)

    def outcomes(self) -> set[Outcome]:
        return {check.outcome for check in self.checks}
