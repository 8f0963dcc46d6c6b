"""A keyed shuffle of a status list's positions, so indexes are handed out in random-looking order.

The Bitstring Status List spec asks issuers to assign indexes randomly: a credential's index
must not tell how many were issued before it, nor link credentials issued together. Drawing
random numbers and retrying on collisions gets slow as a list fills and needs care under
concurrency; instead the n-th allocation of a list gets ``permute(n)``, where ``permute`` is a
bijection of ``[0, size)`` chosen by the list's secret key. Distinct positions can never
collide, and without the key the order looks random.

The bijection is a small Feistel network (HMAC-SHA256 as round function) over the smallest
even number of bits that covers ``size``, restricted to ``[0, size)`` by cycle-walking.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

ROUNDS: Final = 6


class IndexPermutation:
    __slots__ = ("_half_bits", "_key", "_mask", "size")

    def __init__(self, key: bytes, size: int) -> None:
        if size < 2:
            raise ValueError("a permutation needs at least two positions")
        if len(key) < 16:
            raise ValueError("a permutation key has at least 16 bytes")
        bits = max(2, (size - 1).bit_length())
        self._half_bits = (bits + 1) // 2
        self._mask = (1 << self._half_bits) - 1
        self._key = key
        self.size = size

    def __call__(self, position: int) -> int:
        if not 0 <= position < self.size:
            raise ValueError(f"position {position} is outside 0..{self.size - 1}")
        value = self._feistel(position)
        # Cycle-walking: the network permutes a slightly larger domain; stepping again until
        # the value falls inside keeps the mapping a bijection of [0, size).
        while value >= self.size:
            value = self._feistel(value)
        return value

    def _feistel(self, value: int) -> int:
        left, right = value >> self._half_bits, value & self._mask
        for round_number in range(ROUNDS):
            left, right = right, left ^ self._round(round_number, right)
        return (left << self._half_bits) | right

    def _round(self, round_number: int, half: int) -> int:
        message = round_number.to_bytes(1, "big") + half.to_bytes(4, "big")
        digest = hmac.new(self._key, message, hashlib.sha256).digest()
        return int.from_bytes(digest[:4], "big") & self._mask
