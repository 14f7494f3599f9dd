"""Measure profiles: label/value rows gathered into one record per profile.

The rules, in the order they apply to each row:
1. A row labelled Titel (alone or run together with another label) opens a new profile.
2. A row with an empty label continues the row above: on the same page, or as the first row
   of a page that follows the row's page in reading order (see ``pageorder``); anywhere else
   it joins nothing and is a leftover. Except: empty-label rows at the top of a table whose
   next labelled row is a Titel open that profile ("none" rows before its Titel), since they
   cannot belong to a finished profile's last row (unless the page order breaks before
   them: then they may belong to any profile, and are leftovers).
3. Any other row, garbled label or not, is added to the open profile with its label reading,
   under the same condition as rule 2 when it stands on another page than the profile's
   last row (a profile broken over pages out of order is not another profile's).
Rows before the first profile are leftovers.
"""

from __future__ import annotations

from hammplan.extract.chunks import Chunk
from hammplan.extract.grid import GridRow
from hammplan.extract.labels import LabelReading, read_label
from hammplan.extract.layout import PageLayout
from hammplan.extract.pageorder import continues
from hammplan.records.document import Leftover
from hammplan.records.profiles import Profile, ProfileRow
from hammplan.vocabulary import ProfileVocabulary


def _row(grid_row: GridRow, reading: LabelReading) -> ProfileRow:
    label, value = grid_row[0].source(), grid_row[1].source()
    return ProfileRow(label_cell=label, labels=reading.labels, match=reading.match,
                      score=reading.score, value=value)


def _title(rows: list[ProfileRow], title_label: str) -> str | None:
    for row in rows:
        if row.labels == [title_label]:
            return row.value.text
    return None


def assemble_profiles(
    chunks: list[Chunk], vocab: ProfileVocabulary
) -> tuple[list[Profile], list[Leftover]]:
    """Profiles of all profile chunks, in document order."""
    profiles: list[list[ProfileRow]] = []
    leftovers: list[Leftover] = []
    last_page: PageLayout | None = None  # where the open profile's last row stands
    for chunk in chunks:
        readings = [read_label(r[0].text, vocab.labels, vocab.fuzzy_threshold) for r in chunk.rows]
        lead = _leading_rows(chunk.rows, readings, vocab.title_label)
        if lead and chunk.page.order_break:
            lead = 0  # after a break in the page order they may continue any profile
        first = True  # no row of this chunk taken yet
        for i, (grid_row, reading) in enumerate(zip(chunk.rows, readings, strict=True)):
            if len(grid_row) != 2:
                leftovers.append(Leftover(family="profile", reason="row of unexpected width",
                                          cells=[c.source() for c in grid_row]))
                continue
            if not grid_row[0].text and not grid_row[1].text:
                continue
            opens = reading.labels[:1] == [vocab.title_label]
            if i < lead:
                if i == 0:
                    profiles.append([])
                profiles[-1].append(_row(grid_row, reading))
            elif opens and not (i == lead and lead):
                profiles.append([_row(grid_row, reading)])
            elif opens:
                profiles[-1].append(_row(grid_row, reading))
            elif profiles and not continues(last_page, chunk.page, first):
                leftovers.append(_unjoined(grid_row, chunk.page, last_page))
                first = False
                continue
            elif reading.match == "none" and profiles[-1]:
                last = profiles[-1][-1]
                value = grid_row[1].source()
                profiles[-1][-1] = last.model_copy(update={
                    "value": last.value.joined(value),
                    "label_cell": last.label_cell.joined(grid_row[0].source()),
                    "continued": last.continued + 1,
                })
            elif profiles:
                profiles[-1].append(_row(grid_row, reading))
            else:
                leftovers.append(Leftover(family="profile", reason="row before the first profile",
                                          cells=[c.source() for c in grid_row]))
                first = False
                continue
            last_page, first = chunk.page, False
    return [Profile(title=_title(rows, vocab.title_label), rows=rows) for rows in profiles
            if rows], leftovers


def _unjoined(grid_row: GridRow, page: PageLayout, last_page: PageLayout | None) -> Leftover:
    where = f"page {last_page.number}" if last_page else "no page"
    return Leftover(family="profile", reason=(
        f"row on page {page.number} not joined to a profile: the open profile's last row "
        f"is on {where}, not right before it in reading order"),
        cells=[c.source() for c in grid_row])


def _leading_rows(rows: list[GridRow], readings: list[LabelReading], title_label: str) -> int:
    """How many empty-label rows at the top of a chunk lead into a Titel row (rule 2)."""
    count = 0
    for reading in readings:
        if reading.match != "none":
            break
        count += 1
    if count and count < len(readings) and readings[count].labels[:1] == [title_label]:
        return count
    return 0
