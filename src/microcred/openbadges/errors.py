"""The one exception the Open Badges model raises for anything it cannot accept."""

from __future__ import annotations


class ModelError(ValueError):
    """A value, or a JSON document, that is not a valid Open Badges 3.0 object.

    ``path`` names the offending place in JSON terms (``achievement.alignment[2].targetUrl``)
    so that a person editing an achievement file can find it.
    """

    def __init__(self, message: str, *, path: str = "") -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.message = message
        self.path = path

    def at(self, path: str) -> ModelError:
        """The same error, located under ``path`` (inner locations are kept)."""
        if not path:
            return self
        return ModelError(self.message, path=f"{path}.{self.path}" if self.path else path)
