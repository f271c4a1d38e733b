"""Where benchmarks find the evaluation data and the independent scorers (never in the repo).

Every benchmark takes `--data DIR` (default: ../shared/data beside the repository) and exits 0
with a plain message when the data is absent, so a checkout without it still runs them.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def parser(doc: str | None) -> argparse.ArgumentParser:
    """An argument parser with `--data`; a benchmark adds its own options to it."""
    made = argparse.ArgumentParser(description=(doc or "").strip().splitlines()[0])
    made.add_argument("--data", type=Path, default=DEFAULT_DATA, help="evaluation data folder")
    return made


def checked(folder: Path) -> Path:
    """`folder` when it exists; otherwise say so and exit 0 (nothing measured)."""
    if not folder.exists():
        print(f"evaluation data not found at {folder}: pass --data DIR (nothing measured)")
        sys.exit(0)
    return folder


def eval_dir(data: Path) -> Path:
    """The scorers folder beside the data folder (../shared/eval)."""
    return checked(data.parent / "eval")
