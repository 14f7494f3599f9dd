"""Every finding says where to look and why it matters, in the same words for the same code.

The checks state both values; this last step adds the pages of the records a finding
points to (when the message does not name them yet) and, for codes whose check does not say
it itself, one sentence on why a reader should care. Kept in one table so the explanations
stay consistent across classes (and the data dictionary can be read beside them).
"""

from __future__ import annotations

from hammplan.curate.findings import Finding

WHY: dict[str, str] = {
    "budget_linked_by_part": "Der Haushalt führt die Maßnahme in Teilen; die Summe gilt",
    "budget_rows_missing": "Die Daten sind unvollständig: der Haushalt fehlt ganz",
    "budget_without_profile": "Die Maßnahme hat Geld, aber keine Beschreibung",
    "budget_year_missing": "Ohne ein gedrucktes Jahr lassen sich Steckbrief und Haushalt "
    "nicht vergleichen; ein Widerspruch bliebe unbemerkt",
    "claim_confirmed": "Text und Tabelle stimmen überein",
    "claim_count_mismatch": "Der Text beschreibt die Bevölkerung anders als die eigene Tabelle",
    "claim_share_mismatch": "Der Text beschreibt die Bevölkerung anders als die eigene Tabelle",
    "field_unknown": "Die Maßnahme fehlt in der Auswertung nach Handlungsfeldern",
    "index_page_unreadable": "Das Verzeichnis führt hier nicht zum Steckbrief",
    "index_title_garbled": "Das Verzeichnis ist an dieser Stelle nicht lesbar",
    "index_without_profile": "Das Verzeichnis nennt eine Maßnahme, die der Plan nicht beschreibt",
    "kennzahl_mismatch": "Steckbrief und Haushalt widersprechen sich; mindestens eine Zahl ist "
    "falsch",
    "kennzahl_other_year": "Vermutlich ist ein Jahr verwechselt: wer die Kennzahl als Wert des "
    "Stichjahrs liest, liest den eines anderen Jahres",
    "kosten_equals_ertrag": "Der Steckbrief nennt die Einnahmen als Kosten; die Kosten sind zu "
    "niedrig angegeben",
    "kosten_mismatch": "Zwei Beträge für dasselbe Jahr; mindestens einer ist falsch",
    "kosten_not_in_budget": "Eine der beiden Tabellen ist unvollständig: der Betrag fehlt im "
    "Haushalt",
    "kosten_not_in_profile": "Der Steckbrief verschweigt einen Betrag, den der Haushalt kennt",
    "measure_missing_budget": "Kosten und Kennzahlen der Maßnahme fehlen im Haushalt",
    "measure_missing_index": "Über das Verzeichnis ist der Steckbrief nicht zu finden",
    "measure_missing_overview": "Die Maßnahme fehlt in der Übersicht nach Handlungsfeldern",
    "not_stated_garbled": "Gelesen als „nicht angegeben“; die Zelle ist im Druck unleserlich",
    "overview_duplicate": "Die Übersicht zählt die Maßnahme doppelt",
    "overview_row_part": "Kein Widerspruch: beide Zeilen gehören zum selben Steckbrief",
    "overview_row_unnamed": "Die Markierungen dieser Zeile gehören zu keiner Maßnahme",
    "overview_without_profile": "Die Übersicht nennt eine Maßnahme, die der Plan nicht beschreibt",
    "page_order": "Über diese Grenzen wird keine Tabellenzeile mit der vorigen verbunden; "
    "Steckbriefe und Haushaltszeilen dort können unvollständig sein",
    "page_skipped": "Die Daten sind unvollständig: was auf dieser Seite steht, fehlt",
    "population_column_missing": "Die Bevölkerungszahlen sind unvollständig gelesen",
    "population_migh_mismatch": "Die Tabelle widerspricht sich selbst; Anteile daraus sind "
    "unsicher",
    "population_sum_mismatch": "Die Tabelle widerspricht sich selbst; Anteile daraus sind unsicher",
    "population_total_missing": "Summen werden aus den Sozialräumen gebildet",
    "profile_field_duplicated": "Der Druck enthält das Feld doppelt; veröffentlicht wird die "
    "lesbare Fassung, die andere bleibt als Beleg erhalten",
    "profile_field_empty": "Leser:innen fehlt eine Angabe, die jeder Steckbrief hat",
    "profile_field_missing": "Leser:innen fehlt eine Angabe, die jeder Steckbrief hat",
    "profile_row_garbled": "Der Inhalt dieser Zeile ist keinem Feld zuzuordnen",
    "rows_not_joined": "Den betroffenen Maßnahmen fehlen diese Angaben; die Seitenfolge des "
    "PDF ist zu prüfen",
    "sta_lookalike": "Vielleicht dasselbe Amt, falsch gelesen oder gedruckt; die Summen je Amt "
    "können getrennt sein, was zusammengehört",
    "sta_suspect": "Welches Amt die Zeile verantwortet, ist unklar",
    "sta_unknown": "Welches Amt die Zeile verantwortet, ist unklar",
    "table_unknown": "Die Tabelle ist nicht ausgewertet; gehört sie zum Plan, braucht es "
    "ihre Wörter im Vokabular",
    "table_unreadable": "Die Daten sind unvollständig: dieser Inhalt fehlt in den Datensätzen",
    "title_repaired": "Der Titel ist im Druck fehlerhaft; veröffentlicht wird der bestätigte",
    "title_unconfirmed": "Der Titel ist im Druck fehlerhaft und nicht bestätigt",
    "value_suspect": "Die Zahl wird nicht verwendet, bis sie geprüft ist",
}
"""Why a finding of each code matters; codes whose check explains itself are not listed."""


def _pages(finding: Finding) -> str:
    pages = [r.page for r in finding.refs if r.page is not None]
    return "; ".join(f"S. {p}" for p in dict.fromkeys(pages))


def explain(finding: Finding) -> Finding:
    """The finding with its pages and, where its check did not say it, why it matters."""
    message = finding.message.rstrip(". ")
    pages = _pages(finding)
    if pages and "S. " not in message:
        message = f"{message} ({pages})"
    why = WHY.get(finding.code)
    if why is not None and why not in message:
        message = f"{message}. {why}"
    return finding.model_copy(update={"message": message})
