"""Two editions of a small synthetic plan, typeset with reportlab: a plan and its next edition.

From the old edition to the new one:

* "Allgemeine Deutschkurse" stays as it is (amounts too);
* "Kleine Knirpse" states other Kosten (the old edition's contradicted its budget row);
* "Allgemeine Integrationskurse im Auftrag des BAMF" is reworded to "Integrationskurse des
  BAMF" (same Träger and description), its Aufwand 2025 rises from 60.000 to 75.500;
* "Integration in Beschäftigung" moves to another Träger, with new Kennzahlen;
* "Arbeit gegen Rassismus" is dropped, "Sprachcafé für Seniorinnen" is new;
* "Rucksack KiTa und Griffbereit" is split into "Rucksack KiTa" and "Griffbereit";
* the budget row "Elternschule Hamm e.V." (no profile) stays, with another Aufwand 2024;
* the district "Heessen" is added (and the total row grows by it), "Uentrop" has other counts.

Both editions print the same three budget years; tests/compare/test_shifted_editions.py prints
the new edition's header one and two years later.
"""

from __future__ import annotations

from dataclasses import replace

from tests.support.typeset import PlanContent, sample_content

NA = "o. A."
HF = "Handlungsfelder"

DEUTSCH = [
    ("Titel", "Allgemeine Deutschkurse"),
    ("Träger", "VHS Hamm"),
    (
        "Beschreibung",
        "Allgemeine Deutschkurse richten sich an zugewanderte Menschen "
        "ohne Berechtigung zur Teilnahme an einem Integrationskurs.",
    ),
    (HF, "Sprache"),
    ("Zielgruppe", "Zugewanderte Personen"),
    ("Sachstand", "Die VHS bietet fortlaufend Allgemeine Deutschkurse an."),
    ("Kennzahlen", "Teilnehmende: 501"),
    ("Kosten", "Stand: 30.06.24: 94.186 €"),
]
BAMF_DESCRIPTION = (
    "Allgemeine Integrationskurse bestehen aus einem Sprachkurs und einem "
    "Orientierungskurs mit 700 bis 1.000 Unterrichtseinheiten."
)


def _bamf(title: str) -> list[tuple[str, str]]:
    return [
        ("Titel", title),
        ("Träger", "VHS Hamm"),
        ("Beschreibung", BAMF_DESCRIPTION),
        (HF, "Sprache"),
        ("Zielgruppe", "Zugewanderte Personen"),
        ("Sachstand", "Die Kurse laufen fortlaufend."),
        ("Kennzahlen", "Teilnehmende: 217"),
        ("Kosten", "Stand: 30.06.24: 58.000 €"),
    ]


RASSISMUS = [
    ("Titel", "Arbeit gegen Rassismus"),
    ("Träger", "Kommunales Integrationszentrum"),
    ("Beschreibung", "Ein Netzwerk plant rassismuskritische Veranstaltungsreihen."),
    (HF, "Systementwicklung"),
    ("Zielgruppe", "Fachkräfte"),
    ("Sachstand", "Beitritt zur Städtekoalition gegen Rassismus."),
    ("Kennzahlen", NA),
    ("Kosten", NA),
]


def _beschaeftigung(traeger: str, kennzahlen: str) -> list[tuple[str, str]]:
    return [
        ("Titel", "Integration in Beschäftigung"),
        ("Träger", traeger),
        (
            "Beschreibung",
            "Berufliche Teilhabe ist ein zentraler Schlüssel zu gelungener Integration.",
        ),
        (HF, "Qualifizierung und Arbeit"),
        ("Zielgruppe", "Erwachsene"),
        ("Sachstand", "Menschen mit Fluchterfahrung wurden in Beschäftigung integriert."),
        ("Kennzahlen", kennzahlen),
        ("Kosten", NA),
    ]


def _knirpse(cost: str) -> list[tuple[str, str]]:
    return [
        ("Titel", "Kleine Knirpse"),
        ("Träger", "Familienrathaus"),
        (
            "Beschreibung",
            "Familien in Belastungssituationen brauchen niederschwellige pädagogische Angebote.",
        ),
        (HF, "Erziehung und Bildung"),
        ("Zielgruppe", "Familien"),
        ("Sachstand", "Das Angebot läuft."),
        ("Kennzahlen", "Fälle: 29"),
        ("Kosten", f"Stand: 30.06.24: {cost} €"),
    ]


RUCKSACK_TEXT = "Das Programm Rucksack KiTa stärkt Eltern als Sprachvorbilder in der Kita."
GRIFF_TEXT = "Das Programm Griffbereit begleitet Eltern mit Kleinkindern vor der Kita."


def _family(title: str, description: str, cost: str) -> list[tuple[str, str]]:
    return [
        ("Titel", title),
        ("Träger", "Kommunales Integrationszentrum"),
        ("Beschreibung", description),
        (HF, "Sprache, Erziehung und Bildung"),
        ("Zielgruppe", "Eltern"),
        ("Sachstand", "Gruppen in vielen Stadtteilen."),
        ("Kennzahlen", "Gruppen: 20"),
        ("Kosten", f"Stand: 30.06.24: {cost} €"),
    ]


SPRACHCAFE = [
    ("Titel", "Sprachcafé für Seniorinnen"),
    ("Träger", "Caritas Hamm"),
    (
        "Beschreibung",
        "Ein wöchentliches Treffen zum Deutschsprechen für ältere zugewanderte Frauen.",
    ),
    (HF, "Sprache, Teilhabe und Partizipation"),
    ("Zielgruppe", "Seniorinnen"),
    ("Sachstand", "Seit Januar jeden Dienstag."),
    ("Kennzahlen", "Teilnehmende: 12"),
    ("Kosten", "Stand: 30.06.24: 3.000 €"),
]


def _row(sta: str, name: str, amounts: str) -> list[str]:
    """A budget row: StA, name, then "A23|E23|A24|E24|A25|E25|Förderer|Kennzahl|W23|W24|W25"."""
    return [sta, name, *amounts.split("|")]


OLD_BUDGET = [
    _row(
        "45",
        "Allgemeine Deutschkurse",
        "100.253|53.211|94.186|50.209|97.219|51.710|Teilnehmerentgelte|Teilnehmende|548|501|516",
    ),
    _row(
        "45",
        "Allgemeine Integrationskurse im Auftrag des BAMF",
        "55.000|49.700|58.000|62.812|60.000|54.285|BAMF|Teilnehmende|13|25|15",
    ),
    _row(
        "40", "Arbeit gegen Rassismus", f"{NA}|{NA}|12.000|{NA}|{NA}|{NA}|{NA}|{NA}|{NA}|{NA}|{NA}"
    ),
    _row(
        "56",
        "Integration in Beschäftigung",
        f"{NA}|{NA}|{NA}|{NA}|{NA}|{NA}|Bund|Vermittlungen|471|{NA}|{NA}",
    ),
    _row("51", "Kleine Knirpse", f"70.000|{NA}|74.000|{NA}|76.000|{NA}|{NA}|Fälle|29|{NA}|{NA}"),
    _row(
        "40",
        "Rucksack KiTa und Griffbereit",
        f"365.000|33.300|370.050|33.300|394.000|33.300|Land NRW|{NA}|{NA}|{NA}|{NA}",
    ),
    _row(
        "55",
        "Elternschule Hamm e.V.",
        f"213.431,09|{NA}|113.207|{NA}|{NA}|{NA}|{NA}|{NA}|{NA}|{NA}|{NA}",
    ),
]
NEW_BUDGET = [
    OLD_BUDGET[0],
    _row(
        "45",
        "Integrationskurse des BAMF",
        "55.000|49.700|58.000|62.812|75.500|54.285|BAMF|Teilnehmende|13|25|15",
    ),
    _row(
        "56",
        "Integration in Beschäftigung",
        f"{NA}|{NA}|{NA}|{NA}|{NA}|{NA}|Bund|Vermittlungen|471|{NA}|{NA}",
    ),
    OLD_BUDGET[4],
    _row(
        "40",
        "Rucksack KiTa",
        f"200.000|20.000|210.050|20.000|230.000|20.000|Land NRW|{NA}|{NA}|{NA}|{NA}",
    ),
    _row(
        "40",
        "Griffbereit",
        f"165.000|13.300|160.000|13.300|170.000|13.300|Land NRW|{NA}|{NA}|{NA}|{NA}",
    ),
    _row(
        "01",
        "Sprachcafé für Seniorinnen",
        f"{NA}|{NA}|{NA}|{NA}|3.000|{NA}|{NA}|Teilnehmende|{NA}|{NA}|12",
    ),
    _row(
        "55",
        "Elternschule Hamm e.V.",
        f"213.431,09|{NA}|120.000|{NA}|{NA}|{NA}|{NA}|{NA}|{NA}|{NA}|{NA}",
    ),
]
OLD_DISTRICTS = [
    "Stadtmitte|5674|3589|1690|10953|15010",
    "Hamm- Westen|7351|4635|1494|13480|10210",
    "Uentrop|1968|2716|2209|6893|19769",
    "Gesamt|14993|10940|5393|31326|44989",
]
NEW_DISTRICTS = [
    "Stadtmitte|5674|3589|1690|10953|15010",
    "Hamm- Westen|7351|4635|1494|13480|10210",
    "Uentrop|2000|2700|2200|6900|19800",
    "Heessen|3853|3259|1368|8480|9730",
    "Gesamt|18878|14183|6752|39813|54750",
]


def _index(profiles: list[list[tuple[str, str]]]) -> list[tuple[str, str, str]]:
    titles = sorted(p[0][1] for p in profiles)
    return [(t[0].upper(), t, str(40 + i)) for i, t in enumerate(titles)]


def _overview(
    profiles: list[list[tuple[str, str]]], marks: dict[str, tuple[int, ...]]
) -> list[tuple[str, list[bool]]]:
    return [(p[0][1], [c + 1 in marks.get(p[0][1], (1,)) for c in range(10)]) for p in profiles]


OLD_PROFILES = [
    DEUTSCH,
    _bamf("Allgemeine Integrationskurse im Auftrag des BAMF"),
    RASSISMUS,
    _beschaeftigung("Kommunales Jobcenter Hamm AöR", "Vermittlungen: 471"),
    _knirpse("80.000"),
    _family("Rucksack KiTa und Griffbereit", f"{RUCKSACK_TEXT} {GRIFF_TEXT}", "370.050"),
]
NEW_PROFILES = [
    DEUTSCH,
    _bamf("Integrationskurse des BAMF"),
    _beschaeftigung("Jobcenter Hamm", "Vermittlungen: 502"),
    _knirpse("74.000"),
    _family("Rucksack KiTa", RUCKSACK_TEXT, "210.050"),
    _family("Griffbereit", GRIFF_TEXT, "160.000"),
    SPRACHCAFE,
]


def _edition(
    profiles: list[list[tuple[str, str]]],
    budget: list[list[str]],
    districts: list[str],
    marks: dict[str, tuple[int, ...]],
) -> PlanContent:
    base = sample_content()
    return replace(
        base,
        budget_rows=budget,
        profiles=profiles,
        population_rows=[d.split("|") for d in districts],
        overview_rows=_overview(profiles, marks),
        index_entries=_index(profiles),
    )


def old_edition() -> PlanContent:
    """The plan before."""
    return _edition(OLD_PROFILES, OLD_BUDGET, OLD_DISTRICTS, {"Kleine Knirpse": (3, 4)})


def new_edition() -> PlanContent:
    """The next edition (see the module docstring for what changed)."""
    return _edition(NEW_PROFILES, NEW_BUDGET, NEW_DISTRICTS, {"Kleine Knirpse": (3, 4, 9)})
