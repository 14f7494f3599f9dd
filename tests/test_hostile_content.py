"""Hostile content: a plan whose cells hold markup, template syntax, spreadsheet formulas,
right-to-left text, emoji, control characters and a 5000-character word goes through curate ->
outputs -> render (and through the CLI) and arrives everywhere as text; and curated or
extracted files edited into nonsense are refused in one line, leaving earlier outputs alone.

The plan is built in code (tests/support/hostile.py), so these tests do not depend on how a
PDF is read.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from typer.testing import CliRunner, Result

from hammplan.cli import app
from hammplan.curate.pipeline import curate_plan
from hammplan.io.fileset import MANIFEST
from hammplan.publish import OUTPUT_FILES, write_curated
from hammplan.records.plan import CuratedPlan
from hammplan.render import render_reports
from hammplan.render.text import plain
from hammplan.vocabulary import load_vocabulary
from tests.support.hostile import (
    FORMULA_STARTS,
    LONG_WORD,
    SAMPLES,
    Sample,
    hostile_document,
    statement,
    title,
)

pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font")

runner = CliRunner()

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters no report may hold (tab, line feed and carriage return are allowed)."""

NUMBER = {s.key: n for n, s in enumerate(SAMPLES, start=1)}
"""Sample key -> its number n (profile n, budget rows 2n-1 and 2n, district n)."""

FORMULAS = [s for s in SAMPLES if s.formula]


@dataclass(frozen=True)
class Run:
    """One run over the hostile plan: its data folder, reports folder and curated plan."""

    data: Path
    reports: Path
    plan: CuratedPlan

    @property
    def curated(self) -> Path:
        return self.data / "curated"

    def html(self) -> str:
        return (self.reports / "index.html").read_text(encoding="utf-8")

    def markdown(self) -> str:
        return (self.reports / "report.md").read_text(encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (hidden ones too), by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The hostile plan curated, written and rendered through the library."""
    data = tmp_path_factory.mktemp("api")
    extracted = (hostile_document().model_dump_json(indent=1) + "\n").encode("utf-8")
    plan = curate_plan(
        hostile_document(), load_vocabulary(), hashlib.sha256(extracted).hexdigest()
    )  # as the cli fixture writes it
    write_curated(plan, data / "curated")
    render_reports(plan, data / "reports")
    return Run(data, data / "reports", plan)


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory, api: Run) -> Run:
    """The same plan through ``hammplan validate`` and ``hammplan render`` from an
    extracted.json in a data folder."""
    data = tmp_path_factory.mktemp("cli")
    (data / "interim").mkdir()
    (data / "interim" / "extracted.json").write_text(
        hostile_document().model_dump_json(indent=1) + "\n", encoding="utf-8"
    )
    validated = runner.invoke(app, ["validate", "--data-dir", str(data), "--json"])
    summary = json.loads(validated.stdout.strip().splitlines()[-1])
    errors = summary["findings"].get("error", 0)
    assert validated.exit_code == (1 if errors else 0), validated.output
    assert summary["measures"] == len(SAMPLES)
    assert summary["budget_rows"] == 2 * len(SAMPLES)
    rendered = runner.invoke(
        app, ["render", "--data-dir", str(data), "--out", str(data / "reports")]
    )
    assert rendered.exit_code == 0, rendered.output
    return Run(data, data / "reports", api.plan)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


class Dom(HTMLParser):
    """Elements, attributes and text of a page, as a browser's parser sees them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.texts: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def attribute_values(self) -> list[str]:
        return [v for _, attrs in self.tags for _, v in attrs if v is not None]


@pytest.fixture(scope="module")
def dom(api: Run) -> Dom:
    return Dom(api.html())


def test_html_has_no_element_or_handler_from_the_plan(dom: Dom) -> None:
    tags = {tag for tag, _ in dom.tags}
    assert {"html", "h3", "table", "svg", "pre"} <= tags  # the page was parsed
    assert not tags & {"img", "iframe", "object", "embed", "base"}
    # the page's own filter forms and its one script, never one from the plan
    forms = [dict(attrs) for tag, attrs in dom.tags if tag == "form"]
    assert [f.get("class") for f in forms] == ["filters", "filters"]
    assert [tag for tag, _ in dom.tags].count("script") == 1
    handlers = [
        (tag, name) for tag, attrs in dom.tags for name, _ in attrs if name.startswith("on")
    ]
    assert handlers == []
    links = [v for tag, attrs in dom.tags for name, v in attrs if name in ("href", "src")]
    assert links and all(v is not None and v.startswith("#") for v in links), links


def test_html_shows_every_sample_as_text(api: Run, dom: Dom) -> None:
    text = dom.text
    for number, measure in enumerate(api.plan.measures, start=1):
        assert measure.titel == " ".join(title(number).split())
        assert f"{number}. {plain(measure.titel)}" in text, SAMPLES[number - 1].key
    # the markup arrives as escaped characters in the file, as characters in the DOM
    page = api.html()
    assert "Projekt 1 &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Projekt 2 &lt;img src=x onerror=alert(1)&gt;" in page
    assert "onerror=alert(1)" not in re.sub(r"&lt;img src=x onerror=alert\(1\)&gt;", "", page)
    # the printed text of each field is kept as printed (in <pre>), tabs and all
    assert "\t=1+1 Tabulator" in text
    assert f"Etwa 40 % der Menschen mit Migrationshintergrund ({SAMPLES[0].text})" in text


def test_template_syntax_is_never_evaluated(api: Run, dom: Dom) -> None:
    jinja = NUMBER["jinja-expression"]
    text, md = dom.text, api.markdown()
    assert f"Projekt {jinja} {{{{ 7*7 }}}}" in text
    assert f"Projekt {jinja} 49" not in text and f"Projekt {jinja} 49" not in md
    assert f"Projekt {jinja} {{{{ 7\\*7 }}}}" in md
    assert f"Projekt {NUMBER['jinja-raw']} {{% raw %}}" in text
    assert f"Projekt {NUMBER['jinja-raw']} {{% raw %}}" in md
    assert f"Projekt {NUMBER['jinja-comment']} {{#" in text
    assert f"Projekt {NUMBER['jinja-comment']} {{\\#" in md


def test_no_control_characters_and_no_open_bidi_override_in_reports(
    api: Run,
    dom: Dom,
) -> None:
    for name, content in (("index.html", api.html()), ("report.md", api.markdown())):
        found = sorted({hex(ord(c)) for c in CONTROL.findall(content)})
        assert found == [], f"{name}: {found}"
    control = NUMBER["control"]
    assert f"Projekt {control} NUL\ufffdSOH\ufffdBEL\ufffdESC\ufffdDEL\ufffdC1" in dom.text
    # every text node and attribute closes the overrides it opens: a right-to-left override
    # in one value cannot reverse the page number or the next column
    for piece in [*dom.texts, *dom.attribute_values()]:
        assert plain(piece) == piece, ascii(piece)
    rlo = api.plan.measures[NUMBER["right-to-left-override"] - 1].titel
    assert "\u202e" in rlo
    assert plain(rlo) == rlo + "\u202c"
    assert plain(rlo) in dom.text
    md_line = next(line for line in api.markdown().splitlines() if "\u202e" in line)
    assert md_line.count("\u202e") <= md_line.count("\u202c")


def test_right_to_left_and_emoji_are_kept(api: Run, dom: Dom) -> None:
    md = api.markdown()
    for key in ("arabic", "hebrew", "emoji"):
        sample = SAMPLES[NUMBER[key] - 1].text
        assert f"Projekt {NUMBER[key]} {sample}" in dom.text
        assert f"Projekt {NUMBER[key]} {sample}" in md


def test_long_word_is_kept_and_wraps(api: Run, dom: Dom) -> None:
    assert LONG_WORD in dom.text
    assert LONG_WORD in api.markdown()
    style = api.html().split("<style>", 1)[1].split("</style>", 1)[0]
    assert re.search(r"body \{[^}]*overflow-wrap: break-word", style)
    # a table keeps each column at least one word wide and scrolls in its own box instead
    assert re.search(r"th, td \{[^}]*overflow-wrap: break-word", style)
    assert re.search(r"\.scroll \{[^}]*overflow-x: auto", style)
    assert re.search(r"pre\.raw \{[^}]*white-space: pre-wrap", style)


def test_markdown_shows_markup_as_text(api: Run) -> None:
    md = api.markdown()
    for tag in ("<script", "<img", "<b>", "<iframe"):
        assert tag not in md
    assert "Projekt 1 &lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "Projekt 2 &lt;img src=x onerror=alert(1)&gt;" in md
    markdown = NUMBER["markdown"]
    assert (
        f"Projekt {markdown} \\*fett\\* \\[x\\](javascript:alert(1)) \\$5\\$ \\| \\`c\\` "
        "\\# \\~x\\~ \\\\"
    ) in md
    assert not re.search(r"(?<!\\)\]\(javascript", md)


def test_markdown_links_nothing_from_the_plan(api: Run) -> None:
    """Shown as GitHub shows it (cmark-gfm, with its autolink extension), report.md has no
    link but the renderer's own anchors: bare URLs, www. names and e-mail addresses from the
    PDF stay text."""
    import cmarkgfm  # type: ignore[import-untyped]

    html = cmarkgfm.github_flavored_markdown_to_html(api.markdown())
    targets = re.findall(r'<a href="([^"]*)"', html)
    assert targets and all(t.startswith("#") for t in targets), sorted(set(targets))[:5]
    assert "Mehr unter https://evil.example/anmelden, www.evil.example und hilfe@" in html


def test_charts_are_well_formed_and_shorten_labels(api: Run) -> None:
    charts = sorted((api.reports / "charts").glob("*.svg"))
    assert len(charts) == 8
    for chart in charts:
        content = chart.read_text(encoding="utf-8")
        root = ET.fromstring(content.encode("utf-8"))  # raises on a character XML forbids
        elements = list(root.iter())
        assert len(elements) > 10
        names = {e.tag.rsplit("}", 1)[-1] for e in elements}
        assert not names & {"script", "foreignObject", "image", "a"}, chart.name
        assert not [k for e in elements for k in e.attrib if k.lower().startswith("on")]
        assert LONG_WORD[:200] not in content, chart.name
    population = (api.reports / "charts" / "bevoelkerung-nach-sozialraum.svg").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in population


# --------------------------------------------------------------------------------------------
# Data files
# --------------------------------------------------------------------------------------------


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def string_columns(curated: Path, table: str) -> list[str]:
    package = json.loads((curated / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == table)
    return [f["name"] for f in resource["schema"]["fields"] if f["type"] == "string"]


def test_csv_neutralises_every_formula(api: Run) -> None:
    for table in ("measures", "budget", "districts"):
        rows = csv_rows(api.curated / f"{table}.csv")
        assert rows
        for column in string_columns(api.curated, table):
            for row in rows:
                assert not row[column].startswith(FORMULA_STARTS), (table, column, row[column])
    measures = csv_rows(api.curated / "measures.csv")
    budget = csv_rows(api.curated / "budget.csv")
    for sample in FORMULAS:
        n = NUMBER[sample.key]
        assert measures[n - 1]["kosten_raw"] == "'" + sample.text
        unlinked = budget[2 * n - 1]
        assert unlinked["massnahme_raw"] == "'" + sample.text
        assert unlinked["sta_raw"] == "'" + sample.text
        assert unlinked["aufwand_2023_raw"] == "'" + sample.text
        assert budget[2 * n - 2]["ertrag_2023_raw"] == "'" + sample.text
    # number columns stay numbers; other text stays as it is, control characters included
    assert budget[0]["aufwand_2023"] == "1000"
    for key in ("control", "right-to-left-override", "emoji", "script", "long-word"):
        assert measures[NUMBER[key] - 1]["kosten_raw"] == SAMPLES[NUMBER[key] - 1].text


def test_excel_neutralises_every_formula(api: Run) -> None:
    workbook = load_workbook(api.curated / "hammplan.xlsx")
    checked = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    checked += 1
                    assert not cell.value.startswith(FORMULA_STARTS), (
                        sheet.title,
                        cell.coordinate,
                        cell.value,
                    )
    assert checked > 500

    def column(sheet_name: str, name: str) -> list[Any]:
        sheet = workbook[sheet_name]
        header = [c.value for c in sheet[1]]
        index = header.index(name)
        return [row[index] for row in sheet.iter_rows(min_row=2, values_only=True)]

    kosten_raw = column("Maßnahmen", "kosten_raw")
    massnahme_raw = column("Budget", "massnahme_raw")
    for sample in FORMULAS:
        n = NUMBER[sample.key]
        # XML (and so xlsx) reads a carriage return as a line feed
        assert kosten_raw[n - 1] == "'" + sample.text.replace("\r", "\n")
        assert massnahme_raw[2 * n - 1] == "'" + sample.text.replace("\r", "\n")
    assert column("Budget", "aufwand_2023")[0] == 1000
    for key in ("arabic", "hebrew", "emoji", "right-to-left-override", "long-word"):
        assert kosten_raw[NUMBER[key] - 1] == SAMPLES[NUMBER[key] - 1].text
    # characters XML cannot hold are shown as U+FFFD (documented in the data dictionary)
    control = kosten_raw[NUMBER["control"] - 1]
    assert control == "NUL\ufffdSOH\ufffdBEL\ufffdESC\ufffdDEL\x7fC1\x85\x9f"


def test_sqlite_and_json_keep_text_verbatim(api: Run) -> None:
    connection = sqlite3.connect(api.curated / "hammplan.sqlite")
    try:
        measures = connection.execute(
            'SELECT "titel", "kosten_raw", "traeger" FROM "measures" ORDER BY rowid'
        ).fetchall()
        budget = connection.execute(
            'SELECT "sta_raw", "massnahme_raw", "ertrag_2023_raw", "aufwand_2023_cent" '
            'FROM "budget" ORDER BY rowid'
        ).fetchall()
    finally:
        connection.close()
    plan = json.loads((api.curated / "plan.json").read_text(encoding="utf-8"))
    listed = json.loads((api.curated / "measures.json").read_text(encoding="utf-8"))
    assert len(measures) == len(plan["measures"]) == len(listed) == len(SAMPLES)
    for n, sample in enumerate(SAMPLES, start=1):
        titel, kosten_raw, traeger = measures[n - 1]
        assert kosten_raw == sample.text, sample.key
        assert titel == plan["measures"][n - 1]["titel"] == listed[n - 1]["titel"]
        assert traeger == plan["measures"][n - 1]["traeger"]
        assert plan["measures"][n - 1]["kosten"]["raw"] == sample.text
        assert listed[n - 1]["kosten"]["raw"] == sample.text
        assert plan["measures"][n - 1]["source"]["traeger"]["raw"] == sample.text
        assert budget[2 * n - 1][:2] == (sample.text, sample.text)
        assert budget[2 * n - 2][2] == sample.text
        assert budget[2 * n - 2][3] == 100000
    assert [c["text"] for c in plan["claims"]] == [statement(n) for n in range(1, len(SAMPLES) + 1)]


def test_cli_gives_the_same_files(api: Run, cli: Run) -> None:
    assert sorted(p.name for p in cli.curated.iterdir()) == sorted([*OUTPUT_FILES, MANIFEST])
    assert snapshot(cli.curated) == snapshot(api.curated)
    assert snapshot(cli.reports) == snapshot(api.reports)


@pytest.mark.slow
def test_a_number_of_5000_digits_breaks_nothing(tmp_path: Path) -> None:
    """A cell of 5000 digits (every value cell of the plan): validate writes every file with
    the number in full; render draws it, or refuses it in one line naming the field."""
    digits = "9" * 5000
    (tmp_path / "interim").mkdir()
    document = hostile_document([Sample("digits", digits), Sample("plain", "Sprachkurs")])
    (tmp_path / "interim" / "extracted.json").write_text(
        document.model_dump_json(), encoding="utf-8"
    )
    validated = runner.invoke(app, ["validate", "--data-dir", str(tmp_path)])
    assert validated.exit_code in (0, 1), validated.output
    curated = tmp_path / "curated"
    assert sorted(p.name for p in curated.iterdir()) == sorted([*OUTPUT_FILES, MANIFEST])
    plan = json.loads((curated / "plan.json").read_text(encoding="utf-8"), parse_int=str)
    assert plan["measures"][0]["kosten"]["raw"] == digits
    measures = csv_rows(curated / "measures.csv")
    assert measures[0]["kosten_raw"] == digits
    assert load_workbook(curated / "hammplan.xlsx")["Maßnahmen"]["J2"].value == digits
    connection = sqlite3.connect(curated / "hammplan.sqlite")
    try:
        assert connection.execute('SELECT "kosten_raw" FROM "measures"').fetchone() == (digits,)
    finally:
        connection.close()
    rendered = runner.invoke(
        app, ["render", "--data-dir", str(tmp_path), "--out", str(tmp_path / "reports")]
    )
    if rendered.exit_code == 0:  # curation marked the number as not a plausible figure
        assert digits in (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    else:
        assert rendered.exit_code == 2, rendered.output
        line = one_error_line(rendered)
        assert line.startswith(f"Error: {curated / 'plan.json'}: "), line
        assert "number out of range, expected at most 100 digits" in line
        assert not (tmp_path / "reports").exists()


# --------------------------------------------------------------------------------------------
# Files edited into nonsense
# --------------------------------------------------------------------------------------------

Edit = Callable[[Path], None]


def edit_json(change: Callable[[Any], None]) -> Edit:
    """An edit that changes the parsed JSON in place and writes it back."""

    def apply(path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    return apply


def set_at(*where: str | int, value: object) -> Edit:
    def change(data: Any) -> None:
        target = data
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = value

    return edit_json(change)


def delete_at(*where: str | int) -> Edit:
    def change(data: Any) -> None:
        target = data
        for key in where[:-1]:
            target = target[key]
        del target[where[-1]]

    return edit_json(change)


def replace_text(edit: Callable[[str], str]) -> Edit:
    def apply(path: Path) -> None:
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")

    return apply


def literal_at(*where: str | int, literal: str) -> Edit:
    """Put a JSON literal json.dumps cannot write (a 5000-digit integer, 1e999) at ``where``."""
    marker = "\u2603MARK\u2603"

    def apply(path: Path) -> None:
        set_at(*where, value=marker)(path)
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace(json.dumps(marker, ensure_ascii=False), literal), encoding="utf-8"
        )

    return apply


PLAN_EDITS: dict[str, tuple[Edit, str]] = {
    "wrong type": (
        set_at("measures", 3, "kosten", "status", value=5),
        "measures[3].kosten.status: Input should be 'ok', 'not_stated', 'note' or "
        "'suspect', found 5",
    ),
    "text for a number": (
        set_at("budget", 2, "page", value="zwölf"),
        "budget[2].page: Input should be a valid integer",
    ),
    "missing field": (delete_at("measures", 1, "titel"), "measures[1].titel: Field required"),
    "invalid JSON": (replace_text(lambda text: text[: len(text) // 2]), "invalid JSON at line "),
    "empty file": (replace_text(lambda _text: ""), "empty file, expected the curated plan"),
    "array": (
        replace_text(lambda _text: "[1, 2]"),
        "(top level): Input should be an object, found [1, 2]",
    ),
    "huge number string": (
        set_at("measures", 0, "kosten", "betrag_eur", value="9" * 5000),
        "measures[0].kosten.betrag_eur: number out of range, expected at "
        "most 100 digits before and 100 after the decimal point, found "
        '"99999',
    ),
    "huge exponent": (
        set_at("budget", 0, "jahre", 0, "aufwand", "betrag_eur", value="1e400000"),
        "budget[0].jahre[0].aufwand.betrag_eur: number out of range, expected at "
        'most 100 digits before and 100 after the decimal point, found "1E+400000"',
    ),
    "huge integer": (
        literal_at("districts", 0, "auslaender", literal="9" * 5000),
        "districts[0].auslaender: number out of range, expected at most 100 "
        "digits, found a number of 5000 digits",
    ),
    "infinite score": (
        literal_at("budget", 0, "link", "score", literal="1e999"),
        "budget[0].link.score: expected a finite number, found Infinity",
    ),
}


def one_error_line(result: Result) -> str:
    """The one line a refused command prints on stderr (nothing on stdout, no traceback)."""
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0].lstrip("\r")


@pytest.mark.parametrize("case", list(PLAN_EDITS))
def test_render_refuses_a_hand_edited_plan(case: str, cli: Run, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(cli.data, data)
    before = snapshot(data / "reports")
    assert "index.html" in before and "report.md" in before
    edit, expected = PLAN_EDITS[case]
    plan = data / "curated" / "plan.json"
    edit(plan)
    result = runner.invoke(app, ["render", "--data-dir", str(data), "--out", str(data / "reports")])
    assert result.exit_code == 2, result.output
    line = one_error_line(result)
    assert line.startswith(f"Error: {plan}: {expected}"), line
    assert len(line) < 400
    assert snapshot(data / "reports") == before


EXTRACTED_EDITS: dict[str, tuple[Edit, str]] = {
    "wrong type": (
        set_at("budget_rows", 3, "columns", 0, "cell", "text", value=5),
        "not an extraction result (budget_rows[3].columns[0].cell.text: Input "
        "should be a valid string)",
    ),
    "missing field": (
        delete_at("profiles", 1, "rows", 0, "value"),
        "not an extraction result (profiles[1].rows[0].value: Field required)",
    ),
    "invalid JSON": (
        replace_text(lambda text: text[: len(text) // 2]),
        "not an extraction result (top level: Invalid JSON: EOF while parsing",
    ),
    "empty file": (
        replace_text(lambda _text: ""),
        "not an extraction result (top level: Invalid JSON: EOF while parsing",
    ),
    "array": (
        replace_text(lambda _text: "[]"),
        "not an extraction result (top level: Input should be an object)",
    ),
    "huge integer": (
        literal_at("source", "page_count", literal="9" * 5000),
        "source.page_count: number out of range, expected at most 100 digits, "
        "found a number of 5000 digits",
    ),
    "huge page": (
        literal_at("budget_rows", 0, "columns", 0, "cell", "spans", 0, "page", literal="1" * 120),
        "budget_rows[0].columns[0].cell.spans[0].page: number out of range, expected "
        "at most 100 digits, found a number of 120 digits",
    ),
    "not a number": (
        literal_at("budget_rows", 0, "columns", 0, "cell", "spans", 0, "bbox", "x0", literal="NaN"),
        "budget_rows[0].columns[0].cell.spans[0].bbox.x0: expected a finite number, found NaN",
    ),
}


@pytest.mark.parametrize("case", list(EXTRACTED_EDITS))
def test_validate_refuses_a_hand_edited_extraction(case: str, cli: Run, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(cli.data, data)
    before = snapshot(data / "curated")
    assert sorted(before) == sorted([*OUTPUT_FILES, MANIFEST])
    edit, expected = EXTRACTED_EDITS[case]
    extracted = data / "interim" / "extracted.json"
    edit(extracted)
    result = runner.invoke(app, ["validate", "--data-dir", str(data)])
    assert result.exit_code == 2, result.output
    line = one_error_line(result)
    assert line.startswith(f"Error: {extracted}: {expected}"), line
    assert len(line) < 400
    assert snapshot(data / "curated") == before
