"""Storage: the only package that touches TinyDB, files on disk, locks and raw documents.

Everything above it works with :class:`Repository` and pydantic models.
"""

from workbook.storage.backups import Backup, list_backups
from workbook.storage.codec import Codec, CorruptData, PlainCodec
from workbook.storage.migrations import SCHEMA_VERSION
from workbook.storage.profiles import DataRoot
from workbook.storage.repository import Repository
from workbook.storage.store import ProfileFiles, Store, open_store

__all__ = [
    "SCHEMA_VERSION",
    "Backup",
    "Codec",
    "CorruptData",
    "DataRoot",
    "PlainCodec",
    "ProfileFiles",
    "Repository",
    "Store",
    "list_backups",
    "open_store",
]
