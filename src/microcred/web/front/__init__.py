"""The pages outside any organization: home, language switch, errors, health check."""
