"""Unlock: passphrase to an open, validated 10-year encrypted workbook (key derivation included)."""

from __future__ import annotations

import statistics
import time

from workbook.demo import build_demo
from workbook.storage import DataRoot, crypto

PASS = "blue kettle on sunday"


def measure(root: DataRoot, runs: int = 7) -> dict[str, float]:
    card = build_demo(root, years=10, seed=2)
    card, _code = root.add_passphrase(card, PASS)
    folder = root.files(card).folder
    totals, kdfs = [], []
    for _ in range(runs):
        start = time.perf_counter()
        codec = root.unlock(card, PASS)
        kdfs.append(time.perf_counter() - start)
        repo = root.open(card, codec=codec)
        repo.close()
        totals.append(time.perf_counter() - start)
    assert crypto.has_keys(folder)
    return {"median_s": statistics.median(totals), "kdf_s": statistics.median(kdfs)}
