"""Another city's plan of the same kind needs a vocabulary file, not new code.

The synthetic plan is set with other row labels, another first budget column and another
district heading; with the default vocabulary its profiles are not recognised, with a
vocabulary naming its words every record comes out, labels named as that city names them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hammplan.extract import extract_document
from hammplan.vocabulary import load_vocabulary
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content

RENAMED = {
    "Titel": "Vorhaben",
    "Träger": "Kümmerer",
    "Beschreibung": "Worum es geht",
    "Handlungsfelder": "Leitziele",
    "Zielgruppe": "Für wen",
    "Sachstand": "Wo wir stehen",
    "Kennzahlen": "Woran wir messen",
    "Kosten": "Was es kostet",
}
"""Labels no default wording covers: only a vocabulary file names them."""

VOCABULARY = """
[budget]
min_share = 0.8
actual_words = ["Stand"]
plan_words = ["geplant"]

[budget.columns]
sta = ["^amt$"]
name = ["^name"]
aufwand = ["^aufwand"]
ertrag = ["^ertrag"]
foerdergeber = ["^f[oö]rder"]
kennzahl = ["^kennzahl"]
wert = ["^wert"]

[profile]
fuzzy_threshold = 60

[profile.fields]
titel = ["Vorhaben"]
traeger = ["Kümmerer"]
beschreibung = ["Worum es geht"]
handlungsfelder = ["Leitziele"]
zielgruppe = ["Für wen"]
sachstand = ["Wo wir stehen"]
kennzahlen = ["Woran wir messen"]
kosten = ["Was es kostet"]

[population]
header = ["^stadtbezirk", "^ausl[aä]nder", "^deutsch", "^deutsch", "^ew", "^deutsch"]
min_matches = 4
total_labels = ["Gesamt"]

[overview]
section_label = "Integrationsabschnitte"
column_label = "Handlungsfelder"
page_column_label = "Seite"

[index]
heading = "Steckbriefe der Maßnahmen in alphabetischer Reihenfolge"
"""


def test_vocabulary_file_recognises_another_plans_words(tmp_path: Path) -> None:
    base = sample_content()
    content = dataclasses.replace(
        base,
        budget_header=["Amt", *base.budget_header[1:]],
        population_header=["Stadtbezirk", *base.population_header[1:]],
        profiles=[
            [(RENAMED.get(label, label), value) for label, value in rows] for rows in base.profiles
        ],
    )
    pdf = build_plan_pdf(tmp_path / "other.pdf", content, VARIANTS[1])  # unruled
    (tmp_path / "other.toml").write_text(VOCABULARY, encoding="utf-8")

    default = extract_document(pdf)
    assert default.profiles == []
    # "Amt" is a common word for the office column: the default reads the budget too
    assert len(default.budget_rows) == len(base.budget_rows)

    doc = extract_document(pdf, load_vocabulary(tmp_path / "other.toml"))
    assert [p.title for p in doc.profiles] == [rows[0][1] for rows in base.profiles]
    assert {label for p in doc.profiles for r in p.rows for label in r.labels} == set(
        RENAMED.values()
    )
    assert [r.fields for r in doc.profiles[0].rows] == [
        ["titel"],
        ["traeger"],
        ["beschreibung"],
        ["handlungsfelder"],
        ["zielgruppe"],
        ["sachstand"],
        ["kennzahlen"],
        ["kosten"],
    ]
    assert [[c.text for c in r.cells()] for r in doc.budget_rows] == base.budget_rows
    assert doc.population[0].header[0].text == "Stadtbezirk"
    assert doc.leftovers == []
