"""Join words that the plan's layout hyphenated at a line break ("Ras- sismus" -> "Rassismus").

Extraction joins the lines of a cell with one space, so a line-break hyphen shows as
"<letters>- <lowercase letters>". German also writes a real hyphen before a space when a
shared word part is left out ("Sprach- und Leseförderung"); that elision hyphen is followed by
a conjunction and must stay. A hyphen before a capital letter stays as well: it is either an
elision ("Migrations- Flucht") or a compound written with a hyphen ("Sprach- Bildungsprogramme").
Each join is recorded as one repair so the printed form is never lost.
"""

from __future__ import annotations

import re

from hammplan.records.values import Repair

ELISION_WORDS: frozenset[str] = frozenset(
    {
        "und",
        "oder",
        "bzw",
        "beziehungsweise",
        "sowie",
        "als",
        "wie",
        "noch",
        "statt",
        "anstatt",
        "bis",
        "u",
        "o",
        "resp",
        "respektive",
        "versus",
        "vs",
        "aber",
        "sondern",
        "plus",
        "weder",
        "entweder",
    }
)
"""Words that follow an elision hyphen ("Bildungs- und Berufsabschlüsse", "Vor- bzw. Nach-"):
a hyphen before them is printed on purpose and never joined."""

PHRASE_WORDS: frozenset[str] = frozenset(
    {
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "sie",
        "er",
        "es",
        "wir",
        "ihr",
        "ich",
        "man",
        "dass",
        "wenn",
        "weil",
        "denn",
    }
)
"""Words that start a phrase: after a whole word and a hyphen ("Angeboten- die") the hyphen
is a dash between words, not a line break. A short word part ("Stu- die") still joins."""

DASH_MIN_LETTERS = 5
"""Letters before the hyphen from which a phrase word after it means a dash."""

_LEADING_LETTERS = re.compile(r"[^\W\d_]+")
_LEFT_WORD = re.compile(r"[\w-]*[^\W\d_]-$")
"""The word part before a line-break hyphen: ends in a letter and the hyphen ("Durch-ge-")."""


def _line_break(left: str, right: str) -> tuple[str, str] | None:
    """The two word parts if "left right" is one word cut at a line end ("Ras-", "sismus").

    None when ``left`` does not end in a letter and a hyphen, when ``right`` does not start
    with a lowercase letter, or when ``right`` is a word that follows an elision hyphen.
    """
    if not left.endswith("-") or not right[:1].islower():  # most tokens: no regex searched
        return None
    left_word = _LEFT_WORD.search(left)
    right_letters = _LEADING_LETTERS.match(right)
    if left_word is None or right_letters is None:
        return None
    if right_letters.group().casefold() in ELISION_WORDS:
        return None
    if (
        right_letters.group().casefold() in PHRASE_WORDS
        and len(left_word.group().rstrip("-").split("-")[-1]) >= DASH_MIN_LETTERS
    ):
        return None
    return left_word.group(), right_letters.group()


def repair_hyphenation(text: str) -> tuple[str, list[Repair]]:
    """The text with line-break hyphens joined and whitespace collapsed; one repair per join.

    Collapsing whitespace (to single spaces, ends stripped) is layout, not a repair, and is not
    recorded. A chain "Zu- ge- zogenen" is joined step by step, one repair per step.
    """
    tokens: list[str] = []
    repairs: list[Repair] = []
    for token in text.split():
        parts = _line_break(tokens[-1], token) if tokens else None
        if parts is None:
            tokens.append(token)
            continue
        left_word, right_letters = parts
        tokens[-1] = tokens[-1][:-1] + token
        repairs.append(
            Repair(
                kind="hyphenation",
                before=f"{left_word} {right_letters}",
                after=left_word[:-1] + right_letters,
            )
        )
    return " ".join(tokens), repairs
