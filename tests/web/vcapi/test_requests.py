"""Reading VC API request bodies: any JSON gets an answer or a Problem, never another error."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from microcred.web.vcapi.problems import Problem
from microcred.web.vcapi.requests import check_credential, options_of
from microcred.web.vcapi.status_updates import requested_changes

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=15,
)
KEYS = st.sampled_from(
    ["@context", "type", "issuer", "credentialSubject", "id", "validFrom", "proof", "name"]
)
STATUS_KEYS = st.sampled_from(["credentialId", "credentialStatus", "status", "statusPurpose"])


def answers(function: Any, value: Any) -> None:
    try:
        function(value)
    except Problem as problem:
        assert problem.status == 400 and problem.detail


@given(st.dictionaries(KEYS, JSON) | JSON)
def test_any_credential_is_checked_or_refused(value: Any) -> None:
    answers(check_credential, value)


@given(st.dictionaries(STATUS_KEYS, JSON | st.dictionaries(STATUS_KEYS, JSON)))
def test_any_status_request_is_read_or_refused(value: Any) -> None:
    answers(requested_changes, value)


@given(st.dictionaries(st.just("options"), JSON))
def test_any_options_are_read_or_refused(value: Any) -> None:
    answers(lambda body: options_of(body, {"credentialId"}), value)
