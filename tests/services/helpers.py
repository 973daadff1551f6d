"""Shared values for the service tests."""

PASSPHRASE = "correct horse battery"
