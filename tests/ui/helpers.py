"""Constants shared by the UI tests."""

PASSPHRASE = "correct horse battery"
