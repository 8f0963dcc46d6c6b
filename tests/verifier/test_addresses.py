"""The SSRF guard's judgement of addresses: only public unicast ones may be contacted."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.verifier.addresses import is_public, parse_address

REFUSED = [
    "127.0.0.1",
    "127.255.0.9",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",  # noqa: S104
    "224.0.0.1",
    "239.255.255.250",
    "255.255.255.255",
    "240.0.0.1",
    "192.0.2.1",
    "198.18.0.1",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "ff0e::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "2002:7f00:1::1",  # 6to4 around 127.0.0.1
    "2002:a00:1::1",  # 6to4 around 10.0.0.1
    "64:ff9b::7f00:1",  # NAT64 around 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 around 169.254.169.254
    "2001:0:4136:e378:8000:63bf:f5ff:fffe",  # Teredo, client 10.0.0.1
    "2001:db8::1",
]

ALLOWED = ["93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]


@pytest.mark.parametrize("text", REFUSED)
def test_it_refuses_private_local_and_special_addresses(text: str) -> None:
    address = parse_address(text)
    assert address is not None
    assert not is_public(address)


@pytest.mark.parametrize("text", ALLOWED)
def test_it_allows_public_unicast_addresses(text: str) -> None:
    address = parse_address(text)
    assert address is not None
    assert is_public(address)


def test_it_reads_ip_literals_only() -> None:
    assert parse_address("example.org") is None
    assert parse_address("fe80::1%eth0") == ipaddress.ip_address("fe80::1")


@given(st.ip_addresses())
def test_every_private_ipv4_address_is_refused_in_every_ipv6_wrapping(address: object) -> None:
    if isinstance(address, ipaddress.IPv4Address) and not is_public(address):
        mapped = ipaddress.IPv6Address(f"::ffff:{address}")
        nat64 = ipaddress.IPv6Address(int(ipaddress.IPv6Address("64:ff9b::")) | int(address))
        sixtofour = ipaddress.IPv6Address((0x2002 << 112) | (int(address) << 80) | 1)
        assert not is_public(mapped) and not is_public(nat64) and not is_public(sixtofour)
