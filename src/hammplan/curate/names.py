"""Matching names across tables: a budget row's "Arbeit gegen Ras- sismus" is the profile
"Arbeit gegen Rassismus", the index's "Puckszek Schulo" is "Rucksack Schule".

Names are compared on a key (hyphenation repaired, look-alike letters folded, case and
punctuation dropped) with rapidfuzz's token-set ratio, which ignores word order and extra
words such as "Handlungsfeld" or "(EU-2 Förderung)". Every link records its score.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from hammplan.curate.hyphenation import repair_hyphenation
from hammplan.homoglyphs import fold_homoglyphs

_NOT_WORD = re.compile(r"[^\w\s]")


@lru_cache(maxsize=65536)
def match_key(name: str) -> str:
    """The form of a name that matching compares: repaired, folded, lower case, no punctuation."""
    text, _ = repair_hyphenation(name)
    text, _ = fold_homoglyphs(text)
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


SHORT_FORM_MIN = 4
"""Shortest word taken as the short form of a longer one ("Alpha" for "Alphabetisierungs...")."""


def _expand_short_forms(a: str, b: str) -> str:
    """``a`` with each word that begins a longer word of ``b`` replaced by that word."""
    longer = b.split()
    words = []
    for word in a.split():
        if len(word) >= SHORT_FORM_MIN and word not in longer:
            word = next((w for w in longer if w.startswith(word)), word)
        words.append(word)
    return " ".join(words)


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """Similarity 0-100 of two match keys, ignoring word order, extra words and short forms.

    Remembered: linking scores the same pairs of names again (best match, then one-to-one).
    """
    if not a or not b:
        return 0.0
    return float(fuzz.token_set_ratio(_expand_short_forms(a, b), _expand_short_forms(b, a)))


_ACRONYM = re.compile(r"\s\(([A-ZÄÖÜ][A-ZÄÖÜa-z]{1,5})\)")
"""An abbreviation in brackets after a space: the "(MSO)" of
"Migrantenselbstorganisationen (MSO)"."""

_WORD = re.compile(r"[\w-]+")
_WORD_END = re.compile(r"[\w-]+$")

_TERM_WORDS = 6
"""Most words before an abbreviation looked at (an abbreviation has at most six letters)."""


def _words_before(text: str) -> list[str]:
    """The last words of ``text`` (at most :data:`_TERM_WORDS`), as far back as only spaces
    part them: "Förderung von Migrantenselbstorganisationen" -> all three, "Stadt, Amt" ->
    "Amt". Found from the bracket backwards: a regular expression reaching forwards to the
    bracket from every word of a long text took a quarter of ``validate``."""
    words: list[str] = []
    for token in reversed(text.split()):
        if _WORD.fullmatch(token):
            words.append(token)
        else:  # a word glued to punctuation ends the term ("Stadt,Amt" gives "Amt")
            end = _WORD_END.search(token)
            if end:
                words.append(end.group())
            break
        if len(words) == _TERM_WORDS:
            break
    return words[::-1]


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether the words begin with the acronym's first letter and hold all of its letters in
    order ("MSO" in "Migrantenselbstorganisationen", "KI" in "Kommunales Integrationszentrum")."""
    text = " ".join(words).casefold()
    letters = acronym.casefold()
    if not text.startswith(letters[0]):
        return False
    position = 0
    for letter in letters:
        position = text.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def find_abbreviations(texts: list[str]) -> dict[str, str]:
    """Abbreviations the plan defines itself, as match keys: {"mso": "migrantenselbst..."}.

    The expansion is the fewest words before the bracket that spell the abbreviation, so
    "der Förderung von Migrantenselbstorganisationen (MSO)" defines MSO by its last word only.
    """
    found: dict[str, str] = {}
    for text in texts:
        for match in _ACRONYM.finditer(text):
            words, acronym = _words_before(text[: match.start()]), match.group(1)
            if not words:
                continue
            for count in range(1, min(len(words), len(acronym)) + 1):
                if _spells(acronym, words[-count:]):
                    found.setdefault(acronym.casefold(), match_key(" ".join(words[-count:])))
                    break
    return found


def expand_abbreviations(key: str, abbreviations: dict[str, str]) -> str:
    """A match key with each defined abbreviation written out."""
    if not abbreviations:
        return key
    return " ".join(abbreviations.get(word, word) for word in key.split())


@dataclass(frozen=True)
class Match:
    """The best candidate for one name: its position in the candidate list and its score."""

    candidate: int
    score: float


def best_match(key: str, candidates: Sequence[str]) -> Match | None:
    """The candidate key most similar to ``key`` (ties broken by plain ratio), or None."""
    scored = sorted(
        ((similarity(key, c), fuzz.ratio(key, c), i) for i, c in enumerate(candidates)),
        reverse=True,
    )
    if not scored:
        return None
    score, _, index = scored[0]
    return Match(candidate=index, score=score)


def assign_one_to_one(
    keys: Sequence[str],
    candidates: Sequence[str],
    threshold: float,
    leftover_threshold: float | None = None,
) -> dict[int, tuple[int, float]]:
    """Pair names with candidates, best pairs first, each candidate used once.

    Returns {name position: (candidate position, score)} for pairs scoring at least
    ``threshold``. Greedy on the score (then the plain ratio) is enough here: names that are
    this similar rarely compete for the same candidate, and when they do, the closer wins.
    Names left over may then pair with candidates left over at ``leftover_threshold``: with
    the sure pairs gone, a weaker likeness among what remains is still telling.
    """
    pairs = sorted(
        (
            (similarity(k, c), fuzz.ratio(k, c), i, j)
            for i, k in enumerate(keys)
            for j, c in enumerate(candidates)
        ),
        reverse=True,
    )
    taken_names: set[int] = set()
    taken_candidates: set[int] = set()
    assigned: dict[int, tuple[int, float]] = {}
    for score, _, i, j in pairs:
        if score < threshold:
            break
        if i in taken_names or j in taken_candidates:
            continue
        assigned[i] = (j, score)
        taken_names.add(i)
        taken_candidates.add(j)
    if leftover_threshold is not None and leftover_threshold < threshold:
        rest = [
            (score, ratio, i, j)
            for score, ratio, i, j in pairs
            if leftover_threshold <= score < threshold
        ]
        for score, _, i, j in rest:
            if i not in taken_names and j not in taken_candidates:
                assigned[i] = (j, score)
                taken_names.add(i)
                taken_candidates.add(j)
    return assigned
