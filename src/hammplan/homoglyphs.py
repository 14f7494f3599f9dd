"""Fold Cyrillic and Greek look-alike letters that text recognition put into Latin words.

Recognition of a scanned page sometimes reads a Latin letter as its Cyrillic or Greek twin
("КЈС" for the Jobcenter code "KJC", "Ѕtаdt" for "Stadt"). The word then looks right but no
longer matches a name, a code or a search. This module folds such look-alikes back to Latin,
one recorded repair per changed word, and leaves genuine Cyrillic and Greek words alone.
"""

from __future__ import annotations

import re
import unicodedata

from hammplan.records.values import Repair

LOOKALIKES: dict[str, str] = {
    # Cyrillic capitals
    "\u0410": "A",  # А
    "\u0412": "B",  # В
    "\u0415": "E",  # Е
    "\u041a": "K",  # К
    "\u041c": "M",  # М
    "\u041d": "H",  # Н
    "\u041e": "O",  # О
    "\u0420": "P",  # Р
    "\u0421": "C",  # С
    "\u0422": "T",  # Т
    "\u0425": "X",  # Х
    "\u0408": "J",  # Ј
    "\u0406": "I",  # І
    "\u0405": "S",  # Ѕ
    "\u04ae": "Y",  # Ү
    # Cyrillic small letters
    "\u0430": "a",  # а
    "\u0435": "e",  # е
    "\u043e": "o",  # о
    "\u0440": "p",  # р
    "\u0441": "c",  # с
    "\u0445": "x",  # х
    "\u0458": "j",  # ј
    "\u0456": "i",  # і
    "\u0455": "s",  # ѕ
    "\u0443": "y",  # у
    "\u043a": "k",  # к
    "\u04bb": "h",  # һ
    # Greek capitals
    "\u0391": "A",  # Α
    "\u0392": "B",  # Β
    "\u0395": "E",  # Ε
    "\u0396": "Z",  # Ζ
    "\u0397": "H",  # Η
    "\u0399": "I",  # Ι
    "\u039a": "K",  # Κ
    "\u039c": "M",  # Μ
    "\u039d": "N",  # Ν
    "\u039f": "O",  # Ο
    "\u03a1": "P",  # Ρ
    "\u03a4": "T",  # Τ
    "\u03a5": "Y",  # Υ
    "\u03a7": "X",  # Χ
    # Greek small letters
    "\u03bf": "o",  # ο
}
"""Cyrillic and Greek letters that print like a Latin letter, and that Latin letter.

Kept small on purpose: only letters that are indistinguishable in the plan's fonts. A letter
outside this table (Ф, Б, λ, ά ...) marks a word as genuinely Cyrillic or Greek.
"""

_WORD = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str:
    """The script part of a letter's Unicode name ("LATIN", "CYRILLIC", "GREEK", ...)."""
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


_GREEK_AND_CYRILLIC = re.compile(
    r"[\u0370-\u052f\u1c80-\u1c8f\u1f00-\u1fff\u2de0-\u2dff"
    r"\ua640-\ua69f]"
)
"""The Unicode blocks of Greek and Cyrillic letters: a quick test before the per-letter one."""


def _is_foreign(char: str) -> bool:
    """A Cyrillic or Greek letter; only these scripts are folded."""
    return _script(char) in ("CYRILLIC", "GREEK")


def _is_genuine_foreign(char: str) -> bool:
    """A Cyrillic or Greek letter with no Latin twin: proof of a real Cyrillic/Greek word."""
    return _is_foreign(char) and char not in LOOKALIKES


def _should_fold(word: str, text_has_genuine_foreign: bool) -> bool:
    """Whether a word's look-alikes are recognition errors rather than a foreign word.

    A word is folded when every Cyrillic/Greek letter in it has a Latin twin and either it also
    holds Latin letters (a mixed-script word is never genuine) or the whole text holds no
    genuine Cyrillic/Greek letter (then a word of look-alikes only, such as "КЈС", is a misread
    Latin word; beside a real Cyrillic phrase it is more likely a Cyrillic word).
    """
    if not any(char in LOOKALIKES for char in word):
        return False
    if any(_is_genuine_foreign(char) for char in word):
        return False
    has_latin = any(_script(char) == "LATIN" for char in word)
    return has_latin or not text_has_genuine_foreign


def _fold_word(word: str) -> tuple[str, str]:
    """The folded word and a detail naming each replaced letter."""
    folded = "".join(LOOKALIKES.get(char, char) for char in word)
    changes = dict.fromkeys(
        f"{char} ({_script(char).title()}) -> {LOOKALIKES[char]}"
        for char in word
        if char in LOOKALIKES
    )
    return folded, ", ".join(changes)


def fold_homoglyphs(text: str) -> tuple[str, list[Repair]]:
    """Replace look-alike Cyrillic/Greek letters in misread Latin words; one repair per word.

    Text without Cyrillic or Greek letters is returned unchanged.
    """
    if not _GREEK_AND_CYRILLIC.search(text) or not any(_is_foreign(char) for char in text):
        return text, []
    genuine = any(_is_genuine_foreign(char) for char in text)
    repairs: list[Repair] = []

    def replace(match: re.Match[str]) -> str:
        word = match.group()
        if not _should_fold(word, genuine):
            return word
        folded, detail = _fold_word(word)
        repairs.append(Repair(kind="homoglyph", before=word, after=folded, detail=detail))
        return folded

    return _WORD.sub(replace, text), repairs
