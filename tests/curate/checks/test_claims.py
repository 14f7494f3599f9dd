"""The text's claims about the population against the district table."""

from __future__ import annotations

from decimal import Decimal

from hammplan.curate.checks.claims import check_claims
from hammplan.records.plan import District, StatsClaim
from hammplan.vocabulary import load_vocabulary

CLAIMS = load_vocabulary().claims
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
    return [f.code for f in check_claims([claim(text)], [TOTAL], CLAIMS)]


def test_a_share_that_the_table_contradicts_is_an_error() -> None:
    # Two printed numbers (the text's share, the table's counts) cannot both be true.
    [finding] = check_claims(
        [claim("ca. 39 % der in der Stadt lebenden Menschen haben einen Migrationshintergrund.")],
        [TOTAL],
        CLAIMS,
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
