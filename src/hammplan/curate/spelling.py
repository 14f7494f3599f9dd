"""The plan's own spelling, used to finish repairs that one cell alone cannot decide.

Two leftovers of layout and recognition are only safe to repair with the whole plan in view:

* a hyphen left inside a word by a line break at a hyphenated spot ("Integrations-lot- sen-
  Projekt" reads "Integrations-lotsen-Projekt"; "Sprach- Bildungsprogramme"): it is joined
  only where the plan prints the joined word elsewhere ("Integrationslotsen-Projekt");
* the case of a word whose letters recognition read as look-alikes ("кјс" folds to "kjc"):
  it takes the case the plan prints most ("KJC").

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


def _respell(text: Text, words: Counter[str], known: dict[str, str]) -> bool:
    """Apply both repairs to one text field; True when it changed."""
    if not text.text:
        return False
    value, case_repairs = _case_of_folded(text, words)
    value, hyphen_repairs = _join_leftovers(value, known)
    if value == text.text:
        return False
    text.text = value
    text.repairs.extend([*case_repairs, *hyphen_repairs])
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
    for measure in measures:
        for name in MEASURE_TEXTS:
            text = measure.source.get(name)
            if text is not None and _respell(text, words, known):
                setattr(measure, name, text.text)
    for line in budget:
        for name in BUDGET_TEXTS:
            _respell(getattr(line, name), words, known)
        name_text = Text(raw=line.massnahme_raw, text=line.massnahme)
        if _respell(name_text, words, known):
            line.massnahme = name_text.text or line.massnahme
            line.repairs.extend(name_text.repairs)
