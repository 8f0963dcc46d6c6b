"""Which IP addresses a verifier may connect to: public unicast ones only (the SSRF guard).

A credential names URLs chosen by whoever made it; fetching them from inside a server must not
reach the server's own network (databases, cloud metadata at 169.254.169.254, admin ports).
IPv6 forms that carry an IPv4 address (IPv4-mapped, 6to4, Teredo, NAT64) are judged by the
IPv4 address inside them.
"""

from __future__ import annotations

import ipaddress
from typing import Final

type IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64: Final = (
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("64:ff9b:1::/48"),
)


def parse_address(text: str) -> IPAddress | None:
    """The address in ``text`` (zone index dropped), or None if it is not an IP literal."""
    try:
        return ipaddress.ip_address(text.partition("%")[0])
    except ValueError:
        return None


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address that is not special in any way."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded:
            return all(is_public(inner) for inner in embedded)
    return (
        address.is_global
        and not address.is_private
        and not address.is_loopback
        and not address.is_link_local
        and not address.is_multicast
        and not address.is_reserved
        and not address.is_unspecified
    )


def _embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
    if address.ipv4_mapped is not None:
        return (address.ipv4_mapped,)
    if address.sixtofour is not None:
        return (address.sixtofour,)
    if address.teredo is not None:
        # (server, client): traffic passes through both.
        return address.teredo
    for network in _NAT64:
        if address in network:
            return (ipaddress.IPv4Address(int(address) & 0xFFFFFFFF),)
    return ()
