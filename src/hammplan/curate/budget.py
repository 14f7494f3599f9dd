"""Budget rows -> budget lines: every amount a number, a named absence, a note or a suspect.

Context makes a cell suspect where its own text cannot: "762.58" beside "762.584" is a
truncated number, not 762,58 €. Such cells are marked and reported, never guessed.
"""

from __future__ import annotations

from collections import Counter

from hammplan.curate.amounts import parse_amount, parse_amount_with_marker, parse_german_number
from hammplan.curate.cellkinds import (
    dropped_between,
    marker_doubt,
    value_cell_doubt,
    word_cell_doubt,
)
from hammplan.curate.debris import strip_debris
from hammplan.curate.findings import Finding, Ref, quoted
from hammplan.curate.keyfigures import parse_key_figures
from hammplan.curate.organisations import resolve_code
from hammplan.curate.text import clean_text, clean_text_with_marker, first_page
from hammplan.notstated import NotStated
from hammplan.records.budget import BudgetRow
from hammplan.records.plan import ARTEN, BudgetLine, BudgetYear, Link, YearValues
from hammplan.records.provenance import SourceCell
from hammplan.records.values import Amount, KeyFigures, Repair, Text
from hammplan.vocabulary import BudgetVocabulary, OrganisationsVocabulary


def budget_years(rows: list[BudgetRow]) -> list[BudgetYear]:
    """The years the budget table prints, in printed order, each with its basis and kinds."""
    years: dict[int, BudgetYear] = {}
    for row in rows:
        for cell in row.values:
            if cell.year is None or cell.role not in ARTEN:
                continue
            year = years.setdefault(cell.year, BudgetYear(jahr=cell.year, arten=[]))
            if year.basis is None and cell.basis is not None:
                year.basis, year.stand = cell.basis, cell.as_of
            if cell.role not in year.arten:
                year.arten.append(cell.role)
    for year in years.values():
        year.arten.sort(key=ARTEN.index)
    return list(years.values())


WertCell = tuple[KeyFigures, str]
"""A Wert cell parsed, and its text as printed (rule debris removed), which the doubts about
Wert cells judge (:func:`_doubt_wert_cells`)."""


def _row_values(row: BudgetRow, years: list[BudgetYear]) -> tuple[list[YearValues], list[WertCell]]:
    """A row's values year by year, each kind parsed (None where the table prints no column),
    and its Wert cells in the same order."""
    jahre: list[YearValues] = []
    wert_cells: list[WertCell] = []
    for year in years:
        values = YearValues(jahr=year.jahr)
        for kind in year.arten:
            cell = row.value(kind, year.jahr)
            if cell is None:
                continue
            if kind == "wert":
                printed, debris = strip_debris(cell.text)
                values.wert = _figures(cell, printed, debris)
                wert_cells.append((values.wert, printed))
            else:
                setattr(values, kind, _amount(cell))
        jahre.append(values)
    return jahre, wert_cells


def _page(cell: SourceCell) -> int | None:
    return cell.pages[0] if cell.pages else None


def _amount(cell: SourceCell) -> Amount:
    printed, debris = strip_debris(cell.text)
    amount, marker = parse_amount_with_marker(printed)
    wrapped = _wrapped_amount(printed) if amount.status == "suspect" else None
    if wrapped is not None:
        amount = parse_amount(wrapped.after)
        debris.append(wrapped)
    amount.raw = cell.text
    amount.page = _page(cell)
    amount.repairs[:0] = debris
    if amount.status == "note" and amount.note:
        text = clean_text(amount.note)
        amount.repairs.extend(text.repairs)
        amount.note = text.text
    if marker is not None and marker.variant:
        amount.repairs.append(
            Repair(kind="recognition", before=printed, after="o. A.", detail=amount.reason)
        )
    return amount


def _wrapped_amount(text: str) -> Repair | None:
    """The repair rejoining an amount that wrapped inside its narrow cell ("213.431,0" over
    "9"), if its pieces form a valid amount only together: joined they parse, and some piece
    does not parse alone (two numbers that each parse, "45 821", stay as printed)."""
    pieces = text.split()
    joined = "".join(pieces)
    if (
        len(pieces) < 2
        or parse_german_number(joined) is None
        or all(parse_german_number(piece) is not None for piece in pieces)
    ):
        return None
    return Repair(
        kind="continuation",
        before=text,
        after=joined,
        detail="in der Zelle umbrochener Betrag zusammengefügt",
    )


def _figures(cell: SourceCell, printed: str, debris: list[Repair]) -> KeyFigures:
    """A Wert cell's figures, read from ``printed`` (its text without the rule ``debris``)."""
    figures = parse_key_figures(printed)
    figures.raw = cell.text
    figures.page = _page(cell)
    figures.repairs[:0] = debris
    return figures


def _text(cell: SourceCell) -> tuple[Text, NotStated | None]:
    """A text cell cleaned (:func:`~hammplan.curate.text.clean_text`), rule debris of a scan
    removed first, and the "not stated" marker it was read as (None if none)."""
    printed, debris = strip_debris(cell.text)
    text, marker = clean_text_with_marker(printed, cell.pages)
    text.raw = cell.text
    text.repairs[:0] = debris
    return text, marker


def _digits(amount: Amount) -> str:
    return "".join(ch for ch in amount.raw if ch.isdigit())


def _name_truncations(columns: dict[str, Amount | KeyFigures]) -> None:
    """A suspect amount whose digits are a longer neighbour's minus its last digit was cut
    off: its reason says so, naming the neighbour. ``columns``: the line's values by column."""
    amounts = {name: value for name, value in columns.items() if isinstance(value, Amount)}
    for name, amount in amounts.items():
        if amount.status != "suspect":
            continue
        mine = _digits(amount)
        for other_name, other in amounts.items():
            theirs = _digits(other)
            if (
                other_name != name
                and other.status == "ok"
                and len(theirs) > len(mine) >= 3
                and theirs.startswith(mine)
                and len(theirs) - len(mine) == 1
            ):
                amount.betrag_eur = None
                amount.reason = (
                    f"{quoted(amount.raw)} wirkt abgeschnitten: {other_name} derselben "
                    f"Zeile lautet {quoted(other.raw)}"
                )
                break


def curate_budget(
    rows: list[BudgetRow],
    organisations: OrganisationsVocabulary,
    words: BudgetVocabulary | None = None,
) -> tuple[list[BudgetLine], list[Finding]]:
    """One :class:`BudgetLine` per extracted budget row (not yet linked to measures).

    ``words`` names the budget's short words (see :func:`word_cell_doubt`); without it every
    short funder word that is no acronym is doubted.
    """
    short_words = words.short_words if words is not None else []
    lines: list[BudgetLine] = []
    findings: list[Finding] = []
    years = budget_years(rows)
    for number, row in enumerate(rows, start=1):
        ident = f"b{number:03d}"
        page = row.pages[0] if row.pages else 0
        sta, sta_debris = strip_debris(row.sta.text)
        code, code_repairs = resolve_code(sta, organisations)
        name, _ = _text(row.name)
        funder, funder_marker = _text(row.funder)
        indicator, indicator_marker = _text(row.indicator)
        jahre, wert_cells = _row_values(row, years)
        line = BudgetLine(
            id=ident,
            sta=code,
            sta_raw=row.sta.text,
            massnahme=name.text or "",
            massnahme_raw=row.name.text,
            link=Link(measure_id=None, method="none"),
            jahre=jahre,
            foerdergeber=funder,
            kennzahl=indicator,
            page=page,
            pages=row.pages,
            repairs=[*sta_debris, *code_repairs, *name.repairs],
        )
        columns = line.by_column()
        _name_truncations(columns)
        where = Ref(kind="budget", id=ident, page=page)
        markers = {"foerdergeber": funder_marker, "kennzahl": indicator_marker}
        findings.extend(_garbled_words(line, where, markers))
        findings.extend(_misread_kinds(line, where, short_words))
        _doubt_wert_cells(wert_cells)
        for field, value in columns.items():
            if value.status == "suspect":
                findings.append(
                    Finding(
                        code="value_suspect",
                        severity="error",
                        message=(
                            f"Haushaltszeile {quoted(line.massnahme)}: {field} "
                            f"{quoted(value.raw)} ist nicht vertrauenswürdig ({value.reason})"
                        ),
                        refs=[where.model_copy(update={"field": field, "page": value.page})],
                    )
                )
            elif value.status == "not_stated" and value.repairs:
                findings.append(
                    Finding(
                        code="not_stated_garbled",
                        severity="info",
                        message=(
                            f"Haushaltszeile {quoted(line.massnahme)}: {field} "
                            f"{quoted(value.raw)} als „o. A.“ gelesen (Erkennungsfehler)"
                        ),
                        refs=[where.model_copy(update={"field": field, "page": value.page})],
                    )
                )
        if not code.isdigit() and code not in organisations.codes:
            findings.append(
                Finding(
                    code="sta_unknown",
                    severity="warning",
                    message=(
                        f"Haushaltszeile {quoted(line.massnahme)}: StA {quoted(row.sta.text)} "
                        "ist kein bekanntes Kürzel"
                    ),
                    refs=[where],
                )
            )
        lines.append(line)
    findings.extend(_odd_code_lengths(lines))
    return lines, findings


def _garbled_words(
    line: BudgetLine, where: Ref, markers: dict[str, NotStated | None]
) -> list[Finding]:
    """Word cells that only a speck was read from ("Бĺ") are suspect, never "not stated";
    ``markers``: the marker each word column's cell was read as.

    In an amount column a speck among "o. A." cells is most likely a misprinted marker (and is
    reported as such); a funder or key-figure cell holds words, so nothing can be assumed.
    """
    findings = []
    for field, marker in markers.items():
        text = getattr(line, field)
        if marker is None or marker.pattern != "speck":
            continue
        text.status = "suspect"
        text.repairs = [r for r in text.repairs if r.after != "o. A."]
        findings.append(
            Finding(
                code="cell_garbled",
                severity="warning",
                message=(
                    f"Haushaltszeile {quoted(line.massnahme)}: {field} {quoted(text.raw)} ist "
                    "unleserlich und wird nicht als „o. A.“ gewertet. Was hier gedruckt "
                    "ist, lässt sich nicht lesen"
                ),
                refs=[where.model_copy(update={"field": field, "page": first_page(text.pages)})],
            )
        )
    return findings


def _vocabulary_case(cell: Text, short_words: list[str]) -> None:
    """A funder cell that is one of the vocabulary's short words in another case ("ja" for
    "Ja") takes the vocabulary's spelling, recorded: a scan's recognition reads the case of a
    letter that a rule touched or a speck blurred wrongly, and the word is the same."""
    if cell.status != "ok" or not cell.text:
        return
    for word in short_words:
        if cell.text != word and cell.text.casefold() == word.casefold():
            cell.repairs.append(
                Repair(
                    kind="vocabulary",
                    before=cell.text,
                    after=word,
                    detail="case as the vocabulary spells this word of the column",
                )
            )
            cell.text = word
            return


def _misread_kinds(line: BudgetLine, where: Ref, short_words: list[str]) -> list[Finding]:
    """Word cells whose text is not of their column's kind (:mod:`hammplan.curate.cellkinds`)
    become suspect, each with its own finding: a funder that is no word, a key-figure label
    that is a mangled marker."""
    findings = []
    checks = (
        ("foerdergeber", lambda t: word_cell_doubt(t, short_words)),
        ("kennzahl", marker_doubt),
    )
    _vocabulary_case(line.foerdergeber, short_words)
    for field, check in checks:
        cell: Text = getattr(line, field)
        doubt = check(cell.text) if cell.status == "ok" and cell.text else None
        if doubt is None:
            continue
        cell.status = "suspect"
        cell.text = None
        findings.append(
            Finding(
                code="cell_garbled",
                severity="warning",
                message=(
                    f"Haushaltszeile {quoted(line.massnahme)}: {field} {quoted(cell.raw)} "
                    f"ist vermutlich falsch erkannt ({doubt}) und wird nicht verwendet, bis "
                    "es geprüft ist"
                ),
                refs=[where.model_copy(update={"field": field, "page": first_page(cell.pages)})],
            )
        )
    return findings


def _doubt_wert_cells(cells: list[WertCell]) -> None:
    """Wert cells of one line whose text is no count (:mod:`hammplan.curate.cellkinds`) become
    suspect; they are reported with the line's other suspect values."""
    values = [figures for figures, _ in cells]
    printed = [text for _, text in cells]
    reasons = {
        i: value_cell_doubt(text) for i, text in enumerate(printed) if values[i].status != "suspect"
    }
    for i in dropped_between(printed, [v.status == "ok" for v in values]):
        reasons[i] = "leere Zelle zwischen zwei gedruckten Zellen (Ziffer verloren?)"
    for i, reason in reasons.items():
        if reason is not None:
            _make_suspect(values[i], reason)


def _make_suspect(figures: KeyFigures, reason: str) -> None:
    """Mark a Wert cell suspect: no figure of it keeps a value."""
    figures.status = "suspect"
    figures.reason = reason
    figures.items = [
        item.model_copy(update={"status": "suspect", "value": None}) for item in figures.items
    ]


def _odd_code_lengths(lines: list[BudgetLine]) -> list[Finding]:
    """Amt numbers printed with fewer or more digits than most ("4" among "40", "41")."""
    lengths = Counter(len(line.sta) for line in lines if line.sta.isdigit())
    if not lengths:
        return []
    usual = lengths.most_common(1)[0][0]
    return [
        Finding(
            code="sta_suspect",
            severity="warning",
            message=(
                f"Haushaltszeile {quoted(line.massnahme)}: StA {quoted(line.sta_raw)} "
                f"hat {len(line.sta)} Stelle(n), Amtsnummern haben {usual}"
            ),
            refs=[Ref(kind="budget", id=line.id, page=line.page, field="sta")],
        )
        for line in lines
        if line.sta.isdigit() and len(line.sta) != usual
    ]
