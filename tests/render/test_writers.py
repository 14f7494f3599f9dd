"""render_reports: the files written, self-contained HTML, escaped Markdown, identical bytes."""

from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from hammplan.errors import InputError
from hammplan.records.plan import CuratedPlan
from hammplan.render import render_reports
from hammplan.render.filters import SCRIPT, script_hash
from hammplan.render.templating import PACKAGED_TEMPLATES, find_templates
from tests.render.conftest import Rendered
from tests.render.plan_fixture import make_large_plan

NB = "\u00a0"
CHART_FILES = [
    "aufwand-nach-handlungsfeld.svg",
    "aufwand-nach-amt.svg",
    "aufwand-je-massnahme.svg",
    "top-massnahmen.svg",
    "drittmittelanteil.svg",
    "vollstaendigkeit.svg",
    "bevoelkerung-nach-sozialraum.svg",
    "massnahmen-handlungsfelder.svg",
]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_files_written(rendered: Rendered) -> None:
    out = rendered.out
    assert rendered.files == [out / "charts" / name for name in CHART_FILES] + [
        out / "report.md",
        out / "index.html",
    ]
    assert sorted(_tree(out)) == sorted(
        [".hammplan-files.json", "index.html", "report.md"] + [f"charts/{n}" for n in CHART_FILES]
    )


def test_two_renders_are_byte_identical(
    rendered: Rendered,
    curated: CuratedPlan,
    tmp_path: Path,
) -> None:
    render_reports(curated, tmp_path / "a")
    assert _tree(tmp_path / "a") == _tree(rendered.out)
    render_reports(curated, tmp_path / "a")  # again over the same folder
    assert _tree(tmp_path / "a") == _tree(rendered.out)


def test_a_change_of_data_changes_the_report(curated: CuratedPlan, tmp_path: Path) -> None:
    render_reports(curated, tmp_path / "a")
    curated.budget[0].aufwand(2024).betrag_eur = Decimal("94187")
    render_reports(curated, tmp_path / "b")
    a, b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert a["index.html"] != b["index.html"]
    assert a["charts/aufwand-nach-amt.svg"] != b["charts/aufwand-nach-amt.svg"]
    assert (
        a["charts/bevoelkerung-nach-sozialraum.svg"] == b["charts/bevoelkerung-nach-sozialraum.svg"]
    )


def test_html_is_self_contained(rendered: Rendered) -> None:
    html = rendered.html
    assert html.startswith('<!DOCTYPE html>\n<html lang="de">')
    # one script, the report's own filter, allowed by its hash and by nothing else
    assert html.count("<script") == 1 and f"<script>{SCRIPT}</script>" in html
    assert f'script-src {script_hash()}"' in html
    assert "<link" not in html and "<iframe" not in html
    assert not re.search(r'\b(src|href|action)="(?!#)', html)  # only in-page links
    assert "url(http" not in html and "@import" not in html
    assert "default-src 'none'" in html
    assert html.count("<svg ") == 8 and "<?xml" not in html


def test_html_anchors_are_unique_and_every_link_has_a_target(rendered: Rendered) -> None:
    ids = re.findall(r'\bid="([^"]+)"', rendered.html)
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert duplicates == []
    targets = set(re.findall(r'href="#([^"]+)"', rendered.html))
    assert targets - set(ids) == set()
    assert {"massnahme-m01", "haushalt-b02", "sozialraum-gesamt", "aussage-s01"} <= targets


def test_markdown_links_and_images_resolve(rendered: Rendered) -> None:
    md = rendered.markdown
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', md))
    links = set(re.findall(r"\]\(#([^)]+)\)", md))
    assert links - anchors == {"inhalt"}  # GitHub's own anchor of the "## Inhalt" heading
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
    assert images == [f"charts/{n}" for n in CHART_FILES]
    assert all((rendered.out / image).is_file() for image in images)


def test_html_headline_figures(rendered: Rendered) -> None:
    html = rendered.html
    cell = re.search(r'<td class="num" id="summe-aufwand-2024">(.*?)</td>', html, re.S)
    assert cell is not None
    assert f"1.057.821,54{NB}€" in cell.group(1)
    assert "aus 4 von 7 Zeilen" in cell.group(1)
    assert f"2 o.{NB}A., 1 Text statt Zahl" in cell.group(1)
    assert 'class="sum incomplete"' in cell.group(1)
    assert '<span class="big">5</span><span class="label">Maßnahmen' in html


def test_markdown_headline_figures(rendered: Rendered) -> None:
    md = rendered.markdown
    assert (
        f"| **Aufwand** | **1.352.249,73{NB}€**\\* aus 5 von 7 Zeilen; 1 o.{NB}A., "
        f"1 Text statt Zahl (S.{NB}32–35) | **1.057.821,54{NB}€**\\*"
    ) in md
    assert f"**814.294{NB}€**\\* aus 2 von 7 Zeilen; 5 o.{NB}A." in md
    assert "- **5** Maßnahmen (Steckbriefe)" in md


def test_each_chart_has_its_data_table(rendered: Rendered) -> None:
    html, md = rendered.html, rendered.markdown
    assert html.count("<summary>Daten des Diagramms als Tabelle</summary>") == 8
    assert md.count("<summary>Daten des Diagramms als Tabelle</summary>") == 8
    assert f"| Stadtmitte | 5.674 (21,9{NB}%) |" in md
    assert f'<th scope="row">Stadtmitte</th><td>5.674 (21,9{NB}%)</td>' in html


def test_measure_section(rendered: Rendered) -> None:
    html = rendered.html
    start = html.index('<section class="measure" id="massnahme-m05"')
    section = html[start : html.index("</section>", start)]
    assert '<h3 id="massnahme-m05-h">5. Elternschule Hamm e.V.</h3>' in section
    assert f'45.821,54{NB}€</span> <span class="detail">(Stand 30.06.2024)</span>' in section
    assert f'213.431,09{NB}€</span> <span class="pg">S.{NB}35</span>' in section
    assert "<summary>Text wie gedruckt</summary>" in section
    assert "Wert (Kurse)" in section


def test_findings_grouped_with_links(rendered: Rendered) -> None:
    html = rendered.html
    start = html.index('id="befund-measure-cost-differs"')
    group = html[start : html.index("</section>", start)]
    assert '<a href="#massnahme-m03">Maßnahme „Ehrenamtlicher Laien-Sprachmittlerpool' in group
    assert '<a href="#haushalt-b03">' in group
    assert f'Feld Aufwand 2024, <span class="pg">S.{NB}32</span>' in group
    md = rendered.markdown
    assert (
        "  - [Haushaltszeile „Kommunale Schulsozialarbeit“ (StA 40)](#haushalt-b02), "
        f"Feld Ertrag 2024, S.{NB}32"
    ) in md


def test_markup_in_pdf_text_stays_text_in_html(rendered_hostile: Rendered) -> None:
    html = rendered_hostile.html
    assert html.count("<script") == 1 and f"<script>{SCRIPT}</script>" in html
    assert "<img" not in html and "<b>" not in html and "<i>" not in html and "<u>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} | *fett*" in html
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    assert 'href="javascript' not in html


def test_markup_in_pdf_text_stays_text_in_markdown(rendered_hostile: Rendered) -> None:
    md = rendered_hostile.markdown
    assert "<script" not in md and "<img" not in md and "<b>" not in md and "<u>" not in md
    assert "<i>" not in md and "</td>" not in md and "<details open>" not in md
    title = (
        "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7\\*7 }} \\| \\*fett\\* "
        "\\[Link\\](javascript:alert(1)) \\$5\\$ \\# \\~x\\~ \\`c\\`"
    )
    assert f"### 1. {title}" in md
    assert not re.search(r"(?<!\\)\]\(javascript", md)
    # raw text: every line kept, none starts a heading, rule, quote or code block
    assert "\\# Überschrift\\\n\\---\\\n&gt; Zitat\\\neingerückt\\\n" in md
    # table rows keep their column count despite "|" in the data
    rows = [line for line in md.splitlines() if line.startswith('| <a id="haushalt-b01">')]
    assert len(rows) == 1 and len(re.findall(r"(?<!\\)\|", rows[0])) == 11


def test_templates_are_found_in_cwd_first(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert find_templates() == PACKAGED_TEMPLATES or (Path.cwd() / "templates").is_dir()
    own = tmp_path / "templates"
    own.mkdir()
    for name in ("report.html.j2", "report.md.j2"):
        (own / name).write_text("{{ report.headline.measures }} Maßnahmen\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert find_templates() == own
    (own / "report.md.j2").unlink()  # incomplete: the project's own are used
    assert find_templates() == PACKAGED_TEMPLATES


def test_missing_templates_raise_input_error(tmp_path: Path, curated: CuratedPlan) -> None:
    with pytest.raises(InputError, match=r"nirgends: templates folder not found"):
        render_reports(curated, tmp_path / "out", templates_dir=tmp_path / "nirgends")
    with pytest.raises(InputError, match="lacks report.html.j2 and report.md.j2"):
        render_reports(curated, tmp_path / "out", templates_dir=tmp_path)
    with pytest.raises(InputError, match=r"templates folder with .* not found \(looked in "):
        find_templates(cwd=tmp_path, packaged=tmp_path / "nichts")
    assert not (tmp_path / "out").exists()


def test_a_broken_template_names_file_and_line(tmp_path: Path, curated: CuratedPlan) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "report.html.j2").write_text("ok\n{% if %}\n", encoding="utf-8")
    (folder / "report.md.j2").write_text("{{ nicht_da }}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"report\.html\.j2: line 2: "):
        render_reports(curated, tmp_path / "out", templates_dir=folder)
    (folder / "report.html.j2").write_text("ok\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"report\.md\.j2: 'nicht_da' is undefined"):
        render_reports(curated, tmp_path / "out", templates_dir=folder)
    assert not (tmp_path / "out").exists()  # nothing written when a template fails


def test_stale_charts_are_removed_other_files_kept(curated: CuratedPlan, tmp_path: Path) -> None:
    """A chart the previous render wrote and this one does not is removed; a user's own
    files, SVG or not, stay (render removes only what its manifest says it wrote)."""
    out = tmp_path / "out"
    (out / "charts").mkdir(parents=True)
    (out / "charts" / "eigene.svg").write_text("<svg/>", encoding="utf-8")
    (out / "charts" / "notiz.txt").write_text("bleibt", encoding="utf-8")
    render_reports(curated, out)
    manifest = out / ".hammplan-files.json"
    older = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(
        json.dumps({"files": [*older["files"], "charts/alt.svg"]}), encoding="utf-8"
    )
    (out / "charts" / "alt.svg").write_text("<svg/>", encoding="utf-8")
    render_reports(curated, out)
    assert not (out / "charts" / "alt.svg").exists()
    assert (out / "charts" / "notiz.txt").read_text(encoding="utf-8") == "bleibt"
    assert (out / "charts" / "eigene.svg").read_text(encoding="utf-8") == "<svg/>"
    assert json.loads(manifest.read_text(encoding="utf-8")) == older


def test_progress_messages(curated: CuratedPlan, tmp_path: Path) -> None:
    messages: list[str] = []
    render_reports(curated, tmp_path, progress=messages.append)
    assert messages == [
        "render: content",
        "render: 8 charts",
        f"render: wrote 10 files to {tmp_path}",
    ]


def test_a_plan_of_the_real_size_renders_in_seconds(tmp_path: Path) -> None:
    plan = make_large_plan()  # 50 measures, 70 budget rows
    start = time.perf_counter()
    files = render_reports(plan, tmp_path)
    elapsed = time.perf_counter() - start
    assert len(files) == 10
    limit = float(os.environ.get("HAMMPLAN_RENDER_SECONDS", "10"))
    assert elapsed < limit, f"render took {elapsed:.1f} s"
