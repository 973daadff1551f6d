"""Small helpers shared by every test area."""

from __future__ import annotations

import os
import socket

# Throwaway stores and accounts: the cheapest passphrase and password stretching the settings allow
# (the product's costs are checked in tests/test_settings.py). Every process the tests start keeps these.
FAST_HASHING = {
    "SAFESLEEP_KDF_SCRYPT_LOG2_N": "10",
    "SAFESLEEP_ARGON2_TIME_COST": "1",
    "SAFESLEEP_ARGON2_MEMORY_KIB": "8192",
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def settings_free_env(**extra: str) -> dict[str, str]:
    """This environment without SAFESLEEP_* settings (but with the suite's cheap hashing), plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAFESLEEP_") or k in FAST_HASHING}
    env.update(extra)
    return env
