"""Organisation codes: the StA column's Amt numbers and letter codes (KI, KJC, VHS, ...).

Letter codes and their recognition variants ("KIC", "KUC", Cyrillic "КЈС") come from the
vocabulary's documented table. An Amt number is named only where the plan itself pairs it
with a name ("StA 40 – Amt für schulische Bildung", in any text the plan prints) or the
vocabulary names it; otherwise it stays a number. A name is not ours to invent: the Träger of
linked profiles name who runs a measure, not what an Amt number stands for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hammplan.curate.findings import Finding, Ref, quoted
from hammplan.homoglyphs import fold_homoglyphs
from hammplan.records.plan import BudgetLine, OrganisationSource
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
                repairs.append(
                    Repair(kind="vocabulary", before=folded, after=code, detail="code spelling")
                )
            return code, repairs
        if upper in (v.upper() for v in organisation.variants):
            repairs.append(
                Repair(
                    kind="recognition",
                    before=folded,
                    after=code,
                    detail=f"known recognition variant of {code}",
                )
            )
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


@dataclass(frozen=True)
class PairedName:
    """An Amt number and the name the plan prints beside it, with where it stands."""

    code: str
    name: str
    text: str
    page: int | None


_PAIR = re.compile(r"(?P<word>[\w.]+)\s+(?P<code>\d{1,3})\s*[–—-]\s*(?P<rest>\S.*)", re.DOTALL)
"""An office word, a number and a dash, then the name: "StA 40 – Amt für schulische Bildung"."""

_NAME_END = re.compile(r"\s+[–—-]\s|[();:.!?\"„“]")


def _name_after(rest: str) -> str | None:
    """The name at the start of ``rest``: an office name kept whole ("Amt für Soziales,
    Wohnen und Pflege"), else the words up to a dash, bracket or the end of the sentence."""
    cut = _NAME_END.search(rest)
    rest = rest[: cut.start()] if cut else rest
    office = _OFFICE.match(rest)
    name = office.group() if office is not None else rest.split(",")[0]
    name = " ".join(name.split()).strip(" -–—")
    return name if len(name) >= 3 and any(ch.isalpha() for ch in name) else None


_BRACKETED = re.compile(
    r"(?P<name>Amt für [^()]+?|[A-ZÄÖÜ][\w-]*amt)\s*\((?:(?P<word>[\w.]+)\s+)?(?P<code>\d{1,3})\)"
)
"""A name with its number in brackets: "Amt für schulische Bildung (StA 40)", "Jugendamt (51)"."""

_LEADING = re.compile(r"^\s*(?P<code>\d{1,3})\s*[–—-]\s*(?P<rest>\S.*)", re.DOTALL)
"""A Träger cell that opens with the number: "40 – Amt für schulische Bildung"."""


def paired_names(
    texts: Sequence[tuple[str, int | None]],
    is_office_word: Callable[[str], bool],
    traeger: Sequence[tuple[str, int | None]] = (),
) -> list[PairedName]:
    """Every place a text of the plan pairs an Amt number with a name.

    ``is_office_word`` says whether a word heads the StA column ("StA", "Amt"): only a number
    after such a word counts, so "Seite 40 – ..." names nothing; a number in brackets after a
    name counts too ("Jugendamt (51)"). A Träger cell (``traeger``) may also open with the
    number alone ("40 – Amt für schulische Bildung").
    """
    found: list[PairedName] = []
    for text, page in traeger:
        match = _LEADING.match(" ".join(text.split()))
        name = _name_after(match.group("rest")) if match else None
        if match and name is not None:
            found.append(
                PairedName(
                    code=match.group("code"),
                    name=name,
                    text=match.group(0)[: match.start("rest") + len(name)],
                    page=page,
                )
            )
    for text, page in [*texts, *traeger]:
        flat = " ".join(text.split())
        for bracketed in _BRACKETED.finditer(flat):
            word = bracketed.group("word")
            if word is None or is_office_word(word):
                found.append(
                    PairedName(
                        code=bracketed.group("code"),
                        name=" ".join(bracketed.group("name").split()),
                        text=bracketed.group(0),
                        page=page,
                    )
                )
        for match in _PAIR.finditer(flat):
            if not is_office_word(match.group("word")):
                continue
            name = _name_after(match.group("rest"))
            if name is not None:
                excerpt = flat[match.start() : match.start("rest") + len(name)]
                found.append(
                    PairedName(code=match.group("code"), name=name, text=excerpt, page=page)
                )
    return found


def name_amt_numbers(pairs: list[PairedName]) -> dict[str, PairedName]:
    """Each Amt number's name as the plan pairs them, the most often printed name first (ties:
    the first printed)."""
    by_code: dict[str, list[PairedName]] = {}
    for pair in pairs:
        by_code.setdefault(pair.code, []).append(pair)
    names: dict[str, PairedName] = {}
    for code, found in by_code.items():
        counts = Counter(p.name for p in found)
        best = max(counts.values())
        names[code] = next(p for p in found if counts[p.name] == best)
    return names


CONFUSABLE_DIGITS: frozenset[frozenset[str]] = frozenset(
    frozenset(pair) for pair in ("08", "06", "09", "17", "25", "38", "56", "68", "89", "49")
)
"""Digits that text recognition takes for each other."""


def look_alike(code: str, other: str) -> bool:
    """Whether two Amt numbers differ only as a misreading would make them: the same digits in
    another order ("04", "40"), or one digit taken for a similar one ("25", "55")."""
    if code == other or not (code.isdigit() and other.isdigit()) or len(code) != len(other):
        return False
    if sorted(code) == sorted(other):
        return True
    diffs = [(a, b) for a, b in zip(code, other, strict=True) if a != b]
    return len(diffs) == 1 and frozenset(diffs[0]) in CONFUSABLE_DIGITS


@dataclass
class OrganisationNames:
    """Names of organisation codes, where each came from, and the look-alike findings."""

    names: dict[str, str]
    sources: dict[str, OrganisationSource]
    findings: list[Finding]


def organisation_names(
    vocab: OrganisationsVocabulary, pairs: list[PairedName], lines: list[BudgetLine]
) -> OrganisationNames:
    """Name the codes of the budget lines: by the vocabulary, else as the plan pairs them;
    a number neither names stays a number. Look-alike Amt numbers are findings."""
    names = {code: o.name for code, o in vocab.codes.items()}
    sources = {code: OrganisationSource(quelle="vocabulary") for code in names}
    for code, pair in name_amt_numbers(pairs).items():
        if code not in names:
            names[code] = pair.name
            sources[code] = OrganisationSource(quelle="plan", text=pair.text, page=pair.page)
    counts = Counter(line.sta for line in lines if line.sta.isdigit())
    findings = []
    for code in sorted(counts):
        for other in sorted(counts):
            if look_alike(code, other) and (counts[code], code) < (counts[other], other):
                first = next(line for line in lines if line.sta == code)
                findings.append(
                    Finding(
                        code="sta_lookalike",
                        severity="warning",
                        message=(
                            f"Amtsnummer {quoted(code)} ({counts[code]} Zeile(n)) sieht aus wie "
                            f"{quoted(other)} ({counts[other]} Zeile(n)): ein Lesefehler? Nicht "
                            "zusammengelegt"
                        ),
                        refs=[Ref(kind="budget", id=first.id, page=first.page, field="sta")],
                    )
                )
    return OrganisationNames(names=names, sources=sources, findings=findings)
