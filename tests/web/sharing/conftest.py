from __future__ import annotations

import pytest

from tests.web.credentials.helpers import issue_sample


@pytest.fixture
def credential(make_organization):
    return issue_sample(make_organization(), suspension=False)
