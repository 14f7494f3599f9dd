"""Budget cells as a scan or a tight layout gives them: rule debris ("|") and amounts wrapped
inside their cell, repaired with the repair recorded and the raw text kept."""

from __future__ import annotations

from hammplan.curate.budget import curate_budget
from hammplan.curate.debris import strip_debris
from hammplan.records.budget import BUDGET_COLUMNS, BudgetRow
from hammplan.records.provenance import SourceCell
from hammplan.vocabulary import load_vocabulary


def test_strip_debris_records_the_repair() -> None:
    assert strip_debris("762.584") == ("762.584", [])
    text, repairs = strip_debris("762.584 |")
    assert text == "762.584"
    assert [(r.kind, r.before, r.after) for r in repairs] == [
        ("recognition", "762.584 |", "762.584")]


def test_budget_cells_with_debris_keep_their_raw_text_and_say_what_was_removed() -> None:
    texts = dict.fromkeys(BUDGET_COLUMNS, "o. A.")
    texts.update(sta="KUC |", name="Integration", expense_2023="| 1.442.494",
                 income_2023="0.A.|", funder="| Land NRW", value_2023="78|")
    row = BudgetRow.from_cells([SourceCell(text=texts[c]) for c in BUDGET_COLUMNS])
    [line], _ = curate_budget([row], load_vocabulary().organisations)
    assert line.sta == "KJC" and line.sta_raw == "KUC |"
    assert line.aufwand_2023.raw == "| 1.442.494"
    assert line.aufwand_2023.status == "ok" and str(line.aufwand_2023.betrag_eur) == "1442494"
    assert line.aufwand_2023.repairs[0].after == "1.442.494"
    assert line.ertrag_2023.status == "not_stated" and line.ertrag_2023.raw == "0.A.|"
    assert line.foerdergeber.text == "Land NRW" and line.foerdergeber.raw == "| Land NRW"
    assert line.wert_2023.raw == "78|" and line.wert_2023.repairs


def test_an_amount_wrapped_in_its_cell_is_rejoined_only_when_its_pieces_need_it() -> None:
    texts = dict.fromkeys(BUDGET_COLUMNS, "o. A.")
    texts.update(sta="55", name="Elternschule", expense_2023="213.431,0 9",
                 expense_2024="1.442 .494", expense_2025="45 821")
    row = BudgetRow.from_cells([SourceCell(text=texts[c]) for c in BUDGET_COLUMNS])
    [line], _ = curate_budget([row], load_vocabulary().organisations)
    assert str(line.aufwand_2023.betrag_eur) == "213431.09"
    assert line.aufwand_2023.raw == "213.431,0 9"
    assert [(r.kind, r.after) for r in line.aufwand_2023.repairs] == [
        ("continuation", "213.431,09")]
    assert str(line.aufwand_2024.betrag_eur) == "1442494"
    assert line.aufwand_2025.status == "suspect"  # two numbers, each valid: not guessed
