"""Typeset small synthetic integration-plan PDFs in many layouts.

The real plan is one PDF in one layout, so extraction code tuned against it can
silently depend on accidents of that layout (grid lines, column widths, page
orientation, where a page break falls).  This module sets the *same* content in
deliberately different layouts so that tests can assert that extraction yields
identical records whatever the typesetting.  Text is wrapped only at spaces and
never hyphenated, so joining wrapped lines with single spaces restores the cell
text exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

__all__ = [
    "BOILERPLATE",
    "LONG_VALUE_CHARS",
    "TIGHT",
    "VARIANTS",
    "Layout",
    "PlanContent",
    "build_plan_pdf",
    "font_file",
    "overview_page_numbers",
    "sample_content",
]


@dataclass(frozen=True)
class PlanContent:
    """Everything the extractor should recover; plain data, independent of src/."""

    budget_header: list[str]
    budget_rows: list[list[str]]
    profiles: list[list[tuple[str, str]]]
    population_header: list[str]
    population_rows: list[list[str]]
    overview_sections: list[tuple[str, int]]
    overview_columns: list[str]
    overview_rows: list[tuple[str, list[bool]]]
    index_entries: list[tuple[str, str, str]]
    city: str = "Hamm"
    """The city the title page and the prose name ("Stadt Hamm")."""
    title: str = "Kommunaler Integrationsplan Fortschreibung"
    """The plan's title on its title page."""


@dataclass(frozen=True)
class Layout:
    """One way of typesetting a PlanContent; every field changes only the looks."""

    name: str
    pagesize: tuple[float, float] = A4
    budget_landscape: bool = True
    all_landscape: bool = False
    ruled: bool = True
    font: str = "Helvetica"
    font_size: float = 7.5
    col_scale: tuple[float, ...] | None = None
    cell_padding: float = 3
    valign: str = "TOP"
    header_repeat: bool = True
    budget_rows_per_page: int | None = None
    split_row_across_pages: bool = False
    mark_style: str = "x"
    amounts_right: bool = False
    """Budget amounts (and key figures) right-aligned in their cells, headers left-aligned."""
    wrap_amounts: bool = False
    """Amount columns as narrow as the second-widest amount: the widest wraps inside its cell
    ("213.431,0" over "9"), as in a narrow portrait typesetting."""


# Fixed texts around the tables; exported so tests can tell them from content.
TITLE = ("Stadt Hamm", "Kommunaler Integrationsplan Fortschreibung")
INTRO = (
    "Im Rahmen des Integrationsplans der Stadt Hamm werden diese Bedarfe erfasst und daraus "
    "eine Strategie für die kommunale Integrationsarbeit abgeleitet. Da Integration eine "
    "Querschnittsaufgabe darstellt, steht das Leitbild für eine übergreifende gemeinsame "
    "Haltung – die Grundlage für die Integrationsarbeit in Hamm."
)
POPULATION_HEADING = "Datenset der sozialen Lage"
POPULATION_PROSE = (
    "Die nachfolgende Tabelle 1 bietet einen statistischen Überblick über die "
    "Bevölkerungszahlen vom Jahr 2023 der Stadt Hamm (Stichtag: 30.06.2023)."
)
BUDGET_HEADING = "Maßnahmen"
BUDGET_PROSE = (
    "Im Rahmen des Integrationsplans der Stadt Hamm werden zahlreiche und "
    "verschiedenste Maßnahmen und Projekte umgesetzt; die folgende Übersicht nennt "
    "Aufwand, Ertrag und Kennzahlen."
)
OVERVIEW_HEADING = "Maßnahmenübersicht nach Handlungsfeldern"
OVERVIEW_CORNER = ("Integrationsabschnitte", "Handlungsfelder", "Seite")
INDEX_HEADING = "Steckbriefe der Maßnahmen in alphabetischer Reihenfolge"
BOILERPLATE: tuple[str, ...] = (
    *TITLE,
    INTRO,
    POPULATION_HEADING,
    POPULATION_PROSE,
    BUDGET_HEADING,
    BUDGET_PROSE,
    OVERVIEW_HEADING,
    *OVERVIEW_CORNER,
    INDEX_HEADING,
)

LONG_VALUE_CHARS = 1200  # profile values longer than this are forced across a page break

_RASSISMUS = (  # ~1500 characters, forced across a page break
    "Wir verstehen unter Rassismus das gesellschaftlich verankerte Machtgefüge, das soziale "
    "Ungleichverhältnisse produziert und legitimiert. Diese Ungleichverhältnisse werden durch "
    "Homogenisierung und gleichzeitige Hierarchisierung von Gruppen begründet und gehen mit einer "
    'festen Zuschreibung von Differenz in "Wir" und "Die" und der gesellschaftlichen Macht '
    "zur Durchsetzung dieser Unterscheidungslogik einher. Dieses Thema erlangt aktuell zunehmende "
    'Bedeutung auch dadurch, dass Rassismus nicht nur als ein Problem am "rechten Rand" der '
    "Gesellschaft verstanden werden kann, sondern als Problem in der Mitte einer Gesellschaft, "
    "die wir als durch Einwanderung und Vielfalt gekennzeichnet betrachten. In der Perspektive "
    'der Rassismuskritik formuliert Paul Mecheril (2007) den "Rassismus als Strukturierungsgröße '
    'gesellschaftlicher Realität, die gewissermaßen uns alle betrifft." Eine rassismuskritische '
    "Auseinandersetzung bedeutet: Menschen sind von Rassismus unterschiedlich betroffen – wie "
    "kann ich das in meiner professionellen Arbeit berücksichtigen? - Wie bin ich an "
    "rassistischen Unterscheidungspraxen ungewollt beteiligt? Das Kommunale Integrationszentrum "
    "bildet mit aktuell 14 weiteren Institutionen, Organisationen und Vertreter:innen der "
    "Zivilgesellschaft ein Netzwerk (Hammer Netzwerk rassismuskritische Arbeit), welches "
    "rassismuskritische Veranstaltungs- und Informationsreihen plant und durchführt. Eng "
    "verknüpft ist dieses Themenfeld mit den Aufgabenbereichen IKÖ und Demokratieförderung."
)


def sample_content() -> PlanContent:
    """Realistic excerpt of the Hamm plan 2024 (umlauts, ß, €, –, quotes, <, &, wrapping cells)."""
    header = [
        "StA",
        "Name der Maß- nahme",
        "Aufwand (€) 2023 Stand 30.06",
        "Ertrag (€) 2023 Stand 30.06",
        "Aufwand (€) 2024 Stand 30.06",
        "Ertrag (€) 2024 Stand 30.06",
        "Aufwand (€) 2025 geplant",
        "Ertrag (€) 2025 geplant",
        "Förderge- ber",
        "Kennzahl",
        "Wert 2023",
        "Wert 2024 Stand 30.06",
        "Wert 2025 geplant",
    ]
    na, lgp = "o. A.", "Landes- geförderte Personal- kosten"
    rows = [  # "|" separates the 13 cells; {na} and {lgp} abbreviate frequent cells
        "01|Vernetzungs- und Informationsstelle für Hilfsangebote für von Gewalt betroffene, "
        "geflüchtete und zugewanderte Frauen|38.251|{na}|42.703|{na}|{na}|{na}|{na}"
        "|Kontaktauf- nahme Sprechstunden Individuelle Begleitung|{na}|147|{na}",
        "01|Beratungs- und Begleitangebot für von Gewalt betroffene, ge- flüchtete und zu- "
        "gewanderte Frauen|45.821,54|{na}|51.345,87|{na}|{na}|{na}|{na}"
        "|Beratungen Begleitung Tel. Beratung|46 Std. 78 Std. 74 Std.|31 Std. 82 Std. 62 Std.|{na}",
        "40|Rucksack Schule|Land NRW|{na}|Land NRW|{na}|Land NRW|{na}|Land NRW|Schule|2|2|{na}",
        "04|Demokratie- förderung und Werteentwicklung|{lgp}|{na}|{lgp}|{na}|{lgp}|{na}|Land NRW"
        "|{na}|{na}|{na}|{na}",
        "40|FerienIntensiv Training – FIT in Deutsch|41.731|33.385|50.000|27.000|100.680|80.544"
        "|Land NRW|{na}|{na}|{na}|{na}",
        '40|Familienbildungs- und Sprachbil- dungs-programme "Griffbereit" und "Rucksack KiTa"'
        "|365.000|33.300|370.050|33.300|394.000|33.300|Beschluss- vorlage|{na}|{na}|{na}|{na}",
        "40|Kommunale Schulsozialarbeit|1.012.000|132.000|1.442.494|762.584|922.592|762.584"
        "|Teilweise|{na}|{na}|{na}|{na}",
        "41|Kulturelle Bildung - Landespro- gramm Kultur- rucksack|43.094|46.192|42.343|39.000"
        "|44.250|39.000|Land NRW|Teilnehmende|550|550|550",
        "45|Allgemeine Deutschkurse|100.253|53.211|94.186|50.209|97.219|51.710"
        "|Teilneh- merent- gelte finan- ziert|Teilnehmende|548|501|516",
        "45|Alpha Integrati- onskurse BAMF|{na}|49.700|o.A.|62.812|{na}|54.285 €|BAMF"
        "|Teilnehmende|13|25|15",
        "55|Willkommens-be- suche inklusive der Rabatz Spieletreffs|55.224|{na}|36.816|{na}|{na}"
        "|{na}||Durch-ge- führte Besu- che in %"
        "|bei Zuge- zogenen Familien 65 %, bei Neu- geborenen 69 %|{na}|{na}",
        '25|Bärenkalender "Ein Bär kommt in die Schule – und du kommst mit"|5.992,00|{na}'
        "|4.166,67|{na}|{na}|{na}||Bestellung Stk insgesamt|2500|2500|{na}",
        "55|Elternschule Hamm e.V.|213.431,09|{na}|113.207|{na}|{na}|{na}|"
        "|Unterschiedli- che Projekte (Bildungsange- bote, Beratung von Eltern, Fort- bildung von "
        "Fachkräften, Multiplikato- renangebote)|{na}|{na}|{na}",
    ]
    hf = "Handlungsfelder"
    profiles = [
        [
            ("Titel", "Allgemeine Deutschkurse"),
            ("Träger", "VHS Hamm"),
            (
                "Beschreibung",
                "Allgemeine Deutschkurse richten sich insbesondere an zugewanderte "
                "Menschen, die über keine Berechtigung zur Teilnahme an einem "
                "Integrationskurs verfügen. "
                "Die Zielsetzung liegt in der Vermittlung der Deutschen Sprache, dazu werden "
                "unterschiedliche Kurse auf den Niveaustufen A1 bis B2 angeboten.",
            ),
            (hf, "Sprache, Qualifizierung und Arbeit, Teilhabe und Partizipation"),
            ("Zielgruppe", "Zugewanderte Personen ohne Zugang zu Integrationskursen"),
            (
                "Sachstand",
                "Die VHS bietet fortlaufend Allgemeine Deutschkurse an. Pro Semester "
                "nehmen zwischen 100 und 150 Personen an einem dieser Kurse teil.",
            ),
            ("Kennzahlen", "Teilnehmende: 501"),
            ("Kosten", "Stand: 30.06.24: 94.186 €"),
        ],
        [
            ("Titel", "Allgemeine Integrationskurse im Auftrag des BAMF"),
            ("Träger", "VHS Hamm"),
            (
                "Beschreibung",
                "Allgemeine Integrationskurse bestehen aus einem Sprachkurs und einem "
                "Orientierungskurs mit einer regulären Gesamtdauer zwischen 700 und 1.000 "
                "Unterrichtseinheiten. Der Sprachkurs schließt mit der Prüfung „Deutsch-Test für "
                "Zuwanderer“ (DTZ) ab.",
            ),
            ("", "Allgemeine Integrationskurse für TN*innen mit dem Sprachniveauziel B 1"),
            (hf, "Sprache, Qualifizierung und Arbeit, Interkulturelle Wertesysteme"),
            ("Zielgruppe", "Zugewanderte Personen"),
            (
                "Sachstand",
                "Den Deutsch-Test für Zuwanderer haben rd. 95% der Teilnehmenden "
                'erfolgreich absolviert, den Test "Leben in Deutschland" etwa 92%.',
            ),
            ("Kennzahlen", "Teilnehmende: 217 (< 27 Jahre: 64 & > 27 Jahre: 153)"),
            ("Kosten", "Stand: 30.06.24: 8442 €"),
        ],
        [
            ("Titel", "Arbeit gegen Rassismus"),
            ("Träger", "Kommunales Integrationszentrum (KI) Hamm"),
            ("Beschreibung", _RASSISMUS),
            (hf, "Interkulturelle Wertesysteme, Systementwicklung"),
            ("Zielgruppe", "Organisationen / Fachkräfte/ Interessierte"),
            (
                "Sachstand",
                "Im November 2023 hat der Rat der Stadt Hamm den Beitritt zur Europäischen "
                'Städtekoalition gegen Rassismus "European Coalition of Cities Against Racism" '
                "(ECCAR) beschlossen.",
            ),
            ("Kennzahlen", "k.A."),
            ("Kosten", "k.A."),
        ],
        [
            ("Titel", "Integration in Beschäftigung"),
            ("Träger", "Kommunales Jobcenter Hamm AöR"),
            (
                "Beschreibung",
                "Berufliche Teilhabe und damit die Chance auf ein selbstbestimmtes Leben "
                "unabhängig von staatlichen Transferleistungen ist einer der zentralen "
                "Schlüssel zu gelungener Integration.",
            ),
            (hf, "Qualifizierung und Arbeit"),
            ("Zielgruppe", "(Junge) Erwachsene"),
            ("Zieigi uppe", "(Julige) Li wacliselle"),
            (
                "Sachstand",
                "2023 wurden insgesamt 1518 Menschen mit Flucht-, Zuwanderungs- und "
                "Migrationserfahrung in Beschäftigung integriert. Davon gehörten 471 zur "
                "Gruppe der Geflüchteten.",
            ),
            ("Kennzahlen", "Vermittlungen: 471 Teilnahme an Maßnahmen: 1518"),
            ("Kosten", "o.A."),
        ],
        [
            ("Titel", "Kleine Knirpse"),
            ("Träger", "Familienrathaus, Jugendamt, Caritas"),
            (
                "Beschreibung",
                'Projekt "Kleine Knirpse" Familien in Belastungssituationen brauchen '
                "pädagogische Angebote, die sich auszeichnen durch niederschwellige Zugänge, "
                "Kontinuität "
                "in der Beziehungsarbeit und einer Fokussierung auf die Förderung von "
                "Bindungsverhalten, Alltags- und Erziehungskompetenz.",
            ),
            (hf, "Erziehung und Bildung, Gesundheit, Teilhabe und Partizipation"),
            ("Zielgruppe", "Familien"),
            (
                "Sachstand",
                "Das Thema Integration hat sich bei den Kleinen Knirpsen weiter zu einer "
                "Win- Win Situation entwickelt.",
            ),
            ("Kennzahlen", "Anzahl betreute Fälle in 2023: 29 Anzahl betreute Fälle in 2024: o.A."),
            ("Kosten", "Stand 30.06.2024: 74.000,00 €"),
        ],
    ]
    population = [
        "Stadtmitte|5674|3589|1690|10953|15010",
        "Hamm- Westen|7351|4635|1494|13480|10210",
        "Hamm- Norden|4305|2867|1639|8811|5416",
        "Uentrop|1968|2716|2209|6893|19769",
        "Rhynern|1060|1370|1159|3589|14751",
        "Pelkum|2259|2140|983|5382|8005",
        "Herringen|2755|2635|911|6301|7897",
        "Bockum- Hövel|4094|3859|2795|10748|16635",
        "Heessen|3853|3259|1368|8480|9730",
        "Gesamt|33319|27070|14248|74637|107423",
    ]
    marks = {  # measure -> 1-based marked columns
        "Kleine Knirpse": (3, 4, 9),
        "Elternschule": (3, 9),
        "Hammer Hausbesuche": (3, 4, 7),
        "Willkommensbesuche inklusive der Rabatz Spieletreffs": (2, 9),
        'Bärenkalender "Ein Bär kommt in die Schule – und du kommst mit"': (1, 6),
        "Rucksack KiTa / Griffbereit": (1, 3, 9),
        "Kommunale Schulsozialarbeit (KUS)": (6, 10),
        "Allgemeine Deutschkurse": (1, 5, 9),
        "Arbeit gegen Rassismus": (8, 10),
        "Integration in Beschäftigung": (5,),
        "Ramadan Konzert": (),
    }
    index = [
        "A|Allgemeine Deutschkurse|48",
        "A|Allgemeine Integrationskurse im Auftrag des BAMF|49",
        "A|Alphabetisierungskurse im Auftrag des BAMF|50",
        "A|Anerkennung von Bildungs- und Berufsabschlüssen|51",
        "A|Arbeit gegen Rassismus|52",
        "B|Bärenkalender|61",
        "B|Berufliche Qualifizierung|62",
        "D|Demokratieförderung und Werteentwicklung|64",
        "E|Elternschule|72",
        'F|Familienbildungs- und Sprachbildungsprogramme "Griffbereit" und "Rucksack KiTa"|75',
        "F|FerienIntensivTraining – FIT in Deutsch|78",
        "F|Förderfonds Interkultur|81",
        "H|Hammer Hausbesuche|84",
        "I|Integration in Beschäftigung|94",
        "K|Kleine Knirpse|113",
        "K|Kommunale Schulsozialarbeit|119",
        "W|Willkommensbesuche inklusive der Rabatz Spieletreffs|160",
    ]
    return PlanContent(
        budget_header=header,
        budget_rows=[r.format(na=na, lgp=lgp).split("|") for r in rows],
        profiles=profiles,
        population_header=[
            "Sozialraum",
            "Ausländer:innen",
            "Deutsch- Einbürgerung",
            "Deutsch- Aussiedler",
            "EW MigH Gesamt",
            "Deutsch ohne MigH",
        ],
        population_rows=[r.split("|") for r in population],
        overview_sections=[
            ("Erstintegration/ Ankommen", 4),
            ("Integration in die Regelsysteme", 3),
            ("Partizipation und Zusammenhalt", 3),
        ],
        overview_columns=[
            "Sprache",
            "Wohnen",
            "Erziehung/ Bildung",
            "Gesundheit",
            "Qualifizierung und Ar- beit",
            "Bildung/ Erziehung",
            "Gesundheit",
            "Interkulturelle Werte- systeme",
            "Teilhabe und Partizi- pation",
            "Systementwicklung",
        ],
        overview_rows=[(name, [c + 1 in cols for c in range(10)]) for name, cols in marks.items()],
        index_entries=[(a, b, c) for a, b, c in (e.split("|") for e in index)],
    )


def overview_page_numbers(content: PlanContent) -> list[str]:
    """The overview's "Seite" column: the index page of the same-titled profile, else ""."""
    pages = {title: page for _, title, page in content.index_entries}
    return [pages.get(name, "") for name, _ in content.overview_rows]


def font_file(name: str) -> Path | None:
    """Path of a TrueType font (e.g. DejaVuSans): from matplotlib's bundled fonts, which every
    environment of the project has, else from the system's fonts; None if absent."""
    bundled = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / f"{name}.ttf"
    if bundled.is_file():
        return bundled
    return next(Path("/usr/share/fonts").rglob(f"{name}.ttf"), None)


VARIANTS: list[Layout] = [
    Layout("default_a4"),
    Layout("unruled", ruled=False, cell_padding=2.5),
    Layout("letter_portrait", pagesize=LETTER, budget_landscape=False, font_size=6),
    Layout(
        "times_small_narrow",
        font="Times-Roman",
        font_size=6.5,
        col_scale=(1,) * 13,
        budget_rows_per_page=4,
    ),
    Layout(
        "courier_wide",
        font="Courier",
        font_size=7,
        cell_padding=4,
        header_repeat=False,
        col_scale=(0.5, 3.5, 1, 1, 1, 1, 1, 1, 1, 1.6, 1, 1, 1),
    ),
    Layout("middle_unruled", ruled=False, valign="MIDDLE", font_size=8),
    Layout("split_rows", split_row_across_pages=True),
    Layout("fill_marks_unruled", ruled=False, mark_style="fill"),
    Layout("all_landscape_letter", pagesize=LETTER, all_landscape=True, font_size=8),
    Layout("dejavu_fill", font="DejaVuSans", mark_style="fill", valign="MIDDLE"),
]


TIGHT = Layout(
    "tight_unruled",
    ruled=False,
    budget_landscape=False,
    font_size=6.5,
    cell_padding=0.5,
    amounts_right=True,
    wrap_amounts=True,
    col_scale=(0.5, 2.2, 1, 1, 1, 1, 1, 1, 1.2, 1.5, 0.8, 0.8, 0.8),
)
"""Narrow portrait budget columns without lines, one point apart (less than a character):
pdfplumber runs neighbouring cells together ("80.544Land", "A.o."), a right-aligned Ertrag
touches the Fördergeber beside it, the widest amount wraps. Not in VARIANTS: its words are
not the content's words, which is the point (tests/extract/test_tight_layout.py)."""

_AMOUNT_COLUMNS = range(2, 8)
_NUMBER = re.compile(r"[\d.,]+")
_FIGURE_COLUMNS = range(10, 13)


def _fonts(layout: Layout) -> tuple[str, str]:
    """Register (if TrueType) and return the regular and bold font names."""
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}
    if layout.font in bold:
        return layout.font, bold[layout.font]
    names = [layout.font, layout.font + "-Bold"]
    for name in names:
        path = font_file(name)
        if name not in pdfmetrics.getRegisteredFontNames() and path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    registered = pdfmetrics.getRegisteredFontNames()
    if layout.font not in registered:
        raise FileNotFoundError(f"font {layout.font!r} not found")
    return layout.font, names[1] if names[1] in registered else layout.font


_SIDES = ("LEFT", "RIGHT", "TOP", "BOTTOM")


class _Typesetter:
    """Builds the flowables for one (content, layout) pair."""

    def __init__(self, content: PlanContent, layout: Layout):
        self.c, self.lay = content, layout
        self.font, self.bold = _fonts(layout)
        self.size = layout.font_size
        size, turn = layout.pagesize, layout.budget_landscape or layout.all_landscape
        self.portrait = landscape(size) if layout.all_landscape else portrait(size)
        self.wide = landscape(size) if turn else self.portrait
        self.margin, self.bottom = 40.0, 50.0

    def frame_size(self, page: tuple[float, float]) -> tuple[float, float]:
        return page[0] - 2 * self.margin, page[1] - self.margin - self.bottom

    def style(
        self, bold: bool = False, size: float | None = None, align: int = 0, after: float = 0
    ) -> ParagraphStyle:
        """Paragraph style that wraps only at spaces: no hyphenation, no splitting of long words."""
        size = size or self.size
        return ParagraphStyle(
            "s",
            fontName=self.bold if bold else self.font,
            fontSize=size,
            leading=size * 1.2,
            alignment=align,
            spaceBefore=0,
            spaceAfter=after,
            splitLongWords=0,
            hyphenationLang="",
            embeddedHyphenation=0,
            uriWasteReduce=0,
        )

    def para(self, text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(text), style)

    def widths(
        self,
        rows: list[list[str]],
        bold_rows: int,
        total: float,
        scale: list[float],
        size: float | None = None,
        bold_cols: int = 0,
        wrap: Sequence[int] = (),
    ) -> list[float]:
        """Column widths proportional to `scale` but never narrower than the longest word of a
        column, because an unbreakable word wider than its cell would overflow into the next.
        Columns in `wrap` are exactly as wide as their second-widest word needs (their widest
        word is split inside the cell)."""
        size, need, name = size or self.size, [0.0] * len(scale), self.lay.name
        second: dict[int, list[float]] = {i: [] for i in wrap}
        if any(len(row) != len(scale) for row in rows):
            raise ValueError(f"layout {name!r}: {len(scale)} column widths for other rows")
        for r, row in enumerate(rows):
            for i, text in enumerate(row):
                font = self.bold if r < bold_rows or i < bold_cols else self.font
                pad = 2 * self.lay.cell_padding + 1
                for w in text.split(" "):
                    width = pdfmetrics.stringWidth(w, font, size) + pad
                    if i in second and r >= bold_rows and _NUMBER.fullmatch(w):
                        second[i].append(width)
                    else:
                        need[i] = max(need[i], width)
        fixed: dict[int, float] = {
            i: max(need[i], sorted(set(ws))[-2] if len(set(ws)) > 1 else ws[0])
            for i, ws in second.items()
            if ws
        }
        while True:
            free = [i for i in range(len(scale)) if i not in fixed]
            rest = total - sum(fixed.values())
            unit = rest / sum(scale[i] for i in free) if free else 0
            short = [i for i in free if scale[i] * unit < need[i]]
            if not short:
                break
            fixed.update((i, need[i]) for i in short)
        if rest < -0.01:
            raise ValueError(f"layout {name!r}: columns need {sum(need):.0f}pt of {total:.0f}pt")
        return [fixed.get(i, scale[i] * unit) for i in range(len(scale))]

    def table(
        self,
        data: list[list[Flowable]],
        widths: list[float],
        header_rows: int = 0,
        extra: Sequence[tuple[Any, ...]] = (),
        **kw: Any,
    ) -> Table:
        """Table with the layout's grid policy: full grid plus header fill, or no lines/rects."""
        pad, everything = self.lay.cell_padding, ((0, 0), (-1, -1))
        cmds: list[tuple[Any, ...]] = [("VALIGN", *everything, self.lay.valign)]
        cmds += [(side + "PADDING", *everything, pad) for side in _SIDES]
        cmds += extra
        if self.lay.ruled:
            cmds.append(("GRID", *everything, 0.5, colors.black))
            if kw.get("splitInRow"):  # GRID leaves a split row open at the foot and below header
                cmds += [
                    ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, colors.black),
                    ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.5, colors.black),
                ]
            if header_rows:
                fill = colors.HexColor("#d9e2f3")
                cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), fill))
        return Table(data, colWidths=widths, style=cmds, **kw)

    def cells(
        self,
        rows: list[list[str]],
        bold_rows: int = 1,
        size: float | None = None,
        align: dict[int, int] | None = None,
        body_only: bool = False,
        split: Sequence[int] = (),
    ) -> list[list[Flowable]]:
        """Paragraph cells; `align` by column (for body rows only with `body_only`); words of
        the columns in `split` that are numbers may be split inside their cell."""
        styles = [self.style(False, size), self.style(True, size)]

        def style(r: int, i: int, text: str) -> ParagraphStyle:
            head = r < bold_rows
            aligned = 0 if head and body_only else (align or {}).get(i, 0)
            splits = i in split and not head and bool(_NUMBER.fullmatch(text))
            return ParagraphStyle(
                "a", parent=styles[head], alignment=aligned, splitLongWords=int(splits)
            )

        return [
            [Paragraph(escape(t), style(r, i, t)) for i, t in enumerate(row)]
            for r, row in enumerate(rows)
        ]

    def heading(self, text: str) -> Paragraph:
        return self.para(text, self.style(True, 13, after=8))

    def prose(self, text: str) -> Paragraph:
        return self.para(text, self.style(size=10, after=10))

    def front(self) -> list[Flowable]:
        """Title page, then prose and the population table."""
        big, c = self.style(True, 20, TA_CENTER, 14), self.c
        title = (f"Stadt {c.city}", c.title)
        out: list[Flowable] = [Spacer(1, 120), *(self.para(t, big) for t in title)]
        out += [self.prose(INTRO.replace("Hamm", c.city)), PageBreak()]
        out += [
            self.heading(POPULATION_HEADING),
            self.prose(POPULATION_PROSE.replace("Hamm", c.city)),
        ]
        rows = [c.population_header, *c.population_rows]
        w = self.widths(rows, 1, self.frame_size(self.portrait)[0] * 0.8, [1.6, 1.2, 1, 1, 1, 1])
        data = self.cells(rows, align={i: TA_RIGHT for i in range(1, 6)})
        return [*out, self.table(data, w, 1, repeatRows=1)]

    def budget(self) -> list[Flowable]:
        """Budget table(s): chunked by budget_rows_per_page, maybe one row split across pages."""
        lay, c = self.lay, self.c
        width, height = self.frame_size(self.wide)
        scale = list(lay.col_scale or (0.6, 2.4, 1, 1, 1, 1, 1, 1, 1.1, 1.5, 1, 1, 1))
        wrap = _AMOUNT_COLUMNS if lay.wrap_amounts else ()
        w = self.widths([c.budget_header, *c.budget_rows], 1, width, scale, wrap=wrap)
        right = {i: TA_RIGHT for i in (*_AMOUNT_COLUMNS, *_FIGURE_COLUMNS)}
        align = right if lay.amounts_right else None
        n = lay.budget_rows_per_page or len(c.budget_rows)
        chunks = [c.budget_rows[i : i + n] for i in range(0, len(c.budget_rows), n)]
        intro = [self.heading(BUDGET_HEADING), self.prose(BUDGET_PROSE.replace("Hamm", c.city))]
        out: list[Flowable] = [NextPageTemplate("wide"), PageBreak(), *intro]
        split: dict[str, Any] = {}
        if lay.split_row_across_pages:  # prefer splitting inside the row that straddles the break
            split = {"splitByRow": 0, "splitInRow": 1}
        for k, chunk in enumerate(chunks):
            head = 1 if k == 0 or lay.header_repeat else 0
            data = self.cells(
                ([c.budget_header] if head else []) + chunk,
                head,
                align=align,
                body_only=True,
                split=wrap,
            )
            t = self.table(data, w, head, repeatRows=head if lay.header_repeat else 0, **split)
            if k:
                out.append(PageBreak())
            elif split:
                out.append(self.straddle(t, intro, width, height))
            out.append(t)
        return out

    def straddle(self, t: Table, before: list[Paragraph], width: float, height: float) -> Spacer:
        """Spacer putting the first page boundary through the middle of the tallest row that fits
        on the first page: otherwise the table may fit on one page, or the boundary may fall
        between rows or into a row's last line, and reportlab then breaks between rows."""
        used = sum(p.wrap(width, height)[1] + p.getSpaceAfter() for p in before)
        t.wrap(width, height)
        hs = t._rowHeights
        ends = [sum(hs[: i + 1]) for i in range(len(hs))]
        fits = [i for i in range(1, len(hs)) if ends[i] <= height - used]
        k = max(fits, key=lambda i: hs[i], default=1)
        return Spacer(1, max(0.0, height - used - ends[k] + hs[k] / 2))

    def overview(self) -> list[Flowable]:
        """Two header rows (section spans, field columns), then measures with marks and page."""
        c, lay = self.c, self.lay
        ncol = len(c.overview_columns)
        if sum(n for _, n in c.overview_sections) != ncol:
            raise ValueError("overview_sections must span exactly the overview_columns")
        top = [OVERVIEW_CORNER[0]]
        spans: list[tuple[Any, ...]] = []
        for title, n in c.overview_sections:
            spans.append(("SPAN", (len(top), 0), (len(top) + n - 1, 0)))
            top += [title] + [""] * (n - 1)
        rows = [top + [""], [OVERVIEW_CORNER[1], *c.overview_columns, OVERVIEW_CORNER[2]]]
        text = lay.mark_style == "x"
        for (name, flags), page in zip(c.overview_rows, overview_page_numbers(c), strict=True):
            rows.append([name, *("x" if f and text else "" for f in flags), page])
        fill = colors.HexColor("#f4b183")
        fills = [
            ("BACKGROUND", (j + 1, r + 2), (j + 1, r + 2), fill)
            for r, (_, flags) in enumerate(c.overview_rows)
            for j, f in enumerate(flags)
            if f and not text
        ]
        # Spanned section titles only need to fit their span, so size columns without row 0.
        w = self.widths(rows[1:], 1, self.frame_size(self.wide)[0], [3.2] + [1] * ncol + [0.7])
        data = self.cells(rows, 2, align={i: TA_CENTER for i in range(1, ncol + 2)})
        t = self.table(data, w, 2, extra=spans + fills, repeatRows=2)
        return [PageBreak(), self.heading(OVERVIEW_HEADING), t]

    def index(self) -> list[Flowable]:
        """Alphabetical profile index as a 2-column table with letter heading rows."""
        rows: list[list[str]] = []
        letters: list[int] = []
        for head, title, page in self.c.index_entries:
            if not rows or head != rows[letters[-1]][0]:
                letters.append(len(rows))
                rows.append([head, ""])
            rows.append([title, page])
        size = self.size * 1.3
        w = self.widths(rows, 0, self.frame_size(self.portrait)[0] * 0.8, [6, 1], size)
        data = self.cells(rows, 0, size, {1: TA_RIGHT})
        for r in letters:
            data[r][0] = self.para(rows[r][0], self.style(True, size))
        return [
            NextPageTemplate("portrait"),
            PageBreak(),
            self.heading(INDEX_HEADING),
            self.table(data, w),
        ]

    def profiles(self) -> list[Flowable]:
        """One label/value table per profile, each on a new page; rows may split across pages.

        Values longer than LONG_VALUE_CHARS are cut at the middle word and continued after a
        page break in a row with an empty label, as in the real plan: whether reportlab splits
        the row by itself depends on font metrics, and the tests need the break in every layout.
        """
        size = self.size * 1.4
        label, value = self.style(True, size), self.style(False, size)
        width = self.frame_size(self.portrait)[0]
        out: list[Flowable] = []
        for profile in self.c.profiles:
            w = self.widths([list(r) for r in profile], 0, width, [1, 3], size, bold_cols=1)
            parts: list[list[tuple[str, str]]] = [[]]
            for lab, val in profile:
                words = val.split(" ")
                if len(val) > LONG_VALUE_CHARS:
                    half = len(words) // 2
                    parts[-1].append((lab, " ".join(words[:half])))
                    parts.append([("", " ".join(words[half:]))])
                else:
                    parts[-1].append((lab, val))
            for part in parts:
                data = [[self.para(a, label), self.para(b, value)] for a, b in part]
                # Labels stay on top: a MIDDLE label can land in the continuation of a split row.
                top = [("VALIGN", (0, 0), (0, -1), "TOP")]
                out += [PageBreak(), self.table(data, w, extra=top, splitByRow=1, splitInRow=1)]
        return out


def build_plan_pdf(path: Path, content: PlanContent, layout: Layout) -> Path:
    """Write the synthetic plan for `content` typeset in `layout` to `path` and return it."""
    ts = _Typesetter(content, layout)
    path = Path(path)

    def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:  # "Seite N", like the real plan
        canvas.saveState()
        canvas.setFont(ts.font, 8)
        canvas.drawCentredString(doc.pageTemplate.pagesize[0] / 2, 22, f"Seite {doc.page}")
        canvas.restoreState()

    def template(tid: str, page: tuple[float, float]) -> PageTemplate:
        w, h = ts.frame_size(page)
        frame = Frame(
            ts.margin,
            ts.bottom,
            w,
            h,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=tid,
        )
        return PageTemplate(id=tid, frames=[frame], pagesize=page, onPage=footer)

    templates = [template("portrait", ts.portrait), template("wide", ts.wide)]
    doc = BaseDocTemplate(
        str(path),
        pagesize=ts.portrait,
        title="Integrationsplan (synthetisch)",
        author="hammplan tests",
        invariant=1,
        pageTemplates=templates,
    )
    doc.build([*ts.front(), *ts.budget(), *ts.overview(), *ts.index(), *ts.profiles()])
    return path
