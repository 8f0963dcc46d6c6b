"""Status list indexes: unique per list, allocated with the credential, under concurrency too."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection, transaction

from microcred.web.statuslists.allocation import allocate
from microcred.web.statuslists.models import Purpose, StatusList
from tests.web.credentials.helpers import issue_sample


@pytest.mark.django_db
def test_each_purpose_has_its_own_list_and_indexes(make_organization) -> None:
    organization = make_organization()
    with transaction.atomic():
        revocations = [allocate(organization, Purpose.REVOCATION) for _ in range(50)]
        suspensions = [allocate(organization, Purpose.SUSPENSION) for _ in range(50)]
    assert {a.status_list.purpose for a in revocations} == {"revocation"}
    assert {a.status_list.purpose for a in suspensions} == {"suspension"}
    assert len({a.index for a in revocations}) == 50
    assert len({a.index for a in suspensions}) == 50
    assert revocations[0].url.endswith(f"/o/{organization.slug}/status/revocation/1")
    assert suspensions[0].url.endswith(f"/o/{organization.slug}/status/suspension/1")


@pytest.mark.django_db
def test_a_new_list_is_signed_before_anyone_needs_it(make_organization) -> None:
    organization = make_organization()
    with transaction.atomic():
        allocation = allocate(organization, Purpose.REVOCATION)
    stored = StatusList.objects.get(pk=allocation.status_list.pk)
    assert '"BitstringStatusListCredential"' in stored.signed_text
    assert stored.etag


@pytest.mark.django_db
def test_a_rolled_back_issue_gives_its_position_back(make_organization) -> None:
    organization = make_organization()
    with transaction.atomic():
        first = allocate(organization, Purpose.REVOCATION)
    with pytest.raises(RuntimeError), transaction.atomic():
        allocate(organization, Purpose.REVOCATION)
        raise RuntimeError("signing failed")
    with transaction.atomic():
        again = allocate(organization, Purpose.REVOCATION)
    assert StatusList.objects.get(pk=first.status_list.pk).allocated == 2
    assert again.index == first.status_list.index_at(1)


@pytest.mark.django_db
def test_a_full_list_is_followed_by_the_next_one(make_organization) -> None:
    organization = make_organization()
    with transaction.atomic():
        first = allocate(organization, Purpose.REVOCATION)
    StatusList.objects.filter(pk=first.status_list.pk).update(allocated=first.status_list.size)
    with transaction.atomic():
        following = allocate(organization, Purpose.REVOCATION)
    assert following.status_list.sequence == 2
    assert following.url.endswith("/status/revocation/2")


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_run_outside_a_transaction(make_organization) -> None:
    organization = make_organization()
    with pytest.raises(RuntimeError, match="inside the transaction"):
        allocate(organization, Purpose.REVOCATION)


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_never_share_an_index(make_organization) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locks and real concurrency are tested on PostgreSQL")
    organization = make_organization()
    workers, per_worker = 8, 6
    errors: list[BaseException] = []
    start = threading.Barrier(workers)

    def issue_some() -> None:
        try:
            start.wait()
            for _ in range(per_worker):
                issue_sample(organization)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue_some) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    credentials = list(organization.credentials.all())
    assert len(credentials) == workers * per_worker
    for field in ("revocation", "suspension"):
        entries = Counter(
            (getattr(c, f"{field}_list_id"), getattr(c, f"{field}_index")) for c in credentials
        )
        assert max(entries.values()) == 1
    lists = StatusList.objects.filter(organization=organization)
    assert sorted(lists.values_list("purpose", "allocated")) == [
        ("revocation", workers * per_worker),
        ("suspension", workers * per_worker),
    ]
