"""Numbers inside a profile's running text, against each other and the profile's own cells.

Three rules, each a contradiction between numbers the plan prints (so an error):

* a share printed beside its part ("Davon hatten 96 (28 Prozent)") must be the part's share
  of the whole the text counted just before ("insgesamt 350"): 96 of 350 is 27,4 %;
* a Kennzahl that counts items ("Schulen: 2") cannot be smaller than the number of distinct
  items of that kind the profile names ("Hermann-Gmeiner-Schule", "Ludgerischule", ...);
* a list introduced as "<Wort> im Jahr JJJJ: A, B, C" and a count "JJJJ: 20 <Wort>" in the
  same profile count the same thing and must agree.
"""

from __future__ import annotations

import re
from decimal import Decimal

from hammplan.curate.checks.running import (
    kennzahl_ref,
    number_group,
    page_of,
    phrases,
    profile_sentences,
    read_number,
    sentence_ref,
    share_group,
)
from hammplan.curate.findings import Finding, Ref, number, quoted, share
from hammplan.curate.names import match_key
from hammplan.records.plan import Measure
from hammplan.vocabulary import RunningTextVocabulary


def _part_share(words: RunningTextVocabulary) -> re.Pattern[str]:
    """A part with its share in brackets: "96 (28 Prozent)", "120 (40 %)"."""
    return re.compile(rf"{number_group('part')}\s*\(\s*{share_group('share', words)}\s*\)")


def _whole_before(before: str, words: RunningTextVocabulary) -> Decimal | None:
    """The whole a part is a share of: the last "insgesamt N" (or "von N") before it whose N
    is a number (not a date)."""
    pattern = rf"\b{phrases(words.whole_words)}\s+{number_group('whole')}"
    wholes = [read_number(m.group("whole")) for m in re.finditer(pattern, before, re.IGNORECASE)]
    return next((whole for whole in reversed(wholes) if whole is not None), None)


def check_shares_of_parts(measures: list[Measure], words: RunningTextVocabulary) -> list[Finding]:
    """Each "part (share %)" against the part's share of the whole counted before it."""
    part_share = _part_share(words)
    findings: list[Finding] = []
    for measure in measures:
        previous = ""
        for sentence in profile_sentences(measure, words):
            for match in part_share.finditer(sentence.text):
                whole = _whole_before(previous + " " + sentence.text[: match.start()], words)
                part = read_number(match.group("part"))
                stated = read_number(match.group("share"))
                if whole is None or part is None or stated is None:
                    continue
                if whole == 0 or part > whole:
                    continue
                actual = part * 100 / whole
                places = len(match.group("share").partition(",")[2])
                if abs(actual - stated) < Decimal(5) / Decimal(10) ** (places + 1):
                    continue
                findings.append(
                    Finding(
                        code="text_share_mismatch",
                        severity="error",
                        message=(
                            f"Steckbrief {quoted(measure.titel)} ({page_of(sentence.page)}, "
                            f"{sentence.field.capitalize()}): {number(part)} von "
                            f"{number(whole)} sind {share(actual)} %, der Text nennt "
                            f"{quoted(match.group(0))}. Anteil und Teilzahlen können nicht "
                            "beide stimmen"
                        ),
                        refs=[sentence_ref(measure, sentence)],
                    )
                )
            previous = sentence.text
    return findings


def _singular(word: str, endings: dict[str, str]) -> str | None:
    """ "Schulen" -> "Schule", "Vereine" -> "Verein": what one counted item's name ends in, by
    the vocabulary's plural ``endings`` (the longest that fits); None for a short word."""
    if len(word) < 5:
        return None
    plural = next((e for e in sorted(endings, key=len, reverse=True) if word.endswith(e)), None)
    return None if plural is None else word[: -len(plural)] + endings[plural]


def _named_items(measure: Measure, singular: str, words: RunningTextVocabulary) -> list[str]:
    """Distinct names in the profile's text ending in ``singular`` ("Ludgerischule"), not the
    vocabulary's generic names ("Grundschule")."""
    generic = {name.casefold() for name in words.generic_names}
    tail = singular.casefold()
    title = match_key(measure.titel).replace(" ", "")
    names: dict[str, str] = {}
    for sentence in profile_sentences(measure, words, ("beschreibung", "sachstand")):
        for word in re.findall(r"[A-ZÄÖÜ][\w-]*", sentence.text):
            folded = word.casefold().rstrip("-")
            if (
                not folded.endswith(tail)
                or folded == tail
                or word.casefold() in generic
                or match_key(word).replace(" ", "") in title
            ):
                continue
            stem = folded[: -len(tail)].rstrip("-")
            if len(stem) < 3:
                continue
            names.setdefault(match_key(word), word)
    return list(names.values())


def check_counted_items(measures: list[Measure], vocab: RunningTextVocabulary) -> list[Finding]:
    """A Kennzahl counting items ("Schulen: 2") against the items of that kind the text names."""
    findings: list[Finding] = []
    for measure in measures:
        for figure in measure.kennzahlen:
            if figure.status != "ok" or figure.value is None or not figure.label:
                continue
            words = figure.label.split()
            singular = _singular(words[-1], vocab.plural_endings) if len(words) == 1 else None
            if singular is None:
                continue
            names = _named_items(measure, singular, vocab)
            if len(names) <= figure.value:
                continue
            ref = kennzahl_ref(measure)
            findings.append(
                Finding(
                    code="kennzahl_items_mismatch",
                    severity="error",
                    message=(
                        f"Steckbrief {quoted(measure.titel)} ({page_of(ref.page)}): Kennzahl "
                        f"„{figure.label}: {number(figure.value)}“, aber Beschreibung und "
                        f"Sachstand nennen {len(names)}: {', '.join(names)}. Die Kennzahl "
                        "zählt weniger, als der Text aufzählt"
                    ),
                    refs=[ref],
                )
            )
    return findings


def _list_head(words: RunningTextVocabulary) -> re.Pattern[str]:
    """The head of a list of one year: "Durchführungsträger im Jahr JJJJ"."""
    return re.compile(
        rf"(?P<noun>[A-ZÄÖÜ][\wäöüß]+)\s+{phrases(words.year_words)}\s+(?P<year>(?:19|20)\d{{2}})"
    )


def _listed(text: str, start: int) -> list[str]:
    """The comma-separated items after a list head, after its last colon before the first
    comma ("...; Organisation durch KI: A, B, C")."""
    rest = text[start:]
    first_comma = rest.find(",")
    if first_comma < 0:
        return []
    colon = rest.rfind(":", 0, first_comma)
    body = rest[colon + 1 :] if colon >= 0 else rest.lstrip(";: ")
    return [item.strip() for item in re.split(r",\s*(?![^()]*\))", body) if item.strip()]


def check_two_counts(measures: list[Measure], words: RunningTextVocabulary) -> list[Finding]:
    """A list "<Wort> im Jahr YYYY: A, B, ..." against "YYYY: N <Wort>" in the same profile."""
    list_head = _list_head(words)
    findings: list[Finding] = []
    for measure in measures:
        fields = {
            name: t
            for name, t in measure.source.items()
            if name not in ("titel", "kennzahlen", "kosten") and t.text
        }
        for name, source in fields.items():
            for head in list_head.finditer(source.text or ""):
                items = _listed(source.text or "", head.end())
                if len(items) < 3:
                    continue
                noun, year = head.group("noun"), head.group("year")
                count = re.compile(rf"\b{year}:\s*{number_group('count')}\s+{re.escape(noun)}\b")
                for other_name, other in fields.items():
                    for match in count.finditer(other.text or ""):
                        counted = read_number(match.group("count"))
                        if counted is None or counted == len(items):
                            continue
                        page = source.pages[0] if source.pages else None
                        other_page = other.pages[0] if other.pages else None
                        findings.append(
                            Finding(
                                code="text_count_conflict",
                                severity="error",
                                message=(
                                    f"Steckbrief {quoted(measure.titel)}: {name.capitalize()} "
                                    f"({page_of(page)}) zählt {len(items)} {noun} im Jahr "
                                    f"{year} auf, {other_name.capitalize()} "
                                    f"({page_of(other_page)}) nennt "
                                    f"{quoted(match.group(0))}. Zwei Zahlen für dasselbe: "
                                    "mindestens eine ist falsch"
                                ),
                                refs=[
                                    Ref(kind="measure", id=measure.id, page=page, field=name),
                                    Ref(
                                        kind="measure",
                                        id=measure.id,
                                        page=other_page,
                                        field=other_name,
                                    ),
                                ],
                            )
                        )
    return findings
