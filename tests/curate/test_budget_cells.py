"""Budget cells as a scan or a tight layout gives them: rule debris ("|") and amounts wrapped
inside their cell, repaired with the repair recorded and the raw text kept."""

from __future__ import annotations

from tests.support.hostile import PRINTED_NAMES, budget_row

from hammplan.curate.budget import curate_budget
from hammplan.curate.debris import strip_debris
from hammplan.vocabulary import load_vocabulary


def test_strip_debris_records_the_repair() -> None:
    assert strip_debris("762.584") == ("762.584", [])
    text, repairs = strip_debris("762.584 |")
    assert text == "762.584"
    assert [(r.kind, r.before, r.after) for r in repairs] == [
        ("recognition", "762.584 |", "762.584")
    ]


def test_budget_cells_with_debris_keep_their_raw_text_and_say_what_was_removed() -> None:
    texts = dict.fromkeys(PRINTED_NAMES, "o. A.")
    texts.update(
        sta="KUC |",
        name="Integration",
        expense_2023="| 1.442.494",
        income_2023="0.A.|",
        funder="| Land NRW",
        value_2023="78|",
    )
    row = budget_row([texts[c] for c in PRINTED_NAMES], 36, 0)
    [line], _ = curate_budget([row], load_vocabulary().organisations)
    assert line.sta == "KJC" and line.sta_raw == "KUC |"
    assert line.aufwand(2023).raw == "| 1.442.494"
    assert line.aufwand(2023).status == "ok" and str(line.aufwand(2023).betrag_eur) == "1442494"
    assert line.aufwand(2023).repairs[0].after == "1.442.494"
    assert line.ertrag(2023).status == "not_stated" and line.ertrag(2023).raw == "0.A.|"
    assert line.foerdergeber.text == "Land NRW" and line.foerdergeber.raw == "| Land NRW"
    assert line.wert(2023).raw == "78|" and line.wert(2023).repairs


def test_an_amount_wrapped_in_its_cell_is_rejoined_only_when_its_pieces_need_it() -> None:
    texts = dict.fromkeys(PRINTED_NAMES, "o. A.")
    texts.update(
        sta="55",
        name="Elternschule",
        expense_2023="213.431,0 9",
        expense_2024="1.442 .494",
        expense_2025="45 821",
    )
    row = budget_row([texts[c] for c in PRINTED_NAMES], 36, 0)
    [line], _ = curate_budget([row], load_vocabulary().organisations)
    assert str(line.aufwand(2023).betrag_eur) == "213431.09"
    assert line.aufwand(2023).raw == "213.431,0 9"
    assert [(r.kind, r.after) for r in line.aufwand(2023).repairs] == [
        ("continuation", "213.431,09")
    ]
    assert str(line.aufwand(2024).betrag_eur) == "1442494"
    assert line.aufwand(2025).status == "suspect"  # two numbers, each valid: not guessed


def test_a_misread_marker_after_an_as_of_date_is_recorded_as_the_repair_it_is() -> None:
    """The marker is judged once, after the as-of prefix: a recognition variant there ("0. A"
    for "o. A.") is a repair like anywhere else, not only named in the reason."""
    texts = dict.fromkeys(PRINTED_NAMES, "o. A.")
    texts.update(sta="55", name="Elternschule", expense_2023="Stand 30.06.24: 0. A")
    row = budget_row([texts[c] for c in PRINTED_NAMES], 36, 0)
    [line], findings = curate_budget([row], load_vocabulary().organisations)
    amount = line.aufwand(2023)
    assert amount.status == "not_stated" and str(amount.stand) == "2024-06-30"
    assert [(r.kind, r.before, r.after) for r in amount.repairs] == [
        ("recognition", "Stand 30.06.24: 0. A", "o. A.")
    ]
    [garbled] = [f for f in findings if f.code == "not_stated_garbled"]
    assert garbled.refs[0].field == "aufwand_2023"
    assert line.ertrag(2023).status == "not_stated" and line.ertrag(2023).repairs == []
