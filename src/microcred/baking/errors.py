"""The one kind of failure baking reports: an image or credential refused, with a sentence."""

from __future__ import annotations


class BakingError(ValueError):
    """An image that cannot be baked or unbaked, with the reason in a sentence."""


class NoCredentialError(BakingError):
    """A readable image that carries no baked credential."""
