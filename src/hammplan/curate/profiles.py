"""Profiles (Steckbriefe) -> measures: one clean record per profile, with every repair told.

A profile's rows arrive labelled by the extract stage (exact, fuzzy, combined, unmatched).
Curation decides what each row means: an unmatched row right after the title continues the
title; an unmatched row after a value ending in a comma continues that value; a title that
runs into the next label's text is cut back to the title the index or overview confirms.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import get_args

from rapidfuzz import fuzz

from hammplan.curate.amounts import parse_amount
from hammplan.curate.fields import fields_after_label, read_fields
from hammplan.curate.findings import Finding, Ref, quoted
from hammplan.curate.keyfigures import parse_key_figures
from hammplan.curate.names import match_key
from hammplan.curate.organisations import codes_in
from hammplan.curate.text import clean_text, first_page
from hammplan.records.profiles import Profile, ProfileRow
from hammplan.records.values import Amount, KeyFigures, Repair, Text
from hammplan.slugs import slug, unique_ids
from hammplan.vocabulary import ProfileField, Vocabulary

TITLE_CONFIRM_THRESHOLD = 85.0
"""Similarity a reference title (index, overview) needs to confirm a repaired title."""

FIELD_NAMES: tuple[str, ...] = tuple(f for f in get_args(ProfileField) if f != "titel")
"""The curated fields a profile fills besides its title; the vocabulary says which printed
labels mean each (``[profile.fields]``)."""


@dataclass
class _Reading:
    """What the rows of one profile say, before cleaning."""

    title: str | None = None
    title_pages: list[int] = field(default_factory=list)
    title_repairs: list[Repair] = field(default_factory=list)
    title_malformed: list[str] = field(default_factory=list)
    combined_rest: str | None = None
    combined_labels: list[str] = field(default_factory=list)
    before_title: list[ProfileRow] = field(default_factory=list)
    fields: dict[str, list[ProfileRow]] = field(default_factory=dict)
    continued: dict[int, str] = field(default_factory=dict)
    garbled: list[ProfileRow] = field(default_factory=list)


def _rows_by_meaning(profile: Profile) -> _Reading:
    reading = _Reading()
    seen_title = False
    previous: ProfileRow | None = None
    after_title = False
    for row in profile.rows:
        if row.match == "none" and not seen_title:
            reading.before_title.append(row)
        elif "titel" in row.fields and not seen_title:
            seen_title = True
            after_title = True
            reading.title = row.value.text
            if row.fields != ["titel"]:
                reading.combined_labels = [
                    lb for lb, f in zip(row.labels, row.fields, strict=False) if f != "titel"
                ]
                reading.title_malformed.append(
                    f"Titelzelle bezeichnet {quoted(' '.join(row.labels))}: Titel und "
                    f"{', '.join(reading.combined_labels)} teilen sich eine Zelle"
                )
            reading.title_pages = row.value.pages
            previous = row
            continue
        elif row.match in ("unmatched", "none") and after_title and reading.title is not None:
            reading.title_repairs.append(
                Repair(
                    kind="continuation",
                    before=row.value.text,
                    after=f"{reading.title} {row.value.text}",
                    detail=f"row with garbled label {row.label_cell.text!r} continues the title",
                )
            )
            reading.title = f"{reading.title} {row.value.text}"
            reading.title_malformed.append(
                f"Titel über eine Zeile mit verstümmelter Bezeichnung "
                f"{quoted(row.label_cell.text)} verteilt"
            )
            continue
        elif row.match in ("unmatched", "none"):
            if previous is not None and previous.value.text.rstrip().endswith(","):
                reading.continued[id(previous)] = row.value.text
            else:
                reading.garbled.append(row)
        else:
            for name in row.fields:
                reading.fields.setdefault(name, []).append(row)
        after_title = False
        previous = row
    return reading


def _confirm_title(title: str, references: list[str]) -> tuple[str, str, float] | None:
    """The profile title cut to the words that best match a reference title.

    Returns (clean title from the profile's own words, the reference, similarity), or None when
    no reference confirms it. The profile's own words are kept: references may be garbled too.
    """
    words = title.split()
    best: tuple[float, int, str] | None = None
    for reference in references:
        ref_key = match_key(reference)
        n = len(reference.split())
        for count in range(max(1, n - 3), min(len(words), n + 3) + 1):
            score = fuzz.ratio(match_key(" ".join(words[:count])), ref_key)
            if best is None or score > best[0]:
                best = (score, count, reference)
    if best is None or best[0] < TITLE_CONFIRM_THRESHOLD:
        return None
    score, count, reference = best
    return " ".join(words[:count]).rstrip(" :,;"), reference, score


RUN_TOGETHER_WORDS = 12
"""Words after the confirmed title that, with a sentence end among them, are running text."""


def _runs_on(title: str, confirmed: tuple[str, str, float] | None) -> bool:
    """A title that goes on into sentences after its confirmed words ran into the next cell.

    A long but well-formed title ("Bärenkalender "Ein Bär kommt in die Schule ..."") whose
    index entry is short is not run together: what follows the short form has no sentence.
    """
    if confirmed is None:
        return False
    rest = title.split()[len(confirmed[0].split()) :]
    return len(rest) >= RUN_TOGETHER_WORDS and bool(re.search(r"[.!?]\s", " ".join(rest)))


_WORD = re.compile(r"[^\W\d_]{3,}")


def _plan_words(profiles: list[Profile]) -> Counter[str]:
    """How often each word is printed across all profiles: the plan's own spelling."""
    return Counter(
        w.casefold() for p in profiles for r in p.rows for w in _WORD.findall(r.value.text)
    )


def _legibility(text: str, known: Counter[str]) -> float:
    """Share of the words the plan prints elsewhere too, to a tenth: a garbled copy
    ("inggesemt 1E10") scores lower than the legible one ("insgesamt 1518")."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    return round(sum(known[w] >= 2 for w in words) / len(words), 1)


def _pick_row(rows: list[ProfileRow], known: Counter[str]) -> ProfileRow:
    """Of several rows for one label, the most legible copy; then the one read most surely
    (exact label, then longest)."""
    return max(
        rows,
        key=lambda r: (
            _legibility(r.value.text, known),
            r.match == "exact",
            r.score or 0,
            len(r.value.text),
        ),
    )


def _field_rows(reading: _Reading, field_name: str, vocab: Vocabulary) -> None:
    """Garbled-label rows whose value is a list of known fields are Handlungsfelder rows."""
    for row in list(reading.garbled):
        fields = read_fields(row.value.text, vocab.fields)
        if fields.canonical and not fields.unknown:
            reading.fields.setdefault(field_name, []).append(row)
            reading.garbled.remove(row)


def _inline_fields(reading: _Reading, label: str, vocab: Vocabulary) -> Text | None:
    """Handlungsfelder printed inside another field's text ("... Handlungsfelder Gesundheit,
    Erziehung und Bildung ..."), when the profile has no row of its own for them."""
    for rows in reading.fields.values():
        for row in rows:
            names = fields_after_label(row.value.text, label, vocab.fields)
            if names is not None:
                text = clean_text(names, row.value.pages)
                text.repairs.append(
                    Repair(
                        kind="continuation",
                        before=row.value.text[:80],
                        after=names,
                        detail=f"{label} printed inside the text of another field, read from there",
                    )
                )
                return text
    return None


@dataclass
class CuratedProfile:
    """A profile's clean fields before linking; ``measure_fields`` feed :class:`Measure`."""

    id: str
    titel: str
    texts: dict[str, Text]
    handlungsfelder: list[str]
    handlungsfelder_unknown: list[str]
    kennzahlen: KeyFigures
    kosten: Amount
    traeger_codes: list[str]
    pages: list[int]


def curate_profiles(  # noqa: C901 - one pass over every profile field, split is a follow-up
    profiles: list[Profile], references: list[str], vocab: Vocabulary
) -> tuple[list[CuratedProfile], list[Finding]]:
    """Clean every profile; ``references`` are index and overview titles that confirm titles."""
    findings: list[Finding] = []
    drafts: list[tuple[str, CuratedProfile]] = []
    known = _plan_words(profiles)
    for number, profile in enumerate(profiles, start=1):
        reading = _rows_by_meaning(profile)
        _field_rows(reading, "handlungsfelder", vocab)
        page = profile.pages[0] if profile.pages else None
        where = Ref(kind="measure", id=f"#{number}", page=page)
        texts: dict[str, Text] = {}
        raw_title = reading.title or ""
        title = raw_title
        title_repairs = list(reading.title_repairs)
        confirmed = _confirm_title(raw_title, references) if raw_title else None
        if raw_title and (reading.title_malformed or _runs_on(raw_title, confirmed)):
            if confirmed is not None:
                clean, reference, score = confirmed
                rest = raw_title[len(" ".join(raw_title.split()[: len(clean.split())])) :].strip()
                title = clean
                title_repairs.append(
                    Repair(
                        kind="title",
                        before=raw_title,
                        after=clean,
                        detail=f"confirmed by {reference!r} (similarity {score:.0f})",
                    )
                )
                if reading.combined_labels and rest:
                    reading.combined_rest = rest
                elif rest and not reading.combined_labels:
                    reading.title_malformed.append("Titel läuft in den folgenden Text über")
                findings.append(
                    Finding(
                        code="title_repaired",
                        severity="warning",
                        message=(
                            f"Titel des Steckbriefs ist in der Quelle fehlerhaft "
                            f"({'; '.join(reading.title_malformed) or 'zusammengelaufen'}); "
                            f"bereinigter Titel {quoted(clean)}, bestätigt durch "
                            f"{quoted(reference)}"
                        ),
                        refs=[where],
                    )
                )
            else:
                findings.append(
                    Finding(
                        code="title_unconfirmed",
                        severity="warning",
                        message=(
                            f"Titel {quoted(raw_title, 80)} ist fehlerhaft, und kein Eintrag "
                            "in Verzeichnis oder Übersicht bestätigt einen bereinigten Titel"
                        ),
                        refs=[where],
                    )
                )
        title_text = clean_text(title, reading.title_pages)
        title_text.repairs[:0] = title_repairs
        title_text.raw = raw_title
        texts["titel"] = title_text
        for name in FIELD_NAMES:
            rows = reading.fields.get(name, [])
            label = vocab.profile.fields.get(name, [name])[0]  # type: ignore[call-overload]
            if name == "traeger" and not rows and reading.combined_rest is not None:
                texts[name] = clean_text(reading.combined_rest, reading.title_pages)
                texts[name].repairs.append(
                    Repair(
                        kind="title",
                        before=raw_title,
                        after=reading.combined_rest,
                        detail="Träger taken from the cell it shares with the title",
                    )
                )
                continue
            if not rows:
                inline = (
                    _inline_fields(reading, label, vocab) if name == "handlungsfelder" else None
                )
                if inline is not None:
                    texts[name] = inline
                    continue
                if name == "beschreibung" and reading.before_title:
                    row = reading.before_title[0]
                    texts[name] = clean_text(row.value.text, row.value.pages)
                    texts[name].repairs.append(
                        Repair(
                            kind="continuation",
                            before="",
                            after=row.value.text[:60],
                            detail="unlabelled row before the title read as the description",
                        )
                    )
                    continue
                texts[name] = Text(raw="", text=None, status="not_stated")
                findings.append(
                    Finding(
                        code="profile_field_missing",
                        severity="warning",
                        message=f"Steckbrief {quoted(title)} hat keine Zeile {label}",
                        refs=[where],
                    )
                )
                continue
            row = _pick_row(rows, known)
            value = row.value.text
            if id(row) in reading.continued:
                value = f"{value} {reading.continued[id(row)]}"
            texts[name] = clean_text(value, row.value.pages)
            if not value.strip() and name not in ("kennzahlen", "kosten"):
                findings.append(
                    Finding(
                        code="profile_field_empty",
                        severity="warning",
                        message=f"Steckbrief {quoted(title)}: die Zeile {label} ist leer",
                        refs=[where.model_copy(update={"page": first_page(row.value.pages, page)})],
                    )
                )
            if row.match == "fuzzy":
                read_as = row.labels[0] if row.labels else label
                texts[name].repairs.append(
                    Repair(
                        kind="recognition",
                        before=row.label_cell.text,
                        after=read_as,
                        detail=f"garbled label read as {read_as} (similarity {row.score or 0:.0f})",
                    )
                )
            if id(row) in reading.continued:
                texts[name].repairs.append(
                    Repair(
                        kind="continuation",
                        before=reading.continued[id(row)],
                        after=value,
                        detail="row with a garbled label continues a value ending in a comma",
                    )
                )
            if len(rows) > 1:
                others = [r for r in rows if r is not row]
                texts[name].repairs.extend(
                    Repair(
                        kind="recognition",
                        before=r.value.text,
                        after=row.value.text,
                        detail=(
                            f"{len(rows)} printed copies; kept the most legible "
                            f"({_legibility(row.value.text, known):.1f} of its words printed "
                            f"elsewhere too, against {_legibility(r.value.text, known):.1f}); "
                            "the other copy is kept here as evidence"
                        ),
                    )
                    for r in others
                )
                findings.append(
                    Finding(
                        code="profile_field_duplicated",
                        severity="warning",
                        message=(
                            f"Steckbrief {quoted(title)} hat {len(rows)} Zeilen {label}; "
                            f"behalten: {quoted(row.value.text, 60)}, nicht "
                            + ", ".join(quoted(r.value.text, 60) for r in others)
                        ),
                        refs=[where],
                    )
                )
        for row in reading.garbled:
            findings.append(
                Finding(
                    code="profile_row_garbled",
                    severity="warning",
                    message=(
                        f"Steckbrief {quoted(title)}: eine Zeile mit unleserlicher "
                        f"Bezeichnung {quoted(row.label_cell.text)} und Wert "
                        f"{quoted(row.value.text, 80)} gehört zu keinem Feld"
                    ),
                    refs=[
                        Ref(kind="measure", id=f"#{number}", page=first_page(row.value.pages, page))
                    ],
                )
            )
        fields_text = texts["handlungsfelder"]
        reading_fields = read_fields(fields_text.text or "", vocab.fields)
        fields_text.repairs.extend(reading_fields.repairs)
        for unknown in reading_fields.unknown:
            findings.append(
                Finding(
                    code="field_unknown",
                    severity="warning",
                    message=(
                        f"Steckbrief {quoted(title)} nennt ein unbekanntes Handlungsfeld "
                        f"{quoted(unknown)}"
                    ),
                    refs=[where],
                )
            )
        kennzahlen = parse_key_figures(texts["kennzahlen"].raw)
        kennzahlen.page = first_page(texts["kennzahlen"].pages)
        kosten = parse_amount(texts["kosten"].raw)
        kosten.page = first_page(texts["kosten"].pages)
        traeger = texts["traeger"].text or ""
        drafts.append(
            (
                slug(title or f"profil-{number}"),
                CuratedProfile(
                    id="",
                    titel=title_text.text or f"Profil {number}",
                    texts=texts,
                    handlungsfelder=reading_fields.canonical,
                    handlungsfelder_unknown=reading_fields.unknown,
                    kennzahlen=kennzahlen,
                    kosten=kosten,
                    traeger_codes=codes_in(traeger, vocab.organisations),
                    pages=profile.pages,
                ),
            )
        )
    ids = unique_ids([s for s, _ in drafts])
    curated = []
    for (number, (_, draft)), ident in zip(enumerate(drafts, start=1), ids, strict=True):
        draft.id = ident
        for finding in findings:
            for ref in finding.refs:
                if ref.kind == "measure" and ref.id == f"#{number}":
                    ref.id = ident
        curated.append(draft)
    return curated, findings
