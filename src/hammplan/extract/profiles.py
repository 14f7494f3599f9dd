"""Measure profiles: label/value rows gathered into one record per profile.

The rules, in the order they apply to each row:
1. A title row (a "titel" label, alone or run together with another label) opens a profile.
2. A row with an empty label continues the row above, across page breaks too. Except: empty-
   label rows at the top of a table whose next labelled row is a Titel open that profile
   ("none" rows before its Titel), since they cannot belong to a finished profile's last row.
3. Any other row, garbled label or not, is added to the open profile with its label reading.
Rows before the first profile are leftovers.
"""

from __future__ import annotations

from hammplan.extract.chunks import Chunk
from hammplan.extract.grid import GridRow
from hammplan.extract.labels import LabelReading, read_label, value_fits
from hammplan.records.document import Leftover
from hammplan.records.profiles import Profile, ProfileRow
from hammplan.vocabulary import ProfileVocabulary


def _row(grid_row: GridRow, reading: LabelReading, vocab: ProfileVocabulary) -> ProfileRow:
    label, value = grid_row[0].source(), grid_row[1].source()
    fields = [f for f in (vocab.field_of(lb) for lb in reading.labels) if f is not None]
    return ProfileRow(label_cell=label, labels=reading.labels, fields=fields,
                      match=reading.match, score=reading.score, value=value)


def _title(rows: list[ProfileRow]) -> str | None:
    for row in rows:
        if row.fields == ["titel"]:
            return row.value.text
    return None


def _reading(row: GridRow, vocab: ProfileVocabulary) -> LabelReading:
    """The label reading of a row; a garbled label only names a field its value fits."""
    value = row[1].text if len(row) > 1 else ""
    return read_label(row[0].text, vocab.labels, vocab.fuzzy_threshold,
                      fits=lambda label: value_fits(vocab.field_of(label), value))


def _opens(reading: LabelReading, vocab: ProfileVocabulary) -> bool:
    return bool(reading.labels) and reading.labels[0] in vocab.title_labels


def assemble_profiles(
    chunks: list[Chunk], vocab: ProfileVocabulary
) -> tuple[list[Profile], list[Leftover]]:
    """Profiles of all profile chunks, in document order."""
    profiles: list[list[ProfileRow]] = []
    leftovers: list[Leftover] = []
    for chunk in chunks:
        readings = [_reading(r, vocab) for r in chunk.rows]
        lead = _leading_rows(readings, vocab)
        for i, (grid_row, reading) in enumerate(zip(chunk.rows, readings, strict=True)):
            if len(grid_row) != 2:
                leftovers.append(Leftover(family="profile", reason="row of unexpected width",
                                          cells=[c.source() for c in grid_row]))
                continue
            if not grid_row[0].text and not grid_row[1].text:
                continue
            opens = _opens(reading, vocab)
            if i < lead:
                if i == 0:
                    profiles.append([])
                profiles[-1].append(_row(grid_row, reading, vocab))
            elif opens and not (i == lead and lead):
                profiles.append([_row(grid_row, reading, vocab)])
            elif opens:
                profiles[-1].append(_row(grid_row, reading, vocab))
            elif reading.match == "none" and profiles and profiles[-1]:
                last = profiles[-1][-1]
                value = grid_row[1].source()
                profiles[-1][-1] = last.model_copy(update={
                    "value": last.value.joined(value),
                    "label_cell": last.label_cell.joined(grid_row[0].source()),
                    "continued": last.continued + 1,
                })
            elif profiles:
                profiles[-1].append(_row(grid_row, reading, vocab))
            else:
                leftovers.append(Leftover(family="profile", reason="row before the first profile",
                                          cells=[c.source() for c in grid_row]))
    return [Profile(title=_title(rows), rows=rows) for rows in profiles
            if rows], leftovers


def _leading_rows(readings: list[LabelReading], vocab: ProfileVocabulary) -> int:
    """How many empty-label rows at the top of a chunk lead into a Titel row (rule 2)."""
    count = 0
    for reading in readings:
        if reading.match != "none":
            break
        count += 1
    if count and count < len(readings) and _opens(readings[count], vocab):
        return count
    return 0
