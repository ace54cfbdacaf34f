"""Helpers shared by the privacy tests: fast key settings and an encrypted profile."""

from __future__ import annotations

from workbook.models import Profile, ProfileCard
from workbook.storage import DataRoot
from workbook.storage.crypto import KdfParams

FAST = KdfParams(memory_kib=8, iterations=1, lanes=1)
"""Argon2id at its smallest, so tests are quick; the real settings live in the key file."""

PASS = "blue kettle on sunday"


def make_private(
    root: DataRoot, name: str = "Sam", passphrase: str = PASS
) -> tuple[ProfileCard, str]:
    """An encrypted profile with fast key settings; returns its card and recovery code."""
    card, code = root.create_private(Profile(display_name=name), passphrase, kdf=FAST)
    assert code is not None
    return card, code
