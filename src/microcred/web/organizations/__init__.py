"""Organizations (issuer profiles), their members and roles, invitations, the switcher."""
