"""Run every benchmark and print a table: ``python bench/run.py [--quick]``.

Not part of the test run. Results, with the machine and date, go in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import cache_bytecode

cache_bytecode()  # before the app's modules are imported below

from bench import memory, saves, screens, startup, unlock  # noqa: E402 (after cache_bytecode)
from workbook.demo import build_demo  # noqa: E402 (after cache_bytecode)
from workbook.models import Profile  # noqa: E402 (after cache_bytecode)
from workbook.storage import DataRoot  # noqa: E402 (after cache_bytecode)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke check")
    args = parser.parse_args()
    runs = 3 if args.quick else 10
    print(f"# Side by Side benchmarks, {datetime.now():%Y-%m-%d %H:%M}")
    print(f"# {platform.platform()}, Python {platform.python_version()}, {platform.machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        root = DataRoot(Path(tmp) / "data")
        plain = root.create(Profile(display_name="Bench"))
        print_startup("new workbook", startup.measure(root.path, runs=runs), runs)
        rounds = 20 if args.quick else 60
        started = time.perf_counter()
        demo = build_demo(root, years=10, seed=1)
        print(f"10-year demo built in {time.perf_counter() - started:.2f} s")
        one = build_demo(root, years=1, seed=1)  # replaces the 10-year one...
        save_rows(root, plain, one, rounds)
        demo = build_demo(root, years=10, seed=1)  # ...so build it again for the rest
        save_rows(root, None, demo, rounds)
        print_startup("10-year workbook", startup.measure(root.path, runs, demo.id), runs)
        floor = screens.bare_p50_ms(runs)
        print(f"the same harness opening a bare Textual screen: p50 {floor:.0f} ms")
        print(
            "screen            p50 ms   p95 ms   empty p50 ms   ratio   "
            "(targets: p95 <= 100 ms, ratio <= 2)"
        )
        for row in screens.measure(root, demo.id, root, plain.id, runs=3 if args.quick else 10):
            print(
                f"{row['screen']:<16} {row['p50_ms']:>7.0f}  {row['p95_ms']:>7.0f}  "
                f"{row['empty_p50_ms']:>13.0f}  {row['ratio']:>6.2f}"
            )
        m = memory.measure(root.path, demo.id)
        print(
            f"peak RSS to Home: bare app {m['bare_mb']:.0f} MB, Side by Side on 10 years "
            f"{m['ours_mb']:.0f} MB, ratio {m['ratio']:.2f}"
        )
        u = unlock.measure(root, runs=3 if args.quick else 7)
        print(
            f"unlock a 10-year encrypted workbook (Argon2id 64 MiB, 3 passes): "
            f"median {u['median_s']:.2f} s (key derivation alone {u['kdf_s']:.2f} s)"
        )
    return 0


def print_startup(which: str, s: dict[str, float], runs: int) -> None:
    print(
        f"start-up to Home painted with its cards, {which}: bare Textual "
        f"{s['bare_s'] * 1000:.0f} ms, Side by Side {s['ours_s'] * 1000:.0f} ms, "
        f"ratio {s['ratio']:.2f} (median of {runs}, alternating; target <= 1.3)"
    )


def save_rows(root: DataRoot, empty: object, demo: object, rounds: int) -> None:
    for label, card in (("new", empty), ("demo", demo)):
        if card is None:
            continue
        repo = root.open(card)  # type: ignore[arg-type]
        r = saves.measure_save(repo, saves.checkin_save, rounds=rounds)
        repo.close()
        years = "" if label == "new" else f" ({r['checkins']} check-ins)"
        print(
            f"check-in save, {label}{years}: file {r['bytes'] / 1e6:.2f} MB, "
            f"p50 {r['p50_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms; raw write of the same "
            f"bytes p50 {r['raw_p50_ms']:.2f} ms; ratio {r['ratio']:.2f} (target <= 1.5)"
        )


if __name__ == "__main__":
    raise SystemExit(main())
