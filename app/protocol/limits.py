"""Every bound of the wire contract, in one place (both sides refuse what exceeds them)."""

from __future__ import annotations

NAME_MAX = 200  # a person's, household's or baby's name
ADDRESS_MAX = 1000
TEXT_MAX = 20_000  # a case note, parents' words, observations, agreed actions, a reason
CODE_MAX = 64  # short codes and versions (action names, guidance versions)
PEOPLE_MAX = 20  # carers, other adults
RECORD_BYTES_MAX = 256 * 1024  # one record's canonical JSON
INT_MAX = 2**31 - 1  # versions (a 32-bit INTEGER on PostgreSQL)
SEQ_MAX = 2**63 - 1  # change-log sequence numbers (BIGINT)
OPS_PER_BATCH_MAX = 1000
PULL_LIMIT_MAX = 5000
PULL_BYTES_MAX = 8 * 1024 * 1024  # a pull page stops early once its payloads reach this
ENTITY_NAME_MAX = 40
GUIDANCE_BYTES_MAX = 1024 * 1024  # a guidance file (the packaged one is about 33 kB)
PAPERS = ("A4", "A5", "Letter", "screen", "phone")
