"""The applicant's link between a task's tries: sealed with Airflow's Fernet key, or not kept."""

from __future__ import annotations

import pytest
from airflow.sdk.crypto import _NullFernet, get_fernet
from cryptography.fernet import Fernet

from idv_provider import sealed
from idv_provider.sealed import open_link, seal_link

LINK = "https://verify.example.test/session/abc?token=secret"


def test_a_link_is_sealed_and_opened_with_the_deployment_s_key():
    token = seal_link(LINK)
    assert token and LINK not in token and "secret" not in token
    assert open_link(token) == LINK
    assert seal_link(None) is None and open_link(None) is None


def test_without_a_fernet_key_the_link_is_never_kept(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sealed, "get_fernet", _NullFernet)
    assert seal_link(LINK) is None
    # a token sealed earlier is not handed back as if it were the link
    assert open_link(get_fernet().encrypt(LINK.encode()).decode()) is None


def test_a_token_of_another_key_opens_to_nothing():
    other = Fernet(Fernet.generate_key()).encrypt(LINK.encode()).decode()
    assert open_link(other) is None
    assert open_link("not a token") is None
