"""Where benchmarks find the evaluation data and the independent scorers (never in the repo)."""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def data_dir(description: str) -> Path:
    """Parse `--data DIR`; exit 0 with a clear message when the data is absent."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="evaluation data folder")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"evaluation data not found at {args.data}: pass --data DIR (nothing measured)")
        sys.exit(0)
    return args.data


def eval_dir(data: Path) -> Path:
    """The scorers folder beside the data folder (../shared/eval)."""
    return data.parent / "eval"
