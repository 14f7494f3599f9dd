"""Records without their provenance, for comparing extractions of differently set PDFs."""

from __future__ import annotations

from typing import Any

from hammplan.records import ExtractedDocument


def record_texts(doc: ExtractedDocument) -> dict[str, list[Any]]:
    """Every record's texts and readings, family by family, in document order.

    Page numbers and boxes are left out: they differ between layouts by design.
    """
    return {
        "budget_headers": [[c.text for c in h.cells] for h in doc.budget_headers],
        "budget_rows": [[c.text for c in r.cells()] for r in doc.budget_rows],
        "profiles": [
            [(r.label_cell.text, r.labels, r.match, r.score, r.value.text) for r in p.rows]
            for p in doc.profiles
        ],
        "population": [
            [[c.text for c in t.header]]
            + [[r.district.text, *[v.text for v in r.values], r.is_total] for r in t.rows]
            for t in doc.population
        ],
        "overview": [
            [[c.text for c in t.section_header], [c.text for c in t.column_header]]
            + [
                [r.measure.text, *[(m.column, m.marked, m.cell.text) for m in r.marks]]
                for r in t.rows
            ]
            for t in doc.overview
        ],
        "index": [(e.letter, e.title.text, e.page_cell.text, e.page) for e in doc.index],
        "leftovers": [(left.family, left.reason) for left in doc.leftovers],
    }


def layout_free(texts: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """``record_texts`` less what legitimately differs between layouts of one content.

    Budget headers repeat once per page (page counts differ); a section heading spanning
    several overview columns lands in another cell when no lines mark the span; and marks are
    an "x" in some layouts, a coloured cell in others (so only whether a cell is marked counts).
    """
    unique_headers = list(dict.fromkeys(tuple(h) for h in texts["budget_headers"]))
    overview = [
        [
            " ".join(c for c in table[0] if c),
            table[1],
            *[[row[0], *[mark[:2] for mark in row[1:]]] for row in table[2:]],
        ]
        for table in texts["overview"]
    ]
    return {**texts, "budget_headers": unique_headers, "overview": overview}
