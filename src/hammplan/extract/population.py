"""The population table by district."""

from __future__ import annotations

from hammplan.extract.chunk import Chunk
from hammplan.records.document import Leftover
from hammplan.records.population import PopulationRow, PopulationTable


def assemble_population(
    chunks: list[Chunk], total_labels: list[str]
) -> tuple[list[PopulationTable], list[Leftover]]:
    """One table per printed header; rows without a district continue the row above.

    The total row is recognised by its label (``total_labels`` of the vocabulary).
    """
    tables: list[PopulationTable] = []
    leftovers: list[Leftover] = []
    totals = {t.lower() for t in total_labels}
    for chunk in chunks:
        if chunk.header:
            tables.append(PopulationTable(header=[c.source() for c in chunk.header[0]], rows=[]))
        for grid_row in chunk.rows:
            cells = [c.source() for c in grid_row]
            if not any(c.text for c in cells):
                continue
            if not tables or len(cells) != len(tables[-1].header):
                leftovers.append(
                    Leftover(
                        family="population",
                        reason="row outside a table or of unexpected width",
                        cells=cells,
                    )
                )
                continue
            table = tables[-1]
            if not cells[0].text and table.rows:
                last = table.rows[-1]
                table.rows[-1] = PopulationRow(
                    district=last.district.joined(cells[0]),
                    values=[a.joined(b) for a, b in zip(last.values, cells[1:], strict=True)],
                    is_total=last.is_total,
                )
                continue
            table.rows.append(
                PopulationRow(
                    district=cells[0], values=cells[1:], is_total=cells[0].text.lower() in totals
                )
            )
    return tables, leftovers
