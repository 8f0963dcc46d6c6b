"""Open Badges 3.0 documents: the model, its JSON-LD contexts and OB 2.0 legacy forms."""
