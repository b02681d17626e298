"""Bayeux channel names and subscription wildcards, as functions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.simulator.bayeux import channel_matches, valid_channel


@pytest.mark.parametrize("pattern,channel,expected", [
    ("/v2/me/*", "/v2/me/outbound", True),
    ("/v2/me/*", "/v2/me/devices", True),
    ("/v2/me/*", "/v2/me", False),
    ("/v2/me/*", "/v2/me/a/b", False),
    ("/v2/me/**", "/v2/me/a/b", True),
    ("/v2/me/**", "/v2/meat", False),
    ("/v2/*", "/v2/me/outbound", False),
    ("/**", "/me/internal", True),
    ("/v2/me/outbound", "/v2/me/outbound", True),
    ("/v2/me/outbound", "/v2/me/outbounds", False),
])
def test_channel_matches(pattern, channel, expected):
    assert channel_matches(pattern, channel) is expected


segment = st.text(alphabet="abcxyz0-_", min_size=1, max_size=5)


@given(st.lists(segment, min_size=1, max_size=4), st.lists(segment, min_size=0, max_size=4))
def test_wildcards_match_by_segment_count(prefix, rest):
    base = "/" + "/".join(prefix)
    channel = base + "".join("/" + s for s in rest)
    assert channel_matches(base + "/*", channel) is (len(rest) == 1)
    assert channel_matches(base + "/**", channel) is (len(rest) >= 1)


@pytest.mark.parametrize("name,wildcard,expected", [
    ("/v2/me/outbound", False, True), ("/v2/me/*", True, True), ("/v2/me/**", True, True),
    ("/v2/me/*", False, False), ("/v2/*/x", True, False), ("/v2/me/*x", True, False),
    ("/", False, False), ("v2", False, False), ("/v2//me", False, False), (7, False, False),
])
def test_valid_channel(name, wildcard, expected):
    assert valid_channel(name, allow_wildcard=wildcard) is expected
