"""Device tokens and enrolment codes: random secrets of which the server keeps only hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 12  # 60 bits; single use and valid for minutes


def new_token() -> str:
    """A device token: 32 random bytes, URL-safe text. Shown once, never stored."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def tokens_match(stored_hash: str, token: str) -> bool:
    """Constant-time comparison of a stored hash with the hash of a presented token."""
    return hmac.compare_digest(stored_hash.encode(), token_hash(token).encode())


def new_enrolment_code() -> str:
    """A one-time code a person can type: XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()
