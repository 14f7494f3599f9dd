"""Tests of the simulated scan copy, so extraction tests can trust what it does and does not change:
the geometry of graphics and text is disturbed, the text itself is not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from tests.support.scan import scan_copy
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content

JITTER = 0.8
LAYOUT = next(v for v in VARIANTS if v.name == "unruled")  # portrait and landscape pages


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "source.pdf"
    return build_plan_pdf(path, sample_content(), LAYOUT)


@pytest.fixture(scope="module")
def copy(source: Path) -> Path:
    return scan_copy(source, source.with_name("copy.pdf"), jitter=JITTER, seed=0)


Words = list[list[dict[str, Any]]]


def words(path: Path) -> Words:
    """Words per page, read the way extraction code reads them (pdfplumber's defaults)."""
    with pdfplumber.open(path) as pdf:
        return [page.extract_words() for page in pdf.pages]


@pytest.fixture(scope="module")
def src(source: Path) -> Words:
    return words(source)


@pytest.fixture(scope="module")
def cop(copy: Path) -> Words:
    return words(copy)


def offsets(src: Words, cop: Words) -> list[tuple[float, float]]:
    """(dx0, dtop) of every word of a copy from the same word of the source."""
    return [
        (c["x0"] - s["x0"], c["top"] - s["top"])
        for page_src, page_cop in zip(src, cop, strict=True)
        for s, c in zip(page_src, page_cop, strict=True)
    ]


def test_same_pages_and_sizes(source: Path, copy: Path) -> None:
    with pdfplumber.open(source) as src, pdfplumber.open(copy) as cop:
        sizes = [(p.width, p.height) for p in src.pages]
        assert [(p.width, p.height) for p in cop.pages] == sizes
    assert any(w > h for w, h in sizes) and any(w < h for w, h in sizes)


def test_no_vector_graphics_one_full_page_image(copy: Path) -> None:
    with pdfplumber.open(copy) as pdf:
        for page in pdf.pages:
            assert (page.lines, page.rects, page.curves) == ([], [], [])
            [image] = page.images
            box = (image["x0"], image["top"], image["x1"], image["bottom"])
            assert box == pytest.approx((0, 0, page.width, page.height))


def test_same_words_in_same_order_near_same_place(src: Words, cop: Words) -> None:
    assert len(src) == len(cop)
    for page_src, page_cop in zip(src, cop, strict=True):
        assert [w["text"] for w in page_cop] == [w["text"] for w in page_src]
        for s, c in zip(page_src, page_cop, strict=True):
            assert abs(c["x0"] - s["x0"]) <= JITTER + 0.5, (s, c)
            assert abs(c["top"] - s["top"]) <= JITTER + 0.5, (s, c)
    special = {ch for page in cop for w in page for ch in w["text"] if not ch.isascii()}
    assert set("äöüÖÜß€–„“") <= special  # WinAnsi, yet not ASCII: survived Helvetica's encoding


def test_without_jitter_words_keep_their_boxes(source: Path, src: Words, tmp_path: Path) -> None:
    exact = scan_copy(source, tmp_path / "exact.pdf", dpi=40, jitter=0)
    keys = ("x0", "x1", "top", "bottom")
    for page_src, page_cop in zip(src, words(exact), strict=True):
        for s, c in zip(page_src, page_cop, strict=True):
            assert [c[k] for k in keys] == pytest.approx([s[k] for k in keys], abs=0.01), s


def test_jitter_is_real_bounded_and_deterministic(
    source: Path, src: Words, cop: Words, tmp_path: Path
) -> None:
    shifts = offsets(src, cop)
    assert max(abs(dx) for dx, _ in shifts) > JITTER / 2
    assert max(abs(dy) for _, dy in shifts) > JITTER / 2
    assert max(abs(d) for pair in shifts for d in pair) <= JITTER + 1e-6
    # The bitmap's resolution does not change the pseudo-random draws; the seed does.
    again = scan_copy(source, tmp_path / "again.pdf", dpi=40, jitter=JITTER, seed=0)
    assert offsets(src, words(again)) == shifts
    other = scan_copy(source, tmp_path / "other.pdf", dpi=40, jitter=JITTER, seed=1)
    assert offsets(src, words(other)) != shifts


def test_baselines_wobble_per_line(src: Words, cop: Words) -> None:
    """Words of one source line move down or up together, give or take jitter/2 each."""
    for page_src, page_cop in zip(src, cop, strict=True):
        lines: dict[float, list[float]] = {}
        for s, c in zip(page_src, page_cop, strict=True):
            lines.setdefault(round(s["bottom"], 1), []).append(c["top"] - s["top"])
        for dys in lines.values():
            assert max(dys) - min(dys) <= JITTER + 1e-6


def test_size_jitter_changes_line_sizes_not_positions(source: Path, tmp_path: Path) -> None:
    copy = scan_copy(source, tmp_path / "copy.pdf", jitter=0, size_jitter=0.15, seed=2)
    with pdfplumber.open(source) as a, pdfplumber.open(copy) as b:
        before = a.pages[2].extract_words(extra_attrs=["size"])
        after = b.pages[2].extract_words(extra_attrs=["size"])

    def key(w: dict[str, Any]) -> tuple[float, float]:
        return round(w["bottom"]), round(w["x0"])

    before.sort(key=key)
    after.sort(key=key)
    assert [w["text"] for w in after] == [w["text"] for w in before]
    ratios = {round(y["size"] / x["size"], 3) for x, y in zip(before, after, strict=True)}
    assert len(ratios) > 3 and all(0.85 <= r <= 1.15 for r in ratios)
    assert all(
        abs(x["x0"] - y["x0"]) < 0.05 and abs(x["bottom"] - y["bottom"]) < 0.6
        for x, y in zip(before, after, strict=True)
    )
