"""The issuer workspace: a Django project with one app per area, on top of the credential core.

The core (``microcred.openbadges``, ``proofs``, ``status``, ``baking``, ``verifier``) never
imports anything from here; this package turns HTTP requests and database rows into calls
to it.
"""
