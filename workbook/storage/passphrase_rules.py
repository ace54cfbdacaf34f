"""What a new passphrase must be, and how strong it is, said in plain words.

A stolen copy of the folder can be guessed at offline, about a guess every half second with our
key settings. Length alone is not enough: the passwords everyone picks first are tried first,
so they are refused (see :mod:`workbook.storage.weak_passwords`), and so is the person's own name.
"""

from __future__ import annotations

import math
import re
import unicodedata

from workbook.errors import InvalidInput
from workbook.storage.cipher import MIN_PASSPHRASE
from workbook.storage.weak_passwords import COMMON

_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")
EXAMPLE = "A few words you will remember work well, like 'blue kettle on sunday'."


def _letters(text: str) -> str:
    """Lower case, accents and spaces kept: what is compared with the list and the name."""
    return unicodedata.normalize("NFC", text).casefold()


def _base(text: str) -> str:
    """Digits and symbols stripped from both ends: "Password1!" becomes "password"."""
    return _EDGES.sub("", _letters(text)).replace(" ", "")


def is_common(passphrase: str) -> bool:
    """Whether it is one of the most common passwords, give or take digits and symbols."""
    whole = _letters(passphrase).replace(" ", "")
    return whole in COMMON or _base(passphrase) in COMMON


def uses_name(passphrase: str, name: str | None) -> bool:
    """Whether it is the person's name (or a part of it), give or take digits and symbols."""
    if not name:
        return False
    base = _base(passphrase)
    parts = {_letters(p) for p in re.split(r"[\s.\-_']+", name) if len(p) >= 3}
    parts.add(_letters(name).replace(" ", ""))
    return any(base == part or base.replace(part, "") == "" for part in parts if part)


def check_new_passphrase(passphrase: str, name: str | None = None) -> None:
    """Refuse a passphrase that protects little, kindly; nothing is changed when refused."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters. {EXAMPLE}"
        )
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput("That passphrase has a character that cannot be used.") from None
    if is_common(passphrase):
        raise InvalidInput(
            "That is one of the passwords people choose most often, so it is among the first "
            f"anyone would try. Please choose another. {EXAMPLE}"
        )
    if uses_name(passphrase, name):
        raise InvalidInput(
            "That passphrase is built on the workbook's name, which anyone at the picker can "
            f"see. Please choose another. {EXAMPLE}"
        )


def strength(passphrase: str) -> str:
    """How strong a passphrase is, in one plain sentence (a rough guide, never a promise)."""
    bits = _rough_bits(passphrase)
    if bits < 45:
        return (
            "This passphrase is on the weak side: someone with a copy of the folder could guess "
            "it with time. Adding a word or two makes it much stronger."
        )
    if bits < 65:
        return "This passphrase is fairly strong. One more word would make it stronger still."
    return "This passphrase is strong."


def _rough_bits(passphrase: str) -> float:
    """A rough guess at its strength: words count as words, other text by its kinds of
    characters. Deliberately modest; it only chooses between the three sentences above."""
    words = [w for w in re.split(r"\s+", passphrase.strip()) if w]
    if len(words) >= 3:
        return len(words) * 13.0 + max(0, len(passphrase) - 6 * len(words)) * 1.0
    pool = 0
    if re.search(r"[a-z]", passphrase):
        pool += 26
    if re.search(r"[A-Z]", passphrase):
        pool += 26
    if re.search(r"\d", passphrase):
        pool += 10
    if re.search(r"[^a-zA-Z\d]", passphrase):
        pool += 20
    # Real passwords are far from random: count half of what a random string would give.
    return len(passphrase) * math.log2(max(pool, 2)) / 2
