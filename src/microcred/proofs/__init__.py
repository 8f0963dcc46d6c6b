"""Keys, identifiers, canonicalization and proofs (Data Integrity and VC-JWT)."""
