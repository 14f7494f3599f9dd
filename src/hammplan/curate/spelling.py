"""The plan's own spelling, used to finish repairs that one cell alone cannot decide.

Two leftovers of layout and recognition are only safe to repair with the whole plan in view:

* a hyphen left inside a word by a line break at a hyphenated spot ("Integrations-lot- sen-
  Projekt" reads "Integrations-lotsen-Projekt"; "Sprach- Bildungsprogramme"): it is joined
  only where the plan prints the joined word elsewhere ("Integrationslotsen-Projekt");
* the case of a word whose letters recognition read as look-alikes ("кјс" folds to "kjc"):
  it takes the case the plan prints most ("KJC").

Two more are left by recognition of a scanned page, and are repaired the same way:

* a word it ran together with the next ("Besuchein %"): in a budget cell of words (a
  funder, a key figure's name: short labels, which the profiles print too), split where the
  plan prints the word nowhere else but prints the two words one after the other ("Besuche
  in"); in running text a word such as "nachdem" is printed as "nach dem" elsewhere too;
* an acronym whose "I" it read as "l" or whose capitals it read small ("Kl", "kl",
  "Kjc"): a short word that turns into an all-capital word the plan prints once each "l" is
  an "I" and each small letter shaped like its capital is that capital ("KI", "KJC"). A word
  of that shape ("Kl") is no German word, whichever of the two the plan prints more often.

Each change is recorded as a repair beside the printed text; nothing is guessed from a
dictionary the plan does not confirm.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from hammplan.records.plan import BudgetLine, Measure
from hammplan.records.values import Repair, Text

_TOKEN = re.compile(r"[^\W\d_][\w-]*[^\W\d_]|[^\W\d_]")
_INNER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[a-zäöüß])")
_OPEN_HYPHEN = re.compile(r"(?P<left>[^\W\d_][\w-]*[^\W\d_])- (?P<right>[A-ZÄÖÜ][\w-]*)")

MEASURE_TEXTS: tuple[str, ...] = ("titel", "traeger", "beschreibung", "zielgruppe", "sachstand")
BUDGET_TEXTS: tuple[str, ...] = ("foerdergeber", "kennzahl")


def lexicon(texts: Iterable[str]) -> Counter[str]:
    """Every word as printed (case kept) and how often, hyphenated compounds as one word."""
    return Counter(token for text in texts for token in _TOKEN.findall(text))


def _folded(words: Counter[str]) -> dict[str, str]:
    """casefold -> the most printed spelling of that word."""
    best: dict[str, tuple[int, str]] = {}
    for word, count in words.items():
        key = word.casefold()
        if key not in best or count > best[key][0]:
            best[key] = (count, word)
    return {key: word for key, (_, word) in best.items()}


def _join_leftovers(text: str, known: dict[str, str]) -> tuple[str, list[Repair]]:
    """Hyphens inside or at the end of a word joined where the plan spells the word joined."""
    repairs: list[Repair] = []

    def inner(match: re.Match[str]) -> str:
        word = match.group(0)
        joined_one = True
        while joined_one:
            joined_one = False
            for hyphen in _INNER_HYPHEN.finditer(word):
                joined = word[: hyphen.start()] + word[hyphen.end() :]
                if joined.casefold() in known:
                    repairs.append(
                        Repair(
                            kind="hyphenation",
                            before=word,
                            after=joined,
                            detail=f"leftover hyphen; the plan prints "
                            f"{known[joined.casefold()]!r} elsewhere",
                        )
                    )
                    word, joined_one = joined, True
                    break
        return word

    text = _TOKEN.sub(inner, text)

    def open_hyphen(match: re.Match[str]) -> str:
        joined = match.group("left") + match.group("right").lower()
        spelled = known.get(joined.casefold())
        if spelled is None:
            return match.group(0)
        repairs.append(
            Repair(
                kind="hyphenation",
                before=match.group(0),
                after=spelled,
                detail=f"leftover hyphen; the plan prints {spelled!r} elsewhere",
            )
        )
        return spelled

    return _OPEN_HYPHEN.sub(open_hyphen, text), repairs


def word_pairs(texts: Iterable[str]) -> Counter[tuple[str, str]]:
    """Every two words printed one right after the other, and how often."""
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        tokens = _TOKEN.findall(text)
        pairs.update(zip(tokens, tokens[1:], strict=False))
    return pairs


_L_FOR_I = str.maketrans({"l": "I"})
_SAME_SHAPE = frozenset("cjkopsuvwxz")
"""Small letters shaped like their capitals, whose case recognition may read wrongly."""
_ACRONYM_LETTERS = 4
"""Letters at most of a word read as a misread acronym."""


def _acronym(word: str, words: Counter[str]) -> str | None:
    """The all-capital word the plan prints that ``word`` is when read right, or None.

    Read right, each "l" is an "I" and each small letter shaped like its capital ("c", "j",
    "o" ...) is that capital: "Kl" becomes "KI", "Kjc" "KJC", when the plan prints them so.
    A word whose only change is case is left alone when the plan prints it in small letters
    (so "So" opening a sentence stays a word); one all in small letters ("kl") changes only
    with an "l" in it, where the plan prints it nowhere else and the acronym at least twice.
    """
    if not (2 <= len(word) <= _ACRONYM_LETTERS and word.isalpha()):
        return None
    if word.islower():
        if "l" not in word or len(word) > 3 or words[word] > 1:
            return None
        capital, least = word.translate(_L_FOR_I).upper(), 2
    else:
        small = {ch for ch in word if ch.islower()}
        if not small or not small <= _SAME_SHAPE | {"l"}:
            return None
        if "l" not in small and words[word.lower()]:
            return None
        capital, least = word.translate(_L_FOR_I).upper(), 1
    return capital if words[capital] >= least else None


def _recognised(
    value: str, words: Counter[str], pairs: Counter[tuple[str, str]] | None
) -> tuple[str, list[Repair]]:
    """Acronyms whose "I" reads "l" restored, and words run together split where ``pairs``
    are given (module doc)."""
    repairs: list[Repair] = []

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        capital = _acronym(word, words)
        if capital is not None:
            repairs.append(
                Repair(
                    kind="recognition",
                    before=word,
                    after=capital,
                    detail=f"letters misread ('l' for 'I', or the case of a letter shaped "
                    f"like its capital); the plan prints {capital!r} {words[capital]} times",
                )
            )
            return capital
        if pairs is None or words[word] > 1:
            return word
        for cut in range(3, len(word) - 1):
            pair = (word[:cut], word[cut:])
            if pairs[pair]:
                split = " ".join(pair)
                repairs.append(
                    Repair(
                        kind="recognition",
                        before=word,
                        after=split,
                        detail=f"words run together; the plan prints {split!r} elsewhere",
                    )
                )
                return split
        return word

    return _TOKEN.sub(one, value), repairs


def _case_of_folded(text: Text, words: Counter[str]) -> tuple[str, list[Repair]]:
    """Words a look-alike fold produced, in the case the plan prints most ("kjc" -> "KJC")."""
    value = text.text or ""
    repairs: list[Repair] = []
    folded = {w for r in text.repairs if r.kind == "homoglyph" for w in _TOKEN.findall(r.after)}
    for word in folded:
        variants = {w: n for w, n in words.items() if w.casefold() == word.casefold()}
        best = max(variants, key=lambda w: (variants[w], w), default=word)
        if best != word and variants[best] > variants.get(word, 0):
            value = re.sub(rf"\b{re.escape(word)}\b", best, value)
            repairs.append(
                Repair(
                    kind="homoglyph",
                    before=word,
                    after=best,
                    detail=f"case as the plan prints it ({variants[best]} times)",
                )
            )
    return value, repairs


def _respell(
    text: Text,
    words: Counter[str],
    known: dict[str, str],
    pairs: Counter[tuple[str, str]] | None = None,
) -> bool:
    """Apply the repairs to one text field (a split of words run together only where
    ``pairs`` are given); True when it changed."""
    if not text.text:
        return False
    value, case_repairs = _case_of_folded(text, words)
    value, hyphen_repairs = _join_leftovers(value, known)
    value, recognition_repairs = _recognised(value, words, pairs)
    if value == text.text:
        return False
    text.text = value
    text.repairs.extend([*case_repairs, *hyphen_repairs, *recognition_repairs])
    return True


def respell(
    measures: list[Measure], budget: list[BudgetLine], references: Iterable[str] = ()
) -> None:
    """Finish leftover hyphens and look-alike case in every measure and budget text, in place.

    ``references`` are further texts of the plan (index and overview names) whose spelling
    counts as the plan's own.
    """
    sources: list[str] = [*references]
    for measure in measures:
        sources += [t.text for name, t in measure.source.items() if t.text]
    for line in budget:
        sources += [line.massnahme, *(getattr(line, n).text or "" for n in BUDGET_TEXTS)]
    words = lexicon(sources)
    known = _folded(words)
    pairs = word_pairs(sources)
    for measure in measures:
        for name in MEASURE_TEXTS:
            text = measure.source.get(name)
            if text is not None and _respell(text, words, known):
                setattr(measure, name, text.text)
    for line in budget:
        for name in BUDGET_TEXTS:
            _respell(getattr(line, name), words, known, pairs)
        name_text = Text(raw=line.massnahme_raw, text=line.massnahme)
        if _respell(name_text, words, known):
            line.massnahme = name_text.text or line.massnahme
            line.repairs.extend(name_text.repairs)
