"""Which measure of the new edition is which of the old: matched, split, merged, new, dropped.

A new edition rewords titles, moves a measure to another Träger, splits one into two. Two
measures are taken as the same when each edition prints the title once, or when their
similarity, a weighted mean of rapidfuzz scores of title, description and Träger, reaches
:data:`MATCH_THRESHOLD`; pairs are taken best first, each measure at most once. A measure
left over is then checked for being part of a split (one old measure, several new ones whose
titles are contained in it) or a merger (the reverse). Nothing below the threshold is
guessed: a leftover pair that comes close is named as a candidate, not matched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from hammplan.curate.names import match_key
from hammplan.records.plan import Measure

MATCH_THRESHOLD = 75.0
"""Similarity (0-100) from which two measures are one measure in two editions."""
CANDIDATE_THRESHOLD = 55.0
"""Similarity from which a new and a dropped measure are named as a possible pair."""
PART_THRESHOLD = 90.0
"""Title containment (rapidfuzz token-set ratio) from which a measure is part of another."""
WEIGHTS = {"titel": 0.5, "beschreibung": 0.35, "traeger": 0.15}
"""How much each field counts towards the similarity (reweighted when a field is empty)."""
Scores = npt.NDArray[np.float64]
RELATED_SHARE = 0.3
"""Share of the smaller edition's measures that must be found in the other for the two to
count as editions of one plan."""


@dataclass(frozen=True)
class Match:
    """Old measures (indexes) that became new measures, and how similar they are."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    score: float | None


@dataclass
class Matching:
    """The outcome: pairs, splits and mergers, leftovers, and candidates below threshold."""

    matches: list[Match] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    candidates: list[tuple[int, int, float]] = field(default_factory=list)
    scores: Scores = field(default_factory=lambda: np.zeros((0, 0)))

    @property
    def found(self) -> int:
        """How many measures of the smaller side were found in the other."""
        old = {i for m in self.matches for i in m.old}
        new = {j for m in self.matches for j in m.new}
        return min(len(old), len(new))


def _texts(measures: Sequence[Measure], name: str) -> list[str]:
    return [match_key(getattr(m, name) or "") for m in measures]


def similarity_matrix(old: Sequence[Measure], new: Sequence[Measure]) -> Scores:
    """Similarity 0-100 of every old (rows) and new (columns) measure."""
    total = np.zeros((len(old), len(new)))
    weight = np.zeros((len(old), len(new)))
    scorers = {
        "titel": fuzz.token_sort_ratio,
        "beschreibung": fuzz.token_set_ratio,
        "traeger": fuzz.token_set_ratio,
    }
    for name, share in WEIGHTS.items():
        a, b = _texts(old, name), _texts(new, name)
        if not a or not b:
            continue
        scores = process.cdist(a, b, scorer=scorers[name], dtype=np.float64)
        present = np.outer([bool(x) for x in a], [bool(y) for y in b])
        total += np.where(present, scores * share, 0.0)
        weight += np.where(present, share, 0.0)
    return np.divide(total, weight, out=np.zeros_like(total), where=weight > 0)


def _contained(part: Measure, whole: Measure) -> bool:
    """Whether ``part``'s title is (nearly) words of ``whole``'s longer title."""
    a, b = match_key(part.titel), match_key(whole.titel)
    return a != b and len(a) < len(b) and fuzz.token_set_ratio(a, b) >= PART_THRESHOLD


def _pairs(scores: Scores) -> list[tuple[int, int, float]]:
    """One-to-one pairs at or above the threshold, best first (ties in plan order)."""
    order = sorted(
        (
            (float(scores[i, j]), i, j)
            for i, j in zip(*np.nonzero(scores >= MATCH_THRESHOLD), strict=True)
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for score, i, j in order:
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            pairs.append((int(i), int(j), round(score, 1)))
    return pairs


def _parts(
    whole: Measure, pieces: Sequence[Measure], free: set[int], partner: int | None
) -> list[int]:
    """Indexes of ``pieces`` that are parts of ``whole``: free ones whose titles it contains,
    and its one-to-one partner when that is a part too."""
    found = [k for k in sorted(free) if _contained(pieces[k], whole)]
    return sorted([partner, *found]) if partner is not None and found else found


def _same_titles(old: Sequence[Measure], new: Sequence[Measure]) -> list[tuple[int, int]]:
    """Pairs of measures whose titles read the same (a title each edition prints once)."""
    keys_old = [match_key(m.titel) for m in old]
    keys_new = [match_key(m.titel) for m in new]
    once_new = {k: j for j, k in enumerate(keys_new) if keys_new.count(k) == 1}
    return [
        (i, once_new[k])
        for i, k in enumerate(keys_old)
        if k and keys_old.count(k) == 1 and k in once_new
    ]


def scores_of(
    old: Sequence[Measure], new: Sequence[Measure]
) -> tuple[Scores, list[tuple[int, int]]]:
    """The similarity of every old and new measure that could be paired, and the pairs of
    measures whose titles read the same.

    A measure whose title the other edition prints too is that measure (reworded or not),
    so only its own pair is scored; every other pair of the rest is: a next edition keeps
    most titles, and scoring long descriptions pair by pair is what takes the time.
    """
    same = _same_titles(old, new)
    scores = np.zeros((len(old), len(new)))
    for i, j in same:
        scores[i, j] = similarity_matrix([old[i]], [new[j]])[0, 0]
    rest_old = sorted(set(range(len(old))) - {i for i, _ in same})
    rest_new = sorted(set(range(len(new))) - {j for _, j in same})
    if rest_old and rest_new:
        scores[np.ix_(rest_old, rest_new)] = similarity_matrix(
            [old[i] for i in rest_old], [new[j] for j in rest_new]
        )
    return scores, same


def match_measures(old: Sequence[Measure], new: Sequence[Measure]) -> Matching:
    """Match the measures of two editions (see the module docstring)."""
    scores, same = scores_of(old, new)
    pairs = [(i, j, round(float(scores[i, j]), 1)) for i, j in same]
    taken_old, taken_new = {i for i, _ in same}, {j for _, j in same}
    rest = scores.copy()
    rest[list(taken_old), :] = 0.0
    rest[:, list(taken_new)] = 0.0
    pairs += _pairs(rest) if rest.size else []
    partner_of_old = {i: j for i, j, _ in pairs}
    partner_of_new = {j: i for i, j, _ in pairs}
    free_new = set(range(len(new))) - set(partner_of_new)
    free_old = set(range(len(old))) - set(partner_of_old)
    result = Matching(scores=scores)
    grouped_old: set[int] = set()
    grouped_new: set[int] = set()
    for i in range(len(old)):
        parts = _parts(old[i], new, free_new, partner_of_old.get(i))
        if len(parts) > 1:
            result.matches.append(Match((i,), tuple(parts), None))
            grouped_old.add(i)
            grouped_new.update(parts)
            free_new -= set(parts)
    for j in range(len(new)):
        if j in grouped_new:
            continue
        parts = _parts(new[j], old, free_old - grouped_old, partner_of_new.get(j))
        if len(parts) > 1 and not grouped_old & set(parts):
            result.matches.append(Match(tuple(parts), (j,), None))
            grouped_new.add(j)
            grouped_old.update(parts)
    for i, j, score in pairs:
        if i not in grouped_old and j not in grouped_new:
            result.matches.append(Match((i,), (j,), score))
    result.matches.sort(key=lambda m: (min(m.new), min(m.old)))
    result.dropped = sorted(set(range(len(old))) - grouped_old - set(partner_of_old))
    result.added = sorted(set(range(len(new))) - grouped_new - set(partner_of_new))
    for j in result.added:
        best = max(result.dropped, key=lambda i: (scores[i, j], -i), default=None)
        if best is not None and scores[best, j] >= CANDIDATE_THRESHOLD:
            result.candidates.append((best, j, round(float(scores[best, j]), 1)))
    return result


def related(matching: Matching, old_count: int, new_count: int) -> bool:
    """Whether enough measures were found in both editions for them to be one plan's."""
    smaller = min(old_count, new_count)
    return smaller == 0 or matching.found >= RELATED_SHARE * smaller
