"""hammplan.xlsx: one sheet per table, the same bytes for the same plan."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from decimal import Decimal
from typing import Any

from hammplan.publish.cells import Cell, Row, csv_text, neutralise_formula, plain_number
from hammplan.publish.tables import EUR, TABLES
from hammplan.records.plan import CuratedPlan

XLSX_TIMESTAMP = datetime(1980, 1, 1)
"""Creation and modification time written into the xlsx (and its zip entries): fixed, so the
same plan gives the same bytes; 1980-01-01 is the earliest time a zip entry can carry."""

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


def xlsx_bytes(rows: dict[str, list[Row]], plan: CuratedPlan) -> bytes:
    """hammplan.xlsx: one sheet per table, bold frozen header, fixed document timestamps.

    openpyxl is imported here, not with this module: it takes a fifth of a second, which
    ``build`` would otherwise pay before plan.json (and the charts drawn from it) can start.
    """
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for table in TABLES:
        sheet = workbook.create_sheet(table.sheet)
        sheet.append([c.name for c in table.columns])
        for cell in sheet[1]:
            cell.font = bold
        for row in rows[table.name]:
            sheet.append([_xlsx_value(row[c.name], ILLEGAL_CHARACTERS_RE)
                          for c in table.columns])
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
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    properties = workbook.properties
    properties.creator = f"hammplan {plan.tool_version}"
    properties.title = f"Integrationsplan: {plan.source.file_name}"
    properties.created = XLSX_TIMESTAMP
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_time_zip(buffer.getvalue(), workbook)


def _fixed_time_zip(data: bytes, workbook: Any) -> bytes:
    """Repack an xlsx with fixed zip entry times and a fixed modification time.

    openpyxl stamps docProps/core.xml with the time of saving and each zip entry with the time
    it was written; both would make every run differ. Entry order and content stay as saved.
    """
    from openpyxl.xml.constants import ARC_CORE  # type: ignore[import-untyped]
    from openpyxl.xml.functions import tostring  # type: ignore[import-untyped]

    workbook.properties.modified = XLSX_TIMESTAMP
    core: bytes = tostring(workbook.properties.to_tree())
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=XLSX_TIMESTAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            content = core if info.filename == ARC_CORE else source.read(info)
            target.writestr(entry, content)
    return out.getvalue()
