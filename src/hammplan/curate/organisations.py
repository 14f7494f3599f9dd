"""Organisation codes: the StA column's Amt numbers and letter codes (KI, KJC, VHS, ...).

Letter codes and their recognition variants ("KIC", "KUC", Cyrillic "КЈС") come from the
vocabulary's documented table. Amt numbers are named from the plan itself: the Träger of the
profiles that an Amt's budget rows link to (see :func:`name_amt_numbers`).
"""

from __future__ import annotations

import re
from collections import Counter

from hammplan.curate.homoglyphs import fold_homoglyphs
from hammplan.records.values import Repair
from hammplan.vocabulary import OrganisationsVocabulary

_TOKEN = re.compile(r"[\w.]+")


def resolve_code(raw: str, vocab: OrganisationsVocabulary) -> tuple[str, list[Repair]]:
    """The canonical code of a printed StA cell, with the repairs that got there."""
    text = " ".join(raw.split())
    folded, repairs = fold_homoglyphs(text)
    upper = folded.upper()
    for code, organisation in vocab.codes.items():
        if upper == code.upper():
            if folded != code:
                repairs.append(Repair(kind="vocabulary", before=folded, after=code,
                                      detail="code spelling"))
            return code, repairs
        if upper in (v.upper() for v in organisation.variants):
            repairs.append(Repair(kind="recognition", before=folded, after=code,
                                  detail=f"known recognition variant of {code}"))
            return code, repairs
    return folded, repairs


def codes_in(text: str, vocab: OrganisationsVocabulary) -> list[str]:
    """Letter codes named in a Träger cell ("KI Hamm, AWO" -> ["KI"]), variants resolved."""
    found: list[str] = []
    folded, _ = fold_homoglyphs(text)
    for token in _TOKEN.findall(folded):
        code, _ = resolve_code(token, vocab)
        if code in vocab.codes and code not in found:
            found.append(code)
    for code, organisation in vocab.codes.items():
        if organisation.name.casefold() in folded.casefold() and code not in found:
            found.append(code)
    return found


_OFFICE = re.compile(r"Amt für (?:[^,;/]+,\s)*?[^,;/]+? und [\w-]+|Amt für [^,;/]+")
"""A German office name, which may hold commas: "Amt für Soziales, Wohnen und Pflege"."""


def _organisations(traeger: str) -> list[str]:
    """The organisations a Träger cell lists, office names kept whole."""
    offices = [" ".join(m.group().split()) for m in _OFFICE.finditer(traeger)]
    rest = _OFFICE.sub(";", traeger)
    found = []
    for part in re.split(r"[,;/]| - | mit | in Kooperation mit ", rest):
        part = " ".join(part.split())
        if part and not (part.startswith("Stadt ") and len(part.split()) == 2):
            found.append(part)
    first = traeger.find(offices[0]) if offices else -1
    before = traeger.find(found[0]) if found else -1
    if offices and (before < 0 or first <= before):
        return offices + found
    return found + offices


def name_amt_numbers(evidence: dict[str, list[str]]) -> dict[str, str]:
    """Name each code by the organisation most often named first in its profiles' Träger.

    ``evidence`` maps a code to the Träger texts of the measures its budget rows link to.
    "Stadt Hamm - Amt für schulische Bildung; ..." counts as "Amt für schulische Bildung".
    """
    names: dict[str, str] = {}
    for code, traeger in evidence.items():
        counts: Counter[str] = Counter()
        for text in traeger:
            organisations = _organisations(text)
            if organisations:
                counts[organisations[0]] += 1
        if counts:
            names[code] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return names
