"""Build the bundled world ahead of time: `python scripts/prebuild.py` (run it after editing catalogs/).

It writes skillgap/bundled-world.sgc, the bundled catalogs and taxonomy with the matcher and skill index
built from them, which every run over the bundled data then reads instead of building them (a cold run
costs what a warm one does). The file is keyed by the bundled files' bytes: once a catalog changes it is
no longer used (each run builds as before) and tests/test_prebuilt.py fails until this is run again.
With --check it writes nothing and exits 1 if the file is not what it would write.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skillgap.world import SHIPPED, ship_bundled_world  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the file is current")
    args = parser.parse_args()
    blob = ship_bundled_world()
    current = SHIPPED.is_file() and SHIPPED.read_bytes() == blob
    if args.check:
        state = "current" if current else "out of date: run scripts/prebuild.py"
        print(f"{SHIPPED.relative_to(ROOT)}: {state}")
        return 0 if current else 1
    if not current:
        SHIPPED.write_bytes(blob)
    print(f"{SHIPPED.relative_to(ROOT)}: {len(blob):,} bytes{'' if not current else ' (unchanged)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
