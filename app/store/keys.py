"""Turning the practitioner's passphrase into the 256-bit SQLCipher key.

KDF: scrypt (hashlib.scrypt) with n=2**15 (settings: kdf_scrypt_log2_n), r=8, p=1 and a random
16-byte salt, giving a raw 32-byte key. The salt and parameters live beside the database in
`store.kdf.json` (not secret).
SQLCipher is then given the raw key (`PRAGMA key = "x'..'"`), so its own PBKDF2 (256,000
iterations per open) is not paid a second time. scrypt at these settings costs about 32 MiB of
memory and roughly 0.1 s per unlock on a 2-core machine (see tests/bench/store.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from app.settings import get_settings
from app.store.errors import StoreError

KDF_FILE = "store.kdf.json"
SCRYPT_R = 8
SCRYPT_P = 1
KEY_BYTES = 32


def new_kdf_params() -> dict[str, Any]:
    return {
        "kdf": "scrypt",
        "n": 2 ** get_settings().kdf_scrypt_log2_n,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": secrets.token_hex(16),
        "dklen": KEY_BYTES,
    }


def derive_key(passphrase: str, params: dict[str, Any]) -> bytes:
    """The raw SQLCipher key for `passphrase` under the stored KDF parameters."""
    if params.get("kdf") != "scrypt":
        raise StoreError(f"{KDF_FILE}: kdf must be scrypt, found {params.get('kdf')!r}")
    n, r, p = int(params["n"]), int(params["r"]), int(params["p"])
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=bytes.fromhex(params["salt"]),
        n=n,
        r=r,
        p=p,
        dklen=int(params["dklen"]),
        maxmem=256 * r * n + 1024 * 1024,
    )


def key_check(key: bytes) -> str:
    """A value that tells a right key from a wrong one without opening the database."""
    return hmac.new(key, b"safesleep store key check", hashlib.sha256).hexdigest()


def key_matches(key: bytes, params: dict[str, Any]) -> bool | None:
    """True/False when the side file holds a check value (stores made since it exists), else None."""
    stored = params.get("check")
    return None if not isinstance(stored, str) else hmac.compare_digest(stored, key_check(key))


def write_kdf_params(home: Path, params: dict[str, Any]) -> None:
    """Write the KDF side file atomically (fsynced, 0600) before the database is created."""
    target = home / KDF_FILE
    tmp = target.with_suffix(".tmp")
    with open(os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600), "w", encoding="utf-8") as fh:
        json.dump(params, fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)


def read_kdf_params(home: Path) -> dict[str, Any]:
    path = home / KDF_FILE
    try:
        params: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(
            f"{path}: missing; the encrypted store cannot be unlocked without its salt file"
        ) from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: unreadable ({exc})") from None
    missing = [k for k in ("kdf", "n", "r", "p", "salt", "dklen") if k not in params]
    if missing:
        raise StoreError(f"{path}: missing {', '.join(missing)}")
    return params
