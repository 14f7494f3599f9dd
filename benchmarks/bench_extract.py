"""Time the extraction of the bundled plan, read from ruling lines and from word alignment.

Reports seconds, pages per second and the ratio of the two readings measured in one run, so
the numbers compare on a shared, noisy machine. Not a test: nothing here passes or fails.

    make bench            # or: .venv/bin/python benchmarks/bench_extract.py [PDF] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from hammplan.extract import extract_document

ROOT = Path(__file__).resolve().parents[1]


def best_of(pdf: Path, repeat: int, use_rulings: bool) -> tuple[float, int]:
    """Fastest of ``repeat`` extractions, and the page count."""
    times = []
    pages = 0
    for _ in range(repeat):
        start = time.perf_counter()
        doc = extract_document(pdf, use_rulings=use_rulings)
        times.append(time.perf_counter() - start)
        pages = doc.source.page_count
    return min(times), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path,
                        default=next((ROOT / "data" / "raw").glob("*.pdf")))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ruled, pages = best_of(args.pdf, args.repeat, True)
    aligned, _ = best_of(args.pdf, args.repeat, False)
    print(f"{args.pdf.name}: {pages} pages, best of {args.repeat}")
    print(f"  ruling lines     {ruled:6.2f} s  {pages / ruled:6.1f} pages/s")
    print(f"  word alignment   {aligned:6.2f} s  {pages / aligned:6.1f} pages/s")
    print(f"  ratio alignment/rulings: {aligned / ruled:.2f}")


if __name__ == "__main__":
    main()
