"""What a profile's cells leave unstated or mislabel, against what its own running text says.

* Kosten "o. A." while the Beschreibung or Sachstand names euro amounts (a gap: warning).
* A Kennzahl "k. A." ("Lots:innen: k.A.") while the text gives a current count of the same
  thing ("Derzeit 35 Ehrenamtliche tätig" right after "Akquise von Integrationslots:innen")
  (a gap: warning).
* A Kennzahl whose label says it counts one thing ("Vermittlungen: 240") while the sentence
  that prints the same number says it counts another ("240 Frauen ... teilgenommen"): the
  label misleads whoever reads the number alone (warning).
"""

from __future__ import annotations

import re
from decimal import Decimal

from hammplan.curate.checks.running import (
    Sentence,
    counts_in,
    kennzahl_ref,
    number_group,
    page_of,
    phrases,
    profile_sentences,
    read_number,
    sentence_ref,
)
from hammplan.curate.findings import Finding, Ref, euro, number, quoted
from hammplan.curate.keyfigures import label_year
from hammplan.records.plan import Measure
from hammplan.vocabulary import RunningTextVocabulary


def _figure_finding(
    code: str, measure: Measure, sentence: Sentence, figure: str, text: str
) -> Finding:
    """A warning that a Kennzahl and a sentence of the same profile disagree."""
    ref = kennzahl_ref(measure)
    return Finding(
        code=code,
        severity="warning",
        message=f"Steckbrief {quoted(measure.titel)}: {figure} ({page_of(ref.page)}), aber {text}",
        refs=[ref, sentence_ref(measure, sentence)],
    )


def check_costs_in_text(measures: list[Measure], words: RunningTextVocabulary) -> list[Finding]:
    """Kosten not stated while the profile's running text names euro amounts."""
    amount = re.compile(rf"{number_group('amount')}\s*{phrases(words.euro_words)}")
    findings: list[Finding] = []
    for measure in measures:
        if measure.kosten.status != "not_stated":
            continue
        found: list[tuple[Decimal, Sentence]] = []
        for sentence in profile_sentences(measure, words, ("beschreibung", "sachstand")):
            for match in amount.finditer(sentence.text):
                value = read_number(match.group("amount"))
                if value is not None:
                    found.append((value, sentence))
        if not found:
            continue
        amounts = ", ".join(
            f"{euro(v)} ({s.field.capitalize()}, {page_of(s.page)})" for v, s in found
        )
        findings.append(
            Finding(
                code="kosten_in_text",
                severity="warning",
                message=(
                    f"Steckbrief {quoted(measure.titel)} nennt keine Kosten "
                    f"({quoted(measure.kosten.raw)}, {page_of(measure.kosten.page)}), sein Text "
                    f"aber Beträge: {amounts}. Die Kosten sind bekannt, stehen aber nicht dort, "
                    "wo Leser:innen sie suchen"
                ),
                refs=[
                    Ref(kind="measure", id=measure.id, page=measure.kosten.page, field="kosten"),
                    *(sentence_ref(measure, s) for _, s in found[:1]),
                ],
            )
        )
    return findings


_MALFORMED = r"(?<![\w.,])\d{1,3}(?:\.\d{3})*\.\d{1,2}(?!\d)"
"""An amount whose last dot group has one or two digits ("650.00 €"): neither 650,00 € nor
650.000 € as printed, so it cannot be read without guessing."""


def check_malformed_amounts(measures: list[Measure], words: RunningTextVocabulary) -> list[Finding]:
    """Euro amounts in running text that no German number format allows."""
    malformed = re.compile(rf"{_MALFORMED}\s*{phrases(words.euro_words)}")
    findings: list[Finding] = []
    for measure in measures:
        for sentence in profile_sentences(measure, words, ("beschreibung", "sachstand")):
            for match in malformed.finditer(sentence.text):
                findings.append(
                    Finding(
                        code="text_amount_suspect",
                        severity="error",
                        message=(
                            f"Steckbrief {quoted(measure.titel)} ({page_of(sentence.page)}, "
                            f"{sentence.field.capitalize()}): {quoted(match.group(0))} ist kein "
                            f"gültiger Betrag (Cent oder Tausender?) in "
                            f"{quoted(sentence.text, 120)}. Der Betrag lässt sich nicht lesen, "
                            "ohne zu raten"
                        ),
                        refs=[sentence_ref(measure, sentence)],
                    )
                )
    return findings


def _stems(label: str, words: RunningTextVocabulary) -> list[str]:
    """Words of a label long enough to find it in running text ("Lots:innen" -> "lots"),
    without the vocabulary's gender endings and counting words ("Anzahl")."""
    for suffix in words.gender_suffixes:
        label = label.replace(suffix, "")
    counting = {word.casefold() for word in words.label_count_words}
    found = re.findall(r"[^\W\d_]+", label)
    return [w.casefold() for w in found if len(w) >= 4 and w.casefold() not in counting]


def check_figures_in_text(measures: list[Measure], vocab: RunningTextVocabulary) -> list[Finding]:
    """A Kennzahl "k. A." while the text gives a current count of what it names."""
    present = [w.casefold() for w in vocab.present_words]
    findings: list[Finding] = []
    for measure in measures:
        missing = [
            k
            for k in measure.kennzahlen
            if k.status == "not_stated" and k.label and k.raw != k.label
        ]
        sentences = list(profile_sentences(measure, vocab, ("beschreibung", "sachstand")))
        for figure in missing:
            stems = _stems(figure.label or "", vocab)
            year = label_year(figure.label)
            for position, sentence in enumerate(sentences):
                folded = sentence.text.casefold()
                named = any(stem in folded for stem in stems) or (
                    position > 0
                    and any(stem in sentences[position - 1].text.casefold() for stem in stems)
                )
                now = any(word in folded for word in present) or (
                    year is not None and str(year) in folded
                )
                counts = counts_in(sentence.text, vocab)
                if not (named and now and counts):
                    continue
                findings.append(
                    _figure_finding(
                        "kennzahl_in_text",
                        measure,
                        sentence,
                        f"Kennzahl {quoted(figure.raw)}",
                        f"{sentence.field.capitalize()} "
                        f"({page_of(sentence.page)}) nennt {number(counts[0][0])}: "
                        f"{quoted(sentence.text, 100)}. Die Zahl ist bekannt, die Kennzahl "
                        "verschweigt sie",
                    )
                )
                break
    return findings


def _meanings(text: str, vocab: RunningTextVocabulary, side: str) -> set[str]:
    """Which meanings of the vocabulary the words of ``text`` name (label or text side)."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", text)]
    found = set()
    for name, meaning in vocab.meanings.items():
        starts = meaning.label if side == "label" else meaning.text
        if any(word.startswith(s.casefold()) for word in words for s in starts):
            found.add(name)
    return found


def check_figure_labels(measures: list[Measure], vocab: RunningTextVocabulary) -> list[Finding]:
    """A Kennzahl's label against what the Sachstand sentence with its number says it counts."""
    findings: list[Finding] = []
    for measure in measures:
        for figure in measure.kennzahlen:
            if figure.status != "ok" or figure.value is None or not figure.label:
                continue
            said = _meanings(figure.label, vocab, "label")
            if len(said) != 1:
                continue
            for sentence in profile_sentences(measure, vocab, ("sachstand",)):
                if figure.value not in {v for v, _, _ in counts_in(sentence.text, vocab)}:
                    continue
                meant = _meanings(sentence.text, vocab, "text")
                if not meant or meant & said:
                    continue
                findings.append(
                    _figure_finding(
                        "kennzahl_label_mismatch",
                        measure,
                        sentence,
                        f"Kennzahl „{figure.label}: {number(figure.value)}“",
                        f"der Sachstand ({page_of(sentence.page)}) sagt, was die Zahl zählt: "
                        f"{quoted(sentence.text, 200)} ({', '.join(sorted(meant))}, nicht "
                        f"{', '.join(sorted(said))}). Wer nur die Kennzahl liest, versteht etwas "
                        "anderes",
                    )
                )
                break
    return findings
