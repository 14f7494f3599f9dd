"""The text's claims about the population against the district table."""

from __future__ import annotations

from decimal import Decimal

from hammplan.curate.checks.claims import check_claims
from hammplan.records.plan import District, StatsClaim
from hammplan.vocabulary import RunningTextVocabulary, load_vocabulary

VOCAB = load_vocabulary()
CLAIMS = VOCAB.claims
WORDS = VOCAB.running_text
TOTAL = District(
    sozialraum="Gesamt",
    auslaender=Decimal(33319),
    eingebuergerte=Decimal(27070),
    aussiedler=Decimal(14248),
    migh_gesamt=Decimal(74637),
    deutsche_ohne_migh=Decimal(107423),
    ist_gesamt=True,
    page=7,
)


def claim(text: str) -> StatsClaim:
    return StatsClaim(id="s001", text=text, page=4)


def codes(text: str) -> list[str]:
    return [f.code for f in check_claims([claim(text)], [TOTAL], CLAIMS, WORDS)]


def test_a_share_that_the_table_contradicts_is_an_error() -> None:
    # Two printed numbers (the text's share, the table's counts) cannot both be true.
    [finding] = check_claims(
        [claim("ca. 39 % der in der Stadt lebenden Menschen haben einen Migrationshintergrund.")],
        [TOTAL],
        CLAIMS,
        WORDS,
    )
    assert finding.code == "claim_share_mismatch"
    assert finding.severity == "error"
    assert "41,0 %" in finding.message


def test_a_share_within_rounding_is_confirmed() -> None:
    assert codes("Ein Anteil von 41% Einwohner:innen mit Migrationshintergrund.") == [
        "claim_confirmed"
    ]


def test_counts_are_checked_against_their_column() -> None:
    assert codes(
        "Das bedeutet, dass knapp 75.000 Menschen mit unterschiedlicher Herkunft hier leben."
    ) == ["claim_confirmed"]
    assert codes(
        "Die rund 74 Tausend Menschen mit Migrationshintergrund sowie der ca. 33 "
        "Tausend Ausländer:innen."
    ) == ["claim_confirmed", "claim_confirmed"]
    assert codes("knapp 70.000 Menschen mit Migrationshintergrund") == ["claim_count_mismatch"]
    assert codes("knapp 74.000 Menschen mit Migrationshintergrund") == ["claim_count_mismatch"]


def test_claims_about_a_wider_area_are_not_checked() -> None:
    assert (
        codes("Mit einem Anteil von 30,1% leben in NRW mehr Menschen mit Migrationsgeschichte.")
        == []
    )


def test_numbers_are_read_strictly() -> None:
    assert codes("Ein Anteil von ca. 041 % mit Migrationshintergrund.") == []
    assert codes("knapp 1.2.3 Menschen mit Migrationshintergrund") == []
    assert codes("Anteil 100041 % Menschen mit Migrationshintergrund") == ["claim_share_mismatch"]


def _words(**changes: object) -> RunningTextVocabulary:
    """The bundled running-text words with some keys replaced (validated as a file's would be)."""
    return RunningTextVocabulary.model_validate(WORDS.model_dump() | changes)


def test_what_a_qualifier_claims_is_the_vocabularys() -> None:
    text = "knapp 74.000 Menschen mit Migrationshintergrund"
    assert codes(text) == ["claim_count_mismatch"]  # 74.637 is not under 74.000
    over = _words(below_words=["fast"], above_words=["über", "knapp"])
    assert [f.code for f in check_claims([claim(text)], [TOTAL], CLAIMS, over)] == [
        "claim_confirmed"
    ]
    assert codes("gut 75.000 Menschen mit Migrationshintergrund") == []
    about = _words(about_words=["gut"])
    found = check_claims([claim("gut 75.000 mit Migrationshintergrund")], [TOTAL], CLAIMS, about)
    assert [f.code for f in found] == ["claim_confirmed"]


def test_thousand_words_are_the_vocabularys() -> None:
    text = "rund 75 Tsd. Menschen mit Migrationshintergrund"
    assert codes(text) == ["claim_count_mismatch"]
    found = check_claims([claim(text)], [TOTAL], CLAIMS, _words(thousand_words=["Tsd."]))
    assert [f.code for f in found] == ["claim_confirmed"]
