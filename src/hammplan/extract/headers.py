"""Recognising a table family by its header row, and reading what a budget header says."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from hammplan.extract.columns import column_bounds, cut_words, has_gaps, split_at_gaps
from hammplan.extract.grid import GridRow, assign_columns, column_starts, column_starts_n
from hammplan.extract.layout import Line, PageLayout, words_text
from hammplan.extract.ocr import is_debris
from hammplan.records.budget import VALUE_KINDS, Basis, BudgetColumn, BudgetRole
from hammplan.vocabulary import BudgetVocabulary

HeaderScore = Callable[[list[str]], float]
"""How well the texts of a row's cells, in order, read as a table family's header: 0 to 1."""


def _word_role(word: str, vocab: BudgetVocabulary) -> BudgetRole | None:
    for role, patterns in vocab.compiled.items():
        if any(p.search(word) for p in patterns):
            return role
    return None


def cell_role(text: str, vocab: BudgetVocabulary) -> BudgetRole | None:
    """The budget column a header cell names by one of its first two words, or None.

    Where both words name a column, the second counts: text recognition doubles the word
    of the column before ("StA Name der Maß-" heads the name column).
    """
    roles = [_word_role(w, vocab) for w in text.split()[:2]]
    named = [r for r in roles if r is not None]
    return named[-1] if named else None


def budget_header_score(texts: Sequence[str], vocab: BudgetVocabulary) -> float:
    """How well cells read as a budget header: the cells that name a column, less one for each
    second StA, name, funder or key-figure column (those stand once; a year's columns
    repeat), as a share of the cells or of the words that open a column among each cell's
    first words, whichever is more (a cell that swallowed several columns reads worse); 0
    unless one cell names the measure's name and one a year's column (Aufwand, Ertrag or
    Wert)."""
    if len(texts) < 3:
        return 0.0
    roles = [cell_role(t, vocab) for t in texts]
    if "name" not in roles or not any(r in VALUE_KINDS for r in roles):
        return 0.0
    once = [r for r in roles if r is not None and r not in VALUE_KINDS]
    repeated = len(once) - len(set(once))
    opening = sum(
        max(1, sum(1 for w in t.split()[:HEAD_WORDS] if vocab.any_role.search(w))) for t in texts
    )
    return (sum(r is not None for r in roles) - repeated) / max(len(texts), opening)


HEAD_WORDS = 6
"""The words a header cell opens with ("Aufwand (€) JJJJ Stand 30.06"): more words that open a
column among them mean the cell swallowed its neighbours."""


def is_budget_header(texts: Sequence[str], vocab: BudgetVocabulary) -> bool:
    """Whether cells read as a budget header: at least ``min_share`` of them name a column."""
    score = budget_header_score(texts, vocab)
    return score > 0 and score >= vocab.min_share


def population_score(patterns: Sequence[re.Pattern[str]]) -> HeaderScore:
    """The header score of the population table: the share of cells whose first words match
    one of the patterns, in any order and number; 0 unless the first cell names the district
    column (the vocabulary's first population pattern)."""

    def score(texts: list[str]) -> float:
        if len(texts) < 3 or not _opens(texts[0], patterns[:1]):
            return 0.0
        return sum(1 for t in texts if _opens(t, patterns)) / len(texts)

    return score


def _opens(text: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    return any(p.search(w) for p in patterns for w in text.split()[:2])


def is_header_row(row: GridRow, score: HeaderScore, minimum: float) -> bool:
    """Whether a ruled row is the header ``score`` describes."""
    return score([c.text for c in row]) >= minimum


def role_word_counts(band: Sequence[Line], vocab: BudgetVocabulary, page: PageLayout) -> list[int]:
    """About how many columns ``band`` has, if it is a budget header: its words that open a
    column, counted over its first one, two, three lines and all of them (a header set tight
    above its body forms one band with it), each one more (a garbled word) or one less (a
    doubled one), and counted with words cut where white stands between their letters
    (columns run together, "ErtragAufwand"). Empty when fewer than three words open one."""
    lines = sorted(band, key=lambda line: line.top)
    if sum(1 for line in lines for w in line.words if vocab.any_role.search(w.text)) < 3:
        return []
    counts: list[int] = []
    for n in (1, 2, 3, len(lines)):
        words = [w for line in lines[:n] for w in line.words]
        count = sum(1 for w in words if vocab.any_role.search(w.text))
        cut = sum(
            1
            for w in words
            if has_gaps(w)
            for p in split_at_gaps(w, page)
            if vocab.any_role.search(p.text)
        )
        joined = sum(1 for w in words if has_gaps(w) and vocab.any_role.search(w.text))
        counts += [count, count + 1, count - 1, count - joined + cut]
    return [n for n in dict.fromkeys(counts) if n >= 3]


def without_debris(lines: Sequence[Line]) -> list[Line]:
    """Header lines without the rules recognition read as "|" (a header's columns are where
    its words stand; the rules would each count as a column of their own)."""
    return [Line(kept) for line in lines if (kept := [w for w in line.words if not is_debris(w)])]


def text_header(
    page: PageLayout,
    band: Sequence[Line],
    score: HeaderScore,
    minimum: float,
    counts: Sequence[int],
) -> list[float] | None:
    """Column starts of ``band`` when it reads as the header ``score`` describes, else None.

    Tried: runs of words apart by more than the gutter; the words split at the widest gaps
    into each of ``counts`` columns (an OCR text layer's word gaps wobble too much for one
    gutter width); the same with letters instead of words, for headers whose neighbouring
    columns ran together into one word ("ErtragAufwand"). The split whose cells read best
    wins, so a gutter inside a wrapped header cell loses to the right count.
    """
    band = without_debris(band)

    def candidates() -> Iterator[list[float] | None]:
        yield column_starts(band, page.gutter)
        yield from (column_starts_n(band, n) for n in counts if n > 0)
        if any(has_gaps(w) for line in band for w in line.words):
            letters = [
                Line([p for w in line.words for p in split_at_gaps(w, page)]) for line in band
            ]
            yield from (column_starts_n(letters, n) for n in counts if n > 0)

    best: tuple[float, int, list[float]] | None = None
    seen: list[list[float]] = []
    for starts in candidates():
        if starts is None or starts in seen:
            continue
        seen.append(starts)
        found = (score_at(page, band, starts, score), len(starts), starts)
        if found[0] >= minimum and (best is None or found[:2] > best[:2]):
            best = found  # the best-reading split; of equals, the one with more columns
    return best[2] if best else None


def score_at(
    page: PageLayout, band: Sequence[Line], starts: list[float], score: HeaderScore
) -> float:
    """How well ``band`` reads as a header when split at ``starts``."""
    band = without_debris(band)
    bounds = column_bounds(band, starts, page)
    words = [w for line in band for w in cut_words(line.words, bounds, page)]
    columns = assign_columns(words, [b.x for b in bounds], 0.0)
    return score([words_text(col) for col in columns])  # by lines: OCR baselines wobble


_YEAR = re.compile(r"(?<![\d.,])(\d{4})(?![\d,]|\.\d)")
_DATE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.?(?:\d{4}|\d{2})?")


def _has_word(text: str, words: Sequence[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE) for w in words)


def read_column(text: str, vocab: BudgetVocabulary) -> BudgetColumn:
    """What one header cell says: its role, and for a year's column the year printed, whether
    the figures are actual (an actual word such as "Stand", with its date) or planned."""
    role = cell_role(text, vocab)
    years = [int(y) for y in _YEAR.findall(text)]
    basis: Basis | None = None
    as_of = None
    if _has_word(text, vocab.actual_words):
        basis = "ist"
        date = next((m.group(0) for m in _DATE.finditer(text)), None)
        as_of = date.replace(" ", "").rstrip(".") if date else None
    elif _has_word(text, vocab.plan_words):
        basis = "plan"
    return BudgetColumn(role=role, year=years[0] if years else None, basis=basis, as_of=as_of)
