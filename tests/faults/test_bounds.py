"""Bounded cost: inflation bombs, forms drawing forms, and slow documents end in seconds,
with one line naming the limit, exit 2, and little memory."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import hostile_pdfs as corpus

HAMMPLAN = [sys.executable, "-c", "from hammplan.cli import main; main()"]

MEMORY_BOUND_KB = 1 << 20
"""The README's bound: any input is read in under 1 GB."""


def _extract(pdf: Path, tmp_path: Path, *options: str) -> tuple[int, list[str], int]:
    """Exit code, stderr lines and peak memory (KB, the largest process) of an extract."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [*HAMMPLAN, "extract", str(pdf), "--data-dir", str(tmp_path / "d"), *options],
        capture_output=True,
        text=True,
        timeout=120,
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return done.returncode, done.stderr.splitlines(), max(peak, before)


@pytest.mark.parametrize(
    ("maker", "line"),
    [
        (
            corpus.flate_bomb(64),
            "page 1 refused: a stream inflates to more than 16 MiB (the limit per stream)",
        ),
        (
            corpus.form_fan_out(8, 10),
            "page 1 refused: it draws more than 10,000 XObjects (the limit per page)",
        ),
        (
            corpus.form_fan_out(40, 1),
            "page 1 refused: its form XObjects nest more than 12 deep (the limit)",
        ),
    ],
    ids=["flate-bomb", "form-fan-out", "form-depth"],
)
def test_a_page_beyond_a_bound_is_refused_in_one_line(
    maker: corpus.Maker, line: str, tmp_path: Path
) -> None:
    pdf = maker(tmp_path / "hostile.pdf")
    code, lines, peak = _extract(pdf, tmp_path)
    assert (code, lines) == (2, [f"Error: {pdf}: {line}"])
    assert peak < MEMORY_BOUND_KB
    assert not (tmp_path / "d" / "interim" / "extracted.json").exists()


def test_forms_that_draw_each_other_end(tmp_path: Path) -> None:
    """A cycle of two forms (pdfminer stops at the repeat) draws one line each: no text."""
    pdf = corpus.form_cycle(tmp_path / "cycle.pdf")
    code, lines, _ = _extract(pdf, tmp_path)
    assert code == 3 and len(lines) == 1 and "has a text layer" in lines[0]


def test_the_whole_reading_stops_at_max_seconds(tmp_path: Path) -> None:
    """40 slow pages, each under the per-page bound on drawn objects (so that bound, which
    would refuse a page at once, never races the whole-run limit)."""
    pdf = corpus.slow_page(150_000, pages=40)(tmp_path / "slow.pdf")
    code, lines, _ = _extract(pdf, tmp_path, "--max-seconds", "1.5")
    assert (code, lines) == (
        2,
        [f"Error: {pdf}: reading took longer than 1.5 s (--max-seconds); stopped"],
    )


def test_bounded_inflation_keeps_pdfminer_s_semantics() -> None:
    """What pdfminer's zlib gives for a whole, a truncated and a checksum-broken stream."""
    import zlib

    import pdfminer.pdftypes

    from hammplan.extract import bounds

    data = bytes(range(256)) * 1000
    packed = zlib.compress(data)
    bounded = pdfminer.pdftypes.zlib
    assert isinstance(bounded, bounds._BoundedZlib)
    assert bounded.decompress(packed) == data
    with pytest.raises(zlib.error):
        bounded.decompress(packed[:-100])
    broken = packed[:-1] + bytes([packed[-1] ^ 1])  # the Adler-32 checksum's last byte
    assert pdfminer.pdftypes.decompress_corrupted(broken) == data
    with pytest.raises(bounds.LimitExceeded, match="16 MiB"):
        bounded.decompress(zlib.compress(b" " * (17 << 20)))
