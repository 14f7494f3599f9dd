"""Broken and hostile PDFs: every one ends with a documented exit code and one line of error.

Each file is made by tests/support/hostile_pdfs.py and read by the real command in a
subprocess with a time limit, so a hang fails the test instead of stalling CI.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import hostile_pdfs as corpus

HAMMPLAN = Path(sys.executable).parent / "hammplan"
HANG = 120
"""Seconds after which a run counts as hung (the slowest case takes a few seconds)."""


def extract(pdf: Path, data_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(HAMMPLAN), "extract", str(pdf), "--data-dir", str(data_dir), *extra],
        capture_output=True,
        text=True,
        timeout=HANG,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, says: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert says in lines[0]
    assert "Traceback" not in result.stderr


NOT_PDFS = {
    "text": b"Kommunaler Integrationsplan\n",
    "html": b"<!doctype html><html><body><script>alert(1)</script></body></html>",
    "empty": b"",
}


@pytest.mark.parametrize("name", sorted(NOT_PDFS))
def test_files_that_are_not_pdfs(tmp_path: Path, name: str) -> None:
    pdf = corpus.not_a_pdf(NOT_PDFS[name])(tmp_path / f"{name}.pdf")
    assert_one_line_error(extract(pdf, tmp_path), 2, "not a readable PDF")
    assert not (tmp_path / "interim").exists()


def test_an_image_named_pdf(tmp_path: Path) -> None:
    pdf = corpus.not_a_pdf(corpus.png_bytes())(tmp_path / "image.pdf")
    assert_one_line_error(extract(pdf, tmp_path), 2, "not a readable PDF")


@pytest.mark.parametrize("fraction", [0.02, 0.25, 0.5, 0.75, 0.98, 0.999])
def test_truncated_pdfs_end_with_a_documented_code(tmp_path: Path, fraction: float) -> None:
    pdf = corpus.truncated(fraction)(tmp_path / "cut.pdf")
    result = extract(pdf, tmp_path)
    assert result.returncode in (0, 2, 3), result.stderr
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        written = json.loads((tmp_path / "interim" / "extracted.json").read_text("utf-8"))
        assert written["source"]["page_count"] >= 1
    else:
        assert_one_line_error(result, result.returncode, str(pdf))
        assert not (tmp_path / "interim" / "extracted.json").exists()


@pytest.mark.parametrize("seed", range(6))
def test_pdfs_with_flipped_bytes_end_with_a_documented_code(tmp_path: Path, seed: int) -> None:
    pdf = corpus.flipped(seed)(tmp_path / "flipped.pdf")
    result = extract(pdf, tmp_path)
    assert result.returncode in (0, 2, 3), result.stderr
    assert "Traceback" not in result.stderr
    if result.returncode:
        assert_one_line_error(result, result.returncode, str(pdf))


def test_encrypted_pdf_with_a_user_password(tmp_path: Path) -> None:
    pdf = corpus.encrypted("geheim")(tmp_path / "locked.pdf")
    assert_one_line_error(extract(pdf, tmp_path), 2, "encrypted and needs a password")


def test_encrypted_pdf_without_a_user_password_is_read(tmp_path: Path) -> None:
    pdf = corpus.encrypted("")(tmp_path / "owner-only.pdf")
    result = extract(pdf, tmp_path)
    # It opens like any reader opens it; its one line of text is no plan table.
    assert_one_line_error(result, 3, "no table of an integration plan found in 1 pages")


def test_pdf_with_zero_pages(tmp_path: Path) -> None:
    pdf = corpus.zero_pages(tmp_path / "zero.pdf")
    assert_one_line_error(extract(pdf, tmp_path), 3, "has no pages")


def test_image_only_pdf_asks_for_ocr(tmp_path: Path) -> None:
    pdf = corpus.image_only(tmp_path / "scan.pdf")
    assert_one_line_error(extract(pdf, tmp_path), 3, "has a text layer")


def test_more_pages_than_the_limit_are_refused_before_reading(tmp_path: Path) -> None:
    pdf = corpus.many_pages(60)(tmp_path / "long.pdf")
    assert_one_line_error(
        extract(pdf, tmp_path, "--max-pages", "50"),
        2,
        "60 pages, more than the limit of 50 (--max-pages)",
    )


def test_a_page_over_the_time_limit_is_skipped_and_reported(tmp_path: Path) -> None:
    pdf = corpus.slow_page(300_000)(tmp_path / "slow.pdf")
    result = extract(pdf, tmp_path, "--page-seconds", "0.5")
    assert_one_line_error(result, 3, "1 skipped: over the time per page")


def test_a_skipped_page_is_a_leftover_of_an_otherwise_good_plan(tmp_path: Path) -> None:
    """A good plan with one pathological page: the plan is read, the page named as skipped."""
    import pypdfium2

    from hammplan.extract import extract_document
    from hammplan.limits import Limits

    plan = pypdfium2.PdfDocument(corpus.good_plan(tmp_path / "plan.pdf"))
    slow = pypdfium2.PdfDocument(corpus.slow_page(300_000)(tmp_path / "slow.pdf"))
    plan.import_pages(slow)
    combined = tmp_path / "plan-and-slow-page.pdf"
    plan.save(str(combined))
    pages = len(plan)
    document = extract_document(combined, limits=Limits(seconds_per_page=0.5))
    reasons = [left.reason for left in document.leftovers if left.family == "page"]
    assert reasons == [f"page {pages} not read: it took longer than 0.5 s (--page-seconds)"]
    assert len(document.profiles) > 0
    assert len(document.budget_rows) > 0


@pytest.mark.parametrize("place", corpus.CYCLE_PLACES)
def test_a_reference_cycle_ends_at_once_with_exit_2(tmp_path: Path, place: str) -> None:
    """A page whose /Resources, /Contents, /Font, /MediaBox, page tree (/Kids) or XObject
    leads into ``5 0 R`` -> ``6 0 R`` -> ``5 0 R``: pdfminer would loop for ever, before any
    page deadline applies; the cycle is found where references are followed."""
    pdf = corpus.reference_cycle(place)(tmp_path / f"cycle-{place}.pdf")
    assert pdf.stat().st_size < 1000
    result = subprocess.run(
        [
            str(HAMMPLAN),
            "build",
            str(pdf),
            "--data-dir",
            str(tmp_path),
            "--out",
            str(tmp_path / "reports"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert_one_line_error(
        result, 2, f"{pdf}: not a readable PDF (a cycle of references: 5 0 R -> 6 0 R -> 5 0 R)"
    )
    assert not (tmp_path / "interim" / "extracted.json").exists()


def test_opening_and_counting_run_under_a_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever makes the parser loop while the PDF is opened and its pages counted (here a
    stand-in that never returns) ends at the deadline as a one-line input error."""
    from hammplan.errors import InputError
    from hammplan.extract.fast import pool
    from hammplan.extract.reading import read_pages
    from hammplan.limits import Limits

    def forever(pdf: object) -> int:
        while True:
            pass

    monkeypatch.setattr(pool, "count_pages", forever)
    pdf = corpus.good_plan(tmp_path / "plan.pdf")
    with pytest.raises(
        InputError,
        match=r"plan\.pdf: not a readable PDF \(opening it and "
        r"counting its pages took longer than 0\.3 s\)",
    ):
        read_pages(pdf, limits=Limits(open_seconds=0.3))
