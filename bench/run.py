"""Run every benchmark and print a table: ``python bench/run.py [--quick]``.

Not part of the test run. Results, with the machine and date, go in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import saves, startup
from workbook.models import Profile
from workbook.storage import DataRoot


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke check")
    args = parser.parse_args()
    runs = 3 if args.quick else 10
    print(f"# Side by Side benchmarks, {datetime.now():%Y-%m-%d %H:%M}")
    print(
        f"# {platform.platform()}, Python {platform.python_version()}, "
        f"{platform.processor() or platform.machine()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = DataRoot(Path(tmp) / "data")
        root.create(Profile(display_name="Bench"))
        s = startup.measure(root.path, runs=runs)
        print(
            f"startup  bare {s['bare_s'] * 1000:.0f} ms  ours {s['ours_s'] * 1000:.0f} ms  "
            f"ratio {s['ratio']:.2f}  (median of {runs}, target <= 1.3)"
        )
        repo = root.open(root.cards()[0])
        r = saves.measure_save(repo, saves.settings_save, rounds=20 if args.quick else 60)
        repo.close()
        print(
            f"save(empty)  {r['bytes']} B  p50 {r['p50_ms']:.2f} ms  p95 {r['p95_ms']:.2f} ms  "
            f"raw p50 {r['raw_p50_ms']:.2f} ms  ratio {r['ratio']:.2f}  (target <= 1.5)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
