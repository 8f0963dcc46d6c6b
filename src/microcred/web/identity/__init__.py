"""Each organization's did:web identifier, its DID document, and its sealed signing keys."""
