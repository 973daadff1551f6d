"""Errors the store raises; each says what went wrong in words a practitioner can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Base class of every store error."""


class WrongPassphrase(StoreError):
    """The passphrase (or SAFESLEEP_DB_KEY) does not open this store."""

    def __init__(self, message: str = "wrong passphrase: the store could not be unlocked") -> None:
        super().__init__(message)


class StoreDamaged(StoreError):
    """The passphrase is right but the store file cannot be read: it is damaged (never overwritten)."""

    def __init__(self, path: object) -> None:
        super().__init__(
            f"{path}: the store file is damaged and cannot be read (the passphrase is right); "
            "it has not been changed or replaced: keep it and ask your IT support to restore it"
        )


class StoreMissing(StoreError):
    """No store exists in the device data folder yet."""


class StoreAlreadyExists(StoreError):
    """`create_store` was asked to create a store where one already exists."""


class TransactionOpen(StoreError):
    """`begin_write` was called on a session that already has a transaction open."""


class NoWriteTransaction(StoreError):
    """A store write function was called outside a write transaction (use `store.unit_of_work()`)."""


class NotFound(StoreError):
    """No record with that id (or name)."""


class VisitSigned(StoreError):
    """A signed visit cannot be edited: corrections are amendments with a reason."""

    def __init__(self, visit_id: object) -> None:
        super().__init__(
            f"visit {visit_id} is signed and cannot be changed; record an amendment with a reason"
        )
        self.visit_id = visit_id


class RecordError(StoreError, ValueError):
    """A family, baby, note or amendment that cannot be accepted; one `path: message` each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
