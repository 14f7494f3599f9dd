"""hammplan.xlsx: one sheet per table and a data dictionary sheet, the same bytes for the same
plan. Page numbers are numbers, and link to their page of the source PDF where a copy of it
sits beside the workbook."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from hammplan.publish.cells import Cell, Row, csv_text, neutralise_formula, plain_number
from hammplan.publish.optional import import_plain
from hammplan.publish.tables import EUR, Table, tables_for
from hammplan.records.plan import CuratedPlan

if TYPE_CHECKING:
    from _typeshed import SizedBuffer

XLSX_TIMESTAMP = datetime(*zipfile.ZipInfo().date_time)
"""Creation and modification time written into the xlsx (and its zip entries): fixed, so the
same plan gives the same bytes; the zip format's epoch is the earliest time an entry can carry."""

_EXCEL_MAX = Decimal("9.99999999999999E+307")
"""The largest number an Excel cell holds; a larger one (a garbled cell of thousands of
digits) is written as its digits, as text."""


def _xlsx_value(value: Cell, illegal: re.Pattern[str]) -> Cell:
    """An Excel cell value: numbers plain, text neutralised and stripped of characters XML
    cannot hold (``illegal``: openpyxl refuses them; they are replaced by U+FFFD so the gap
    stays visible)."""
    if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
        if abs(Decimal(value)) > _EXCEL_MAX:
            return csv_text(value)
        return plain_number(value)
    if isinstance(value, str):
        return str(illegal.sub("\ufffd", neutralise_formula(value)))
    return value


DICTIONARY_SHEET = "Datenwörterbuch"
DICTIONARY_HEADER = ("blatt", "spalte", "typ", "einheit", "werte", "beschreibung")


def _dictionary_rows(tables: Sequence[Table]) -> list[list[str]]:
    """One row per column of every sheet: what the data dictionary says of it."""
    return [
        [table.sheet, c.name, c.type, c.unit or "", ", ".join(c.enum), c.description]
        for table in tables
        for c in table.columns
    ]


def _link_pages(sheet: Any, table: Table, rows: list[Row], pdf: str) -> None:
    """Page cells link to ``pdf#page=N``: a ``page`` cell to its page, a ``pages`` list to
    its first."""
    for index, column in enumerate(table.columns, start=1):
        if column.name not in ("page", "pages"):
            continue
        for (cell,), row in zip(
            sheet.iter_rows(min_row=2, min_col=index, max_col=index), rows, strict=True
        ):
            value = row[column.name]
            first = (
                value
                if isinstance(value, int)
                else (
                    int(value.split(";")[0])
                    if isinstance(value, str) and value[:1].isdigit()
                    else None
                )
            )
            if first is not None:
                cell.hyperlink = f"{pdf}#page={first}"
                cell.style = "Hyperlink"


def _dictionary_sheet(
    sheet: Any, bold: Any, illegal: re.Pattern[str], tables: Sequence[Table]
) -> None:
    """The data dictionary sheet: one row per column of every other sheet."""
    sheet.append(list(DICTIONARY_HEADER))
    for cell in sheet[1]:
        cell.font = bold
    for entry in _dictionary_rows(tables):
        sheet.append([_xlsx_value(v, illegal) for v in entry])
    for letter, width in zip("ABCDEF", (14, 26, 9, 8, 30, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def xlsx_bytes(
    rows: dict[str, list[Row]], plan: CuratedPlan, title: str, pdf: str | None = None
) -> bytes:
    """hammplan.xlsx: one sheet per table, bold frozen header, fixed document timestamps, and
    the data dictionary; with ``pdf`` (the name of the source's copy beside the workbook) each
    page number links to its page. ``title`` is the publication's (as in datapackage.json), so
    the workbook never names a kind of plan or a city the plan does not.

    openpyxl is imported here, not with this module: it takes a fifth of a second, which
    ``build`` would otherwise pay before plan.json (and the charts drawn from it) can start;
    and without numpy (:func:`~hammplan.publish.optional.import_plain`), which it would
    import only to accept numpy's numbers, twice the time of openpyxl itself.
    """
    import_plain("openpyxl")
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for table in tables_for(plan.budget_years):
        sheet = workbook.create_sheet(table.sheet)
        sheet.append([c.name for c in table.columns])
        for cell in sheet[1]:
            cell.font = bold
        for row in rows[table.name]:
            sheet.append([_xlsx_value(row[c.name], ILLEGAL_CHARACTERS_RE) for c in table.columns])
        for index, column in enumerate(table.columns, start=1):
            letter = get_column_letter(index)
            if column.unit == EUR:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "#,##0.00"
            elif column.type == "date":
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "yyyy-mm-dd"
            longest = max(
                [len(column.name), *(len(csv_text(r[column.name])) for r in rows[table.name])]
            )
            sheet.column_dimensions[letter].width = min(60, longest + 2)
        if pdf:
            _link_pages(sheet, table, rows[table.name], pdf)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    _dictionary_sheet(
        workbook.create_sheet(DICTIONARY_SHEET),
        bold,
        ILLEGAL_CHARACTERS_RE,
        tables_for(plan.budget_years),
    )
    properties = workbook.properties
    properties.creator = f"hammplan {plan.tool_version}"
    properties.title = title
    properties.created = XLSX_TIMESTAMP
    properties.modified = XLSX_TIMESTAMP
    return _saved(workbook)


def _saved(workbook: Any) -> bytes:
    """The xlsx bytes of ``workbook``, every zip entry stamped with :data:`XLSX_TIMESTAMP`.

    openpyxl's own ``save`` stamps docProps/core.xml with the time of saving and each zip entry
    with the time it was written; both would make every run differ. Its writer is handed an
    archive that stamps each entry as it is written instead (compressing the workbook once,
    not saving and then repacking it); entry order and content stay as openpyxl writes them.
    """
    from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

    out = io.BytesIO()
    ExcelWriter(workbook, _FixedTimeZip(out, "w", zipfile.ZIP_DEFLATED)).save()
    return out.getvalue()


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose entries all carry :data:`XLSX_TIMESTAMP` and plain file modes."""

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = (
            zinfo_or_arcname.filename
            if isinstance(zinfo_or_arcname, zipfile.ZipInfo)
            else zinfo_or_arcname
        )
        entry = zipfile.ZipInfo(name, date_time=XLSX_TIMESTAMP.timetuple()[:6])
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.create_system = 3
        entry.external_attr = 0o644 << 16
        super().writestr(entry, data)

    def write(
        self,
        filename: Any,
        arcname: Any = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """A file openpyxl wrote aside (a worksheet), read back and stamped like the rest."""
        with open(filename, "rb") as handle:
            self.writestr(str(arcname or filename), handle.read())
