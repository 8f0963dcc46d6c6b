"""People: sign-up, login, logout and password reset, with the e-mail address as login name."""
