"""A hand-made CuratedPlan with the kinds of content the real plan has.

Five measures (one with two budget rows), seven budget rows (one linked to no measure), three
districts and their total row, two population statements and findings of every severity.
Amounts are whole euros, cents, "o. A." (not_stated), words ("Land NRW", note) and a
garbled figure ("762.58", suspect), as in the printed plan.

The totals the tests expect (only ``ok`` amounts are added up):

==========  ===============  ======  =====  ==========  =====================================
year        Aufwand          ok      o. A.  note        suspect
==========  ===============  ======  =====  ==========  =====================================
2023        1.352.249,73 €   5 of 7  1      1           0
2024        1.057.821,54 €   4 of 7  2      1           0
2025        1.032.311 €      3 of 7  3      1           0
==========  ===============  ======  =====  ==========  =====================================

Ertrag: 2023 189.411 € (3 of 7, 4 o. A.); 2024 50.209 € (1 of 7, 4 o. A., 1 note, 1 suspect);
2025 814.294 € (2 of 7, 5 o. A.).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hammplan.curate.findings import Finding, Ref
from hammplan.records.plan import (
    BudgetLine,
    CuratedPlan,
    District,
    IndexLink,
    Link,
    Measure,
    OverviewLink,
    SourceSummary,
    StatsClaim,
)
from hammplan.records.values import Amount, KeyFigure, KeyFigures, Repair, Text
from tests.support.budget import PLAN_YEARS
from tests.support.budget import budget_line as line_from

HANDLUNGSFELDER = [
    "Sprache",
    "Wohnen",
    "Erziehung und Bildung",
    "Gesundheit",
    "Qualifizierung und Arbeit",
    "Transkulturelle Wertesysteme",
    "Teilhabe und Partizipation",
    "Systementwicklung",
]


def ok(value: str, page: int, raw: str | None = None, stand: date | None = None) -> Amount:
    amount = Decimal(value)
    return Amount(raw=raw or value, status="ok", betrag_eur=amount, page=page, stand=stand)


def oa(page: int, raw: str = "o. A.") -> Amount:
    return Amount(raw=raw, status="not_stated", page=page, reason="im Plan nicht angegeben")


def note(text: str, page: int) -> Amount:
    return Amount(raw=text, status="note", note=text, page=page)


def figures(raw: str, page: int, *items: tuple[str | None, str]) -> KeyFigures:
    if raw in ("o. A.", "o.A."):
        return KeyFigures(raw=raw, status="not_stated", page=page)
    return KeyFigures(
        raw=raw,
        status="ok",
        page=page,
        items=[KeyFigure(label=label, value=Decimal(v), raw=v) for label, v in items],
    )


def text(value: str | None, pages: list[int], raw: str | None = None) -> Text:
    if value is None:
        return Text(raw=raw or "o. A.", text=None, status="not_stated", pages=pages)
    return Text(raw=raw or value, text=value, pages=pages)


def link(measure_id: str | None, method: str = "exact", score: float | None = 100.0) -> Link:
    return Link(measure_id=measure_id, method=method, score=score if measure_id else None)


def budget_line(
    id: str,
    sta: str,
    sta_name: str | None,
    name: str,
    measure_id: str | None,
    amounts: list[Amount],
    foerdergeber: Text,
    kennzahl: Text,
    werte: list[KeyFigures],
    page: int,
    method: str = "exact",
    score: float | None = 100.0,
) -> BudgetLine:
    a23, e23, a24, e24, a25, e25 = amounts
    w23, w24, w25 = werte
    return line_from(
        id=id,
        sta=sta,
        sta_raw=sta,
        sta_name=sta_name,
        massnahme=name,
        massnahme_raw=name,
        link=link(measure_id, method if measure_id else "none", score),
        aufwand_2023=a23,
        ertrag_2023=e23,
        aufwand_2024=a24,
        ertrag_2024=e24,
        aufwand_2025=a25,
        ertrag_2025=e25,
        foerdergeber=foerdergeber,
        kennzahl=kennzahl,
        wert_2023=w23,
        wert_2024=w24,
        wert_2025=w25,
        page=page,
        pages=[page],
    )


def _budget() -> list[BudgetLine]:
    return [
        budget_line(
            "B01",
            "45",
            "VHS Hamm",
            "Allgemeine Deutschkurse",
            "M01",
            [
                ok("100253", 33, "100.253"),
                ok("53211", 33, "53.211"),
                ok("94186", 33, "94.186"),
                ok("50209", 33, "50.209"),
                ok("97219", 33, "97.219"),
                ok("51710", 33, "51.710"),
            ],
            text("Teilnehmerentgelte finanziert", [33], "Teilneh- merent- gelte finan- ziert"),
            text("Teilnehmende", [33]),
            [
                figures("548", 33, (None, "548")),
                figures("501", 33, (None, "501")),
                figures("516", 33, (None, "516")),
            ],
            33,
        ),
        budget_line(
            "B02",
            "40",
            "Schulverwaltungsamt",
            "Kommunale Schulsozialarbeit",
            "M02",
            [
                ok("1012000", 32, "1.012.000"),
                ok("132000", 32, "132.000"),
                ok("905814", 32, "905.814"),
                Amount(
                    raw="762.58",
                    status="suspect",
                    page=32,
                    reason="Punkt mit zwei Stellen: Tausenderpunkt oder Dezimalpunkt?",
                ),
                ok("922592", 32, "922.592"),
                ok("762584", 32, "762.584"),
            ],
            text("Teilweise", [32]),
            text(None, [32]),
            [figures("o. A.", 32), figures("o. A.", 32), figures("o. A.", 32)],
            32,
        ),
        budget_line(
            "B03",
            "40",
            "Schulverwaltungsamt",
            "Ehrenamtlicher Laien-Sprachmittlerpool der Stadt Hamm",
            "M03",
            [
                note("Landesförderprojekt", 32),
                oa(32),
                note("Landesförderprojekt", 32),
                note("Land NRW", 32),
                note("Landesförderprojekt", 32),
                oa(32),
            ],
            text("Land NRW", [32]),
            text(None, [32]),
            [figures("o. A.", 32), figures("o. A.", 32), figures("o. A.", 32)],
            32,
            method="fuzzy",
            score=91.5,
        ),
        budget_line(
            "B04",
            "20",
            None,
            "Kultursensible Frauenqualifizierung",
            "M04",
            [
                ok("4265.64", 34, "4.265,64"),
                ok("4200", 34, "4.200"),
                oa(34),
                oa(34),
                oa(34),
                oa(34),
            ],
            text(None, [34]),
            text("Teilnehmende", [34]),
            [
                figures("39", 34, (None, "39")),
                figures("20", 34, (None, "20")),
                figures("o. A.", 34),
            ],
            34,
        ),
        budget_line(
            "B05",
            "55",
            "Jugendamt",
            "Elternschule Hamm e.V.",
            "M05",
            [
                ok("213431.09", 35, "213.431,09"),
                oa(35, "o. A"),
                ok("45821.54", 35, "45.821,54"),
                oa(35, "o. A"),
                oa(35, "o. A"),
                oa(35, "o. A"),
            ],
            text(None, [35]),
            text("Unterschiedliche Projekte", [35]),
            [figures("o. A.", 35), figures("o. A.", 35), figures("o. A.", 35)],
            35,
        ),
        budget_line(
            "B06",
            "24",
            None,
            "Förderung der MSO",
            None,
            [ok("22300", 34, "22.300"), oa(34), oa(34), oa(34), oa(34), oa(34)],
            text(None, [34]),
            text("Betreute Vereine", [34]),
            [
                figures("20", 34, (None, "20")),
                figures("51", 34, (None, "51")),
                figures("o. A.", 34),
            ],
            34,
        ),
        budget_line(
            "B07",
            "55",
            "Jugendamt",
            "Elternschule Hamm e.V. - Elternkurse",
            "M05",
            [oa(35), oa(35), ok("12000", 35, "12.000"), oa(35), ok("12500", 35, "12.500"), oa(35)],
            text(None, [35]),
            text("Kurse", [35]),
            [figures("o. A.", 35), figures("8", 35, (None, "8")), figures("9", 35, (None, "9"))],
            35,
            method="fuzzy",
            score=87.0,
        ),
    ]


def _measure(
    id: str,
    titel: str,
    traeger: str | None,
    beschreibung: str,
    felder: list[str],
    zielgruppe: str | None,
    sachstand: str | None,
    kennzahlen: list[KeyFigure],
    kennzahlen_raw: str,
    kosten: Amount,
    page: int,
    budget_rows: list[str],
    index_entry: str | None,
    codes: list[str] | None = None,
) -> Measure:
    source = {
        "titel": text(titel, [page]),
        "traeger": text(traeger, [page]),
        "beschreibung": text(beschreibung, [page, page + 1] if len(beschreibung) > 200 else [page]),
        "handlungsfelder": text(", ".join(felder), [page]),
        "zielgruppe": text(zielgruppe, [page]),
        "sachstand": text(sachstand, [page]),
        "kennzahlen": text(kennzahlen_raw, [page]),
        "kosten": text(kosten.raw, [page]),
    }
    return Measure(
        id=id,
        titel=titel,
        traeger=traeger,
        traeger_codes=codes or [],
        beschreibung=beschreibung,
        handlungsfelder=felder,
        zielgruppe=zielgruppe,
        sachstand=sachstand,
        kennzahlen=kennzahlen,
        kosten=kosten,
        pages=[page],
        budget_rows=budget_rows,
        index_entry=index_entry,
        source=source,
        kennzahlen_cell=KeyFigures(
            raw=kennzahlen_raw,
            status="ok" if kennzahlen else "not_stated",
            items=kennzahlen,
            page=page,
        ),
    )


def _measures() -> list[Measure]:
    m01 = _measure(
        "M01",
        "Allgemeine Deutschkurse",
        "VHS Hamm",
        "Allgemeine Deutschkurse richten sich insbesondere an zugewanderte Menschen, die über "
        "keine Berechtigung zur Teilnahme an einem Integrationskurs verfügen. Die Zielsetzung "
        "liegt in der Vermittlung der Deutschen Sprache, dazu werden unterschiedliche Kurse auf "
        "den Niveaustufen A1 bis B2 angeboten.",
        ["Sprache", "Qualifizierung und Arbeit", "Teilhabe und Partizipation"],
        "Zugewanderte Personen ohne Zugang zu Integrationskursen",
        "Die VHS bietet fortlaufend Allgemeine Deutschkurse an. Pro Semester nehmen zwischen "
        "100 und 150 Personen an einem dieser Kurse teil.",
        [KeyFigure(label="Teilnehmende", value=Decimal("501"), raw="Teilnehmende : 501")],
        "Teilnehmende : 501",
        ok("94186", 41, "Stand: 30.06.24: 94.186 €", stand=date(2024, 6, 30)),
        41,
        ["B01"],
        "I01",
    )
    m01.source["beschreibung"] = Text(
        raw="Allgemeine Deutschkurse richten sich ins- besondere an zugewanderte Menschen, die "
        "über keine Berechtigung zur Teilnahme an einem Integrationskurs verfügen.",
        text=m01.beschreibung,
        pages=[41],
        repairs=[Repair(kind="hyphenation", before="ins- besondere", after="insbesondere")],
    )
    m02 = _measure(
        "M02",
        "Kommunale Schulsozialarbeit",
        "Schulverwaltungsamt",
        "Schulsozialarbeit berät Schülerinnen und Schüler, Eltern und Lehrkräfte an allen "
        "Schulformen und vermittelt in Angebote der Jugendhilfe.",
        ["Erziehung und Bildung", "Teilhabe und Partizipation"],
        "Schülerinnen und Schüler und ihre Familien",
        "An 38 Schulen sind Fachkräfte der Schulsozialarbeit tätig.",
        [KeyFigure(label="Schulen", value=Decimal("38"), raw="Schulen: 38")],
        "Schulen: 38",
        ok("905814", 52, "Stand: 30.06.24: 905.814 €", stand=date(2024, 6, 30)),
        52,
        ["B02"],
        "I02",
        codes=["40"],
    )
    m03 = _measure(
        "M03",
        "Ehrenamtlicher Laien-Sprachmittlerpool der Stadt Hamm",
        "Kommunales Integrationszentrum (KI) Hamm",
        "Ehrenamtliche Sprachmittlerinnen und Sprachmittler begleiten Zugewanderte zu Terminen "
        "in Kitas, Schulen und Beratungsstellen.",
        ["Sprache", "Teilhabe und Partizipation", "Systementwicklung"],
        "Neuzugewanderte Menschen",
        None,
        [],
        "o. A.",
        Amount(raw="Landesförderprojekt", status="note", note="Landesförderprojekt", page=45),
        45,
        ["B03"],
        None,
        codes=["KI"],
    )
    m04 = _measure(
        "M04",
        "Kultursensible Frauenqualifizierung",
        None,
        "Qualifizierungskurse für Frauen mit Zuwanderungsgeschichte mit Kinderbetreuung "
        "während der Kurszeiten.",
        ["Qualifizierung und Arbeit", "Gesundheit"],
        "Frauen mit Zuwanderungsgeschichte",
        "Zwei Kurse wurden 2023 abgeschlossen.",
        [KeyFigure(label="Teilnehmende", value=Decimal("39"), raw="Teilnehmende: 39")],
        "Teilnehmende: 39",
        Amount(raw="o. A.", status="not_stated", page=47, reason="im Plan nicht angegeben"),
        47,
        ["B04"],
        "I04",
    )
    m05 = _measure(
        "M05",
        "Elternschule Hamm e.V.",
        "Elternschule Hamm e.V.",
        "Bildungsangebote, Beratung von Eltern und Fortbildung von Fachkräften.",
        ["Erziehung und Bildung", "Transkulturelle Wertesysteme"],
        "Eltern und Fachkräfte",
        "Das Angebot wird 2024 um Elternkurse erweitert.",
        [
            KeyFigure(label="Kurse", value=Decimal("8"), raw="Kurse: 8"),
            KeyFigure(label="Quote", value=Decimal("65.5"), unit="%", raw="Quote: 65,5 %"),
        ],
        "Kurse: 8 Quote: 65,5 %",
        ok("45821.54", 49, "Stand: 30.06.24: 45.821,54 €", stand=date(2024, 6, 30)),
        49,
        ["B05", "B07"],
        "I05",
    )
    return [m01, m02, m03, m04, m05]


def _districts() -> list[District]:
    rows = [
        ("Stadtmitte", "5674", "3589", "1690", "10953", "15010", False),
        ("Hamm-Westen", "7351", "4635", "1494", "13480", "10210", False),
        ("Hamm-Norden", "4305", "2867", "1639", "8811", "5416", False),
        ("Gesamt", "17330", "11091", "4823", "33244", "30636", True),
    ]
    return [
        District(
            sozialraum=name,
            auslaender=Decimal(a),
            eingebuergerte=Decimal(e),
            aussiedler=Decimal(s),
            migh_gesamt=Decimal(m),
            deutsche_ohne_migh=Decimal(d),
            ist_gesamt=total,
            page=9,
        )
        for name, a, e, s, m, d, total in rows
    ]


def _findings() -> list[Finding]:
    return [
        Finding(
            code="budget.suspect_amount",
            severity="error",
            message="Ertrag 2024 „762.58“ ist keine eindeutige Zahl und wird nicht mitgezählt.",
            refs=[Ref(kind="budget", id="B02", page=32, field="ertrag_2024")],
        ),
        Finding(
            code="budget.unlinked_row",
            severity="warning",
            message="Die Haushaltszeile „Förderung der MSO“ gehört zu keinem Steckbrief.",
            refs=[Ref(kind="budget", id="B06", page=34)],
        ),
        Finding(
            code="measure.cost_differs",
            severity="warning",
            message="Kosten im Steckbrief (Landesförderprojekt) und Haushalt weichen ab.",
            refs=[
                Ref(kind="measure", id="M03", page=45, field="kosten"),
                Ref(kind="budget", id="B03", page=32, field="aufwand_2024"),
            ],
        ),
        Finding(
            code="text.hyphenation_repaired",
            severity="info",
            message="Silbentrennung aufgehoben: „ins- besondere“ → „insbesondere“.",
            refs=[Ref(kind="measure", id="M01", page=41, field="beschreibung")],
        ),
        Finding(
            code="text.hyphenation_repaired",
            severity="info",
            message="Silbentrennung aufgehoben: „Teilneh- merent- gelte“ → „Teilnehmerentgelte“.",
            refs=[Ref(kind="budget", id="B01", page=33, field="foerdergeber")],
        ),
        Finding(
            code="population.total_checked",
            severity="info",
            message="Die Gesamtzeile der Bevölkerungstabelle ist die Summe der Sozialräume.",
            refs=[
                Ref(kind="district", id="Gesamt", page=9),
                Ref(kind="statement", id="S01", page=8),
            ],
        ),
    ]


def make_plan() -> CuratedPlan:
    """The fixture plan (a new object each call, safe to change)."""
    return CuratedPlan(
        budget_years=PLAN_YEARS,
        tool_version="0.1.0",
        source=SourceSummary(
            file_name="integrationsplan-hamm-2024.pdf", sha256="0" * 63 + "1", page_count=120
        ),
        handlungsfelder=HANDLUNGSFELDER,
        measures=_measures(),
        budget=_budget(),
        districts=_districts(),
        index=[
            IndexLink(id=f"I0{n}", titel=t, seite=p, seite_raw=str(p), page=118, link=link(m))
            for n, t, p, m in [
                (1, "Allgemeine Deutschkurse", 41, "M01"),
                (2, "Kommunale Schulsozialarbeit", 52, "M02"),
                (4, "Kultursensible Frauenqualifizierung", 47, "M04"),
                (5, "Elternschule Hamm e.V.", 49, "M05"),
            ]
        ],
        overview=[
            OverviewLink(
                id="O01",
                massnahme="Allgemeine Deutschkurse",
                handlungsfelder=["Sprache", "Qualifizierung und Arbeit"],
                page=28,
                link=link("M01"),
            ),
        ],
        claims=[
            StatsClaim(
                id="S01",
                text="Basierend auf diesen aktuellen Daten lässt sich ein Anteil "
                "von 39% Einwohner:innen mit Migrationshintergrund ableiten.",
                page=8,
            ),
            StatsClaim(
                id="S02",
                text="Rund 74 Tausend Menschen mit Migrationshintergrund leben in Hamm.",
                page=10,
            ),
        ],
        organisations={
            "40": "Schulverwaltungsamt",
            "45": "VHS Hamm",
            "55": "Jugendamt",
            "KI": "Kommunales Integrationszentrum",
        },
        findings=_findings(),
    )


def make_large_plan(copies: int = 10) -> CuratedPlan:
    """The fixture repeated ``copies`` times (50 measures, 70 budget rows): a plan of the
    real plan's size, for timing."""
    base = make_plan()
    measures: list[Measure] = []
    budget: list[BudgetLine] = []
    for n in range(copies):
        suffix = f"-{n}"
        for m in base.measures:
            measures.append(
                m.model_copy(
                    update={
                        "id": m.id + suffix,
                        "titel": f"{m.titel} ({n + 1})",
                        "budget_rows": [b + suffix for b in m.budget_rows],
                    }
                )
            )
        for b in base.budget:
            budget.append(
                b.model_copy(
                    update={
                        "id": b.id + suffix,
                        "link": b.link.model_copy(
                            update={
                                "measure_id": b.link.measure_id + suffix
                                if b.link.measure_id
                                else None
                            }
                        ),
                    }
                )
            )
    return base.model_copy(update={"measures": measures, "budget": budget})


SCRIPT = "<script>alert(1)</script>"
JINJA = "{{ 7*7 }}"
HOSTILE_TITLE = f"{SCRIPT} {JINJA} | *fett* [Link](javascript:alert(1)) $5$ # ~x~ `c`"
"""A measure title that is HTML, Jinja, Markdown table, emphasis, link, math and code at once."""


def make_hostile_plan() -> CuratedPlan:
    """The fixture plan with markup in every kind of text the report shows."""
    plan = make_plan()
    m01 = plan.measures[0]
    m01.titel = HOSTILE_TITLE
    m01.traeger = "VHS </td></tr></table><img src=x onerror=alert(2)>"
    m01.beschreibung = "Zeile 1\n# Überschrift\n- Liste\n1. Punkt\n<details open>x</details>"
    m01.source["titel"] = Text(raw=HOSTILE_TITLE, text=HOSTILE_TITLE, pages=[41])
    m01.source["beschreibung"] = Text(
        raw="# Überschrift\n---\n> Zitat\n    eingerückt\n<script>alert(3)</script>\n```",
        text=m01.beschreibung,
        pages=[41],
    )
    plan.budget[0].massnahme = f"Deutschkurse {SCRIPT} | x"
    plan.budget[0].sta_name = "<b>VHS</b>"
    plan.districts[0].sozialraum = "<i>Stadtmitte</i> | $1$"
    plan.findings[0].message = f"Befund {SCRIPT} {JINJA} [x](javascript:alert(1))"
    plan.findings[0].code = "budget.<b>suspect</b>"
    plan.claims[0].text = f"Anteil {SCRIPT} 39%"
    plan.handlungsfelder.append("<u>Neu</u>")
    m01.handlungsfelder.append("<u>Neu</u>")
    return plan
