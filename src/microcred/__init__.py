"""microcred: self-hostable micro-credentials on Open Badges 3.0."""

__version__ = "0.1.0"
