"""Measure profiles: label/value rows gathered into one record per profile.

The rules, in the order they apply to each row:
1. A title row (a "titel" label, alone or run together with another label) opens a profile.
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

from hammplan.extract.chunk import Chunk
from hammplan.extract.grid import GridRow
from hammplan.extract.labels import LabelReading, read_label, value_fits
from hammplan.extract.layout import PageLayout
from hammplan.extract.pageorder import continues
from hammplan.records.document import Leftover
from hammplan.records.profiles import Profile, ProfileRow
from hammplan.vocabulary import ProfileVocabulary


def _row(grid_row: GridRow, reading: LabelReading, vocab: ProfileVocabulary) -> ProfileRow:
    label, value = grid_row[0].source(), grid_row[1].source()
    fields = [f for f in (vocab.field_of(lb) for lb in reading.labels) if f is not None]
    return ProfileRow(
        label_cell=label,
        labels=reading.labels,
        fields=fields,
        match=reading.match,
        score=reading.score,
        value=value,
    )


def _title(rows: list[ProfileRow]) -> str | None:
    for row in rows:
        if row.fields == ["titel"]:
            return row.value.text
    return None


def _reading(row: GridRow, vocab: ProfileVocabulary) -> LabelReading:
    """The label reading of a row; a garbled label only names a field its value fits."""
    value = row[1].text if len(row) > 1 else ""
    return read_label(
        row[0].text,
        vocab.labels,
        vocab.fuzzy_threshold,
        fits=lambda label: value_fits(vocab.field_of(label), value),
    )


def _opens(reading: LabelReading, vocab: ProfileVocabulary) -> bool:
    return bool(reading.labels) and reading.labels[0] in vocab.title_labels


class _Assembly:
    """The profiles assembled so far, the leftovers, and the page of the open profile's
    last row (where a row on another page may continue it only in reading order)."""

    def __init__(self, vocab: ProfileVocabulary) -> None:
        self.vocab = vocab
        self.profiles: list[list[ProfileRow]] = []
        self.leftovers: list[Leftover] = []
        self.last_page: PageLayout | None = None

    def left(self, grid_row: GridRow, reason: str) -> None:
        self.leftovers.append(
            Leftover(family="profile", reason=reason, cells=[c.source() for c in grid_row])
        )

    def join(self, grid_row: GridRow) -> None:
        """Join a continuation row (empty label) to the open profile's last row."""
        last = self.profiles[-1][-1]
        self.profiles[-1][-1] = last.model_copy(
            update={
                "value": last.value.joined(grid_row[1].source()),
                "label_cell": last.label_cell.joined(grid_row[0].source()),
                "continued": last.continued + 1,
            }
        )

    def take(
        self, grid_row: GridRow, reading: LabelReading, page: PageLayout, top: bool, opens: bool
    ) -> bool:
        """Rules 1 to 3 for a row that does not lead into a Titel; whether it was taken."""
        if opens:
            self.profiles.append([_row(grid_row, reading, self.vocab)])
        elif self.profiles and not continues(self.last_page, page, top):
            self.leftovers.append(_unjoined(grid_row, page, self.last_page))
            return False
        elif reading.match == "none" and self.profiles[-1]:
            self.join(grid_row)
        elif self.profiles:
            self.profiles[-1].append(_row(grid_row, reading, self.vocab))
        else:
            self.left(grid_row, "row before the first profile")
            return False
        return True


def assemble_profiles(
    chunks: list[Chunk], vocab: ProfileVocabulary
) -> tuple[list[Profile], list[Leftover]]:
    """Profiles of all profile chunks, in document order."""
    done = _Assembly(vocab)
    for chunk in chunks:
        readings = [_reading(r, vocab) for r in chunk.rows]
        lead = _leading_rows(readings, vocab)
        if lead and chunk.page.order_break:
            lead = 0  # after a break in the page order they may continue any profile
        first = True  # no row of this chunk taken yet
        for i, (grid_row, reading) in enumerate(zip(chunk.rows, readings, strict=True)):
            if len(grid_row) != 2:
                done.left(grid_row, "row of unexpected width")
                continue
            if not grid_row[0].text and not grid_row[1].text:
                continue
            opens = _opens(reading, vocab)
            if i < lead or (opens and i == lead and lead):  # rows leading into their Titel
                if i == 0:
                    done.profiles.append([])
                done.profiles[-1].append(_row(grid_row, reading, vocab))
                taken = True
            else:
                taken = done.take(grid_row, reading, chunk.page, first, opens)
            if taken:
                done.last_page = chunk.page
            first = False
    profiles = []
    for rows in done.profiles:
        if _is_profile(rows):
            profiles.append(Profile(title=_title(rows), rows=rows))
        else:
            done.leftovers += [
                Leftover(
                    family="profile",
                    reason=("not a profile: no field but a title label with an empty value"),
                    cells=[row.label_cell, row.value],
                )
                for row in rows
            ]
    return profiles, done.leftovers


def _is_profile(rows: list[ProfileRow]) -> bool:
    """Whether assembled rows are a profile: a title with text, or a field besides the title.

    A word that reads as a title label ("Maßnahmen" for "Maßnahme") at the head of a paragraph
    that a scan's text layer splits in two columns opens rows with nothing but prose after it;
    a profile names at least its title or one of its fields.
    """
    fields = {f for row in rows for f in row.fields}
    titled = any(row.fields == ["titel"] and row.value.text for row in rows)
    return bool(rows) and (titled or bool(fields - {"titel"}))


def _unjoined(grid_row: GridRow, page: PageLayout, last_page: PageLayout | None) -> Leftover:
    where = f"page {last_page.number}" if last_page else "no page"
    return Leftover(
        family="profile",
        reason=(
            f"row on page {page.number} not joined to a profile: the open profile's last row "
            f"is on {where}, not right before it in reading order"
        ),
        cells=[c.source() for c in grid_row],
        page=page.number,
        kind="not_joined",
    )


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
