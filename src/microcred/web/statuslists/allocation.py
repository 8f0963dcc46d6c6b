"""Handing out status list indexes, inside the transaction that stores the credential.

Per organization and purpose there is one open list at a time. Allocating locks that list's
row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's IMMEDIATE transactions serialize
writers already), takes the next position and maps it through the list's keyed permutation,
so two credentials never share an index, even when issued at the same moment by different
processes. If the transaction rolls back, the position is given back with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction

from microcred.web.organizations.models import Organization
from microcred.web.statuslists.models import StatusList
from microcred.web.statuslists.publishing import list_url, publish


@dataclass(frozen=True)
class Allocation:
    status_list: StatusList
    index: int

    @property
    def url(self) -> str:
        return list_url(
            self.status_list.organization, self.status_list.purpose, self.status_list.sequence
        )


def allocate(organization: Organization, purpose: str) -> Allocation:
    """The next free index of the organization's open list for ``purpose``."""
    if not connection.in_atomic_block:
        # Outside a transaction the lock would end at once and the index could be lost.
        raise RuntimeError("allocate() must run inside the transaction that stores the credential")
    while True:
        current = (
            StatusList.objects.select_for_update()
            .filter(organization=organization, purpose=purpose)
            .order_by("-sequence")
            .first()
        )
        if current is not None and not current.is_full:
            break
        current = _open_list(organization, purpose, 1 if current is None else current.sequence + 1)
        if current is not None:
            break
    index = current.index_at(current.allocated)
    current.allocated += 1
    current.save(update_fields=["allocated"])
    current.organization = organization
    return Allocation(current, index)


def _open_list(organization: Organization, purpose: str, sequence: int) -> StatusList | None:
    """A new, signed, empty list; None if a concurrent transaction opened it first."""
    status_list = StatusList(organization=organization, purpose=purpose, sequence=sequence)
    publish(status_list)
    try:
        with transaction.atomic():
            status_list.save()
    except IntegrityError:
        # The other transaction's list is committed now (PostgreSQL waited for it on the
        # unique index); the loop locks and uses it.
        return None
    return status_list
